#include <algorithm>
#include <map>
#include <numeric>
#include <set>

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
    Span span;            // region-text span, a possessive 's excluded
    std::string surface;  // as written
    std::string key;      // what must be equal for two spellings to be the same
    std::size_t order = 0;
    bool listed = false;  // a spelling the names database lists
};

// The word without a possessive ending ("Zelenskyy’s" -> "Zelenskyy").
std::string_view without_possessive(std::string_view w) {
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
    std::string key;  // romanization key
    std::vector<Occurrence> occurrences;
    std::set<std::string> before;
    std::set<std::string> after;
};

bool neighbours_differ(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return false;
    for (const std::string& x : a) {
        for (const std::string& y : b) {
            if (x == y || text::romanization_key(x) == text::romanization_key(y)) return false;
        }
    }
    return true;
}

// Whether two spellings read as one name written two ways.
bool close_spellings(const LooseForm& a, const LooseForm& b) {
    const auto plural = [](const std::string& x, const std::string& y) {
        return (x.size() == y.size() + 1 && x.ends_with('s') && x.starts_with(y)) ||
               (x.size() == y.size() + 2 && x.ends_with("es") && x.starts_with(y));
    };
    if (plural(a.lower, b.lower) || plural(b.lower, a.lower)) return false;
    if (neighbours_differ(a.before, b.before) || neighbours_differ(a.after, b.after)) return false;
    if (a.key == b.key) return true;
    if (std::min(a.key.size(), b.key.size()) < kMinFuzzyKeyLength || a.key[0] != b.key[0]) {
        return false;
    }
    if (text::edit_distance(a.key, b.key, 1) > 1) return false;
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
        std::size_t order = 0;

        for (const RegionText& where : ctx.regions()) {
            const auto& tokens = where.analysis.tokens;
            std::vector<bool> covered(tokens.size(), false);
            if (db != nullptr) {
                for (const names::Mention& m : db->find(where.text(), tokens)) {
                    for (auto t = m.first_token; t <= m.last_token; ++t) covered[t] = true;
                    if (m.exception || left_as_written(where, m.span)) continue;
                    for (const names::Mention::Use& use : m.uses) {
                        // A spelling that name-variant reports is its finding, not ours.
                        if (db->judge(use.form, profile).flagged) continue;
                        const std::string surface(where.slice(use.span));
                        known[{m.entry, use.part}].push_back({&where, use.span, surface,
                                                              names::compare_key(surface, use.part),
                                                              order++, true});
                    }
                }
            }
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                const text::Token& t = tokens[i];
                if (covered[i] || t.kind != text::TokenKind::Word) continue;
                const std::string_view word = without_possessive(where.slice(t.span));
                if (!text::is_capitalized(word) || !text::is_latin(word) ||
                    utf8::count_code_points(word) < 4) {
                    continue;
                }
                if (ctx.speller() != nullptr && ctx.speller()->known(text::to_lower(word))) {
                    continue;  // an ordinary word capitalized
                }
                const Span span{t.span.begin,
                                t.span.begin + static_cast<std::uint32_t>(word.size())};
                Occurrence occ{&where,  span, std::string(word), text::to_lower(word),
                               order++, false};
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
                if (added) loose.push_back({occ.key, text::romanization_key(word), {}, {}, {}});
                LooseForm& form = loose[it->second];
                if (const auto n = neighbour(where, i, -1)) form.before.insert(*n);
                if (const auto n = neighbour(where, i, +1)) form.after.insert(*n);
                form.occurrences.push_back(std::move(occ));
            }
        }

        for (const auto& [entity, occurrences] : known) {
            // The first spelling the database lists sets the form; otherwise the first one.
            const auto ref = std::find_if(occurrences.begin(), occurrences.end(),
                                          [](const Occurrence& o) { return o.listed; });
            const Occurrence& reference = ref != occurrences.end() ? *ref : occurrences.front();
            for (const Occurrence& o : occurrences) {
                if (o.key != reference.key) report(ctx, o, reference, out);
            }
        }
        cluster(ctx, loose, out);
    }

  private:
    // The capitalized word right beside token `i` (one space between, same sentence).
    static std::optional<std::string> neighbour(const RegionText& where, std::size_t i, int step) {
        const auto& tokens = where.analysis.tokens;
        const auto space = static_cast<std::ptrdiff_t>(i) + step;
        const auto word = space + step;
        if (word < 0 || static_cast<std::size_t>(word) >= tokens.size()) return std::nullopt;
        const text::Token& s = tokens[static_cast<std::size_t>(space)];
        const text::Token& w = tokens[static_cast<std::size_t>(word)];
        if (s.kind != text::TokenKind::Space || where.slice(s.span) != " " ||
            w.kind != text::TokenKind::Word || w.sentence != tokens[i].sentence) {
            return std::nullopt;
        }
        const std::string_view text = without_possessive(where.slice(w.span));
        if (!text::is_capitalized(text)) return std::nullopt;
        return text::to_lower(text);
    }

    void cluster(const Context& ctx, std::vector<LooseForm>& forms, Reporter& out) const {
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
        // Forms are in order of first use, so the first of a cluster sets its spelling.
        std::map<std::size_t, std::size_t> first_of;
        for (std::size_t i = 0; i < forms.size(); ++i)
            first_of.try_emplace(find_root(parent, i), i);
        for (std::size_t i = 0; i < forms.size(); ++i) {
            const std::size_t first = first_of[find_root(parent, i)];
            if (first == i) continue;
            for (const Occurrence& o : forms[i].occurrences) {
                report(ctx, o, forms[first].occurrences.front(), out);
            }
        }
    }

    void report(const Context& ctx, const Occurrence& o, const Occurrence& reference,
                Reporter& out) const {
        const Span source = reference.where->region->to_source(reference.span);
        const Position at = ctx.document().lines.position(source.begin);
        const std::string where = std::to_string(at.line) + ":" + std::to_string(at.column);
        const std::string how = reference.order < o.order ? "as first used at " : "as at ";
        Diagnostic& d = out.report(*o.where, o.span,
                                   "Use '" + reference.surface + "', " + how + where +
                                       ", so the name is spelled one way throughout.");
        const std::string replacement = copy_case(o.surface, reference.surface);
        d.suggestions.push_back(replacement);
        out.set_fix(d, *o.where, o.span, replacement, "Use '" + replacement + "'", false);
    }

    RuleInfo info_{
        .id = "name-consistency",
        .category = Category::Names,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "One name spelled two ways in a document (Zelenskyy, then Zelensky; "
            "Tsikhanouskaya, then Tsikhanovskaya).",
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
