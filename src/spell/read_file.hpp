#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk::spell {

// Shared by the loaders of data files, rule files and config files.

// The first `limit + 1` bytes of a file at most (so that a caller sees that it is larger than
// `limit` without reading all of it), or nullopt if it cannot be opened or read. Memory grows
// with what is read, not with the limit.
std::optional<std::string> read_at_most(const std::filesystem::path& path, std::size_t limit);

// True if the file at `path` holds exactly `text`; read a piece at a time, so that checking a
// data file of megabytes against the program's index of it allocates nothing of that size.
bool file_holds(const std::string& path, std::string_view text);

}  // namespace copydesk::spell
