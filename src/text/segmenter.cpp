#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"
#include "text/icu_text.hpp"
#include "text/sentence_breaks.hpp"
#include "text/tokens.hpp"

namespace copydesk::text {

std::string_view to_string(TokenKind kind) {
    switch (kind) {
        case TokenKind::Word:
            return "word";
        case TokenKind::Number:
            return "number";
        case TokenKind::Url:
            return "url";
        case TokenKind::Email:
            return "email";
        case TokenKind::Handle:
            return "handle";
        case TokenKind::Hashtag:
            return "hashtag";
        case TokenKind::Punct:
            return "punct";
        case TokenKind::Space:
            return "space";
        case TokenKind::Symbol:
            return "symbol";
    }
    return "word";
}

namespace {

bool is_space_token(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto byte = static_cast<unsigned char>(s[pos]);
        if (byte < 0x80) {
            if (byte != ' ' && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') {
                return false;
            }
            ++pos;
            continue;
        }
        const char32_t cp = utf8::decode(s, pos);
        const bool space = cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
                           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
                           cp == 0x202F || cp == 0x205F || cp == 0x3000;
        if (!space) return false;
    }
    return true;
}

constexpr auto kAsciiPunct = [] {
    std::array<bool, 0x80> table{};
    for (const char c : std::string_view("!\"'(),-./:;?[]{}"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}();

constexpr bool is_punct_char(char32_t cp) {
    if (cp < 0x80) return kAsciiPunct[cp];
    return (cp >= 0x2010 && cp <= 0x2027) || cp == 0xAB || cp == 0xBB || cp == 0x2039 ||
           cp == 0x203A;
}

}  // namespace

// Where the tokens of a text go as they are made: a chunk that the Segmenter keeps from one
// text to the next, so that a token costs a store, and no std::vector capacity check. Outside
// the anonymous namespace, as Segmenter::Impl holds one.
struct TokenChunk {
    static constexpr std::uint32_t kSize = 1024;
    std::array<Token, kSize> tokens;
    std::array<std::uint32_t, kSize> words;  // indexes of the words among them
    std::array<std::uint32_t, kSize> marks;  // and of the punctuation marks
};

namespace {

// Writes the tokens of a text, in order, to an Analysis whose sentences are set, with what each
// token says about its sentence and the lists of words, marks and sentence starts, as it
// comes: no second pass over the tokens.
class TokenWriter {
  public:
    TokenWriter(Analysis& out, TokenChunk& chunk, std::size_t text_size)
        : out_(&out), chunk_(&chunk), text_size_(text_size) {
        start();
    }

    // Appends a token.
    void add(Span span, TokenKind kind) {
        if (next_ == chunk_->tokens.data() + TokenChunk::kSize) flush();
        // Each token belongs to the sentence it begins in; the last sentence takes every token
        // left.
        if (span.begin >= sentence_end_) {
            while (sentence_ < last_sentence_ && span.begin >= sentence_end_) {
                sentence_end_ = sentence_end(++sentence_);
            }
            looking_ = true;
        }
        // A sentence's first word or number starts it, unless something other than spaces and
        // marks comes first.
        bool starts = false;
        if (kind == TokenKind::Word || kind == TokenKind::Number) {
            starts = looking_;
            looking_ = false;
            if (starts) out_->sentence_starts.push_back(index_of(next_));
        } else if (kind != TokenKind::Space && kind != TokenKind::Punct) {
            looking_ = false;
        }
        Place place = here();
        put(place, span, kind, starts);
        resume(place);
    }

    // What add() changes, for a tokenizer to keep in registers while it adds tokens itself
    // with add_plain().
    struct Place {
        Token* next;                 // where the next token goes
        Token* end;                  // the end of the chunk
        std::uintptr_t index_base;   // the token at p is number (p - index_base) / sizeof(Token)
        std::uint32_t* next_word;    // where the index of the next word goes
        std::uint32_t* next_mark;    // and of the next punctuation mark
        std::uint32_t sentence;      // of the next token, unless it begins at sentence_end
        std::uint32_t sentence_end;  // or later
        bool looking;                // for the first word or number of the sentence
    };
    [[nodiscard]] Place here() const {
        // Unsigned arithmetic, as index_base may lie before the chunk.
        const std::uintptr_t index_base = reinterpret_cast<std::uintptr_t>(chunk_->tokens.data()) -
                                          std::uintptr_t{flushed_} * sizeof(Token);
        return {next_,         chunk_->tokens.data() + TokenChunk::kSize,
                index_base,    next_word_,
                next_mark_,    sentence_,
                sentence_end_, looking_};
    }
    void resume(const Place& place) {
        next_ = place.next;
        next_word_ = place.next_word;
        next_mark_ = place.next_mark;
        looking_ = place.looking;
    }

    // Appends a token at `place` when that is all it takes: the chunk has room, the token is in
    // the sentence of the one before, and it does not start it; else returns false, having
    // done nothing (add() does the rest). Inline: with `kind` a constant, a few instructions.
    [[gnu::always_inline]] static bool add_plain(Place& place, Span span, TokenKind kind) {
        if (place.next == place.end || span.begin >= place.sentence_end) return false;
        if (kind == TokenKind::Word || kind == TokenKind::Number) {
            if (place.looking) return false;
        } else if (kind != TokenKind::Space && kind != TokenKind::Punct) {
            place.looking = false;  // something other than spaces and marks before a first word
        }
        put(place, span, kind, false);
        return true;
    }

    // Places the tokens of the chunk in the Analysis.
    [[gnu::noinline]] void flush() {
        TokenChunk& chunk = *chunk_;
        const auto count = static_cast<std::uint32_t>(next_ - chunk.tokens.data());
        // A text of more than one chunk: room for about a token per two bytes, as most texts
        // hold fewer.
        if (flushed_ == 0 && count == TokenChunk::kSize) out_->tokens.reserve(text_size_ / 2 + 1);
        out_->tokens.insert(out_->tokens.end(), chunk.tokens.data(), next_);
        out_->words.insert(out_->words.end(), chunk.words.data(), next_word_);
        out_->marks.insert(out_->marks.end(), chunk.marks.data(), next_mark_);
        flushed_ += count;
        next_ = chunk_->tokens.data();
        next_word_ = chunk_->words.data();
        next_mark_ = chunk_->marks.data();
    }

    // Puts the tokens not yet there in the Analysis.
    void finish() { flush(); }

    // Takes back the tokens written that begin at `offset` or after: the text from there is to
    // be read another way.
    void truncate(std::uint32_t offset) {
        Token* const first = chunk_->tokens.data();
        while (true) {
            Token last;
            if (next_ != first) {
                if ((next_ - 1)->span.begin < offset) break;
                last = *--next_;
                if (last.kind == TokenKind::Word) --next_word_;
                if (last.kind == TokenKind::Punct) --next_mark_;
            } else {
                if (flushed_ == 0 || out_->tokens.back().span.begin < offset) break;
                last = out_->tokens.back();
                out_->tokens.pop_back();
                if (last.kind == TokenKind::Word) out_->words.pop_back();
                if (last.kind == TokenKind::Punct) out_->marks.pop_back();
                --flushed_;
            }
            if (last.sentence_start) out_->sentence_starts.pop_back();
        }
        // The sentence and the search for its first word, as the tokens left them.
        const std::uint32_t count = flushed_ + static_cast<std::uint32_t>(next_ - first);
        auto token = [&](std::uint32_t i) -> const Token& {
            return i < flushed_ ? out_->tokens[i] : first[i - flushed_];
        };
        sentence_ = count == 0 ? 0 : token(count - 1).sentence;
        sentence_end_ = sentence_end(sentence_);
        looking_ = true;
        for (std::uint32_t i = count; i > 0 && token(i - 1).sentence == sentence_; --i) {
            const TokenKind kind = token(i - 1).kind;
            if (kind != TokenKind::Space && kind != TokenKind::Punct) {
                looking_ = false;
                break;
            }
        }
    }

    // Takes back every token written: the text is to be read another way.
    void abandon() {
        out_->tokens.clear();
        out_->words.clear();
        out_->marks.clear();
        out_->sentence_starts.clear();
        start();
    }

  private:
    static constexpr std::uint32_t kNoEnd = std::numeric_limits<std::uint32_t>::max();

    void start() {
        next_ = chunk_->tokens.data();
        next_word_ = chunk_->words.data();
        next_mark_ = chunk_->marks.data();
        flushed_ = 0;
        sentence_ = 0;
        last_sentence_ =
            out_->sentences.empty() ? 0 : static_cast<std::uint32_t>(out_->sentences.size() - 1);
        sentence_end_ = sentence_end(0);
        looking_ = true;
    }
    // Where sentence `s` ends for its tokens: none end the last.
    [[nodiscard]] std::uint32_t sentence_end(std::uint32_t s) const {
        return s < last_sentence_ ? out_->sentences[s].end : kNoEnd;
    }
    // The index in the Analysis of the token at `at` in the chunk.
    [[nodiscard]] std::uint32_t index_of(const Token* at) const {
        return flushed_ + static_cast<std::uint32_t>(at - chunk_->tokens.data());
    }
    [[gnu::always_inline]] static void put(Place& place, Span span, TokenKind kind, bool starts) {
        Token& t = *place.next;
        t.span = span;
        t.kind = kind;
        t.sentence_start = starts;
        t.sentence = place.sentence;
        const auto index = static_cast<std::uint32_t>(
            (reinterpret_cast<std::uintptr_t>(place.next) - place.index_base) / sizeof(Token));
        if (kind == TokenKind::Word) *place.next_word++ = index;
        if (kind == TokenKind::Punct) *place.next_mark++ = index;
        ++place.next;
    }

    Analysis* out_;
    TokenChunk* chunk_;
    std::size_t text_size_;
    Token* next_ = nullptr;               // in the chunk
    std::uint32_t* next_word_ = nullptr;  // in the chunk
    std::uint32_t* next_mark_ = nullptr;  // in the chunk
    std::uint32_t flushed_ = 0;           // tokens in the Analysis
    std::uint32_t sentence_ = 0;
    std::uint32_t last_sentence_ = 0;
    std::uint32_t sentence_end_ = kNoEnd;  // of sentence_
    bool looking_ = true;                  // for the first word or number of sentence_
};

// ICU keeps "war.The" together (a full stop between letters reads as "U.S"); a full stop
// with two or more letters on each side is a missing space, so it becomes three tokens. A
// token holding a digit is a number, whole.
void push_word(std::string_view text, Span span, TokenWriter& tokens) {
    const std::string_view w = text.substr(span.begin, span.size());
    constexpr unsigned kDigit = 1;
    constexpr unsigned kFullStop = 2;
    static constexpr auto kFlags = [] {
        std::array<std::uint8_t, 256> table{};
        for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = kDigit;
        table['.'] = kFullStop;
        return table;
    }();
    unsigned flags = 0;
    for (const char c : w) flags |= kFlags[static_cast<unsigned char>(c)];
    const bool digit = (flags & kDigit) != 0;
    const bool full_stop = (flags & kFullStop) != 0;
    if (digit || !full_stop) {
        if (digit) {
            tokens.add(span, TokenKind::Number);
        } else {
            tokens.add(span, TokenKind::Word);
        }
        return;
    }
    std::uint32_t piece_begin = span.begin;
    std::size_t search = 0;
    while (true) {
        const std::size_t dot = w.find('.', search);
        if (dot == std::string_view::npos) break;
        const std::size_t next_dot = w.find('.', dot + 1);
        const std::size_t before = span.begin + dot - piece_begin;
        const std::size_t after =
            (next_dot == std::string_view::npos ? w.size() : next_dot) - dot - 1;
        if (before >= 2 && after >= 2) {
            const auto at = static_cast<std::uint32_t>(span.begin + dot);
            tokens.add({piece_begin, at}, TokenKind::Word);
            tokens.add({at, at + 1}, TokenKind::Punct);
            piece_begin = at + 1;
        }
        search = dot + 1;
    }
    tokens.add({piece_begin, span.end}, TokenKind::Word);
}

// A piece of an ICU token left beside a URL, handle or hashtag ("sources." of
// "sources.@agency"): a word, with the punctuation at either end as tokens of its own.
void push_piece(std::string_view text, Span piece, TokenWriter& tokens) {
    auto ascii_punct = [&](std::uint32_t at) {
        const auto c = static_cast<unsigned char>(text[at]);
        return c < 0x80 && is_punct_char(c);
    };
    std::uint32_t begin = piece.begin;
    std::uint32_t end = piece.end;
    for (; begin < end && ascii_punct(begin); ++begin) {
        tokens.add({begin, begin + 1}, TokenKind::Punct);
    }
    while (end > begin && ascii_punct(end - 1)) --end;
    if (begin < end) push_word(text, {begin, end}, tokens);
    for (std::uint32_t at = end; at < piece.end; ++at) {
        tokens.add({at, at + 1}, TokenKind::Punct);
    }
}

std::vector<detail::WordBreak> break_words(icu::BreakIterator& words, std::string_view text) {
    std::vector<detail::WordBreak> out;
    if (text.empty()) return out;
    detail::for_each_break(words, text, [&](int32_t end) {
        const int32_t rule = words.getRuleStatus();
        out.push_back({static_cast<std::uint32_t>(end),
                       !(rule >= UBRK_WORD_NONE && rule < UBRK_WORD_NONE_LIMIT),
                       rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT});
    });
    return out;
}

std::unique_ptr<icu::BreakIterator> make_word_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale("en_US@ss=standard"), status));
    if (U_FAILURE(status) || !words) throw std::runtime_error("ICU: cannot create break iterator");
    return words;
}

// Word_Break classes (UAX #29) of the characters simple_word_breaks handles.
enum class WordClass : std::uint8_t {
    Letter,     // ALetter
    Numeric,    // Numeric
    MidNumLet,  // MidNumLet or Single_Quote: . ' U+2018 U+2019
    MidNum,     // , ;
    Space,      // WSegSpace: U+0020
    CR,
    LF,
    Other,    // everything else of the set: breaks on both sides
    Outside,  // not in the set: the text goes to ICU
};

// The class of a code point in the simple set, or nullopt outside it. '_' (ExtendNumLet),
// '@' (which ICU 72 treats differently from the Unicode default) and every control,
// combining, format or non-Latin character are left to ICU.
constexpr std::optional<WordClass> simple_class(char32_t cp) {
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return WordClass::Letter;
        if (cp >= '0' && cp <= '9') return WordClass::Numeric;
        switch (cp) {
            case '.':
            case '\'':
                return WordClass::MidNumLet;
            case ',':
            case ';':
                return WordClass::MidNum;
            case ' ':
                return WordClass::Space;
            case '\r':
                return WordClass::CR;
            case '\n':
                return WordClass::LF;
            case ':':  // ICU breaks on both sides ("10:30"), unlike UAX #29's MidLetter
            case '\t':
                return WordClass::Other;
            case '_':  // ExtendNumLet
            case '@':  // ICU 72 keeps "x@y.com" and "@me" whole
                return std::nullopt;
            default:
                return cp >= 0x20 && cp < 0x7F ? std::optional(WordClass::Other) : std::nullopt;
        }
    }
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return WordClass::Letter;
    switch (cp) {
        case 0x2018:
        case 0x2019:
            return WordClass::MidNumLet;
        case 0xA0:    // no-break space
        case 0x2013:  // en dash
        case 0x2014:  // em dash
        case 0x201C:
        case 0x201D:
        case 0x2026:  // ellipsis
            return WordClass::Other;
        default:
            return std::nullopt;
    }
}

// The class of each ASCII character (Outside for those simple_class leaves to ICU).
constexpr auto kAsciiClass = [] {
    std::array<WordClass, 0x80> table{};
    for (char32_t c = 0; c < 0x80; ++c) table[c] = simple_class(c).value_or(WordClass::Outside);
    return table;
}();

// The end of the run of ASCII letters and digits from `pos` in `text`; sets `digit` when the
// run holds a digit. Sixteen bytes at a time where SSE2 is there: a word's letters cost a few
// instructions in all, not a table look-up each.
[[gnu::always_inline]] inline std::size_t ascii_word_run(std::string_view text, std::size_t pos,
                                                         bool& digit) {
    const std::size_t size = text.size();
#if defined(__SSE2__)
    for (; pos + 16 <= size; pos += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
        // A letter with 0x20 set is a-z; shifted so that its range starts at -128, a signed
        // compare finds it (every other byte lands at or above -128 + 26). Digits alike.
        const __m128i folded = _mm_or_si128(chunk, _mm_set1_epi8(0x20));
        const __m128i letters = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(0x80 - 'a')),
                                               _mm_set1_epi8(-128 + 26));
        const __m128i digits = _mm_cmplt_epi8(_mm_add_epi8(chunk, _mm_set1_epi8(0x80 - '0')),
                                              _mm_set1_epi8(-128 + 10));
        const auto word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letters, digits)));
        const auto digit_bits = static_cast<unsigned>(_mm_movemask_epi8(digits));
        const unsigned other = ~word & 0xFFFFu;
        if (other != 0) {
            const int length = std::countr_zero(other);
            digit = digit || (digit_bits & ((1u << length) - 1)) != 0;
            return pos + static_cast<std::size_t>(length);
        }
        digit = digit || digit_bits != 0;
    }
#endif
    // Per byte: 1 for an ASCII letter or digit, 3 for a digit.
    static constexpr auto kRun = [] {
        std::array<std::uint8_t, 0x100> table{};
        for (std::size_t c = 0; c < 0x80; ++c) {
            if (kAsciiClass[c] == WordClass::Letter) table[c] = 1;
            if (kAsciiClass[c] == WordClass::Numeric) table[c] = 3;
        }
        return table;
    }();
    unsigned seen = 0;
    for (; pos < size; ++pos) {
        const std::uint8_t flags = kRun[static_cast<unsigned char>(text[pos])];
        if (flags == 0) break;
        seen |= flags;
    }
    digit = digit || (seen & 2) != 0;
    return pos;
}

// One segment of ICU's word iterator over simple text, with what the scan saw of it.
struct SimpleSegment {
    Span span;
    bool word;       // of letters and digits (ICU's UBRK_WORD_LETTER or NUMBER)
    bool digit;      // a word holding an ASCII digit
    bool full_stop;  // a word holding a '.'
    // The token the segment makes when it is not a word: spaces, and line breaks, tabs and
    // no-break spaces (each alone) are space tokens; any other character stands alone as
    // punctuation or a symbol.
    TokenKind kind;
};

// What a segment starting with each ASCII byte is.
enum class AsciiStart : std::uint8_t {
    Word,     // a letter or digit
    Spaces,   // ' ' and the spaces after it
    CR,       // with the LF after it
    Space,    // LF or tab, alone
    Punct,    // alone
    Symbol,   // alone
    Outside,  // a character left to ICU
};
constexpr auto kAsciiStart = [] {
    std::array<AsciiStart, 0x80> table{};
    for (char32_t c = 0; c < 0x80; ++c) {
        switch (kAsciiClass[c]) {
            case WordClass::Letter:
            case WordClass::Numeric:
                table[c] = AsciiStart::Word;
                break;
            case WordClass::Space:
                table[c] = AsciiStart::Spaces;
                break;
            case WordClass::CR:
                table[c] = AsciiStart::CR;
                break;
            case WordClass::LF:
                table[c] = AsciiStart::Space;
                break;
            case WordClass::Outside:
                table[c] = AsciiStart::Outside;
                break;
            default:  // the rest stand alone, at the start of a segment
                table[c] = c == '\t'          ? AsciiStart::Space
                           : is_punct_char(c) ? AsciiStart::Punct
                                              : AsciiStart::Symbol;
                break;
        }
    }
    return table;
}();

// The end of the word whose first character, of class `last` (Letter or Numeric), ends at
// `pos`; sets `digit` when a character after the first is an ASCII digit, and `full_stop` when
// a full stop joins two of its parts.
[[gnu::always_inline]] inline std::size_t word_end(std::string_view text, std::size_t pos,
                                                   WordClass last, bool& digit, bool& full_stop) {
    const std::size_t size = text.size();
    // The class of the character at `at`, and where the next one starts.
    auto class_at = [&](std::size_t at, std::size_t& next) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80) {
            next = at + 1;
            return kAsciiClass[byte];
        }
        std::size_t after = at;  // not `next`, whose address would keep it out of registers
        const char32_t cp = utf8::decode(text, after);
        next = after;
        return simple_class(cp).value_or(WordClass::Outside);
    };
    while (true) {
        // Every digit of a word but the first character is an ASCII one, read here.
        const std::size_t run = pos;
        pos = ascii_word_run(text, pos, digit);
        if (pos != run) last = kAsciiClass[static_cast<unsigned char>(text[pos - 1])];
        if (pos == size) return pos;
        std::size_t after_mid = 0;
        const WordClass m = class_at(pos, after_mid);
        if (m == WordClass::Letter || m == WordClass::Numeric) {  // a Latin letter
            last = m;
            pos = after_mid;
            continue;
        }
        const bool mid =
            m == WordClass::MidNumLet || (m == WordClass::MidNum && last == WordClass::Numeric);
        if (!mid || after_mid == size) return pos;
        std::size_t after_next = 0;
        const WordClass n = class_at(after_mid, after_next);
        if (n != last || (n != WordClass::Letter && n != WordClass::Numeric)) return pos;
        full_stop = full_stop || text[pos] == '.';
        last = n;
        pos = after_next;
    }
}

// The segment of ICU's word iterator that starts at `pos` of `text`, or an empty one when the
// character there is outside the simple set. For these characters the Word_Break rules come
// down to: letters and digits join (WB5, WB8-WB10); a full stop, apostrophe or single quote
// joins two letters, and it or a comma or semicolon joins two digits (WB6, WB7, WB11, WB12);
// spaces join spaces (WB3d), CR joins LF (WB3); every other character stands alone (WB999).
[[gnu::always_inline]] inline SimpleSegment segment_at(std::string_view text, std::size_t pos) {
    const std::size_t size = text.size();
    const auto begin = static_cast<std::uint32_t>(pos);
    auto word = [&](std::size_t end, WordClass first) {
        bool digit = first == WordClass::Numeric;
        bool full_stop = false;
        end = word_end(text, end, first, digit, full_stop);
        return SimpleSegment{
            {begin, static_cast<std::uint32_t>(end)}, true, digit, full_stop, TokenKind::Word};
    };
    auto other = [&](std::size_t end, TokenKind kind) {
        return SimpleSegment{{begin, static_cast<std::uint32_t>(end)}, false, false, false, kind};
    };
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
        std::size_t next = pos;
        const char32_t cp = utf8::decode(text, next);
        const WordClass c = simple_class(cp).value_or(WordClass::Outside);
        if (c == WordClass::Outside) return other(pos, TokenKind::Symbol);
        if (c == WordClass::Letter) return word(next, c);
        // A no-break space; curly quotes and apostrophes, dashes, the ellipsis.
        return other(next, cp == 0xA0          ? TokenKind::Space
                           : is_punct_char(cp) ? TokenKind::Punct
                                               : TokenKind::Symbol);
    }
    switch (kAsciiStart[byte]) {
        case AsciiStart::Word:
            return word(pos + 1, kAsciiClass[byte]);
        case AsciiStart::Spaces: {
            std::size_t end = pos + 1;
            while (end < size && text[end] == ' ') ++end;
            return other(end, TokenKind::Space);
        }
        case AsciiStart::CR:
            return other(pos + 1 < size && text[pos + 1] == '\n' ? pos + 2 : pos + 1,
                         TokenKind::Space);
        case AsciiStart::Space:
            return other(pos + 1, TokenKind::Space);
        case AsciiStart::Punct:
            return other(pos + 1, TokenKind::Punct);
        case AsciiStart::Symbol:
            return other(pos + 1, TokenKind::Symbol);
        case AsciiStart::Outside:
            break;
    }
    return other(pos, TokenKind::Symbol);
}

// segment_at, out of line: for the tokenizer, which reads most segments itself.
[[gnu::noinline]] SimpleSegment next_segment(std::string_view text, std::size_t pos) {
    return segment_at(text, pos);
}

// Calls `emit(segment)` for each segment ICU's word iterator finds in `text` (see segment_at)
// and returns text.size(), or stops at the first character outside the simple set and returns
// its offset (having emitted every segment before it, none past it).
template <class Emit>
std::size_t simple_segments(std::string_view text, Emit&& emit) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const SimpleSegment seg = segment_at(text, pos);
        if (seg.span.empty()) return pos;
        emit(seg);
        pos = seg.span.end;
    }
    return text.size();
}

// Appends the segments of `text` (offsets shifted by `offset`) as simple_word_breaks finds
// them; false, with `out` as it was, for text outside the simple set.
bool append_simple_word_breaks(std::string_view text, std::uint32_t offset,
                               std::vector<detail::WordBreak>& out) {
    const std::size_t old_size = out.size();
    const bool simple = simple_segments(text, [&](const SimpleSegment& seg) {
                            out.push_back({offset + seg.span.end, seg.word});
                        }) == text.size();
    if (!simple) out.resize(old_size);
    return simple;
}

// Whether ICU's word iterator always breaks at `at`, just after a space and before a
// character that is neither a space nor one that attaches to what precedes it (WB4's
// Extend, Format and ZWJ): no Word_Break rule joins across such a place (WB3d joins spaces
// only), so the text on either side can be segmented apart.
bool break_after_space(std::string_view text, std::size_t at) {
    if (at == 0 || at >= text.size() || text[at - 1] != ' ' || text[at] == ' ') return false;
    std::size_t next = at;
    const char32_t cp = utf8::decode(text, next);
    const auto wb = static_cast<UWordBreakValues>(
        u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_WORD_BREAK));
    return wb != U_WB_EXTEND && wb != U_WB_FORMAT && wb != U_WB_ZWJ;
}

// Appends the breaks of `line` (no line break inside), shifted by `offset`. The simple scan
// reads what it can; only the space-delimited stretches around characters outside its set
// ("@ap", "Київ", a zero-width space) go to ICU, so one such character in a long paragraph
// does not send the whole of it.
void append_line_breaks(icu::BreakIterator& icu, std::string_view line, std::uint32_t offset,
                        std::vector<detail::WordBreak>& out) {
    std::size_t from = 0;  // a place where ICU breaks: the start, or just after a space
    while (from < line.size()) {
        const std::string_view rest = line.substr(from);
        const auto base = static_cast<std::uint32_t>(offset + from);
        const std::size_t stop = simple_segments(rest, [&](const SimpleSegment& seg) {
            out.push_back({base + seg.span.end, seg.word});
        });
        if (stop == rest.size()) return;
        // ICU reads from the start of the stretch holding the character (keeping the breaks
        // before it) to the next space after it.
        std::size_t begin = from + stop;
        while (begin > from && line[begin - 1] != ' ') --begin;
        if (!break_after_space(line, begin)) begin = from;
        while (!out.empty() && out.back().end > offset + begin) out.pop_back();
        std::size_t end = line.find(' ', from + stop);
        if (end == std::string_view::npos) end = line.size();
        for (detail::WordBreak b : break_words(icu, line.substr(begin, end - begin))) {
            b.end += static_cast<std::uint32_t>(offset + begin);
            out.push_back(b);
        }
        from = end;
    }
}

// Writes the tokens of `text` from `pos` (where a segment starts) read without ICU, up to the
// first character outside the simple set, and returns its offset (text.size() when there is
// none): what ICU's breaks and append_tokens make of text without URLs, emails, handles or
// hashtags, in one pass. The common cases are read inline: ASCII words that end before a
// character that could not join them, spaces and marks; next_segment reads the others, as it
// would these.
std::size_t write_simple_tokens(std::string_view text, std::size_t pos, TokenWriter& tokens) {
    // Bytes after a run of letters and digits where a word may go on (a full stop, apostrophe,
    // comma or semicolon, and whatever is outside ASCII), and bytes after such a mark that
    // it may join to the run (letters, digits, and whatever is outside ASCII).
    static constexpr auto kMayGoOn = [] {
        std::array<std::uint8_t, 0x100> table{};
        for (std::size_t b = 0; b < 0x100; ++b) {
            const WordClass c = b < 0x80 ? kAsciiClass[b] : WordClass::Outside;
            table[b] = static_cast<std::uint8_t>(
                (b >= 0x80 ? 1 : 0) |
                (c == WordClass::MidNumLet || c == WordClass::MidNum ? 2 : 0) |
                (b >= 0x80 || c == WordClass::Letter || c == WordClass::Numeric ? 4 : 0));
        }
        return table;
    }();
    TokenWriter::Place place = tokens.here();
    const char* const chars = text.data();
    const std::size_t size = text.size();
    // Adds a token from `pos` to `end`, and moves on to `end`.
    auto add = [&](std::size_t end, TokenKind kind) __attribute__((always_inline)) {
        const Span span{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)};
        pos = end;
        if (tokens.add_plain(place, span, kind)) return;
        tokens.resume(place);
        tokens.add(span, kind);
        place = tokens.here();
    };
    // The end of the run of spaces from `from`.
    auto spaces_end = [&](std::size_t from) __attribute__((always_inline)) {
        while (from < size && chars[from] == ' ') ++from;
        return from;
    };
    while (pos < size) {
        const auto byte = static_cast<unsigned char>(chars[pos]);
        if (byte < 0x80) {
            const AsciiStart start = kAsciiStart[byte];
            if (start == AsciiStart::Word) {
                bool digit = byte <= '9';  // a digit: every letter comes after
                const std::size_t end = ascii_word_run(text, pos + 1, digit);
                const bool goes_on = [&] {
                    if (end == size) return false;
                    const std::uint8_t after = kMayGoOn[static_cast<unsigned char>(chars[end])];
                    return (after & 1) != 0 ||
                           ((after & 2) != 0 && end + 1 < size &&
                            (kMayGoOn[static_cast<unsigned char>(chars[end + 1])] & 4) != 0);
                }();
                if (!goes_on) {
                    if (digit) {
                        add(end, TokenKind::Number);
                    } else {
                        add(end, TokenKind::Word);
                    }
                    // Most words have a space after them: read here, not through the top.
                    if (end < size && chars[end] == ' ') add(spaces_end(end + 1), TokenKind::Space);
                    continue;
                }
            } else if (start == AsciiStart::Spaces) {
                add(spaces_end(pos + 1), TokenKind::Space);
                continue;
            } else if (start == AsciiStart::Punct) {
                add(pos + 1, TokenKind::Punct);
                if (pos < size && chars[pos] == ' ') add(spaces_end(pos + 1), TokenKind::Space);
                continue;
            }
        }
        tokens.resume(place);
        const SimpleSegment seg = next_segment(text, pos);
        if (seg.span.empty()) return pos;
        if (!seg.word) {
            tokens.add(seg.span, seg.kind);
        } else if (seg.digit) {
            tokens.add(seg.span, TokenKind::Number);
        } else if (!seg.full_stop) {
            tokens.add(seg.span, TokenKind::Word);
        } else {
            push_word(text, seg.span, tokens);  // "war.The": split at the full stop
        }
        place = tokens.here();
        pos = seg.span.end;
    }
    tokens.resume(place);
    return size;
}

// Writes the tokens of `text` read without ICU, or takes them back and returns false for text
// outside the simple set.
bool append_simple_tokens(std::string_view text, Analysis& out, TokenChunk& chunk) {
    TokenWriter tokens(out, chunk, text.size());
    if (write_simple_tokens(text, 0, tokens) != text.size()) {
        tokens.abandon();
        return false;
    }
    tokens.finish();
    return true;
}

// Appends the tokens of `text` from its word breaks (the first segment starting at `begin`),
// with the URLs, emails, handles and hashtags of `specials` (sorted) replacing every break
// segment they overlap.
void append_tokens(std::string_view text, const std::vector<detail::WordBreak>& breaks,
                   const std::vector<SpecialSpan>& specials, TokenWriter& tokens,
                   std::uint32_t begin = 0) {
    std::size_t next_special = 0;
    std::uint32_t covered = 0;  // text up to here already has tokens
    for (const detail::WordBreak& brk : breaks) {
        const std::uint32_t end = brk.end;
        const Span span{begin, end};
        begin = end;
        // A URL, email, handle or hashtag replaces every ICU token it overlaps; the parts of
        // an ICU token outside them ("#newshttps://..." holds two) keep tokens of their own.
        while (next_special < specials.size() && specials[next_special].span.end <= span.begin) {
            ++next_special;
        }
        if (next_special < specials.size() && specials[next_special].span.overlaps(span)) {
            std::uint32_t at = std::max(span.begin, covered);
            for (std::size_t k = next_special;
                 k < specials.size() && specials[k].span.begin < span.end; ++k) {
                const SpecialSpan& sp = specials[k];
                if (at < sp.span.begin) push_piece(text, {at, sp.span.begin}, tokens);
                if (sp.span.end > covered) tokens.add(sp.span, sp.kind);
                covered = std::max(covered, sp.span.end);
                at = std::max(at, sp.span.end);
            }
            if (at < span.end) {
                push_piece(text, {at, span.end}, tokens);
                covered = span.end;
            }
            continue;
        }
        if (span.end <= covered) continue;
        const std::string_view piece = text.substr(span.begin, span.size());
        if (brk.word) {
            if (brk.number) {
                tokens.add(span, TokenKind::Number);
            } else {
                push_word(text, span, tokens);
            }
            continue;
        }
        TokenKind kind;
        if (is_space_token(piece)) {
            kind = TokenKind::Space;
        } else {
            std::size_t pos = 0;
            kind = is_punct_char(utf8::decode(piece, pos)) ? TokenKind::Punct : TokenKind::Symbol;
        }
        tokens.add(span, kind);
    }
}

// Writes the tokens of text without URLs, emails, handles or hashtags from its first character
// outside the simple set, at `stop`, write_simple_tokens having written the tokens before it:
// the tokens append_tokens makes of word_breaks_by_line's breaks. Those breaks come from ICU
// for the space-delimited stretch of a line around each such character, and from the simple
// scan everywhere else, which write_simple_tokens reads as it makes the same tokens of the
// same segments, in one pass; the tokens it wrote of the stretch are taken back.
void write_tokens_by_stretch(std::string_view text, std::size_t stop, TokenWriter& tokens,
                             icu::BreakIterator& icu) {
    std::size_t from = 0;  // a place where ICU breaks: the start, after a stretch, a line break
    while (stop < text.size()) {
        // As append_line_breaks finds it: from the start of the stretch holding the character
        // (or from `from`, or the start of its line) to the next space after it, in its line.
        std::size_t lower = from;
        for (std::size_t at = stop; at > from; --at) {
            if (text[at - 1] == '\n' || text[at - 1] == '\r') {
                lower = at;
                break;
            }
        }
        std::size_t begin = stop;
        while (begin > lower && text[begin - 1] != ' ') --begin;
        if (!break_after_space(text, begin)) begin = lower;
        const std::size_t end = std::min(text.find(' ', stop), utf8::find_line_break(text, stop));
        tokens.truncate(static_cast<std::uint32_t>(begin));
        std::vector<detail::WordBreak> breaks = break_words(icu, text.substr(begin, end - begin));
        for (detail::WordBreak& b : breaks) b.end += static_cast<std::uint32_t>(begin);
        append_tokens(text, breaks, {}, tokens, static_cast<std::uint32_t>(begin));
        from = end;
        stop = write_simple_tokens(text, from, tokens);
    }
}

}  // namespace

namespace detail {

std::optional<std::vector<WordBreak>> simple_word_breaks(std::string_view text) {
    std::vector<WordBreak> out;
    if (!append_simple_word_breaks(text, 0, out)) return std::nullopt;
    return out;
}

// UAX #29 always breaks before and after a line break (WB3a, WB3b), so each line is
// segmented on its own: a colon-free, ASCII line need not wait for ICU because another line
// holds a Greek word.
std::vector<WordBreak> word_breaks_by_line(icu::BreakIterator& icu, std::string_view text) {
    std::vector<WordBreak> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = utf8::find_line_break(text, at);
        if (end > at) {
            const std::string_view line = text.substr(at, end - at);
            const auto offset = static_cast<std::uint32_t>(at);
            append_line_breaks(icu, line, offset, out);
        }
        if (end == text.size()) break;
        at = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
        out.push_back({static_cast<std::uint32_t>(at), false});
    }
    return out;
}

std::vector<WordBreak> word_breaks(icu::BreakIterator& icu, std::string_view text) {
    std::vector<WordBreak> out;
    if (append_simple_word_breaks(text, 0, out)) return out;
    return word_breaks_by_line(icu, text);
}

std::vector<WordBreak> word_breaks(std::string_view text) {
    return word_breaks(*make_word_iterator(), text);
}

std::vector<WordBreak> icu_word_breaks(std::string_view text) {
    return break_words(*make_word_iterator(), text);
}

std::optional<std::vector<Token>> simple_tokens(std::string_view text) {
    Analysis out;
    if (!append_simple_tokens(text, out, *std::make_unique<TokenChunk>())) return std::nullopt;
    return std::move(out.tokens);
}

std::vector<Token> tokens_from_breaks(std::string_view text, const std::vector<WordBreak>& breaks) {
    Analysis out;
    const auto chunk = std::make_unique<TokenChunk>();
    TokenWriter tokens(out, *chunk, text.size());
    append_tokens(text, breaks, {}, tokens);
    tokens.finish();
    return std::move(out.tokens);
}

}  // namespace detail

struct Segmenter::Impl {
    std::unique_ptr<icu::BreakIterator> words = make_word_iterator();
    std::unique_ptr<icu::BreakIterator> sentences;  // made when a text first needs it
    std::unique_ptr<TokenChunk> chunk = std::make_unique<TokenChunk>();
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

Analysis Segmenter::analyze(std::string_view text) {
    Analysis out;
    if (text.empty()) return out;

    std::uint32_t sentence_begin = 0;
    const std::vector<std::uint32_t> sentence_ends =
        detail::sentence_breaks(impl_->sentences, text);
    out.sentences.reserve(sentence_ends.size());
    out.sentence_starts.reserve(sentence_ends.size());
    for (const std::uint32_t end : sentence_ends) {
        out.sentences.push_back({sentence_begin, end});
        sentence_begin = end;
    }

    for (std::size_t pos = utf8::skip_ascii(text, 0); pos < text.size();
         pos = utf8::skip_ascii(text, pos)) {
        out.non_ascii.push_back(static_cast<std::uint32_t>(pos));
        utf8::decode(text, pos);
    }

    const std::vector<SpecialSpan> specials = find_special_spans(text);
    out.web_free = specials.empty();  // only these become URL, email, handle or hashtag tokens
    // ICU's word iterator is the costliest step of linting; most prose does not need it, and
    // most paragraphs hold no URL, email, handle or hashtag: those are read in one pass. Either
    // way each token's sentence, and the lists of words, marks and sentence starts, are worked
    // out as the tokens are written.
    TokenWriter tokens(out, *impl_->chunk, text.size());
    if (specials.empty()) {
        const std::size_t stop = write_simple_tokens(text, 0, tokens);
        // A character outside the simple set: ICU reads the stretch around each such.
        if (stop != text.size()) write_tokens_by_stretch(text, stop, tokens, *impl_->words);
    } else {
        append_tokens(text, detail::word_breaks(*impl_->words, text), specials, tokens);
    }
    tokens.finish();
    return out;
}

}  // namespace copydesk::text
