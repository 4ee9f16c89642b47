#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace copydesk::fix {

// A unified diff from `original` to `fixed` (`diff -u` style, `context` lines around each
// change, headers `--- label` and `+++ label`, so `patch -p0` applies it). `edits` are the
// sorted, non-overlapping edits that turn `original` into `fixed` (fix::Result::edits): lines
// untouched by them are the common lines. Lines end at LF; a CR stays part of its line. Empty
// when nothing changed.
[[nodiscard]] std::string unified_diff(std::string_view label, std::string_view original,
                                       std::string_view fixed, std::span<const Edit> edits,
                                       int context = 3);

}  // namespace copydesk::fix
