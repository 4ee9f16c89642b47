#pragma once

// Rule packs: data-driven rules in YAML, one rule a file, rules/<pack>/<rule-id>.yaml.
//
//   auto loaded = rules::load_rule_pack("rules/editorial");
//   if (auto* error = std::get_if<rules::PackError>(&loaded)) {
//       std::cerr << "copydesk: " << error->what() << '\n';   // file:line:col: key 'x': ...
//       return 2;
//   }
//   for (const auto& rule : std::get<rules::RulePack>(loaded).rules) ...
//
// Every file is validated when it is loaded (keys, types, severities, categories, message
// placeholders, regular expressions, inline tests); the first problem is returned as a
// PackError naming the file, line, column and key. Loaded rules are immutable and safe to
// share between threads: give each Linter its own handles with share_rule(). The rule kinds
// and keys are documented in docs/rules.md.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "rules/rule.hpp"

namespace copydesk::rules {

struct PackError {
    std::string file;
    int line = 0;    // 1-based; 0 when the error is about the file or folder as a whole
    int column = 0;  // 1-based
    std::string message;

    // "rules/house/kyiv.yaml:4:7: key 'swap': ..." (without the program prefix)
    [[nodiscard]] std::string what() const;
};

inline constexpr std::size_t kMaxRuleFileSize = 4u << 20;  // 4 MiB

struct RulePack {
    std::string name;                                // the folder name
    std::vector<std::shared_ptr<const Rule>> rules;  // sorted by id
};

// Loads every *.yaml file of `dir` (not its subfolders), in sorted order. Phrase lists of all
// its rules are compiled into one matcher for the pack.
std::variant<RulePack, PackError> load_rule_pack(const std::filesystem::path& dir);
// The same, with the files whose bytes `snapshot` holds read from it (rules/pack_snapshot.hpp)
// rather than parsed; the overload above uses the snapshot built into the program.
std::variant<RulePack, PackError> load_rule_pack(const std::filesystem::path& dir,
                                                 std::span<const std::byte> snapshot);

// Loads every pack under `root` (each subfolder is a pack), sorted by name. A missing `root`
// gives no packs. Rule ids must be unique across the packs.
std::variant<std::vector<RulePack>, PackError> load_rule_packs(const std::filesystem::path& root);
std::variant<std::vector<RulePack>, PackError> load_rule_packs(const std::filesystem::path& root,
                                                               std::span<const std::byte> snapshot);

// A Rule handle for a Linter, sharing the loaded rule.
std::unique_ptr<Rule> share_rule(std::shared_ptr<const Rule> rule);

}  // namespace copydesk::rules
