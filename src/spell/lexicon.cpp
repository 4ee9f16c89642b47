#include "spell/lexicon.hpp"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>
#include <fstream>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <sys/mman.h>
#include <unistd.h>

#include "spell/phonetic.hpp"
#include "spell/read_file.hpp"

namespace copydesk::spell {

namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

// `b` as a big-endian number. Written out, so that compilers make it a byte swap.
std::uint64_t big_endian(const std::array<unsigned char, 8>& b) {
    return std::uint64_t{b[0]} << 56 | std::uint64_t{b[1]} << 48 | std::uint64_t{b[2]} << 40 |
           std::uint64_t{b[3]} << 32 | std::uint64_t{b[4]} << 24 | std::uint64_t{b[5]} << 16 |
           std::uint64_t{b[6]} << 8 | std::uint64_t{b[7]};
}

// The first eight bytes of `s` as a big-endian number, zeros past its end: numbers compare
// as the bytes do.
std::uint64_t packed_prefix(std::string_view s) {
    std::array<unsigned char, 8> b{};
    if (!s.empty()) std::memcpy(b.data(), s.data(), std::min(s.size(), b.size()));  // may be null
    return big_endian(b);
}

// Byte order, as the generator sorts (Python compares UTF-8 bytes as unsigned).
int compare_bytes(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    if (a.size() == b.size()) return 0;
    return a.size() < b.size() ? -1 : 1;
}

// `c` lower-cased if it is an ASCII capital. Branch-free, so that folding the whole lexicon
// vectorizes.
char fold_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return static_cast<char>(u + (static_cast<unsigned char>(u - 'A') < 26 ? 32 : 0));
}

void fold_in_place(std::string& s) {
    for (char& c : s) c = fold_char(c);
}

// Maps the pages of a newly allocated buffer in one call instead of a page fault each:
// loading the lexicon writes about 10 MB of fresh memory, and on a virtual machine its
// 2,700 faults held up start-up by several milliseconds. Only a hint: kernels before 5.14
// ignore it.
void prefault(void* data, std::size_t size) {
#ifdef MADV_POPULATE_WRITE
    const long page_size = sysconf(_SC_PAGESIZE);
    if (page_size <= 0) return;
    const auto page = static_cast<std::uintptr_t>(page_size);
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (start + page - 1) / page * page;
    const std::uintptr_t end = (start + size) / page * page;
    if (end > begin) {
        (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
    }
#else
    (void)data;
    (void)size;
#endif
}

}  // namespace

std::optional<Dialect> dialect_for_lang(std::string_view lang) {
    if (lang == "en_US" || lang == "en-US") return Dialect::US;
    if (lang == "en_GB" || lang == "en-GB") return Dialect::GB;
    return std::nullopt;
}

std::string_view to_string(Dialect dialect) {
    switch (dialect) {
        case Dialect::US:
            return "American";
        case Dialect::GB:
            return "British";
        case Dialect::Any:
            break;
    }
    return "any";
}

std::string ascii_fold(std::string_view word) {
    std::string out(word);
    fold_in_place(out);
    return out;
}

std::optional<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const auto size = in.tellg();
    if (size < 0) return std::nullopt;
    std::string text;
    text.reserve(static_cast<std::size_t>(size));
    prefault(text.data(), static_cast<std::size_t>(size));
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    if (!in.read(text.data(), size)) return std::nullopt;
    return text;
}

// A program built without the index (the unit tests) has this one; the copydesk program
// links its own (src/cli/lexicon_index.cpp), which the linker takes over this weak one.
__attribute__((weak)) std::span<const std::byte> embedded_lexicon_index() {
    return {};
}

namespace {

// The head of an index, followed by the lexicon's text, its folded copy and (from the next
// multiple of 16 bytes) its entries, then the suggestion search's tables for both walk orders
// (prefixes, the reversed order's entries, shared letter counts), the sound table and the
// lookup tables of spellings and tails, and (from the next multiple of 16 bytes) both orders'
// tries.
struct IndexHeader {
    std::array<char, 8> magic{'c', 'd', 'l', 'e', 'x', 'i', 'd', 'x'};
    std::uint32_t version = 10;
    std::uint32_t entry_size = sizeof(Lexicon::Entry);
    std::uint64_t text_size = 0;
    std::uint64_t count = 0;
    std::uint64_t sounds = 0;          // entries in the sound table
    std::uint64_t slots = 0;           // in the lookup table: a power of two
    std::uint64_t forward_nodes = 0;   // in the forward trie (see Lexicon::Trie)
    std::uint64_t reversed_nodes = 0;  // in the reversed order's trie
    std::uint64_t tail_entries = 0;    // filed by tail (see Lexicon::after_a_letter)
    std::uint64_t tail_slots = 0;      // in the tails' lookup table: a power of two
};

// The entries, and the tries, start at a multiple of 16 bytes from the index's start.
std::uint64_t at_16(std::uint64_t offset) {
    return (offset + 15) / 16 * 16;
}

std::size_t entries_at(std::uint64_t text_size) {
    return at_16(sizeof(IndexHeader) + 2 * text_size);
}

// The size of the tables after the text for `count` entries, `sounds` sounds, `slots` lookup
// slots and the tails' tables.
std::uint64_t tables_size(std::uint64_t count, std::uint64_t sounds, std::uint64_t slots,
                          std::uint64_t tail_entries, std::uint64_t tail_slots) {
    // Entries, both orders' prefixes and tails, the reversed order, both orders' shared counts;
    // sounds; the lookup table.
    return count *
               (sizeof(Lexicon::Entry) + 4 * sizeof(std::uint64_t) + sizeof(std::uint32_t) + 2) +
           2 * Lexicon::kSharedPadding + sounds * (sizeof(std::uint64_t) + sizeof(std::uint32_t)) +
           (slots + tail_entries + tail_slots) * sizeof(std::uint32_t);
}

// The size of both tries' tables: 4-byte nodes, then as many entry numbers.
std::uint64_t tries_size(std::uint64_t forward_nodes, std::uint64_t reversed_nodes) {
    return (forward_nodes + reversed_nodes) * 2 * sizeof(std::uint32_t);
}

// The lookup table's slot for a word, by the FNV-1a hash of its folded spelling (the same in
// the build and in the program). Folded as it goes, so that a word not yet folded (one to be
// prefetched) hashes as its folded key does.
std::uint64_t lookup_hash(std::string_view word) {
    std::uint64_t h = kFnvBasis;
    for (const char c : word) h = fnv1a_step(h, fold_char(c));
    return h;
}

// Words up to this long are folded on the stack to be looked up.
constexpr std::size_t kStackKey = 64;

// A lookup slot holds its entry's number plus one in the low bits and, above them, the top
// bits of its spelling's hash: a probe for a word the lexicon lacks, as most of those a
// suggestion search tries are, ends on a slot without reading an entry.
constexpr unsigned kSlotEntryBits = 22;
constexpr std::uint32_t kSlotEntry = (std::uint32_t{1} << kSlotEntryBits) - 1;

std::uint32_t slot_tag(std::uint64_t hash) {
    return static_cast<std::uint32_t>(hash >> (32 + kSlotEntryBits)) << kSlotEntryBits;
}

// A table of tagged slots filing the first of each run of equal keys among `count` in order
// (by number plus one), by the key's hash with linear probing: twice as many slots as runs or
// more, a power of two.
template <class KeyAt>
std::vector<std::uint32_t> file_runs(std::size_t count, KeyAt key_at) {
    std::size_t runs = 0;
    for (std::size_t k = 0; k < count; ++k) runs += k == 0 || key_at(k) != key_at(k - 1) ? 1 : 0;
    std::vector<std::uint32_t> table(std::bit_ceil(std::max<std::size_t>(2 * runs, 16)), 0);
    const std::size_t mask = table.size() - 1;
    for (std::size_t k = 0; k < count; ++k) {
        if (k > 0 && key_at(k) == key_at(k - 1)) continue;
        const std::uint64_t hash = lookup_hash(key_at(k));
        std::size_t slot = hash & mask;
        while (table[slot] != 0) slot = (slot + 1) & mask;
        table[slot] = slot_tag(hash) | static_cast<std::uint32_t>(k + 1);
    }
    return table;
}

// The number `table` files under `hash` for a key that `holds`; nullopt if there is none. An
// index's slots are not checked when it is loaded: a number not below `limit`, or a round of
// slots without an empty one, gives `limit`, for the caller to bisect instead.
template <class Holds>
std::optional<std::size_t> find_filed(std::span<const std::uint32_t> table, std::uint64_t hash,
                                      std::size_t limit, Holds holds) {
    const std::size_t mask = table.size() - 1;
    const std::uint32_t tag = slot_tag(hash);
    std::size_t slot = hash & mask;
    for (std::size_t probe = 0; probe < table.size(); ++probe, slot = (slot + 1) & mask) {
        const std::uint32_t filed = table[slot];
        if (filed == 0) return std::nullopt;
        if ((filed & ~kSlotEntry) != tag) continue;
        const std::uint32_t at = filed & kSlotEntry;
        if (at == 0 || at > limit) return limit;
        if (holds(at - 1)) return at - 1;
    }
    return limit;
}

}  // namespace

// The parts of an index.
struct LexiconIndexView {
    std::string_view text;
    std::string_view folded;
    std::span<const std::byte> entries;
    std::span<const std::byte> prefixes;
    std::span<const std::byte> sound_keys;
    std::span<const std::byte> sound_entries;
    std::span<const std::byte> shared;
    std::span<const std::byte> reversed_entries;
    std::span<const std::byte> reversed_prefixes;
    std::span<const std::byte> tails;
    std::span<const std::byte> reversed_tails;
    std::span<const std::byte> lookup;
    std::span<const std::byte> by_tail;
    std::span<const std::byte> tail_lookup;
    std::span<const std::byte> reversed_shared;
    std::span<const std::byte> forward_nodes;
    std::span<const std::byte> reversed_nodes;
    std::span<const std::byte> forward_entries;
    std::span<const std::byte> reversed_entries_at_nodes;
};

namespace {

// The parts of `index`, if it is an index.
std::optional<LexiconIndexView> read_index(std::span<const std::byte> index) {
    const IndexHeader want;
    IndexHeader head;
    if (index.size() < sizeof head) return std::nullopt;
    std::memcpy(&head, index.data(), sizeof head);
    constexpr std::uint64_t kMaxCount = UINT32_MAX;
    constexpr std::uint64_t kMaxNodes = Lexicon::kMaxTrieNodes;
    if (head.magic != want.magic || head.version != want.version ||
        head.entry_size != want.entry_size || head.text_size > UINT32_MAX ||
        head.count > kMaxCount || head.sounds > head.count || head.slots > 4 * kMaxCount ||
        !std::has_single_bit(head.slots) || head.forward_nodes > kMaxNodes ||
        head.tail_entries > head.count || head.tail_slots > 4 * kMaxCount ||
        (head.tail_slots != 0 && !std::has_single_bit(head.tail_slots)) ||
        head.reversed_nodes > kMaxNodes || entries_at(head.text_size) > index.size()) {
        return std::nullopt;
    }
    const std::uint64_t tries_at =
        at_16(entries_at(head.text_size) +
              tables_size(head.count, head.sounds, head.slots, head.tail_entries, head.tail_slots));
    if (index.size() != tries_at + tries_size(head.forward_nodes, head.reversed_nodes)) {
        return std::nullopt;
    }
    const auto* chars = reinterpret_cast<const char*>(index.data()) + sizeof head;
    LexiconIndexView view;
    view.text = {chars, head.text_size};
    view.folded = {chars + head.text_size, head.text_size};
    std::span<const std::byte> rest = index.subspan(entries_at(head.text_size));
    auto take = [&](std::uint64_t bytes) {
        const auto part = rest.first(bytes);
        rest = rest.subspan(bytes);
        return part;
    };
    // Each part starts where its type may: the wider types first.
    view.entries = take(head.count * sizeof(Lexicon::Entry));
    view.prefixes = take(head.count * sizeof(std::uint64_t));
    view.reversed_prefixes = take(head.count * sizeof(std::uint64_t));
    view.tails = take(head.count * sizeof(std::uint64_t));
    view.reversed_tails = take(head.count * sizeof(std::uint64_t));
    view.sound_keys = take(head.sounds * sizeof(std::uint64_t));
    view.reversed_entries = take(head.count * sizeof(std::uint32_t));
    view.sound_entries = take(head.sounds * sizeof(std::uint32_t));
    view.lookup = take(head.slots * sizeof(std::uint32_t));
    view.by_tail = take(head.tail_entries * sizeof(std::uint32_t));
    view.tail_lookup = take(head.tail_slots * sizeof(std::uint32_t));
    view.shared = take(head.count + Lexicon::kSharedPadding);
    view.reversed_shared = take(head.count + Lexicon::kSharedPadding);
    rest = index.subspan(tries_at);
    view.forward_nodes = take(head.forward_nodes * sizeof(std::uint32_t));
    view.reversed_nodes = take(head.reversed_nodes * sizeof(std::uint32_t));
    view.forward_entries = take(head.forward_nodes * sizeof(std::uint32_t));
    view.reversed_entries_at_nodes = take(head.reversed_nodes * sizeof(std::uint32_t));
    return view;
}

// `bytes` as an array of T, if they lie where a T may (else the tables are made as if there
// were no index).
template <class T>
std::span<const T> as_array(std::span<const std::byte> bytes) {
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(T) != 0) return {};
    return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}

}  // namespace

std::string Lexicon::index() const {
    make_search_tables();
    if (forward_trie_.empty() || reversed_trie_.empty()) make_tries();
    // The sound table: every entry whose key starts with a code that sounding_like files.
    std::vector<std::uint32_t> filed;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const auto code = static_cast<unsigned char>(sound_key_first(word(entries_[i])));
        if (code != 0 && code < kSoundFiles) filed.push_back(static_cast<std::uint32_t>(i));
    }
    const std::vector<Sound> sounds = sounds_of(filed);
    IndexHeader head;
    head.text_size = text_.size();
    head.count = entries_.size();
    head.sounds = sounds.size();
    head.slots = lookup_.size();
    head.forward_nodes = forward_trie_.nodes.size();
    head.reversed_nodes = reversed_trie_.nodes.size();
    head.tail_entries = by_tail_.size();
    head.tail_slots = tail_lookup_.size();
    std::string out(reinterpret_cast<const char*>(&head), sizeof head);
    out.append(text_);
    out.append(folded_);
    out.resize(entries_at(text_.size()), '\0');
    auto append = [&out](const auto& array) {
        out.append(reinterpret_cast<const char*>(array.data()), array.size_bytes());
    };
    append(entries_);
    append(prefixes_);
    append(reversed_prefixes_);
    append(tails_);
    append(reversed_tails_);
    for (const Sound& sound : sounds) {
        out.append(reinterpret_cast<const char*>(&sound.key), sizeof sound.key);
    }
    append(reversed_entries_);
    for (const Sound& sound : sounds) {
        out.append(reinterpret_cast<const char*>(&sound.entry), sizeof sound.entry);
    }
    append(lookup_);
    append(by_tail_);
    append(tail_lookup_);
    append(shared_);
    append(reversed_shared_);
    out.resize(at_16(out.size()), '\0');
    append(forward_trie_.nodes);
    append(reversed_trie_.nodes);
    append(forward_trie_.entries);
    append(reversed_trie_.entries);
    return out;
}

void Lexicon::use_index(const LexiconIndexView& view) {
    folded_ = view.folded;
    const std::span<const std::byte> entries = view.entries;
    const std::size_t count = entries.size() / sizeof(Entry);
    if (reinterpret_cast<std::uintptr_t>(entries.data()) % alignof(Entry) == 0) {
        entries_ = {reinterpret_cast<const Entry*>(entries.data()), count};
    } else {
        own_entries_.resize(count);
        std::memcpy(own_entries_.data(), entries.data(), entries.size());
        entries_ = own_entries_;
    }
    const auto prefixes = as_array<std::uint64_t>(view.prefixes);
    const auto reversed_prefixes = as_array<std::uint64_t>(view.reversed_prefixes);
    const auto tails = as_array<std::uint64_t>(view.tails);
    const auto reversed_tails = as_array<std::uint64_t>(view.reversed_tails);
    const auto reversed_entries = as_array<std::uint32_t>(view.reversed_entries);
    const auto keys = as_array<std::uint64_t>(view.sound_keys);
    const auto filed = as_array<std::uint32_t>(view.sound_entries);
    if (const auto lookup = as_array<std::uint32_t>(view.lookup);
        !lookup.empty() && lookup.size() * sizeof(std::uint32_t) == view.lookup.size()) {
        lookup_ = lookup;
        lookup_ready_.store(true, std::memory_order_release);
    }
    // Entry numbers past the entries are refused where they are read (after_a_letter).
    if (const auto by_tail = as_array<std::uint32_t>(view.by_tail),
        tail_lookup = as_array<std::uint32_t>(view.tail_lookup);
        by_tail.size() * sizeof(std::uint32_t) == view.by_tail.size() && !tail_lookup.empty() &&
        tail_lookup.size() * sizeof(std::uint32_t) == view.tail_lookup.size()) {
        by_tail_ = by_tail;
        tail_lookup_ = tail_lookup;
    }
    // Checked by the first search (see make_search_tables): a run without misspellings does
    // not read them.
    if (prefixes.size() == count && reversed_prefixes.size() == count && tails.size() == count &&
        reversed_tails.size() == count && reversed_entries.size() == count &&
        keys.size() * sizeof(std::uint64_t) == view.sound_keys.size() &&
        filed.size() == keys.size()) {
        prefixes_ = prefixes;
        shared_ = as_array<std::uint8_t>(view.shared);
        reversed_prefixes_ = reversed_prefixes;
        tails_ = tails;
        reversed_tails_ = reversed_tails;
        reversed_entries_ = reversed_entries;
        reversed_shared_ = as_array<std::uint8_t>(view.reversed_shared);
        sound_keys_ = keys;
        sound_entries_ = filed;
        auto trie = [](std::span<const std::byte> nodes, std::span<const std::byte> firsts) {
            Trie t{as_array<std::uint32_t>(nodes), as_array<std::uint32_t>(firsts)};
            const bool whole = t.nodes.size() * sizeof(std::uint32_t) == nodes.size() &&
                               t.nodes.size() == t.entries.size();
            return whole ? t : Trie{};
        };
        forward_trie_ = trie(view.forward_nodes, view.forward_entries);
        reversed_trie_ = trie(view.reversed_nodes, view.reversed_entries_at_nodes);
    }
}

bool Lexicon::walks_tries() const {
    make_search_tables();
    return !forward_trie_.empty() && !reversed_trie_.empty();
}

bool Lexicon::index_tables_hold() const {
    const std::size_t count = entries_.size();
    auto an_entry = [count](std::uint32_t e) { return e < count; };
    auto padded = [](std::span<const std::uint8_t> shared) {
        return std::all_of(shared.end() - kSharedPadding, shared.end(),
                           [](std::uint8_t b) { return b == 0; });
    };
    return std::all_of(reversed_entries_.begin(), reversed_entries_.end(), an_entry) &&
           std::all_of(sound_entries_.begin(), sound_entries_.end(), an_entry) && padded(shared_) &&
           padded(reversed_shared_);
}

std::variant<std::shared_ptr<const Lexicon>, std::string> Lexicon::load(const std::string& path) {
    return load(path, embedded_lexicon_index());
}

std::variant<std::shared_ptr<const Lexicon>, std::string> Lexicon::load(
    const std::string& path, std::span<const std::byte> index) {
    // The file the index was made from: all of the lexicon is in the index, nothing to parse
    // and no memory to fill (the program's own index is paged in from its file as needed).
    if (const auto view = read_index(index); view && file_holds(path, view->text)) {
        std::shared_ptr<Lexicon> lex(new Lexicon());
        lex->text_ = view->text;
        lex->use_index(*view);
        return std::shared_ptr<const Lexicon>(std::move(lex));
    }
    auto text = read_whole_file(path);
    if (!text) return path + ": cannot read the spelling lexicon";
    return parse(std::move(*text), path);  // the index was just found to hold other text
}

std::variant<std::shared_ptr<const Lexicon>, std::string> Lexicon::parse(
    std::string text, std::string_view name, std::span<const std::byte> index) {
    std::shared_ptr<Lexicon> lex(new Lexicon());
    lex->own_text_ = std::move(text);
    lex->text_ = lex->own_text_;
    if (const auto view = read_index(index); view && view->text == lex->text_) {
        lex->use_index(*view);
        return std::shared_ptr<const Lexicon>(std::move(lex));
    }
    lex->own_folded_.reserve(lex->text_.size());
    prefault(lex->own_folded_.data(), lex->text_.size());
    lex->own_folded_.assign(lex->text_);
    fold_in_place(lex->own_folded_);
    lex->folded_ = lex->own_folded_;
    const std::string_view all(lex->text_);
    if (all.size() > UINT32_MAX) return std::string(name) + ": too large for a lexicon";
    auto& entries = lex->own_entries_;
    entries.reserve(static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) + 1);
    prefault(entries.data(), entries.capacity() * sizeof(Entry));
    std::size_t pos = 0;
    std::size_t line_no = 0;
    auto fail = [&](const std::string& what) {
        return std::string(name) + ":" + std::to_string(line_no) + ": " + what;
    };
    while (pos < all.size()) {
        ++line_no;
        std::size_t end = all.find('\n', pos);
        if (end == std::string_view::npos) end = all.size();
        std::string_view line = all.substr(pos, end - pos);
        const std::size_t start = pos;
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;

        std::string_view fields[4];
        std::size_t count = 0;
        for (std::string_view rest = line; count < 4;) {
            const std::size_t tab = rest.find('\t');
            fields[count++] = rest.substr(0, tab);
            if (tab == std::string_view::npos) break;
            rest.remove_prefix(tab + 1);
        }
        const std::string_view code = fields[1];
        const std::string_view freq = fields[2];
        const std::string_view other = fields[3];
        const std::size_t tab = fields[0].size();
        auto two_digits = [](std::string_view f) {
            return f.size() >= 2 && f[0] >= '0' && f[0] <= '9' && f[1] >= '0' && f[1] <= '9';
        };
        if (count < 3 || tab == 0 || tab > 255 || !two_digits(code) || code.size() > 3 ||
            !two_digits(freq) || freq.size() != 2) {
            return fail("expected 'word<TAB>level<TAB>frequency[<TAB>counterpart]'");
        }
        if (count == 4 && (other.empty() || other.size() > 255 || other.find('\t') != other.npos)) {
            return fail("bad counterpart spelling");
        }
        Entry e;
        e.offset = static_cast<std::uint32_t>(start);
        e.length = static_cast<std::uint8_t>(tab);
        e.level = static_cast<std::uint8_t>((code[0] - '0') * 10 + (code[1] - '0'));
        e.frequency = static_cast<std::uint8_t>((freq[0] - '0') * 10 + (freq[1] - '0'));
        if (code.size() == 3) {
            if (code[2] == 'u') {
                e.dialect = Dialect::US;
            } else if (code[2] == 'g') {
                e.dialect = Dialect::GB;
            } else {
                return fail("dialect must be 'u' or 'g'");
            }
        }
        if (!other.empty()) {
            e.other_offset = static_cast<std::uint32_t>(other.data() - all.data());
            e.other_length = static_cast<std::uint8_t>(other.size());
        }
        if (!entries.empty()) {
            // char_traits<char> compares as unsigned char: byte order, as the generator sorts.
            const Entry& prev = entries.back();
            const int by_fold = lex->folded(prev).compare(lex->folded(e));
            if (by_fold > 0 || (by_fold == 0 && lex->word(prev).compare(lex->word(e)) >= 0)) {
                return fail(
                    "entries must be sorted by their ASCII-lower-cased spelling, once each");
            }
        }
        entries.push_back(e);
    }
    lex->entries_ = entries;
    return std::shared_ptr<const Lexicon>(std::move(lex));
}

void Lexicon::make_tail_lookup() const {
    own_tail_lookup_ =
        file_runs(by_tail_.size(), [&](std::size_t k) { return tail_of(entries_[by_tail_[k]]); });
    tail_lookup_ = own_tail_lookup_;
}

std::span<const std::uint32_t> Lexicon::after_a_letter(std::string_view tail) const {
    make_search_tables();
    const std::string key = ascii_fold(tail);
    const std::size_t count = entries_.size();
    // A damaged index's numbers past the entries or the tails end the group there.
    auto holds = [&](std::size_t k) {
        return by_tail_[k] < count && tail_of(entries_[by_tail_[k]]) == key;
    };
    auto group_from = [&](std::size_t first) {
        std::size_t end = first;
        while (end < by_tail_.size() && holds(end)) ++end;
        return by_tail_.subspan(first, end - first);
    };
    std::optional<std::size_t> first;
    if (!tail_lookup_.empty()) {
        first = find_filed(tail_lookup_, lookup_hash(key), by_tail_.size(), holds);
        if (!first) return {};
    }
    if (!first || *first == by_tail_.size()) {  // no lookup table, or a damaged one
        first = static_cast<std::size_t>(
            std::partition_point(by_tail_.begin(), by_tail_.end(),
                                 [&](std::uint32_t e) {
                                     return e < count &&
                                            compare_bytes(tail_of(entries_[e]), key) < 0;
                                 }) -
            by_tail_.begin());
    }
    return group_from(*first);
}

std::span<const Lexicon::Entry> Lexicon::same_letters(std::string_view word) const {
    // Every word of a text is looked up when first seen: a word of ordinary length is folded
    // on the stack, and hashed as it is folded.
    std::array<char, kStackKey> stack;
    std::string long_key;
    std::uint64_t hash = kFnvBasis;
    std::string_view key;
    if (word.size() <= stack.size()) {
        for (std::size_t i = 0; i < word.size(); ++i) {
            stack[i] = fold_char(word[i]);
            hash = fnv1a_step(hash, stack[i]);
        }
        key = std::string_view(stack.data(), word.size());
    } else {
        long_key = ascii_fold(word);
        key = long_key;
        hash = lookup_hash(key);
    }
    auto lo = entries_.end();
    if (lookup_ready_.load(std::memory_order_acquire)) {
        const auto at = find_filed(lookup_, hash, entries_.size(),
                                   [&](std::size_t k) { return folded(entries_[k]) == key; });
        if (!at) return {};
        lo = entries_.begin() + static_cast<std::ptrdiff_t>(*at);  // the end: bisect below
    }
    if (lo == entries_.end()) {
        lo = std::partition_point(entries_.begin(), entries_.end(), [&](const Entry& e) {
            return compare_bytes(folded(e), key) < 0;
        });
    }
    auto hi = lo;
    while (hi != entries_.end() && folded(*hi) == key) ++hi;
    return {lo, hi};
}

void Lexicon::prefetch_same_letters(std::span<const std::string_view> words) const {
    if (!lookup_ready_.load(std::memory_order_acquire)) return;
    const std::size_t mask = lookup_.size() - 1;
    // A slot's entry is one past its number; zero is an empty slot, and a number past the
    // entries (an index not checked when loaded) is left to same_letters() to refuse. A slot
    // filed under another word's tag leads to no entry worth fetching.
    auto entry_at = [&](std::size_t slot, std::uint32_t tag) -> const Entry* {
        const std::uint32_t filed = lookup_[slot];
        const std::uint32_t at = filed & kSlotEntry;
        return (filed & ~kSlotEntry) == tag && at != 0 && at <= entries_.size() ? &entries_[at - 1]
                                                                                : nullptr;
    };
    constexpr std::size_t kRound = 16;  // misses in flight at once, about what a core allows
    for (std::size_t from = 0; from < words.size(); from += kRound) {
        const std::size_t n = std::min(kRound, words.size() - from);
        std::array<std::size_t, kRound> slots{};
        std::array<std::uint32_t, kRound> tags{};
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint64_t hash = lookup_hash(words[from + k]);
            slots[k] = hash & mask;
            tags[k] = slot_tag(hash);
            __builtin_prefetch(&lookup_[slots[k]]);
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (const Entry* e = entry_at(slots[k], tags[k])) __builtin_prefetch(e);
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (const Entry* e = entry_at(slots[k], tags[k])) {
                __builtin_prefetch(folded_.data() + e->offset);
            }
        }
    }
}

const Lexicon::Entry* Lexicon::find(std::string_view word, Dialect dialect) const {
    return find_among(same_letters(word), word, dialect);
}

const Lexicon::Entry* Lexicon::find_among(std::span<const Entry> matches, std::string_view word,
                                          Dialect dialect) const {
    if (matches.empty()) return nullptr;
    // The word's case is read only if an entry is not spelled just so: most words are found
    // as written.
    bool cased = false;
    bool capitalized = false;
    bool capitals = false;
    for (const Entry& e : matches) {
        if (!valid_in(dialect, e)) continue;
        const std::string_view w = this->word(e);
        if (w == word) return &e;
        if (!cased) {
            cased = true;
            bool lower_rest = true;
            bool any_lower = false;
            int upper = 0;
            for (std::size_t i = 0; i < word.size(); ++i) {
                any_lower |= is_lower(word[i]);
                upper += is_upper(word[i]) ? 1 : 0;
                if (i > 0 && is_upper(word[i])) lower_rest = false;
            }
            capitalized = !word.empty() && is_upper(word[0]) && lower_rest;
            capitals = upper >= 2 && !any_lower;
        }
        if (capitals) return &e;
        if (capitalized && w == folded(e)) return &e;
    }
    return nullptr;
}

namespace {

// The rows of the edit-distance table of a search, one per depth of the walk down the
// lexicon: row d holds the distance from each prefix of the query to the candidate's first d
// letters. Only whether a cell is within the bound matters, and which bound-keeping distance
// a whole candidate has; cells past the bound may hold any value past it.

// A cell at a time, within the band of cells that can be within the bound.
class ScalarRows {
  public:
    ScalarRows(std::string_view query, int max_edits)
        : query_(query),
          max_edits_(max_edits),
          width_(query.size() + 1),
          depth_(query.size() + static_cast<std::size_t>(std::max(max_edits, 0)) + 1),
          rows_(depth_ * width_, std::max(max_edits, 0) + 1) {
        for (std::size_t k = 0; k < width_; ++k) rows_[k] = static_cast<int>(k);
    }
    [[nodiscard]] std::size_t depth() const { return depth_; }
    [[nodiscard]] int last(std::size_t d) const { return rows_[d * width_ + width_ - 1]; }

    // What advance() needs to know of the letter before the siblings at depth d: the letter.
    using Family = unsigned char;
    [[nodiscard]] Family family(std::size_t /*d*/, unsigned char before) const { return before; }

    // Fills row d + 1 for the letter `c` after those of row d, the last of which was `before`
    // (if d > 0). True if a cell is within the bound.
    [[gnu::always_inline]] bool advance(std::size_t d, unsigned char c, Family before) {
        const int* row = &rows_[d * width_];
        int* out = &rows_[(d + 1) * width_];
        out[0] = static_cast<int>(d + 1);
        int best = out[0];
        // The cells outside the band keep the value past the bound they were filled with.
        const auto band = static_cast<std::size_t>(std::max(max_edits_, 0));
        const std::size_t first = d + 1 > band + 1 ? d + 1 - band : 1;
        const std::size_t last = std::min(width_ - 1, d + 1 + band);
        for (std::size_t k = first; k <= last; ++k) {
            const auto q = static_cast<unsigned char>(query_[k - 1]);
            int v = std::min(row[k] + 1, out[k - 1] + 1);
            v = std::min(v, row[k - 1] + (q == c ? 0 : 1));
            if (d >= 1 && k >= 2 && q == before && static_cast<unsigned char>(query_[k - 2]) == c) {
                v = std::min(v, rows_[(d - 1) * width_ + k - 2] + 1);
            }
            out[k] = v;
            best = std::min(best, v);
        }
        return best <= max_edits_;
    }

  private:
    std::string_view query_;
    int max_edits_;
    std::size_t width_;
    std::size_t depth_;
    std::vector<int> rows_;  // row d at rows_[d * width_]
};

#if defined(__SSE2__)
// A whole row in one 16-byte register, for a query of up to 15 letters (most of them): cell k
// in byte k. A cell's neighbours to the left are bytes shifted in from below, and the chain of
// insertions along the row (each cell at most one more than the one before it) is a prefix
// minimum taken in up to four shifts. Cells are capped at one past the bound, so that bytes never
// overflow.
class PackedRows {
  public:
    static constexpr std::size_t kMaxQuery = 15;
    static constexpr int kMaxEdits = 15;  // more are searched cell by cell

    // With `split` > 0, the rows are those of alignments that spend at most `early` edits on
    // each of the query's prefixes of fewer than `split` letters: a cell of those columns past
    // `early` is taken as past the bound (see Lexicon::search_both_ends).
    PackedRows(std::string_view query, int max_edits, std::size_t split = 0, int early = 0)
        : depth_(query.size() + static_cast<std::size_t>(std::max(max_edits, 0)) + 1),
          valid_((1U << (query.size() + 1)) - 1) {
        const int bound = std::max(max_edits, 0);
        alignas(16) std::array<unsigned char, 16> q{};  // byte 0 matches no letter
        alignas(16) std::array<unsigned char, 16> row{};
        alignas(16) std::array<unsigned char, 16> limit{};
        for (std::size_t k = 0; k < q.size(); ++k) {
            if (k >= 1 && k <= query.size()) q[k] = static_cast<unsigned char>(query[k - 1]);
            limit[k] = static_cast<unsigned char>(k < split ? early : 255);
            row[k] = static_cast<unsigned char>(
                k > limit[k] ? bound + 1U : std::min<std::size_t>(k, bound + 1U));
        }
        query_ = _mm_load_si128(reinterpret_cast<const __m128i*>(q.data()));
        rows_[0].cells = _mm_load_si128(reinterpret_cast<const __m128i*>(row.data()));
        limit_ = _mm_load_si128(reinterpret_cast<const __m128i*>(limit.data()));
        limited_ = split > 0;
        bound_ = _mm_set1_epi8(static_cast<char>(bound));
        cap_ = _mm_set1_epi8(static_cast<char>(bound + 1));
        last_ = query.size();
        far_left_ = bound > 3;
        // Slot 0, for the bytes the query lacks, matches no cell. Byte 0 has a slot of its own:
        // it matches the query's cell 0 and padding.
        std::uint8_t slots = 0;
        auto add = [&](unsigned char c) {
            if (slot_[c] != 0) return;
            slot_[c] = ++slots;
            same_[slots].cells = _mm_cmpeq_epi8(query_, _mm_set1_epi8(static_cast<char>(c)));
        };
        add(0);
        for (const char letter : query) add(static_cast<unsigned char>(letter));
    }
    [[nodiscard]] std::size_t depth() const { return depth_; }
    [[nodiscard]] int last(std::size_t d) const {
        alignas(16) std::array<unsigned char, 16> row{};
        _mm_store_si128(reinterpret_cast<__m128i*>(row.data()), rows_[d].cells);
        return row[last_];
    }

    // What advance() needs to know of the letter before the siblings at depth d (d > 0), worked
    // out once for them all: where the query has it, and whether it has it anywhere. Most
    // letters are not in the query, and then no sibling can be a swap.
    struct Family {
        __m128i before{};  // the query's cells whose letter is the one before
        __m128i from{};    // row d - 1 two cells on, plus one: the cost after a swap
        bool swaps = false;
    };
    [[gnu::always_inline]] Family family(std::size_t d, unsigned char before) const {
        Family f;
        if (d >= 1) {
            f.before = _mm_cmpeq_epi8(query_, _mm_set1_epi8(static_cast<char>(before)));
            f.from = _mm_adds_epu8(_mm_slli_si128(rows_[d - 1].cells, 2), _mm_set1_epi8(1));
            f.swaps = _mm_movemask_epi8(f.before) != 0;
        }
        return f;
    }

    [[gnu::always_inline]] bool advance(std::size_t d, unsigned char c, const Family& f) {
        // No test of the letter: a branch taken one way or the other at random, as a test of
        // whether the query has it would be, costs more than the cells it could spare.
        const __m128i v = next_row(d, same_[slot_[c]].cells, f);
        rows_[d + 1].cells = v;
        return within(v);
    }

  private:
    [[nodiscard, gnu::always_inline]] bool within(__m128i v) const {
        const __m128i kept = _mm_cmpeq_epi8(_mm_min_epu8(v, bound_), v);
        return (static_cast<unsigned>(_mm_movemask_epi8(kept)) & valid_) != 0;
    }

    // Row d + 1 after a letter whose matches in the query are `same`.
    [[gnu::always_inline]] __m128i next_row(std::size_t d, __m128i same, const Family& f) const {
        const __m128i one = _mm_set1_epi8(1);
        const __m128i all = _mm_set1_epi8(-1);
        const __m128i row = rows_[d].cells;
        // From above (a letter of the query left out) and from the diagonal (kept or replaced).
        // Cell 0 has no diagonal: 255 is shifted in, so that it comes from above, one more than
        // row d's: the candidate's d + 1 letters against none of the query's.
        __m128i v = _mm_min_epu8(
            _mm_adds_epu8(row, one),
            _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(row, 1), _mm_srli_si128(all, 15)),
                          _mm_andnot_si128(same, one)));
        if (f.swaps) {
            // Two letters swapped: query[k-1] is the candidate's letter before c, and
            // query[k-2] is c.
            const __m128i swapped = _mm_and_si128(f.before, _mm_slli_si128(same, 1));
            v = _mm_min_epu8(v, _mm_or_si128(_mm_and_si128(swapped, f.from),
                                             _mm_andnot_si128(swapped, _mm_set1_epi8(-1))));
        }
        // From the left (a letter added): each cell at most one more than the one before.
        // The bytes shifted in below cell 0 are 255, so that they lower nothing.
        v = _mm_min_epu8(
            v, _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 1), _mm_srli_si128(all, 15)), one));
        v = _mm_min_epu8(v,
                         _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 2), _mm_srli_si128(all, 14)),
                                       _mm_set1_epi8(2)));
        // A cell further left than the bound adds more than the bound, and any value past it
        // is capped to one past it below: with the bounds suggestions ask for (up to 3) the two
        // shifts above reach every cell that matters.
        if (far_left_) {
            v = _mm_min_epu8(
                v, _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 4), _mm_srli_si128(all, 12)),
                                 _mm_set1_epi8(4)));
            v = _mm_min_epu8(
                v, _mm_adds_epu8(_mm_or_si128(_mm_slli_si128(v, 8), _mm_srli_si128(all, 8)),
                                 _mm_set1_epi8(8)));
        }
        v = _mm_min_epu8(v, cap_);
        if (limited_) {
            const __m128i kept = _mm_cmpeq_epi8(_mm_min_epu8(v, limit_), v);
            v = _mm_max_epu8(v, _mm_andnot_si128(kept, cap_));
        }
        return v;
    }

    struct Row {
        __m128i cells;
    };
    // For each byte the query has, its slot in same_ (0 for the others); in the slot, the
    // query's cells that hold the byte: worked out once a search, not at each node.
    std::array<std::uint8_t, 256> slot_{};
    std::array<Row, kMaxQuery + 2> same_{};
    std::size_t depth_;
    unsigned valid_;  // a bit per byte that is a cell
    std::size_t last_ = 0;
    bool far_left_ = false;  // a bound past 3: cells more than 3 to the left can lower a cell
    bool limited_ = false;   // some columns have a limit of their own
    __m128i limit_{};        // each column's limit
    __m128i query_{};
    __m128i bound_{};
    __m128i cap_{};
    // In the object, not behind a pointer that each access would load again.
    std::array<Row, kMaxQuery + kMaxEdits + 1> rows_{};
};
#endif

}  // namespace

template <class Rows>
struct Lexicon::Search {
    const Lexicon& lex;
    const WalkOrder& order;
    std::size_t base;
    int max_edits;
    const std::function<void(const Entry&, int)>& found;
    // Find where children end from the order's shared counts, 16 entries a compare; else
    // gallop on letters (the reference walk).
    bool scan_shared;
    Rows rows;
    // Folded letters of the candidate after the prefix: a word has at most 255.
    std::array<unsigned char, 256> path;

    [[nodiscard, gnu::always_inline]] const Entry& entry(std::size_t k) const {
        return lex.entries_[order.entry_at(k)];
    }

    // Letter `d` after the prefix of the key of the entry at place `k` (which is longer).
    [[nodiscard, gnu::always_inline]] char letter(std::size_t k, std::size_t d) const {
        const std::size_t at = base + d;
        if (at < kPrefixLetters) {
            return static_cast<char>((order.prefixes[k] >> (8 * (kPrefixLetters - 1 - at))) & 0xFF);
        }
        if (at < kPrefixLetters + kTailLetters) {
            return static_cast<char>((order.tails[k] >> (8 * (2 * kPrefixLetters - 1 - at))) &
                                     0xFF);
        }
        const Entry& e = entry(k);
        return lex.folded_[e.offset + (order.reversed ? e.length - at : at)];
    }

    // Where the entries that follow entry i in its letter at depth d end, before `hi`.
    [[nodiscard, gnu::always_inline]] std::size_t end_of_child(std::size_t i, std::size_t d,
                                                               std::size_t hi) const {
        const std::size_t letters = base + d + 1;  // those the child's entries share
        std::size_t known_in = i;                  // last index known to be in the child
        // Near the root: the next boundary bit of the child's depth. The bit at `hi` is set, as
        // the count there is below the parent's letters.
        if (scan_shared && letters >= kFirstBoundaryLetters &&
            letters < kFirstBoundaryLetters + order.boundaries->size()) {
            const auto& bits = (*order.boundaries)[letters - kFirstBoundaryLetters];
            const std::size_t from = known_in + 1;
            std::size_t word = from / 64;
            std::uint64_t found_bits = bits[word] & (~std::uint64_t{0} << (from % 64));
            while (found_bits == 0) {
                if (++word >= bits.size() || word * 64 >= hi) return hi;
                found_bits = bits[word];
            }
            return std::min(hi, word * 64 + static_cast<std::size_t>(std::countr_zero(found_bits)));
        }
#if defined(__SSE2__)
        // A shared count below `letters`, found among the next 16 entries, ends the child: the
        // count before `hi` is below the parent's letters, and past the last entry is zero.
        if (scan_shared && letters <= 255) {
            const __m128i below = _mm_set1_epi8(static_cast<char>(letters - 1));
            for (int block = 0; block < 4; ++block) {
                const __m128i shared = _mm_loadu_si128(
                    reinterpret_cast<const __m128i*>(order.shared.data() + known_in + 1));
                const auto ends = static_cast<unsigned>(
                    _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(shared, below), shared)));
                if (ends != 0)
                    return known_in + 1 + static_cast<std::size_t>(std::countr_zero(ends));
                known_in += 16;
            }
            if (known_in >= hi) return hi;  // not reached: the count at hi ends the child
        }
#endif
        // A large child: gallop, then bisect on the letter at depth d.
        const auto c = static_cast<unsigned char>(letter(i, d));
        auto beyond = [&](std::size_t k) { return static_cast<unsigned char>(letter(k, d)) > c; };
        std::size_t step = 1;
        while (known_in + step < hi && !beyond(known_in + step)) {
            known_in += step;
            step *= 2;
        }
        std::size_t first_out = std::min(known_in + step, hi);
        while (first_out - known_in > 1) {
            const std::size_t mid = known_in + (first_out - known_in) / 2;
            if (beyond(mid)) {
                first_out = mid;
            } else {
                known_in = mid;
            }
        }
        return first_out;
    }

    void visit(std::size_t d, std::size_t lo, std::size_t hi) {
        std::size_t i = lo;
        while (i < hi && (order.tails[i] & 0xFF) == base + d) {
            if (const int edits = rows.last(d); edits <= max_edits) found(entry(i), edits);
            ++i;
        }
        if (d + 1 >= rows.depth()) return;
        const auto family = rows.family(d, d >= 1 ? path[d - 1] : 0);
        while (i < hi) {
            const auto c = static_cast<unsigned char>(letter(i, d));
            const std::size_t j = end_of_child(i, d, hi);
            if (rows.advance(d, c, family)) {
                path[d] = c;
                visit(d + 1, i, j);
            }
            i = j;
        }
    }
};

// The suggestion search over a walk order's trie: the same rows as Search, the same words
// found with the same edits. It enters only the nodes that have the bits kNeed (kNodeCommon,
// or none): a constant, as a test at run time cost the full walks about a quarter more
// instructions.
template <class Rows, std::uint32_t kNeed>
struct Lexicon::TrieWalk {
    const Lexicon& lex;
    const Trie& trie;
    const WalkOrder& order;
    std::size_t base;  // letters of the prefix
    int max_edits;
    const std::function<void(const Entry&, int)>& found;
    Rows rows;
    // Folded letters of the candidate after the prefix: a word has at most 255.
    std::array<unsigned char, 256> path;

    // The entries whose key, `letters` long, ends at `node`, number n: the trie's first, and
    // the entries after it with the same key (the lexicon's own order, whichever the walk's).
    void report(std::uint32_t n, std::uint32_t node, std::size_t letters, int edits) {
        const std::size_t count = lex.entries_.size();
        std::size_t e = trie.entries[n];
        if (e >= count) return;
        found(lex.entries_[e], edits);
        if ((node & kNodeSameKeys) == 0) return;
        const std::size_t key_letters = std::min<std::size_t>(letters, 255);
        for (++e;
             e < count && (lex.tails_[e] & 0xFF) == key_letters && lex.shared_[e] >= key_letters;
             ++e) {
            found(lex.entries_[e], edits);
        }
    }

    // The family of nodes from `first`, siblings at depth d after the prefix. A damaged
    // index's nodes may lead anywhere within the trie, so a walk reads at most as many nodes
    // as there are (one that reads a node twice has left the trie's shape): it may read
    // `reads_left` more, and returns how many it still may after this family.
    std::size_t visit(std::size_t d, std::uint32_t first, std::size_t reads_left) {
        const auto family = rows.family(d, d >= 1 ? path[d - 1] : 0);
        const bool deeper = d + 2 < rows.depth();
        // Locals, which the stores to the rows cannot alias.
        const std::uint32_t* const nodes = trie.nodes.data();
        const auto size = static_cast<std::uint32_t>(trie.nodes.size());
        for (std::uint32_t n = first; n < size && reads_left > 0; ++n) {
            --reads_left;
            const std::uint32_t node = nodes[n];
            const auto c = static_cast<unsigned char>(node & kNodeLetter);
            if ((node & kNeed) == kNeed && rows.advance(d, c, family)) {
                if ((node & kNodeKeyEnds) != 0) {
                    if (const int edits = rows.last(d + 1); edits <= max_edits) {
                        report(n, node, base + d + 1, edits);
                    }
                }
                if (const std::uint32_t children = node >> kNodeChildShift;
                    deeper && children != 0) {
                    path[d] = c;
                    reads_left = visit(d + 1, children, reads_left);
                }
            }
            if ((node & kNodeLast) != 0) break;
        }
        return reads_left;
    }

    // Walks the keys that start with `prefix` (folded).
    void run(std::string_view prefix) {
        const auto size = static_cast<std::uint32_t>(trie.nodes.size());
        std::uint32_t first = 0;  // the family of the prefix's next letter
        std::optional<std::uint32_t> node;
        for (const char letter : prefix) {
            const auto c = static_cast<unsigned char>(letter);
            std::uint32_t n = first;
            if (node && n == 0) return;  // the prefix's node so far has no children
            while (n < size && (trie.nodes[n] & kNodeLetter) != c &&
                   (trie.nodes[n] & kNodeLast) == 0) {
                ++n;
            }
            if (n >= size || (trie.nodes[n] & kNodeLetter) != c) return;
            if ((trie.nodes[n] & kNeed) != kNeed) return;
            node = n;
            first = trie.nodes[n] >> kNodeChildShift;
        }
        if (!node) {
            visit(0, 0, size);
            return;
        }
        if ((trie.nodes[*node] & kNodeKeyEnds) != 0) {
            if (const int edits = rows.last(0); edits <= max_edits) {
                report(*node, trie.nodes[*node], base, edits);
            }
        }
        if (rows.depth() > 1 && first != 0) visit(0, first, size);
    }
};

void Lexicon::make_tries() const {
    own_trie_nodes_.clear();
    own_trie_entries_.clear();
    auto build = [&](auto key_of) {
        // First in depth-first order: a node for each letter past what a key shares with the
        // one before, closed (the node after its subtree set) when a key shares less than its
        // depth.
        std::vector<std::uint32_t> letters;  // the letter and the bits below the children's
        std::vector<std::uint32_t> after;
        std::vector<std::uint32_t> first_entry;  // of the key ending at the node
        std::vector<std::size_t> open;           // the open node at each depth
        auto close_from = [&](std::size_t depth) {
            while (open.size() > depth) {
                after[open.back()] = static_cast<std::uint32_t>(letters.size());
                open.pop_back();
            }
        };
        std::string before;
        std::string key;
        for (std::size_t k = 0; k < entries_.size(); ++k) {
            const std::uint32_t entry = key_of(k, key);
            std::size_t same = 0;
            while (same < key.size() && same < before.size() && key[same] == before[same]) ++same;
            close_from(same);
            for (std::size_t t = same; t < key.size(); ++t) {
                open.push_back(letters.size());
                letters.push_back(static_cast<unsigned char>(key[t]));
                after.push_back(0);
                first_entry.push_back(0);
            }
            if (!key.empty()) {
                const std::size_t n = open[key.size() - 1];
                if ((letters[n] & kNodeKeyEnds) == 0) {
                    letters[n] |= kNodeKeyEnds;
                    first_entry[n] = entry;
                } else {
                    letters[n] |= kNodeSameKeys;  // the same key again: the entry after
                }
                // A common word's key: its node and those above it lead to a common word.
                if (entries_[entry].level <= kCommonLevel) {
                    for (std::size_t d = key.size();
                         d-- > 0 && (letters[open[d]] & kNodeCommon) == 0;) {
                        letters[open[d]] |= kNodeCommon;
                    }
                }
            }
            std::swap(before, key);
        }
        close_from(0);
        // Then each family together, placed when its parent is, so that a walk meets the
        // families in the order they lie.
        const std::size_t start = own_trie_nodes_.size();
        auto lay = [&](auto& self, std::uint32_t first, std::uint32_t end) -> void {
            const std::size_t at = own_trie_nodes_.size();
            std::vector<std::uint32_t> members;
            for (std::uint32_t n = first; n < end; n = after[n]) {
                members.push_back(n);
                own_trie_nodes_.push_back(letters[n]);
                own_trie_entries_.push_back(first_entry[n]);
            }
            if (members.empty()) return;
            own_trie_nodes_.back() |= kNodeLast;
            for (std::size_t m = 0; m < members.size(); ++m) {
                const std::uint32_t n = members[m];
                if (n + 1 == after[n]) continue;  // no children
                const std::size_t children = own_trie_nodes_.size() - start;
                own_trie_nodes_[at + m] |= static_cast<std::uint32_t>(
                    std::min<std::size_t>(children, kMaxTrieNodes) << kNodeChildShift);
                self(self, n + 1, after[n]);
            }
        };
        lay(lay, 0, static_cast<std::uint32_t>(letters.size()));
        return own_trie_nodes_.size() - start;
    };
    const std::size_t forward = build([&](std::size_t k, std::string& key) {
        key = folded(entries_[k]);
        return static_cast<std::uint32_t>(k);
    });
    // Entries with the same key are together in either order, and in the lexicon's.
    const std::size_t reversed = build([&](std::size_t k, std::string& key) {
        const std::uint32_t entry = reversed_entries_[k];
        const std::string_view w = folded(entries_[entry]);
        key.assign(w.substr(0, 1));
        for (std::size_t p = w.size(); p > 1; --p) key += w[p - 1];
        return entry;
    });
    auto trie = [&](std::size_t from, std::size_t count) {
        return Trie{std::span<const std::uint32_t>(own_trie_nodes_).subspan(from, count),
                    std::span<const std::uint32_t>(own_trie_entries_).subspan(from, count)};
    };
    // A lexicon too large for a node's 20 bits walks the sorted places.
    const bool fits = forward <= kMaxTrieNodes && reversed <= kMaxTrieNodes;
    forward_trie_ = fits ? trie(0, forward) : Trie{};
    reversed_trie_ = fits ? trie(forward, reversed) : Trie{};
}

namespace {

// The first eight letters of each of `keys` as a number, its tail (see Lexicon::WalkOrder),
// and how many letters each shares with the one before (then kSharedPadding zeros).
void fill_trie_tables(const std::vector<std::string_view>& keys,
                      std::vector<std::uint64_t>& prefixes, std::vector<std::uint64_t>& tails,
                      std::vector<std::uint8_t>& shared) {
    prefixes.resize(keys.size());
    tails.resize(keys.size());
    constexpr std::size_t kHead = sizeof(std::uint64_t);  // letters in a prefix
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string_view key = keys[i];
        prefixes[i] = packed_prefix(key);
        const std::string_view rest = key.substr(std::min(kHead, key.size()));
        tails[i] = (packed_prefix(rest.substr(0, Lexicon::kTailLetters)) & ~std::uint64_t{0xFF}) |
                   std::min<std::size_t>(key.size(), 255);
    }
    shared.assign(keys.size() + Lexicon::kSharedPadding, 0);
    for (std::size_t i = 1; i < keys.size(); ++i) {
        const std::string_view a = keys[i - 1];
        const std::string_view b = keys[i];
        std::size_t same = 0;
        while (same < a.size() && same < b.size() && a[same] == b[same]) ++same;
        shared[i] = static_cast<std::uint8_t>(std::min<std::size_t>(same, 255));
    }
}

// For each of the first few child depths, a bit per place of `shared` (and one past the last)
// that is set where a child of that depth ends: the place shares fewer letters with the one
// before than the child's entries do.
Lexicon::Boundaries child_boundaries(std::span<const std::uint8_t> shared, std::size_t count) {
    Lexicon::Boundaries out;
    const std::size_t places = std::min(count + 1, shared.size());
    for (std::size_t level = 0; level < out.size(); ++level) {
        const std::size_t letters = Lexicon::kFirstBoundaryLetters + level;
        auto& bits = out[level];
        bits.assign(count / 64 + 2, 0);
        std::size_t k = 0;
#if defined(__SSE2__)
        // A word of bits at a time, from four compares of 16 counts: a search that ranks one
        // misspelling makes these first, and a byte at a time they were a tenth of linting a
        // short article.
        const __m128i most = _mm_set1_epi8(static_cast<char>(letters - 1));
        for (; k + 64 <= places; k += 64) {
            std::uint64_t word = 0;
            for (std::size_t part = 0; part < 4; ++part) {
                const __m128i counts = _mm_loadu_si128(
                    reinterpret_cast<const __m128i*>(shared.data() + k + 16 * part));
                const __m128i fewer = _mm_cmpeq_epi8(_mm_min_epu8(counts, most), counts);
                word |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(fewer))}
                        << (16 * part);
            }
            bits[k / 64] = word;
        }
#endif
        for (; k < places; ++k) {
            if (shared[k] < letters) bits[k / 64] |= std::uint64_t{1} << (k % 64);
        }
    }
    return out;
}

}  // namespace

void Lexicon::make_search_tables() const {
    std::call_once(prefixes_built_, [this] {
        // A lexicon of more entries than a slot can number keeps to bisection.
        if (!lookup_ready_.load(std::memory_order_acquire) && entries_.size() < kSlotEntry) {
            // The first entry of each folded spelling.
            own_lookup_ =
                file_runs(entries_.size(), [&](std::size_t i) { return folded(entries_[i]); });
            lookup_ = own_lookup_;
            lookup_ready_.store(true, std::memory_order_release);
        }
        if (tail_lookup_.empty()) {
            for (std::size_t i = 0; i < entries_.size(); ++i) {
                const std::string_view key = folded(entries_[i]);
                if (!key.empty() && key[0] >= 'a' && key[0] <= 'z') {
                    own_by_tail_.push_back(static_cast<std::uint32_t>(i));
                }
            }
            std::sort(
                own_by_tail_.begin(), own_by_tail_.end(), [&](std::uint32_t a, std::uint32_t b) {
                    const int order = compare_bytes(tail_of(entries_[a]), tail_of(entries_[b]));
                    return order != 0 ? order < 0 : a < b;
                });
            by_tail_ = own_by_tail_;
            if (entries_.size() < kSlotEntry) make_tail_lookup();
        }
        if (prefixes_.empty() || !index_tables_hold()) {
            make_trie_tables();
            forward_trie_ = reversed_trie_ = {};  // the index's, which pointed outside itself
        }
        own_boundaries_ = child_boundaries(shared_, entries_.size());
        own_reversed_boundaries_ = child_boundaries(reversed_shared_, entries_.size());
    });
}

void Lexicon::make_trie_tables() const {
    if (!prefixes_.empty()) {  // an index that points outside itself: made here instead
        sound_keys_ = {};
        sound_entries_ = {};
    }
    std::vector<std::string_view> keys(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) keys[i] = folded(entries_[i]);
    fill_trie_tables(keys, own_prefixes_, own_tails_, own_shared_);
    // Keys of the reversed order: the first letter, then the rest from the word's end.
    std::string reversed(folded_.size(), '\0');
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const Entry& e = entries_[i];
        const std::string_view word = folded(e);
        char* key = reversed.data() + e.offset;
        if (!word.empty()) key[0] = word[0];
        for (std::size_t p = 1; p < word.size(); ++p) key[p] = word[word.size() - p];
        keys[i] = std::string_view(key, word.size());
    }
    own_reversed_entries_.resize(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        own_reversed_entries_[i] = static_cast<std::uint32_t>(i);
    }
    std::stable_sort(
        own_reversed_entries_.begin(), own_reversed_entries_.end(),
        [&](std::uint32_t a, std::uint32_t b) { return compare_bytes(keys[a], keys[b]) < 0; });
    std::vector<std::string_view> sorted(entries_.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) sorted[k] = keys[own_reversed_entries_[k]];
    fill_trie_tables(sorted, own_reversed_prefixes_, own_reversed_tails_, own_reversed_shared_);
    prefixes_ = own_prefixes_;
    shared_ = own_shared_;
    reversed_entries_ = own_reversed_entries_;
    reversed_prefixes_ = own_reversed_prefixes_;
    tails_ = own_tails_;
    reversed_tails_ = own_reversed_tails_;
    reversed_shared_ = own_reversed_shared_;
}

namespace {

// Calls `walk` with the trie node bits `need` (kNodeCommon, or none) as a constant.
template <class Walk>
void with_need(std::uint32_t need, Walk walk) {
    if (need == Lexicon::kNodeCommon) {
        walk(std::integral_constant<std::uint32_t, Lexicon::kNodeCommon>{});
    } else {
        walk(std::integral_constant<std::uint32_t, 0>{});
    }
}

}  // namespace

void Lexicon::search(std::string_view prefix, std::string_view query, int max_edits,
                     const std::function<void(const Entry&, int)>& everything, SearchMethod how,
                     int max_level) const {
    std::function<void(const Entry&, int)> up_to_level;  // made only for a search that needs it
    if (max_level < kAnyLevel) {
        up_to_level = [&](const Entry& e, int edits) {
            if (e.level <= max_level) everything(e, edits);
        };
    }
    const auto& found = up_to_level ? up_to_level : everything;
    const std::uint32_t need = max_level <= kCommonLevel ? kNodeCommon : 0;
    const std::string key = ascii_fold(prefix);
    make_search_tables();
    std::size_t first = 0;
    std::size_t last = 0;
    if (!key.empty() && key.size() <= kPrefixLetters && key.find('\0') == std::string::npos) {
        // The entries that start with the key, from the prefixes: numbers in entry order.
        const unsigned shift = 8 * static_cast<unsigned>(kPrefixLetters - key.size());
        const std::uint64_t head = packed_prefix(key) >> shift;
        const auto at = [&](auto before) {
            return static_cast<std::size_t>(
                std::partition_point(prefixes_.begin(), prefixes_.end(), before) -
                prefixes_.begin());
        };
        first = at([&](std::uint64_t p) { return (p >> shift) < head; });
        last = at([&](std::uint64_t p) { return (p >> shift) <= head; });
    } else {
        const auto lo = std::partition_point(entries_.begin(), entries_.end(), [&](const Entry& e) {
            return compare_bytes(folded(e).substr(0, key.size()), key) < 0;
        });
        const auto hi = std::partition_point(lo, entries_.end(), [&](const Entry& e) {
            return folded(e).substr(0, key.size()) == key;
        });
        first = static_cast<std::size_t>(lo - entries_.begin());
        last = static_cast<std::size_t>(hi - entries_.begin());
    }
    if (first == last) return;
    const std::string q = ascii_fold(query);
    const WalkOrder forward{{}, prefixes_, tails_, shared_, &own_boundaries_, false};
#if defined(__SSE2__)
    if (how == SearchMethod::Fastest && q.size() <= PackedRows::kMaxQuery && max_edits >= 0 &&
        max_edits <= PackedRows::kMaxEdits) {
        const bool split = max_edits >= kSplitFrom ||
                           (max_edits == 2 && q.size() >= kSplitTwoFrom) ||
                           (max_edits == 1 && q.size() >= kSplitOneFrom);
        if (key.size() == 1 && split && q.size() >= 2) {
            search_both_ends(key[0], q, max_edits, first, last, need, found);
            return;
        }
        if (!forward_trie_.empty()) {
            with_need(need, [&](auto bits) {
                TrieWalk<PackedRows, bits()> walk{*this,
                                                  forward_trie_,
                                                  forward,
                                                  key.size(),
                                                  max_edits,
                                                  found,
                                                  PackedRows(q, max_edits),
                                                  {}};
                walk.run(key);
            });
            return;
        }
        Search<PackedRows> s{
            *this, forward, key.size(), max_edits, found, true, PackedRows(q, max_edits), {}};
        s.visit(0, first, last);
        return;
    }
#endif
    Search<ScalarRows> s{*this,
                         forward,
                         key.size(),
                         max_edits,
                         found,
                         how == SearchMethod::Fastest,
                         ScalarRows(q, max_edits),
                         {}};
    s.visit(0, first, last);
}

#if defined(__SSE2__)
// Two walks, each cut back hard near its root where the trie branches most, find every word
// within `max_edits` of the query: one over the words from their start that spends at most
// ahead_early edits on each prefix of the query shorter than `ahead_letters`, and one over the
// words from their end that spends at most behind_early on each suffix shorter than
// `behind_letters`, where the two budgets add up to max_edits - 1 and the two lengths to the
// query's n letters plus one. Take an alignment that both walks cut: it spends more than
// ahead_early edits up to its last cell in some column k < ahead_letters, and more than
// behind_early from its first cell in some column n - j with j < behind_letters. As k + j < n,
// the two stretches share no edit, so the alignment costs more than max_edits. So each of a
// word's best alignments survives one of the walks, and a word found by both is reported once,
// with the fewer edits: its distance. For one edit both ends are kept exact; for two, the end.
// The longer the stretches, the less each walk branches: they overlap by a letter, and for two
// edits the walk from the start takes six tenths of the query (3% fewer instructions than half
// on the corpus's unknown words). Against halves that do not overlap, a tenth fewer
// instructions to rank those words or a sample of 3,000 misspellings, with the same results.
void Lexicon::search_both_ends(char letter, const std::string& q, int max_edits, std::size_t first,
                               std::size_t last, std::uint32_t need,
                               const std::function<void(const Entry&, int)>& found) const {
    const std::size_t ahead_letters = max_edits == 2 ? (6 * q.size() + 5) / 10 : (q.size() + 1) / 2;
    const std::size_t behind_letters = q.size() + 1 - ahead_letters;
    const int ahead_early = max_edits / 2;
    const int behind_early = max_edits - 1 - ahead_early;
    std::vector<std::pair<std::uint32_t, int>> hits;
    const std::function<void(const Entry&, int)> keep = [&](const Entry& e, int edits) {
        hits.emplace_back(static_cast<std::uint32_t>(&e - entries_.data()), edits);
    };
    const WalkOrder forward{{}, prefixes_, tails_, shared_, &own_boundaries_, false};
    const WalkOrder reversed{reversed_entries_, reversed_prefixes_,        reversed_tails_,
                             reversed_shared_,  &own_reversed_boundaries_, true};
    const std::string back(q.rbegin(), q.rend());
    // Made where each walk holds them: a kilobyte each, not worth a copy.
    auto ahead_rows = [&] { return PackedRows(q, max_edits, ahead_letters, ahead_early); };
    auto behind_rows = [&] { return PackedRows(back, max_edits, behind_letters, behind_early); };
    if (!forward_trie_.empty() && !reversed_trie_.empty()) {
        const std::string_view prefix(&letter, 1);
        with_need(need, [&](auto bits) {
            TrieWalk<PackedRows, bits()> ahead{*this,     forward_trie_, forward,      1,
                                               max_edits, keep,          ahead_rows(), {}};
            ahead.run(prefix);
            TrieWalk<PackedRows, bits()> behind{*this,     reversed_trie_, reversed,      1,
                                                max_edits, keep,           behind_rows(), {}};
            behind.run(prefix);
        });
    } else {
        Search<PackedRows> ahead{*this, forward, 1, max_edits, keep, true, ahead_rows(), {}};
        ahead.visit(0, first, last);
        // The reversed order's places whose key starts with `letter`.
        const auto target = static_cast<unsigned char>(letter);
        auto place = [&](auto before) {
            return static_cast<std::size_t>(
                std::partition_point(reversed_prefixes_.begin(), reversed_prefixes_.end(), before) -
                reversed_prefixes_.begin());
        };
        const std::size_t lo =
            place([&](std::uint64_t p) { return static_cast<unsigned char>(p >> 56) < target; });
        const std::size_t hi =
            place([&](std::uint64_t p) { return static_cast<unsigned char>(p >> 56) <= target; });
        Search<PackedRows> behind{*this, reversed, 1, max_edits, keep, true, behind_rows(), {}};
        behind.visit(0, lo, hi);
    }
    std::sort(hits.begin(), hits.end());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (i > 0 && hits[i].first == hits[i - 1].first) continue;  // the least edits first
        found(entries_[hits[i].first], hits[i].second);
    }
}
#endif

std::vector<Lexicon::Sound> Lexicon::sounds_of(std::span<const std::uint32_t> entries) const {
    std::vector<Sound> sounds;
    sounds.reserve(entries.size());
    for (const std::uint32_t i : entries) {
        std::size_t length = 0;
        sounds.push_back({sound_key_hash(word(entries_[i]), length), i});
    }
    std::sort(sounds.begin(), sounds.end(), [](const Sound& a, const Sound& b) {
        return a.key != b.key ? a.key < b.key : a.entry < b.entry;
    });
    return sounds;
}

void Lexicon::sounding_like(std::string_view key,
                            const std::function<void(const Entry&)>& found) const {
    const auto first = static_cast<unsigned char>(key.empty() ? '\0' : key.front());
    if (first == 0 || first >= kSoundFiles) return;
    make_search_tables();  // checks the index's sound table
    if (!sound_keys_.empty()) {
        // The index's table holds every file at once, in the files' order within a key.
        const std::uint64_t h = sound_hash(key);
        auto it = std::lower_bound(sound_keys_.begin(), sound_keys_.end(), h);
        for (; it != sound_keys_.end() && *it == h; ++it) {
            const Entry& e =
                entries_[sound_entries_[static_cast<std::size_t>(it - sound_keys_.begin())]];
            if (static_cast<unsigned char>(sound_key_first(word(e))) == first) found(e);
        }
        return;
    }
    std::call_once(sound_files_built_, [this] {
        std::vector<std::uint8_t> file_of(entries_.size());
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const auto code = static_cast<unsigned char>(sound_key_first(word(entries_[i])));
            file_of[i] = code < kSoundFiles ? code : 0;
            ++file_starts_[file_of[i] + 1U];
        }
        for (std::size_t f = 1; f < file_starts_.size(); ++f)
            file_starts_[f] += file_starts_[f - 1];
        std::array<std::uint32_t, kSoundFiles> next{};
        std::copy(file_starts_.begin(), file_starts_.end() - 1, next.begin());
        filed_entries_.resize(entries_.size());
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            filed_entries_[next[file_of[i]]++] = static_cast<std::uint32_t>(i);
        }
    });
    SoundFile& file = sound_files_[first];
    std::call_once(file.built, [&] {
        file.sounds = sounds_of(
            std::span<const std::uint32_t>(filed_entries_)
                .subspan(file_starts_[first], file_starts_[first + 1] - file_starts_[first]));
    });
    const std::uint64_t h = sound_hash(key);
    auto it = std::partition_point(file.sounds.begin(), file.sounds.end(),
                                   [h](const Sound& s) { return s.key < h; });
    for (; it != file.sounds.end() && it->key == h; ++it) found(entries_[it->entry]);
}

}  // namespace copydesk::spell
