#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config/data_cache.hpp"
#include "rules/linter.hpp"
#include "spell/speller.hpp"

namespace copydesk::config {

// What the user chose, from config files and flags, before anything is loaded.
struct Settings {
    std::string lang = "en_US";
    std::string style;  // style profile id from dictionaries/names (--style); empty: none
    rules::Selection selection;
    Severity fail_level = Severity::Warning;
    std::filesystem::path data_dir;                   // holds dictionaries/ and rules/
    std::vector<std::filesystem::path> rule_packs;    // rule pack folders to load, absolute
    std::vector<std::string> accept;                  // project words the spell checker knows
    std::vector<rules::Vocabulary::Rejected> reject;  // forms the project never uses
    std::vector<std::string> front_matter_keys{"title", "description", "summary"};
    // Where each rule id named in the configuration was written ("file:line:col"), so that an
    // unknown id is reported there.
    std::map<std::string, std::string> rule_origins;

    // The settings as YAML, in a fixed order; equal text means equal settings (one Session
    // serves every file that has it). With `all_rules`, the rules section lists the
    // effective state of every rule, as `copydesk config --show` prints it.
    [[nodiscard]] std::string describe(
        const std::vector<const rules::RuleInfo*>& all_rules = {}) const;
    // Offer the known-misspellings table's corrections (off to measure the ranker alone;
    // the environment variable COPYDESK_NO_KNOWN_MISSPELLINGS=1 switches it off too).
    bool known_misspellings = true;
};

// An error naming where an unknown rule id was written, if the settings name one.
std::optional<std::string> check_rule_ids(const Settings& settings);

// The folder holding dictionaries/ and rules/: $COPYDESK_DATA_DIR, the install prefix next to
// the executable, or `fallback` (the source tree the binary was built from). Throws
// std::runtime_error when $COPYDESK_DATA_DIR is set to something that is not a folder, or to
// a folder with neither dictionaries/ nor rules/ in it; and when it is not set and neither the
// install prefix nor `fallback` holds them.
std::filesystem::path find_data_dir(const std::filesystem::path& fallback);

// The rules of the rule packs: the shipped ones (every folder in <data_dir>/rules) and
// `settings.rule_packs`, in that order. Loaded once and shared by every thread. On failure, an
// error naming the file, line and key.
std::variant<std::vector<std::shared_ptr<const rules::Rule>>, std::string> load_pack_rules(
    const Settings& settings);

// Every rule: the built-in ones and `pack_rules`, sorted by id.
std::vector<std::unique_ptr<rules::Rule>> all_rules(
    const std::vector<std::shared_ptr<const rules::Rule>>& pack_rules);

// Everything besides a file's own bytes that decides its findings under `settings`, for a
// cache of them, known before the Session is made (a run whose files all come from the cache
// makes none): `cache_identity` says what the settings are and which data and speller they
// use; `cache_inputs` are the files and folders whose content a Session of them reads (the
// data folder's dictionaries and rules, the rule packs, and the Hunspell dictionary when
// spelling is checked with one).
std::string cache_identity(const Settings& settings);
std::vector<std::filesystem::path> cache_inputs(const Settings& settings);

// A linter for one thread: a Linter owns its segmenter and uses its own spell checker.
struct Worker {
    std::unique_ptr<spell::SpellChecker> speller;
    std::unique_ptr<rules::Linter> linter;
};

// Validated settings with the shared, immutable data loaded once (house word lists, the
// spelling lexicon and misspellings table, the dictionary location, the names database).
// Makes one Worker per thread.
class Session {
  public:
    // Returns an error message (naming the file or rule at fault) on failure. The large data
    // files come from `data` if given (shared with other sessions), else are loaded anew.
    static std::variant<Session, std::string> create(Settings settings, DataCache* data = nullptr);

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
    std::shared_ptr<const rules::Vocabulary> vocabulary_;
    std::vector<std::shared_ptr<const rules::Rule>> pack_rules_;
    std::shared_ptr<const names::Database> names_;
};

}  // namespace copydesk::config
