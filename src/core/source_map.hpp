#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk {

struct Position {
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, in Unicode code points
    friend bool operator==(Position, Position) = default;
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
    // positions() for spans taken in order, as a formatter takes a file's sorted findings: a
    // begin on the line of the one before is counted on from it, not again from the line's
    // start (a paragraph is often one long line). The same answers as positions() in any order.
    class Cursor {
      public:
        explicit Cursor(const SourceMap& map) : map_(&map) {}
        [[nodiscard]] std::pair<Position, Position> positions(std::uint32_t begin,
                                                              std::uint32_t end);

      private:
        const SourceMap* map_;
        std::uint32_t offset_ = 0;    // the last begin counted from its line's start, or on
        Position at_{};               // its position
        std::uint32_t line_end_ = 0;  // where its line's successor starts; 0: nothing kept
    };

    // Byte offset where 1-based `line` starts.
    [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const { return starts_[line - 1]; }
    // The text of 1-based `line`, without its line ending.
    [[nodiscard]] std::string_view line_text(std::uint32_t line) const;

  private:
    // The end's position, given `b`, the position of `begin`.
    [[nodiscard]] Position end_position(Position b, std::uint32_t begin, std::uint32_t end) const;

    std::string_view source_;
    std::vector<std::uint32_t> starts_{0};
};

}  // namespace copydesk
