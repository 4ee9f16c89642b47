#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/hash.hpp"
#include "core/word_tally.hpp"
#include "spell/lexicon.hpp"
#include "spell/misspellings.hpp"
#include "spell/suggester.hpp"
#include "spell/word_cache.hpp"

namespace copydesk::spell {

// A dictionary engine: one instance per thread (Hunspell objects are not thread-safe).
class Speller {
  public:
    virtual ~Speller() = default;
    [[nodiscard]] virtual bool spell(const std::string& word) = 0;
    [[nodiscard]] virtual std::vector<std::string> suggest(const std::string& word) = 0;
};

struct DictionaryFiles {
    std::string aff;
    std::string dic;
};

// Looks for <lang>.aff/.dic on DICPATH, then the system folders. On failure the error
// message lists every folder tried.
std::variant<DictionaryFiles, std::string> find_dictionary(std::string_view lang);

// The dictionary for `lang` in a DICPATH folder only (the user's own choice), if any.
std::optional<DictionaryFiles> find_dictionary_on_dicpath(std::string_view lang);

// Throws std::runtime_error if the files cannot be loaded.
std::unique_ptr<Speller> make_hunspell(const DictionaryFiles& files);

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// House word lists: names and words that are correct in this newsroom. Immutable after
// loading, so one instance is shared by every thread.
class WordList {
  public:
    // Adds an entry: every whitespace-separated word of it, and each part of hyphenated words.
    void add_entry(std::string_view entry);
    // Loads a list file (one entry a line, '#' comments). Returns false with `error` set.
    bool load_file(const std::string& path, std::string& error);
    // Loads every *.txt file of a folder in sorted order.
    bool load_directory(const std::string& dir, std::string& error);

    // Exact match, or a capitalized/upper-case form of a listed lower-case word.
    [[nodiscard]] bool contains(std::string_view word) const;
    // Starts loading the slot where contains() first looks for `word`.
    void prefetch(std::string_view word) const { words_.prefetch(word_hash(word)); }
    [[nodiscard]] std::size_t size() const { return words_.distinct(); }

    WordList() = default;
    WordList(const WordList&) = delete;  // the tally's views point into this list's text
    WordList& operator=(const WordList&) = delete;
    WordList(WordList&&) = default;
    WordList& operator=(WordList&&) = default;

  private:
    // Adds the words of `entry`, which text_ holds.
    void add_words(std::string_view entry);

    // The lists' files whole and the entries added, and the words whose apostrophes were
    // straightened; a deque, so that a word stays where the tally's view of it points. The
    // tally's slots keep the hash's high half beside the word's number: looking up a word not
    // listed (most words) reads one slot, where a hash set reads a bucket, a node and a string.
    std::deque<std::string> text_;
    WordTally words_;
};

class CorrectionCache;

// Shared, immutable spelling data, loaded once and used by every thread's SpellChecker.
struct SpellData {
    std::shared_ptr<const WordList> house;
    // Words with commonness and dialect (dictionaries/spelling/words.tsv). Null for a
    // language it does not describe: then the engine's own suggestions are used.
    std::shared_ptr<const Lexicon> lexicon;
    // Known misspellings whose corrections are safe fixes. Null when switched off.
    std::shared_ptr<const MisspellingTable> misspellings;
    // Corrections already worked out, for the spell checkers of every thread of a run with
    // the same words and dialect (a session): null gives each checker its own.
    std::shared_ptr<CorrectionCache> corrections;
};

// Loads dictionaries/spelling/{words,misspellings}.tsv from `folder` into `data` (a missing
// file leaves its member null). Returns an error naming the file and line.
std::optional<std::string> load_spelling_data(const std::string& folder, bool misspellings,
                                              SpellData& data);

// A Speller over the lexicon: the same words as the Hunspell dictionaries it was compiled
// from, without their load time. It makes no suggestions of its own.
std::unique_ptr<Speller> make_lexicon_speller(std::shared_ptr<const Lexicon> lexicon,
                                              Dialect dialect);

// Ranked corrections of one unknown word.
struct Corrections {
    std::vector<Correction> ranked;  // best first
    std::vector<std::string> words;  // the same, as text
    bool safe = false;               // the first is the known-misspellings table's correction
};

// Corrections by the word they correct, safe to share between threads. Ranking a word's
// corrections is the costliest step of linting: with a cache per thread, a name that two
// threads' articles share was ranked twice. Entries are never removed, so a reference from
// find() or keep() stays valid while the cache lives.
class CorrectionCache {
  public:
    [[nodiscard]] const Corrections* find(std::string_view word) const;
    // Keeps `found` unless another thread got there first; returns what is kept.
    const Corrections& keep(std::string_view word, Corrections found);

    // Whether a common word lies near `word` (see SpellChecker::near_common_word), if some
    // thread has worked it out: a search of the common words for each capitalized unknown
    // word, which a run on two threads made twice for a name both threads' articles hold.
    [[nodiscard]] std::optional<bool> near_common(std::string_view word) const;
    void keep_near_common(std::string_view word, bool near);

  private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Corrections, StringHash, std::equal_to<>> map_;
    std::unordered_map<std::string, bool, StringHash, std::equal_to<>> near_common_;
};

// Which dialect spells a word one way only, and how the other spells it ("colour": GB,
// "color").
struct DialectSpelling {
    Dialect dialect = Dialect::Any;
    std::string_view counterpart;
};

// The spelling front used by rules: house words first, then the dictionary engine; results
// cached per distinct word, suggestions computed only when asked for.
class SpellChecker {
  public:
    SpellChecker(std::unique_ptr<Speller> engine, std::shared_ptr<const WordList> house);
    SpellChecker(std::unique_ptr<Speller> engine, SpellData data, Dialect dialect);

    // `word` as it appears in the text (curly or straight apostrophes, possessive 's). A word
    // spelled for the other dialect ("colour" under en_US) is known: dialect-mix reports
    // documents that mix the two.
    [[nodiscard]] bool known(std::string_view word) {
        if (const bool* cached = known_cache_.find(word)) return *cached;
        return learn_known(word);
    }
    // known(), worked out afresh and not cached: for a caller that keeps the answer itself
    // (a rule's WordMemo, which keeps it for the linter's later documents). Caching it here
    // too filled a second table of every distinct word, several megabytes in a long run.
    [[nodiscard]] bool look_up_known(std::string_view word);
    // Up to five corrections, best first: the known-misspellings table's (safe), then the
    // lexicon's ranked candidates, or the engine's suggestions without a lexicon.
    [[nodiscard]] const Corrections& corrections(std::string_view word);
    // Up to `limit` corrections, best first.
    [[nodiscard]] std::vector<std::string> suggestions(std::string_view word,
                                                       std::size_t limit = 5);
    // A bound on the time the next corrections_within_budget() calls may spend working out
    // corrections not yet cached (the linter starts one per document); nullopt: none.
    void start_suggestion_budget(std::optional<std::chrono::nanoseconds> budget) {
        budget_left_ = budget;
        worked_out_ = false;
        cut_ = false;
    }
    // corrections(word) if they are cached, or while the budget has time left (or there is
    // none); the first word not cached is always worked out, so that linting a document again
    // gets further. Null once the budget is spent, which suggestions_cut() then reports until
    // the next budget.
    [[nodiscard]] const Corrections* corrections_within_budget(std::string_view word);
    [[nodiscard]] bool suggestions_cut() const { return cut_; }

    // How strongly the text suggests that an unknown capitalized word is a name.
    enum class NameEvidence {
        None,     // a capital at the start of a sentence proves nothing
        Capital,  // capitalized inside a sentence, or so written elsewhere in the document
        Strong,   // next to another capitalized word ("Alvin Yeung"), or used so repeatedly
    };
    // True when an unknown `word` reads as a slip on a common word ("Goverment", "Febuary")
    // rather than as a name: decided by typo cost and the commonness of the best correction,
    // more strictly the stronger the evidence of a name. With strong evidence only the
    // known-misspellings table decides.
    [[nodiscard]] bool misspells_common_word(std::string_view word, NameEvidence evidence);

    // Set when `word` is one dialect's spelling of a word the other spells differently.
    [[nodiscard]] std::optional<DialectSpelling> dialect_spelling(std::string_view word) {
        if (const auto* cached = dialect_cache_.find(word)) return *cached;
        return learn_dialect_spelling(word);
    }
    // dialect_spelling(), worked out afresh and not cached (see look_up_known).
    [[nodiscard]] std::optional<DialectSpelling> look_up_dialect_spelling(
        std::string_view word) const;
    [[nodiscard]] Dialect dialect() const { return dialect_; }
    // Brings into the cache what looking `words` up in the house lists and the lexicon reads
    // (see Lexicon::prefetch_same_letters), for a caller about to ask known() or
    // dialect_spelling() about each of them.
    void prefetch_lookups(std::span<const std::string_view> words) const;

  private:
    // Every word of every document is asked about: the cached answer is read inline, and
    // these work out and cache the answer for a word not yet seen.
    bool learn_known(std::string_view word);
    std::optional<DialectSpelling> learn_dialect_spelling(std::string_view word);
    [[nodiscard]] bool lookup(std::string_view word);
    // Whether `word` is a known -ing form plus -s or -ly (see kIngEndings), or "un" before a
    // known participle or -able adjective (see kUnEndings).
    [[nodiscard]] bool derivative_known(std::string_view word);
    // Notes the engine's lexicon and dialect if the engine is a lexicon speller (see
    // make_lexicon_speller): a word is then looked up in it directly.
    void use_engine_lexicon();
    [[nodiscard]] std::optional<std::string> table_correction(std::string_view word);
    // False when no common word (Lexicon::kCommonLevel) is a correction of `word` within the
    // typo cost misspells_common_word allows with evidence of a name: then no ranking need be
    // made. Needs the lexicon.
    [[nodiscard]] bool near_common_word(std::string_view word);

    // An archive holds millions of distinct tokens (names, numbers glued to words): past
    // this many, the word caches start over rather than grow without bound.
    static constexpr std::size_t kMaxCachedWords = 200'000;

    std::unique_ptr<Speller> engine_;
    const Lexicon* engine_lexicon_ = nullptr;  // the engine's, if it is a lexicon speller
    Dialect engine_dialect_ = Dialect::Any;
    SpellData data_;
    Dialect dialect_ = Dialect::Any;
    WordCache<bool> known_cache_{kMaxCachedWords};
    std::shared_ptr<CorrectionCache> corrections_;  // data_.corrections, or one of its own
    // dialect-mix asks about every word of every document: a binary search each time.
    WordCache<std::optional<DialectSpelling>> dialect_cache_{kMaxCachedWords};
    WordCache<bool> near_common_cache_{kMaxCachedWords};
    std::optional<std::chrono::nanoseconds> budget_left_;
    bool worked_out_ = false;  // a word's corrections were worked out within this budget
    bool cut_ = false;         // a word went without corrections for want of time
};

// Replaces typographic apostrophes (U+2019, U+02BC) with "'".
std::string normalize_apostrophes(std::string_view word);
// The same, as `word` itself if it has neither apostrophe (most words), or else as `storage`,
// which it fills.
std::string_view normalize_apostrophes(std::string_view word, std::string& storage);

}  // namespace copydesk::spell
