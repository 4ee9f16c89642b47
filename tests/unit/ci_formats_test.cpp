#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "markup/reader.hpp"
#include "output/formatter.hpp"

using namespace copydesk;

namespace {

Document doc_of(std::string path, std::string text) {
    Document doc = std::get<Document>(
        markup::load_document(std::move(path), std::move(text), markup::Format::Plain));
    doc.lines = SourceMap(doc.source);  // moving a short string relocates its bytes
    return doc;
}

Diagnostic finding(const Document& doc, std::string_view word, std::string message,
                   Severity severity = Severity::Warning) {
    Diagnostic d;
    d.rule = "spelling";
    d.severity = severity;
    d.category = Category::Spelling;
    const auto at = static_cast<std::uint32_t>(doc.source.find(word));
    d.span = {at, at + static_cast<std::uint32_t>(word.size())};
    d.message = std::move(message);
    return d;
}

std::string render(std::string_view format, const std::vector<output::FileReport>& reports,
                   const output::FormatOptions& options = {}) {
    std::ostringstream out;
    auto f = output::make_formatter(format, out, options);
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

output::FileReport report(const Document& doc, std::vector<Diagnostic> diags) {
    output::FileReport r;
    r.path = doc.path;
    r.document = &doc;
    r.diagnostics = std::move(diags);
    return r;
}

std::vector<nlohmann::json> lines_of(const std::string& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

}  // namespace

TEST_CASE("every format name makes a formatter", "[output]") {
    std::ostringstream out;
    for (const std::string& name : output::format_names()) {
        CHECK(output::make_formatter(name, out, {}) != nullptr);
    }
    CHECK(output::make_formatter("yaml", out, {}) == nullptr);
}

TEST_CASE("github output is a workflow command with escaped properties and message", "[output]") {
    const Document doc = doc_of("news/a,b:c%.txt", "Lede.\nIn Zürich he said toi them.\n");
    Diagnostic d = finding(doc, "toi", "Unknown word 'toi': 100% wrong,\r\nsee notes.");
    output::FileReport unreadable;
    unreadable.path = "gone.txt";
    unreadable.error = "no such file";
    CHECK(render("github", {report(doc, {d}), unreadable}) ==
          "::warning file=news/a%2Cb%3Ac%25.txt,line=2,col=19,endLine=2,endColumn=22,"
          "title=copydesk (spelling)::Unknown word 'toi': 100%25 wrong,%0D%0Asee notes.\n"
          "::error file=gone.txt,title=copydesk::no such file\n");
}

TEST_CASE("github output maps severities to error and warning and notice", "[output]") {
    const Document doc = doc_of("s.txt", "one two three, and some more words");
    const std::string out =
        render("github", {report(doc, {finding(doc, "one", "a", Severity::Error),
                                       finding(doc, "two", "b", Severity::Warning),
                                       finding(doc, "three", "c", Severity::Suggestion)})});
    CHECK(out.find("::error file=s.txt,line=1,col=1,") == 0);
    CHECK(out.find("\n::warning file=s.txt,line=1,col=5,") != std::string::npos);
    CHECK(out.find("\n::notice file=s.txt,line=1,col=9,") != std::string::npos);
}

TEST_CASE("checkstyle output is escaped XML", "[output]") {
    const Document doc = doc_of("<a&b>.txt", "He said toi \"them\".\n");
    Diagnostic d = finding(doc, "toi", "Use 'to' & not \"toi\" <here>\x01.");
    d.severity = Severity::Suggestion;
    output::FileReport unreadable;
    unreadable.path = "gone.txt";
    unreadable.error = "no such file";
    CHECK(render("checkstyle", {report(doc, {d}), unreadable}) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<checkstyle version=\"4.3\">\n"
          "  <file name=\"&lt;a&amp;b&gt;.txt\">\n"
          "    <error line=\"1\" column=\"9\" severity=\"info\" message=\"Use &apos;to&apos; "
          "&amp; not &quot;toi&quot; &lt;here&gt;U+0001.\" source=\"copydesk.spelling\"/>\n"
          "  </file>\n"
          "  <file name=\"gone.txt\">\n"
          "    <error severity=\"error\" message=\"no such file\" source=\"copydesk\"/>\n"
          "  </file>\n"
          "</checkstyle>\n");
}

TEST_CASE("jsonl output is one object per finding then a summary", "[output]") {
    const Document doc = doc_of("s.txt", "He said toi them, toi.\n");
    Diagnostic second = finding(doc, "toi.", "Unknown word 'toi'.");
    second.span = {18, 21};
    second.fix = Fix{"Replace", {{{18, 21}, "to"}}, true};
    output::FileReport unreadable;
    unreadable.path = "gone.txt";
    unreadable.error = "no such file";
    const auto lines = lines_of(render(
        "jsonl", {report(doc, {finding(doc, "toi", "Unknown word 'toi'."), second}), unreadable}));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0]["type"] == "diagnostic");
    CHECK(lines[0]["path"] == "s.txt");
    CHECK(lines[0]["rule"] == "spelling");
    CHECK(lines[0]["line"] == 1);
    CHECK(lines[0]["column"] == 9);
    CHECK(lines[0]["offset"] == 8);
    CHECK(lines[0]["fix"].is_null());
    CHECK(lines[1]["column"] == 19);
    CHECK(lines[1]["fix"]["edits"][0]["replacement"] == "to");
    CHECK(lines[2] ==
          nlohmann::json::parse(R"({"type":"error","path":"gone.txt","error":"no such file"})"));
    CHECK(lines[3]["type"] == "summary");
    CHECK(lines[3]["diagnostics"] == 2);
    CHECK(lines[3]["files"] == 2);
}

TEST_CASE("rdjsonl counts columns in bytes and turns fixes into suggestions", "[output]") {
    const Document doc = doc_of("s.txt", "Lede.\nZürich 😀 toi.\n");
    Diagnostic d = finding(doc, "toi", "Unknown word 'toi'.", Severity::Error);
    d.fix = Fix{"Replace", {{d.span, "to"}}, true};
    d.link = "https://example.org/rules/spelling";
    const auto lines = lines_of(render("rdjsonl", {report(doc, {d})}));
    REQUIRE(lines.size() == 1);
    // "Zürich " is 8 bytes, the emoji 4 and a space: "toi" starts at byte column 14.
    CHECK(lines[0] == nlohmann::json::parse(R"({
        "message": "Unknown word 'toi'.",
        "location": {"path": "s.txt",
                     "range": {"start": {"line": 2, "column": 14},
                               "end": {"line": 2, "column": 17}}},
        "severity": "ERROR",
        "source": {"name": "copydesk"},
        "code": {"value": "spelling", "url": "https://example.org/rules/spelling"},
        "suggestions": [{"range": {"start": {"line": 2, "column": 14},
                                   "end": {"line": 2, "column": 17}},
                         "text": "to"}]})"));
}

TEST_CASE("sarif output lists rules and places results in code points", "[output]") {
    const Document doc = doc_of("news/story one.txt", "Lede.\nZürich 😀 toi.\n");
    Diagnostic d = finding(doc, "toi", "Unknown word 'toi'.", Severity::Suggestion);
    d.suggestions = {"to"};
    output::FormatOptions options;
    options.tool_version = "9.9.9";
    options.rules = {
        {"repeated-word", Category::Repetition, Severity::Warning, "Doubled words.", "", ""},
        {"spelling", Category::Spelling, Severity::Warning, "Unknown words.", "Checks words.",
         "https://example.org/spelling"}};
    const auto log = nlohmann::json::parse(render("sarif", {report(doc, {d})}, options));
    CHECK(log["version"] == "2.1.0");
    const auto& run = log["runs"][0];
    CHECK(run["columnKind"] == "unicodeCodePoints");
    CHECK(run["tool"]["driver"]["version"] == "9.9.9");
    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 2);
    CHECK(rules[0]["fullDescription"]["text"] == "Doubled words.");  // falls back to summary
    CHECK_FALSE(rules[0].contains("helpUri"));
    CHECK(rules[1]["helpUri"] == "https://example.org/spelling");
    CHECK(rules[1]["properties"]["tags"] == nlohmann::json::array({"spelling"}));
    const auto& result = run["results"][0];
    CHECK(result["ruleIndex"] == 1);
    CHECK(result["level"] == "note");
    const auto& loc = result["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "news/story%20one.txt");
    // "Zürich " is 7 code points, the emoji one and a space.
    CHECK(loc["region"] ==
          nlohmann::json::parse(R"({"startLine":2,"startColumn":10,"endLine":2,"endColumn":13})"));
    CHECK_FALSE(result.contains("fixes"));
    CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("docs/ci.md describes exactly the CI formats", "[output][docs]") {
    std::ifstream in(COPYDESK_SOURCE_DIR "/docs/ci.md");
    REQUIRE(in);
    std::vector<std::string> documented;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("| `") && !line.starts_with("| `-") &&
            line.find("` |") != std::string::npos) {
            documented.push_back(line.substr(3, line.find("` |") - 3));
        }
    }
    std::vector<std::string> ci;
    for (const std::string& name : output::format_names()) {
        if (name != "text" && name != "line" && name != "json") ci.push_back(name);
    }
    std::sort(documented.begin(), documented.end());
    std::sort(ci.begin(), ci.end());
    CHECK(documented == ci);
}
