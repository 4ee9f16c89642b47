#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "markup/reader.hpp"
#include "output/formatter.hpp"
#include "output/json_fields.hpp"

using namespace copydesk;

namespace {

Document doc_of(std::string text) {
    return std::get<Document>(
        markup::load_document("drafts/story.txt", std::move(text), markup::Format::Plain));
}

output::FileReport report_for(const Document& doc) {
    output::FileReport r;
    r.path = doc.path;
    r.document = &doc;
    Diagnostic d;
    d.rule = "spelling";
    d.severity = Severity::Warning;
    d.category = Category::Spelling;
    const auto at = static_cast<std::uint32_t>(doc.source.find("toi"));
    d.span = {at, at + 3};
    d.message = "Unknown word 'toi'; did you mean 'to'?";
    d.suggestions = {"to", "toe", "tot"};
    r.diagnostics.push_back(d);
    return r;
}

std::string render(std::string_view format, const std::vector<output::FileReport>& reports) {
    std::ostringstream out;
    auto f = output::make_formatter(format, out, {});
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

}  // namespace

TEST_CASE("a file not read, with no findings, has no document to show", "[output]") {
    // --diff-base reads no file without a changed line: its report has neither findings nor
    // a document, and every format must pass it by without asking for one.
    const Document doc = doc_of("Headline\n\nHe said toi them.\n");
    output::FileReport unread;
    unread.path = "archive/old.txt";
    for (const std::string_view format :
         {"text", "line", "json", "jsonl", "sarif", "github", "checkstyle", "rdjsonl", "html"}) {
        INFO(format);
        const std::string out = render(format, {unread, report_for(doc)});
        CHECK(out.find("toi") != std::string::npos);
    }
    const auto j = nlohmann::json::parse(render("json", {unread}));
    CHECK(j["files"][0]["path"] == "archive/old.txt");
    CHECK(j["files"][0]["diagnostics"].empty());
}

TEST_CASE("json output follows the version 1 contract", "[output]") {
    const Document doc = doc_of("Headline\r\n\r\nIn Zürich he said toi them.\n");
    output::FileReport unreadable;
    unreadable.path = "missing.txt";
    unreadable.error = "no such file";
    const auto j = nlohmann::json::parse(render("json", {report_for(doc), unreadable}));
    CHECK(j["version"] == 1);
    REQUIRE(j["files"].size() == 2);
    const auto& d = j["files"][0]["diagnostics"][0];
    CHECK(j["files"][0]["path"] == "drafts/story.txt");
    CHECK(d["rule"] == "spelling");
    CHECK(d["severity"] == "warning");
    CHECK(d["category"] == "spelling");
    CHECK(d["line"] == 3);
    CHECK(d["column"] == 19);  // "ü" is one code point
    CHECK(d["end_line"] == 3);
    CHECK(d["end_column"] == 22);
    CHECK(d["offset"] == doc.source.find("toi"));
    CHECK(d["length"] == 3);
    CHECK(d["suggestions"] == nlohmann::json::array({"to", "toe", "tot"}));
    CHECK(d["fix"].is_null());
    CHECK(j["files"][1]["error"] == "no such file");
    CHECK_FALSE(j["files"][1].contains("diagnostics"));
    CHECK(j["summary"] ==
          nlohmann::json::parse(
              R"({"files":2,"diagnostics":1,"errors":0,"warnings":1,"suggestions":0})"));
}

TEST_CASE("json carries fixes as byte edits", "[output]") {
    const Document doc = doc_of("He said toi them.");
    auto r = report_for(doc);
    r.diagnostics[0].fix = Fix{"Replace", {{{8, 11}, "to"}}, true};
    const auto j = nlohmann::json::parse(render("json", {r}));
    const auto& fix = j["files"][0]["diagnostics"][0]["fix"];
    CHECK(fix["safe"] == true);
    CHECK(fix["edits"][0] ==
          nlohmann::json::parse(R"({"offset":8,"length":3,"replacement":"to"})"));
}

TEST_CASE("json strings are written byte for byte as nlohmann dumps them", "[output]") {
    // Pieces a string is made of: plain text, what must be escaped, control characters,
    // UTF-8 of every length, and bytes that are not UTF-8 (cut sequences, stray
    // continuations, an overlong form).
    const std::vector<std::string> pieces = {
        "a",        "Kyiv", " ",        "\"",   "\\",     "/",       "\n",         "\r",
        "\t",       "\x01", "\x1f",     "\x7f", "\u00e9", "\u2019",  "\U0001F600", "\xc3",
        "\xe2\x80", "\x80", "\xc0\xaf", "\xff", "\x00",   "\\u0041", "\u200b"};
    std::mt19937 rng(20261130);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, 12);
    for (int n = 0; n < 5000; ++n) {
        std::string s;
        for (int k = length(rng); k > 0; --k) s += pieces[piece(rng)];
        std::string written;
        output::append_json_string(written, s);
        INFO(n);
        REQUIRE(written == output::dump(output::Json(s)));
    }
}

TEST_CASE("long json strings with one byte to escape or check are written as nlohmann dumps them",
          "[output]") {
    // Plain ASCII of every length to 70 bytes (the sixteen-byte steps and the bytes after
    // them), as is and with one special byte or character at each place.
    const std::vector<std::string> specials = {"\"",   "\\",   "\n",     "\x01",
                                               "\x1f", "\x7f", "\u00e9", "\u2019",
                                               "\xc3", "\xff", "\x80",   std::string(1, '\0')};
    for (std::size_t n = 0; n <= 70; ++n) {
        std::string plain;
        const std::string_view kPlain = "Kyiv said: 'toi' (2026) ~ {a/b} -!?.,;~\x7e";
        for (std::size_t k = 0; k < n; ++k) plain += kPlain[(k * 7) % kPlain.size()];
        std::vector<std::string> texts = {plain};
        for (const std::string& special : specials) {
            for (std::size_t at = 0; at <= n; ++at) {
                texts.push_back(plain.substr(0, at) + special + plain.substr(at));
            }
        }
        for (const std::string& s : texts) {
            std::string written = "x";
            output::append_json_string(written, s);
            INFO(s);
            REQUIRE(written == "x" + output::dump(output::Json(s)));
        }
    }
}

TEST_CASE("jsonl and json quote the path, message and suggestions", "[output]") {
    const Document doc = doc_of("He said toi them.");
    auto r = report_for(doc);
    r.path = "drafts/\"quoted\" \\ name.txt";
    r.diagnostics[0].message = "Say \"to\"\tnot 'toi'";
    r.diagnostics[0].suggestions = {"to\\", "\xff"};
    for (const std::string_view format : {"json", "jsonl"}) {
        const std::string text = render(format, {r});
        const auto line = text.substr(0, format == "jsonl" ? text.find('\n') : text.size());
        const auto j = nlohmann::json::parse(line);
        const auto& d = format == "jsonl" ? j : j["files"][0]["diagnostics"][0];
        CHECK((format == "jsonl" ? j["path"] : j["files"][0]["path"]) == r.path);
        CHECK(d["message"] == r.diagnostics[0].message);
        CHECK(d["suggestions"] == nlohmann::json::array({"to\\", "\ufffd"}));
    }
}

TEST_CASE("line output is path:line:col: severity: message [rule]", "[output]") {
    const Document doc = doc_of("First.\nHe said toi them.\n");
    CHECK(render("line", {report_for(doc)}) ==
          "drafts/story.txt:2:9: warning: Unknown word 'toi'; did you mean 'to'? [spelling]\n");
}

TEST_CASE("text output shows the line with a caret under the finding", "[output]") {
    const Document doc = doc_of("He said toi them.\n");
    const std::string out = render("text", {report_for(doc)});
    CHECK(out.find("drafts/story.txt\n") == 0);
    CHECK(out.find("    1 | He said toi them.\n") != std::string::npos);
    CHECK(out.find("      |         ^^^\n") != std::string::npos);
    CHECK(out.find("\x1b[") == std::string::npos);  // no color unless asked
}

TEST_CASE("text output windows long lines around the finding", "[output]") {
    const Document doc = doc_of(std::string(200, 'a') + " toi " + std::string(200, 'b'));
    const std::string out = render("text", {report_for(doc)});
    CHECK(out.find("| ...") != std::string::npos);
    CHECK(out.find("...\n") != std::string::npos);
}
