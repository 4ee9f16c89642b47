#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/document.hpp"

namespace copydesk::markup {

enum class Format { Plain, Markdown, Html };

// Chooses the reader by file extension; everything unknown is plain text.
Format format_for_path(std::string_view path);

// Why a file's bytes cannot be linted. `offset` is meaningful when `has_position`.
struct LoadError {
    enum class Kind { Binary, InvalidUtf8 };
    Kind kind;
    std::string message;
    bool has_position = false;
    std::uint32_t offset = 0;
    Position position;
};

// A markup reader fills `doc.regions` from `doc.source`, mapping every prose byte back to it.
class Reader {
  public:
    virtual ~Reader() = default;
    virtual void read(Document& doc) const = 0;
};

class PlainReader final : public Reader {
  public:
    void read(Document& doc) const override;
};

const Reader& reader_for(Format format);

// Validates the bytes (UTF-8, not binary) and builds the Document with its prose regions.
std::variant<Document, LoadError> load_document(std::string path, std::string bytes, Format format);

}  // namespace copydesk::markup
