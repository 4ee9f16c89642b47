#pragma once

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace copydesk::text::detail {

// The sentence ends the segmenter uses: without ICU when simple_sentence_breaks can, else from
// `icu` (an en_US@ss=standard sentence iterator) over the text with line breaks as spaces.
std::vector<std::uint32_t> sentence_breaks(icu::BreakIterator& icu, std::string_view text);

// An en_US@ss=standard sentence iterator.
std::unique_ptr<icu::BreakIterator> make_sentence_iterator();

}  // namespace copydesk::text::detail
