#pragma once

#include <string_view>

#include "core/document.hpp"
#include "markup/builder.hpp"

namespace copydesk::markup {

// Reads the HTML in `buffer` (mapped to doc.source by `map`) into prose regions, directives
// and <q> quotations of `doc`. `outer` is the scope of the surrounding Markdown block (Quote
// inside a block quote, ListItem inside a list item, else Paragraph).
void read_html_buffer(Document& doc, std::string_view buffer, const OffsetMap& map, Scope outer);

}  // namespace copydesk::markup
