#include <catch2/catch.hpp>

#include "markup_helpers.hpp"
#include "rules/linter.hpp"

using namespace copydesk;

namespace {

std::unique_ptr<spell::SpellChecker> tiny_speller() {
    return std::make_unique<spell::SpellChecker>(
        spell::make_hunspell({COPYDESK_TEST_DATA "/tiny.aff", COPYDESK_TEST_DATA "/tiny.dic"}),
        std::make_shared<spell::WordList>());
}

// "rule:severity:flagged source text" for each finding.
std::vector<std::string> lint(const std::string& path, const std::string& text,
                              const rules::Selection& selection = {}) {
    auto speller = tiny_speller();
    rules::Linter linter(rules::make_builtin_rules(), selection, speller.get());
    const Document doc = copydesk::testing::load_as(path, text);
    std::vector<std::string> out;
    for (const Diagnostic& d : linter.lint(doc)) {
        out.push_back(d.rule + ":" + std::string(to_string(d.severity)) + ":" +
                      doc.source.substr(d.span.begin, d.span.size()));
    }
    return out;
}

}  // namespace

TEST_CASE("disable/enable and disable-next-line directives in Markdown", "[suppression]") {
    const std::string text =
        "He said teh talks would resume.\n"
        "\n"
        "<!-- copydesk-disable spelling -->\n"
        "She said foo talks would resume.\n"
        "<!-- copydesk-enable -->\n"
        "\n"
        "He said bar talks would resume.\n"
        "<!-- copydesk-disable-next-line spelling -->\n"
        "She said baz talks would resume.\n"
        "He said qux talks would resume.\n"
        "\n"
        "<!-- copydesk-disable repeated-word -->\n"
        "She said zap talks would would resume.\n";
    CHECK(lint("a.md", text) ==
          std::vector<std::string>{"spelling:warning:teh", "spelling:warning:bar",
                                   "spelling:warning:qux", "spelling:warning:zap"});
}

TEST_CASE("a directive without rule ids covers every rule", "[suppression]") {
    const std::string text =
        "<!-- copydesk-disable -->\n"
        "She said foo talks would would resume.\n"
        "<!-- copydesk-enable spelling -->\n"
        "He said bar talks would would resume.\n";
    CHECK(lint("a.md", text) == std::vector<std::string>{"spelling:warning:bar"});
}

TEST_CASE("the same directives in HTML and plain text", "[suppression]") {
    CHECK(lint("a.html",
               "<p>He said teh talks.</p>\n"
               "<!-- copydesk-disable-next-line spelling -->\n"
               "<p>She said foo talks.</p>\n"
               "<p>He said bar talks.</p>\n") ==
          std::vector<std::string>{"spelling:warning:teh", "spelling:warning:bar"});
    CHECK(lint("a.txt",
               "He said teh talks.\n"
               "copydesk-disable-next-line spelling\n"
               "She said foo talks.\n"
               "He said bar talks.\n"
               "\n"
               "copydesk-disable spelling\n"
               "She said baz talks.\n"
               "copydesk-enable\n"
               "He said qux talks.\n") == std::vector<std::string>{"spelling:warning:teh",
                                                                   "spelling:warning:bar",
                                                                   "spelling:warning:qux"});
}

TEST_CASE("unknown rule ids in directives are reported, and suppress nothing", "[suppression]") {
    CHECK(lint("a.md",
               "<!-- copydesk-disable speling -->\n"
               "He said teh talks.\n") ==
          std::vector<std::string>{"bad-directive:warning:speling", "spelling:warning:teh"});
}

TEST_CASE("scoped changes: quotations, block quotes and headings", "[suppression]") {
    const std::string text =
        "# Said teh talks\n"
        "\n"
        "He said “teh talks would resume” and foo.\n"
        "\n"
        "> She said bar talks.\n";
    CHECK(lint("a.md", text) ==
          std::vector<std::string>{"spelling:warning:teh", "spelling:warning:teh",
                                   "spelling:warning:foo", "spelling:warning:bar"});
    rules::Selection quiet_quotes;
    quiet_quotes.scopes["quotation"].disable.insert("spelling");
    CHECK(lint("a.md", text, quiet_quotes) ==
          std::vector<std::string>{"spelling:warning:teh", "spelling:warning:foo"});
    rules::Selection softer;
    softer.scopes["quotation"].severity["spelling"] = Severity::Suggestion;
    softer.scopes["heading"].disable.insert("spelling");
    CHECK(lint("a.md", text, softer) == std::vector<std::string>{"spelling:suggestion:teh",
                                                                 "spelling:warning:foo",
                                                                 "spelling:suggestion:bar"});
    rules::Selection block_quotes;
    block_quotes.scopes["quote"].disable.insert("spelling");
    CHECK(lint("a.md", text, block_quotes).size() == 3);
}

TEST_CASE("the report level drops findings below it", "[suppression]") {
    rules::Selection errors_only;
    errors_only.report_level = Severity::Error;
    CHECK(lint("a.md", "He said teh talks.\n", errors_only).empty());
    errors_only.severity["spelling"] = Severity::Error;
    CHECK(lint("a.md", "He said teh talks.\n", errors_only) ==
          std::vector<std::string>{"spelling:error:teh"});
}
