#include "rules/pack.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "kinds/kinds.hpp"
#include "rules/pack_snapshot.hpp"
#include "spell/read_file.hpp"

namespace copydesk::rules {

namespace fs = std::filesystem;
using kinds::Keys;
using kinds::LoadFailure;

std::string PackError::what() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    return out + ": " + message;
}

namespace kinds {

const std::map<std::string, Factory>& kind_factories() {
    static const std::map<std::string, Factory> factories{
        {"capitalization", make_capitalization}, {"conditional", make_conditional},
        {"consistency", make_consistency},       {"existence", make_existence},
        {"occurrence", make_occurrence},         {"repetition", make_repetition},
        {"substitution", make_substitution},
    };
    return factories;
}

}  // namespace kinds

namespace {

bool is_rule_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string names_of(const auto& map) {
    std::string out;
    for (const auto& [name, _] : map) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// `lines`: the line of each test, for a tree without positions (see SnapshotFile).
std::vector<Example> read_tests(Keys& keys, std::span<const int> lines) {
    std::vector<Example> out;
    const YAML::Node tests = keys.node("tests");
    if (!tests) return out;
    if (!tests.IsSequence())
        keys.fail(tests, "tests", "must be a list of {bad: ...} or {good: ...}");
    for (const YAML::Node& t : tests) {
        if (!t.IsMap()) keys.fail(t, "tests", "each test must be a mapping with 'bad' or 'good'");
        Keys test(keys.file(), t);
        Example e;
        const int line = out.size() < lines.size() ? lines[out.size()] : t.Mark().line;
        e.origin = keys.file() + ":" + std::to_string(line + 1);
        e.bad = test.has("bad");
        if (e.bad == test.has("good"))
            test.fail(t, "tests", "each test needs exactly one of 'bad' and 'good'");
        e.text = test.string(e.bad ? "bad" : "good");
        if (e.bad) {
            if (!test.has("flags") && !test.has("fixed"))
                test.fail(t, "tests", "a 'bad' test needs 'flags' (what is flagged) or 'fixed'");
            if (test.has("flags")) e.flags = test.strings("flags");
            if (test.has("fixed")) {
                const YAML::Node f = test.node("fixed");
                if (!f.IsScalar()) test.fail(f, "fixed", "must be a string");
                e.fixed = f.as<std::string>();
            }
            e.message = test.string_or("message", "");
        }
        test.check_all_used();
        out.push_back(std::move(e));
    }
    return out;
}

std::set<Scope> read_scopes(Keys& keys) {
    std::set<Scope> scopes;
    if (!keys.has("scope")) return scopes;
    const std::vector<Scope> all{Scope::Paragraph, Scope::Heading,  Scope::Quote,
                                 Scope::Caption,   Scope::ListItem, Scope::TableCell};
    const YAML::Node n = keys.node("scope");
    std::vector<YAML::Node> items;
    if (n.IsScalar()) {
        items.push_back(n);
    } else if (n.IsSequence() && n.size() != 0) {
        for (const YAML::Node& i : n) items.push_back(i);
    } else {
        keys.fail(n, "scope", "must be a scope or a list of scopes");
    }
    for (const YAML::Node& i : items) {
        const std::string name = i.IsScalar() ? i.as<std::string>() : std::string();
        auto it =
            std::find_if(all.begin(), all.end(), [&](Scope s) { return to_string(s) == name; });
        if (it == all.end()) {
            keys.fail(i, "scope",
                      "unknown scope '" + name +
                          "' (use paragraph, heading, quote, caption, list-item, table-cell)");
        }
        scopes.insert(*it);
    }
    return scopes;
}

// The rule of the rule file `path`, whose YAML is `root`.
std::shared_ptr<const Rule> rule_from_yaml(const fs::path& path, const YAML::Node& root,
                                           std::span<const int> test_lines, const std::string& pack,
                                           const std::shared_ptr<kinds::PhraseIndex>& phrases,
                                           text::Segmenter& segmenter) {
    const std::string file = path.string();
    if (!root.IsMap()) throw LoadFailure{{file, 1, 1, "a rule file must be a YAML mapping"}};
    Keys keys(file, root);

    kinds::Common common;
    RuleInfo& info = common.info;
    info.id = keys.string("id");
    if (!is_rule_id(info.id)) {
        keys.fail("id", "'" + info.id + "' must be lower-case letters, digits and hyphens");
    }
    if (path.stem().string() != info.id) {
        keys.fail("id",
                  "'" + info.id + "' does not match the file name (expected " + info.id + ".yaml)");
    }
    const std::string kind = keys.string("extends");
    const auto& factories = kinds::kind_factories();
    auto factory = factories.find(kind);
    if (factory == factories.end()) {
        keys.fail("extends", "unknown rule kind '" + kind + "' (use " + names_of(factories) + ")");
    }
    common.message = keys.string("message");
    const std::string severity = keys.string("severity");
    if (auto s = parse_severity(severity)) {
        info.severity = *s;
    } else {
        keys.fail("severity",
                  "unknown severity '" + severity + "' (use suggestion, warning, error)");
    }
    const std::string category = keys.string("category");
    if (auto c = parse_category(category)) {
        info.category = *c;
    } else {
        keys.fail("category",
                  "unknown category '" + category +
                      "' (use spelling, typo, names, house-style, punctuation, typography, "
                      "grammar, repetition, web-residue, unicode)");
    }
    info.link = keys.string_or("link", "");
    // Folded YAML scalars (">") end in a line break.
    auto trimmed = [](std::string t) {
        while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
        return t;
    };
    info.description = trimmed(keys.string_or("description", ""));
    info.summary = trimmed(
        keys.string_or("summary", info.description.empty() ? common.message : info.description));
    info.enabled_by_default = keys.boolean_or("enabled", true);
    common.pack.name = pack;
    common.pack.kind = kind;
    common.pack.examples = read_tests(keys, test_lines);
    common.scopes = read_scopes(keys);

    kinds::Build build{keys, std::move(common), phrases, segmenter};
    auto rule = factory->second(build);
    keys.check_all_used();
    return rule;
}

std::shared_ptr<const Rule> load_rule_file(const fs::path& path, const std::string& pack,
                                           const std::shared_ptr<kinds::PhraseIndex>& phrases,
                                           text::Segmenter& segmenter,
                                           std::span<const std::byte> snapshot) {
    const std::string file = path.string();
    // A rule file is a few dozen lines, a long word list at most; parsing a huge file as YAML
    // would take gigabytes.
    const std::optional<std::string> read = spell::read_at_most(path, kMaxRuleFileSize);
    if (!read) throw LoadFailure{{file, 0, 0, "cannot read the file"}};
    const std::string& text = *read;
    if (text.size() > kMaxRuleFileSize) {
        throw LoadFailure{{file, 0, 0,
                           "larger than " + std::to_string(kMaxRuleFileSize >> 20) +
                               " MiB; is it really a rule file?"}};
    }
    if (const auto kept = read_rule_snapshot(snapshot, text)) {
        try {
            return rule_from_yaml(path, kept->root, kept->test_lines, pack, phrases, segmenter);
        } catch (const LoadFailure&) {
            // Parsed below, for the error's line and column.
        } catch (const YAML::Exception&) {
        }
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw LoadFailure{{file, e.mark.line + 1, e.mark.column + 1, "invalid YAML: " + e.msg}};
    }
    return rule_from_yaml(path, root, {}, pack, phrases, segmenter);
}

// Forwards to a loaded rule shared by every Linter.
class SharedRule final : public Rule {
  public:
    explicit SharedRule(std::shared_ptr<const Rule> rule) : rule_(std::move(rule)) {}
    [[nodiscard]] const RuleInfo& info() const override { return rule_->info(); }
    [[nodiscard]] const PackInfo* pack() const override { return rule_->pack(); }
    void check(const Context& ctx, Reporter& out) const override { rule_->check(ctx, out); }

  private:
    std::shared_ptr<const Rule> rule_;
};

}  // namespace

std::variant<RulePack, PackError> load_rule_pack(const fs::path& dir) {
    return load_rule_pack(dir, embedded_rule_snapshot());
}

std::variant<RulePack, PackError> load_rule_pack(const fs::path& dir,
                                                 std::span<const std::byte> snapshot) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return PackError{dir.string(), 0, 0, "not a folder"};
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().starts_with('.')) continue;
        if ((p.extension() == ".yaml" || p.extension() == ".yml") && it->is_regular_file(ec))
            files.push_back(p);
    }
    if (ec) return PackError{dir.string(), 0, 0, "cannot read the folder: " + ec.message()};
    std::sort(files.begin(), files.end());

    RulePack pack;
    pack.name = dir.filename().string();
    if (pack.name.empty()) pack.name = dir.parent_path().filename().string();
    auto phrases = std::make_shared<kinds::PhraseIndex>();
    text::Segmenter segmenter;
    std::map<std::string, std::string> seen;
    try {
        for (const fs::path& f : files) {
            auto rule = load_rule_file(f, pack.name, phrases, segmenter, snapshot);
            if (auto [it, fresh] = seen.emplace(rule->info().id, f.string()); !fresh) {
                return PackError{f.string(), 0, 0,
                                 "rule id '" + rule->info().id + "' is also used by " + it->second};
            }
            pack.rules.push_back(std::move(rule));
        }
    } catch (const LoadFailure& failure) {
        return failure.error;
    } catch (const YAML::Exception& e) {
        // A value of the wrong shape that a check above did not catch.
        return PackError{dir.string(), e.mark.line + 1, e.mark.column + 1, e.msg};
    }
    std::sort(pack.rules.begin(), pack.rules.end(),
              [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
    return pack;
}

std::variant<std::vector<RulePack>, PackError> load_rule_packs(const fs::path& root) {
    return load_rule_packs(root, embedded_rule_snapshot());
}

std::variant<std::vector<RulePack>, PackError> load_rule_packs(
    const fs::path& root, std::span<const std::byte> snapshot) {
    std::vector<RulePack> packs;
    std::error_code ec;
    if (!fs::exists(root, ec)) return packs;
    if (!fs::is_directory(root, ec)) return PackError{root.string(), 0, 0, "not a folder"};
    std::vector<fs::path> dirs;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && !it->path().filename().string().starts_with('.'))
            dirs.push_back(it->path());
    }
    if (ec) return PackError{root.string(), 0, 0, "cannot read the folder: " + ec.message()};
    std::sort(dirs.begin(), dirs.end());
    std::map<std::string, std::string> seen;
    for (const fs::path& d : dirs) {
        auto loaded = load_rule_pack(d, snapshot);
        if (auto* error = std::get_if<PackError>(&loaded)) return *error;
        RulePack& pack = std::get<RulePack>(loaded);
        for (const auto& rule : pack.rules) {
            const std::string& id = rule->info().id;
            if (auto [it, fresh] = seen.emplace(id, pack.name); !fresh) {
                return PackError{(d / (id + ".yaml")).string(), 0, 0,
                                 "rule id '" + id + "' is also used by pack '" + it->second + "'"};
            }
        }
        packs.push_back(std::move(pack));
    }
    return packs;
}

std::unique_ptr<Rule> share_rule(std::shared_ptr<const Rule> rule) {
    return std::make_unique<SharedRule>(std::move(rule));
}

}  // namespace copydesk::rules
