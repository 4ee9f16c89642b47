#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace copydesk::markup {

// Direct quotations in one region's text: the outermost pairs of quotation marks (curly
// “…” and ‘…’, straight "…" and '…', low-high „…“, guillemets «…»), marks included, as text
// spans. A quotation left open runs to the end of the text, as a quotation that continues
// into the next paragraph does in news copy (it reopens there with a mark of its own); a
// straight single quote left open does not ('em, 'til). An apostrophe inside a word (don’t,
// union’s) never closes a single quotation; one ending a word (the students’) does, so a
// plural possessive inside single quotes ends the quotation early.
std::vector<Span> find_quotations(std::string_view text);

}  // namespace copydesk::markup
