#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
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

bool is_punct_char(char32_t cp) {
    static constexpr auto kAsciiPunct = [] {
        std::array<bool, 0x80> table{};
        for (const char c : std::string_view("!\"'(),-./:;?[]{}"))
            table[static_cast<unsigned char>(c)] = true;
        return table;
    }();
    if (cp < 0x80) return kAsciiPunct[cp];
    return (cp >= 0x2010 && cp <= 0x2027) || cp == 0xAB || cp == 0xBB || cp == 0x2039 ||
           cp == 0x203A;
}

// ICU keeps "war.The" together (a full stop between letters reads as "U.S"); a full stop
// with two or more letters on each side is a missing space, so it becomes three tokens. A
// token holding a digit is a number, whole.
void push_word(std::string_view text, Span span, std::vector<Token>& tokens) {
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
        tokens.push_back({span, digit ? TokenKind::Number : TokenKind::Word});
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
            tokens.push_back({{piece_begin, at}, TokenKind::Word});
            tokens.push_back({{at, at + 1}, TokenKind::Punct});
            piece_begin = at + 1;
        }
        search = dot + 1;
    }
    tokens.push_back({{piece_begin, span.end}, TokenKind::Word});
}

// A piece of an ICU token left beside a URL, handle or hashtag ("sources." of
// "sources.@agency"): a word, with the punctuation at either end as tokens of its own.
void push_piece(std::string_view text, Span piece, std::vector<Token>& tokens) {
    auto ascii_punct = [&](std::uint32_t at) {
        const auto c = static_cast<unsigned char>(text[at]);
        return c < 0x80 && is_punct_char(c);
    };
    std::uint32_t begin = piece.begin;
    std::uint32_t end = piece.end;
    for (; begin < end && ascii_punct(begin); ++begin) {
        tokens.push_back({{begin, begin + 1}, TokenKind::Punct});
    }
    while (end > begin && ascii_punct(end - 1)) --end;
    if (begin < end) push_word(text, {begin, end}, tokens);
    for (std::uint32_t at = end; at < piece.end; ++at) {
        tokens.push_back({{at, at + 1}, TokenKind::Punct});
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

bool letter_or_digit(WordClass c) {
    return c == WordClass::Letter || c == WordClass::Numeric;
}

// One segment of ICU's word iterator over simple text, with what the scan saw of it.
struct SimpleSegment {
    Span span;
    WordClass first;  // the class of its first character
    bool digit;       // a letter-or-digit segment holding an ASCII digit
    bool full_stop;   // a letter-or-digit segment holding a '.'
};

// Calls `emit(segment)` for each segment ICU's word iterator finds in `text` and returns
// text.size(), or stops at the first character outside the simple set and returns its offset
// (having emitted every segment before it, none past it). For these characters
// the Word_Break rules come down to: letters and digits join (WB5, WB8-WB10); a full stop,
// apostrophe or single quote joins two letters, and it or a comma or semicolon joins two
// digits (WB6, WB7, WB11, WB12); spaces join spaces (WB3d), CR joins LF (WB3); every other
// character stands alone (WB999).
template <class Emit>
std::size_t simple_segments(std::string_view text, Emit&& emit) {
    static constexpr auto kAscii = [] {
        std::array<WordClass, 0x80> table{};
        for (char32_t c = 0; c < 0x80; ++c) table[c] = simple_class(c).value_or(WordClass::Outside);
        return table;
    }();
    // Per byte: kLetterFlag for an ASCII letter or digit, with kDigitFlag for a digit.
    constexpr std::uint8_t kLetterFlag = 1;
    constexpr std::uint8_t kDigitFlag = 2;
    static constexpr auto kRun = [] {
        std::array<std::uint8_t, 0x100> table{};
        for (std::size_t c = 0; c < 0x80; ++c) {
            if (kAscii[c] == WordClass::Letter) table[c] = kLetterFlag;
            if (kAscii[c] == WordClass::Numeric) table[c] = kLetterFlag | kDigitFlag;
        }
        return table;
    }();
    const std::size_t size = text.size();
    // The class of the character at `at`, and where the next one starts.
    auto class_at = [&](std::size_t at, std::size_t& next) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80) {
            next = at + 1;
            return kAscii[byte];
        }
        next = at;
        return simple_class(utf8::decode(text, next)).value_or(WordClass::Outside);
    };
    std::size_t pos = 0;
    while (pos < size) {
        std::size_t next = 0;
        const WordClass c = class_at(pos, next);
        const auto begin = static_cast<std::uint32_t>(pos);
        if (letter_or_digit(c)) {
            bool digit = false;
            bool full_stop = false;
            WordClass last = c;
            pos = next;
            while (true) {
                digit = digit || last == WordClass::Numeric;
                // The rest of an ASCII run of letters and digits: one table look-up a byte,
                // its flags gathered, and the class of the run's last byte read after it.
                const std::size_t run = pos;
                unsigned seen = 0;
                while (pos < size) {
                    const std::uint8_t flags = kRun[static_cast<unsigned char>(text[pos])];
                    if (flags == 0) break;
                    seen |= flags;
                    ++pos;
                }
                if (pos != run) {
                    digit = digit || (seen & kDigitFlag) != 0;
                    last = kAscii[static_cast<unsigned char>(text[pos - 1])];
                }
                if (pos == size) break;
                std::size_t after_mid = 0;
                const WordClass m = class_at(pos, after_mid);
                if (m == WordClass::Letter || m == WordClass::Numeric) {  // a Latin letter
                    last = m;
                    pos = after_mid;
                    continue;
                }
                const bool mid = m == WordClass::MidNumLet ||
                                 (m == WordClass::MidNum && last == WordClass::Numeric);
                if (!mid || after_mid == size) break;
                std::size_t after_next = 0;
                const WordClass n = class_at(after_mid, after_next);
                if (n != last || (n != WordClass::Letter && n != WordClass::Numeric)) break;
                full_stop = full_stop || text[pos] == '.';
                last = n;
                pos = after_next;
            }
            emit(SimpleSegment{{begin, static_cast<std::uint32_t>(pos)}, c, digit, full_stop});
            continue;
        }
        switch (c) {
            case WordClass::Outside:
                return pos;
            case WordClass::Space:
                pos = next;
                while (pos < size && text[pos] == ' ') ++pos;
                break;
            case WordClass::CR:
                pos = next < size && text[next] == '\n' ? next + 1 : next;
                break;
            default:
                pos = next;
                break;
        }
        emit(SimpleSegment{{begin, static_cast<std::uint32_t>(pos)}, c, false, false});
    }
    return size;
}

// Appends the segments of `text` (offsets shifted by `offset`) as simple_word_breaks finds
// them; false, with `out` as it was, for text outside the simple set.
bool append_simple_word_breaks(std::string_view text, std::uint32_t offset,
                               std::vector<detail::WordBreak>& out) {
    const std::size_t old_size = out.size();
    const bool simple = simple_segments(text, [&](const SimpleSegment& seg) {
                            out.push_back({offset + seg.span.end, letter_or_digit(seg.first)});
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
            out.push_back({base + seg.span.end, letter_or_digit(seg.first)});
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

// The tokens of `text` read without ICU, or false (with `tokens` as they were) for text
// outside the simple set: what ICU's breaks and append_tokens make of text without URLs,
// emails, handles or hashtags, in one pass.
bool append_simple_tokens(std::string_view text, std::vector<Token>& tokens) {
    const std::size_t old_size = tokens.size();
    const std::size_t stop = simple_segments(text, [&](const SimpleSegment& seg) {
        if (letter_or_digit(seg.first)) {
            if (seg.digit) {
                tokens.push_back({seg.span, TokenKind::Number});
            } else if (!seg.full_stop) {
                tokens.push_back({seg.span, TokenKind::Word});
            } else {
                push_word(text, seg.span, tokens);  // "war.The": split at the full stop
            }
            return;
        }
        // Spaces, and line breaks, tabs and no-break spaces (each alone) are space tokens;
        // any other character stands alone as punctuation or a symbol.
        TokenKind kind = TokenKind::Space;
        if (seg.first != WordClass::Space && seg.first != WordClass::CR &&
            seg.first != WordClass::LF && text[seg.span.begin] != '\t') {
            std::size_t at = seg.span.begin;
            const char32_t cp = utf8::decode(text, at);
            kind = cp == 0xA0 ? TokenKind::Space
                              : (is_punct_char(cp) ? TokenKind::Punct : TokenKind::Symbol);
        }
        tokens.push_back({seg.span, kind});
    });
    const bool simple = stop == text.size();
    if (!simple) tokens.resize(old_size);
    return simple;
}

// Appends the tokens of `text` from its word breaks, with the URLs, emails, handles and
// hashtags of `specials` (sorted) replacing every break segment they overlap.
void append_tokens(std::string_view text, const std::vector<detail::WordBreak>& breaks,
                   const std::vector<SpecialSpan>& specials, std::vector<Token>& tokens) {
    std::size_t next_special = 0;
    std::uint32_t covered = 0;  // text up to here already has tokens
    std::uint32_t begin = 0;
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
                if (sp.span.end > covered) tokens.push_back({sp.span, sp.kind});
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
                tokens.push_back({span, TokenKind::Number});
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
        tokens.push_back({span, kind});
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
    std::vector<Token> out;
    if (!append_simple_tokens(text, out)) return std::nullopt;
    return out;
}

std::vector<Token> tokens_from_breaks(std::string_view text, const std::vector<WordBreak>& breaks) {
    std::vector<Token> out;
    append_tokens(text, breaks, {}, out);
    return out;
}

}  // namespace detail

struct Segmenter::Impl {
    std::unique_ptr<icu::BreakIterator> words = make_word_iterator();
    std::unique_ptr<icu::BreakIterator> sentences;  // made when a text first needs it
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
    // most paragraphs hold no URL, email, handle or hashtag: those are read in one pass.
    out.tokens.reserve(text.size() / 2 + 1);
    if (!specials.empty()) {
        append_tokens(text, detail::word_breaks(*impl_->words, text), specials, out.tokens);
    } else if (!append_simple_tokens(text, out.tokens)) {
        append_tokens(text, detail::word_breaks_by_line(*impl_->words, text), specials, out.tokens);
    }

    // Sentence membership, sentence by sentence (the last sentence takes every token left),
    // and the lists of words and marks in the same pass. Each token's index is written to both
    // lists and kept where it is of the kind: no branch to mispredict, and no zeroing of the
    // scratch lists.
    Token* const tokens = out.tokens.data();
    const std::size_t count = out.tokens.size();
    const auto scratch = std::make_unique_for_overwrite<std::uint32_t[]>(2 * count);
    std::uint32_t* const words = scratch.get();
    std::uint32_t* const marks = words + count;
    std::size_t word_count = 0;
    std::size_t mark_count = 0;
    const std::size_t sentences = std::max<std::size_t>(out.sentences.size(), 1);
    std::uint32_t i = 0;
    for (std::uint32_t s = 0; s < sentences && i < count; ++s) {
        const std::uint32_t end =
            s + 1 < sentences ? out.sentences[s].end : std::numeric_limits<std::uint32_t>::max();
        const std::uint32_t first = i;
        for (; i < count && tokens[i].span.begin < end; ++i) {
            tokens[i].sentence = s;
            const TokenKind kind = tokens[i].kind;
            words[word_count] = i;
            word_count += kind == TokenKind::Word ? 1 : 0;
            marks[mark_count] = i;
            mark_count += kind == TokenKind::Punct ? 1 : 0;
        }
        // Its first word or number, unless something other than spaces and marks comes first.
        for (std::uint32_t k = first; k < i; ++k) {
            const TokenKind kind = tokens[k].kind;
            if (kind == TokenKind::Word || kind == TokenKind::Number) {
                tokens[k].sentence_start = true;
                out.sentence_starts.push_back(k);
                break;
            }
            if (kind != TokenKind::Space && kind != TokenKind::Punct) break;
        }
    }
    out.words.assign(words, words + word_count);
    out.marks.assign(marks, marks + mark_count);
    return out;
}

}  // namespace copydesk::text
