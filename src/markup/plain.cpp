#include <string_view>

#include "markup/reader.hpp"

namespace copydesk::markup {

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
}

}  // namespace

// Paragraphs are runs of non-blank lines; line breaks inside a paragraph stay in its text.
void PlainReader::read(Document& doc) const {
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
