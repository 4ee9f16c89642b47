#include <catch2/catch.hpp>

#include <variant>

#include "markup/reader.hpp"

using namespace copydesk;

namespace {
Document load(std::string text) {
    auto r = markup::load_document("story.txt", std::move(text), markup::Format::Plain);
    REQUIRE(std::holds_alternative<Document>(r));
    return std::get<Document>(std::move(r));
}
}  // namespace

TEST_CASE("plain text paragraphs are split at blank lines", "[document]") {
    const Document doc = load("Headline here\n\nFirst line\nsecond line.\n  \nLast one.\n");
    REQUIRE(doc.regions.size() == 3);
    CHECK(doc.regions[0].text() == "Headline here");
    CHECK(doc.regions[1].text() == "First line\nsecond line.");
    CHECK(doc.regions[2].text() == "Last one.");
    const Span s = doc.regions[2].to_source({0, 4});
    CHECK(doc.source.substr(s.begin, s.size()) == "Last");
}

TEST_CASE("CRLF paragraphs keep exact offsets", "[document]") {
    const Document doc = load("One.\r\n\r\nTwo words.\r\n");
    REQUIRE(doc.regions.size() == 2);
    const Span s = doc.regions[1].to_source({4, 9});
    CHECK(doc.source.substr(s.begin, s.size()) == "words");
    CHECK(doc.lines.position(s.begin).line == 3);
}

TEST_CASE("a UTF-8 BOM is accepted and not part of the prose", "[document]") {
    const Document doc = load("\xEF\xBB\xBFKyiv said.");
    REQUIRE(doc.regions.size() == 1);
    CHECK(doc.regions[0].text() == "Kyiv said.");
    CHECK(doc.regions[0].to_source({0, 4}).begin == 3);
}

TEST_CASE("an empty file has no regions", "[document]") {
    CHECK(load("").regions.empty());
    CHECK(load("\n\n\r\n").regions.empty());
}

TEST_CASE("invalid UTF-8 is an error with its position", "[document]") {
    auto r = markup::load_document("bad.txt", "line one\nab\xFF", markup::Format::Plain);
    REQUIRE(std::holds_alternative<markup::LoadError>(r));
    const auto& e = std::get<markup::LoadError>(r);
    CHECK(e.kind == markup::LoadError::Kind::InvalidUtf8);
    CHECK(e.offset == 11);
    CHECK(e.position.line == 2);
    CHECK(e.position.column == 3);
}

TEST_CASE("NUL bytes mark a binary file", "[document]") {
    auto r = markup::load_document("x.txt", std::string("ab\0cd", 5), markup::Format::Plain);
    REQUIRE(std::holds_alternative<markup::LoadError>(r));
    CHECK(std::get<markup::LoadError>(r).kind == markup::LoadError::Kind::Binary);
}

TEST_CASE("decoded segments map to whole source units", "[document]") {
    // As a markup reader would build it: "AT&amp;T said" -> "AT&T said".
    Region r(Scope::Paragraph);
    r.append_verbatim("AT", {0, 2});
    r.append_decoded("&", {2, 7});
    r.append_verbatim("T said", {7, 13});
    CHECK(r.text() == "AT&T said");
    CHECK(r.to_source({0, 4}) == Span{0, 8});
    CHECK(r.to_source({5, 9}) == Span{9, 13});
    CHECK(r.is_verbatim({5, 9}));
    CHECK_FALSE(r.is_verbatim({0, 4}));
}

TEST_CASE("readers are chosen by extension", "[document]") {
    CHECK(markup::format_for_path("a/story.md") == markup::Format::Markdown);
    CHECK(markup::format_for_path("STORY.HTML") == markup::Format::Html);
    CHECK(markup::format_for_path("notes.txt") == markup::Format::Plain);
    CHECK(markup::format_for_path("README") == markup::Format::Plain);
}

TEST_CASE("a moved document keeps a valid line index", "[document]") {
    // Short sources live inside the string object, so their bytes move with it.
    std::vector<Document> docs;
    for (int i = 0; i < 20; ++i) docs.push_back(load("a\nbc toi"));
    const Document moved = std::move(docs.back());
    for (const Document* d : std::vector<const Document*>{&docs.front(), &moved}) {
        CHECK(d->lines.line_text(2) == "bc toi");
        CHECK(d->lines.position(5).column == 4);
    }
}
