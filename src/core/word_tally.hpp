#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.hpp"

namespace copydesk {

// How often each word occurs, as views into text that outlives the tally, with each distinct
// word numbered in order of first use. One open-addressed table of slots: a document has a few
// thousand distinct words, and a node per word (as std::unordered_map makes) cost more than the
// counting.
class WordTally {
  public:
    static constexpr std::uint32_t kNoWord = std::numeric_limits<std::uint32_t>::max();

    // Room for about `words` distinct words before the table grows.
    explicit WordTally(std::size_t words = 0) { grow(words); }
    WordTally(const WordTally& other)
        : slots_(other.slots_),
          words_(std::make_unique_for_overwrite<Word[]>(other.limit_)),
          mask_(other.mask_),
          distinct_(other.distinct_),
          limit_(other.limit_) {
        if (distinct_ > 0) std::memcpy(words_.get(), other.words_.get(), distinct_ * sizeof(Word));
    }
    WordTally& operator=(const WordTally& other) {
        if (this != &other) *this = WordTally(other);
        return *this;
    }
    WordTally(WordTally&&) noexcept = default;
    WordTally& operator=(WordTally&&) noexcept = default;
    ~WordTally() = default;

    // Counts `word` once more; returns its number. Inline: a document's every word is added.
    [[gnu::always_inline]] std::uint32_t add(std::string_view word) {
        return add(word, word_hash(word));
    }
    // The same, with the word's word_hash `h` worked out already.
    [[gnu::always_inline]] std::uint32_t add(std::string_view word, std::uint64_t h) {
        reserve(1);
        return add_reserved(word, h);
    }
    // Makes room for `words` more distinct words: add_reserved() may add as many.
    void reserve(std::size_t words) {
        if (distinct_ + words > limit_) grow(distinct_ + words);
    }
    // add(), where reserve() has made room for the word: no check, so that a loop over many
    // words calls nothing and keeps what it needs in registers.
    [[gnu::always_inline]] std::uint32_t add_reserved(std::string_view word, std::uint64_t h) {
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.id == kNoWord) {
                s = Slot{tag_of(h), distinct_};
                words_[distinct_] = {h, word.data(), static_cast<std::uint32_t>(word.size()), 1};
                return distinct_++;
            }
            if (s.tag != tag_of(h)) continue;
            Word& w = words_[s.id];
            if (is(w, word, h)) {
                ++w.count;
                return s.id;
            }
        }
    }
    // Starts loading the slot where add() will look for a word whose word_hash is `h`: a text
    // adds its words one after another, and prefetching a few ahead overlaps their misses.
    void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
    [[nodiscard]] int count(std::string_view word) const {
        const std::uint32_t id = slots_[find(word, word_hash(word))].id;
        return id == kNoWord ? 0 : words_[id].count;
    }
    [[nodiscard]] std::size_t distinct() const { return distinct_; }
    // The word numbered `id`, and how often it occurs.
    [[nodiscard]] std::string_view word(std::uint32_t id) const {
        return {words_[id].data, words_[id].size};
    }
    [[nodiscard]] int count_of(std::uint32_t id) const { return words_[id].count; }
    // The word_hash of the word numbered `id`.
    [[nodiscard]] std::uint64_t hash_of(std::uint32_t id) const { return words_[id].hash; }

  private:
    // Eight bytes, so that a document's table stays in the first-level cache: the word itself
    // is read from words_, whose count an add updates anyway.
    struct Slot {
        std::uint32_t tag = 0;       // the high half of the word's hash
        std::uint32_t id = kNoWord;  // kNoWord: empty
    };
    struct Word {
        std::uint64_t hash;
        const char* data;
        std::uint32_t size;
        int count;
    };
    static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
    // The slot holding `word`, or the empty slot where it belongs (add_reserved probes alike,
    // and counts the word or fills the slot where it stops). A word of up to eight bytes is
    // known by its hash and length (word_hash_identifies): its bytes, in the text where it was
    // first seen, are not read again.
    [[nodiscard]] std::size_t find(std::string_view word, std::uint64_t h) const {
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.id == kNoWord) return i;
            if (s.tag == tag_of(h) && is(words_[s.id], word, h)) return i;
        }
    }
    // Whether `w` is `word`, whose word_hash is `h`.
    [[gnu::always_inline]] static bool is(const Word& w, std::string_view word, std::uint64_t h) {
        return w.hash == h && w.size == word.size() &&
               (word_hash_identifies(word.size()) || same_bytes(w.data, word.data(), w.size));
    }
    // Room for at least `words` distinct words, twice as many as before: the table at most
    // half full, and as many entries in words_ (left unwritten until used).
    [[gnu::noinline]] void grow(std::size_t words) {
        const std::size_t size =
            std::bit_ceil(std::max<std::size_t>({16, 2 * words, 2 * slots_.size()}));
        std::vector<Slot> old(size);
        old.swap(slots_);
        mask_ = size - 1;
        limit_ = static_cast<std::uint32_t>(size / 2);
        for (const Slot& s : old) {
            if (s.id == kNoWord) continue;
            std::size_t i = words_[s.id].hash & mask_;
            while (slots_[i].id != kNoWord) i = (i + 1) & mask_;
            slots_[i] = s;
        }
        auto words_now = std::make_unique_for_overwrite<Word[]>(limit_);
        if (distinct_ > 0) std::memcpy(words_now.get(), words_.get(), distinct_ * sizeof(Word));
        words_ = std::move(words_now);
    }

    std::vector<Slot> slots_;
    std::unique_ptr<Word[]> words_;  // distinct_ of them in use
    std::size_t mask_ = 0;
    std::uint32_t distinct_ = 0;
    std::uint32_t limit_ = 0;  // distinct words before the table grows
};

// Where a WordMemo keeps its answers: a byte for each word number of a tally, 0 until worked
// out, at `store[slots[id]]`; the store may be shared with other documents (WordFacts).
struct WordAnswers {
    std::span<std::uint8_t> store;
    std::span<const std::uint32_t> slots;

    [[nodiscard]] std::uint8_t& operator[](std::uint32_t id) const { return store[slots[id]]; }
};

// Calls `answer(id)` for each distinct word of `words` that has no answer yet in `answers`,
// kBatch at a time, each batch after `prefetch(batch_words)`: the answers come from lookups that
// miss the cache in tables of megabytes, and a batch's misses overlap where one word's
// lookup after another would wait for each.
template <class Prefetch, class Answer>
void answer_in_batches(const WordTally& words, WordAnswers answers, Prefetch prefetch,
                       Answer answer) {
    constexpr std::size_t kBatch = 16;
    std::array<std::uint32_t, kBatch> ids{};
    std::array<std::string_view, kBatch> texts{};
    std::size_t n = 0;
    auto flush = [&] {
        prefetch(std::span<const std::string_view>(texts.data(), n));
        for (std::size_t k = 0; k < n; ++k) answer(ids[k]);
        n = 0;
    };
    for (std::uint32_t id = 0; id < answers.slots.size(); ++id) {
        if (answers[id] != 0) continue;
        ids[n] = id;
        texts[n] = words.word(id);
        if (++n == kBatch) flush();
    }
    if (n > 0) flush();
}

// A yes-or-no answer about each distinct word of a tally (is it known, may it start a name),
// worked out by `test` from the word's text the first time the word is asked about: rules ask
// about every token, and most tokens repeat a word.
template <class Test>
class WordMemo {
  public:
    // Answers kept in `answers` (see Context::word_answers).
    WordMemo(const WordTally& words, WordAnswers answers, Test test)
        : words_(words), test_(std::move(test)), answers_(answers) {}

    [[nodiscard]] bool operator()(std::uint32_t id) {
        std::uint8_t& answer = answers_[id];
        if (answer == kNotYet) answer = test_(words_.word(id)) ? kYes : kNo;
        return answer == kYes;
    }
    // Works out every answer not yet known, in batches (see answer_in_batches).
    template <class Prefetch>
    void answer_all(Prefetch prefetch) {
        answer_in_batches(words_, answers_, prefetch, [&](std::uint32_t id) { (void)(*this)(id); });
    }

  private:
    static constexpr std::uint8_t kNotYet = 0;
    static constexpr std::uint8_t kNo = 1;
    static constexpr std::uint8_t kYes = 2;
    const WordTally& words_;
    Test test_;
    WordAnswers answers_;
};

}  // namespace copydesk
