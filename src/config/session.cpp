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
        auto found = spell::find_dictionary(settings.lang);
        if (auto* why = std::get_if<std::string>(&found)) return *why;
        s.dictionary_ = std::get<spell::DictionaryFiles>(found);
        auto house = std::make_shared<spell::WordList>();
        const fs::path dict_dir = settings.data_dir / "dictionaries";
        std::error_code ec;
        std::string why;
        if (fs::is_directory(dict_dir, ec) && !house->load_directory(dict_dir.string(), why)) {
            return why;
        }
        s.house_ = std::move(house);
    }
    s.settings_ = std::move(settings);
    return s;
}

Worker Session::make_worker() const {
    Worker w;
    if (needs_speller_) {
        w.speller =
            std::make_unique<spell::SpellChecker>(spell::make_hunspell(dictionary_), house_);
    }
    w.linter = std::make_unique<rules::Linter>(rules::make_builtin_rules(), settings_.selection,
                                               w.speller.get());
    return w;
}

}  // namespace copydesk::config
