#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk {

struct Position {
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, in Unicode code points
};

// Line index over the original bytes. LF, CRLF and lone CR all end a line.
class SourceMap {
  public:
    SourceMap() = default;
    explicit SourceMap(std::string_view source);

    // Points the index at a copy of the same bytes (after the owning string moved).
    void rebind(std::string_view source) { source_ = source; }

    [[nodiscard]] Position position(std::uint32_t offset) const;
    // The 1-based line holding `offset` (the last line for an offset past the text).
    [[nodiscard]] std::uint32_t line_of(std::uint32_t offset) const;
    // The positions of `begin` and `end`; the end counted on from the beginning when both are
    // on one line, as most spans are (columns count from the line's start).
    [[nodiscard]] std::pair<Position, Position> positions(std::uint32_t begin,
                                                          std::uint32_t end) const;
    [[nodiscard]] std::uint32_t line_count() const {
        return static_cast<std::uint32_t>(starts_.size());
    }
    // Byte offset where 1-based `line` starts.
    [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const { return starts_[line - 1]; }
    // The text of 1-based `line`, without its line ending.
    [[nodiscard]] std::string_view line_text(std::uint32_t line) const;

  private:
    std::string_view source_;
    std::vector<std::uint32_t> starts_{0};
};

}  // namespace copydesk
