#include "rules/scan.hpp"

#include <algorithm>
#include <cstdio>

#include "core/utf8.hpp"
#include "text/unicode.hpp"

namespace copydesk::rules {

std::string code_point_label(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::vector<Span> web_spans(const RegionText& where) {
    std::vector<Span> out;
    if (where.analysis.web_free) return out;
    for (const text::Token& t : where.analysis.tokens) {
        using K = text::TokenKind;
        if (t.kind == K::Url || t.kind == K::Email || t.kind == K::Handle || t.kind == K::Hashtag)
            out.push_back(t.span);
    }
    return out;
}

bool inside_any(const std::vector<Span>& spans, std::uint32_t offset) {
    auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                               [](std::uint32_t o, Span s) { return o < s.end; });
    return it != spans.end() && it->begin <= offset;
}

LineSpans::Iterator::Iterator(std::string_view text, std::size_t begin)
    : text_(text), begin_(begin) {
    if (begin_ <= text_.size()) end_ = utf8::find_line_break(text_, begin_);
}

LineSpans::Iterator& LineSpans::Iterator::operator++() {
    if (end_ == text_.size()) {
        begin_ = text_.size() + 1;  // the last line, which may be empty, is done
        return *this;
    }
    std::size_t next = end_;
    if (text_[next] == '\r' && next + 1 < text_.size() && text_[next + 1] == '\n') ++next;
    begin_ = next + 1;
    end_ = utf8::find_line_break(text_, begin_);
    return *this;
}

Span trim(std::string_view text, Span span) {
    while (span.begin < span.end &&
           std::string_view(" \t\r\n").find(text[span.begin]) != std::string_view::npos)
        ++span.begin;
    while (span.end > span.begin &&
           std::string_view(" \t\r\n").find(text[span.end - 1]) != std::string_view::npos)
        --span.end;
    return span;
}

char32_t code_point_before(std::string_view text, std::size_t at) {
    if (at == 0) return 0;
    std::size_t b = at - 1;
    while (b > 0 && utf8::is_continuation(static_cast<unsigned char>(text[b]))) --b;
    return utf8::decode(text, b);
}

char32_t code_point_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    return utf8::decode(text, at);
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return text::is_letter(cp) || (cp >= 0x300 && cp <= 0x36F);
}

bool is_space_char(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
           cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
}

}  // namespace copydesk::rules
