#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "config/resolver.hpp"

namespace copydesk::cli {

struct InputFailure {
    std::string path;
    std::string why;
};

// Files given, in order; "-" (stdin) passes through and files named on the command line are
// always linted. Folders are expanded recursively in sorted order, skipping hidden entries,
// paths a .gitignore ignores (from the repository root down) and the config files' `ignore`
// globs; only .txt .text .md .markdown .html .htm files unless an `include` glob names one.
std::vector<std::string> expand_paths(const std::vector<std::string>& inputs,
                                      config::Resolver& resolver,
                                      std::vector<InputFailure>& failures);

// Rule ids from repeatable, comma-separated flag values ("--enable a,b --enable c").
std::vector<std::string> split_ids(const std::vector<std::string>& values);

// The default of --max-file-size: larger files are refused, not linted.
inline constexpr std::uint64_t kDefaultMaxFileSize = 64ULL << 20;

// Reads a whole file ("-" for stdin; FIFOs and process substitutions too) of at most `max_size`
// bytes. On failure returns false with `why` set.
bool read_input(const std::string& path, std::uint64_t max_size, std::string& bytes,
                std::string& why);
// "64 MiB", "512 KiB", "100 bytes".
std::string describe_size(std::uint64_t bytes);
// The error for a file larger than `max_size`.
std::string too_large(std::uint64_t max_size);

}  // namespace copydesk::cli
