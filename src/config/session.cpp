#include "config/session.hpp"

#include <cstdlib>

namespace copydesk::config {

namespace fs = std::filesystem;

fs::path find_data_dir(const fs::path& fallback) {
    if (const char* env = std::getenv("COPYDESK_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "copydesk";
        if (fs::is_directory(installed / "dictionaries", ec)) return installed;
    }
    return fallback;
}

std::variant<Session, std::string> Session::create(Settings settings) {
    Session s;
    const auto all_rules = rules::make_builtin_rules();
    std::set<std::string> named = settings.selection.enable;
    named.insert(settings.selection.disable.begin(), settings.selection.disable.end());
    for (const auto& [id, severity] : settings.selection.severity) named.insert(id);
    if (auto unknown = rules::unknown_rule_ids(all_rules, named); !unknown.empty()) {
        return "unknown rule '" + unknown.front() + "' (see 'copydesk rules')";
    }

    // The dictionary is loaded only if an active rule needs it.
    const rules::Linter probe(rules::make_builtin_rules(), settings.selection, nullptr);
    for (const rules::Rule* rule : probe.active_rules()) {
        s.needs_speller_ |=
            rule->info().category == Category::Spelling || rule->info().id == "unknown-name";
    }
    if (s.needs_speller_) {
        auto house = std::make_shared<spell::WordList>();
        const fs::path dict_dir = settings.data_dir / "dictionaries";
        std::error_code ec;
        std::string why;
        if (fs::is_directory(dict_dir, ec) && !house->load_directory(dict_dir.string(), why)) {
            return why;
        }
        s.spelling_.house = std::move(house);

        // The lexicon describes en_US and en_GB as Debian's Hunspell dictionaries spell them,
        // so for those it replaces Hunspell (whose loading dominates start-up) unless DICPATH
        // points at a dictionary of the user's own.
        const auto dialect = spell::dialect_for_lang(settings.lang);
        if (dialect) {
            const char* off = std::getenv("COPYDESK_NO_KNOWN_MISSPELLINGS");
            const bool table = settings.known_misspellings && (off == nullptr || *off == '\0');
            if (auto failed = spell::load_spelling_data((dict_dir / "spelling").string(), table,
                                                        s.spelling_)) {
                return *failed;
            }
            s.dialect_ = *dialect;
        }
        const bool own_dictionary = spell::find_dictionary_on_dicpath(settings.lang).has_value();
        s.use_lexicon_ = s.spelling_.lexicon != nullptr && !own_dictionary;
        if (!s.use_lexicon_) {
            auto found = spell::find_dictionary(settings.lang);
            if (auto* missing = std::get_if<std::string>(&found)) return *missing;
            s.dictionary_ = std::get<spell::DictionaryFiles>(found);
        }
    }
    s.settings_ = std::move(settings);
    return s;
}

Worker Session::make_worker() const {
    Worker w;
    if (needs_speller_) {
        auto engine = use_lexicon_ ? spell::make_lexicon_speller(spelling_.lexicon, dialect_)
                                   : spell::make_hunspell(dictionary_);
        w.speller = std::make_unique<spell::SpellChecker>(std::move(engine), spelling_, dialect_);
    }
    w.linter = std::make_unique<rules::Linter>(rules::make_builtin_rules(), settings_.selection,
                                               w.speller.get());
    return w;
}

}  // namespace copydesk::config
