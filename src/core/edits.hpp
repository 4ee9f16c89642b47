#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace copydesk {

// Applies non-overlapping edits (in any order) to `source`. Edits that overlap an earlier
// one in position order are skipped; returns how many were applied via `applied`.
std::string apply_edits(std::string_view source, std::vector<Edit> edits,
                        std::size_t* applied = nullptr);

}  // namespace copydesk
