#include "lsp/positions.hpp"

#include "core/utf8.hpp"

namespace copydesk::lsp {

std::string_view to_string(Encoding e) {
    return e == Encoding::Utf8 ? "utf-8" : "utf-16";
}

namespace {

// Code units of the code point introduced by lead byte `b` in encoding `e`.
std::uint32_t units(unsigned char b, Encoding e) {
    const int len = utf8::sequence_length(b);
    if (e == Encoding::Utf8) return static_cast<std::uint32_t>(len);
    return len == 4 ? 2 : 1;  // astral code points are a surrogate pair
}

}  // namespace

LspPosition PositionMap::to_lsp(std::uint32_t offset, Encoding e) const {
    if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
    const std::uint32_t line = lines_.line_of(offset);
    const std::uint32_t start = lines_.line_start(line);
    // Counted a word at a time: a one-line document of thousands of findings asks this of
    // each, from the line's start.
    const std::string_view before = text_.substr(start, offset - start);
    const auto character = static_cast<std::uint32_t>(
        e == Encoding::Utf8 ? before.size() : utf8::count_utf16_units(before));
    return {line - 1, character};
}

std::optional<std::uint32_t> PositionMap::to_offset(LspPosition p, Encoding e) const {
    if (p.line >= lines_.line_count()) {
        if (p.line == lines_.line_count() && p.character == 0) {
            return static_cast<std::uint32_t>(text_.size());
        }
        return std::nullopt;
    }
    const std::string_view line = lines_.line_text(p.line + 1);
    const std::uint32_t start = lines_.line_start(p.line + 1);
    std::uint32_t i = 0;
    std::uint32_t counted = 0;
    while (i < line.size()) {
        const auto b = static_cast<unsigned char>(line[i]);
        const std::uint32_t u = units(b, e);
        if (counted + u > p.character) break;
        counted += u;
        i += static_cast<std::uint32_t>(utf8::sequence_length(b));
    }
    if (i > line.size()) i = static_cast<std::uint32_t>(line.size());
    return start + i;
}

}  // namespace copydesk::lsp
