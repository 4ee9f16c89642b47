#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"
#include "text/tokens.hpp"

namespace copydesk::text {

namespace {

// Byte classes, from a table: every byte of a text is classified here, several times.
enum CharClass : std::uint8_t {
    kAlnum = 1,
    kAlpha = 2,
    kSpace = 4,
    kUrl = 8,         // may appear inside a URL (RFC 3986 plus a few common in pasted links)
    kEmailLocal = 16  // a letter, digit or one of "_%+-" (the '.' of a local part aside)
};
constexpr std::array<std::uint8_t, 256> kCharClass = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 128; ++c) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool alnum = alpha || (c >= '0' && c <= '9');
        std::uint8_t bits = 0;
        if (alnum) bits |= kAlnum | kUrl | kEmailLocal;
        if (alpha) bits |= kAlpha;
        if (std::string_view(" \t\n\r\f").find(static_cast<char>(c)) != std::string_view::npos)
            bits |= kSpace;
        if (std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(static_cast<char>(c)) !=
            std::string_view::npos)
            bits |= kUrl;
        if (std::string_view("_%+-").find(static_cast<char>(c)) != std::string_view::npos)
            bits |= kEmailLocal;
        table[static_cast<std::size_t>(c)] = bits;
    }
    return table;
}();
bool has_class(char c, CharClass k) {
    return (kCharClass[static_cast<unsigned char>(c)] & k) != 0;
}

bool is_alnum(char c) {
    return has_class(c, kAlnum);
}
bool is_alpha(char c) {
    return has_class(c, kAlpha);
}
bool is_space(char c) {
    return has_class(c, kSpace);
}
bool is_non_ascii(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
bool is_url_char(char c) {
    return has_class(c, kUrl);
}

// Top-level domains that make a bare "name.tld" read as a web address.
// Common English words ("in", "it", "me", "us") are left out: "said.it" is a missing space.
constexpr std::array<std::string_view, 34> kTlds{
    "com", "org",  "net", "gov", "edu", "int", "mil",  "io",  "uk", "ca", "de", "fr",
    "eu",  "ua",   "ru",  "cn",  "jp",  "au",  "info", "biz", "tv", "ly", "ai", "app",
    "dev", "news", "nz",  "ie",  "za",  "br",  "nl",   "ch",  "se", "pl"};

bool is_tld(std::string_view s) {
    return std::find(kTlds.begin(), kTlds.end(), s) != kTlds.end();
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
    if (at + prefix.size() > s.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[at + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

std::size_t matched_scheme_length(std::string_view s, std::size_t at) {
    for (std::string_view scheme : {"https://", "http://", "ftp://"}) {
        if (starts_with_ci(s, at, scheme)) return scheme.size();
    }
    return 0;
}

inline std::size_t scheme_length(std::string_view s, std::size_t at) {
    // Asked at almost every byte of a text: most bytes are not an 'h' or an 'f', and both
    // schemes have a 't' second, which most words with an 'h' ("the") have not.
    const char first = static_cast<char>(s[at] | 0x20);
    if (first != 'h' && first != 'f') return 0;
    if (at + 1 >= s.size() || (s[at + 1] | 0x20) != 't') return 0;
    return matched_scheme_length(s, at);
}

// Trims sentence punctuation that follows a URL rather than belonging to it.
std::size_t trim_url_end(std::string_view s, std::size_t begin, std::size_t end) {
    while (end > begin) {
        const char c = s[end - 1];
        if (c == ')') {
            const auto body = s.substr(begin, end - begin);
            if (std::count(body.begin(), body.end(), '(') >=
                std::count(body.begin(), body.end(), ')'))
                break;
        } else if (std::string_view(".,;:!?'\"]").find(c) == std::string_view::npos) {
            break;
        }
        --end;
    }
    return end;
}

std::size_t scan_url_chars(std::string_view s, std::size_t at) {
    while (at < s.size() && is_url_char(s[at])) ++at;
    return at;
}

// "example.com/path", "bbc.co.uk": labels separated by dots ending in a known TLD.
std::size_t bare_domain_end(std::string_view s, std::size_t at, bool any_tld = false) {
    std::size_t i = at;
    std::size_t labels = 0;
    std::size_t last_label_begin = at;
    while (true) {
        const std::size_t label_begin = i;
        while (i < s.size() && (is_alnum(s[i]) || s[i] == '-')) ++i;
        if (i == label_begin) return 0;
        ++labels;
        last_label_begin = label_begin;
        if (i + 1 < s.size() && s[i] == '.' && is_alnum(s[i + 1])) {
            ++i;
            continue;
        }
        break;
    }
    if (labels < 2) return 0;
    const std::string_view tld = s.substr(last_label_begin, i - last_label_begin);
    // After an "@" any alphabetic top-level domain will do: "desk@example.be".
    const bool alphabetic = tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), is_alpha);
    if (any_tld ? !alphabetic : !is_tld(tld)) return 0;
    return i;
}

// Every kind of span needs one of these: "://", "@", "#", or a dot before a letter or digit
// ("www.", "example.com"). Most runs of text between white space have none.
constexpr utf8::ByteSet kSpecialTriggers(".:@#");
bool triggers_special(std::string_view s, std::size_t at) {  // s[at] is in kSpecialTriggers
    switch (s[at]) {
        case '.':
            return at + 1 < s.size() && is_alnum(s[at + 1]);
        case ':':  // "said:", "10:30" are not
            return s.substr(at + 1, 2) == "//";
        default:
            return true;
    }
}

// The special spans in s[begin, run_end), a run of text between white space (no span crosses
// white space, so each run can be read on its own).
void find_special_spans_in(std::string_view s, std::size_t begin, std::size_t run_end,
                           std::vector<SpecialSpan>& out) {
    std::size_t i = begin;
    auto push = [&](std::size_t b, std::size_t e, TokenKind k) {
        out.push_back({{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}, k});
        i = e;
    };
    while (i < run_end) {
        const char c = s[i];
        if (is_space(c) || is_non_ascii(c)) {
            ++i;
            continue;
        }
        const bool at_word_start = i == 0 || !is_alnum(s[i - 1]);
        if (std::size_t scheme = scheme_length(s, i); scheme != 0) {
            const std::size_t end = trim_url_end(s, i, scan_url_chars(s, i + scheme));
            if (end > i + scheme) {
                push(i, end, TokenKind::Url);
                continue;
            }
        }
        if (at_word_start && starts_with_ci(s, i, "www.") && i + 4 < s.size() &&
            is_alnum(s[i + 4])) {
            push(i, trim_url_end(s, i, scan_url_chars(s, i)), TokenKind::Url);
            continue;
        }
        if (c == '@' && i + 1 < s.size() && (is_alnum(s[i + 1]) || s[i + 1] == '_') &&
            (i == 0 || !is_alnum(s[i - 1]))) {
            std::size_t e = i + 1;
            while (e < s.size() && (is_alnum(s[e]) || s[e] == '_')) ++e;
            push(i, e, TokenKind::Handle);
            continue;
        }
        if (c == '#' && i + 1 < s.size() && (is_alpha(s[i + 1]) || is_non_ascii(s[i + 1])) &&
            (i == 0 || !is_alnum(s[i - 1]))) {
            std::size_t e = i + 1;
            while (e < s.size() && (is_alnum(s[e]) || s[e] == '_' || is_non_ascii(s[e]))) {
                if (scheme_length(s, e) != 0) break;  // "#newshttps://..." is two things
                ++e;
            }
            push(i, e, TokenKind::Hashtag);
            continue;
        }
        if (at_word_start && is_alnum(c)) {
            // An email: local@domain.tld.
            std::size_t e = i;
            bool dot = false;
            for (; e < s.size(); ++e) {
                const char x = s[e];
                if (x == '.') {
                    dot = true;
                } else if (!has_class(x, kEmailLocal)) {
                    break;
                }
            }
            if (e < s.size() && s[e] == '@' && e > i) {
                if (std::size_t d = bare_domain_end(s, e + 1, true); d != 0) {
                    push(i, d, TokenKind::Email);
                    continue;
                }
            }
            // A domain's labels (letters, digits, '-') and dots lie within that run: without
            // a dot in it there is none.
            if (std::size_t d = dot ? bare_domain_end(s, i) : 0; d != 0) {
                std::size_t end = d;
                if (end < s.size() && s[end] == '/')
                    end = trim_url_end(s, i, scan_url_chars(s, end));
                // A bare domain must not continue into a word ("example.comment").
                if (end >= s.size() || !is_alnum(s[end])) {
                    push(i, end, TokenKind::Url);
                    continue;
                }
            }
            // Skip the word, but not a link glued to its end: "posthttps://t.co/x".
            const std::size_t word = i;
            while (i < s.size() && is_alnum(s[i])) {
                if (i > word && scheme_length(s, i) != 0) break;
                ++i;
            }
            continue;
        }
        ++i;
    }
}

}  // namespace

std::vector<SpecialSpan> find_special_spans(std::string_view s) {
    std::vector<SpecialSpan> out;
    std::size_t i = 0;  // at the start of the text or of white space
    while (true) {
        std::size_t at = utf8::find_byte_of(s, i, kSpecialTriggers);
        while (at < s.size() && !triggers_special(s, at))
            at = utf8::find_byte_of(s, at + 1, kSpecialTriggers);
        if (at == s.size()) break;
        std::size_t begin = at;
        while (begin > i && !is_space(s[begin - 1])) --begin;
        std::size_t end = at;
        while (end < s.size() && !is_space(s[end])) ++end;
        find_special_spans_in(s, begin, end, out);
        i = end;
    }
    return out;
}

}  // namespace copydesk::text
