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

TEST_CASE("markdown blocks become regions with their scopes", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "# Floods in Dresden\n"
                                 "\n"
                                 "The river rose\n"
                                 "overnight.\n"
                                 "\n"
                                 "> It is the worst since 2002.\n"
                                 "\n"
                                 "- Schools closed\n"
                                 "- Trains stopped\n"
                                 "\n"
                                 "| City | Level |\n"
                                 "| --- | --- |\n"
                                 "| Meissen | high |\n");
    CHECK(texts(doc) == std::vector<std::string>{"Floods in Dresden", "The river rose\novernight.",
                                                 "It is the worst since 2002.", "Schools closed",
                                                 "Trains stopped", "City", "Level", "Meissen",
                                                 "high"});
    CHECK(scopes(doc) == std::vector<std::string>{"heading", "paragraph", "quote", "list-item",
                                                  "list-item", "table-cell", "table-cell",
                                                  "table-cell", "table-cell"});
    CHECK(source_of(doc, 1, "overnight") == "overnight");
    CHECK(source_of(doc, 7, "Meissen") == "Meissen");
    check_mapping(doc);
}

TEST_CASE("markdown code, URLs and autolinks are not prose", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "Run `git pull teh` now, see <https://example.org/teh> or "
                                 "www.example.com/teh and [the map](https://example.org/x).\n"
                                 "\n"
                                 "```bash\n"
                                 "echo teh\n"
                                 "```\n"
                                 "\n"
                                 "    indented teh code\n"
                                 "\n"
                                 "Mail desk@example.org today.\n");
    CHECK(texts(doc) == std::vector<std::string>{
                            "Run " + kObj + " now, see " + kObj + " or " + kObj + " and the map.",
                            "Mail " + kObj + " today."});
    // The object marks stand over what they hide.
    const Region& r = doc.regions[0];
    const Span code = r.to_source({4, 7});
    CHECK(doc.source.substr(code.begin, code.size()) == "git pull teh");
    check_mapping(doc);
}

TEST_CASE("markdown entities and escapes map to their exact bytes", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "Caf&eacute; owners &amp; the mayor&#8217;s staff said \\*no\\* "
                                 "&mdash; twice&#x21; &madeup; stays.\n");
    REQUIRE(doc.regions.size() == 1);
    CHECK(doc.regions[0].text() ==
          "Café owners & the mayor’s staff said *no* — twice! &madeup; stays.");
    CHECK(source_of(doc, 0, "Café") == "Caf&eacute;");
    CHECK(source_of(doc, 0, "mayor’s") == "mayor&#8217;s");
    CHECK(source_of(doc, 0, "*no*") == "\\*no\\*");
    CHECK(source_of(doc, 0, "twice!") == "twice&#x21;");
    CHECK(source_of(doc, 0, "&madeup;") == "&madeup;");
    CHECK(source_of(doc, 0, "stays") == "stays");
    CHECK_FALSE(doc.regions[0].is_verbatim({0, 5}));  // "Café" holds a decoded entity
    check_mapping(doc);
}

TEST_CASE("markdown images: alt text and titles are captions, the image an object", "[markdown]") {
    const Document doc = load_as(
        "a.md",
        "Crews worked ![Sandbags on the bridge](img/s.jpg \"Photo: Reuters\") all night.\n");
    CHECK(texts(doc) == std::vector<std::string>{"Crews worked " + kObj + " all night.",
                                                 "Sandbags on the bridge", "Photo: Reuters"});
    CHECK(scopes(doc) == std::vector<std::string>{"paragraph", "caption", "caption"});
    CHECK(source_of(doc, 1, "bridge") == "bridge");
    CHECK(source_of(doc, 2, "Reuters") == "Reuters");
    check_mapping(doc);
}

TEST_CASE("markdown raw HTML: tags dropped, text between them kept, code skipped", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "A <span class=\"teh\">quiet</span> night<br>then <code>teh "
                                 "code</code> and <abbr title=\"Federal Agency\">THW</abbr>.\n");
    CHECK(texts(doc) ==
          std::vector<std::string>{"A quiet night\nthen " + kObj + " and THW.", "Federal Agency"});
    check_mapping(doc);
}

TEST_CASE("markdown HTML blocks are read as HTML", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "Intro.\n"
                                 "\n"
                                 "<figure>\n"
                                 "  <img src=\"a.jpg\" alt=\"A flooded street\">\n"
                                 "  <figcaption>Water in the old town &amp; beyond.</figcaption>\n"
                                 "</figure>\n"
                                 "\n"
                                 "> <p>Quoted &ldquo;block&rdquo;</p>\n"
                                 "\n"
                                 "<blockquote class=\"twitter-tweet\"><p>So much watr</p>"
                                 "</blockquote>\n"
                                 "<script>var teh = 1;</script>\n");
    CHECK(texts(doc) == std::vector<std::string>{"Intro.", "A flooded street",
                                                 "Water in the old town & beyond.",
                                                 "Quoted “block”"});
    CHECK(scopes(doc) == std::vector<std::string>{"paragraph", "caption", "caption", "quote"});
    CHECK(source_of(doc, 2, "&") == "&amp;");
    CHECK(source_of(doc, 3, "“block”") == "&ldquo;block&rdquo;");
    check_mapping(doc);
}

TEST_CASE("markdown front matter: only the configured keys are prose", "[markdown]") {
    const std::string text =
        "---\n"
        "title: \"Flood waters rise in the \\\"old\\\" town\"\n"
        "author: Jane Smiht\n"
        "description: >\n"
        "  Residents were told\n"
        "  to leave.\n"
        "tags: [floods, weather]\n"
        "summary: Crews work through the night # not this comment\n"
        "dek: 'It''s the worst'\n"
        "---\n"
        "Body text.\n";
    Document doc = load_as("a.md", text);
    CHECK(texts(doc) == std::vector<std::string>{"Flood waters rise in the \"old\" town",
                                                 "Residents were told\nto leave.",
                                                 "Crews work through the night", "Body text."});
    CHECK(scopes(doc) ==
          std::vector<std::string>{"heading", "paragraph", "paragraph", "paragraph"});
    CHECK(source_of(doc, 0, "\"old\"") == "\\\"old\\\"");
    CHECK(source_of(doc, 1, "leave") == "leave");
    check_mapping(doc);

    markup::ReadOptions options;
    options.front_matter_keys = {"dek", "author"};
    doc = load_as("a.md", text, options);
    CHECK(texts(doc) == std::vector<std::string>{"Jane Smiht", "It's the worst", "Body text."});
    CHECK(source_of(doc, 1, "It's") == "It''s");
    check_mapping(doc);
}

TEST_CASE("markdown TOML front matter", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "+++\n"
                                 "title = \"Floods \\u2014 day two\"\n"
                                 "draft = true\n"
                                 "summary = '''\n"
                                 "Crews worked\n"
                                 "all night.'''\n"
                                 "[params]\n"
                                 "description = \"not top level\"\n"
                                 "+++\n"
                                 "Body.\n");
    CHECK(texts(doc) ==
          std::vector<std::string>{"Floods — day two", "Crews worked\nall night.", "Body."});
    CHECK(source_of(doc, 0, "—") == "\\u2014");
    check_mapping(doc);
}

TEST_CASE("a thematic break is not front matter unless closed", "[markdown]") {
    const Document doc = load_as("a.md", "---\nTeh text after a rule.\n");
    CHECK(texts(doc) == std::vector<std::string>{"Teh text after a rule."});
}

TEST_CASE("markdown directives in comments", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "<!-- copydesk-disable spelling, repeated-word -- wire copy -->\n"
                                 "\n"
                                 "Text <!-- copydesk-disable-next-line spelling --> here.\n"
                                 "\n"
                                 "<!-- an ordinary comment -->\n"
                                 "<!-- copydesk-enable -->\n");
    REQUIRE(doc.directives.size() == 3);
    CHECK(doc.directives[0].kind == Directive::Kind::Disable);
    REQUIRE(doc.directives[0].rules.size() == 2);
    CHECK(doc.directives[0].rules[1].id == "repeated-word");
    const Span id = doc.directives[0].rules[1].span;
    CHECK(doc.source.substr(id.begin, id.size()) == "repeated-word");
    CHECK(doc.directives[1].kind == Directive::Kind::DisableNextLine);
    CHECK(doc.directives[2].kind == Directive::Kind::Enable);
    CHECK(doc.directives[2].rules.empty());
    CHECK(texts(doc) == std::vector<std::string>{"Text  here."});
}

TEST_CASE("markdown with CRLF and a BOM keeps exact offsets", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "\xEF\xBB\xBF---\r\ntitle: Hello world\r\n---\r\n# Head\r\n"
                                 "Text &amp; more\r\nline\r\n");
    CHECK(texts(doc) == std::vector<std::string>{"Hello world", "Head", "Text & more\nline"});
    CHECK(source_of(doc, 2, "line") == "line");
    CHECK(doc.lines.position(doc.regions[2].to_source({12, 16}).begin).line == 6);
    check_mapping(doc);
}

TEST_CASE("quotations inside paragraphs are found and mapped to the source", "[markdown]") {
    const Document doc = load_as("a.md",
                                 "The mayor said &ldquo;We are ready,&rdquo; and left. "
                                 "\"Not yet,\" said another.\n");
    REQUIRE(doc.quotations.size() == 2);
    const Span a = doc.quotations[0];
    CHECK(doc.source.substr(a.begin, a.size()) == "&ldquo;We are ready,&rdquo;");
    const Span b = doc.quotations[1];
    CHECK(doc.source.substr(b.begin, b.size()) == "\"Not yet,\"");
}
