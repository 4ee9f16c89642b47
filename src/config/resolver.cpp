#include "config/resolver.hpp"

#include <algorithm>

#include "config/gitignore.hpp"

namespace copydesk::config {

namespace fs = std::filesystem;

fs::path absolute_path(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    if (ec) abs = p;
    return abs.lexically_normal();
}

Resolver::Resolver(Flags flags, fs::path data_dir)
    : flags_(std::move(flags)), data_dir_(std::move(data_dir)) {}

std::variant<std::shared_ptr<const ConfigFile>, ConfigError> Resolver::load(const fs::path& path) {
    auto it = files_.find(path);
    if (it == files_.end()) {
        // Named relative to the current folder when inside it, as the user would type it.
        const fs::path cwd = absolute_path(".");
        const auto rel = relative_to(path, cwd);
        auto parsed = load_config(rel ? fs::path(*rel) : path);
        std::variant<std::shared_ptr<const ConfigFile>, ConfigError> entry;
        if (auto* err = std::get_if<ConfigError>(&parsed)) {
            entry = *err;
        } else {
            entry = std::make_shared<const ConfigFile>(std::get<ConfigFile>(std::move(parsed)));
        }
        it = files_.emplace(path, std::move(entry)).first;
    }
    return it->second;
}

std::variant<ConfigChain, ConfigError> Resolver::chain(const fs::path& folder_in) {
    const fs::path folder = absolute_path(folder_in);
    if (auto it = chains_.find(folder); it != chains_.end()) return it->second;
    std::variant<ConfigChain, ConfigError> result;
    ConfigChain found;
    std::error_code ec;
    if (flags_.config_file) {
        auto one = load(*flags_.config_file);
        if (auto* err = std::get_if<ConfigError>(&one)) {
            result = *err;
        } else {
            found.push_back(std::get<std::shared_ptr<const ConfigFile>>(one));
            result = found;
        }
    } else {
        bool failed = false;
        for (fs::path dir = folder;; dir = dir.parent_path()) {
            const fs::path candidate = dir / kConfigFileName;
            if (fs::is_regular_file(candidate, ec)) {
                auto one = load(candidate);
                if (auto* err = std::get_if<ConfigError>(&one)) {
                    result = *err;
                    failed = true;
                    break;
                }
                found.push_back(std::get<std::shared_ptr<const ConfigFile>>(one));
                if (found.back()->root) break;
            }
            if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
        }
        if (!failed) {
            std::reverse(found.begin(), found.end());
            result = found;
        }
    }
    chains_.emplace(folder, result);
    return result;
}

namespace {

void add_unique(std::vector<fs::path>& to, const std::vector<fs::path>& from) {
    for (const fs::path& p : from) {
        if (std::find(to.begin(), to.end(), p) == to.end()) to.push_back(p);
    }
}

struct Merge {
    Settings settings;
    std::map<std::string, RuleSetting> rules;
    std::map<std::string, std::map<std::string, RuleSetting>> scopes;

    void apply(const Layer& layer) {
        if (layer.language) settings.lang = *layer.language;
        if (layer.style) settings.style = *layer.style;
        if (layer.fail_level) settings.fail_level = *layer.fail_level;
        if (layer.report_level) settings.selection.report_level = *layer.report_level;
        for (const auto& [id, s] : layer.rules) rules[id] = s;
        for (const auto& [scope, changes] : layer.scopes) {
            for (const auto& [id, s] : changes) scopes[scope][id] = s;
        }
        add_unique(settings.rule_packs, layer.packs);
        for (const std::string& w : layer.accept) {
            if (std::find(settings.accept.begin(), settings.accept.end(), w) ==
                settings.accept.end()) {
                settings.accept.push_back(w);
            }
        }
        for (const auto& r : layer.reject) {
            auto same = [&](const rules::Vocabulary::Rejected& x) { return x.form == r.form; };
            std::erase_if(settings.reject, same);
            settings.reject.push_back(r);
        }
        if (layer.front_matter) settings.front_matter_keys = *layer.front_matter;
    }

    void finish() {
        rules::Selection& sel = settings.selection;
        for (const auto& [id, s] : rules) {
            switch (s.state) {
                case RuleSetting::State::Off:
                    sel.disable.insert(id);
                    break;
                case RuleSetting::State::On:
                    sel.enable.insert(id);
                    break;
                case RuleSetting::State::Severity:
                    sel.enable.insert(id);
                    sel.severity[id] = s.severity;
                    break;
            }
            if (!s.origin.file.empty()) settings.rule_origins[id] = s.origin.to_string();
        }
        for (const auto& [scope, changes] : scopes) {
            rules::ScopedSelection& scoped = sel.scopes[scope];
            for (const auto& [id, s] : changes) {
                if (s.state == RuleSetting::State::Off) {
                    scoped.disable.insert(id);
                } else {
                    scoped.severity[id] = s.severity;
                }
                if (!settings.rule_origins.count(id))
                    settings.rule_origins[id] = s.origin.to_string();
            }
        }
    }
};

}  // namespace

std::variant<Effective, ConfigError> Resolver::resolve(const fs::path& file) {
    const fs::path abs = absolute_path(file);
    auto found = chain(abs.parent_path());
    if (auto* err = std::get_if<ConfigError>(&found)) return *err;
    Effective eff;
    Merge merge;
    merge.settings.data_dir = data_dir_;
    for (const auto& cfg : std::get<ConfigChain>(found)) {
        merge.apply(cfg->base);
        eff.by_folder = eff.by_folder && cfg->overrides.empty();
        std::string source = cfg->path.string();
        const auto rel = relative_to(abs, cfg->folder);
        for (const Override& o : cfg->overrides) {
            const bool hit = rel && std::any_of(o.files.begin(), o.files.end(), [&](const Glob& g) {
                                 return g.matches(*rel, false);
                             });
            if (!hit) continue;
            merge.apply(o.layer);
            std::string globs;
            for (const Glob& g : o.files) globs += (globs.empty() ? "" : ", ") + g.text();
            source += " (files: " + globs + ")";
        }
        eff.sources.push_back(std::move(source));
    }
    // Flags last: they override every file.
    Layer cli;
    cli.language = flags_.lang;
    cli.style = flags_.style;
    cli.fail_level = flags_.fail_level;
    cli.report_level = flags_.report_level;
    merge.apply(cli);
    for (const std::string& id : flags_.enable) {
        auto it = merge.rules.find(id);
        if (it == merge.rules.end() || it->second.state == RuleSetting::State::Off) {
            merge.rules[id] = RuleSetting{RuleSetting::State::On, Severity::Warning, {}};
        }
    }
    for (const std::string& id : flags_.disable) {
        merge.rules[id] = RuleSetting{RuleSetting::State::Off, Severity::Warning, {}};
    }
    merge.finish();
    eff.settings = std::move(merge.settings);
    return eff;
}

bool Resolver::ignored(const fs::path& path, bool is_folder) {
    auto found = chain(path.parent_path());
    if (!std::holds_alternative<ConfigChain>(found)) return false;
    for (const auto& cfg : std::get<ConfigChain>(found)) {
        const auto rel = relative_to(path, cfg->folder);
        if (!rel) continue;
        for (const Glob& g : cfg->ignore) {
            if (g.matches(*rel, is_folder)) return true;
        }
    }
    return false;
}

bool Resolver::included(const fs::path& path) {
    auto found = chain(path.parent_path());
    if (!std::holds_alternative<ConfigChain>(found)) return false;
    for (const auto& cfg : std::get<ConfigChain>(found)) {
        const auto rel = relative_to(path, cfg->folder);
        if (!rel) continue;
        for (const Glob& g : cfg->include) {
            if (g.matches(*rel, false)) return true;
        }
    }
    return false;
}

std::string SessionCache::key_of(const Settings& settings) {
    return settings.describe() + "data_dir: " + settings.data_dir.string() + "\n";
}

std::variant<SessionCache::Entry*, std::string> SessionCache::get(const Settings& settings) {
    const std::string key = key_of(settings);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        auto created = Session::create(settings, data_.get());
        std::variant<std::unique_ptr<Entry>, std::string> entry;
        if (auto* why = std::get_if<std::string>(&created)) {
            entry = *why;
        } else {
            auto e = std::make_unique<Entry>(Entry{std::get<Session>(std::move(created)), {}});
            e->worker = e->session.make_worker();
            entry = std::move(e);
        }
        it = entries_.emplace(key, std::move(entry)).first;
    }
    if (auto* why = std::get_if<std::string>(&it->second)) return *why;
    return std::get<std::unique_ptr<Entry>>(it->second).get();
}

std::variant<SessionCache::Entry*, std::string> SessionCache::for_file(
    Resolver& resolver, const std::filesystem::path& file) {
    auto effective = resolver.resolve(file);
    if (auto* err = std::get_if<ConfigError>(&effective)) return err->to_string();
    return get(std::get<Effective>(effective).settings);
}

}  // namespace copydesk::config
