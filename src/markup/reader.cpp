#include "markup/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.hpp"

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
    // Markdown and HTML readers slot in here; until then they read as plain text.
    static const PlainReader plain;
    (void)format;
    return plain;
}

std::variant<Document, LoadError> load_document(std::string path, std::string bytes,
                                                Format format) {
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
    reader_for(format).read(doc);
    return doc;
}

}  // namespace copydesk::markup
