#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace copydesk::markup {

// Direct quotations in one region's text: the outermost pairs of quotation marks (curly
// “…” and ‘…’, straight "…", low-high „…“, guillemets «…»), marks included, as text spans.
// A quotation left open runs to the end of the text, as a quotation that continues into the
// next paragraph does in news copy (it reopens there with a mark of its own). Apostrophes
// (don’t, the students’) never close a single quotation.
std::vector<Span> find_quotations(std::string_view text);

}  // namespace copydesk::markup
