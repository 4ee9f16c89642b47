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
    [[nodiscard]] bool may_contain(std::string_view word) const {
        const std::size_t s = slot(word);
        return (bits_[s / 64] >> (s % 64) & 1U) != 0;
    }

  private:
    static constexpr std::size_t kBits = std::size_t{1} << 16;
    static std::size_t slot(std::string_view word) {
        const std::uint64_t h = fnv1a(word);
        return static_cast<std::size_t>((h ^ (h >> 32)) % kBits);
    }
    std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kBits / 64);
};

}  // namespace copydesk
