#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/hash.hpp"

namespace copydesk {

// How often each word occurs, as views into text that outlives the tally. One open-addressed
// table of slots: a document has a few thousand distinct words, and a node per word (as
// std::unordered_map makes) cost more than the counting.
class WordTally {
  public:
    // Room for about `words` distinct words before the table grows.
    explicit WordTally(std::size_t words = 0) { slots_.resize(capacity_for(words)); }

    void add(std::string_view word) {
        if (2 * (used_ + 1) > slots_.size()) grow();
        const std::uint64_t h = word_hash(word);
        Slot& s = slots_[find(word, h)];
        if (s.count == 0) {
            s = Slot{word.data(), static_cast<std::uint32_t>(word.size()), 0, h};
            ++used_;
        }
        ++s.count;
    }
    [[nodiscard]] int count(std::string_view word) const {
        return slots_[find(word, word_hash(word))].count;
    }
    [[nodiscard]] std::size_t distinct() const { return used_; }

  private:
    struct Slot {
        const char* data = nullptr;
        std::uint32_t size = 0;
        int count = 0;  // 0: empty
        std::uint64_t hash = 0;
    };
    static std::size_t capacity_for(std::size_t words) {
        return std::bit_ceil(std::max<std::size_t>(16, 2 * words));
    }
    // The slot holding `word`, or the empty slot where it belongs.
    [[nodiscard]] std::size_t find(std::string_view word, std::uint64_t h) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.count == 0) return i;
            if (s.hash == h && same_word(std::string_view(s.data, s.size), word)) return i;
        }
    }
    void grow() {
        std::vector<Slot> old(2 * slots_.size());
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (s.count == 0) continue;
            std::size_t i = s.hash & mask;
            while (slots_[i].count != 0) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }

    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

}  // namespace copydesk
