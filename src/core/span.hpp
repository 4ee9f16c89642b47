#pragma once

#include <cstdint>

namespace copydesk {

// Half-open byte range [begin, end) into the original source bytes.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    [[nodiscard]] constexpr std::uint32_t size() const { return end - begin; }
    [[nodiscard]] constexpr bool empty() const { return begin == end; }
    [[nodiscard]] constexpr bool overlaps(Span o) const { return begin < o.end && o.begin < end; }
    [[nodiscard]] constexpr bool contains(Span o) const { return begin <= o.begin && o.end <= end; }
    friend constexpr bool operator==(Span, Span) = default;
    friend constexpr auto operator<=>(Span, Span) = default;
};

}  // namespace copydesk
