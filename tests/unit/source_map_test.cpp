#include <catch2/catch.hpp>

#include "core/source_map.hpp"

using copydesk::Position;
using copydesk::SourceMap;

TEST_CASE("LF, CRLF and lone CR all end lines", "[source_map]") {
    const std::string text = "one\ntwo\r\nthree\rfour";
    const SourceMap map(text);
    REQUIRE(map.line_count() == 4);
    CHECK(map.line_text(1) == "one");
    CHECK(map.line_text(2) == "two");
    CHECK(map.line_text(3) == "three");
    CHECK(map.line_text(4) == "four");
    const Position p = map.position(static_cast<std::uint32_t>(text.find("four") + 2));
    CHECK(p.line == 4);
    CHECK(p.column == 3);
    // The LF of a CRLF pair belongs to the line it ends.
    CHECK(map.position(static_cast<std::uint32_t>(text.find("\r\n") + 1)).line == 2);
}

TEST_CASE("columns count code points, not bytes", "[source_map]") {
    // "Gdańsk" has a two-byte ń; the flag is two four-byte code points.
    const std::string text = "In Gdańsk \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 toi";
    const SourceMap map(text);
    const Position p = map.position(static_cast<std::uint32_t>(text.find("toi")));
    CHECK(p.line == 1);
    CHECK(p.column == 14);
}

TEST_CASE("an empty source has one empty line", "[source_map]") {
    const SourceMap map{std::string_view{}};
    CHECK(map.line_count() == 1);
    CHECK(map.position(0).line == 1);
    CHECK(map.position(0).column == 1);
    CHECK(map.line_text(1).empty());
}

TEST_CASE("a trailing newline starts an empty last line", "[source_map]") {
    const std::string text = "a\r\n";
    const SourceMap map(text);
    CHECK(map.line_count() == 2);
    CHECK(map.position(3).line == 2);
}

TEST_CASE("a byte order mark takes no column", "[source_map]") {
    const std::string text = "\xEF\xBB\xBFtoi said";
    const SourceMap map(text);
    CHECK(map.position(3).column == 1);
    CHECK(map.position(7).column == 5);
}

TEST_CASE("positions of a span agree with the positions of its two ends", "[source_map]") {
    for (const std::string& text :
         {std::string("Caf\xC3\xA9 au lait.\nSecond line\r\nthird\rfourth "),
          std::string("\xEF\xBB\xBF"
                      "BOM then text\n\xE2\x80\x9Cquoted\xE2\x80\x9D"),
          std::string(""), std::string("\n\n\r\n")}) {
        const copydesk::SourceMap map(text);
        const auto size = static_cast<std::uint32_t>(text.size());
        for (std::uint32_t begin = 0; begin <= size + 1; ++begin) {
            for (std::uint32_t end = 0; end <= size + 1; ++end) {
                const auto [b, e] = map.positions(begin, end);
                const copydesk::Position pb = map.position(begin);
                const copydesk::Position pe = map.position(end);
                CHECK(b.line == pb.line);
                CHECK(b.column == pb.column);
                CHECK(e.line == pe.line);
                CHECK(e.column == pe.column);
            }
        }
    }
}

TEST_CASE("a cursor's positions agree with the map's, in order or not", "[source_map]") {
    for (const std::string& text :
         {std::string("Caf\xC3\xA9 au lait, \xE2\x80\x9Cna\xC3\xAFve\xE2\x80\x9D.\nSecond line\r\n"
                      "third\rfourth "),
          std::string("\xEF\xBB\xBF"
                      "BOM then text\n\xE2\x80\x9Cquoted\xE2\x80\x9D"),
          std::string("ab"), std::string(""), std::string("\n\n\r\n")}) {
        const copydesk::SourceMap map(text);
        const auto size = static_cast<std::uint32_t>(text.size());
        // Spans in ascending order (a formatter's), then every pair of spans one after the
        // other in any order, from a cursor that has seen the first.
        copydesk::SourceMap::Cursor ascending(map);
        for (std::uint32_t begin = 0; begin <= size + 1; ++begin) {
            for (std::uint32_t end = begin; end <= size + 1; ++end) {
                CHECK(ascending.positions(begin, end) == map.positions(begin, end));
            }
        }
        for (std::uint32_t first = 0; first <= size + 1; ++first) {
            for (std::uint32_t second = 0; second <= size + 1; ++second) {
                copydesk::SourceMap::Cursor cursor(map);
                CHECK(cursor.positions(first, first + 1) == map.positions(first, first + 1));
                CHECK(cursor.positions(second, second + 2) == map.positions(second, second + 2));
                CHECK(cursor.positions(second, second) == map.positions(second, second));
            }
        }
    }
}
