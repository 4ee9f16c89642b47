#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/document.hpp"
#include "markup/builder.hpp"

namespace copydesk::markup {

// Reads the HTML in `buffer` (mapped to doc.source by `map`) into prose regions, directives
// and <q> quotations of `doc`. `outer` is the scope of the surrounding Markdown block (Quote
// inside a block quote, ListItem inside a list item, else Paragraph).
void read_html_buffer(Document& doc, std::string_view buffer, const OffsetMap& map, Scope outer);

// HTML parsers take time quadratic in how deep elements nest (gumbo: 1 s at 20,000 levels, a
// minute at 100,000), so pages nested deeper than this are refused rather than parsed.
inline constexpr int kMaxHtmlNesting = 10'000;

// The offset of the start tag that takes `html` deeper than `limit` elements, if one does.
// Estimated in one pass: start tags minus end tags, leaving out void elements, those whose end
// tag may be omitted, self-closing tags, comments and the text of scripts and styles.
std::optional<std::uint32_t> nesting_beyond(std::string_view html, int limit);

}  // namespace copydesk::markup
