#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace copydesk::spell {

enum class Dialect : std::uint8_t { Any = 0, US = 1, GB = 2 };

// en_US -> US, en_GB -> GB; nullopt for a language the lexicon does not describe.
std::optional<Dialect> dialect_for_lang(std::string_view lang);
std::string_view to_string(Dialect dialect);

// ASCII letters lower-cased, every other byte kept (so byte offsets do not move).
std::string ascii_fold(std::string_view word);

struct LexiconIndexView;  // the parts of an index (lexicon.cpp)

// The bytes of a file, or nullopt if it cannot be read.
std::optional<std::string> read_whole_file(const std::string& path);

// The words of a language with their commonness and dialect, read from a sorted TSV file
// (dictionaries/spelling/words.tsv): `word TAB level[u|g] TAB frequency [TAB counterpart]`,
// sorted by the ASCII-folded word. Immutable once built, so one instance is shared by every thread.
// Lookups are binary searches over the file's own bytes: loading is a read and one pass.
class Lexicon {
  public:
    struct Entry {
        std::uint32_t offset = 0;  // into text()
        std::uint8_t length = 0;
        std::uint8_t level = 0;          // SCOWL size level: 10 most common ... 95; 99 not in SCOWL
        std::uint8_t frequency = 0;      // 10 * log10 of the word's frequency rank (0 = "the")
        Dialect dialect = Dialect::Any;  // Any, or the one dictionary that has the word
        std::uint8_t other_length = 0;
        std::array<std::uint8_t, 3> unused{};  // named, so that an index has no stray bytes
        std::uint32_t other_offset = 0;        // the other dialect's spelling, if any
    };
    static_assert(sizeof(Entry) == 16);

    // Where the trie's children of kFirstBoundaryLetters letters end, and of each count up to
    // two more: bitmaps over the places of a walk order (see child_boundaries in lexicon.cpp).
    // Children that near the root span tens to thousands of places; the next set bit finds the
    // end in a 25 KB table, where a gallop over the prefixes misses the cache at each probe.
    static constexpr std::size_t kFirstBoundaryLetters = 2;
    using Boundaries = std::array<std::vector<std::uint64_t>, 3>;

    // Returns the lexicon or an error naming the file and line. With an `index` (see index())
    // made from the same bytes, the lexicon is taken from it instead of parsing 200,000 lines;
    // an index of other bytes, or not an index at all, is ignored. load(path) uses the index
    // built into the program, if any (see embedded_lexicon_index).
    static std::variant<std::shared_ptr<const Lexicon>, std::string> load(const std::string& path);
    static std::variant<std::shared_ptr<const Lexicon>, std::string> load(
        const std::string& path, std::span<const std::byte> index);
    static std::variant<std::shared_ptr<const Lexicon>, std::string> parse(
        std::string text, std::string_view name, std::span<const std::byte> index = {});

    // The lexicon as load() can take it back: the text, its folded copy and the parsed
    // entries, and the search tables and tries. Written at build time (tools/lexicon_index)
    // and compiled into the program. Makes the tries of a lexicon that has none: not while
    // other threads search it.
    [[nodiscard]] std::string index() const;

    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    [[nodiscard]] std::string_view word(const Entry& e) const {
        return std::string_view(text_).substr(e.offset, e.length);
    }
    [[nodiscard]] std::string_view folded(const Entry& e) const {
        return std::string_view(folded_).substr(e.offset, e.length);
    }
    [[nodiscard]] std::string_view counterpart(const Entry& e) const {
        return std::string_view(text_).substr(e.other_offset, e.other_length);
    }
    [[nodiscard]] std::span<const Entry> entries() const { return entries_; }

    // Entries spelled like `word` apart from ASCII case ("may" finds "may" and "May").
    [[nodiscard]] std::span<const Entry> same_letters(std::string_view word) const;
    // Brings into the cache what same_letters() reads for each of `words`: its table slot,
    // then the entry there and its letters. Each read is a cache miss in tables of megabytes;
    // a caller about to look up many words (suggestions try 51 spellings of each misspelling)
    // waits for three rounds of misses, not three for each word in turn.
    void prefetch_same_letters(std::span<const std::string_view> words) const;
    // The entry that accepts `word` with Hunspell's case rules: exact, a lower-case entry
    // written Capitalized or in CAPITALS, or a Capitalized entry in CAPITALS; and that is
    // valid in `dialect` (see valid_in). Null if none.
    [[nodiscard]] const Entry* find(std::string_view word, Dialect dialect = Dialect::Any) const;
    // find(), among `matches`, the same_letters() of `word` worked out already.
    [[nodiscard]] const Entry* find_among(std::span<const Entry> matches, std::string_view word,
                                          Dialect dialect = Dialect::Any) const;

    // A word is valid in a dialect if both dictionaries have it, if that dialect's has it,
    // if it is the other dialect's spelling of a word ("colour" under en_US: not a
    // misspelling; dialect-mix reports documents that mix the two), or if the other
    // dictionary has it and SCOWL lists it ("amongst", "aerogel"). Words only one dictionary
    // has and SCOWL does not are often that dictionary's mistakes ("targetted").
    [[nodiscard]] static bool valid_in(Dialect dialect, const Entry& e) {
        return dialect == Dialect::Any || e.dialect == Dialect::Any || e.dialect == dialect ||
               e.other_length > 0 || e.level <= kVettedLevel;
    }
    static constexpr int kVettedLevel = 80;

    // Calls `found(entry, edits)` for every entry within `max_edits` insertions, deletions,
    // substitutions or adjacent transpositions of `query` (ASCII-folded). Only entries whose
    // folded form starts with `prefix` are visited, and the edits are counted on what follows
    // it against `query` (pass the query's own first letter as `prefix` and the rest as
    // `query` to keep the first letter fixed).
    // `how` picks how the walk is made: Fastest packs a row of the edit-distance table of a
    // short query into one vector register and finds where trie children end by comparing 16
    // entries at once, where the machine has vector registers; Reference works a cell at a
    // time and bisects, and is what the tests hold Fastest to. Both find the same entries.
    // With a `max_level`, only entries of that level or lower are found; with one of
    // kCommonLevel or lower, the walks leave out every branch of the index's tries that leads
    // to no common word.
    enum class SearchMethod : std::uint8_t { Fastest, Reference };
    static constexpr int kAnyLevel = 255;
    void search(std::string_view prefix, std::string_view query, int max_edits,
                const std::function<void(const Entry&, int)>& found,
                SearchMethod how = SearchMethod::Fastest, int max_level = kAnyLevel) const;

    // The entries whose folded spelling is a letter from a to z and then `tail` (folded), as
    // entry numbers in order: the words a letter before a typed word, or in place of its
    // first, would make, in one lookup where trying each letter takes 26.
    [[nodiscard]] std::span<const std::uint32_t> after_a_letter(std::string_view tail) const;

    // The common words: entries of this level or lower (about 46,000 of 213,000). Whether
    // any lies near an unknown name is a search of them alone (see search's max_level); whether
    // the name is nearest to one, a ranking over all the entries.
    static constexpr int kCommonLevel = 40;

    // Calls `found(entry)` for every entry whose sound_key (spell/phonetic.hpp) is `key`.
    // Whether searches walk the index's tries (see Trie) rather than the sorted places.
    [[nodiscard]] bool walks_tries() const;

    // A lexicon from an index looks the key up in the index's sound table; one parsed from its
    // file builds its own a part at a time, as lookups need it, since only suggestions do.
    void sounding_like(std::string_view key, const std::function<void(const Entry&)>& found) const;

  private:
    Lexicon() = default;
    template <class Rows>
    struct Search;
    // A walk order's keys as an explicit trie, each node in 32 bits: its letter (the low 8),
    // whether a key ends there (bit 8), whether it is the last of its siblings (bit 9), whether
    // more than one entry has that key (bit 10), whether a common word's key ends there or
    // below (bit 11), and where its children start (the high 20; zero: it has none). Siblings lie
    // together, in letter order, and the families in the order a walk meets them; beside each node
    // is the first entry whose key ends there (the others follow it). A walk reads a node's
    // siblings from one or two cache lines where the sorted places make it find each child's end:
    // ranking 1,100 unknown words of the clean corpus, or 4,000 misspellings, takes about a quarter
    // fewer instructions. Made by the build into the index (make_tries), 8 bytes a node (about
    // 520,000 forward and 760,000 reversed); without an index, searches walk the sorted places.
    struct Trie {
        std::span<const std::uint32_t> nodes;
        std::span<const std::uint32_t> entries;
        [[nodiscard]] bool empty() const { return nodes.empty(); }
    };
    template <class Rows, std::uint32_t kNeed>
    struct TrieWalk;
    mutable Trie forward_trie_;
    mutable Trie reversed_trie_;
    mutable std::vector<std::uint32_t> own_trie_nodes_;  // both tries', forward then reversed
    mutable std::vector<std::uint32_t> own_trie_entries_;
    void make_tries() const;
    // An order of the entries that the suggestion search walks as a trie: the lexicon's own, or
    // by each word's first letter and then the rest of it from its end.
    struct WalkOrder {
        std::span<const std::uint32_t> entries;   // the entry at each place; empty: the same
        std::span<const std::uint64_t> prefixes;  // the first eight letters of each place's key
        // The next seven letters of each place's key from the top byte down, and its length in
        // the lowest: the walk reads a key's letters and length without the entry, which would
        // be a cache miss (two in the reversed order) for each place it passes.
        std::span<const std::uint64_t> tails;
        std::span<const std::uint8_t> shared;  // see shared_
        const Boundaries* boundaries = nullptr;
        bool reversed = false;
        // The number of the entry at `place`.
        [[nodiscard]] std::uint32_t entry_at(std::size_t place) const {
            return entries.empty() ? static_cast<std::uint32_t>(place) : entries[place];
        }
    };
    // From this bound up, a search with a one-letter prefix walks the lexicon from both ends
    // of its words, each walk cut back near its root (see search_both_ends in lexicon.cpp);
    // from a bound of 2 when the query has kSplitTwoFrom letters or more, and of 1 from
    // kSplitOneFrom. For a shorter query two walks cost more than the one they replace. Set on
    // the instructions of a cold pass over the clean corpus: 890.0 M at kSplitTwoFrom 5 and
    // kSplitOneFrom 3, against 890.7 M at 5 and 4, 893.0 M at 4 and 3 and 898.6 M at 6 and 4;
    // ranking 3,000 misspellings took 2% fewer at 5 and 3 than at 6 and 4.
    static constexpr int kSplitFrom = 3;
    static constexpr std::size_t kSplitTwoFrom = 5;
    static constexpr std::size_t kSplitOneFrom = 3;
    // `need`: the bits a trie node must have for the walks to enter it (see kNodeCommon).
    void search_both_ends(char letter, const std::string& query, int max_edits, std::size_t first,
                          std::size_t last, std::uint32_t need,
                          const std::function<void(const Entry&, int)>& found) const;
    struct Sound {
        std::uint64_t key = 0;  // hash of the entry's sound key
        std::uint32_t entry = 0;
    };
    // The sounds of `entries` (indices), sorted by key and then entry.
    [[nodiscard]] std::vector<Sound> sounds_of(std::span<const std::uint32_t> entries) const;

    void use_index(const LexiconIndexView& view);
    // Makes the search tables (prefixes_, shared_ and the reversed order's: make_trie_tables),
    // unless an index brought them and index_tables_hold(); then the sound table is the
    // index's too. Then the child boundaries, which no index holds.
    void make_search_tables() const;
    void make_trie_tables() const;
    // The index's tables point only at entries, and end in their padding.
    [[nodiscard]] bool index_tables_hold() const;

    // Each view is of the own_ member beside it, or of an index (see load).
    std::string own_text_;
    std::string own_folded_;
    std::vector<Entry> own_entries_;  // parsed, or copied from an index at an odd address
    std::string_view text_;
    std::string_view folded_;
    std::span<const Entry> entries_;
    // The sound index of a lexicon without an index's sound table. Working out every entry's
    // key costs about as much as loading the lexicon, and a run with one misspelling needs a
    // handful of keys: so the entries are filed by the first code of their key (which takes a
    // letter or two to find), and the keys of a file's entries are worked out the first time a key
    // starting with its code is looked up.
    static constexpr std::size_t kSoundFiles = 128;  // one per code: codes are ASCII
    struct SoundFile {
        std::once_flag built;
        std::vector<Sound> sounds;  // sorted by key
    };
    mutable std::once_flag sound_files_built_;
    mutable std::vector<std::uint32_t> filed_entries_;  // entry indices, file by file
    mutable std::array<std::uint32_t, kSoundFiles + 1> file_starts_{};  // into filed_entries_
    mutable std::array<SoundFile, kSoundFiles> sound_files_;
    // The first eight folded letters of every entry, in entry order (zeros past the word's
    // end). The suggestion search finds where each trie child's entries end by probing letters;
    // probed here, neighbouring entries are neighbouring words in memory, where in the text
    // each probe is a cache miss. From the index, or made by the first search: then a run
    // without misspellings never pays for it.
    static constexpr std::size_t kPrefixLetters = 8;
    mutable std::once_flag prefixes_built_;
    mutable std::vector<std::uint64_t> own_prefixes_;
    mutable std::span<const std::uint64_t> prefixes_;  // big-endian: compared as numbers
    mutable std::vector<std::uint64_t> own_tails_;     // see WalkOrder, made with the prefixes
    mutable std::span<const std::uint64_t> tails_;
    // For each entry, how many folded letters it shares with the one before (255 at most),
    // then kSharedPadding zeros. A trie child's entries end at the first that shares fewer
    // letters than the child's depth: most children are a few entries, found in one 16-byte
    // compare. Made with the prefixes.
    mutable std::vector<std::uint8_t> own_shared_;
    mutable std::span<const std::uint8_t> shared_;
    // The same for the reversed walk order (see WalkOrder), with the entry at each place.
    mutable std::vector<std::uint32_t> own_reversed_entries_;
    mutable std::vector<std::uint64_t> own_reversed_prefixes_;
    mutable std::vector<std::uint64_t> own_reversed_tails_;
    mutable std::vector<std::uint8_t> own_reversed_shared_;
    mutable std::span<const std::uint32_t> reversed_entries_;
    mutable std::span<const std::uint64_t> reversed_prefixes_;
    mutable std::span<const std::uint64_t> reversed_tails_;
    mutable std::span<const std::uint8_t> reversed_shared_;
    // Made from the shared counts by the first search, from an index or not.
    mutable Boundaries own_boundaries_;
    mutable Boundaries own_reversed_boundaries_;
    // Every folded spelling's first entry (plus one; zero: an empty slot), filed by the
    // spelling's hash with linear probing in a power-of-two table: a lookup reads a slot and an
    // entry or two where a bisection of 200,000 entries misses the cache a dozen times. Each
    // slot also holds the top bits of its spelling's hash, so that most probes for a word not
    // in the lexicon read no entry. From the index, or made with the search tables: before
    // then, same_letters() bisects.
    mutable std::vector<std::uint32_t> own_lookup_;
    mutable std::span<const std::uint32_t> lookup_;
    mutable std::atomic<bool> lookup_ready_{false};
    // Every entry whose folded spelling is a letter a-z and then more (its tail), by tail and
    // then number; and the first of each tail's entries, filed by the tail's hash as lookup_
    // files a spelling. From the index, or made with the search tables (see after_a_letter).
    mutable std::vector<std::uint32_t> own_by_tail_;
    mutable std::span<const std::uint32_t> by_tail_;
    mutable std::vector<std::uint32_t> own_tail_lookup_;
    mutable std::span<const std::uint32_t> tail_lookup_;
    // Files by_tail_'s tails in own_tail_lookup_.
    void make_tail_lookup() const;
    // An entry's folded spelling after its first letter.
    [[nodiscard]] std::string_view tail_of(const Entry& e) const {
        const std::string_view f = folded(e);
        return f.substr(std::min<std::size_t>(1, f.size()));
    }
    // The index's sound table, if it has one: the sound_key_hash of every entry whose key
    // starts with an ASCII code, sorted, and beside each its entry. Working the table out
    // takes longer than linting an article, so the build does it.
    mutable std::span<const std::uint64_t> sound_keys_;
    mutable std::span<const std::uint32_t> sound_entries_;

  public:
    static constexpr std::size_t kSharedPadding = 16;
    static constexpr std::size_t kTailLetters = 7;
    // A trie node (see Trie): where its parts lie.
    static constexpr std::uint32_t kNodeLetter = 0xFF;
    static constexpr std::uint32_t kNodeKeyEnds = 0x100;
    static constexpr std::uint32_t kNodeLast = 0x200;
    static constexpr std::uint32_t kNodeSameKeys = 0x400;
    static constexpr std::uint32_t kNodeCommon = 0x800;
    static constexpr unsigned kNodeChildShift = 12;
    static constexpr std::uint32_t kMaxTrieNodes = (1U << (32 - kNodeChildShift)) - 1;
};

// The index of dictionaries/spelling/words.tsv compiled into the copydesk program (see
// Lexicon::index), or empty in a program built without it (the unit tests).
std::span<const std::byte> embedded_lexicon_index();

}  // namespace copydesk::spell
