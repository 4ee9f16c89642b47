#include "spell/suggester.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "core/diagnostic.hpp"
#include "spell/phonetic.hpp"
#include "spell/typo_model.hpp"

namespace copydesk::spell {

namespace {

constexpr std::size_t kMaxWordLength = 40;
constexpr std::size_t kLongWord = 8;
// Long enough for a slip in the first letter and one more to leave the word recognisable.
constexpr std::size_t kFirstSlipAndMore = 5;
constexpr double kSplit = 2.0;           // a missing space: "aboutthe"
constexpr double kProperForLower = 0.6;  // a name offered for a lower-case word
constexpr double kOtherDialect = 1.0;    // "honour" offered to an American document
// A word only the other dialect's dictionary has and SCOWL does not ("checkboxes",
// "targetted" in en_GB): not accepted, since it may be that dictionary's mistake, but often
// the word meant in technical prose, so offered behind the words the dialect accepts.
constexpr double kUnvetted = 0.5;
// A spelling that sounds like the word is a likelier slip than its edits alone say: its
// cost is scaled down to kSoundsAlikeBase + kSoundsAlikeShare * cost when that is less.
constexpr double kSoundsAlikeBase = 1.0;
constexpr double kSoundsAlikeShare = 0.6;
constexpr std::size_t kMinSoundKey = 3;
// A candidate within one slip of a long word, or of a cheaper search, costing at most this
// makes a third slip unlikely enough not to search for (see gather_candidates). Set on two
// lists of real misspellings (scripts/eval_spelling.py): top-1 and top-5 within 0.1 point of
// always searching, in about three quarters of the time per misspelling.
constexpr double kThirdSlipUnlessBelow = 2.0;
constexpr double kMaxBehindBest = 5.0;  // candidates further behind the best are noise
// A prefix and a corrected word ("un" + "acquired" for "unaquired"): a word the lexicon lacks,
// so less likely than any listed word the typo could be, but often the one meant.
constexpr double kDerived = 2.0;
constexpr std::size_t kMinDerivedStem = 5;

// Prefixes that make new words from almost any word, longest first so that "under" is
// tried before "un". A typo after one of them is a typo in the word it prefixes.
constexpr std::array<std::string_view, 38> kPrefixes{{
    "counter", "pseudo", "hyper", "inter", "intra", "macro", "micro", "multi", "super", "trans",
    "ultra",   "under",  "anti",  "auto",  "cross", "extra", "meta",  "mini",  "over",  "para",
    "post",    "semi",   "down",  "dis",   "mid",   "mis",   "non",   "out",   "pre",   "pro",
    "sub",     "tri",    "bi",    "co",    "de",    "re",    "un",    "up",
}};

struct FirstLetterAlternative {
    char typed;
    std::string_view intended;
};

// Spellings of a word's first sound that people confuse ("nowledge", "fysics", "sycology").
constexpr std::array<FirstLetterAlternative, 17> kFirstLetter{{
    {'c', "k"},
    {'c', "s"},
    {'c', "ch"},
    {'k', "c"},
    {'k', "ch"},
    {'k', "qu"},
    {'s', "c"},
    {'s', "ps"},
    {'s', "sc"},
    {'f', "ph"},
    {'n', "kn"},
    {'n', "gn"},
    {'r', "wr"},
    {'r', "rh"},
    {'w', "wh"},
    {'j', "g"},
    {'g', "j"},
}};

bool has_upper(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool all_caps(std::string_view w) {
    int upper = 0;
    for (char c : w) {
        if (c >= 'a' && c <= 'z') return false;
        upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
    }
    return upper >= 2;
}

std::string upper(std::string_view w) {
    std::string out(w);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// The dialect's own spelling (not the other's, which is valid but second best).
bool own_spelling(Dialect wanted, const Lexicon::Entry& e) {
    return wanted == Dialect::Any || e.dialect == Dialect::Any || wanted == e.dialect;
}

// A common lower-case word spelled exactly `part`, for splitting glued words.
const Lexicon::Entry* common_word(const Lexicon& lex, std::string_view part, Dialect dialect) {
    if (part.size() == 1 && part != "a" && part != "i") return nullptr;
    for (const Lexicon::Entry& e : lex.same_letters(part)) {
        const std::string_view w = lex.word(e);
        const bool same = w == part || (part == "i" && w == "I");
        if (same && e.level <= 60 && own_spelling(dialect, e)) return &e;
    }
    return nullptr;
}

// `full`: the whole search, with derived words; without it, the cheaper search for the
// rest of a word after its prefix, which finds nearly the same words in three quarters of
// the time (no third slip in a long word, no sound-alikes).
std::vector<Correction> ranked_candidates(const Lexicon& lex, std::string_view typed,
                                          Dialect dialect, std::size_t limit, bool full);

// "unaquired": the prefix kept and the rest corrected as a word of its own, when the rest
// is not already a word (then the typed word is a derived word, not a typo). Offered only
// when no listed word explains the typo better: made-up words such as "coplayer" for
// "cosplayer" would otherwise fill the places behind the right one.
void add_derived(const Lexicon& lex, std::string_view q, std::string_view typed, Dialect dialect,
                 std::vector<Correction>& out) {
    double best_listed = std::numeric_limits<double>::infinity();
    for (const Correction& c : out) best_listed = std::min(best_listed, c.score);
    const auto prefix = std::find_if(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view p) {
        return q.size() >= p.size() + kMinDerivedStem && q.starts_with(p);
    });
    if (prefix == kPrefixes.end()) return;
    const std::string_view stem = q.substr(prefix->size());
    if (!lex.same_letters(stem).empty()) return;
    for (Correction& c : ranked_candidates(lex, stem, dialect, 3, false)) {
        if (c.proper || c.word.find(' ') != std::string::npos) continue;
        const std::string word = std::string(*prefix) + c.word;
        if (!lex.same_letters(word).empty()) continue;  // a listed word: found as one
        c.score += kDerived;
        if (c.score > best_listed) continue;
        c.level = Correction{}.level;  // not listed: no evidence of a common word
        c.word = all_caps(typed) ? upper(word) : copy_case(typed, word);
        out.push_back(std::move(c));
    }
}

// An entry a search found, with its typo cost (the sound-alike discount taken) as a correction
// of the folded word.
struct Candidate {
    const Lexicon::Entry* entry;
    double cost;
};

// Prices the entries of `found` that `priced` lacks, once each, as corrections of the word
// `typo` prices, and merges them into `priced` (in address order), leaving `found` empty.
void price_candidates(const Lexicon& lex, const TypoCost& typo,
                      std::vector<const Lexicon::Entry*>& found,
                      const std::vector<const Lexicon::Entry*>& sounds_alike,
                      std::vector<Candidate>& priced) {
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    const std::size_t old = priced.size();
    const auto seen = [&](const Lexicon::Entry* e) {
        const auto at = std::lower_bound(
            priced.begin(), priced.begin() + static_cast<std::ptrdiff_t>(old), e,
            [](const Candidate& c, const Lexicon::Entry* entry) { return c.entry < entry; });
        return at != priced.begin() + static_cast<std::ptrdiff_t>(old) && at->entry == e;
    };
    if (old > 0) found.erase(std::remove_if(found.begin(), found.end(), seen), found.end());
    // The walks read the keys' letters from tables of their own, not the entries: each
    // candidate's entry, and then its spelling, is a cache miss when it is priced. Asked for
    // all at once, the misses overlap.
    for (const Lexicon::Entry* entry : found) __builtin_prefetch(entry);
    for (const Lexicon::Entry* entry : found) {
        __builtin_prefetch(lex.folded(*entry).data());
        __builtin_prefetch(lex.word(*entry).data());
    }
    priced.reserve(old + found.size());
    for (const Lexicon::Entry* entry : found) {
        double cost = typo.to(lex.folded(*entry));
        if (std::binary_search(sounds_alike.begin(), sounds_alike.end(), entry)) {
            cost = std::min(cost, kSoundsAlikeBase + kSoundsAlikeShare * cost);
        }
        priced.push_back({entry, cost});
    }
    found.clear();
    std::inplace_merge(priced.begin(), priced.begin() + static_cast<std::ptrdiff_t>(old),
                       priced.end(),
                       [](const Candidate& a, const Candidate& b) { return a.entry < b.entry; });
}

// Every entry of `max_level` or lower the searches for the folded word `q` find, once each, in
// address order, with its cost. `full`: as for ranked_candidates. `third_slip`: whether a long
// word with no likely correction is searched for a third slip (see below).
std::vector<Candidate> gather_candidates(const Lexicon& lex, const std::string& q, bool full,
                                         int max_level = Lexicon::kAnyLevel,
                                         bool third_slip = true) {
    // Every entry any search finds, as often as found: sorted and made unique when priced,
    // which costs less than a hash table's node for each.
    std::vector<const Lexicon::Entry*> found;
    found.reserve(256);
    std::vector<const Lexicon::Entry*> sounds_alike;
    auto collect = [&](const Lexicon::Entry& e, int /*edits*/) {
        if (e.level <= max_level) found.push_back(&e);
    };
    auto search = [&](std::string_view prefix, std::string_view after, int edits) {
        lex.search(prefix, after, edits, collect, Lexicon::SearchMethod::Fastest, max_level);
    };
    const std::string_view rest = std::string_view(q).substr(1);
    // Up to two slips after a correct first letter (three in a long word, see below); one slip
    // in the first letter, which is rarer: left out, added, wrong, or swapped with the second.
    // In a longer word an added first letter or a swap may come with one more slip further on
    // ("egenral", "thsould"; in a long word only if nothing likely is nearer, see below); a
    // left-out or wrong first letter stays exact, as trying every letter with a further edit
    // costs more time than it finds words.
    const bool long_word = full && q.size() >= kLongWord;
    search(q.substr(0, 1), rest, long_word ? 1 : 2);
    const int more = q.size() >= kFirstSlipAndMore ? 1 : 0;
    // Entries spelled `first` followed by something within `edits` of `after`.
    auto near = [&](char first, std::string_view after, int edits) {
        const std::string head(1, first);
        if (edits > 0) {
            search(head, after, edits);
            return;
        }
        for (const Lexicon::Entry& e : lex.same_letters(head + std::string(after))) collect(e, 1);
    };
    auto first_letter_slips = [&](int edits) {
        if (!rest.empty()) near(rest[0], rest.substr(1), edits);
        if (q.size() >= 2) {
            std::string after = q.substr(1);  // the first letter, then the rest after the second
            after[0] = q[0];
            near(q[1], after, edits);
        }
    };
    if (!long_word) first_letter_slips(more);
    // A letter left out before the word, or put in place of its first.
    const std::span<const Lexicon::Entry> entries = lex.entries();
    for (const std::uint32_t e : lex.after_a_letter(q)) collect(entries[e], 1);
    for (const std::uint32_t e : lex.after_a_letter(rest)) {
        if (lex.folded(entries[e]).front() != q[0]) collect(entries[e], 1);
    }
    for (const auto& alt : kFirstLetter) {
        if (alt.typed == q[0]) search(alt.intended, rest, 1);
    }
    // Words spelled by ear ("fotografy", "bisnes") are too many edits away for the searches
    // above; a word that sounds the same is reached through its sound key instead. A short
    // key ("FR") sounds like too many words to say anything.
    if (const std::string key = full ? sound_key(q) : std::string(); key.size() >= kMinSoundKey) {
        lex.sounding_like(key, [&](const Lexicon::Entry& e) {
            if (e.level > max_level) return;
            sounds_alike.push_back(&e);
            collect(e, 0);
        });
    }
    std::sort(sounds_alike.begin(), sounds_alike.end());
    const TypoCost typo(q);
    std::vector<Candidate> priced;
    price_candidates(lex, typo, found, sounds_alike, priced);
    // A long word may hold a third slip after its first letter, but that search costs more
    // than all the others together, and when a likely correction is already in hand the words
    // it adds rank behind it; so do those of an added or swapped first letter with one more
    // slip. So the searches above look for one slip first, and the rest is searched for after
    // (the word itself, from the other dialect's list or in other capitals, is no
    // correction). Searching for two slips and then three would walk twice where names and
    // rare words, which have no likely correction, are common.
    if (long_word) {
        const bool likely =
            !third_slip || std::any_of(priced.begin(), priced.end(), [](const Candidate& c) {
                return c.cost > 0 && c.cost <= kThirdSlipUnlessBelow;
            });
        first_letter_slips(likely ? 0 : more);
        search(q.substr(0, 1), rest, likely ? 2 : 3);
        price_candidates(lex, typo, found, sounds_alike, priced);
    }
    return priced;
}

std::vector<Correction> ranked_candidates(const Lexicon& lex, std::string_view typed,
                                          Dialect dialect, std::size_t limit, bool full) {
    std::vector<Correction> out;
    if (typed.empty() || typed.size() > kMaxWordLength || limit == 0) return out;
    const std::string q = ascii_fold(typed);
    const bool typed_lower = !has_upper(typed);
    const bool typed_caps = all_caps(typed);
    // The entry of each of `out` that is one (null for a split or derived word, written out
    // when made). An entry's word, its case carried over, is written out only when it is
    // offered or breaks a tie: of thirty-odd candidates, five at most are offered.
    std::vector<const Lexicon::Entry*> entry_of;
    const std::vector<Candidate> candidates = gather_candidates(lex, q, full);
    // Room for the splits and derived words too, which are few.
    out.reserve(candidates.size() + q.size() + 4);
    entry_of.reserve(out.capacity());
    for (const auto& [entry, cost] : candidates) {
        Correction& c = out.emplace_back();  // in place: no Correction moved
        c.level = entry->level;
        c.frequency = entry->frequency;
        c.proper = has_upper(lex.word(*entry));
        c.cost = cost;
        c.score = c.cost + rarity_cost(c.frequency) +
                  // "ok" for "OK", "paris" for "Paris": a case slip on a name costs nothing.
                  (c.proper && typed_lower && c.cost > 0 ? kProperForLower : 0.0) +
                  (own_spelling(dialect, *entry) ? 0.0 : kOtherDialect) +
                  (Lexicon::valid_in(dialect, *entry) ? 0.0 : kUnvetted);
        entry_of.push_back(entry);
    }
    auto word_of = [&](std::size_t i) -> const std::string& {
        Correction& c = out[i];
        if (c.word.empty() && entry_of[i] != nullptr) {
            const std::string_view w = lex.word(*entry_of[i]);
            if (typed_caps) {
                c.word = upper(w);
            } else {
                c.word = c.proper ? std::string(w) : copy_case(typed, w);
            }
        }
        return c.word;
    };

    for (std::size_t i = 1; i + 1 < q.size(); ++i) {
        const Lexicon::Entry* left = common_word(lex, std::string_view(q).substr(0, i), dialect);
        if (left == nullptr) continue;
        const Lexicon::Entry* right = common_word(lex, std::string_view(q).substr(i), dialect);
        if (right == nullptr) continue;
        Correction c;
        c.level = std::max(left->level, right->level);
        c.frequency = std::max(left->frequency, right->frequency);
        c.cost = kSplit;
        c.score = kSplit + rarity_cost(left->frequency) + rarity_cost(right->frequency);
        const std::string joined =
            std::string(lex.word(*left)) + " " + std::string(lex.word(*right));
        c.word = typed_caps ? upper(joined) : copy_case(typed, joined);
        out.push_back(std::move(c));
    }
    if (full) add_derived(lex, q, typed, dialect, out);
    entry_of.resize(out.size(), nullptr);

    // What the order asks of each correction, side by side: the sort reads no Correction.
    struct Rank {
        double score;
        double cost;
        int level;
        std::uint32_t index;
    };
    std::vector<Rank> order;
    order.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        order.push_back({out[i].score, out[i].cost, out[i].level, static_cast<std::uint32_t>(i)});
    }
    std::sort(order.begin(), order.end(), [&](const Rank& a, const Rank& b) {
        if (a.score != b.score) return a.score < b.score;
        if (a.cost != b.cost) return a.cost < b.cost;  // the closer spelling, at equal odds
        if (a.level != b.level) return a.level < b.level;
        return word_of(a.index) < word_of(b.index);
    });
    std::vector<Correction> ranked;
    std::vector<std::string> ranked_folded;  // ascii_fold of each of `ranked`, made once
    ranked.reserve(std::min(limit, out.size()));
    ranked_folded.reserve(ranked.capacity());
    for (const Rank& rank : order) {
        const std::uint32_t i = rank.index;
        if (ranked.size() == limit) break;
        if (!ranked.empty() && out[i].score > ranked.front().score + kMaxBehindBest) break;
        const std::string& word = word_of(i);
        // "mark" and "Mark" are one suggestion: the better-ranked spelling stands for both.
        std::string folded = ascii_fold(word);
        const bool seen =
            std::find(ranked_folded.begin(), ranked_folded.end(), folded) != ranked_folded.end();
        if (!seen && word != typed) {
            ranked.push_back(std::move(out[i]));
            ranked_folded.push_back(std::move(folded));
        }
    }
    return ranked;
}

}  // namespace

std::vector<Correction> rank_corrections(const Lexicon& lex, std::string_view typed,
                                         Dialect dialect, std::size_t limit) {
    return ranked_candidates(lex, typed, dialect, limit, true);
}

double least_correction_cost(const Lexicon& lex, std::string_view typed, int max_level) {
    double least = std::numeric_limits<double>::infinity();
    if (typed.empty() || typed.size() > kMaxWordLength) return least;
    const std::string q = ascii_fold(typed);
    // Asked whether a cheap slip explains the word: three slips seldom cost so little, and
    // searching for them was a fifth of what the checks of names cost, which they never
    // changed on the misspelling lists written as names ("the Goverment").
    for (const Candidate& c : gather_candidates(lex, q, true, max_level, false)) {
        least = std::min(least, c.cost);
    }
    return least;
}

}  // namespace copydesk::spell
