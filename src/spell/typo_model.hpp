#pragma once

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
    // The price of each typed letter for each intended one (kLetters of them, then any other
    // character).
    static constexpr std::size_t kLetters = 26;
    std::vector<double> substitutions_;
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
