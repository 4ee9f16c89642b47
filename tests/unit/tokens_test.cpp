#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/casing.hpp"
#include "text/tokens.hpp"

using copydesk::text::Segmenter;
using copydesk::text::TokenKind;

namespace {

struct Tok {
    std::string text;
    TokenKind kind;
};

std::vector<Tok> significant(std::string_view text) {
    Segmenter seg;
    std::vector<Tok> out;
    for (const auto& t : seg.analyze(text).tokens) {
        if (t.kind == TokenKind::Space) continue;
        out.push_back({std::string(text.substr(t.span.begin, t.span.size())), t.kind});
    }
    return out;
}

TokenKind kind_of(std::string_view text, std::string_view piece) {
    for (const Tok& t : significant(text)) {
        if (t.text == piece) return t.kind;
    }
    FAIL("no token '" << piece << "' in: " << text);
    return TokenKind::Space;
}

}  // namespace

TEST_CASE("URLs with and without a scheme are single tokens", "[tokens]") {
    const std::string s = "See https://t.co/x1Abc, www.example.org and example.com/report.";
    CHECK(kind_of(s, "https://t.co/x1Abc") == TokenKind::Url);
    CHECK(kind_of(s, "www.example.org") == TokenKind::Url);
    CHECK(kind_of(s, "example.com/report") == TokenKind::Url);
    CHECK(kind_of("Read bbc.co.uk today.", "bbc.co.uk") == TokenKind::Url);
}

TEST_CASE("sentence punctuation after a URL is not part of it", "[tokens]") {
    CHECK(kind_of("(see https://example.org/a_(b))", "https://example.org/a_(b)") ==
          TokenKind::Url);
    CHECK(kind_of("Visit www.un.org.", "www.un.org") == TokenKind::Url);
}

TEST_CASE("emails, handles and hashtags", "[tokens]") {
    const std::string s = "Write to desk@example.org or @agency_news, tagged #Kyiv2023.";
    CHECK(kind_of(s, "desk@example.org") == TokenKind::Email);
    CHECK(kind_of(s, "@agency_news") == TokenKind::Handle);
    CHECK(kind_of(s, "#Kyiv2023") == TokenKind::Hashtag);
}

TEST_CASE("a hashtag glued to a URL is two tokens", "[tokens]") {
    const std::string s = "claimed.#newshttps://t.co/x1";
    CHECK(kind_of(s, "#news") == TokenKind::Hashtag);
    CHECK(kind_of(s, "https://t.co/x1") == TokenKind::Url);
}

TEST_CASE("numbers of every shape are numbers", "[tokens]") {
    const std::string s = "A 12-point plan from the 1990s, the 22nd vote, 3.5% and 2,000 troops.";
    CHECK(kind_of(s, "12") == TokenKind::Number);
    CHECK(kind_of(s, "point") == TokenKind::Word);
    CHECK(kind_of(s, "1990s") == TokenKind::Number);
    CHECK(kind_of(s, "22nd") == TokenKind::Number);
    CHECK(kind_of(s, "3.5") == TokenKind::Number);
    CHECK(kind_of(s, "2,000") == TokenKind::Number);
    CHECK(kind_of(s, "%") == TokenKind::Symbol);
}

TEST_CASE("curly and straight apostrophes stay inside words", "[tokens]") {
    CHECK(kind_of("China’s envoy", "China’s") == TokenKind::Word);
    CHECK(kind_of("China's envoy", "China's") == TokenKind::Word);
}

TEST_CASE("a missing space after a full stop is not a web address", "[tokens]") {
    CHECK(kind_of("the war.The talks", "war") == TokenKind::Word);
    CHECK(kind_of("he said.it was", "said") == TokenKind::Word);
}

TEST_CASE("sentence starts are marked, also across hard line wraps", "[tokens]") {
    Segmenter seg;
    const std::string text = "Mr. Smith met the\nminister. Talks resumed.";
    const auto a = seg.analyze(text);
    std::vector<std::string> starts;
    for (const auto& t : a.tokens) {
        if (t.sentence_start) starts.emplace_back(text.substr(t.span.begin, t.span.size()));
    }
    CHECK(starts == std::vector<std::string>{"Mr", "Talks"});
}

TEST_CASE("casing helpers are Unicode-aware", "[tokens]") {
    using namespace copydesk::text;
    CHECK(is_capitalized("Erdoğan"));
    CHECK(is_capitalized("Ólafur"));
    CHECK_FALSE(is_capitalized("NATO"));
    CHECK_FALSE(is_capitalized("kyiv"));
    CHECK(is_latin("Zürich"));
    CHECK_FALSE(is_latin("Київ"));
    CHECK(to_lower("ÖSTERREICH") == "österreich");
}
