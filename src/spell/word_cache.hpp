#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.hpp"

namespace copydesk::spell {

// A per-word cache of small values, asked about every word of every document: open
// addressing over one array, the words kept in one buffer. A lookup is an inline hash and
// usually one probe, where a node-based map costs a call to the library hash, a modulo and
// a pointer chase. Past `max_words` words it starts over rather than grow without bound.
template <class Value>
class WordCache {
  public:
    explicit WordCache(std::size_t max_words) : max_words_(max_words) {}

    [[nodiscard]] const Value* find(std::string_view word) const {
        if (slots_.empty()) return nullptr;
        const std::uint64_t h = hash(word);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.used) return nullptr;
            if (s.hash == h && same_word(key(s), word)) return &s.value;
        }
    }

    // Adds `word` (which must not be in the cache).
    void insert(std::string_view word, Value value) {
        if (size_ >= max_words_ || words_.size() + word.size() > kMaxBuffer) clear();
        if ((size_ + 1) * 2 > slots_.size()) grow();
        const std::uint64_t h = hash(word);
        std::size_t i = h & mask_;
        while (slots_[i].used) i = (i + 1) & mask_;
        slots_[i] = Slot{h, static_cast<std::uint32_t>(words_.size()),
                         static_cast<std::uint32_t>(word.size()), true, std::move(value)};
        words_.append(word);
        ++size_;
    }

    [[nodiscard]] std::size_t size() const { return size_; }

    void clear() {
        for (Slot& s : slots_) s = Slot{};
        words_.clear();
        size_ = 0;
    }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        bool used = false;
        Value value{};
    };
    static constexpr std::size_t kFirstSlots = 1024;
    static constexpr std::size_t kMaxBuffer = std::numeric_limits<std::uint32_t>::max();

    static std::uint64_t hash(std::string_view word) { return word_hash(word); }

    [[nodiscard]] std::string_view key(const Slot& s) const {
        return std::string_view(words_).substr(s.offset, s.length);
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? kFirstSlots : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (Slot& s : old) {
            if (!s.used) continue;
            std::size_t i = s.hash & mask_;
            while (slots_[i].used) i = (i + 1) & mask_;
            slots_[i] = std::move(s);
        }
    }

    std::size_t max_words_;
    std::vector<Slot> slots_;  // a power of two in size, at most half full
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
    std::string words_;
};

}  // namespace copydesk::spell
