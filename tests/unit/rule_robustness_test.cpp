// Every rule on odd inputs: no exception, every finding and fix inside the text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "config/session.hpp"
#include "core/edits.hpp"
#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "rules/pack.hpp"

using namespace copydesk;

TEST_CASE("every rule stays inside the text on odd input", "[rules][robustness]") {
    auto packs = rules::load_rule_packs(std::string(COPYDESK_SOURCE_DIR) + "/rules");
    REQUIRE(std::holds_alternative<std::vector<rules::RulePack>>(packs));
    std::vector<std::shared_ptr<const rules::Rule>> pack_rules;
    for (const auto& p : std::get<std::vector<rules::RulePack>>(packs)) {
        pack_rules.insert(pack_rules.end(), p.rules.begin(), p.rules.end());
    }
    rules::Selection all;
    for (const auto& r : config::all_rules(pack_rules)) all.enable.insert(r->info().id);
    rules::Linter linter(config::all_rules(pack_rules), all, nullptr);

    const std::vector<std::string> inputs{
        "",
        "\"",
        "“",
        "’",
        "'",
        "(",
        ")",
        "]",
        "..",
        ",,",
        "â€",
        "Ã",
        "\u0301",
        "\u0301abc e\u0301",
        "\u200D",
        "\u200B\u200B\u200B",
        "\u202E",
        "\uFEFF",
        "\u00A0",
        "\u00A0\u00A0word\u00A0",
        "ﬁ",
        "#",
        "@",
        "https://",
        "#tag@handle.https://x.co/a#b",
        "word.#tag",
        "Last",
        "Last ",
        "Earlier this",
        "Next\n\nLast\n",
        " - ",
        "—",
        "– – –",
        "-- -- --",
        "...",
        ". . .",
        "…",
        "&amp;",
        "&#99999999;",
        "&#x110000;",
        "&#0;",
        "<br",
        "<p>",
        "<!-- -->",
        "Read more:",
        "— Name (@h) March 3, 2023",
        "TK",
        "[INSERT",
        "\"\"\"\"\"'''''“““”””‘‘‘’’’",
        "((([[[{{{}}}]]])))",
        "a\r\nb\rc\n",
        "\t\t\t",
        "Кyiv Kyіv Ἀθῆναι 東京 مرحبا\u200Cبك 👩\u200D💻",
        std::string(2000, '"'),
        std::string(3000, '.'),
        std::string(1000, ' ') + "x" + std::string(1000, ' '),
    };
    for (const std::string& text : inputs) {
        INFO("input: " << text.substr(0, 60));
        auto loaded = markup::load_document("odd.txt", text, markup::Format::Plain);
        REQUIRE(std::holds_alternative<Document>(loaded));
        const Document& doc = std::get<Document>(loaded);
        std::vector<Diagnostic> diags;
        REQUIRE_NOTHROW(diags = linter.lint(doc));
        for (const Diagnostic& d : diags) {
            INFO(d.rule << ": " << d.message);
            CHECK(d.span.end <= doc.source.size());
            CHECK(d.span.begin <= d.span.end);
            CHECK_FALSE(d.message.empty());
            if (!d.fix) continue;
            for (const Edit& e : d.fix->edits) CHECK(e.span.end <= doc.source.size());
            CHECK_NOTHROW(apply_edits(doc.source, d.fix->edits));
        }
    }
}
