#include "markup_helpers.hpp"

using namespace copydesk;
using copydesk::testing::check_mapping;
using copydesk::testing::load_as;
using copydesk::testing::scopes;
using copydesk::testing::source_of;
using copydesk::testing::texts;

namespace {
const std::string kObj(kObjectReplacement);
}

TEST_CASE("html text, alt and title are prose, code, scripts and styles are not", "[html]") {
    const Document doc = load_as(
        "a.html",
        "<!DOCTYPE html><html><head><title>Floods &ndash; live</title>"
        "<style>p { teh: 1 }</style><script>var teh;</script></head><body>"
        "<h1>Floods in Dresden</h1>"
        "<p>The river rose to 6.2&nbsp;metres, said the <abbr title=\"Relief Agency\">THW</abbr>."
        "</p>"
        "<p>Run <code>make teh</code> now. <img src=\"x.jpg\" alt=\"Sandbags &amp; pumps\"> Then "
        "go.</p>"
        "<pre>echo teh</pre>"
        "<table><caption>Levels</caption><tr><th>City</th><td>Dresden</td></tr></table>"
        "<ul><li>One</li><li>Two</li></ul>"
        "<figure><figcaption>Water &amp; mud</figcaption></figure>"
        "<blockquote><p>It is the worst.</p></blockquote>"
        "</body></html>");
    CHECK(texts(doc) == std::vector<std::string>{"Floods – live", "Floods in Dresden",
                                                 "The river rose to 6.2\u00a0metres, said the THW.",
                                                 "Relief Agency",
                                                 "Run " + kObj + " now. " + kObj + " Then go.",
                                                 "Sandbags & pumps", "Levels", "City", "Dresden",
                                                 "One", "Two", "Water & mud", "It is the worst."});
    CHECK(scopes(doc) == std::vector<std::string>{"heading", "heading", "paragraph", "caption",
                                                  "paragraph", "caption", "caption", "table-cell",
                                                  "table-cell", "list-item", "list-item", "caption",
                                                  "quote"});
    CHECK(source_of(doc, 2, "6.2\u00a0metres") == "6.2&nbsp;metres");
    CHECK(source_of(doc, 5, "&") == "&amp;");
    check_mapping(doc);
}

TEST_CASE("html entities decode as the parser does, each at its bytes", "[html]") {
    const Document doc = load_as("a.html",
                                 "<p>Caf&eacute; &amp x &copy 2024 &#8217; &#x2019; &notit; "
                                 "&bogus; A&amp;B &#0; &#150;</p>");
    REQUIRE(doc.regions.size() == 1);
    CHECK(doc.regions[0].text() ==
          "Café & x © 2024 ’ ’ ¬it; &bogus; A&B \xEF\xBF\xBD \xE2\x80\x93");
    CHECK(source_of(doc, 0, "Café") == "Caf&eacute;");
    CHECK(source_of(doc, 0, "©") == "&copy");
    CHECK(source_of(doc, 0, "¬") == "&not");
    CHECK(source_of(doc, 0, "&bogus;") == "&bogus;");
    CHECK(source_of(doc, 0, "A&B") == "A&amp;B");
    check_mapping(doc);
}

TEST_CASE("html attribute entities follow the attribute rules", "[html]") {
    const Document doc = load_as("a.html", "<img alt='Fish &amp chips &ampx &copy;'>");
    REQUIRE(doc.regions.size() == 1);
    CHECK(doc.regions[0].text() == "Fish & chips &ampx ©");
    CHECK(source_of(doc, 0, "©") == "&copy;");
    check_mapping(doc);
}

TEST_CASE("html embeds of social posts are not linted", "[html]") {
    const Document doc = load_as(
        "a.html",
        "<p>Before.</p><blockquote class=\"twitter-tweet\"><p lang=\"en\">So much watr</p>&mdash; "
        "A (@a)</blockquote><div class=\"embed instagram-media\"><p>Teh post</p></div>"
        "<iframe title=\"Video player\" src=\"x\"></iframe><p>After.</p>");
    CHECK(texts(doc) == std::vector<std::string>{"Before.", "After."});
}

TEST_CASE("html with a BOM, CRLF and line breaks keeps exact offsets", "[html]") {
    const Document doc =
        load_as("a.html", "\xEF\xBB\xBF<p>Caf&eacute; x</p>\r\n<p>second\r\nline<br>three</p>");
    CHECK(texts(doc) == std::vector<std::string>{"Café x", "second\r\nline\nthree"});
    CHECK(doc.regions[0].to_source({0, 5}).begin == 6);
    CHECK(source_of(doc, 1, "line") == "line");
    CHECK(doc.lines.position(doc.regions[1].to_source({8, 12}).begin).line == 3);
    check_mapping(doc);
}

TEST_CASE("html comments carry directives, <q> is a quotation", "[html]") {
    const Document doc = load_as("a.html",
                                 "<!-- copydesk-disable-next-line spelling -->\n"
                                 "<p>She said <q>leave now</q>.</p>\n"
                                 "<!-- not a directive -->\n");
    REQUIRE(doc.directives.size() == 1);
    CHECK(doc.directives[0].kind == Directive::Kind::DisableNextLine);
    const Span id = doc.directives[0].rules.at(0).span;
    CHECK(doc.source.substr(id.begin, id.size()) == "spelling");
    REQUIRE(doc.quotations.size() == 1);
    CHECK(doc.source.substr(doc.quotations[0].begin, doc.quotations[0].size()) ==
          "<q>leave now</q>");
}

TEST_CASE("broken html is read as browsers read it", "[html]") {
    const Document doc = load_as("a.html", "<p>One <b>bold<p>Two &amp three <i>never closed");
    CHECK(texts(doc) == std::vector<std::string>{"One bold", "Two & three never closed"});
    check_mapping(doc);
}
