#include "config/session.hpp"

#include <cstdlib>

#include "config/names_loader.hpp"

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

    // The dictionary and the names database are loaded only if an active rule needs them.
    const rules::Linter probe(rules::make_builtin_rules(), settings.selection, nullptr);
    bool needs_names = !settings.style.empty();
    for (const rules::Rule* rule : probe.active_rules()) {
        s.needs_speller_ |=
            rule->info().category == Category::Spelling || rule->info().needs_dictionary;
        needs_names |= rule->info().needs_names;
    }
    // The names database also feeds the house word list, so spelling needs it too.
    if (needs_names || s.needs_speller_) {
        const fs::path names_dir = settings.data_dir / "dictionaries" / "names";
        std::error_code ec;
        if (fs::is_directory(names_dir, ec)) {
            auto loaded = load_names(names_dir);
            if (auto* why = std::get_if<std::string>(&loaded)) return *why;
            s.names_ = std::get<std::shared_ptr<const names::Database>>(std::move(loaded));
        } else if (!settings.style.empty()) {
            return "--style needs the names database, which is not at " + names_dir.string();
        }
    }
    if (!settings.style.empty() && !s.names_->profile_index(settings.style)) {
        std::string known;
        for (const names::Profile& p : s.names_->profiles()) {
            known += (known.empty() ? "" : ", ") + p.id;
        }
        return "unknown style '" + settings.style + "' (known: " + known + ")";
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
        if (s.names_) add_names_to_word_list(*s.names_, *house);
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
    w.linter =
        std::make_unique<rules::Linter>(rules::make_builtin_rules(), settings_.selection,
                                        w.speller.get(), rules::Resources{names_, settings_.style});
    return w;
}

}  // namespace copydesk::config
