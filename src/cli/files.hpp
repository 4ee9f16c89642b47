#pragma once

#include <string>
#include <utility>
#include <vector>

namespace copydesk::cli {

struct InputFailure {
    std::string path;
    std::string why;
};

// Files given, in order; folders expanded recursively in sorted order, hidden entries and
// non-text extensions skipped. "-" (stdin) passes through.
std::vector<std::string> expand_paths(const std::vector<std::string>& inputs,
                                      std::vector<InputFailure>& failures);

// Rule ids from repeatable, comma-separated flag values ("--enable a,b --enable c").
std::vector<std::string> split_ids(const std::vector<std::string>& values);

// Reads a whole file ("-" for stdin). On failure returns false with `why` set.
bool read_input(const std::string& path, std::string& bytes, std::string& why);

}  // namespace copydesk::cli
