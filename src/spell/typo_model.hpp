#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::spell {

// How unlikely it is that someone meaning `intended` typed `typed` (both ASCII-folded): a
// weighted Damerau-Levenshtein distance whose weights follow how people mistype. Doubling or
// halving a letter, swapping two, or a wrong vowel is cheap; a neighbouring key or a sound-
// alike consonant costs more; an unrelated letter more still; any slip in the first letter
// is unusual and costs extra. Roughly: one likely slip ~1, two ~2.
double typo_cost(std::string_view typed, std::string_view intended);

// typo_cost of one typed word against many intended ones, with what depends on the typed word
// alone worked out once. Views `typed`, which must outlive it. The table's columns for the
// letters an intended word shares with the one before are kept: candidates come sorted, and
// about 45% of the columns are shared. So one TypoCost serves one thread.
class TypoCost {
  public:
    explicit TypoCost(std::string_view typed);
    [[nodiscard]] double to(std::string_view intended) const;

  private:
    std::string_view typed_;
    std::vector<double> extras_;  // the price of each typed letter as one added by mistake
    // Row b: the price of each typed letter for the intended letter b (kLetters of them, then
    // one for any other character, then one filled for another character the typed word
    // holds, such as an apostrophe); 0 where they are the same, so that most cells add it
    // without asking.
    static constexpr std::size_t kLetters = 26;
    mutable std::vector<double> substitutions_;
    std::array<std::uint64_t, 4> others_{};  // a bit for each other character typed_ holds
    [[nodiscard]] bool typed_holds(char other) const;
    // Entry i (from 2): typed letters i - 2 and i - 1 as one number, to find a swap of two
    // letters with one comparison.
    std::vector<std::uint32_t> pairs_;
    // Column j: the cost of typing each prefix of typed_ for the first j letters of before_.
    mutable std::vector<double> columns_;
    mutable std::string before_;  // the intended word of the last call
};

// How uncommon a word of frequency class `frequency` (10 * log10 of its frequency rank) is,
// on the same scale as typo_cost.
double rarity_cost(int frequency);

// True when `a` and `b` are neighbouring keys on a QWERTY keyboard.
bool keys_adjacent(char a, char b);

}  // namespace copydesk::spell
