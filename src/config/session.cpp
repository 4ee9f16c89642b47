#include "config/session.hpp"

#include <algorithm>
#include <cstdlib>
#include <future>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "core/huge_pages.hpp"
#include "rules/pack.hpp"
#include "text/unicode.hpp"

#include "config/names_loader.hpp"

namespace copydesk::config {

namespace fs = std::filesystem;

namespace {

// A YAML scalar: plain when that reads back as the same string, else double-quoted.
std::string yaml_scalar(std::string_view s) {
    const bool plain = !s.empty() &&
                       s.find_first_of(":#{}[],&*!|>'\"%@`\\\n\t") == std::string_view::npos &&
                       s.front() != ' ' && s.back() != ' ' && s.front() != '-' &&
                       s.front() != '?' && s != "on" && s != "off" && s != "yes" && s != "no" &&
                       s != "true" && s != "false" && s != "null" && s != "~";
    if (plain) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string yaml_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += yaml_scalar(items[i]);
    }
    return out + "]";
}

std::string rule_state(const rules::Selection& sel, const std::string& id) {
    if (sel.disable.count(id) != 0) return "off";
    if (auto it = sel.severity.find(id); it != sel.severity.end()) {
        return std::string(to_string(it->second));
    }
    return sel.enable.count(id) != 0 ? "on" : "";
}

}  // namespace

std::string Settings::describe(const std::vector<const rules::RuleInfo*>& all_rules) const {
    std::ostringstream out;
    out << "language: " << yaml_scalar(lang) << '\n';
    out << "style: " << (style.empty() ? "\"\"" : yaml_scalar(style)) << '\n';
    out << "fail_level: " << to_string(fail_level) << '\n';
    out << "report_level: " << to_string(selection.report_level) << '\n';
    out << "front_matter: " << yaml_list(front_matter_keys) << '\n';
    std::vector<std::string> packs;
    for (const fs::path& p : rule_packs) packs.push_back(p.string());
    out << "packs: " << yaml_list(packs) << '\n';
    out << "vocabulary:\n  accept: " << yaml_list(accept) << '\n';
    out << "  reject:" << (reject.empty() ? " []" : "") << '\n';
    for (const auto& r : reject) {
        out << "    - " << yaml_scalar(r.form);
        if (!r.use.empty()) out << ": " << yaml_scalar(r.use);
        out << '\n';
    }
    if (all_rules.empty()) {
        std::set<std::string> named = selection.enable;
        named.insert(selection.disable.begin(), selection.disable.end());
        for (const auto& [id, sev] : selection.severity) named.insert(id);
        out << "rules:" << (named.empty() ? " {}" : "") << '\n';
        for (const std::string& id : named)
            out << "  " << id << ": " << rule_state(selection, id) << '\n';
    } else {
        out << "rules:\n";
        for (const rules::RuleInfo* info : all_rules) {
            const std::string& id = info->id;
            const bool on = (info->enabled_by_default || selection.enable.count(id) != 0) &&
                            selection.disable.count(id) == 0;
            Severity sev = info->severity;
            if (auto it = selection.severity.find(id); it != selection.severity.end())
                sev = it->second;
            out << "  " << id << ": " << (on ? to_string(sev) : "off") << '\n';
        }
    }
    out << "scopes:" << (selection.scopes.empty() ? " {}" : "") << '\n';
    for (const auto& [scope, changes] : selection.scopes) {
        out << "  " << scope << ":\n";
        std::map<std::string, std::string> rows;
        for (const std::string& id : changes.disable) rows[id] = "off";
        for (const auto& [id, sev] : changes.severity) {
            if (!rows.count(id)) rows[id] = std::string(to_string(sev));
        }
        for (const auto& [id, state] : rows) out << "    " << id << ": " << state << '\n';
    }
    return out.str();
}

fs::path find_data_dir(const fs::path& fallback) {
    std::error_code ec;
    if (const char* env = std::getenv("COPYDESK_DATA_DIR"); env != nullptr && *env != '\0') {
        // A folder named on purpose that holds no data is a mistake (a typo, an unmounted
        // volume): running on would drop the word lists, names and rule packs without a word.
        const fs::path dir = env;
        if (!fs::is_directory(dir, ec)) {
            throw std::runtime_error("COPYDESK_DATA_DIR: '" + dir.string() + "' is not a folder");
        }
        if (!fs::is_directory(dir / "dictionaries", ec) && !fs::is_directory(dir / "rules", ec)) {
            throw std::runtime_error("COPYDESK_DATA_DIR: '" + dir.string() +
                                     "' holds neither dictionaries/ nor rules/");
        }
        return dir;
    }
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::string tried;
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "copydesk";
        if (fs::is_directory(installed / "dictionaries", ec)) return installed;
        tried = "'" + installed.string() + "' nor ";
    }
    // Without its data the program would still run, on the system's Hunspell dictionaries and
    // with no names or rule packs, and report other findings without saying why (a program
    // copied away from its source tree, or a tree since removed).
    if (!fs::is_directory(fallback / "dictionaries", ec) &&
        !fs::is_directory(fallback / "rules", ec)) {
        throw std::runtime_error("no data folder: neither " + tried + "'" + fallback.string() +
                                 "' holds dictionaries/ or rules/ (set COPYDESK_DATA_DIR to the "
                                 "folder that does)");
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

namespace {

std::optional<std::string> check_ids_against(
    const Settings& settings, const std::vector<std::unique_ptr<rules::Rule>>& every_rule) {
    std::set<std::string> named = settings.selection.enable;
    named.insert(settings.selection.disable.begin(), settings.selection.disable.end());
    for (const auto& [id, severity] : settings.selection.severity) named.insert(id);
    for (const auto& [scope, changes] : settings.selection.scopes) {
        named.insert(changes.disable.begin(), changes.disable.end());
        for (const auto& [id, severity] : changes.severity) named.insert(id);
    }
    if (auto unknown = rules::unknown_rule_ids(every_rule, named); !unknown.empty()) {
        const std::string& id = unknown.front();
        const auto where = settings.rule_origins.find(id);
        std::vector<std::string_view> ids;
        for (const auto& r : every_rule) ids.push_back(r->info().id);
        const auto near = closest_match(id, ids);
        return (where == settings.rule_origins.end() ? std::string() : where->second + ": ") +
               "unknown rule '" + id + "'" +
               (near ? "; did you mean '" + *near + "'?" : " (see 'copydesk rules')");
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> check_rule_ids(const Settings& settings) {
    auto packs = load_pack_rules(settings);
    if (auto* why = std::get_if<std::string>(&packs)) return *why;
    return check_ids_against(
        settings, all_rules(std::get<std::vector<std::shared_ptr<const rules::Rule>>>(packs)));
}

namespace {

// The speller a Session of `settings` checks spelling with, if its rules check spelling:
// the lexicon (monostate) for the dialects it describes, when the data folder has it, unless
// DICPATH holds the user's own dictionary; else the Hunspell dictionary found for the
// language, or why there is none (the Session cannot be made).
std::variant<std::monostate, spell::DictionaryFiles, std::string> speller_for(
    const Settings& settings) {
    std::error_code ec;
    if (spell::dialect_for_lang(settings.lang) &&
        fs::is_regular_file(settings.data_dir / "dictionaries" / "spelling" / "words.tsv", ec) &&
        !spell::find_dictionary_on_dicpath(settings.lang)) {
        return std::monostate{};
    }
    auto found = spell::find_dictionary(settings.lang);
    if (auto* missing = std::get_if<std::string>(&found)) return *missing;
    return std::get<spell::DictionaryFiles>(found);
}

bool known_misspellings_on(const Settings& settings) {
    const char* table_off = std::getenv("COPYDESK_NO_KNOWN_MISSPELLINGS");
    return settings.known_misspellings && (table_off == nullptr || *table_off == '\0');
}

}  // namespace

std::variant<Session, std::string> Session::create(Settings settings, DataCache* data) {
    Session s;
    // The spelling lexicon is the largest file to read: with a cache to put it in, it loads on
    // another core while the rule packs and the names database do (an error is reported by
    // the load below, if the lexicon is needed at all).
    const auto dialect = spell::dialect_for_lang(settings.lang);
    const bool table = known_misspellings_on(settings);
    const std::string spelling_dir = (settings.data_dir / "dictionaries" / "spelling").string();
    // Runs `load` on another thread if one can be had (the result lands in the cache; the
    // loads below take it from there, or report the error).
    auto early = [data](auto load) {
        std::future<void> started;
        if (data == nullptr) return started;
        try {
            started = std::async(std::launch::async, [load = std::move(load)]() mutable {
                advise_huge_pages();
                load();
            });
        } catch (const std::system_error&) {
            // No thread to spare: it loads below, in turn.
        }
        return started;
    };
    text::prepare_normalization();
    std::future<void> early_spelling;
    if (dialect) {
        early_spelling = early([data, table, &spelling_dir] {
            spell::SpellData ignored;
            (void)data->spelling(spelling_dir, table, ignored);
        });
    }
    // The names database is the next largest; it is needed by the default rules.
    const fs::path names_dir = settings.data_dir / "dictionaries" / "names";
    std::future<void> early_names = early([data, &names_dir] {
        std::error_code ec;
        if (fs::is_directory(names_dir, ec)) (void)data->names(names_dir);
    });
    // The house word lists, which spelling needs, are read meanwhile too (the names are added
    // to them below); declared before the future, whose end waits for the read.
    auto house = std::make_shared<spell::WordList>();
    std::string house_error;
    const fs::path dict_dir = settings.data_dir / "dictionaries";
    auto read_house = [&house, &house_error, &dict_dir] {
        std::error_code ec;
        if (fs::is_directory(dict_dir, ec))
            (void)house->load_directory(dict_dir.string(), house_error);
    };
    std::future<void> early_house = early(read_house);
    auto packs = load_pack_rules(settings);
    if (auto* why = std::get_if<std::string>(&packs)) return *why;
    s.pack_rules_ = std::move(std::get<std::vector<std::shared_ptr<const rules::Rule>>>(packs));
    if (auto why = check_ids_against(settings, all_rules(s.pack_rules_))) return *why;

    // The dictionary and the names database are loaded only if an active rule needs them.
    const rules::Linter probe(all_rules(s.pack_rules_), settings.selection, nullptr);
    bool needs_names = !settings.style.empty();
    for (const rules::Rule* rule : probe.active_rules()) {
        s.needs_speller_ |=
            rule->info().category == Category::Spelling || rule->info().needs_dictionary;
        needs_names |= rule->info().needs_names;
    }
    // The names database also feeds the house word list, so spelling needs it too.
    if (needs_names || s.needs_speller_) {
        if (early_names.valid()) early_names.wait();
        std::error_code ec;
        if (fs::is_directory(names_dir, ec)) {
            auto loaded = data != nullptr ? data->names(names_dir) : load_names(names_dir);
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
        if (early_house.valid()) {
            early_house.wait();
        } else {
            read_house();
        }
        if (!house_error.empty()) return house_error;
        if (s.names_) add_names_to_word_list(*s.names_, *house);
        for (const std::string& word : settings.accept) house->add_entry(word);
        s.spelling_.house = std::move(house);

        // The lexicon describes en_US and en_GB as Debian's Hunspell dictionaries spell them,
        // so for those it replaces Hunspell (whose loading dominates start-up) unless DICPATH
        // points at a dictionary of the user's own.
        if (dialect) {
            if (early_spelling.valid()) early_spelling.wait();
            if (auto failed = data != nullptr
                                  ? data->spelling(spelling_dir, table, s.spelling_)
                                  : spell::load_spelling_data(spelling_dir, table, s.spelling_)) {
                return *failed;
            }
            s.dialect_ = *dialect;
        }
        // One cache of corrections for every thread's checker (see make_worker).
        s.spelling_.corrections = std::make_shared<spell::CorrectionCache>();
        // As cache_identity says (the lexicon is loaded for the dialects it describes).
        auto speller = speller_for(settings);
        if (auto* missing = std::get_if<std::string>(&speller)) return *missing;
        s.use_lexicon_ = std::holds_alternative<std::monostate>(speller);
        if (!s.use_lexicon_) {
            s.dictionary_ = std::get<spell::DictionaryFiles>(speller);
        } else if (!s.spelling_.lexicon) {
            return spelling_dir + "/words.tsv: cannot read it";  // removed since looked for
        }
    }
    if (!settings.reject.empty()) {
        auto vocabulary = std::make_shared<rules::Vocabulary>();
        vocabulary->reject = settings.reject;
        s.vocabulary_ = std::move(vocabulary);
    }
    s.settings_ = std::move(settings);
    return s;
}

std::string cache_identity(const Settings& settings) {
    std::string out = settings.describe();
    out += "data_dir: " + settings.data_dir.string() + "\n";
    out +=
        "known_misspellings: " + std::string(known_misspellings_on(settings) ? "on" : "off") + "\n";
    out += "speller: ";
    const auto speller = speller_for(settings);
    if (std::holds_alternative<std::monostate>(speller)) {
        out += "lexicon";
    } else if (const auto* files = std::get_if<spell::DictionaryFiles>(&speller)) {
        out += "hunspell " + files->dic;
    } else {
        out += "none found";
    }
    out += "\n";
    return out;
}

std::vector<fs::path> cache_inputs(const Settings& settings) {
    std::vector<fs::path> out{settings.data_dir / "dictionaries", settings.data_dir / "rules"};
    out.insert(out.end(), settings.rule_packs.begin(), settings.rule_packs.end());
    if (const auto speller = speller_for(settings);
        const auto* files = std::get_if<spell::DictionaryFiles>(&speller)) {
        out.emplace_back(files->aff);
        out.emplace_back(files->dic);
    }
    return out;
}

Worker Session::make_worker() const {
    Worker w;
    if (needs_speller_) {
        auto engine = use_lexicon_ ? spell::make_lexicon_speller(spelling_.lexicon, dialect_)
                                   : spell::make_hunspell(dictionary_);
        w.speller = std::make_unique<spell::SpellChecker>(std::move(engine), spelling_, dialect_);
    }
    w.linter = std::make_unique<rules::Linter>(
        all_rules(pack_rules_), settings_.selection, w.speller.get(),
        rules::Resources{names_, settings_.style, vocabulary_});
    return w;
}

}  // namespace copydesk::config
