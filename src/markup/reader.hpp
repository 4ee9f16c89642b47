#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/document.hpp"

namespace copydesk::markup {

enum class Format { Plain, Markdown, Html };

// Chooses the reader by file extension (.md .markdown .mdown .mkd; .html .htm .xhtml);
// everything else is plain text.
Format format_for_path(std::string_view path);

// Why a file's bytes cannot be linted. `offset` is meaningful when `has_position`.
struct LoadError {
    enum class Kind { Binary, InvalidUtf8, TooDeep };
    Kind kind;
    std::string message;
    bool has_position = false;
    std::uint32_t offset = 0;
    Position position;
};

struct ReadOptions {
    // Front-matter keys (Markdown) whose values are prose; the rest of the front matter is
    // skipped.
    std::vector<std::string> front_matter_keys{"title", "description", "summary"};
};

// A markup reader fills `doc.regions` (one per block) and `doc.directives` from `doc.source`,
// mapping every prose byte back to it.
class Reader {
  public:
    virtual ~Reader() = default;
    virtual void read(Document& doc, const ReadOptions& options) const = 0;
};

// Paragraphs are runs of non-blank lines. A line holding only a directive (optionally in an
// HTML comment) is a directive, not prose.
class PlainReader final : public Reader {
  public:
    void read(Document& doc, const ReadOptions& options) const override;
};

// CommonMark with GitHub tables, strikethrough and autolinks (md4c). Code, URLs, autolinks,
// HTML tags and front matter (but for the configured keys) are not prose.
class MarkdownReader final : public Reader {
  public:
    void read(Document& doc, const ReadOptions& options) const override;
};

// HTML5 (gumbo): text, alt and title attributes; script, style, pre, code, embeds skipped.
class HtmlReader final : public Reader {
  public:
    void read(Document& doc, const ReadOptions& options) const override;
};

const Reader& reader_for(Format format);

// Validates the bytes (UTF-8, not binary) and builds the Document with its prose regions
// (in source order), directives and direct quotations.
std::variant<Document, LoadError> load_document(std::string path, std::string bytes, Format format,
                                                const ReadOptions& options = {});

}  // namespace copydesk::markup
