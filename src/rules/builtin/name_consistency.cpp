#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <set>
#include <span>

#include "core/utf8.hpp"
#include "rules/names_support.hpp"
#include "rules/rule.hpp"
#include "text/casing.hpp"
#include "text/romanize.hpp"

namespace copydesk::rules::builtin {

namespace {

constexpr std::size_t kMinNameLength = 5;      // code points, for names the data does not know
constexpr std::size_t kMinFuzzyKeyLength = 7;  // romanization keys compared by edit distance
constexpr std::size_t kMaxFuzzyForms = 400;    // distinct spellings compared pairwise

// One spelling of a name at one place in the document.
struct Occurrence {
    const RegionText* where = nullptr;
    Span span;                // region-text span, a possessive 's excluded
    std::string surface;      // as written
    std::string key;          // what must be equal for two spellings to be the same
    std::size_t order = 0;    // position in the document: its source byte offset
    bool listed = false;      // a spelling the names database lists
    std::size_t mention = 0;  // occurrences of one name's parts share it ("Aliaksandr Lukashenka")
};

// A spelling to report, and the one the document used first.
struct Inconsistency {
    const Occurrence* used;
    const Occurrence* reference;
};

// The word without a possessive ending ("Zelenskyy’s" -> "Zelenskyy").
std::string_view without_possessive(std::string_view w) {
    if (w.empty() || w.back() != 's') return w;  // most words: no possessive to look for
    for (std::string_view suffix : {"\xE2\x80\x99s", "'s", "\xCA\xBCs"}) {
        if (w.size() > suffix.size() + 1 && w.ends_with(suffix)) {
            return w.substr(0, w.size() - suffix.size());
        }
    }
    return w;
}

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// A spelling the document uses for a name the data does not know, with the capitalized words
// beside it, which tell two people with similar names apart ("Mohamed Salah", "Mohammed bin
// Salman").
struct LooseForm {
    std::string lower;
    std::string key;     // romanization key
    bool known = false;  // in the dictionary or the house lists as written (a name we know)
    std::vector<Occurrence> occurrences;
    std::set<std::string> before;  // romanization keys of the capitalized words beside it
    std::set<std::string> after;
};

// `a` and `b` hold the romanization keys of the words beside two spellings.
bool neighbours_differ(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return false;
    auto x = a.begin();
    auto y = b.begin();
    while (x != a.end() && y != b.end()) {
        if (*x == *y) return false;  // one neighbour, perhaps spelled two ways
        if (*x < *y) {
            ++x;
        } else {
            ++y;
        }
    }
    return true;
}

// Whether keys one edit apart differ the way romanizations do: one vowel for another
// (Prokudin/Prokuden), or a vowel or h more. Consonant changes make other names
// (Wikipedia/Wikimedia, America/Amerika).
bool romanization_edit(const std::string& a, const std::string& b) {
    const std::string& longer = a.size() >= b.size() ? a : b;
    const std::string& shorter = a.size() >= b.size() ? b : a;
    std::size_t i = 0;
    while (i < shorter.size() && shorter[i] == longer[i]) ++i;
    if (longer.size() == shorter.size()) {
        if (i == shorter.size() || shorter.substr(i + 1) != longer.substr(i + 1)) return false;
        return is_vowel(shorter[i]) && is_vowel(longer[i]);
    }
    return is_vowel(longer[i]) || longer[i] == 'h';
}

// Whether two spellings read as one name written two ways.
bool close_spellings(const LooseForm& a, const LooseForm& b) {
    // One word built on the other is a different word: Houthi/Houthis, Lithuania/Lithuanian,
    // Israel/Israeli.
    const auto derived = [](const std::string& x, const std::string& y) {
        return x.size() > y.size() && x.size() <= y.size() + 3 && x.starts_with(y);
    };
    if (derived(a.lower, b.lower) || derived(b.lower, a.lower)) return false;
    // Two plurals of a name in -y: "the Enderbys" and "the Enderbies" (or "Kennedies").
    const auto plural_y = [](const std::string& x, const std::string& y) {
        return x.size() > 3 && x.ends_with("ies") && y.size() + 1 == x.size() &&
               y.ends_with("ys") && x.compare(0, x.size() - 3, y, 0, y.size() - 2) == 0;
    };
    if (plural_y(a.lower, b.lower) || plural_y(b.lower, a.lower)) return false;
    if (neighbours_differ(a.before, b.before) || neighbours_differ(a.after, b.after)) return false;
    if (a.key == b.key) return true;
    if (std::min(a.key.size(), b.key.size()) < kMinFuzzyKeyLength || a.key[0] != b.key[0]) {
        return false;
    }
    if (text::edit_distance(a.key, b.key, 1) > 1 || !romanization_edit(a.key, b.key)) {
        return false;
    }
    // Gendered and inflected forms are different words: Kolesnikov/Kolesnikova,
    // Kowalski/Kowalska, Ministro/Ministra.
    const std::string& shorter = a.key.size() < b.key.size() ? a.key : b.key;
    const std::string& longer = a.key.size() < b.key.size() ? b.key : a.key;
    if (longer.size() == shorter.size() + 1 && longer.starts_with(shorter) &&
        is_vowel(longer.back())) {
        return false;
    }
    if (a.key.size() == b.key.size() &&
        a.key.substr(0, a.key.size() - 1) == b.key.substr(0, b.key.size() - 1) &&
        is_vowel(a.key.back()) && is_vowel(b.key.back())) {
        return false;
    }
    return true;
}

// Whether a word (as written) that the names database does not match may be a name.
bool may_be_name_word(const Context& ctx, std::string_view text) {
    // The possessive ending leaves the first letter: a word starting lower case is no name,
    // with or without it.
    if (!text::starts_upper(text)) return false;
    const std::string_view word = without_possessive(text);
    if (!text::is_capitalized(word) || !text::is_latin(word) || utf8::count_code_points(word) < 4) {
        return false;
    }
    // An ordinary word capitalized is not a name.
    return ctx.speller() == nullptr || !ctx.speller()->known(text::to_lower(word));
}

bool is_historic(const names::Database& db, std::uint32_t form_index) {
    const names::Form& form = db.form(form_index);
    if (form.variant < 0) return false;
    const names::Entry& entry = db.entries()[form.entry];
    return entry.variants[static_cast<std::size_t>(form.variant)].status == names::Status::Historic;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

class NameConsistency final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        const names::Database* db = ctx.names();
        const auto profile = ctx.style_profile();
        std::map<std::pair<std::uint32_t, names::Part>, std::vector<Occurrence>> known;
        std::vector<LooseForm> loose;
        std::map<std::string, std::size_t> loose_index;
        std::size_t mention = 0;
        const Context::Words& words = ctx.words();
        WordMemo may_be_name(words.all,
                             [&](std::string_view w) { return may_be_name_word(ctx, w); });

        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const RegionText& where = ctx.regions()[r];
            const auto& tokens = where.analysis.tokens;
            std::vector<std::uint8_t> covered(tokens.size(), 0);  // bytes: read once a word
            if (db != nullptr) {
                for (const names::Mention& m : name_mentions(ctx, r)) {
                    ++mention;
                    for (auto t = m.first_token; t <= m.last_token; ++t) covered[t] = 1;
                    if (m.exception || left_as_written(where, m.span)) continue;
                    for (const names::Mention::Use& use : m.uses) {
                        // A spelling that name-variant reports is its finding, not ours; a
                        // historic name (Rhodesia, Zimbabwe) is another name, not a spelling.
                        if (db->judge(use.form, profile).flagged || is_historic(*db, use.form)) {
                            continue;
                        }
                        const std::string surface(where.slice(use.span));
                        known[{m.entry, use.part}].push_back(
                            {&where, use.span, surface, names::compare_key(surface, use.part),
                             where.region->to_source(use.span).begin, true, mention});
                    }
                }
            }
            const auto& ids = words.ids[r];
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                const std::uint32_t id = ids[i];
                if (id == WordTally::kNoWord || covered[i] != 0 || !may_be_name(id)) continue;
                const text::Token& t = tokens[i];
                const std::string_view word = without_possessive(where.slice(t.span));
                const Span span{t.span.begin,
                                t.span.begin + static_cast<std::uint32_t>(word.size())};
                Occurrence occ{&where,
                               span,
                               std::string(word),
                               text::to_lower(word),
                               where.region->to_source(span).begin,
                               false,
                               ++mention};
                if (db != nullptr) {
                    if (const auto match = db->by_romanization(word)) {
                        occ.key = names::compare_key(word, match->part);
                        known[{match->entry, match->part}].push_back(std::move(occ));
                        continue;
                    }
                }
                if (ctx.speller() == nullptr || utf8::count_code_points(word) < kMinNameLength) {
                    continue;  // without a dictionary, names cannot be told from words
                }
                auto [it, added] = loose_index.try_emplace(occ.key, loose.size());
                if (added) {
                    loose.push_back({occ.key,
                                     text::romanization_key(word),
                                     ctx.speller()->known(word),
                                     {},
                                     {},
                                     {}});
                }
                LooseForm& form = loose[it->second];
                if (const auto n = neighbour(where, i, -1))
                    form.before.insert(text::romanization_key(*n));
                if (const auto n = neighbour(where, i, +1))
                    form.after.insert(text::romanization_key(*n));
                form.occurrences.push_back(std::move(occ));
            }
        }

        std::vector<Inconsistency> found;
        for (auto& [entity, occurrences] : known) {
            std::stable_sort(
                occurrences.begin(), occurrences.end(),
                [](const Occurrence& a, const Occurrence& b) { return a.order < b.order; });
            // The first spelling the database lists sets the form; otherwise the first one.
            const auto ref = std::find_if(occurrences.begin(), occurrences.end(),
                                          [](const Occurrence& o) { return o.listed; });
            const Occurrence& reference = ref != occurrences.end() ? *ref : occurrences.front();
            for (const Occurrence& o : occurrences) {
                if (o.key != reference.key) found.push_back({&o, &reference});
            }
        }
        cluster(loose, found);
        report_all(ctx, found, out);
    }

  private:
    // The capitalized word beside token `i` (one space between, same sentence), looking past a
    // lower-case particle: "Mohammed bin Salman" gives "salman".
    static std::optional<std::string> neighbour(const RegionText& where, std::size_t i, int step) {
        static constexpr std::array<std::string_view, 12> kParticles{
            "bin", "ibn", "bint", "al", "el", "de", "van", "von", "der", "da", "di", "la"};
        const auto& tokens = where.analysis.tokens;
        auto at = static_cast<std::ptrdiff_t>(i);
        for (int hops = 0; hops < 2; ++hops) {
            const auto space = at + step;
            const auto word = space + step;
            if (word < 0 || static_cast<std::size_t>(word) >= tokens.size()) return std::nullopt;
            const text::Token& s = tokens[static_cast<std::size_t>(space)];
            const text::Token& w = tokens[static_cast<std::size_t>(word)];
            if (s.kind != text::TokenKind::Space || where.slice(s.span) != " " ||
                w.kind != text::TokenKind::Word || w.sentence != tokens[i].sentence) {
                return std::nullopt;
            }
            const std::string_view text = without_possessive(where.slice(w.span));
            if (text::is_capitalized(text)) return text::to_lower(text);
            if (std::find(kParticles.begin(), kParticles.end(), text) == kParticles.end()) {
                return std::nullopt;
            }
            at = word;
        }
        return std::nullopt;
    }

    static void cluster(const std::vector<LooseForm>& forms, std::vector<Inconsistency>& found) {
        if (forms.size() < 2) return;
        std::vector<std::size_t> parent(forms.size());
        std::iota(parent.begin(), parent.end(), std::size_t{0});
        auto join = [&](std::size_t a, std::size_t b) {
            if (close_spellings(forms[a], forms[b])) {
                parent[find_root(parent, a)] = find_root(parent, b);
            }
        };
        std::map<std::string, std::vector<std::size_t>> by_key;
        for (std::size_t i = 0; i < forms.size(); ++i) by_key[forms[i].key].push_back(i);
        for (const auto& [key, same] : by_key) {
            for (std::size_t k = 1; k < same.size(); ++k) join(same[0], same[k]);
        }
        if (forms.size() <= kMaxFuzzyForms) {
            for (std::size_t a = 0; a < forms.size(); ++a) {
                for (std::size_t b = a + 1; b < forms.size(); ++b) {
                    if (forms[a].key != forms[b].key) join(a, b);
                }
            }
        }
        // Forms are in order of first use. The first spelling the dictionary or the house
        // lists know sets the cluster's spelling, else the first one; known spellings are
        // never reported (two known words are two words).
        std::map<std::size_t, std::size_t> first_of;
        for (std::size_t i = 0; i < forms.size(); ++i) {
            if (forms[i].known) first_of.try_emplace(find_root(parent, i), i);
        }
        for (std::size_t i = 0; i < forms.size(); ++i)
            first_of.try_emplace(find_root(parent, i), i);
        for (std::size_t i = 0; i < forms.size(); ++i) {
            const std::size_t first = first_of[find_root(parent, i)];
            if (first == i || forms[i].known) continue;
            for (const Occurrence& o : forms[i].occurrences) {
                found.push_back({&o, &forms[first].occurrences.front()});
            }
        }
    }

    // One finding per name: the parts of one mention ("Aliaksandr Lukashenka") are reported
    // together, with where the document's spelling of the last part was used.
    void report_all(const Context& ctx, std::vector<Inconsistency>& found, Reporter& out) const {
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.used->order < b.used->order;
        });
        for (std::size_t i = 0; i < found.size();) {
            std::size_t j = i + 1;
            while (j < found.size() && found[j].used->mention == found[i].used->mention) ++j;
            report(ctx, std::span<const Inconsistency>(found).subspan(i, j - i), out);
            i = j;
        }
    }

    void report(const Context& ctx, std::span<const Inconsistency> parts, Reporter& out) const {
        const RegionText& where = *parts.front().used->where;
        const Span span{parts.front().used->span.begin, parts.back().used->span.end};
        std::string shown;        // the document's first spelling, as the message quotes it
        std::string replacement;  // the same with the case of the text
        const Occurrence* reference = parts.front().reference;
        std::uint32_t at = span.begin;
        for (const Inconsistency& p : parts) {
            const std::string between(where.slice({at, p.used->span.begin}));
            shown += between + p.reference->surface;
            replacement += between + copy_case(p.used->surface, p.reference->surface);
            at = p.used->span.end;
            if (p.reference->order > reference->order) reference = p.reference;
        }
        const Span source = reference->where->region->to_source(reference->span);
        const Position pos = ctx.document().lines.position(source.begin);
        const std::string how =
            reference->order < parts.front().used->order ? "as first used at " : "as at ";
        Diagnostic& d = out.report(where, span,
                                   "Use '" + shown + "', " + how + std::to_string(pos.line) + ":" +
                                       std::to_string(pos.column) +
                                       ", so the name is spelled one way throughout.");
        d.suggestions.push_back(replacement);
        out.set_fix(d, where, span, replacement, "Use '" + replacement + "'", false);
    }

    RuleInfo info_{
        .id = "name-consistency",
        .category = Category::Names,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "One name spelled two ways in a document (Zelenskyy, then Zelensky; Khan Younis, "
            "then Khan Yunis).",
        .description =
            "Within one document every person, place and organisation should be spelled one "
            "way. The names database (dictionaries/names/) links listed spellings to their "
            "entry; spellings it does not list are linked by romanization: the database's "
            "forms and the ICU transliterations of each native form (Ukrainian-Latin/BGN, "
            "Russian-Latin/BGN, Any-Latin, ...) are compared under common alternations (y/i/iy/"
            "yy endings, kh/h, ts/c, zh/j, ou/u). Capitalized words the dictionary does not "
            "know are also clustered when they are that close to each other. A later spelling "
            "that differs is reported with where the first was used; the fix (not applied "
            "automatically) uses the first spelling. Spellings that name-variant reports under "
            "the chosen style are left to it.",
        .link = {},
        .needs_dictionary = true,
        .needs_names = true,
    };
};

}  // namespace

std::unique_ptr<Rule> make_name_consistency() {
    return std::make_unique<NameConsistency>();
}

}  // namespace copydesk::rules::builtin
