#include "markup/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.hpp"
#include "markup/html_walker.hpp"
#include "markup/quotations.hpp"

namespace copydesk::markup {

namespace {

std::string lower_extension(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

Format format_for_path(std::string_view path) {
    const std::string ext = lower_extension(path);
    constexpr std::array<std::string_view, 4> markdown{"md", "markdown", "mdown", "mkd"};
    constexpr std::array<std::string_view, 3> html{"html", "htm", "xhtml"};
    if (std::find(markdown.begin(), markdown.end(), ext) != markdown.end()) return Format::Markdown;
    if (std::find(html.begin(), html.end(), ext) != html.end()) return Format::Html;
    return Format::Plain;
}

const Reader& reader_for(Format format) {
    static const PlainReader plain;
    static const MarkdownReader markdown;
    static const HtmlReader html;
    switch (format) {
        case Format::Markdown:
            return markdown;
        case Format::Html:
            return html;
        case Format::Plain:
            break;
    }
    return plain;
}

namespace {

// Regions in source order; quotations found in each region's text and mapped to the source.
void finish_document(Document& doc) {
    std::stable_sort(doc.regions.begin(), doc.regions.end(), [](const Region& a, const Region& b) {
        return a.source_span().begin < b.source_span().begin;
    });
    std::stable_sort(
        doc.directives.begin(), doc.directives.end(),
        [](const Directive& a, const Directive& b) { return a.span.begin < b.span.begin; });
    for (const Region& region : doc.regions) {
        for (const Span q : find_quotations(region.text())) {
            doc.quotations.push_back(region.to_source(q));
        }
    }
    std::sort(doc.quotations.begin(), doc.quotations.end());
}

}  // namespace

std::variant<Document, LoadError> load_document(std::string path, std::string bytes, Format format,
                                                const ReadOptions& options) {
    if (bytes.find('\0') != std::string::npos) {
        return LoadError{
            LoadError::Kind::Binary, "binary file (contains NUL bytes), skipped", false, 0, {}};
    }
    Document doc;
    doc.path = std::move(path);
    doc.source = std::move(bytes);
    doc.lines = SourceMap(doc.source);
    if (auto bad = utf8::find_invalid(doc.source)) {
        const auto offset = static_cast<std::uint32_t>(bad->offset);
        return LoadError{LoadError::Kind::InvalidUtf8,
                         "invalid UTF-8 (byte offset " + std::to_string(offset) + ")", true, offset,
                         doc.lines.position(offset)};
    }
    if (format != Format::Plain) {
        if (auto deep = nesting_beyond(doc.source, kMaxHtmlNesting)) {
            return LoadError{LoadError::Kind::TooDeep,
                             "HTML elements nested more than " + std::to_string(kMaxHtmlNesting) +
                                 " deep, not linted",
                             true, *deep, doc.lines.position(*deep)};
        }
    }
    reader_for(format).read(doc, options);
    finish_document(doc);
    return doc;
}

}  // namespace copydesk::markup
