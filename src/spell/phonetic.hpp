#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash.hpp"

namespace copydesk::spell {

// How a word sounds, as a short key of consonant classes after Lawrence Philips' Metaphone
// (1990): "photography" and "fotografy" give "FTKRF", "business" and "bisnes" "BSNS",
// "portion" and "porshan" "PRXN". Vowels count only at the start (as "A"), double letters
// once, silent letters not at all. Spellers use such keys to find words that a writer spelled
// by ear, too far from the right spelling in edits for an edit-distance search to reach.
// Letters other than ASCII ones are ignored; case is not significant.
std::string sound_key(std::string_view word);

// FNV-1a over a key's codes: sorting or bucketing 64-bit hashes is several times faster than
// the keys, and a collision only adds a candidate for the ranker to weigh.
constexpr std::uint64_t sound_hash(std::string_view key) {
    return fnv1a(key);
}
// sound_hash(sound_key(word)) without building the key; `length` is set to the key's length.
std::uint64_t sound_key_hash(std::string_view word, std::size_t& length);
// The first code of the word's key ('\0' for an empty key), found without working out the rest.
char sound_key_first(std::string_view word);

}  // namespace copydesk::spell
