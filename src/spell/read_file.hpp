#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace copydesk::spell {

// Shared by the loaders of data files, rule files and config files.

// The first `limit + 1` bytes of a file at most (so that a caller sees that it is larger than
// `limit` without reading all of it), or nullopt if it cannot be opened or read. Memory grows
// with what is read, not with the limit.
std::optional<std::string> read_at_most(const std::filesystem::path& path, std::size_t limit);

}  // namespace copydesk::spell
