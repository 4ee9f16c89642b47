#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "rules/linter.hpp"
#include "spell/speller.hpp"

namespace copydesk::config {

// What the user chose, from flags (and later config files), before anything is loaded.
struct Settings {
    std::string lang = "en_US";
    rules::Selection selection;
    Severity fail_level = Severity::Warning;
    std::filesystem::path data_dir;  // holds dictionaries/ and rules/
    // Rule pack folders loaded after the shipped packs in <data_dir>/rules (one folder a pack).
    std::vector<std::filesystem::path> rule_packs;
};

// The folder holding dictionaries/ and rules/: $COPYDESK_DATA_DIR, the install prefix next to
// the executable, or `fallback` (the source tree the binary was built from).
std::filesystem::path find_data_dir(const std::filesystem::path& fallback);

// The rules of the rule packs: the shipped ones (every folder in <data_dir>/rules) and
// `settings.rule_packs`, in that order. Loaded once and shared by every thread. On failure, an
// error naming the file, line and key.
std::variant<std::vector<std::shared_ptr<const rules::Rule>>, std::string> load_pack_rules(
    const Settings& settings);

// Every rule: the built-in ones and `pack_rules`, sorted by id.
std::vector<std::unique_ptr<rules::Rule>> all_rules(
    const std::vector<std::shared_ptr<const rules::Rule>>& pack_rules);

// A linter for one thread: a Linter owns its segmenter and uses its own spell checker.
struct Worker {
    std::unique_ptr<spell::SpellChecker> speller;
    std::unique_ptr<rules::Linter> linter;
};

// Validated settings with the shared, immutable data loaded once (house word lists, the
// dictionary location). Makes one Worker per thread.
class Session {
  public:
    // Returns an error message (naming the file or rule at fault) on failure.
    static std::variant<Session, std::string> create(Settings settings);

    [[nodiscard]] Worker make_worker() const;
    [[nodiscard]] const Settings& settings() const { return settings_; }

  private:
    Session() = default;

    Settings settings_;
    bool needs_speller_ = false;
    spell::DictionaryFiles dictionary_;
    std::shared_ptr<const spell::WordList> house_;
    std::vector<std::shared_ptr<const rules::Rule>> pack_rules_;
};

}  // namespace copydesk::config
