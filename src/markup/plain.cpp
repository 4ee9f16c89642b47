#include <optional>
#include <string_view>

#include "markup/directive.hpp"
#include "markup/reader.hpp"

namespace copydesk::markup {

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
}

// A line that is only a directive, bare (`copydesk-disable spelling`) or in an HTML comment.
std::optional<Directive> directive_line(std::string_view text, std::uint32_t start) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    const Span whole{start + static_cast<std::uint32_t>(first),
                     start + static_cast<std::uint32_t>(last + 1)};
    std::string_view body = text.substr(first, last + 1 - first);
    std::uint32_t at = whole.begin;
    if (body.starts_with("<!--") && body.ends_with("-->") && body.size() >= 7) {
        body = body.substr(4, body.size() - 7);
        at += 4;
    }
    return parse_directive(body, at, whole);
}

}  // namespace

// Paragraphs are runs of non-blank lines; line breaks inside a paragraph stay in its text.
void PlainReader::read(Document& doc, const ReadOptions& options) const {
    (void)options;
    const std::string_view src = doc.source;
    const std::uint32_t bom = src.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::uint32_t para_begin = 0;
    std::uint32_t para_end = 0;
    bool in_para = false;

    auto flush = [&] {
        if (!in_para) return;
        Region region(Scope::Paragraph);
        region.append_verbatim(src.substr(para_begin, para_end - para_begin),
                               {para_begin, para_end});
        doc.regions.push_back(std::move(region));
        in_para = false;
    };

    for (std::uint32_t line = 1; line <= doc.lines.line_count(); ++line) {
        std::uint32_t start = std::max(doc.lines.line_start(line), bom);
        std::string_view text = doc.lines.line_text(line);
        if (line == 1) text.remove_prefix(bom);
        if (is_blank(text)) {
            flush();
            continue;
        }
        if (auto directive = directive_line(text, start)) {
            flush();
            doc.directives.push_back(std::move(*directive));
            continue;
        }
        const auto lead = static_cast<std::uint32_t>(text.find_first_not_of(" \t"));
        if (!in_para) {
            para_begin = start + lead;
            in_para = true;
        }
        para_end = start + static_cast<std::uint32_t>(text.size());
    }
    flush();
}

}  // namespace copydesk::markup
