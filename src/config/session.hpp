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
    // Offer the known-misspellings table's corrections (off to measure the ranker alone;
    // the environment variable COPYDESK_NO_KNOWN_MISSPELLINGS=1 switches it off too).
    bool known_misspellings = true;
};

// The folder holding dictionaries/ and rules/: $COPYDESK_DATA_DIR, the install prefix next to
// the executable, or `fallback` (the source tree the binary was built from).
std::filesystem::path find_data_dir(const std::filesystem::path& fallback);

// A linter for one thread: a Linter owns its segmenter and uses its own spell checker.
struct Worker {
    std::unique_ptr<spell::SpellChecker> speller;
    std::unique_ptr<rules::Linter> linter;
};

// Validated settings with the shared, immutable data loaded once (house word lists, the
// spelling lexicon and misspellings table, the dictionary location). Makes one Worker per
// thread.
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
    bool use_lexicon_ = false;  // check with the lexicon instead of loading Hunspell
    spell::DictionaryFiles dictionary_;
    spell::Dialect dialect_ = spell::Dialect::Any;
    spell::SpellData spelling_;
};

}  // namespace copydesk::config
