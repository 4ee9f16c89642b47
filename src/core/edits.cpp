#include "core/edits.hpp"

#include <algorithm>

namespace copydesk {

std::string apply_edits(std::string_view source, std::vector<Edit> edits, std::size_t* applied) {
    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit& a, const Edit& b) { return a.span < b.span; });
    std::string out;
    out.reserve(source.size());
    std::uint32_t at = 0;
    std::size_t count = 0;
    for (const Edit& e : edits) {
        if (e.span.begin < at || e.span.end > source.size()) continue;  // overlaps: skipped
        out.append(source.substr(at, e.span.begin - at));
        out.append(e.replacement);
        at = e.span.end;
        ++count;
    }
    out.append(source.substr(at));
    if (applied != nullptr) *applied = count;
    return out;
}

}  // namespace copydesk
