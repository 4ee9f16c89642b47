#pragma once

#include <optional>
#include <string_view>

#include "core/document.hpp"

namespace copydesk::markup {

// Reads a directive from `body` (the inside of a comment, or a plain-text line) at source
// offset `body_offset`; `whole` is the span of the comment or line. Returns nullopt unless
// the body starts with "copydesk-". Rule ids are separated by commas or spaces; text after
// " -- " is a reason for the reader and is ignored. An unknown verb gives Kind::Unknown.
std::optional<Directive> parse_directive(std::string_view body, std::uint32_t body_offset,
                                         Span whole);

}  // namespace copydesk::markup
