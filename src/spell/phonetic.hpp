#pragma once

#include <string>
#include <string_view>

namespace copydesk::spell {

// How a word sounds, as a short key of consonant classes after Lawrence Philips' Metaphone
// (1990): "photography" and "fotografy" give "FTKRF", "business" and "bisnes" "BSNS",
// "portion" and "porshan" "PRXN". Vowels count only at the start (as "A"), double letters
// once, silent letters not at all. Spellers use such keys to find words that a writer spelled
// by ear, too far from the right spelling in edits for an edit-distance search to reach.
// Letters other than ASCII ones are ignored; case is not significant.
std::string sound_key(std::string_view word);

}  // namespace copydesk::spell
