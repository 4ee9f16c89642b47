#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "spell/lexicon.hpp"

namespace copydesk::spell {

struct Correction {
    std::string word;         // as it should be written, case carried over from the typed word
    double cost = 0;          // typo_cost of the typed word against this one
    double score = 0;         // cost plus rarity: lower is more likely
    int level = 99;           // SCOWL size level of the word (of the rarer word for a split)
    int frequency = 99;       // frequency class (see Lexicon::Entry)
    bool proper = false;      // the lexicon writes it with a capital: a name, a month, ...
    bool from_table = false;  // the known-misspellings table's correction
};

// Candidates for an unknown `word` from the lexicon, best first, at most `limit`: words
// within two edits (the first letter kept; three in a long word with no likely correction
// nearer) or one edit (any letter), sound-alike spellings of the first letter ("fotograph"),
// words with the same sound key ("bisnes"), glued words split in two ("aboutthe"), and a
// common prefix with the rest of the word corrected ("unaquired": "unacquired"). Ranked by
// typo_cost plus rarity_cost; the other dialect's spellings, and words only its dictionary
// has, rank behind the dialect's own.
std::vector<Correction> rank_corrections(const Lexicon& lexicon, std::string_view word,
                                         Dialect dialect, std::size_t limit = 5);

// The least typo cost (with the sound-alike discount) of any entry of `max_level` or lower
// that rank_corrections would price for `word`, searching those entries alone and a long word
// for two slips at most; infinity if none. Glued words and derived words, which are not
// entries, are left out. With the common words' level (Lexicon::kCommonLevel), it tells for a
// fraction of what the ranking costs whether the ranking has a cheap common word to offer.
double least_correction_cost(const Lexicon& lexicon, std::string_view word,
                             int max_level = Lexicon::kAnyLevel);

}  // namespace copydesk::spell
