#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config/config_file.hpp"
#include "config/session.hpp"

namespace copydesk::config {

// Command-line flags: each one given overrides every config file.
struct Flags {
    std::optional<std::string> lang;
    std::optional<std::string> style;
    std::optional<Severity> fail_level;
    std::optional<Severity> report_level;
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::optional<std::filesystem::path> config_file;  // --config: this file only, no discovery
};

// The configuration in force for one file.
struct Effective {
    Settings settings;
    // The config files that apply, outermost first, each with the override globs that
    // matched the file ("site/.copydesk.yaml", "site/.copydesk.yaml (files: archive/**)").
    std::vector<std::string> sources;
    // No config that applies has per-file overrides: every file of the folder resolves alike.
    bool by_folder = true;
};

using ConfigChain = std::vector<std::shared_ptr<const ConfigFile>>;

// Finds and merges the .copydesk.yaml files for each file: from the file's folder upward,
// stopping at a config with `root: true` or at the repository root (a folder with .git).
// Outer files come first and nearer ones override them; a file's overrides apply right after
// it; flags come last. Parsed files and chains are cached per folder.
class Resolver {
  public:
    Resolver(Flags flags, std::filesystem::path data_dir);

    // `file` need not exist (stdin's --stdin-filename); relative paths are taken from the
    // current folder.
    std::variant<Effective, ConfigError> resolve(const std::filesystem::path& file);
    // The config files in force in `folder`, outermost first.
    std::variant<ConfigChain, ConfigError> chain(const std::filesystem::path& folder);

    // For walking folders: does a config's `ignore` skip `path`? does its `include` take a
    // file whose extension is not one copydesk reads by default? (Paths are absolute.)
    bool ignored(const std::filesystem::path& path, bool is_folder);
    bool included(const std::filesystem::path& path);

  private:
    std::variant<std::shared_ptr<const ConfigFile>, ConfigError> load(
        const std::filesystem::path& path);

    Flags flags_;
    std::filesystem::path data_dir_;
    std::map<std::filesystem::path, std::variant<std::shared_ptr<const ConfigFile>, ConfigError>>
        files_;
    std::map<std::filesystem::path, std::variant<ConfigChain, ConfigError>> chains_;
};

// One Session and one Worker per distinct effective configuration; the sessions share the
// large data files through `data`.
class SessionCache {
  public:
    explicit SessionCache(std::shared_ptr<DataCache> data = std::make_shared<DataCache>())
        : data_(std::move(data)) {}

    struct Entry {
        Session session;
        Worker worker;
    };
    // The entry for `settings`, or the error creating its Session.
    std::variant<Entry*, std::string> get(const Settings& settings);
    // What tells apart the configurations that get() makes a Session each for.
    static std::string key_of(const Settings& settings);
    // The entry for the configuration `resolver` finds for `file`, or the error in that
    // configuration or in creating its Session.
    std::variant<Entry*, std::string> for_file(Resolver& resolver,
                                               const std::filesystem::path& file);
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

  private:
    std::shared_ptr<DataCache> data_;
    std::map<std::string, std::variant<std::unique_ptr<Entry>, std::string>> entries_;
};

// An absolute, normalized path.
std::filesystem::path absolute_path(const std::filesystem::path& p);

}  // namespace copydesk::config
