#include "rules/quotes.hpp"

#include <array>

#include "core/utf8.hpp"
#include "rules/scan.hpp"
#include "text/casing.hpp"

namespace copydesk::rules {

namespace {

constexpr char32_t kLeftDouble = 0x201C;
constexpr char32_t kRightDouble = 0x201D;
constexpr char32_t kLeftSingle = 0x2018;
constexpr char32_t kRightSingle = 0x2019;

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}

// Before an opening quote: the start, a space, an opening bracket, a dash, another quote.
bool open_context(char32_t prev) {
    if (prev == 0 || is_space_char(prev)) return true;
    constexpr std::u32string_view openers = U"([{—–-/“‘\"'«";
    return openers.find(prev) != std::u32string_view::npos;
}

// After a closing quote: the end, a space, punctuation, a closing bracket, another quote.
bool close_context(char32_t next) {
    if (next == 0 || is_space_char(next)) return true;
    constexpr std::u32string_view closers = U".,;:!?)]}—–-…”’\"'»";
    return closers.find(next) != std::u32string_view::npos;
}

// Words that begin with an apostrophe: "’n’", "’em", "’til", "’tis", "’cause".
bool elision_after(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size()) {
        std::size_t next = end;
        if (!is_word_char(utf8::decode(text, next))) break;
        end = next;
    }
    const std::string word = text::to_lower(text.substr(at, end - at));
    constexpr std::array<std::string_view, 14> kElisions{"n",     "em",   "til",   "tis",  "twas",
                                                         "cause", "bout", "round", "cept", "nuff",
                                                         "kay",   "s",    "d",     "cuz"};
    for (std::string_view e : kElisions) {
        if (word == e) return true;
    }
    return false;
}

}  // namespace

std::vector<QuoteMark> find_quote_marks(const RegionText& where) {
    const std::string_view text = where.text();
    const std::vector<Span> web = web_spans(where);
    std::vector<QuoteMark> out;
    std::size_t pos = 0;
    static constexpr utf8::ByteSet kQuoteStops("\"'", true);  // and every curly mark
    while (pos < text.size()) {
        pos = utf8::find_byte_of(text, pos, kQuoteStops);  // most of a text
        if (pos == text.size()) break;
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(text, pos);
        if (cp != '"' && cp != '\'' && cp != kLeftDouble && cp != kRightDouble &&
            cp != kLeftSingle && cp != kRightSingle)
            continue;
        if (inside_any(web, static_cast<std::uint32_t>(at))) continue;
        QuoteMark m;
        m.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)};
        m.curly = cp != '"' && cp != '\'';
        m.is_double = cp == '"' || cp == kLeftDouble || cp == kRightDouble;
        const char32_t prev = code_point_before(text, at);
        const char32_t next = code_point_at(text, pos);
        const bool word_before = is_word_char(prev);
        const bool word_after = is_word_char(next);
        switch (cp) {
            case kLeftDouble:
                m.role = QuoteRole::Open;
                break;
            case kRightDouble:
                m.role = QuoteRole::Close;
                break;
            case kLeftSingle:
                m.role = is_digit(next) || elision_after(text, pos) ? QuoteRole::Apostrophe
                                                                    : QuoteRole::Open;
                break;
            case '"':
                if (is_digit(prev)) {
                    m.role = QuoteRole::Measure;
                } else if (open_context(prev) && next != 0 && !is_space_char(next)) {
                    m.role = QuoteRole::Open;
                } else if (!open_context(prev) && close_context(next)) {
                    m.role = QuoteRole::Close;
                }
                break;
            default:  // ’ and '
                if (cp == '\'' && is_digit(prev) && is_digit(next)) {
                    m.role = QuoteRole::Measure;  // 6'2"
                } else if (word_before && word_after) {
                    m.role = QuoteRole::Apostrophe;
                } else if (open_context(prev) && (is_digit(next) || elision_after(text, pos))) {
                    m.role = QuoteRole::Apostrophe;
                } else if (open_context(prev) && word_after) {
                    m.role = QuoteRole::Open;
                } else if (!open_context(prev) && close_context(next)) {
                    m.role = QuoteRole::Close;
                } else {
                    m.role = QuoteRole::Apostrophe;
                }
                break;
        }
        out.push_back(m);
    }
    return out;
}

std::span<const QuoteMark> quote_marks(const Context& ctx, std::size_t region) {
    using ByRegion = std::vector<std::vector<QuoteMark>>;
    static constexpr char kKey = 0;
    return ctx.shared<ByRegion>(&kKey, [&] {
        ByRegion out;
        out.reserve(ctx.regions().size());
        for (const RegionText& where : ctx.regions()) out.push_back(find_quote_marks(where));
        return out;
    })[region];
}

bool starts_with_open_quote(const RegionText& where) {
    const std::string_view text = where.text();
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    const char32_t cp = code_point_at(text, first);
    return cp == kLeftDouble || cp == '"';
}

std::string curly_form(const QuoteMark& m) {
    switch (m.role) {
        case QuoteRole::Open:
            return m.is_double ? "\u201C" : "\u2018";
        case QuoteRole::Close:
            return m.is_double ? "\u201D" : "\u2019";
        case QuoteRole::Apostrophe:
            return m.is_double ? "" : "\u2019";
        default:
            return "";
    }
}

}  // namespace copydesk::rules
