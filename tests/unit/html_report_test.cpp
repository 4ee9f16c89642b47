#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "markup/reader.hpp"
#include "output/formatter.hpp"

using namespace copydesk;

namespace {

Document doc_of(std::string text, std::string path = "drafts/story.txt") {
    return std::get<Document>(
        markup::load_document(std::move(path), std::move(text), markup::Format::Plain));
}

Diagnostic finding(std::uint32_t begin, std::uint32_t end, std::string rule = "spelling",
                   Severity severity = Severity::Warning, Category category = Category::Spelling) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = severity;
    d.category = category;
    d.span = {begin, end};
    d.message = "Use something else instead.";
    return d;
}

Diagnostic finding_at(const Document& doc, std::string_view text, std::size_t nth = 0) {
    std::size_t at = doc.source.find(text);
    for (std::size_t i = 0; i < nth; ++i) at = doc.source.find(text, at + 1);
    REQUIRE(at != std::string::npos);
    return finding(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + text.size()));
}

output::FileReport report_of(const Document& doc, std::vector<Diagnostic> diags) {
    output::FileReport r;
    r.path = doc.path;
    r.document = &doc;
    std::stable_sort(diags.begin(), diags.end(), diagnostic_order);
    r.diagnostics = std::move(diags);
    return r;
}

std::string render(const std::vector<output::FileReport>& reports) {
    std::ostringstream out;
    auto f = output::make_formatter("html", out, {});
    REQUIRE(f);
    output::Summary s;
    f->begin();
    for (const auto& r : reports) {
        f->file(r);
        s.add(r);
    }
    f->end(s);
    return out.str();
}

std::size_t occurrences(std::string_view hay, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string_view::npos;
         at = hay.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

// What a browser shows of one file's article: reads the report's own markup (the text pane
// of section `file`), checks that every tag is closed in order, maps the visible tokens for
// hidden characters back to the characters, and collects the text under each finding.
struct Shown {
    std::vector<std::string> lines;
    std::map<int, std::string> finding_text;  // data-n -> text under all its marks
    std::map<int, int> anchors;               // data-n -> marks carrying its id
    std::map<int, int> layer;                 // data-n -> underline layer (y1..y3), 0 if none
    bool balanced = true;
    int max_depth = 0;  // deepest nesting of marks
};

std::string attribute(std::string_view tag, std::string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t at = tag.find(key);
    if (at == std::string_view::npos) return {};
    const std::size_t from = at + key.size();
    return std::string(tag.substr(from, tag.find('"', from) - from));
}

std::string decode_entities(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        const std::string_view entity = s.substr(i, semi - i + 1);
        if (entity == "&amp;") {
            out += '&';
        } else if (entity == "&lt;") {
            out += '<';
        } else if (entity == "&gt;") {
            out += '>';
        } else {
            FAIL("unexpected entity " << entity);
        }
        i = semi;
    }
    return out;
}

Shown shown_text(const std::string& html, int file = 0) {
    Shown shown;
    const std::size_t section = html.find("id=\"f" + std::to_string(file) + "-file\"");
    REQUIRE(section != std::string::npos);
    std::size_t pos = html.find("<div class=\"text\">", section);
    REQUIRE(pos != std::string::npos);
    struct Open {
        std::string name;
        int n = -1;  // data-n of a mark
        bool token = false;
    };
    std::vector<Open> stack;
    auto add_text = [&](const std::string& text, bool is_break) {
        if (!is_break && !shown.lines.empty()) shown.lines.back() += text;
        for (const Open& o : stack) {
            if (o.n >= 0) shown.finding_text[o.n] += text;
        }
    };
    while (pos < html.size()) {
        if (html[pos] != '<') {
            const std::size_t next = html.find('<', pos);
            const std::string text =
                decode_entities(std::string_view(html).substr(pos, next - pos));
            const bool in_token = !stack.empty() && stack.back().token;
            const bool between_lines = stack.size() == 1;  // whitespace between line divs
            if (!in_token && !between_lines) add_text(text, false);
            pos = next;
            continue;
        }
        const std::size_t close = html.find('>', pos);
        const std::string_view tag = std::string_view(html).substr(pos, close - pos + 1);
        pos = close + 1;
        if (tag[1] == '/') {
            const std::string name(tag.substr(2, tag.size() - 3));
            if (stack.empty() || stack.back().name != name) {
                shown.balanced = false;
                break;
            }
            stack.pop_back();
            if (stack.empty()) break;  // the text pane is closed
            continue;
        }
        Open o;
        o.name = std::string(tag.substr(1, tag.find_first_of(" >") - 1));
        const std::string cls = attribute(tag, "class");
        if (o.name == "div" && cls == "ln") shown.lines.emplace_back();
        if (o.name == "mark") {
            o.n = std::stoi(attribute(tag, "data-n"));
            if (!attribute(tag, "id").empty()) ++shown.anchors[o.n];
            for (int y = 1; y <= 3; ++y) {
                if (cls.find(" y" + std::to_string(y)) != std::string::npos) shown.layer[o.n] = y;
            }
        }
        if (o.name == "span" && cls.starts_with("inv")) {
            o.token = true;
            std::string chars;
            std::stringstream cps(attribute(tag, "data-cp"));
            std::string hex;
            while (cps >> hex)
                utf8::append(chars, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
            add_text(chars, cls.find("brk") != std::string::npos);
        }
        stack.push_back(o);
        const auto depth = static_cast<int>(
            std::count_if(stack.begin(), stack.end(), [](const Open& x) { return x.n >= 0; }));
        shown.max_depth = std::max(shown.max_depth, depth);
    }
    shown.balanced = shown.balanced && stack.empty();
    return shown;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return out;
}

void require_marked_exactly(const Document& doc, const output::FileReport& report,
                            const Shown& shown) {
    REQUIRE(shown.balanced);
    for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
        const int n = static_cast<int>(i + 1);
        const Span s = report.diagnostics[i].span;
        INFO("finding " << n << " at " << s.begin << ".." << s.end);
        CHECK(shown.anchors.at(n) == 1);
        if (!s.empty()) CHECK(shown.finding_text.at(n) == doc.source.substr(s.begin, s.size()));
    }
    CHECK(shown.anchors.size() == report.diagnostics.size());
}

}  // namespace

TEST_CASE("html: markup in the article is shown as text, never run", "[output][html]") {
    const Document doc = doc_of(
        "Attackers slipped a <script>alert(\"x\")</script> tag in.\n"
        "Smith &amp; Sons said <b>nothing</b> & left.\n");
    auto report = report_of(doc, {finding_at(doc, "<script>"), finding_at(doc, "&amp;")});
    const std::string html = render({report});

    CHECK(occurrences(html, "<script") == 1);  // the report's own
    CHECK(occurrences(html, "<b>nothing") == 0);
    CHECK(html.find("&lt;b&gt;nothing&lt;/b&gt; &amp; left.") != std::string::npos);
    CHECK(html.find("aria-describedby=\"f0-h1 f0-m1\">&lt;script&gt;</mark>alert(\"x\")&lt;/"
                    "script&gt; tag") != std::string::npos);
    CHECK(html.find("Smith <mark") != std::string::npos);
    CHECK(html.find(">&amp;amp;</mark> Sons") != std::string::npos);

    const Shown shown = shown_text(html);
    CHECK(joined(shown.lines) + "\n" == doc.source);
    require_marked_exactly(doc, report, shown);
}

TEST_CASE("html: every finding is marked at exactly its bytes, with line and column",
          "[output][html]") {
    const Document doc = doc_of(
        "Kyiv, Zürich and Tōkyō\n"
        "\n"
        "The minister said toi reporters that the the plan failed. 🙂 Thier view.\n");
    std::vector<Diagnostic> diags{finding_at(doc, "toi"), finding_at(doc, "the the"),
                                  finding_at(doc, "Thier"), finding_at(doc, "Tōkyō")};
    const auto report = report_of(doc, diags);
    const std::string html = render({report});
    const Shown shown = shown_text(html);
    REQUIRE(shown.lines.size() == 3);
    CHECK(shown.lines[0] == "Kyiv, Zürich and Tōkyō");
    CHECK(shown.lines[1].empty());
    require_marked_exactly(doc, report, shown);
    // Notes carry line:column, columns in code points (the emoji is one).
    CHECK(html.find("data-n=\"1\">1:18</span>") != std::string::npos);  // Tōkyō
    CHECK(html.find("data-n=\"2\">3:19</span>") != std::string::npos);  // toi
    CHECK(html.find("data-n=\"3\">3:38</span>") != std::string::npos);  // the the
    CHECK(html.find("data-n=\"4\">3:61</span>") != std::string::npos);  // Thier
    // Each finding's first mark is focusable and described by its note.
    CHECK(html.find("id=\"f0-2\" tabindex=\"0\" aria-describedby=\"f0-h2 f0-m2\">toi</mark>") !=
          std::string::npos);
}

TEST_CASE("html: CRLF and CR line endings give the right lines", "[output][html]") {
    const Document doc = doc_of("One\r\nTwo toi\rThree toi\r\n");
    const auto report = report_of(doc, {finding_at(doc, "toi"), finding_at(doc, "toi", 1)});
    const std::string html = render({report});
    const Shown shown = shown_text(html);
    CHECK(shown.lines == std::vector<std::string>{"One", "Two toi", "Three toi"});
    CHECK(html.find("data-n=\"1\">2:5</span>") != std::string::npos);
    CHECK(html.find("data-n=\"2\">3:7</span>") != std::string::npos);
    CHECK(html.find('\r') == std::string::npos);
    require_marked_exactly(doc, report, shown);
}

TEST_CASE("html: overlapping findings nest or split and stay well formed", "[output][html]") {
    const Document doc = doc_of("alpha beta gamma delta epsilon\n");
    const auto at = [&](std::string_view w) {
        return static_cast<std::uint32_t>(doc.source.find(w));
    };
    std::vector<Diagnostic> diags{
        finding(at("alpha"), at("gamma") + 5, "a"),        // alpha beta gamma
        finding(at("beta"), at("delta") + 5, "b"),         // crosses the first
        finding(at("beta"), at("beta") + 4, "c"),          // inside both
        finding(at("beta"), at("beta") + 4, "d"),          // the same span again
        finding(at("epsilon"), at("epsilon"), "e"),        // an insertion point
        finding(at("delta") + 2, at("epsilon") + 3, "f"),  // across a word boundary
    };
    const auto report = report_of(doc, diags);
    const std::string html = render({report});
    const Shown shown = shown_text(html);
    require_marked_exactly(doc, report, shown);
    CHECK(shown.max_depth == 4);  // "beta" sits under a, b, c and d
    // Underline layers keep crossing findings apart.
    // Numbered in output order: a=1, c=2, d=3, b=4, f=5, e=6.
    CHECK(shown.layer.count(1) == 0);  // a: the outermost
    CHECK(shown.layer.at(4) == 1);     // b crosses a
    CHECK(shown.layer.at(2) == 2);     // c lies in a and b
    CHECK(shown.layer.at(3) == 3);     // d: c again
    CHECK(shown.layer.count(5) == 0);  // f starts after a, c and d have ended
    // The insertion point is an empty, focusable mark.
    CHECK(html.find("<mark class=\"f empty s-warning c-spelling\" data-n=\"6\" id=\"f0-6\"") !=
          std::string::npos);
    CHECK(joined(shown.lines) + "\n" == doc.source);
}

TEST_CASE("html: a finding across a line break marks both lines and the break", "[output][html]") {
    const Document doc = doc_of("He said the\nthe plan\n\nwas off.\n");
    const auto from = static_cast<std::uint32_t>(doc.source.find("the\nthe"));
    const auto blank = static_cast<std::uint32_t>(doc.source.find("\n\n"));
    const auto report = report_of(doc, {finding(from, from + 7), finding(blank, blank + 2)});
    const std::string html = render({report});
    const Shown shown = shown_text(html);
    require_marked_exactly(doc, report, shown);
    CHECK(shown.finding_text.at(1) == "the\nthe");
    CHECK(shown.finding_text.at(2) == "\n\n");  // only line breaks: drawn as ↵ marks
    CHECK(shown.lines == std::vector<std::string>{"He said the", "the plan", "", "was off."});
}

TEST_CASE("html: bidi controls are neutralised and shown everywhere", "[output][html]") {
    const std::string rlo = "\xE2\x80\xAE";
    const std::string lri = "\xE2\x81\xA6";
    const std::string pdi = "\xE2\x81\xA9";
    const std::string rlm = "\xE2\x80\x8F";
    const Document doc = doc_of(
        "Open invoice" + rlo + "fdp.exe now, " + lri + "text" + pdi + " and" + rlm + " more.\n",
        "drafts/" + rlo + "name.txt");
    Diagnostic d = finding_at(doc, "invoice" + rlo + "fdp");
    d.rule = "bidi" + rlo + "rule";
    d.message = "Remove the override in 'invoice" + rlo + "fdp'.";
    d.suggestions = {"invoice" + rlo};
    d.fix = Fix{"Delete " + rlo, {Edit{{d.span.begin + 7, d.span.begin + 10}, ""}}, true};
    const auto report = report_of(doc, {d});
    const std::string html = render({report});

    for (const std::string& control : {rlo, lri, pdi, rlm}) {
        CHECK(html.find(control) == std::string::npos);
    }
    CHECK(html.find("data-cp=\"202E\"") != std::string::npos);
    CHECK(html.find("\xE2\x9F\xA8RLO\xE2\x9F\xA9</span>") != std::string::npos);
    CHECK(html.find("\xE2\x9F\xA8LRI\xE2\x9F\xA9</span>text<span") != std::string::npos);
    CHECK(html.find("data-rule=\"bidi\xE2\x9F\xA8RLO\xE2\x9F\xA9rule\"") != std::string::npos);
    // The text still reads back as the original characters.
    const Shown shown = shown_text(html);
    CHECK(joined(shown.lines) + "\n" == doc.source);
    require_marked_exactly(doc, report, shown);
    // Lines take their direction from their own text, and names are isolated.
    CHECK(html.find("<div class=\"ln\" dir=\"auto\">") != std::string::npos);
    CHECK(html.find("<bdi>drafts/<span class=\"inv hard\"") != std::string::npos);
}

TEST_CASE("html: invisible characters are drawn where a finding covers them", "[output][html]") {
    const std::string zwsp = "\xE2\x80\x8B";
    const std::string shy = "\xC2\xAD";
    const Document doc =
        doc_of("pass" + zwsp + "word and infor" + shy + "mation, un" + zwsp + "touched\n");
    Diagnostic d1 = finding_at(doc, zwsp);
    d1.category = Category::Unicode;
    const auto report = report_of(doc, {d1, finding_at(doc, "infor" + shy + "mation")});
    const std::string html = render({report});
    CHECK(html.find("data-cp=\"200B\" title=\"U+200B zero width space\">\xE2\x9F\xA8ZWSP") !=
          std::string::npos);
    CHECK(html.find("infor<span class=\"inv\" dir=\"ltr\" data-cp=\"AD\"") != std::string::npos);
    CHECK(html.find("un" + zwsp + "touched") != std::string::npos);  // not in a finding: as is
    const Shown shown = shown_text(html);
    CHECK(joined(shown.lines) + "\n" == doc.source);
    require_marked_exactly(doc, report, shown);
}

TEST_CASE("html: control characters and broken UTF-8 outside the article", "[output][html]") {
    const Document doc = doc_of(std::string("Bell\x07 and DEL\x7F and NEL\xC2\x85 here.\n"));
    Diagnostic d = finding_at(doc, "Bell");
    d.message = "Bad \xFF\xFE byte and a \x1B[31m colour.";
    output::FileReport report = report_of(doc, {d});
    report.path = "bad\xC3name.txt";
    const std::string html = render({report});
    CHECK_FALSE(utf8::find_invalid(html).has_value());
    CHECK(html.find('\x07') == std::string::npos);
    CHECK(html.find('\x7F') == std::string::npos);
    CHECK(html.find('\x1B') == std::string::npos);
    CHECK(html.find("\xC2\x85") == std::string::npos);
    CHECK(html.find("\xE2\x9F\xA8"
                    "BEL\xE2\x9F\xA9") != std::string::npos);
    CHECK(html.find("\xE2\x9F\xA8"
                    "ESC\xE2\x9F\xA9</span>[31m") != std::string::npos);
    CHECK(html.find("Bad \xEF\xBF\xBD\xEF\xBF\xBD byte") != std::string::npos);
    const Shown shown = shown_text(html);
    CHECK(joined(shown.lines) + "\n" == doc.source);
}

TEST_CASE("html: spans out of range or inside a character are clamped, not trusted",
          "[output][html]") {
    const Document doc = doc_of("Café au lait");
    const auto e_acute = static_cast<std::uint32_t>(doc.source.find("é"));
    const auto report = report_of(doc, {finding(e_acute + 1, e_acute + 2),  // inside é
                                        finding(7, 400), finding(900, 950)});
    const std::string html = render({report});
    CHECK_FALSE(utf8::find_invalid(html).has_value());
    const Shown shown = shown_text(html);
    REQUIRE(shown.balanced);
    CHECK(shown.finding_text.at(1) == "é");
    CHECK(shown.finding_text.at(2) == "u lait");
    CHECK(shown.anchors.at(3) == 1);  // past the end: an insertion mark at the end
    CHECK(joined(shown.lines) == doc.source);
}

TEST_CASE("html: fixes are shown as before and after", "[output][html]") {
    const Document doc =
        doc_of("Investigators said the the trick has been used in phishing campaigns for years.\n");
    const auto from = static_cast<std::uint32_t>(doc.source.find("the the"));
    Diagnostic safe = finding(from, from + 7, "repeated-word");
    safe.fix = Fix{"Delete the repeated 'the'", {Edit{{from + 3, from + 7}, ""}}, true};
    const auto trick = static_cast<std::uint32_t>(doc.source.find("trick"));
    Diagnostic unsafe = finding(trick, trick + 5, "house");
    unsafe.fix = Fix{"", {Edit{{trick, trick + 5}, "ruse"}}, false};
    const auto years = static_cast<std::uint32_t>(doc.source.find("years"));
    Diagnostic broken = finding(years, years + 5, "broken");
    broken.fix = Fix{"", {Edit{{years, years + 5}, "a"}, Edit{{years + 2, years + 3}, "b"}}, true};
    const std::string html = render({report_of(doc, {safe, unsafe, broken})});

    CHECK(html.find("<span class=\"k\">Safe fix</span> \xC2\xB7 <span dir=\"auto\">Delete the "
                    "repeated 'the'</span>") != std::string::npos);
    CHECK(html.find("<dt>Before</dt><dd dir=\"auto\">Investigators said the<del> the</del> trick "
                    "has been used in\xE2\x80\xA6</dd>") != std::string::npos);
    CHECK(html.find("<dt>After</dt><dd dir=\"auto\">Investigators said the<span class=\"caret\" "
                    "title=\"removed here\"></span> trick has been used in\xE2\x80\xA6</dd>") !=
          std::string::npos);
    CHECK(html.find("Possible fix, check it first") != std::string::npos);
    CHECK(html.find("<ins>ruse</ins>") != std::string::npos);
    CHECK(occurrences(html, "<div class=\"fix") == 2);  // overlapping edits: no fix shown
}

TEST_CASE("html: summary, chart, filters and per-file sections", "[output][html]") {
    const Document a = doc_of("He said toi them and the the rest.\n", "a.txt");
    const Document clean = doc_of("Nothing to see.\n", "clean.txt");
    Diagnostic rep = finding_at(a, "the the");
    rep.rule = "repeated-word";
    rep.category = Category::Repetition;
    Diagnostic err = finding_at(a, "them");
    err.rule = "names";
    err.severity = Severity::Error;
    err.category = Category::Names;
    output::FileReport missing;
    missing.path = "missing<1>.txt";
    missing.error = "no such file";
    const std::string html =
        render({report_of(a, {finding_at(a, "toi"), rep, err}), report_of(clean, {}), missing});

    CHECK(html.find("<title>copydesk report: 3 findings in 3 files</title>") != std::string::npos);
    CHECK(html.find("<li><b>3</b>files</li><li><b>3</b>findings</li><li class=\"s-error\"><b>1"
                    "</b>error</li><li class=\"s-warning\"><b>2</b>warnings</li>") !=
          std::string::npos);
    // One bar per rule and per category, drawn in SVG, with a text alternative.
    CHECK(html.find("<title id=\"chart-rules-t\">Findings per rule: names 1, repeated-word 1, "
                    "spelling 1.</title>") != std::string::npos);
    CHECK(occurrences(html, "<rect class=\"bar\"") == 6);
    // Files: counts, a clean file, an unreadable one with its name escaped.
    CHECK(html.find(
              "<bdi>a.txt</bdi></a></th><td>1</td><td>2</td><td class=\"z\">0</td><td>3</td>") !=
          std::string::npos);
    CHECK(html.find("<p class=\"clean\">No findings.</p>") != std::string::npos);
    CHECK(html.find("<bdi>missing&lt;1&gt;.txt</bdi>") != std::string::npos);
    CHECK(html.find("<p class=\"ferr\">Not checked: no such file</p>") != std::string::npos);
    // Filters for severity, category, rule and file.
    CHECK(html.find("name=\"severity\" value=\"error\" checked") != std::string::npos);
    CHECK(html.find("name=\"category\" value=\"repetition\" checked") != std::string::npos);
    CHECK(html.find("name=\"rule\" value=\"repeated-word\" checked") != std::string::npos);
    CHECK(html.find("<option value=\"0\">a.txt (3)</option>") != std::string::npos);
    CHECK(html.find("<option value=\"1\">") == std::string::npos);  // nothing to show there
}

TEST_CASE("html: one self-contained file that loads nothing", "[output][html]") {
    const Document doc = doc_of("See https://example.com/x.png and toi.\n");
    const std::string html = render({report_of(doc, {finding_at(doc, "toi")})});
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.find("content=\"default-src 'none'; style-src 'sha256-") != std::string::npos);
    CHECK(occurrences(html, "<style>") == 1);
    for (std::string_view banned :
         {"<link", " src=", "url(", "@import", "@font-face", "href=\"http", "<img", "<iframe"}) {
        INFO(banned);
        CHECK(html.find(banned) == std::string::npos);
    }
    CHECK(html.find("https://example.com/x.png and ") != std::string::npos);  // text only
}

TEST_CASE("html: a 5 MB article renders every finding, in one pass", "[output][html][large]") {
    // Paragraphs of ordinary copy with a typo every few sentences, one line each.
    const std::vector<std::string> paragraphs{
        "The council voted on Tuesday to close the bridge for repairs, a decision that "
        "residents said would add an hour to their commute. Engineers found cracks in two of "
        "its steel supports last month.",
        "“We have no choice,” said the mayor, who recieved the report on Friday. “The bridge is "
        "not safe for heavy trucks, and we will not wait for an accident.”",
        "Opposition members said the the city had ignored warnings for a decade. A review in "
        "2015 recommended replacing the supports within five years.",
        "Work is expected to begin in March and to cost about €40 million, or roughly "
        "$43 million, paid partly from a national fund for infrastucture.",
    };
    std::string text;
    std::vector<std::pair<std::string_view, std::size_t>> typos{
        {"recieved", 8}, {"the the", 7}, {"infrastucture", 13}};
    std::vector<Diagnostic> diags;
    while (text.size() < 5 * 1024 * 1024) {
        for (const std::string& p : paragraphs) {
            const std::size_t base = text.size();
            text += p;
            text += "\n\n";
            for (const auto& [word, len] : typos) {
                const std::size_t at = p.find(word);
                if (at == std::string::npos) continue;
                diags.push_back(finding(static_cast<std::uint32_t>(base + at),
                                        static_cast<std::uint32_t>(base + at + len)));
            }
        }
    }
    const Document doc = doc_of(text);
    const auto report = report_of(doc, diags);
    const std::string html = render({report});
    const Shown shown = shown_text(html);
    CHECK(joined(shown.lines) + "\n" == doc.source);
    require_marked_exactly(doc, report, shown);
    CHECK(html.find("<section class=\"card file long\"") != std::string::npos);

    // The same copy as a single 5 MB line: columns still right at the far end.
    std::string one_line = text;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    const Document flat = doc_of(one_line);
    const auto flat_report = report_of(flat, diags);
    const std::string flat_html = render({flat_report});
    const Shown flat_shown = shown_text(flat_html);
    REQUIRE(flat_shown.lines.size() == 1);
    require_marked_exactly(flat, flat_report, flat_shown);
    const Diagnostic& last = flat_report.diagnostics.back();
    const std::string last_pos =
        "data-n=\"" + std::to_string(flat_report.diagnostics.size()) + "\">1:" +
        std::to_string(
            utf8::count_code_points(std::string_view(flat.source).substr(0, last.span.begin)) + 1) +
        "</span>";
    CHECK(flat_html.find(last_pos) != std::string::npos);
}

TEST_CASE("html: piles of findings on the same text stay linear in size", "[output][html][large]") {
    // 2,000 findings over the whole text plus one on every word: without a cap on nesting,
    // every one of the ~4,000 pieces would carry 2,000 marks.
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "word ";
    const Document doc = doc_of(text);
    std::vector<Diagnostic> diags;
    for (int i = 0; i < 2000; ++i) {
        diags.push_back(finding(0, static_cast<std::uint32_t>(text.size())));
        diags.push_back(
            finding(static_cast<std::uint32_t>(i * 5), static_cast<std::uint32_t>(i * 5 + 4)));
    }
    const auto report = report_of(doc, diags);
    const std::string html = render({report});
    const Shown shown = shown_text(html);
    REQUIRE(shown.balanced);
    CHECK(shown.anchors.size() == diags.size());
    CHECK(html.size() < 8 * 1024 * 1024);
    CHECK(shown.max_depth <= 2001);  // every whole-text finding is opened once, at the start
}
