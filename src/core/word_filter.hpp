#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/hash.hpp"

namespace copydesk {

// A set of words that can only say "certainly not in it" or "perhaps": a bit per hash slot.
// Placed in front of a hash table that most words of a text miss (the first words of phrases
// or names), it turns most lookups into one bit test.
class WordFilter {
  public:
    void add(std::string_view word) {
        const std::size_t s = slot(word);
        bits_[s / 64] |= std::uint64_t{1} << (s % 64);
    }
    [[nodiscard]] bool may_contain(std::string_view word) const { return holds(slot(word)); }
    // may_contain() of `ascii` with its letters lower-cased, without making that string.
    [[nodiscard]] bool may_contain_ascii_lower(std::string_view ascii) const {
        return holds(slot_of_hash(word_hash_ascii_lower(ascii)));
    }
    // may_contain() of the word whose word_hash (or word_hash_ascii_lower) is `hash`: one
    // hash for several filters that hash alike.
    [[nodiscard]] bool may_contain_hash(std::uint64_t hash) const {
        return holds(slot_of_hash(hash));
    }

  private:
    static constexpr std::size_t kBits = std::size_t{1} << 16;
    // word_hash's low bits already depend on every byte.
    static std::size_t slot_of_hash(std::uint64_t h) { return static_cast<std::size_t>(h % kBits); }
    static std::size_t slot(std::string_view word) { return slot_of_hash(word_hash(word)); }
    [[nodiscard]] bool holds(std::size_t s) const { return (bits_[s / 64] >> (s % 64) & 1U) != 0; }
    std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kBits / 64);
};

}  // namespace copydesk
