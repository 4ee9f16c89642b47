#pragma once

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

}  // namespace copydesk::text::detail
