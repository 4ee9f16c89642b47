#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.hpp"

namespace copydesk {

// What one linter has worked out about words, kept from one document to the next: is a word in
// the dictionary, may it start a name or a phrase. Documents share most of their words, and
// each question cost more than finding the word here. Every distinct word gets a slot; each
// question, named by a key (the address of what asks it), keeps a byte per slot, 0 until
// worked out. Answers must depend only on the word and on what the linter was made with.
// Bounded: once it holds `max_words` words it starts afresh before the next document.
class WordFacts {
  public:
    explicit WordFacts(std::size_t max_words = std::size_t{1} << 17) : max_words_(max_words) {
        clear();
    }

    // Between documents (slots stay valid within one).
    void start_document() {
        if (spans_.size() >= max_words_) clear();
    }

    // The slot of `word`, whose word_hash is `hash`; a new one if the word is new. Inline: a
    // document looks up each of its words, and most were seen before.
    [[gnu::always_inline]] std::uint32_t slot(std::string_view word, std::uint64_t hash) {
        const std::uint32_t size = size_byte(word);
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            const Entry& e = table_[i];
            if (e.id == kEmpty) return add(word, hash, i);
            if (e.hash != hash) continue;
            if (e.place == kFar || size == kLongWord) {
                if (same_word(text_of(e.id), word)) return e.id;
                continue;
            }
            // A short word is known by its hash and length; a longer one is compared from the
            // offset in the entry itself: reading the word's span first would be a second
            // cache miss for every word of every document.
            if ((e.place & kSizeMask) == size &&
                (word_hash_identifies(size) ||
                 same_bytes(text_.data() + (e.place >> kSizeBits), word.data(), size))) {
                return e.id;
            }
        }
    }

    // Starts loading the entry where slot() will look for the word whose hash is `hash`: a
    // document's new words are looked up one after another, and each is a cache miss in a
    // table of every word seen, which prefetching a few words ahead overlaps.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&table_[hash & mask_]); }

    // The answers to the question `key` asks: a byte per slot made so far.
    std::span<std::uint8_t> answers(const void* key) {
        auto it = std::find_if(questions_.begin(), questions_.end(),
                               [&](const auto& q) { return q.first == key; });
        if (it == questions_.end()) it = questions_.insert(it, {key, {}});
        it->second.resize(spans_.size(), 0);
        return it->second;
    }

    [[nodiscard]] std::size_t size() const { return spans_.size(); }
    [[nodiscard]] std::string_view word(std::uint32_t slot) const { return text_of(slot); }

  private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
    // An entry's place: the word's offset in text_, shifted past a byte that holds its length
    // (kLongWord for any longer); kFar for a word past where such an offset reaches, found by
    // its span instead.
    static constexpr unsigned kSizeBits = 8;
    static constexpr std::uint32_t kSizeMask = (1U << kSizeBits) - 1;
    static constexpr std::size_t kLongWord = kSizeMask;
    static constexpr std::size_t kFarOffset = std::size_t{1} << (32 - kSizeBits);
    static constexpr std::uint32_t kFar = 0xFFFFFFFF;
    static std::uint32_t size_byte(std::string_view word) {
        return static_cast<std::uint32_t>(std::min(word.size(), kLongWord));
    }
    struct Entry {
        std::uint64_t hash = 0;
        std::uint32_t id = kEmpty;
        std::uint32_t place = 0;
    };

    [[nodiscard]] std::string_view text_of(std::uint32_t id) const {
        return std::string_view(text_).substr(spans_[id].first, spans_[id].second);
    }
    // Adds `word`, whose word_hash is `hash`, at the empty entry `at`.
    [[gnu::noinline]] std::uint32_t add(std::string_view word, std::uint64_t hash, std::size_t at) {
        const auto id = static_cast<std::uint32_t>(spans_.size());
        const std::size_t offset = text_.size();
        const std::uint32_t place =
            offset < kFarOffset ? static_cast<std::uint32_t>(offset << kSizeBits) | size_byte(word)
                                : kFar;
        table_[at] = {hash, id, place};
        spans_.emplace_back(static_cast<std::uint32_t>(offset),
                            static_cast<std::uint32_t>(word.size()));
        text_ += word;
        if (2 * spans_.size() >= table_.size()) grow();  // at most half full
        return id;
    }
    void clear() {
        table_.assign(1024, Entry{});
        mask_ = table_.size() - 1;
        spans_.clear();
        text_.clear();
        questions_.clear();
    }
    void grow() {
        std::vector<Entry> old(2 * table_.size());
        old.swap(table_);
        mask_ = table_.size() - 1;
        for (const Entry& e : old) {
            if (e.id == kEmpty) continue;
            std::size_t i = e.hash & mask_;
            while (table_[i].id != kEmpty) i = (i + 1) & mask_;
            table_[i] = e;
        }
    }

    std::size_t max_words_;
    std::vector<Entry> table_;
    std::size_t mask_ = 0;                                        // table_.size() - 1
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  // offset and size in text_
    std::string text_;
    std::vector<std::pair<const void*, std::vector<std::uint8_t>>> questions_;
};

}  // namespace copydesk
