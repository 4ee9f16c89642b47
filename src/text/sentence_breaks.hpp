#pragma once

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace copydesk::text::detail {

// The sentence ends the segmenter uses: without ICU when simple_sentence_breaks can, else from
// `icu` (an en_US@ss=standard sentence iterator) over the text with line breaks as spaces.
// `icu` is made the first time a text needs it: making it costs about 7 M instructions, 6% of
// a run's start-up, and most runs never need it.
std::vector<std::uint32_t> sentence_breaks(std::unique_ptr<icu::BreakIterator>& icu,
                                           std::string_view text);

// An en_US@ss=standard sentence iterator.
std::unique_ptr<icu::BreakIterator> make_sentence_iterator();

}  // namespace copydesk::text::detail
