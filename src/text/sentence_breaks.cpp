#include "text/sentence_breaks.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utext.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"
#include "text/icu_text.hpp"
#include "text/tokens.hpp"

namespace copydesk::text {
namespace {

// Sentence_Break classes (UAX #29) of the characters simple_sentence_breaks handles.
enum class SentenceClass : std::uint8_t {
    Unsupported,  // Extend, Format, Sep, controls and every character beyond the tables
    Other,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
};

constexpr bool is_terminator(SentenceClass c) {
    return c == SentenceClass::ATerm || c == SentenceClass::STerm;
}

// Latin-1 with Latin Extended-A and B, and General Punctuation (dashes, curly quotes, ellipsis).
constexpr char32_t kLatinEnd = 0x250;
constexpr char32_t kPunctuationBegin = 0x2000;
constexpr char32_t kPunctuationEnd = 0x2070;

struct SentenceClassTable {
    std::array<SentenceClass, kLatinEnd> latin{};
    std::array<SentenceClass, kPunctuationEnd - kPunctuationBegin> punctuation{};
    // Bytes the main loop must stop at: terminators, unsupported ASCII and every non-ASCII
    // byte. The others (letters, digits, spaces, most punctuation) only matter as the
    // character before a terminator.
    std::array<bool, 256> stop{};
    // Whether every stop byte is a candidate (see stop_candidates), so that the main loop may
    // look for candidates sixteen bytes at a time.
    bool candidates_cover_stops = false;
};

// Bytes that may be stop bytes: controls, DEL, every non-ASCII byte and the terminators of
// ASCII. Line breaks are candidates that do not stop.
constexpr bool is_stop_candidate(unsigned char b) {
    return b < 0x20 || b >= 0x7F || b == '.' || b == '!' || b == '?';
}

#if defined(__SSE2__)
// A bit for each of the 16 bytes at `p` that is a stop candidate (bit k for byte k).
unsigned stop_candidates(const char* p) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed, bytes of 0x80 and above are below 0x20 too.
    __m128i hits = _mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20));
    for (const char c : {'\x7F', '.', '!', '?'}) {
        hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(c)));
    }
    return static_cast<unsigned>(_mm_movemask_epi8(hits));
}
#endif

SentenceClass class_from_icu(char32_t cp) {
    if (cp == '\r' || cp == '\n') return SentenceClass::Sp;  // line breaks are read as spaces
    const auto c = static_cast<UChar32>(cp);
    if (cp != '\t' && u_charType(c) == U_CONTROL_CHAR) return SentenceClass::Unsupported;
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_OTHER:
            return SentenceClass::Other;
        case U_SB_SP:
            return SentenceClass::Sp;
        case U_SB_LOWER:
            return SentenceClass::Lower;
        case U_SB_UPPER:
            return SentenceClass::Upper;
        case U_SB_OLETTER:
            return SentenceClass::OLetter;
        case U_SB_NUMERIC:
            return SentenceClass::Numeric;
        case U_SB_ATERM:
            return SentenceClass::ATerm;
        case U_SB_STERM:
            return SentenceClass::STerm;
        case U_SB_CLOSE:
            return SentenceClass::Close;
        case U_SB_SCONTINUE:
            return SentenceClass::SContinue;
        default:
            return SentenceClass::Unsupported;
    }
}

// Filled once from ICU's own property data, so the classes are those of the linked ICU.
const SentenceClassTable& sentence_classes() {
    static const SentenceClassTable table = [] {
        SentenceClassTable t;
        for (char32_t cp = 0; cp < kLatinEnd; ++cp) t.latin[cp] = class_from_icu(cp);
        for (char32_t cp = kPunctuationBegin; cp < kPunctuationEnd; ++cp) {
            t.punctuation[cp - kPunctuationBegin] = class_from_icu(cp);
        }
        t.candidates_cover_stops = true;
        for (std::size_t b = 0; b < t.stop.size(); ++b) {
            t.stop[b] =
                b >= 0x80 || is_terminator(t.latin[b]) || t.latin[b] == SentenceClass::Unsupported;
            if (t.stop[b] && !is_stop_candidate(static_cast<unsigned char>(b))) {
                t.candidates_cover_stops = false;  // another ICU's classes: byte by byte
            }
        }
        return t;
    }();
    return table;
}

// The text as the sentence rules and ICU's abbreviation filter read it: line breaks are spaces.
class SentenceText {
  public:
    explicit SentenceText(std::string_view text) : text_(text), table_(sentence_classes()) {}

    [[nodiscard]] std::size_t size() const { return text_.size(); }

    // The first byte at or after `pos` where SentenceClassTable::stop is set, or size().
    [[nodiscard]] std::size_t skip_plain_ascii(std::size_t pos) const {
#if defined(__SSE2__)
        if (table_.candidates_cover_stops) {
            for (; pos + 16 <= text_.size(); pos += 16) {
                for (unsigned mask = stop_candidates(text_.data() + pos); mask != 0;
                     mask &= mask - 1) {
                    const std::size_t at = pos + static_cast<std::size_t>(std::countr_zero(mask));
                    if (table_.stop[static_cast<unsigned char>(text_[at])]) return at;
                }
            }
        }
#endif
        while (pos < text_.size() && !table_.stop[static_cast<unsigned char>(text_[pos])]) ++pos;
        return pos;
    }
    // The class of the ASCII character at `pos`.
    [[nodiscard]] SentenceClass ascii_class(std::size_t pos) const {
        return table_.latin[static_cast<unsigned char>(text_[pos])];
    }

    // The class of the character at `pos`; moves `pos` past it.
    SentenceClass next_class(std::size_t& pos) const {
        const auto b = static_cast<unsigned char>(text_[pos]);
        if (b < 0x80) {
            ++pos;
            return table_.latin[b];
        }
        const char32_t cp = decode(pos);
        if (cp < kLatinEnd) return table_.latin[cp];
        if (cp >= kPunctuationBegin && cp < kPunctuationEnd) {
            return table_.punctuation[cp - kPunctuationBegin];
        }
        return SentenceClass::Unsupported;
    }

    // The character at `pos`; moves `pos` past it.
    char32_t next_char(std::size_t& pos) const {
        return as_read(decode(pos));
    }

    // The character before `pos` (> 0); moves `pos` to its first byte.
    char32_t previous_char(std::size_t& pos) const {
        do {
            --pos;
        } while (pos > 0 && utf8::is_continuation(static_cast<unsigned char>(text_[pos])));
        std::size_t at = pos;
        return as_read(decode(at));
    }

  private:
    static char32_t as_read(char32_t cp) {
        return cp == '\r' || cp == '\n' ? U' ' : cp;
    }

    // Code points up to U+FFFF; anything else, malformed or longer, reads as U+FFFF (which no
    // table holds, so such text goes to ICU).
    char32_t decode(std::size_t& pos) const {
        auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text_[i]); };
        auto continues = [&](std::size_t i) {
            return i < text_.size() && utf8::is_continuation(byte(i));
        };
        auto bits = [&](std::size_t i) { return char32_t{byte(i)} & 0x3F; };
        const unsigned char lead = byte(pos);
        if (lead < 0x80) {
            ++pos;
            return lead;
        }
        if (lead >= 0xC2 && lead < 0xE0 && continues(pos + 1)) {
            const char32_t cp = (char32_t{lead} & 0x1F) << 6 | bits(pos + 1);
            pos += 2;
            return cp;
        }
        if (lead >= 0xE0 && lead < 0xF0 && continues(pos + 1) && continues(pos + 2)) {
            const char32_t cp = (char32_t{lead} & 0x0F) << 12 | bits(pos + 1) << 6 | bits(pos + 2);
            pos += 3;
            return cp >= 0x800 ? cp : 0xFFFF;  // an overlong form is malformed
        }
        ++pos;
        return 0xFFFF;
    }

    std::string_view text_;
    const SentenceClassTable& table_;
};

// A trie of UTF-16 strings answering like ICU's UCharsTrie::next.
class AbbreviationTrie {
  public:
    enum class Step : std::uint8_t { NoMatch, NoValue, IntermediateValue, FinalValue };
    static constexpr std::uint32_t kRoot = 0;

    static bool has_next(Step s) { return s == Step::NoValue || s == Step::IntermediateValue; }
    static bool matches(Step s) { return s == Step::IntermediateValue || s == Step::FinalValue; }

    void add(std::u16string_view s, int value) {
        std::uint32_t node = kRoot;
        for (const char16_t c : s) {
            const auto child = find(node, c);
            if (child) {
                node = *child;
                continue;
            }
            const auto added = static_cast<std::uint32_t>(nodes_.size());
            nodes_[node].children.emplace_back(c, added);
            if (nodes_[node].children.size() == kDenseFrom) make_dense(node);
            if (nodes_[node].dense != kNotDense && c < 0x80) dense_[nodes_[node].dense][c] = added;
            nodes_.emplace_back();
            node = added;
        }
        nodes_[node].value = value;
    }

    [[nodiscard]] bool empty() const { return nodes_.size() == 1; }

    // Follows `c` from `node`; `node` is unchanged on NoMatch.
    Step next(std::uint32_t& node, char32_t c) const {
        // The simple set is within the BMP, where UCharsTrie::nextForCodePoint reads one unit.
        const auto child = c <= 0xFFFF ? find(node, static_cast<char16_t>(c)) : std::nullopt;
        if (!child) return Step::NoMatch;
        node = *child;
        const Node& n = nodes_[node];
        if (n.value < 0) return Step::NoValue;
        return n.children.empty() ? Step::FinalValue : Step::IntermediateValue;
    }

    [[nodiscard]] int value(std::uint32_t node) const { return nodes_[node].value; }

  private:
    // A node with this many children or more (the root of the reversed abbreviations has one
    // for nearly every letter) finds its ASCII children in a table of its own, not by reading
    // them all: every sentence end is looked up from the root.
    static constexpr std::size_t kDenseFrom = 8;
    static constexpr std::uint32_t kNotDense = std::numeric_limits<std::uint32_t>::max();
    struct Node {
        std::vector<std::pair<char16_t, std::uint32_t>> children;
        int value = -1;
        std::uint32_t dense = kNotDense;  // its table in dense_
    };

    void make_dense(std::uint32_t node) {
        nodes_[node].dense = static_cast<std::uint32_t>(dense_.size());
        auto& table = dense_.emplace_back();  // 0: no child (no child is the root)
        for (const auto& [unit, child] : nodes_[node].children) {
            if (unit < 0x80) table[unit] = child;
        }
    }
    [[nodiscard]] std::optional<std::uint32_t> find(std::uint32_t node, char16_t c) const {
        const Node& n = nodes_[node];
        if (n.dense != kNotDense && c < 0x80) {
            const std::uint32_t child = dense_[n.dense][c];
            return child == kRoot ? std::nullopt : std::optional(child);
        }
        for (const auto& [unit, child] : n.children) {
            if (unit == c) return child;
        }
        return std::nullopt;
    }

    std::vector<Node> nodes_ = std::vector<Node>(1);
    std::vector<std::array<std::uint32_t, 0x80>> dense_;
};

// The abbreviations after which ICU's "ss=standard" filter suppresses a sentence break ("Mr.",
// "U.S.", "Ph.D."), arranged as SimpleFilteredBreakIteratorBuilder::build arranges them
// (i18n/filteredbrk.cpp), and its test SimpleFilteredSentenceBreakIterator::breakExceptionAt.
class SentenceExceptions {
  public:
    explicit SentenceExceptions(std::vector<std::u16string> abbreviations) {
        constexpr int kSuppressInReverse = 1;
        constexpr int kAddToForward = 2;
        // ICU keeps them in a sorted set.
        std::sort(abbreviations.begin(), abbreviations.end());
        abbreviations.erase(std::unique(abbreviations.begin(), abbreviations.end()),
                            abbreviations.end());
        const std::size_t count = abbreviations.size();
        std::vector<int> partials(count, 0);
        // An abbreviation with a full stop inside ("Ph.D.") is found backwards by its part up
        // to that full stop ("Ph."), then checked forwards whole, and so is every abbreviation
        // that starts with that part ("Ph." itself): ICU's marking, in the set's order.
        for (std::size_t i = 0; i < count; ++i) {
            const std::u16string& s = abbreviations[i];
            const std::size_t stop = s.find(u'.');
            if (stop == std::u16string::npos || stop + 1 == s.size()) continue;
            const std::u16string_view prefix = std::u16string_view(s).substr(0, stop + 1);
            bool same_as_earlier = false;
            for (std::size_t j = 0; j < count; ++j) {
                if (j == i || !abbreviations[j].starts_with(prefix)) continue;
                if (partials[j] == 0) {
                    partials[j] = kSuppressInReverse | kAddToForward;
                } else if ((partials[j] & kSuppressInReverse) != 0) {
                    same_as_earlier = true;
                }
            }
            if (!same_as_earlier && partials[i] == 0) {
                backwards_.add(std::u16string(prefix.rbegin(), prefix.rend()), kPartial);
                partials[i] = kSuppressInReverse | kAddToForward;
            }
        }
        for (std::size_t i = 0; i < count; ++i) {
            const std::u16string& s = abbreviations[i];
            if (partials[i] == 0) {
                backwards_.add(std::u16string(s.rbegin(), s.rend()), kMatch);
            } else {
                forwards_.add(s, kMatch);
            }
        }
    }

    // Whether ICU drops its sentence break at `at` (0 < at < text.size()).
    [[nodiscard]] bool suppressed(const SentenceText& text, std::size_t at) const {
        using Step = AbbreviationTrie::Step;
        if (backwards_.empty()) return false;
        std::size_t pos = at;
        {
            // ICU assumes one space after the abbreviation ("Mr. |Brown") and steps over it.
            std::size_t before = pos;
            if (text.previous_char(before) == U' ') pos = before;
        }
        std::uint32_t node = AbbreviationTrie::kRoot;
        Step step = Step::IntermediateValue;
        std::optional<std::size_t> best_pos;
        int best_value = -1;
        while (pos > 0) {
            step = backwards_.next(node, text.previous_char(pos));
            if (!AbbreviationTrie::has_next(step)) break;
            if (step == Step::IntermediateValue) {
                best_pos = pos;
                best_value = backwards_.value(node);
            }
        }
        if (AbbreviationTrie::matches(step)) {
            best_pos = pos;
            best_value = backwards_.value(node);
        }
        if (!best_pos) return false;
        if (best_value == kMatch) return true;
        if (best_value != kPartial || forwards_.empty()) return false;
        // "Ph." was found backwards: the whole abbreviation must follow from its start.
        node = AbbreviationTrie::kRoot;
        step = Step::IntermediateValue;
        for (pos = *best_pos; pos < text.size();) {
            step = forwards_.next(node, text.next_char(pos));
            if (!AbbreviationTrie::has_next(step)) break;
        }
        return AbbreviationTrie::matches(step);
    }

  private:
    static constexpr int kPartial = 1;
    static constexpr int kMatch = 2;

    AbbreviationTrie backwards_;  // reversed: ".rM" for "Mr.", ".hP" for "Ph.D."
    AbbreviationTrie forwards_;   // whole: "Ph.D."
};

struct BundleCloser {
    void operator()(UResourceBundle* b) const { ures_close(b); }
};
using BundlePtr = std::unique_ptr<UResourceBundle, BundleCloser>;

// ICU's English list (brkitr data, exceptions/SentenceBreak). BreakIterator::makeInstance
// builds its filter for the language alone, so "en" rather than "en_US".
std::vector<std::u16string> load_english_abbreviations() {
    std::vector<std::u16string> out;
    UErrorCode status = U_ZERO_ERROR;
    const BundlePtr bundle(
        ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status));
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return out;
    const BundlePtr exceptions(ures_getByKey(bundle.get(), "exceptions", nullptr, &status));
    const BundlePtr breaks(ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &status));
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return out;
    const int32_t size = ures_getSize(breaks.get());
    for (int32_t i = 0; i < size; ++i) {
        int32_t length = 0;
        const UChar* s = ures_getStringByIndex(breaks.get(), i, &length, &status);
        if (U_FAILURE(status)) return {};
        out.emplace_back(s, s + length);
    }
    return out;
}

// Loaded once and never changed, so every thread's segmenter shares it.
const SentenceExceptions& english_exceptions() {
    static const SentenceExceptions exceptions(load_english_abbreviations());
    return exceptions;
}

// UAX #29 rules SB6-SB11 over the classes above (none of Sep, CR, LF, Extend, Format occurs,
// so SB3-SB5 never apply), then ICU's abbreviation filter at each break.
std::optional<std::vector<std::uint32_t>> breaks_without_icu(std::string_view text,
                                                             const SentenceExceptions& exceptions) {
    using C = SentenceClass;
    const SentenceText chars(text);
    const std::size_t n = text.size();
    std::vector<std::uint32_t> out;
    // Room for a sentence every 64 bytes: news sentences run longer, so most texts need one
    // allocation, not one for each doubling.
    constexpr std::size_t kShortSentence = 64;
    out.reserve(n / kShortSentence + 1);
    // SB8: after ATerm Close* Sp*, a lower-case letter ahead before any other letter or
    // terminator keeps the sentence going ("e.g. the", "5 p.m. (local) time").
    auto lower_follows = [&](std::size_t at) {
        while (at < n) {
            const C c = chars.next_class(at);
            if (c == C::Lower) return true;
            if (c == C::OLetter || c == C::Upper || is_terminator(c) || c == C::Unsupported) {
                return false;
            }
        }
        return false;
    };
    bool after_letter = false;  // the previous character is Upper or Lower (SB7)
    std::size_t pos = 0;
    while (pos < n) {
        if (const std::size_t run = chars.skip_plain_ascii(pos); run > pos) {
            const C last = chars.ascii_class(run - 1);
            after_letter = last == C::Upper || last == C::Lower;
            pos = run;
            if (pos == n) break;
        }
        const C c = chars.next_class(pos);
        if (c == C::Unsupported) return std::nullopt;
        if (!is_terminator(c)) {
            after_letter = c == C::Upper || c == C::Lower;
            continue;
        }
        C term = c;
        bool letter_before = after_letter;
        while (true) {
            // SB9, SB10: the terminator keeps Close* Sp* after it.
            const std::size_t term_end = pos;
            std::size_t at = pos;
            std::size_t after = pos;
            C next = C::Other;
            bool spaces = false;
            while (at < n) {
                after = at;
                next = chars.next_class(after);
                if (next == C::Sp || (next == C::Close && !spaces)) {
                    spaces = spaces || next == C::Sp;
                    at = after;
                    continue;
                }
                break;
            }
            if (at == n) {
                pos = n;
                break;
            }
            if (next == C::Unsupported) return std::nullopt;
            if (is_terminator(next)) {  // SB8a: "?!", ". . ."
                term = next;
                letter_before = false;
                pos = after;
                continue;
            }
            const bool adjacent = at == term_end;
            const bool joined =
                next == C::SContinue ||                                                 // SB8a
                (term == C::ATerm && adjacent && next == C::Numeric) ||                 // SB6
                (term == C::ATerm && adjacent && next == C::Upper && letter_before) ||  // SB7
                (term == C::ATerm && lower_follows(at));                                // SB8
            if (!joined && !exceptions.suppressed(chars, at)) {
                out.push_back(static_cast<std::uint32_t>(at));  // SB11
            }
            pos = at;  // the scan goes on from the character after the terminator's run
            after_letter = false;
            break;
        }
    }
    if (n > 0) out.push_back(static_cast<std::uint32_t>(n));
    return out;
}

std::vector<std::uint32_t> icu_breaks(icu::BreakIterator& sentences, std::string_view text) {
    std::vector<std::uint32_t> out;
    if (text.empty()) return out;
    // A hard-wrapped paragraph is still one run of prose: line breaks are read as spaces
    // (same byte length, so offsets are unchanged).
    std::string unwrapped(text);
    std::replace_if(
        unwrapped.begin(), unwrapped.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    detail::for_each_break(sentences, unwrapped,
                           [&](int32_t end) { out.push_back(static_cast<std::uint32_t>(end)); });
    return out;
}

}  // namespace

namespace detail {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" keeps "Mr. Smith" and "U.S. officials" in one sentence.
    std::unique_ptr<icu::BreakIterator> sentences(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
    if (U_FAILURE(status) || !sentences) {
        throw std::runtime_error("ICU: cannot create break iterators");
    }
    return sentences;
}

std::optional<std::vector<std::uint32_t>> simple_sentence_breaks(std::string_view text) {
    return breaks_without_icu(text, english_exceptions());
}

std::vector<std::uint32_t> sentence_breaks(std::unique_ptr<icu::BreakIterator>& icu,
                                           std::string_view text) {
    auto breaks = breaks_without_icu(text, english_exceptions());
    if (breaks) return std::move(*breaks);
    if (!icu) icu = make_sentence_iterator();
    return icu_breaks(*icu, text);
}

std::vector<std::uint32_t> icu_sentence_breaks(std::string_view text) {
    return icu_breaks(*make_sentence_iterator(), text);
}

}  // namespace detail
}  // namespace copydesk::text
