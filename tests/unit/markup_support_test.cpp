#include <catch2/catch.hpp>

#include "markup/directive.hpp"
#include "markup/entities.hpp"
#include "markup/quotations.hpp"
#include "markup/reader.hpp"
#include "markup_helpers.hpp"

using namespace copydesk;

namespace {

std::vector<std::string> quoted(std::string_view text) {
    std::vector<std::string> out;
    for (const Span s : markup::find_quotations(text)) {
        out.emplace_back(text.substr(s.begin, s.size()));
    }
    return out;
}

}  // namespace

TEST_CASE("the reader follows the extension", "[markup]") {
    CHECK(markup::format_for_path("a/story.md") == markup::Format::Markdown);
    CHECK(markup::format_for_path("STORY.MARKDOWN") == markup::Format::Markdown);
    CHECK(markup::format_for_path("page.htm") == markup::Format::Html);
    CHECK(markup::format_for_path("page.html") == markup::Format::Html);
    CHECK(markup::format_for_path("notes.txt") == markup::Format::Plain);
    CHECK(markup::format_for_path("README") == markup::Format::Plain);
}

TEST_CASE("character references", "[markup]") {
    auto decode = [](std::string_view s, bool attr = false) {
        auto r = markup::decode_char_ref(s, attr);
        return r ? std::make_pair(r->text, r->length)
                 : std::make_pair(std::string("-"), std::size_t{0});
    };
    CHECK(decode("&amp;") == std::make_pair(std::string("&"), std::size_t{5}));
    CHECK(decode("&amp") == std::make_pair(std::string("&"), std::size_t{4}));
    CHECK(decode("&eacute;x") == std::make_pair(std::string("é"), std::size_t{8}));
    CHECK(decode("&#233;") == std::make_pair(std::string("é"), std::size_t{6}));
    CHECK(decode("&#xE9;") == std::make_pair(std::string("é"), std::size_t{6}));
    CHECK(decode("&#x1F600;") == std::make_pair(std::string("\xF0\x9F\x98\x80"), std::size_t{9}));
    CHECK(decode("&#0;") == std::make_pair(std::string("\xEF\xBF\xBD"), std::size_t{4}));
    CHECK(decode("&#151;") == std::make_pair(std::string("—"), std::size_t{6}));
    CHECK(decode("&nosuch;").first == "-");
    CHECK(decode("& x").first == "-");
    CHECK(decode("&#;").first == "-");
    CHECK(decode("&ampx", true).first == "-");
    CHECK(decode("&amp=", true).first == "-");
    CHECK(decode("&amp;x", true).first == "&");
    CHECK(markup::kNamedEntities.size() == 2231);
}

TEST_CASE("directive syntax", "[markup]") {
    const std::string body = " copydesk-disable spelling,repeated-word  -- quoted sign ";
    auto d = markup::parse_directive(body, 100, {96, 200});
    REQUIRE(d);
    CHECK(d->kind == Directive::Kind::Disable);
    REQUIRE(d->rules.size() == 2);
    CHECK(d->rules[0].id == "spelling");
    CHECK(d->rules[0].span == Span{118, 126});
    CHECK(d->rules[1].id == "repeated-word");
    CHECK(d->verb_span == Span{101, 117});

    CHECK(markup::parse_directive("copydesk-enable", 0, {})->rules.empty());
    CHECK(markup::parse_directive("copydesk-disable-next-line a b", 0, {})->rules.size() == 2);
    CHECK(markup::parse_directive("copydesk-disabel x", 0, {})->kind == Directive::Kind::Unknown);
    CHECK(markup::parse_directive("copydesk-disable:x", 0, {})->kind == Directive::Kind::Unknown);
    CHECK_FALSE(markup::parse_directive("a comment about copydesk-disable", 0, {}));
    CHECK_FALSE(markup::parse_directive("vale off", 0, {}));
}

TEST_CASE("plain-text directives are whole lines", "[markup]") {
    const Document doc = copydesk::testing::load_as("a.txt",
                                                    "First paragraph.\n"
                                                    "  copydesk-disable-next-line spelling\n"
                                                    "Teh line.\n"
                                                    "<!-- copydesk-enable -->\n"
                                                    "He said copydesk-disable is odd.\n");
    REQUIRE(doc.directives.size() == 2);
    CHECK(doc.directives[0].kind == Directive::Kind::DisableNextLine);
    CHECK(doc.source.substr(doc.directives[0].span.begin, doc.directives[0].span.size()) ==
          "copydesk-disable-next-line spelling");
    CHECK(doc.directives[1].kind == Directive::Kind::Enable);
    CHECK(copydesk::testing::texts(doc) ==
          std::vector<std::string>{"First paragraph.", "Teh line.",
                                   "He said copydesk-disable is odd."});
}

TEST_CASE("quotations", "[markup]") {
    CHECK(quoted("He said “We are ready,” and left.") ==
          std::vector<std::string>{"“We are ready,”"});
    CHECK(quoted("He said \"We are ready\" and \"gone.\"") ==
          std::vector<std::string>{"\"We are ready\"", "\"gone.\""});
    CHECK(quoted("She said ‘it’s the union’s fault’ today.") ==
          std::vector<std::string>{"‘it’s the union’s fault’"});
    CHECK(quoted("The ’90s band played don’t-stop songs.").empty());
    CHECK(quoted("He is 5'11\" tall and said \"fine\".") == std::vector<std::string>{"\"fine\""});
    CHECK(quoted("“A quotation that runs on into the next paragraph.") ==
          std::vector<std::string>{"“A quotation that runs on into the next paragraph."});
    CHECK(quoted("„Wir schaffen das“, sagte sie. «Bien sûr», dit-il.") ==
          std::vector<std::string>{"„Wir schaffen das“", "«Bien sûr»"});
    CHECK(quoted("'It is close,' he said. Let 'em in, rock 'n' roll.") ==
          std::vector<std::string>{"'It is close,'"});
    CHECK(quoted("He said ‘em all left.").empty());
    CHECK(quoted("They said 'til dawn.").empty());
    CHECK(quoted("“He said ‘no’ twice,” she said.") ==
          std::vector<std::string>{"“He said ‘no’ twice,”"});
}
