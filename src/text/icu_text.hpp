#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>
#include <string_view>

namespace copydesk::text::detail {

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

// An ICU text over UTF-8 bytes, for the break iterators; the bytes must outlive it.
inline UTextPtr open_utf8(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    UText* t = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot open text");
    return UTextPtr(t);
}

// Points `breaks` at `text` and calls `at(end)` for every boundary after the start.
template <typename At>
void for_each_break(icu::BreakIterator& breaks, std::string_view text, At at) {
    const UTextPtr ut = open_utf8(text);
    UErrorCode status = U_ZERO_ERROR;
    breaks.setText(ut.get(), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot segment text");
    breaks.first();
    for (int32_t end = breaks.next(); end != icu::BreakIterator::DONE; end = breaks.next()) {
        at(end);
    }
}

}  // namespace copydesk::text::detail
