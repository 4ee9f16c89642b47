#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Rule files' YAML as bytes a program carries (tools/rule_snapshot parses the shipped packs at
// build time): yaml-cpp took about 15 M instructions to parse the 12 KB of rules/, a third of
// start-up, where rebuilding their 600 nodes takes a few hundred thousand. A file is read from
// the snapshot only when the snapshot holds its exact bytes; any other file is parsed.
namespace copydesk::rules {

// A rule file as the snapshot gives it back: its tree, and the line (0-based) of each item of
// its `tests` list, since a rebuilt tree has no positions (a file whose rules fail to load from
// its tree is parsed again, for the error's line and column).
struct SnapshotFile {
    YAML::Node root;
    std::vector<int> test_lines;
};

// The snapshot of rule files with these texts. Throws YAML::Exception for a text that is not
// YAML.
std::string write_rule_snapshot(const std::vector<std::string>& texts);

// The file of `snapshot` whose text is `text`, or nullopt: none is, or the bytes are no
// snapshot.
std::optional<SnapshotFile> read_rule_snapshot(std::span<const std::byte> snapshot,
                                               std::string_view text);

// The snapshot of rules/ built into the program (src/cli/rule_snapshot.cpp), or nothing in a
// program built without one.
std::span<const std::byte> embedded_rule_snapshot();

}  // namespace copydesk::rules
