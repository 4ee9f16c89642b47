#include "markup/quotations.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/utf8.hpp"

namespace copydesk::markup {

namespace {

constexpr char32_t kLeftDouble = 0x201C;
constexpr char32_t kRightDouble = 0x201D;
constexpr char32_t kLowDouble = 0x201E;
constexpr char32_t kLeftSingle = 0x2018;
constexpr char32_t kRightSingle = 0x2019;
constexpr char32_t kLeftGuillemet = 0xAB;
constexpr char32_t kRightGuillemet = 0xBB;

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

bool is_letter_or_digit(char32_t c) {
    if (c < 0x80) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    // Non-ASCII: letters of every script, but not punctuation or symbols.
    return !(c >= 0x2000 && c <= 0x206F) && !is_space(c) && c != kLeftGuillemet &&
           c != kRightGuillemet && c != 0xFFFC;
}

bool is_letter(char32_t c) {
    return is_letter_or_digit(c) && !(c >= '0' && c <= '9');
}

// Before an opening mark: the start, a space, an opening bracket, a dash or another mark.
bool opens_after(char32_t prev) {
    return prev == 0 || is_space(prev) || prev == '(' || prev == '[' || prev == '{' ||
           prev == '-' || prev == '/' || prev == 0x2013 || prev == 0x2014 || prev == kLeftDouble ||
           prev == kLeftSingle || prev == kLowDouble || prev == kLeftGuillemet || prev == '"' ||
           prev == 0xFFFC;
}

// 'em, 'til, rock 'n' roll: a leading apostrophe, not an opening quote.
bool is_elision(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 9> kElided{
        "em", "til", "tis", "twas", "cause", "bout", "round", "n", "nuff"};
    std::size_t end = at;
    std::string word;
    while (end < text.size() &&
           ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z'))) {
        word += static_cast<char>(text[end] | 0x20);
        ++end;
    }
    if (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) return false;
    return std::find(kElided.begin(), kElided.end(), word) != kElided.end();
}

}  // namespace

std::vector<Span> find_quotations(std::string_view text) {
    enum class Open { None, Double, Straight, Single, StraightSingle, Guillemet };
    std::vector<Span> found;
    Open open = Open::None;
    std::size_t open_at = 0;
    char32_t prev = 0;
    std::size_t pos = 0;
    static constexpr utf8::ByteSet kQuoteStops("\"'", true);  // and every curly mark
    while (pos < text.size()) {
        // Only quotation marks open or close a quotation: other ASCII passes straight by.
        if (const std::size_t to = utf8::find_byte_of(text, pos, kQuoteStops); to != pos) {
            prev = static_cast<unsigned char>(text[to - 1]);
            pos = to;
            if (pos == text.size()) break;
        }
        const std::size_t at = pos;
        const char32_t c = utf8::decode(text, pos);
        std::size_t peek = pos;
        const char32_t next = pos < text.size() ? utf8::decode(text, peek) : 0;
        const bool opening = opens_after(prev) && next != 0 && !is_space(next);
        const bool closing = prev != 0 && !is_space(prev);
        auto close = [&] {
            found.push_back({static_cast<std::uint32_t>(open_at), static_cast<std::uint32_t>(pos)});
            open = Open::None;
        };
        switch (open) {
            case Open::None:
                if (c == kLeftDouble || c == kLowDouble) {
                    open = Open::Double;
                } else if (c == kLeftGuillemet) {
                    open = Open::Guillemet;
                } else if (c == '"' && opening) {
                    open = Open::Straight;
                } else if (c == kLeftSingle && opening && is_letter(next) &&
                           !is_elision(text, pos)) {
                    open = Open::Single;
                } else if (c == '\'' && opening && is_letter(next) && !is_elision(text, pos)) {
                    open = Open::StraightSingle;
                }
                if (open != Open::None) open_at = at;
                break;
            case Open::Double:  // „…“ closes with a left mark
                if (c == kRightDouble || (c == kLeftDouble && closing && !is_letter(next))) {
                    close();
                }
                break;
            case Open::Straight:
                if (c == kRightDouble || (c == '"' && closing)) close();
                break;
            case Open::Single:
                if (c == kRightSingle && closing && !is_letter_or_digit(next)) close();
                break;
            case Open::StraightSingle:
                if (c == '\'' && closing && !is_letter_or_digit(next)) close();
                break;
            case Open::Guillemet:
                if (c == kRightGuillemet) close();
                break;
        }
        prev = c;
    }
    // A straight single quote left open is more likely an elision ('em, 'til) than a
    // quotation running on.
    if (open != Open::None && open != Open::StraightSingle) {
        found.push_back(
            {static_cast<std::uint32_t>(open_at), static_cast<std::uint32_t>(text.size())});
    }
    return found;
}

}  // namespace copydesk::markup
