#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "fix/diff.hpp"
#include "fix/edits.hpp"
#include "fix/fixer.hpp"
#include "markup/reader.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

Document load(const std::string& text) {
    auto loaded = markup::load_document("case.txt", text, markup::Format::Plain);
    REQUIRE(std::holds_alternative<Document>(loaded));
    Document doc = std::get<Document>(std::move(loaded));
    doc.lines = SourceMap(doc.source);
    return doc;
}

Diagnostic finding(std::string rule, std::vector<Edit> edits, bool safe = true) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.category = Category::Typography;
    d.span = edits.empty() ? Span{} : edits.front().span;
    d.message = "Fix it.";
    d.fix = Fix{"fix", std::move(edits), safe};
    return d;
}

// Finds every occurrence of `from` in the text and proposes replacing it with `to`.
fix::LintFunction replace_all(std::string rule, std::string from, std::string to) {
    return [=](const Document& doc) {
        std::vector<Diagnostic> out;
        for (auto at = doc.source.find(from); at != std::string::npos;
             at = doc.source.find(from, at + 1)) {
            const auto b = static_cast<std::uint32_t>(at);
            out.push_back(finding(rule, {{{b, b + static_cast<std::uint32_t>(from.size())}, to}}));
        }
        return out;
    };
}

fix::LintFunction both(fix::LintFunction a, fix::LintFunction b) {
    return [=](const Document& doc) {
        auto out = a(doc);
        auto more = b(doc);
        out.insert(out.end(), more.begin(), more.end());
        return out;
    };
}

}  // namespace

TEST_CASE("only safe fixes from the selected rules are chosen", "[fix]") {
    const Document doc = load("The the plan  failed.\n");
    const std::vector<Diagnostic> diags{
        finding("repeated-word", {{{3, 7}, ""}}),
        finding("spelling", {{{4, 7}, "thee"}}, false),
        finding("double-space", {{{12, 14}, " "}}),
    };
    const auto all = fix::plan_fixes(doc, diags, {});
    CHECK(all.applied == std::vector<std::size_t>{0, 2});
    CHECK(fix::apply_sorted(doc.source, all.edits) == "The plan failed.\n");
    const auto one = fix::plan_fixes(doc, diags, fix::Filter{{"double-space"}});
    CHECK(one.applied == std::vector<std::size_t>{2});
    CHECK(fix::apply_sorted(doc.source, one.edits) == "The the plan failed.\n");
}

TEST_CASE("overlapping and touching fixes: the first in position order wins", "[fix]") {
    const Document doc = load("abcdef\n");
    const std::vector<Diagnostic> diags{
        finding("b-rule", {{{2, 4}, "X"}}),  // overlaps the a-rule fix
        finding("a-rule", {{{1, 3}, "Y"}}),  // first by position
        finding("c-rule", {{{3, 3}, "!"}}),  // an insertion where the a-rule fix ends
        finding("d-rule", {{{4, 5}, "Z"}}),  // one byte away from the a-rule fix
        finding("e-rule", {{{5, 5}, "+"}}),  // an insertion touching d-rule's end
    };
    const auto plan = fix::plan_fixes(doc, diags, {});
    CHECK(plan.applied == std::vector<std::size_t>{1, 3});
    CHECK(plan.deferred == std::vector<std::size_t>{0, 2, 4});
    CHECK(fix::apply_sorted(doc.source, plan.edits) == "aYdZf\n");
}

TEST_CASE("the plan does not depend on the order of the findings", "[fix]") {
    const Document doc = load("one two three four five six\n");
    std::vector<Diagnostic> diags{
        finding("r1", {{{0, 3}, "1"}}),   finding("r2", {{{0, 3}, "uno"}}),
        finding("r1", {{{4, 7}, "2"}}),   finding("r3", {{{6, 9}, "x"}}),
        finding("r2", {{{14, 18}, "4"}}), finding("r1", {{{14, 18}, "IV"}}),
        finding("r4", {{{19, 19}, "<"}}), finding("r4", {{{23, 23}, ">"}}),
    };
    const std::string expected =
        fix::apply_sorted(doc.source, fix::plan_fixes(doc, diags, {}).edits);
    CHECK(expected == "1 2 three IV <five> six\n");
    std::mt19937 rng(7);
    for (int i = 0; i < 20; ++i) {
        std::shuffle(diags.begin(), diags.end(), rng);
        CHECK(fix::apply_sorted(doc.source, fix::plan_fixes(doc, diags, {}).edits) == expected);
    }
}

TEST_CASE("malformed fixes are never applied", "[fix]") {
    const Document doc = load("Café au lait.\n\nSecond paragraph.\n");
    // "Café" is C a f 0xC3 0xA9; offset 4 is inside the é.
    const std::vector<Diagnostic> diags{
        finding("split", {{{4, 5}, "e"}}),                        // splits a character
        finding("beyond", {{{30, 99}, ""}}),                      // past the end
        finding("bad-utf8", {{{0, 1}, std::string("\xC3")}}),     // invalid replacement
        finding("nul", {{{0, 1}, std::string("c\0", 2)}}),        // NUL byte
        finding("noop", {{{0, 3}, "Caf"}}),                       // changes nothing
        finding("same", {{{6, 8}, "au"}}),                        // changes nothing
        finding("blank", {{{15, 16}, "x"}}),                      // between paragraphs: no prose
        finding("self-overlap", {{{0, 3}, "x"}, {{1, 2}, "y"}}),  // overlaps itself
        finding("twin-insert", {{{1, 1}, "x"}, {{1, 1}, "y"}}),   // two insertions, one point
        finding("ok", {{{0, 5}, "Coffee"}}),
    };
    const auto plan = fix::plan_fixes(doc, diags, {});
    CHECK(plan.applied == std::vector<std::size_t>{9});
    CHECK(plan.invalid == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8});
    CHECK(fix::apply_sorted(doc.source, plan.edits) == "Coffee au lait.\n\nSecond paragraph.\n");
}

TEST_CASE("composed edits reproduce sequential application with minimal spans", "[fix]") {
    const std::string original = "abc def ghi";
    const std::vector<Edit> first{{{4, 7}, "DEFG"}};  // "abc DEFG ghi"
    const std::string middle = fix::apply_sorted(original, first);
    const std::vector<Edit> second{{{3, 4}, ""}, {{7, 8}, "g"}};  // "abcDEFg ghi"
    const std::string final_text = fix::apply_sorted(middle, second);
    CHECK(final_text == "abcDEFg ghi");
    const auto composed = fix::compose(original, first, middle, second);
    CHECK(fix::apply_sorted(original, composed) == final_text);
    REQUIRE(composed.size() == 1);
    CHECK(composed[0] == Edit{{3, 7}, "DEFg"});
}

TEST_CASE("compose: random edit chains", "[fix]") {
    // Random texts with multi-byte characters and line breaks, random edits on character
    // boundaries, several rounds: the composed edits must always give the same text.
    std::mt19937 rng(20240611);
    const std::vector<std::string> alphabet{"a", "b", " ", "\n", "é", "—", "😀", "\r\n"};
    auto random_text = [&](std::size_t units) {
        std::string s;
        for (std::size_t i = 0; i < units; ++i) s += alphabet[rng() % alphabet.size()];
        return s;
    };
    auto boundaries = [](const std::string& s) {
        std::vector<std::uint32_t> b;
        for (std::uint32_t i = 0; i <= s.size(); ++i) {
            if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) b.push_back(i);
        }
        return b;
    };
    for (int round = 0; round < 300; ++round) {
        const std::string original = random_text(rng() % 30);
        std::string current = original;
        std::vector<Edit> composed;
        for (int pass = 0; pass < 4; ++pass) {
            const auto b = boundaries(current);
            std::vector<std::uint32_t> cuts;
            for (std::size_t k = rng() % 6; k > 0; --k) cuts.push_back(b[rng() % b.size()]);
            std::sort(cuts.begin(), cuts.end());
            std::vector<Edit> edits;
            std::uint32_t last_end = 0;
            bool first_edit = true;
            for (std::size_t k = 0; k + 1 < cuts.size(); k += 2) {
                if (!first_edit && cuts[k] <= last_end) continue;  // keep them from touching
                edits.push_back({{cuts[k], cuts[k + 1]}, random_text(rng() % 3)});
                last_end = cuts[k + 1];
                first_edit = false;
            }
            const std::string next = fix::apply_sorted(current, edits);
            composed = fix::compose(original, composed, current, edits);
            current = next;
            INFO("original: " << original << " pass " << pass);
            REQUIRE(fix::apply_sorted(original, composed) == current);
            for (std::size_t k = 0; k < composed.size(); ++k) {
                const Edit& e = composed[k];
                CHECK(original.substr(e.span.begin, e.span.size()) != e.replacement);
                if (k > 0) CHECK(composed[k - 1].span.end < e.span.begin);
                const auto ob = boundaries(original);
                CHECK(std::binary_search(ob.begin(), ob.end(), e.span.begin));
                CHECK(std::binary_search(ob.begin(), ob.end(), e.span.end));
            }
        }
    }
}

TEST_CASE("fixed positions map back to the original", "[fix]") {
    // "the the plan" -> "the plan": the second "the " is gone.
    const std::vector<Edit> edits{{{3, 7}, ""}};
    CHECK(fix::to_original(edits, {4, 8}) == Span{8, 12});  // "plan"
    CHECK(fix::to_original(edits, {0, 3}) == Span{0, 3});
    // "a lot" -> "a LOT!" : inside a replacement maps to the replaced span.
    const std::vector<Edit> grow{{{2, 5}, "LOT!"}};
    CHECK(fix::to_original(grow, {3, 4}) == Span{2, 5});
    CHECK(fix::to_original(grow, {6, 6}) == Span{5, 5});
}

TEST_CASE("fixing repeats until no safe fix is left", "[fix]") {
    // Each pass can only remove one of two touching doubles; the fixer runs until clean.
    const Document doc = load("a    b\n");
    const auto result =
        fix::fix_document(doc, markup::Format::Plain, replace_all("space", "  ", " "));
    CHECK(result.text == "a b\n");
    CHECK(result.converged);
    CHECK(result.passes == 4);  // 4 spaces -> 3 -> 2 -> 1, then a clean lint
    CHECK(result.applied.at("space") == 3);
    CHECK(result.remaining.empty());
    CHECK(result.edits == std::vector<Edit>{{{2, 5}, ""}});
}

TEST_CASE("one rule's fix can enable another's, the result has nothing left to fix", "[fix]") {
    const Document doc =
        load("x\xE2\x80\x8B\xE2\x80\x8B  y\n");  // zero-width spaces then a double space
    const auto lint =
        both(replace_all("zero-width", "\xE2\x80\x8B", ""), replace_all("space", "  ", " "));
    const auto result = fix::fix_document(doc, markup::Format::Plain, lint);
    CHECK(result.text == "x y\n");
    CHECK(result.converged);
    const Document again = load(result.text);
    CHECK(fix::fix_document(again, markup::Format::Plain, lint).edits.empty());
}

TEST_CASE("a long run of touching fixes goes on past the pass limit while it shrinks", "[fix]") {
    // 300 zero-width spaces in a row, each its own finding: each pass applies every other one,
    // so the run halves and needs nine passes where eight are the limit.
    std::string text = "x";
    for (int i = 0; i < 300; ++i) text += "\xE2\x80\x8B";
    const Document doc = load(text + "y\n");
    const auto result = fix::fix_document(doc, markup::Format::Plain,
                                          replace_all("zero-width", "\xE2\x80\x8B", ""));
    CHECK(result.converged);
    CHECK(result.text == "xy\n");
    CHECK(result.passes == 10);  // 300 -> 150 -> 75 -> 37 -> 18 -> 9 -> 4 -> 2 -> 1 -> 0 left
    CHECK(result.applied.at("zero-width") == 300);
}

TEST_CASE("a fix that makes room for another goes on past the pass limit", "[fix]") {
    // The double space is fixed first; the zero-width space after it then leaves a new double
    // space, fixed in a third pass: as many fixes pending as in the pass before, but a new text.
    const Document doc = load("x  \xE2\x80\x8B y\n");
    const auto lint =
        both(replace_all("zero-width", "\xE2\x80\x8B", ""), replace_all("space", "  ", " "));
    fix::Options options;
    options.max_passes = 2;
    const auto result = fix::fix_document(doc, markup::Format::Plain, lint, options);
    CHECK(result.converged);
    CHECK(result.text == "x y\n");
    CHECK(result.passes == 4);  // space, zero-width, space, then a clean lint
    CHECK(result.applied.at("space") == 2);
}

TEST_CASE("fixes that undo each other stop after the pass limit", "[fix]") {
    const Document doc = load("colour\n");
    const auto lint =
        both(replace_all("us", "colour", "color"), replace_all("uk", "color", "colour"));
    fix::Options options;
    options.max_passes = 5;
    const auto result = fix::fix_document(doc, markup::Format::Plain, lint, options);
    CHECK_FALSE(result.converged);
    CHECK(result.passes == 6);
    CHECK(result.text == "color\n");
}

TEST_CASE("a unified diff shows only the changed lines, with context", "[fix]") {
    const std::string original =
        "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve";
    const std::vector<Edit> edits{{{4, 7}, "TWO"}, {{56, 62}, "TWELVE"}};
    const std::string fixed = fix::apply_sorted(original, edits);
    CHECK(fix::unified_diff("story.txt", original, fixed, edits) ==
          "--- story.txt\n+++ story.txt\n"
          "@@ -1,5 +1,5 @@\n one\n-two\n+TWO\n three\n four\n five\n"
          "@@ -9,4 +9,4 @@\n nine\n ten\n eleven\n-twelve\n\\ No newline at end of file\n"
          "+TWELVE\n\\ No newline at end of file\n");
    CHECK(fix::unified_diff("story.txt", original, original, {}).empty());
}

TEST_CASE("a diff of joined and split lines", "[fix]") {
    const std::string original = "try to\nto help\nthem\n";
    const std::vector<Edit> join{{{6, 9}, ""}};
    CHECK(fix::unified_diff("a", original, fix::apply_sorted(original, join), join) ==
          "--- a\n+++ a\n@@ -1,3 +1,2 @@\n-try to\n-to help\n+try to help\n them\n");
    const std::vector<Edit> split{{{3, 4}, "\n"}, {{15, 15}, "more\n"}};
    CHECK(fix::unified_diff("a", original, fix::apply_sorted(original, split), split) ==
          "--- a\n+++ a\n@@ -1,3 +1,5 @@\n-try to\n+try\n+to\n to help\n+more\n them\n");
}

TEST_CASE("patch(1) applies the diffs to random edits", "[fix]") {
    if (std::system("command -v patch >/dev/null 2>&1") != 0) {
        WARN("skipped: patch(1) is not installed");
        return;
    }
    const fs::path dir =
        fs::temp_directory_path() / ("copydesk-diff-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::mt19937 rng(99);
    const std::vector<std::string> words{"alpha", "beta", "gamma", "\n", "\n", " ", "delta"};
    for (int round = 0; round < 25; ++round) {
        std::string original;
        for (std::size_t i = rng() % 200; i > 0; --i) original += words[rng() % words.size()];
        std::vector<Edit> edits;
        std::uint32_t at = 0;
        while (at < original.size()) {
            const std::uint32_t b = at + static_cast<std::uint32_t>(rng() % 40);
            if (b > original.size()) break;
            const std::uint32_t e =
                std::min<std::uint32_t>(static_cast<std::uint32_t>(original.size()),
                                        b + static_cast<std::uint32_t>(rng() % 8));
            edits.push_back({{b, e}, words[rng() % words.size()]});
            at = e + 1;
        }
        const std::string fixed = fix::apply_sorted(original, edits);
        edits = fix::compose(original, {}, original, edits);  // minimal, as the fixer reports
        const std::string diff = fix::unified_diff("story.txt", original, fixed, edits);
        std::ofstream(dir / "story.txt", std::ios::binary) << original;
        std::ofstream(dir / "story.diff", std::ios::binary) << diff;
        const std::string cmd =
            "cd '" + dir.string() + "' && patch -s -p0 <story.diff >/dev/null 2>&1";
        INFO("original: " << original << "\ndiff:\n" << diff);
        if (fixed == original) {
            CHECK(diff.empty());
            continue;
        }
        REQUIRE(std::system(cmd.c_str()) == 0);
        std::ifstream in(dir / "story.txt", std::ios::binary);
        CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == fixed);
    }
    fs::remove_all(dir);
}
