#include "config/config_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <span>

#include "rules/linter.hpp"
#include "spell/read_file.hpp"

namespace copydesk::config {

namespace fs = std::filesystem;

std::string Origin::to_string() const {
    if (file.empty()) return "command line";
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

namespace {

// Thrown inside the parser only; parse_config turns it into a ConfigError.
struct Invalid {
    YAML::Mark mark;
    std::string message;
};

constexpr std::array<std::string_view, 13> kTopKeys{
    "root",  "language",   "style",  "fail_level", "report_level", "rules",    "scopes",
    "packs", "vocabulary", "ignore", "include",    "front_matter", "overrides"};
constexpr std::array<std::string_view, 10> kOverrideKeys{
    "files", "language", "style",      "fail_level",   "report_level",
    "rules", "scopes",   "vocabulary", "front_matter", "packs"};

std::string join(std::span<const std::string_view> words) {
    std::string out;
    for (std::string_view w : words) {
        if (!out.empty()) out += ", ";
        out += w;
    }
    return out;
}

class Parser {
  public:
    Parser(fs::path path, fs::path folder) : path_(std::move(path)), folder_(std::move(folder)) {}

    ConfigFile file(const YAML::Node& root) {
        ConfigFile cfg;
        cfg.path = path_;
        cfg.folder = folder_;
        if (!root || root.IsNull()) return cfg;
        if (!root.IsMap())
            throw Invalid{root.Mark(), "a config file is a mapping of keys (see docs/config.md)"};
        for (const auto& kv : root) {
            const std::string key = key_of(kv.first, kTopKeys);
            const YAML::Node& v = kv.second;
            if (key == "root") {
                cfg.root = boolean(v, key);
            } else if (key == "ignore") {
                cfg.ignore = globs(v, key);
            } else if (key == "include") {
                cfg.include = globs(v, key);
            } else if (key == "overrides") {
                if (!v.IsSequence())
                    throw Invalid{v.Mark(), "'overrides' is a list of {files: ..., ...} entries"};
                for (const YAML::Node& item : v) cfg.overrides.push_back(override_entry(item));
            } else {
                layer_key(cfg.base, key, v);
            }
        }
        return cfg;
    }

  private:
    std::string key_of(const YAML::Node& k, std::span<const std::string_view> allowed) {
        if (!k.IsScalar()) throw Invalid{k.Mark(), "a key must be a plain word"};
        const std::string key = k.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            const std::vector<std::string_view> candidates(allowed.begin(), allowed.end());
            if (auto near = closest_match(key, candidates)) {
                throw Invalid{k.Mark(), "unknown key '" + key + "'; did you mean '" + *near + "'?"};
            }
            throw Invalid{k.Mark(), "unknown key '" + key + "'; expected one of " + join(allowed)};
        }
        return key;
    }

    static std::string scalar(const YAML::Node& v, const std::string& key) {
        if (!v.IsScalar()) throw Invalid{v.Mark(), "'" + key + "' takes a single value"};
        return v.Scalar();
    }

    static bool boolean(const YAML::Node& v, const std::string& key) {
        const std::string s = scalar(v, key);
        if (s == "true" || s == "yes" || s == "on") return true;
        if (s == "false" || s == "no" || s == "off") return false;
        throw Invalid{v.Mark(), "'" + key + "' is true or false, not '" + s + "'"};
    }

    static std::vector<std::string> strings(const YAML::Node& v, const std::string& key) {
        std::vector<std::string> out;
        if (v.IsScalar()) {
            out.push_back(v.Scalar());
            return out;
        }
        if (v.IsNull()) return out;
        if (!v.IsSequence()) throw Invalid{v.Mark(), "'" + key + "' is a list of strings"};
        for (const YAML::Node& item : v) {
            if (!item.IsScalar() || item.Scalar().empty()) {
                throw Invalid{item.Mark(), "'" + key + "' is a list of non-empty strings"};
            }
            out.push_back(item.Scalar());
        }
        return out;
    }

    std::vector<Glob> globs(const YAML::Node& v, const std::string& key) {
        std::vector<Glob> out;
        const std::vector<std::string> patterns = strings(v, key);
        std::size_t i = 0;
        for (const std::string& p : patterns) {
            std::string error;
            auto g = Glob::parse(p, error);
            const YAML::Node at = v.IsSequence() ? v[i] : v;
            if (!g) throw Invalid{at.Mark(), "bad pattern '" + p + "' in '" + key + "': " + error};
            out.push_back(std::move(*g));
            ++i;
        }
        return out;
    }

    static Severity severity(const YAML::Node& v, const std::string& key) {
        const std::string s = scalar(v, key);
        if (auto sev = parse_severity(s)) return *sev;
        throw Invalid{v.Mark(), "'" + key + "' is suggestion, warning or error, not '" + s + "'"};
    }

    [[nodiscard]] Origin origin(const YAML::Mark& m) const {
        return {path_.string(), m.line + 1, m.column + 1};
    }

    RuleSetting rule_setting(const YAML::Node& v, const std::string& rule, bool scoped) {
        RuleSetting r;
        r.origin = origin(v.Mark());
        const std::string s = v.IsScalar() ? v.Scalar() : std::string();
        if (s == "off" || s == "false" || s == "no") {
            r.state = RuleSetting::State::Off;
        } else if (!scoped && (s == "on" || s == "true" || s == "yes")) {
            r.state = RuleSetting::State::On;
        } else if (auto sev = parse_severity(s)) {
            r.state = RuleSetting::State::Severity;
            r.severity = *sev;
        } else {
            throw Invalid{v.Mark(), "rule '" + rule + "' takes " +
                                        (scoped ? "off, suggestion, warning or error"
                                                : "on, off, suggestion, warning or error") +
                                        ", not '" + s + "'"};
        }
        return r;
    }

    std::map<std::string, RuleSetting> rule_map(const YAML::Node& v, const std::string& key,
                                                bool scoped) {
        std::map<std::string, RuleSetting> out;
        if (v.IsNull()) return out;
        if (!v.IsMap()) {
            throw Invalid{v.Mark(), "'" + key + "' maps rule ids to on, off or a severity"};
        }
        for (const auto& kv : v) {
            if (!kv.first.IsScalar())
                throw Invalid{kv.first.Mark(), "a rule id must be a plain word"};
            const std::string id = kv.first.Scalar();
            RuleSetting setting = rule_setting(kv.second, id, scoped);
            setting.origin = origin(kv.first.Mark());
            out[id] = setting;
        }
        return out;
    }

    void vocabulary(Layer& layer, const YAML::Node& v) {
        if (!v.IsMap()) throw Invalid{v.Mark(), "'vocabulary' has the keys accept and reject"};
        for (const auto& kv : v) {
            constexpr std::array<std::string_view, 2> kKeys{"accept", "reject"};
            const std::string key = key_of(kv.first, kKeys);
            const YAML::Node& list = kv.second;
            if (key == "accept") {
                const auto words = strings(list, "vocabulary.accept");
                layer.accept.insert(layer.accept.end(), words.begin(), words.end());
                continue;
            }
            auto add_pair = [&](const YAML::Node& form, const YAML::Node& use) {
                if (!form.IsScalar() || !use.IsScalar() || form.Scalar().empty()) {
                    throw Invalid{form.Mark(),
                                  "'vocabulary.reject' entries are 'form' or 'form: use'"};
                }
                layer.reject.push_back({form.Scalar(), use.Scalar()});
            };
            if (list.IsMap()) {
                for (const auto& pair : list) add_pair(pair.first, pair.second);
            } else if (list.IsSequence()) {
                for (const YAML::Node& item : list) {
                    if (item.IsMap() && item.size() == 1) {
                        add_pair(item.begin()->first, item.begin()->second);
                    } else if (item.IsScalar() && !item.Scalar().empty()) {
                        layer.reject.push_back({item.Scalar(), {}});
                    } else {
                        throw Invalid{item.Mark(),
                                      "'vocabulary.reject' entries are 'form' or 'form: use'"};
                    }
                }
            } else if (!list.IsNull()) {
                throw Invalid{list.Mark(),
                              "'vocabulary.reject' is a list or a mapping of form: use"};
            }
        }
    }

    void layer_key(Layer& layer, const std::string& key, const YAML::Node& v) {
        if (key == "language") {
            const std::string lang = scalar(v, key);
            const bool ok = !lang.empty() && std::all_of(lang.begin(), lang.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
            });
            if (!ok)
                throw Invalid{v.Mark(),
                              "'language' is a dictionary name such as en_US, not '" + lang + "'"};
            layer.language = lang;
        } else if (key == "style") {
            layer.style = scalar(v, key);
        } else if (key == "fail_level") {
            layer.fail_level = severity(v, key);
        } else if (key == "report_level") {
            layer.report_level = severity(v, key);
        } else if (key == "rules") {
            for (auto& [id, s] : rule_map(v, key, false)) layer.rules[id] = s;
        } else if (key == "scopes") {
            if (!v.IsMap()) throw Invalid{v.Mark(), "'scopes' maps scope names to rule settings"};
            for (const auto& kv : v) {
                const auto& names = rules::scope_names();
                std::vector<std::string_view> allowed(names.begin(), names.end());
                const std::string scope = key_of(kv.first, allowed);
                for (auto& [id, s] : rule_map(kv.second, "scopes." + scope, true)) {
                    layer.scopes[scope][id] = s;
                }
            }
        } else if (key == "packs") {
            for (const std::string& p : strings(v, key)) {
                layer.packs.push_back((folder_ / p).lexically_normal());
            }
        } else if (key == "vocabulary") {
            vocabulary(layer, v);
        } else if (key == "front_matter") {
            layer.front_matter = strings(v, key);
        }
    }

    Override override_entry(const YAML::Node& item) {
        if (!item.IsMap())
            throw Invalid{item.Mark(),
                          "an override is a mapping with 'files' and the keys it changes"};
        Override o;
        bool has_files = false;
        for (const auto& kv : item) {
            const std::string key = key_of(kv.first, kOverrideKeys);
            if (key == "files") {
                o.files = globs(kv.second, "files");
                has_files = !o.files.empty();
            } else {
                layer_key(o.layer, key, kv.second);
            }
        }
        if (!has_files)
            throw Invalid{item.Mark(), "an override needs 'files': the globs it applies to"};
        return o;
    }

    fs::path path_;
    fs::path folder_;
};

}  // namespace

std::vector<std::string_view> config_keys() {
    return {kTopKeys.begin(), kTopKeys.end()};
}

std::vector<std::string_view> override_keys() {
    return {kOverrideKeys.begin(), kOverrideKeys.end()};
}

std::variant<ConfigFile, ConfigError> parse_config(const fs::path& path, std::string_view text) {
    fs::path folder = path.parent_path();
    if (folder.empty()) folder = ".";
    Parser parser(path, fs::absolute(folder).lexically_normal());
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        return parser.file(root);
    } catch (const Invalid& e) {
        return ConfigError{{path.string(), e.mark.line + 1, e.mark.column + 1}, e.message};
    } catch (const YAML::Exception& e) {
        const bool known = !e.mark.is_null();
        return ConfigError{
            {path.string(), known ? e.mark.line + 1 : 1, known ? e.mark.column + 1 : 1}, e.msg};
    }
}

std::variant<ConfigFile, ConfigError> load_config(const fs::path& path) {
    auto fail = [&](std::string message) {
        ConfigError error;
        error.where = Origin{path.string(), 1, 1};
        error.message = std::move(message);
        return error;
    };
    // A config file holds settings and word lists; parsing a huge one would take gigabytes.
    const std::optional<std::string> read = spell::read_at_most(path, kMaxConfigFileSize);
    if (!read) return fail("cannot read the config file");
    const std::string& text = *read;
    if (text.size() > kMaxConfigFileSize) {
        return fail("the config file is larger than " + std::to_string(kMaxConfigFileSize >> 20) +
                    " MiB; is it really one?");
    }
    return parse_config(path, text);
}

}  // namespace copydesk::config
