#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <span>
#include <unordered_map>

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
    Span span;                 // region-text span, a possessive 's excluded
    std::string_view surface;  // as written: a view into the region's text
    std::string_view key;      // what must be equal for two spellings to be the same (names the
                               // database links only): a view into storage that outlives check()
    std::size_t order = 0;     // position in the document: its source byte offset
    bool listed = false;       // a spelling the names database lists
    std::size_t mention = 0;   // occurrences of one name's parts share it ("Aliaksandr Lukashenka")
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

// The capitalized words beside names ("Mohammed bin Salman": "Salman" after "Mohammed"), by
// word number. What a word is as a neighbour depends on the word alone, so it is worked out
// once per distinct word; its romanization key, needed only to tell close spellings apart,
// when first asked for.
class Neighbours {
  public:
    explicit Neighbours(const WordTally& words) : words_(words) {}

    // The number of the capitalized word beside token `i` of `where` (one space between, same
    // sentence), looking past a lower-case particle; `ids` are the region's word numbers.
    std::optional<std::uint32_t> at(const RegionText& where, std::span<const std::uint32_t> ids,
                                    std::size_t i, int step) {
        const auto& tokens = where.analysis.tokens;
        auto from = static_cast<std::ptrdiff_t>(i);
        for (int hops = 0; hops < 2; ++hops) {
            const auto space = from + step;
            const auto word = space + step;
            if (word < 0 || static_cast<std::size_t>(word) >= tokens.size()) return std::nullopt;
            const text::Token& s = tokens[static_cast<std::size_t>(space)];
            const text::Token& w = tokens[static_cast<std::size_t>(word)];
            if (s.kind != text::TokenKind::Space || where.slice(s.span) != " " ||
                w.kind != text::TokenKind::Word || w.sentence != tokens[i].sentence) {
                return std::nullopt;
            }
            const std::uint32_t id = ids[static_cast<std::size_t>(word)];
            const Kind kind = of(id);
            if (kind == Kind::Name) return id;
            if (kind != Kind::Particle) return std::nullopt;
            from = word;
        }
        return std::nullopt;
    }

    // The romanization keys of the words numbered `ids` (capitalized neighbours), as numbers,
    // sorted: equal numbers are equal keys.
    std::vector<std::uint32_t> keys(std::span<const std::uint32_t> ids) {
        if (key_of_.empty()) key_of_.assign(words_.distinct(), kNoKey);
        std::vector<std::uint32_t> out;
        out.reserve(ids.size());
        for (const std::uint32_t id : ids) {
            std::uint32_t& k = key_of_[id];
            if (k == kNoKey) {
                const std::string_view text = without_possessive(words_.word(id));
                k = keys_
                        .try_emplace(text::romanization_key(text::to_lower(text)),
                                     static_cast<std::uint32_t>(keys_.size()))
                        .first->second;
            }
            out.push_back(k);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

  private:
    enum class Kind : std::uint8_t { NotYet, Other, Particle, Name };
    static constexpr std::uint32_t kNoKey = std::numeric_limits<std::uint32_t>::max();

    Kind of(std::uint32_t id) {
        static constexpr std::array<std::string_view, 12> kParticles{
            "bin", "ibn", "bint", "al", "el", "de", "van", "von", "der", "da", "di", "la"};
        if (kind_.empty()) kind_.assign(words_.distinct(), Kind::NotYet);  // most never ask
        Kind& kind = kind_[id];
        if (kind == Kind::NotYet) {
            const std::string_view text = without_possessive(words_.word(id));
            if (text::is_capitalized(text)) {
                kind = Kind::Name;
            } else if (std::find(kParticles.begin(), kParticles.end(), text) != kParticles.end()) {
                kind = Kind::Particle;
            } else {
                kind = Kind::Other;
            }
        }
        return kind;
    }

    const WordTally& words_;
    std::vector<Kind> kind_;             // by word number; empty until first asked
    std::vector<std::uint32_t> key_of_;  // by word number: a number in keys_, or kNoKey
    std::unordered_map<std::string, std::uint32_t> keys_;
};

// A spelling the document uses for a name the data does not know, with the capitalized words
// beside it, which tell two people with similar names apart ("Mohamed Salah", "Mohammed bin
// Salman").
struct LooseForm {
    std::string lower;
    std::string key;     // romanization key
    bool known = false;  // in the dictionary or the house lists as written (a name we know)
    std::vector<Occurrence> occurrences;
    // The capitalized words beside it, by number (see Neighbours), sorted.
    std::vector<std::uint32_t> before;
    std::vector<std::uint32_t> after;
};

void add_sorted(std::vector<std::uint32_t>& v, std::uint32_t x) {
    const auto it = std::lower_bound(v.begin(), v.end(), x);
    if (it == v.end() || *it != x) v.insert(it, x);
}

// `words_a` and `words_b` number the words beside two spellings: whether no romanization key
// is among both.
bool neighbours_differ(const std::vector<std::uint32_t>& words_a,
                       const std::vector<std::uint32_t>& words_b, Neighbours& neighbours) {
    if (words_a.empty() || words_b.empty()) return false;
    const std::vector<std::uint32_t> a = neighbours.keys(words_a);
    const std::vector<std::uint32_t> b = neighbours.keys(words_b);
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

// Whether keys are one edit apart (text::edit_distance 1) and differ the way romanizations
// do: one vowel for another (Prokudin/Prokuden), or a vowel or h more. Consonant changes make
// other names (Wikipedia/Wikimedia, America/Amerika). Keys that differ in one place, or by
// one byte more, need no table of distances.
bool romanization_edit(const std::string& a, const std::string& b) {
    const std::string& longer = a.size() >= b.size() ? a : b;
    const std::string& shorter = a.size() >= b.size() ? b : a;
    if (longer.size() > shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && shorter[i] == longer[i]) ++i;
    if (longer.size() == shorter.size()) {
        // A transposition is one edit too, but not a vowel for a vowel.
        if (i == shorter.size() || shorter.compare(i + 1, std::string::npos, longer, i + 1) != 0) {
            return false;
        }
        return is_vowel(shorter[i]) && is_vowel(longer[i]);
    }
    // One byte more: if it can be dropped anywhere, it can be where the keys first differ.
    if (longer.compare(i + 1, std::string::npos, shorter, i) != 0) return false;
    return is_vowel(longer[i]) || longer[i] == 'h';
}

// Whether two different romanization keys are one edit apart the way romanizations differ.
bool close_keys(const std::string& a, const std::string& b) {
    if (std::min(a.size(), b.size()) < kMinFuzzyKeyLength || a[0] != b[0]) return false;
    if (!romanization_edit(a, b)) return false;
    // Gendered and inflected forms are different words: Kolesnikov/Kolesnikova,
    // Kowalski/Kowalska, Ministro/Ministra.
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    if (longer.size() == shorter.size() + 1 && longer.starts_with(shorter) &&
        is_vowel(longer.back())) {
        return false;
    }
    if (a.size() == b.size() && a.compare(0, a.size() - 1, b, 0, b.size() - 1) == 0 &&
        is_vowel(a.back()) && is_vowel(b.back())) {
        return false;
    }
    return true;
}

// Whether two spellings read as one name written two ways.
bool close_spellings(const LooseForm& a, const LooseForm& b, Neighbours& neighbours) {
    // The keys first: they reject most pairs, and without allocating.
    if (a.key != b.key && !close_keys(a.key, b.key)) return false;
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
    return !neighbours_differ(a.before, b.before, neighbours) &&
           !neighbours_differ(a.after, b.after, neighbours);
}

// A word (as written, a possessive ending left off) that may be a name.
struct NameCandidate {
    std::string_view word;
    std::size_t letters = 0;  // code points
    std::string lower;        // empty without a dictionary
};

// The word `text` (as written) as a name candidate, once may_be_name_word has said yes to it:
// what that works out, without its tests.
NameCandidate name_candidate(const Context& ctx, std::string_view text) {
    NameCandidate c{without_possessive(text), 0, {}};
    c.letters = utf8::count_code_points(c.word);
    if (ctx.speller() != nullptr) c.lower = text::to_lower(c.word);
    return c;
}

// Whether the word `text` (as written) may be a name, whether or not the database matches it.
bool may_be_name_word(const Context& ctx, std::string_view text) {
    // The possessive ending leaves the first letter: a word starting lower case is no name,
    // with or without it.
    if (!text::starts_upper(text)) return false;
    const std::string_view word = without_possessive(text);
    if (!text::is_capitalized(word) || !text::is_latin(word)) return false;
    if (utf8::count_code_points(word) < 4) return false;
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

// What check() knows of a word number: not classified yet, or no name; other values index
// what it is.
constexpr std::uint32_t kUnclassified = WordTally::kNoWord;
constexpr std::uint32_t kNoName = kUnclassified - 1;

// The first of a region's words (`word_tokens`, token indexes) from the k-th on that is not
// known to be no name. Most words are no name: a loop of its own keeps this scan tight.
std::size_t next_candidate(std::span<const std::uint32_t> word_tokens,
                           std::span<const std::uint32_t> ids,
                           std::span<const std::uint32_t> states, std::size_t k) {
    while (k < word_tokens.size() && states[ids[word_tokens[k]]] == kNoName) ++k;
    return k;
}

class NameConsistency final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        const names::Database* db = ctx.names();
        const auto profile = ctx.style_profile();
        std::map<std::pair<std::uint32_t, names::Part>, std::vector<Occurrence>> known;
        std::deque<std::string> mention_keys;  // the keys of the known map's spellings
        std::vector<LooseForm> loose;
        std::unordered_map<std::string, std::uint32_t> loose_index;  // by lower-case spelling
        std::size_t mention = 0;
        const Context::Words& words = ctx.words();
        Neighbours neighbours(words.all);

        // What a word that may be a name is, worked out once per distinct word: most names
        // recur, and the database look-up, keys and dictionary test are most of the cost.
        struct NameWord {
            std::uint32_t size = 0;                    // bytes, a possessive 's excluded
            std::vector<Occurrence>* known = nullptr;  // linked by romanization: its entity's
            std::string key;                           // ... and its compare key
            std::uint32_t loose = 0;                   // otherwise: its form in `loose`
        };
        // By word number: kUnclassified, kNoName or an index in name_words.
        std::vector<std::uint32_t> name_word(words.all.distinct(), kUnclassified);
        std::deque<NameWord> name_words;  // a deque: occurrences hold views of the keys
        // For a word may_be_name_word accepts: its answers are kept for later documents, and
        // its dictionary test, the costly part, is not made again.
        const auto classify = [&](std::string_view text) -> std::uint32_t {
            NameCandidate candidate = name_candidate(ctx, text);
            const std::string_view word = candidate.word;
            NameWord w;
            w.size = static_cast<std::uint32_t>(word.size());
            if (db != nullptr) {
                if (const auto match = db->by_romanization(word)) {
                    w.known = &known[{match->entry, match->part}];
                    w.key = names::compare_key(word, match->part);
                }
            }
            if (w.known == nullptr) {
                if (ctx.speller() == nullptr || candidate.letters < kMinNameLength) {
                    return kNoName;  // without a dictionary, names cannot be told from words
                }
                // Forms are in order of first use, made from the first spelling.
                const auto [it, added] = loose_index.try_emplace(
                    std::move(candidate.lower), static_cast<std::uint32_t>(loose.size()));
                if (added) {
                    loose.push_back({it->first,
                                     text::romanization_key(word),
                                     ctx.speller()->known(word),
                                     {},
                                     {},
                                     {}});
                }
                w.loose = it->second;
            }
            name_words.push_back(std::move(w));
            return static_cast<std::uint32_t>(name_words.size() - 1);
        };

        // Most capitalized words are ordinary words at the start of a sentence; which ones
        // is kept from one document to the next, as a dictionary look-up costs a cache miss.
        static constexpr char kMayBeName = 0;
        WordMemo may_be_name(words.all, ctx.word_answers(&kMayBeName),
                             [&](std::string_view w) { return may_be_name_word(ctx, w); });
        // Each distinct word's answer is read before the words are walked, most of them kept
        // from earlier documents: the walk then passes over every word that is no name, where
        // it stopped at the first use of each.
        for (std::uint32_t id = 0; id < name_word.size(); ++id) {
            if (!may_be_name(id)) name_word[id] = kNoName;
        }

        std::vector<std::uint8_t> covered;  // per token of a region: bytes, read once a word
        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const RegionText& where = ctx.regions()[r];
            const auto& tokens = where.analysis.tokens;
            covered.assign(tokens.size(), 0);
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
                        const std::string_view surface = where.slice(use.span);
                        known[{m.entry, use.part}].push_back(
                            {&where, use.span, surface,
                             mention_keys.emplace_back(names::compare_key(surface, use.part)),
                             where.region->to_source(use.span).begin, true, mention});
                    }
                }
            }
            // A word is classified where it is not part of a name the database found.
            const std::span<const std::uint32_t> ids = words.ids[r];
            const std::span<const std::uint32_t> word_tokens = where.analysis.words;
            for (std::size_t k = next_candidate(word_tokens, ids, name_word, 0);
                 k < word_tokens.size(); k = next_candidate(word_tokens, ids, name_word, k + 1)) {
                const std::size_t i = word_tokens[k];
                const std::uint32_t id = ids[i];
                std::uint32_t& slot = name_word[id];
                if (covered[i] != 0) continue;
                if (slot == kUnclassified) {
                    slot = classify(words.all.word(id));
                    if (slot == kNoName) continue;
                }
                const NameWord& w = name_words[slot];
                const std::uint32_t begin = tokens[i].span.begin;
                const Span span{begin, begin + w.size};
                const Occurrence occ{
                    &where, span,     where.slice(span), w.key, where.region->to_source(span).begin,
                    false,  ++mention};
                if (w.known != nullptr) {
                    w.known->push_back(occ);
                    continue;
                }
                LooseForm& form = loose[w.loose];
                if (const auto n = neighbours.at(where, ids, i, -1)) add_sorted(form.before, *n);
                if (const auto n = neighbours.at(where, ids, i, +1)) add_sorted(form.after, *n);
                form.occurrences.push_back(occ);
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
        cluster(loose, neighbours, found);
        report_all(ctx, found, out);
    }

  private:
    static void cluster(const std::vector<LooseForm>& forms, Neighbours& neighbours,
                        std::vector<Inconsistency>& found) {
        if (forms.size() < 2) return;
        std::vector<std::size_t> parent(forms.size());
        std::iota(parent.begin(), parent.end(), std::size_t{0});
        auto join = [&](std::size_t a, std::size_t b) {
            if (close_spellings(forms[a], forms[b], neighbours)) {
                parent[find_root(parent, a)] = find_root(parent, b);
            }
        };
        // Which pairs are compared decides the clusters, not the order they are joined in.
        // Sorted by first letter, length and key (then first use), equal keys are neighbours,
        // and the keys close_keys can accept (same first letter, lengths at most one apart)
        // follow each other.
        std::vector<std::size_t> order(forms.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto first = [&](std::size_t i) {
            return std::string_view(forms[i].key).substr(0, 1);
        };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const std::string& x = forms[a].key;
            const std::string& y = forms[b].key;
            if (const auto c = first(a).compare(first(b)); c != 0) return c < 0;
            if (x.size() != y.size()) return x.size() < y.size();
            if (const int c = x.compare(y); c != 0) return c < 0;
            return a < b;
        });
        // A key's spellings are compared with its first.
        for (std::size_t head = 0, k = 1; k < order.size(); ++k) {
            if (forms[order[k]].key != forms[order[head]].key) {
                head = k;
            } else {
                join(order[head], order[k]);
            }
        }
        if (forms.size() <= kMaxFuzzyForms) {
            for (std::size_t p = 0; p < order.size(); ++p) {
                const std::string& key = forms[order[p]].key;
                if (key.size() < kMinFuzzyKeyLength) continue;
                for (std::size_t q = p + 1; q < order.size(); ++q) {
                    const std::string& other = forms[order[q]].key;
                    if (other[0] != key[0] || other.size() > key.size() + 1) break;
                    if (other != key) {
                        join(std::min(order[p], order[q]), std::max(order[p], order[q]));
                    }
                }
            }
        }
        // Forms are in order of first use. The first spelling the dictionary or the house
        // lists know sets the cluster's spelling, else the first one; known spellings are
        // never reported (two known words are two words).
        constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> first_of(forms.size(), kNone);  // by root
        for (std::size_t i = 0; i < forms.size(); ++i) {
            std::size_t& f = first_of[find_root(parent, i)];
            if (forms[i].known && f == kNone) f = i;
        }
        for (std::size_t i = 0; i < forms.size(); ++i) {
            std::size_t& f = first_of[find_root(parent, i)];
            if (f == kNone) f = i;
        }
        for (std::size_t i = 0; i < forms.size(); ++i) {
            const std::size_t first_form = first_of[find_root(parent, i)];
            if (first_form == i || forms[i].known) continue;
            for (const Occurrence& o : forms[i].occurrences) {
                found.push_back({&o, &forms[first_form].occurrences.front()});
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
            shown += between;
            shown += p.reference->surface;
            replacement += between;
            replacement += copy_case(p.used->surface, p.reference->surface);
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
