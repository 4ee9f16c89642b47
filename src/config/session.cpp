#include "config/session.hpp"

#include <algorithm>
#include <cstdlib>

#include "rules/pack.hpp"

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

std::variant<std::vector<std::shared_ptr<const rules::Rule>>, std::string> load_pack_rules(
    const Settings& settings) {
    std::vector<std::shared_ptr<const rules::Rule>> out;
    std::vector<rules::RulePack> packs;
    auto shipped = rules::load_rule_packs(settings.data_dir / "rules");
    if (auto* error = std::get_if<rules::PackError>(&shipped)) return error->what();
    packs = std::move(std::get<std::vector<rules::RulePack>>(shipped));
    for (const fs::path& dir : settings.rule_packs) {
        auto loaded = rules::load_rule_pack(dir);
        if (auto* error = std::get_if<rules::PackError>(&loaded)) return error->what();
        packs.push_back(std::move(std::get<rules::RulePack>(loaded)));
    }
    // Rule ids are unique across the built-in rules and every pack.
    std::map<std::string, std::string> seen;
    for (const auto& rule : rules::make_builtin_rules()) seen.emplace(rule->info().id, "built in");
    for (rules::RulePack& pack : packs) {
        for (auto& rule : pack.rules) {
            const std::string& id = rule->info().id;
            if (auto [it, fresh] = seen.emplace(id, "pack '" + pack.name + "'"); !fresh) {
                return "rule pack '" + pack.name + "': rule id '" + id + "' is already used (" +
                       it->second + ")";
            }
            out.push_back(std::move(rule));
        }
    }
    return out;
}

std::vector<std::unique_ptr<rules::Rule>> all_rules(
    const std::vector<std::shared_ptr<const rules::Rule>>& pack_rules) {
    auto out = rules::make_builtin_rules();
    for (const auto& rule : pack_rules) out.push_back(rules::share_rule(rule));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
    return out;
}

std::variant<Session, std::string> Session::create(Settings settings) {
    Session s;
    auto packs = load_pack_rules(settings);
    if (auto* why = std::get_if<std::string>(&packs)) return *why;
    s.pack_rules_ = std::move(std::get<std::vector<std::shared_ptr<const rules::Rule>>>(packs));
    const auto every_rule = all_rules(s.pack_rules_);
    std::set<std::string> named = settings.selection.enable;
    named.insert(settings.selection.disable.begin(), settings.selection.disable.end());
    for (const auto& [id, severity] : settings.selection.severity) named.insert(id);
    if (auto unknown = rules::unknown_rule_ids(every_rule, named); !unknown.empty()) {
        return "unknown rule '" + unknown.front() + "' (see 'copydesk rules')";
    }

    // The dictionary is loaded only if an active rule needs it.
    const rules::Linter probe(all_rules(s.pack_rules_), settings.selection, nullptr);
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
    w.linter = std::make_unique<rules::Linter>(all_rules(pack_rules_), settings_.selection,
                                               w.speller.get());
    return w;
}

}  // namespace copydesk::config
