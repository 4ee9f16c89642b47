#include "config/names_loader.hpp"

#include <yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "config/names_snapshot.hpp"
#include "text/romanize.hpp"

// libyaml rather than yaml-cpp: the names files hold hundreds of entries, loaded on every run,
// and yaml-cpp builds its tree more than ten times slower.
namespace copydesk::config {

namespace fs = std::filesystem;

namespace {

struct DataError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A parsed YAML document and helpers that throw DataError naming file:line:col.
class Yaml {
  public:
    Yaml(std::string_view text, std::string file) : file_(std::move(file)) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
        if (yaml_parser_load(&parser_, &doc_) == 0) {
            const yaml_mark_t mark = parser_.problem_mark;
            const std::string what = parser_.problem != nullptr ? parser_.problem : "invalid YAML";
            yaml_parser_delete(&parser_);
            throw DataError(file_ + ":" + std::to_string(mark.line + 1) + ":" +
                            std::to_string(mark.column + 1) + ": " + what);
        }
    }
    ~Yaml() {
        yaml_document_delete(&doc_);
        yaml_parser_delete(&parser_);
    }
    Yaml(const Yaml&) = delete;
    Yaml& operator=(const Yaml&) = delete;

    [[nodiscard]] yaml_node_t* root() { return yaml_document_get_root_node(&doc_); }
    [[nodiscard]] const std::string& file() const { return file_; }

    [[nodiscard]] std::uint32_t line(const yaml_node_t* n) const {
        return static_cast<std::uint32_t>(n->start_mark.line + 1);
    }
    [[nodiscard]] std::string at(const yaml_node_t* n) const {
        return file_ + ":" + std::to_string(n->start_mark.line + 1) + ":" +
               std::to_string(n->start_mark.column + 1);
    }
    [[noreturn]] void fail(const yaml_node_t* n, const std::string& what) const {
        throw DataError(at(n) + ": " + what);
    }

    std::string scalar(const yaml_node_t* n, std::string_view what) const {
        if (n->type != YAML_SCALAR_NODE) fail(n, std::string(what) + " must be a single value");
        return {reinterpret_cast<const char*>(n->data.scalar.value), n->data.scalar.length};
    }
    std::string text(const yaml_node_t* n, std::string_view what) const {
        std::string s = scalar(n, what);
        if (s.empty()) fail(n, std::string(what) + " is empty");
        return s;
    }
    bool boolean(const yaml_node_t* n, std::string_view what) const {
        const std::string s = scalar(n, what);
        if (s == "true") return true;
        if (s == "false") return false;
        fail(n, std::string(what) + " must be true or false");
    }

    // Calls f(key, value node) for each pair of a mapping, rejecting keys not in `allowed`.
    template <typename F>
    void each_pair(yaml_node_t* n, std::string_view what,
                   std::initializer_list<std::string_view> allowed, F f) {
        if (n->type != YAML_MAPPING_NODE) fail(n, std::string(what) + " must be a mapping");
        yaml_node_pair_t* const first = n->data.mapping.pairs.start;
        for (yaml_node_pair_t* p = first; p < n->data.mapping.pairs.top; ++p) {
            yaml_node_t* k = node(p->key);
            const std::string key = scalar(k, "a key");
            if (allowed.size() > 0 &&
                std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                fail(k, std::string(what) + ": unknown key '" + key + "'");
            }
            for (yaml_node_pair_t* q = first; q < p; ++q) {
                if (scalar(node(q->key), "a key") == key) {
                    fail(k, std::string(what) + ": key '" + key + "' twice");
                }
            }
            f(key, node(p->value));
        }
    }
    template <typename F>
    void each_item(yaml_node_t* n, std::string_view what, F f) {
        if (n->type != YAML_SEQUENCE_NODE) fail(n, std::string(what) + " must be a list");
        for (yaml_node_item_t* i = n->data.sequence.items.start; i < n->data.sequence.items.top;
             ++i) {
            f(node(*i));
        }
    }
    std::vector<std::string> strings(yaml_node_t* n, std::string_view what) {
        std::vector<std::string> out;
        each_item(n, what, [&](yaml_node_t* item) { out.push_back(text(item, what)); });
        return out;
    }

  private:
    yaml_node_t* node(int id) { return yaml_document_get_node(&doc_, id); }

    std::string file_;
    yaml_parser_t parser_{};
    yaml_document_t doc_{};
};

names::Styled parse_styled(Yaml& y, yaml_node_t* n, std::string_view what) {
    names::Styled s;
    if (n->type == YAML_SCALAR_NODE) {
        s.fallback = y.text(n, what);
        return s;
    }
    y.each_pair(n, what, {}, [&](const std::string& key, yaml_node_t* v) {
        if (key == "default") {
            s.fallback = y.text(v, what);
        } else {
            s.by_profile[key] = y.text(v, what);
        }
    });
    return s;
}

names::Variant parse_variant(Yaml& y, yaml_node_t* n, const std::string& entry_id) {
    names::Variant v;
    v.line = y.line(n);
    const std::string what = "a variant of '" + entry_id + "'";
    bool has_status = false;
    y.each_pair(
        n, what, {"form", "given", "surname", "status", "retired", "unsafe", "note"},
        [&](const std::string& key, yaml_node_t* value) {
            if (key == "form" || key == "given" || key == "surname") {
                if (!v.form.empty()) y.fail(value, what + ": one of form, given or surname");
                v.form = y.text(value, key);
                v.part = key == "form"    ? names::Part::Name
                         : key == "given" ? names::Part::Given
                                          : names::Part::Surname;
            } else if (key == "status") {
                const auto status = names::parse_status(y.text(value, key));
                if (!status) {
                    y.fail(value, what + ": status must be wrong, dated, other-system or historic");
                }
                v.status = *status;
                has_status = true;
            } else if (key == "retired") {
                v.retired = y.boolean(value, key);
            } else if (key == "unsafe") {
                v.unsafe = y.boolean(value, key);
            } else {
                v.note = y.text(value, key);
            }
        });
    if (v.form.empty()) y.fail(n, what + ": needs form (or given, surname)");
    if (!has_status) y.fail(n, what + " '" + v.form + "': needs a status");
    if (v.note.empty()) y.fail(n, what + " '" + v.form + "': needs a note saying why");
    // A wrong spelling is one no style guide uses.
    if (v.status == names::Status::Wrong) v.retired = true;
    return v;
}

struct ParsedEntry {
    names::Entry entry;
    bool extends = false;
};

ParsedEntry parse_entry(Yaml& y, yaml_node_t* n) {
    ParsedEntry out;
    names::Entry& e = out.entry;
    e.file = y.file();
    e.line = y.line(n);
    bool has_kind = false;
    bool has_source = false;
    y.each_pair(n, "an entry",
                {"id", "extend", "kind", "native", "name", "given", "surname", "variants", "except",
                 "uncertain", "source"},
                [&](const std::string& key, yaml_node_t* v) {
                    if (key == "id" || key == "extend") {
                        if (!e.id.empty()) y.fail(v, "an entry has either id or extend");
                        e.id = y.text(v, key);
                        out.extends = key == "extend";
                    } else if (key == "kind") {
                        const auto kind = names::parse_kind(y.text(v, key));
                        if (!kind)
                            y.fail(v, "kind must be person, place, organisation, demonym or other");
                        e.kind = *kind;
                        has_kind = true;
                    } else if (key == "native") {
                        y.each_pair(v, "native", {}, [&](const std::string& lang, yaml_node_t* t) {
                            e.native.emplace_back(lang, y.text(t, "a native form"));
                        });
                    } else if (key == "name") {
                        e.name = parse_styled(y, v, key);
                    } else if (key == "given") {
                        e.given = parse_styled(y, v, key);
                    } else if (key == "surname") {
                        e.surname = parse_styled(y, v, key);
                    } else if (key == "variants") {
                        y.each_item(v, key, [&](yaml_node_t* item) {
                            e.variants.push_back(parse_variant(y, item, e.id));
                        });
                    } else if (key == "except") {
                        e.exceptions = y.strings(v, key);
                    } else if (key == "uncertain") {
                        e.uncertain = y.strings(v, key);
                    } else {
                        e.source = y.text(v, key);
                        has_source = true;
                    }
                });
    if (e.id.empty()) y.fail(n, "an entry needs an id");
    if (out.extends) {
        if (has_kind) y.fail(n, "entry extending '" + e.id + "': kind cannot change");
        return out;
    }
    if (!has_kind) y.fail(n, "entry '" + e.id + "': needs a kind");
    if (!has_source) y.fail(n, "entry '" + e.id + "': needs a source");
    const bool id_ok = std::all_of(e.id.begin(), e.id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!id_ok) y.fail(n, "entry id '" + e.id + "' must be lower-case letters, digits and hyphens");
    return out;
}

names::Profile parse_profile(Yaml& y, yaml_node_t* n) {
    names::Profile p;
    p.file = y.file();
    p.line = y.line(n);
    y.each_pair(n, "a profile", {"id", "label", "organisation", "guide", "checked", "based_on"},
                [&](const std::string& key, yaml_node_t* v) {
                    std::string value = y.text(v, key);
                    if (key == "id") p.id = std::move(value);
                    if (key == "label") p.label = std::move(value);
                    if (key == "organisation") p.organisation = std::move(value);
                    if (key == "guide") p.guide = std::move(value);
                    if (key == "checked") p.checked = std::move(value);
                    if (key == "based_on") p.based_on = std::move(value);
                });
    if (p.id.empty() || p.label.empty() || p.guide.empty() || p.checked.empty()) {
        y.fail(n, "a profile needs id, label, guide and checked");
    }
    return p;
}

bool read_file(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
}

}  // namespace

bool parse_names_yaml(std::string_view text, const std::string& file, names::Data& data,
                      std::string& error) {
    try {
        Yaml y(text, file);
        yaml_node_t* root = y.root();
        if (root == nullptr) return true;  // an empty file
        y.each_pair(root, "a names file", {"profiles", "entries"},
                    [&](const std::string& key, yaml_node_t* v) {
                        if (key == "profiles") {
                            y.each_item(v, key, [&](yaml_node_t* item) {
                                data.profiles.push_back(parse_profile(y, item));
                            });
                            return;
                        }
                        y.each_item(v, key, [&](yaml_node_t* item) {
                            ParsedEntry parsed = parse_entry(y, item);
                            if (parsed.extends) {
                                data.extensions.push_back(std::move(parsed.entry));
                            } else {
                                data.entries.push_back(std::move(parsed.entry));
                            }
                        });
                    });
        return true;
    } catch (const DataError& e) {
        error = e.what();
        return false;
    }
}

void add_names_to_word_list(const names::Database& db, spell::WordList& words) {
    for (const names::Entry& e : db.entries()) {
        for (const names::Styled* styled : {&e.name, &e.given, &e.surname}) {
            if (!styled->fallback.empty()) words.add_entry(styled->fallback);
            for (const auto& profile_form : styled->by_profile)
                words.add_entry(profile_form.second);
        }
        for (const names::Variant& v : e.variants) {
            if (v.status != names::Status::Wrong) words.add_entry(v.form);
        }
    }
}

std::vector<names::Generated> romanize_entries(const std::vector<names::Entry>& entries,
                                               std::string& error) {
    std::vector<names::Generated> rows;
    text::Romanizer romanizer;
    for (const names::Entry& e : entries) {
        for (const auto& [lang, native] : e.native) {
            for (text::Romanization& r : romanizer.romanize(native, lang, error)) {
                rows.push_back({e.id, std::move(r.system), native, std::move(r.latin)});
            }
            if (!error.empty()) return {};
        }
    }
    return rows;
}

std::string format_transliterations(const std::vector<names::Generated>& rows) {
    std::string out =
        "# Latin spellings of the native forms in dictionaries/names/*.yaml, produced by ICU's\n"
        "# transliterators (BGN/PCGN systems and Any-Latin). Regenerated, not edited: see\n"
        "# dictionaries/README.md. Columns: entry id, ICU transform, native form, spelling.\n";
    for (const names::Generated& g : rows) {
        out += g.entry + '\t' + g.system + '\t' + g.native + '\t' + g.latin + '\n';
    }
    return out;
}

bool parse_transliterations(std::string_view text, const std::string& file,
                            std::vector<names::Generated>& rows, std::string& error) {
    std::size_t line_no = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::array<std::string_view, 4> fields;
        std::size_t n = 0;
        for (; n < 4 && !line.empty(); ++n) {
            const std::size_t tab = n < 3 ? line.find('\t') : std::string_view::npos;
            fields[n] = line.substr(0, tab);
            line = tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);
        }
        if (n != 4 || fields[3].empty()) {
            error = file + ":" + std::to_string(line_no) + ": expected 4 tab-separated fields";
            return false;
        }
        rows.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fields[2]),
                        std::string(fields[3])});
    }
    return true;
}

std::variant<std::vector<NamesSource>, std::string> read_names_sources(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    if (ec) return dir.string() + ": cannot list the names files (" + ec.message() + ")";
    std::sort(files.begin(), files.end());
    const fs::path tsv = dir / "transliterations.tsv";
    if (fs::exists(tsv, ec)) files.push_back(tsv);
    std::vector<NamesSource> sources;
    for (const fs::path& p : files) {
        NamesSource s{p.filename().string(), {}};
        if (!read_file(p, s.text)) {
            return p.string() + (p == tsv ? ": cannot read" : ": cannot read names file");
        }
        sources.push_back(std::move(s));
    }
    return sources;
}

std::variant<names::Data, std::string> parse_names_sources(
    const fs::path& dir, const std::vector<NamesSource>& sources) {
    names::Data data;
    std::string error;
    const NamesSource* tsv = nullptr;
    for (const NamesSource& s : sources) {
        if (s.name == "transliterations.tsv") {
            tsv = &s;
            continue;
        }
        if (!parse_names_yaml(s.text, (dir / s.name).string(), data, error)) return error;
    }
    if (!names::apply_extensions(data, error)) return error;

    if (tsv != nullptr &&
        !parse_transliterations(tsv->text, (dir / tsv->name).string(), data.generated, error)) {
        return error;
    }
    // Keep rows whose native form is still in the data; transliterate the forms without any.
    std::set<std::pair<std::string, std::string>> natives;  // (entry id, native form)
    for (const names::Entry& e : data.entries) {
        for (const auto& lang_form : e.native) natives.emplace(e.id, lang_form.second);
    }
    std::erase_if(data.generated, [&](const names::Generated& g) {
        return natives.count({g.entry, g.native}) == 0;
    });
    std::set<std::pair<std::string_view, std::string_view>> covered;
    for (const names::Generated& g : data.generated) covered.emplace(g.entry, g.native);
    std::vector<names::Entry> missing;
    for (const names::Entry& e : data.entries) {
        names::Entry m;
        m.id = e.id;
        for (const auto& [lang, native] : e.native) {
            if (!text::romanization_systems(lang).empty() && covered.count({e.id, native}) == 0) {
                m.native.emplace_back(lang, native);
            }
        }
        if (!m.native.empty()) missing.push_back(std::move(m));
    }
    if (!missing.empty()) {
        auto rows = romanize_entries(missing, error);
        if (!error.empty()) return error;
        data.generated.insert(data.generated.end(), rows.begin(), rows.end());
    }
    return data;
}

std::variant<std::shared_ptr<const names::Database>, std::string> load_names(
    const fs::path& dir, std::span<const std::byte> snapshot) {
    auto sources = read_names_sources(dir);
    if (auto* error = std::get_if<std::string>(&sources)) return *error;
    const auto& files = std::get<std::vector<NamesSource>>(sources);
    if (!snapshot.empty()) {
        if (auto data = read_names_snapshot(snapshot, files, dir.string())) {
            return names::Database::build(std::move(*data));
        }
    }
    auto data = parse_names_sources(dir, files);
    if (auto* error = std::get_if<std::string>(&data)) return *error;
    return names::Database::build(std::move(std::get<names::Data>(data)));
}

std::variant<std::shared_ptr<const names::Database>, std::string> load_names(const fs::path& dir) {
    return load_names(dir, embedded_names_snapshot());
}

}  // namespace copydesk::config
