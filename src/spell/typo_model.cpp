#include "spell/typo_model.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace copydesk::spell {

namespace {

// Costs, in units of "one likely slip", for the classes of error that misspelling studies
// describe (doubling, vowels in unstressed syllables, transpositions, neighbouring keys,
// sound-alike consonants). The values were set by measuring suggestion accuracy on one list
// of common misspellings and checked on another (scripts/eval_spelling.py); no word pair is
// special-cased.
constexpr double kTranspose = 0.55;
constexpr double kVowel = 1.1;       // a wrong vowel: "seperate", "independant"
constexpr double kNeighbour = 1.8;   // a neighbouring key
constexpr double kSoundAlike = 1.0;  // c/k, c/s, s/z, g/j, ...
constexpr double kOtherLetter = 2.25;
constexpr double kOmitDoubled = 0.25;  // "ocurred", "acomodate": one of a double letter left out
constexpr double kOmitVowel = 0.75;
constexpr double kOmit = 1.1;          // "goverment", "Febuary"
constexpr double kExtraDoubled = 0.6;  // "untill", "begginning"
constexpr double kExtraNeighbour = 1.7;
constexpr double kExtraVowel = 1.5;
constexpr double kExtraEcho = 1.3;  // a letter of the word typed again nearby: "Janurary"
constexpr double kExtra = 2.0;
constexpr double kDigraph = 0.8;           // f for ph, ph for f
constexpr double kFirstLetter = 0.7;       // added to any slip in the first letter
constexpr double kRarityPerClass = 0.075;  // per frequency class (a factor of 10^0.1 in rank)

constexpr std::array<std::string_view, 3> kRows{"qwertyuiop", "asdfghjkl", "zxcvbnm"};

bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
}

// For each letter, a bit per letter on a neighbouring key. Worked out at compile time:
// suggestions ask in their innermost loop.
constexpr std::array<std::uint32_t, 26> kNeighbours = [] {
    std::array<std::uint32_t, 26> out{};
    auto link = [&](char a, char b) {
        out[static_cast<std::size_t>(a - 'a')] |= 1U << (b - 'a');
        out[static_cast<std::size_t>(b - 'a')] |= 1U << (a - 'a');
    };
    for (std::size_t r = 0; r < kRows.size(); ++r) {
        const std::string_view row = kRows[r];
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c + 1 < row.size()) link(row[c], row[c + 1]);
            if (r + 1 == kRows.size()) continue;
            // The row below is shifted right by half a key: row[c] sits over below[c - 1]
            // and below[c].
            const std::string_view below = kRows[r + 1];
            if (c < below.size()) link(row[c], below[c]);
            if (c >= 1 && c - 1 < below.size()) link(row[c], below[c - 1]);
        }
    }
    return out;
}();

constexpr bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

constexpr std::array<std::string_view, 10> kSoundAlikePairs{"ck", "cs", "sz", "gj", "fv",
                                                            "dt", "mn", "bp", "kq", "xz"};

constexpr bool sound_alike(char a, char b) {
    for (std::string_view p : kSoundAlikePairs) {
        if ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a)) return true;
    }
    return false;
}

// Two characters as one number, to compare a pair with one comparison.
constexpr std::uint32_t letter_pair(char first, char second) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(first)) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(second)) << 8U);
}
constexpr std::uint32_t kNoPair = 1U << 16U;  // equal to no letter_pair

constexpr std::size_t letter_index(char c) {
    return static_cast<std::size_t>(c - 'a');
}

// The price of each letter typed for each letter intended, worked out at compile time: the
// typo table asks for one in every cell.
constexpr std::array<std::array<double, 26>, 26> kSubstitutions = [] {
    std::array<std::array<double, 26>, 26> out{};
    for (char typed = 'a'; typed <= 'z'; ++typed) {
        for (char intended = 'a'; intended <= 'z'; ++intended) {
            double cost = kOtherLetter;
            const auto neighbours = kNeighbours[letter_index(typed)];
            if (is_vowel(typed) && is_vowel(intended)) {
                cost = kVowel;
            } else if (((neighbours >> letter_index(intended)) & 1U) != 0) {
                cost = kNeighbour;
            } else if (sound_alike(typed, intended)) {
                cost = kSoundAlike;
            }
            out[letter_index(typed)][letter_index(intended)] = cost;
        }
    }
    return out;
}();

// The typist left out intended[j].
double omit(std::string_view intended, std::size_t j) {
    const char c = intended[j];
    if ((j > 0 && intended[j - 1] == c) || (j + 1 < intended.size() && intended[j + 1] == c)) {
        return kOmitDoubled;
    }
    return is_vowel(c) ? kOmitVowel : kOmit;
}

// The typist added typed[i].
double extra(std::string_view typed, std::size_t i) {
    const char c = typed[i];
    if ((i > 0 && typed[i - 1] == c) || (i + 1 < typed.size() && typed[i + 1] == c)) {
        return kExtraDoubled;
    }
    if ((i > 0 && keys_adjacent(typed[i - 1], c)) ||
        (i + 1 < typed.size() && keys_adjacent(typed[i + 1], c))) {
        return kExtraNeighbour;
    }
    // Anticipating or repeating a letter two places on is a common slip of the hand.
    if ((i >= 2 && typed[i - 2] == c) || (i + 2 < typed.size() && typed[i + 2] == c)) {
        return is_vowel(c) ? std::min(kExtraVowel, kExtraEcho) : kExtraEcho;
    }
    return is_vowel(c) ? kExtraVowel : kExtra;
}

}  // namespace

bool keys_adjacent(char a, char b) {
    if (!is_letter(a) || !is_letter(b)) return false;
    return ((kNeighbours[static_cast<std::size_t>(a - 'a')] >> (b - 'a')) & 1U) != 0;
}

TypoCost::TypoCost(std::string_view typed)
    : typed_(typed),
      extras_(typed.size()),
      substitutions_((kLetters + 2) * typed.size(), kOtherLetter),
      pairs_(typed.size() + 1, kNoPair),
      columns_(typed.size() + 1) {
    const std::size_t n = typed.size();
    for (std::size_t i = 0; i < n; ++i) {
        extras_[i] = extra(typed, i);
        if (!is_letter(typed[i])) {
            const auto c = static_cast<unsigned char>(typed[i]);
            others_[c / 64] |= std::uint64_t{1} << (c % 64);
            continue;
        }
        const auto& row = kSubstitutions[letter_index(typed[i])];
        for (std::size_t b = 0; b < kLetters; ++b) substitutions_[b * n + i] = row[b];
        substitutions_[letter_index(typed[i]) * n + i] = 0.0;
    }
    for (std::size_t i = 2; i <= n; ++i) pairs_[i] = letter_pair(typed[i - 2], typed[i - 1]);
    // Column 0 (no intended letter yet) depends on the typed word alone.
    for (std::size_t i = 1; i <= n; ++i) {
        columns_[i] = columns_[i - 1] + extras_[i - 1] + kFirstLetter;
    }
}

bool TypoCost::typed_holds(char other) const {
    const auto c = static_cast<unsigned char>(other);
    return ((others_[c / 64] >> (c % 64)) & 1U) != 0;
}

double TypoCost::to(std::string_view w) const {
    const std::string_view t = typed_;
    const std::size_t n = t.size();
    const std::size_t m = w.size();
    const std::size_t height = n + 1;
    // Column j reads the intended word up to letter j (whether letter j - 1 is doubled looks
    // one ahead): the columns before the first letter w differs from before_ in stay.
    std::size_t same = 0;
    while (same < m && same < before_.size() && w[same] == before_[same]) ++same;
    const std::size_t first = std::max<std::size_t>(same, 1);
    before_.assign(w);
    if (columns_.size() < (m + 1) * height) columns_.resize((m + 1) * height);
    double* const d = columns_.data();
    // Cell (j, i): the cost of typing t's first i letters for w's first j. A slip touching the
    // first letter of either costs kFirstLetter more: the first row and column, where each
    // such term applies, are worked out apart from the rest, and so are the columns where
    // a digraph slip can end, so that the common cell asks nothing but whether two letters
    // are swapped. Every term is summed in the same order in each case.
    for (std::size_t j = first; j <= m; ++j) {
        const double* const left = d + (j - 1) * height;
        double* const col = d + j * height;
        const char b = w[j - 1];
        const double omitted = omit(w, j - 1);
        const double* sub = substitutions_.data() + kLetters * n;  // kOtherLetter throughout
        if (is_letter(b)) {
            sub = substitutions_.data() + letter_index(b) * n;
        } else if (typed_holds(b)) {
            double* const other = substitutions_.data() + (kLetters + 1) * n;
            for (std::size_t i = 0; i < n; ++i) other[i] = t[i] == b ? 0.0 : kOtherLetter;
            sub = other;
        }
        col[0] = left[0] + omitted + kFirstLetter;
        const bool f_typed_ph = b == 'f';
        if (j == 1) {
            for (std::size_t i = 1; i <= n; ++i) {
                const char a = t[i - 1];
                double v = left[i - 1];
                if (a != b) v += sub[i - 1] + kFirstLetter;
                v = std::min(v, left[i] + omitted + kFirstLetter);
                v = std::min(v, i == 1 ? col[i - 1] + extras_[i - 1] + kFirstLetter
                                       : col[i - 1] + extras_[i - 1]);
                if (f_typed_ph && i >= 2 && t[i - 2] == 'p' && a == 'h') {
                    v = std::min(v, left[i - 2] + kDigraph + kFirstLetter);
                }
                col[i] = v;
            }
            continue;
        }
        if (n == 0) continue;
        const double* const two_left = d + (j - 2) * height;
        const char before_b = w[j - 2];
        const bool ph_typed_f = before_b == 'p' && b == 'h';
        {
            const char a = t[0];
            double v = left[0];
            if (a != b) v += sub[0] + kFirstLetter;
            v = std::min(v, left[1] + omitted);
            v = std::min(v, col[0] + extras_[0] + kFirstLetter);
            if (ph_typed_f && a == 'f') v = std::min(v, two_left[0] + kDigraph + kFirstLetter);
            col[1] = v;
        }
        // Typed letters i - 2 and i - 1 are b and before_b: a swap (of two different letters).
        const std::uint32_t swapped = b == before_b ? kNoPair : letter_pair(b, before_b);
        const double* const extras = extras_.data();
        const std::uint32_t* const pairs = pairs_.data();
        // The digraph slips only where this column can end one: a loop without their tests
        // for the other columns, which are most of them.
        auto fill = [&](auto digraphs) {
            double up = col[1];
            for (std::size_t i = 2; i <= n; ++i) {
                double v = left[i - 1] + sub[i - 1];
                v = std::min(v, left[i] + omitted);
                v = std::min(v, up + extras[i - 1]);
                if (pairs[i] == swapped) {
                    v = std::min(v, i == 2 || j == 2 ? two_left[i - 2] + kTranspose + kFirstLetter
                                                     : two_left[i - 2] + kTranspose);
                }
                if constexpr (decltype(digraphs)::value) {
                    const char a = t[i - 1];
                    if (ph_typed_f && a == 'f') {
                        v = std::min(v, j == 2 ? two_left[i - 1] + kDigraph + kFirstLetter
                                               : two_left[i - 1] + kDigraph);
                    }
                    if (f_typed_ph && t[i - 2] == 'p' && a == 'h') {
                        v = std::min(v, i == 2 ? left[i - 2] + kDigraph + kFirstLetter
                                               : left[i - 2] + kDigraph);
                    }
                }
                col[i] = v;
                up = v;
            }
        };
        if (ph_typed_f || f_typed_ph) {
            fill(std::true_type{});
        } else {
            fill(std::false_type{});
        }
    }
    return d[m * height + n];
}

double typo_cost(std::string_view t, std::string_view w) {
    return TypoCost(t).to(w);
}

double rarity_cost(int frequency) {
    // Zipf: a word's probability falls with its rank, so its cost grows with log(rank).
    return kRarityPerClass * frequency;
}

}  // namespace copydesk::spell
