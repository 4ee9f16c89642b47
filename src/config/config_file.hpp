#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/glob.hpp"
#include "core/diagnostic.hpp"
#include "rules/rule.hpp"

namespace copydesk::config {

// Where a setting was written: a config file position, or the command line (empty file).
struct Origin {
    std::string file;
    int line = 0;                                 // 1-based
    int column = 0;                               // 1-based
    [[nodiscard]] std::string to_string() const;  // "file:line:col", or "command line"
};

// An invalid configuration: names the file, line, column and key at fault.
struct ConfigError {
    Origin where;
    std::string message;
    [[nodiscard]] std::string to_string() const { return where.to_string() + ": " + message; }
};

struct RuleSetting {
    enum class State { Off, On, Severity };
    State state = State::On;
    Severity severity = Severity::Warning;  // when state == Severity
    Origin origin;
};

// The keys a config file, or one of its overrides, may set. Unset keys leave the value of an
// outer file (or the default) alone.
struct Layer {
    std::optional<std::string> language;
    std::optional<std::string> style;
    std::optional<Severity> fail_level;
    std::optional<Severity> report_level;
    std::map<std::string, RuleSetting> rules;
    std::map<std::string, std::map<std::string, RuleSetting>> scopes;  // scope -> rule -> setting
    std::vector<std::filesystem::path> packs;                          // absolute folders
    std::vector<std::string> accept;
    std::vector<rules::Vocabulary::Rejected> reject;
    std::optional<std::vector<std::string>> front_matter;
};

struct Override {
    std::vector<Glob> files;  // relative to the config file's folder
    Layer layer;
};

// One parsed .copydesk.yaml.
struct ConfigFile {
    std::filesystem::path path;
    std::filesystem::path folder;  // globs and packs are relative to it
    bool root = false;             // do not look further up for config files
    Layer base;
    std::vector<Override> overrides;
    std::vector<Glob> ignore;   // paths not to lint when walking folders
    std::vector<Glob> include;  // files to lint although their extension is not text-like
};

inline constexpr std::string_view kConfigFileName = ".copydesk.yaml";
inline constexpr std::size_t kMaxConfigFileSize = 4u << 20;  // 4 MiB

// Parses and validates config text; `path` names the file in errors and anchors relative paths.
std::variant<ConfigFile, ConfigError> parse_config(const std::filesystem::path& path,
                                                   std::string_view text);
std::variant<ConfigFile, ConfigError> load_config(const std::filesystem::path& path);

// The keys a config file accepts at the top level, and in an override.
std::vector<std::string_view> config_keys();
std::vector<std::string_view> override_keys();

// The commented starter file `copydesk init` writes.
std::string_view starter_config();

}  // namespace copydesk::config
