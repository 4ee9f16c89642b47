#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "config/names_loader.hpp"
#include "core/edits.hpp"
#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "rules/scan.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = COPYDESK_SOURCE_DIR;

std::unique_ptr<spell::SpellChecker> tiny_speller() {
    auto house = std::make_shared<spell::WordList>();
    std::string error;
    REQUIRE(house->load_file(COPYDESK_TEST_DATA "/house.txt", error));
    spell::SpellData data;
    data.house = std::move(house);
    // The tiny lexicon ranks suggestions and knows a few American/British spellings.
    auto lexicon = spell::Lexicon::load(COPYDESK_TEST_DATA "/tiny-words.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const spell::Lexicon>>(lexicon));
    data.lexicon = std::get<std::shared_ptr<const spell::Lexicon>>(lexicon);
    auto table = spell::MisspellingTable::load(COPYDESK_TEST_DATA "/tiny-misspellings.tsv");
    REQUIRE(std::holds_alternative<std::shared_ptr<const spell::MisspellingTable>>(table));
    data.misspellings = std::get<std::shared_ptr<const spell::MisspellingTable>>(table);
    return std::make_unique<spell::SpellChecker>(
        spell::make_hunspell({COPYDESK_TEST_DATA "/tiny.aff", COPYDESK_TEST_DATA "/tiny.dic"}),
        std::move(data), spell::Dialect::US);
}

// The shipped names database, loaded once.
std::shared_ptr<const names::Database> names_db() {
    static const auto db = [] {
        auto loaded = config::load_names(kSource / "dictionaries" / "names");
        if (auto* why = std::get_if<std::string>(&loaded)) FAIL(*why);
        return std::get<std::shared_ptr<const names::Database>>(loaded);
    }();
    return db;
}

// Lints `text` with only `rule_id` switched on, under style profile `style` (or none).
std::vector<Diagnostic> run_rule(const std::string& rule_id, const std::string& text,
                                 spell::SpellChecker* speller, Document& doc,
                                 const std::string& style = {},
                                 std::shared_ptr<const rules::Vocabulary> vocabulary = nullptr) {
    rules::Selection sel;
    for (const auto& r : rules::make_builtin_rules()) {
        if (r->info().id == rule_id)
            sel.enable.insert(rule_id);
        else
            sel.disable.insert(r->info().id);
    }
    if (!style.empty()) REQUIRE(names_db()->profile_index(style));
    rules::Linter linter(rules::make_builtin_rules(), sel, speller,
                         {names_db(), style, std::move(vocabulary)});
    auto loaded = markup::load_document("case.txt", text, markup::Format::Plain);
    doc = std::get<Document>(std::move(loaded));
    return linter.lint(doc);
}

// `unit` (one character, perhaps of several bytes) `n` times over.
std::string repeated(std::size_t n, const std::string& unit) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += unit;
    return out;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("every built-in rule has cases and a doc line", "[rules]") {
    const std::string docs = read_file(kSource / "docs" / "rules.md");
    for (const auto& rule : rules::make_builtin_rules()) {
        const std::string& id = rule->info().id;
        INFO("rule " << id);
        CHECK(fs::exists(kSource / "tests" / "rules" / (id + ".yaml")));
        CHECK(docs.find("| `" + id + "` |") != std::string::npos);
        CHECK_FALSE(rule->info().summary.empty());
        CHECK_FALSE(rule->info().description.empty());
    }
}

TEST_CASE("a region's lines are found one at a time, line ends left out", "[rules]") {
    auto lines = [](std::string_view text) {
        std::vector<std::string> out;
        for (const Span line : rules::line_spans(text)) {
            out.emplace_back(text.substr(line.begin, line.size()));
        }
        return out;
    };
    using Lines = std::vector<std::string>;
    CHECK(lines("") == Lines{""});
    CHECK(lines("One line.") == Lines{"One line."});
    CHECK(lines("First\nsecond") == Lines{"First", "second"});
    CHECK(lines("Ends with a break\n") == Lines{"Ends with a break", ""});
    CHECK(lines("Windows\r\nlines\r\n\r\nend") == Lines{"Windows", "lines", "", "end"});
    CHECK(lines("Old Mac\rlines") == Lines{"Old Mac", "lines"});
    CHECK(lines("\n\n") == Lines{"", "", ""});
}

TEST_CASE("per-rule cases", "[rules]") {
    auto speller = tiny_speller();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kSource / "tests" / "rules")) {
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE_FALSE(files.empty());
    for (const fs::path& file : files) {
        const YAML::Node root = YAML::LoadFile(file.string());
        const std::string rule_id = root["rule"].as<std::string>();
        REQUIRE(rule_id == file.stem().string());
        // A project vocabulary for the cases: `vocabulary: {reject: {form: use, ...}}`.
        std::shared_ptr<rules::Vocabulary> vocabulary;
        if (root["vocabulary"]) {
            vocabulary = std::make_shared<rules::Vocabulary>();
            for (const auto& kv : root["vocabulary"]["reject"]) {
                vocabulary->reject.push_back(
                    {kv.first.as<std::string>(), kv.second.as<std::string>()});
            }
        }
        int bad = 0;
        int good = 0;
        for (const YAML::Node& c : root["cases"]) {
            Document doc;
            // An optional style profile (--style) for the case.
            const std::string style = c["style"] ? c["style"].as<std::string>() : "";
            if (c["good"]) {
                ++good;
                const std::string text = c["good"].as<std::string>();
                INFO(rule_id << " good" << (style.empty() ? "" : " (" + style + ")") << ": "
                             << text);
                const auto diags = run_rule(rule_id, text, speller.get(), doc, style, vocabulary);
                CHECK(diags.empty());
                for (const auto& d : diags) UNSCOPED_INFO("unexpected: " << d.message);
                continue;
            }
            ++bad;
            const std::string text = c["bad"].as<std::string>();
            INFO(rule_id << " bad" << (style.empty() ? "" : " (" + style + ")") << ": " << text);
            const auto diags = run_rule(rule_id, text, speller.get(), doc, style, vocabulary);
            std::vector<std::string> flagged;
            std::vector<Edit> edits;
            for (const auto& d : diags) {
                flagged.push_back(doc.source.substr(d.span.begin, d.span.size()));
                if (d.fix && d.fix->safe)
                    edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
            }
            CHECK(flagged == c["flags"].as<std::vector<std::string>>());
            if (c["fixed"]) CHECK(apply_edits(doc.source, edits) == c["fixed"].as<std::string>());
            if (c["message"]) {
                REQUIRE_FALSE(diags.empty());
                CHECK(diags.front().message == c["message"].as<std::string>());
            }
            if (c["severity"]) {
                REQUIRE_FALSE(diags.empty());
                CHECK(to_string(diags.front().severity) == c["severity"].as<std::string>());
            }
            if (c["first_suggestion"]) {
                REQUIRE_FALSE(diags.empty());
                REQUIRE_FALSE(diags.front().suggestions.empty());
                CHECK(diags.front().suggestions.front() == c["first_suggestion"].as<std::string>());
            }
        }
        INFO("rule file " << file);
        CHECK(bad > 0);
        CHECK(good > 0);
    }
}

TEST_CASE("html-residue finds the tags an expression with the length limits in it finds",
          "[rules]") {
    // The rule checks how much a tag or comment holds after matching, where the expression it
    // replaced counted it: the same tags, on texts of tags, comments, near-tags, long insides
    // and characters outside ASCII (the long s reads as "s").
    const re2::RE2 limited(
        R"((?i)(</?(?:a|abbr|article|b|blockquote|br|button|center|cite|code|div|em|figcaption|)"
        R"(figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|meta|nav|)"
        R"(noscript|ol|p|picture|script|section|small|source|span|strong|style|sub|sup|table|td|)"
        R"(th|time|tr|u|ul|video)\b[^<>]{0,300}?/?>|<!--[^\n]{0,500}?-->))");
    REQUIRE(limited.ok());
    const std::vector<std::string> pieces{"<",
                                          ">",
                                          "/",
                                          "<b>",
                                          "</p>",
                                          "<br/>",
                                          "<!--",
                                          "-->",
                                          "<span ",
                                          "<ul",
                                          "<u>",
                                          "<h2>",
                                          "<\u017Fpan>",
                                          "<a href=x>",
                                          "text",
                                          " ",
                                          "\n",
                                          "\u00e9",
                                          "\u201c",
                                          "<3 ",
                                          "<<",
                                          "<!-",
                                          "<FONT color=red>",
                                          "x</DIV>"};
    std::mt19937 random(0x7A65);
    spell::SpellChecker* no_speller = nullptr;
    int tags = 0;
    for (int round = 0; round < 400; ++round) {
        std::string text = "Lead. ";
        const int parts = 2 + static_cast<int>(random() % 14);
        for (int i = 0; i < parts; ++i) {
            const std::string unit = random() % 2 ? "x" : "\u00e9";
            switch (random() % 8) {
                case 0:  // an inside near either limit, in ASCII or two-byte characters
                    text += repeated(295 + random() % 10, unit);
                    break;
                case 1:
                    text += repeated(495 + random() % 10, unit);
                    break;
                case 2:  // a tag or comment holding just up to its limit, or one more
                    text += "<b" + repeated(299 + random() % 3, unit) + ">";
                    break;
                case 3:
                    text += "<!--" + repeated(499 + random() % 3, unit) + "-->";
                    break;
                default:
                    text += pieces[random() % pieces.size()];
            }
        }
        text += " End.";
        // One paragraph: its text is the document's.
        std::replace(text.begin(), text.end(), '\r', ' ');
        while (text.find("\n\n") != std::string::npos) text.replace(text.find("\n\n"), 2, "\n ");
        std::vector<Span> expected;
        re2::StringPiece input(text);
        re2::StringPiece tag;
        while (re2::RE2::FindAndConsume(&input, limited, &tag)) {
            const auto begin = static_cast<std::uint32_t>(tag.data() - text.data());
            expected.push_back({begin, static_cast<std::uint32_t>(begin + tag.size())});
        }
        Document doc;
        std::vector<Span> found;
        for (const Diagnostic& d : run_rule("html-residue", text, no_speller, doc)) {
            if (d.message.starts_with("Delete the HTML markup")) found.push_back(d.span);
        }
        CAPTURE(text);
        REQUIRE(found.size() == expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            CHECK(found[i].begin == expected[i].begin);
            CHECK(found[i].end == expected[i].end);
        }
        tags += static_cast<int>(found.size());
    }
    CHECK(tags > 400);
}

TEST_CASE("embed-residue finds the lines expressions with the length limits in them find",
          "[rules]") {
    // The rule checks the name's and the handle's length after matching, where the expressions
    // it replaced counted them: the same findings on generated lines with names and handles at
    // and around the limits, several dashes and handles, and Instagram's form.
    const re2::RE2 attribution(
        R"(((?:—|–|--?)\s*[^—–\n]{1,100}?\(@\w{1,30}\)\s*)"
        R"((?:January|February|March|April|May|June|July|August|September|October|November|)"
        R"(December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},\s+\d{4}\s*$))");
    const re2::RE2 instagram(R"((^A post shared by .{1,100}?\(@[\w.]{1,30}\).{0,60}$))");
    REQUIRE(attribution.ok());
    REQUIRE(instagram.ok());
    std::mt19937 random(0xE3BD);
    auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
    const std::vector<std::string> dashes{"\u2014 ", "\u2013", "-- ", "- ", "--", "-"};
    const std::vector<std::string> units{"a", "\u00e9", " ", "-"};
    const std::vector<std::string> dates{" March 3, 2023", " Sept. 12, 2024", " Nov 1,  2022 ",
                                         " March 3 2023", " Mar 33, 2023"};
    spell::SpellChecker* no_speller = nullptr;
    int found_lines = 0;
    for (int round = 0; round < 600; ++round) {
        std::string line;
        if (random() % 4 == 0) {
            line = "A post shared by " + repeated(95 + random() % 10, pick(units)) + "(@" +
                   repeated(28 + random() % 5, random() % 2 ? "b" : ".") + ")" +
                   repeated(55 + random() % 10, pick(units));
        } else {
            const int dash_count = 1 + static_cast<int>(random() % 3);
            for (int i = 0; i < dash_count; ++i) {
                line +=
                    pick(dashes) +
                    repeated(random() % 3 == 0 ? 96 + random() % 8 : random() % 40, pick(units));
                if (random() % 4 == 0) line += "(@x) ";
            }
            line += "(@" +
                    repeated(random() % 3 == 0 ? 28 + random() % 5 : 1 + random() % 10, "h") + ")" +
                    pick(dates);
        }
        const std::string text = "Lead sentence.\n\n" + line + "\n\nLast sentence.\n";
        // What the old code reported: the trimmed match of either expression on the line.
        std::optional<Span> expected;
        const auto at = static_cast<std::uint32_t>(text.find(line));
        std::size_t end = line.size();
        while (end > 0 && line[end - 1] == ' ') --end;
        const re2::StringPiece piece(text.data() + at, end);
        re2::StringPiece match;
        if (re2::RE2::PartialMatch(piece, instagram, &match) ||
            re2::RE2::PartialMatch(piece, attribution, &match)) {
            auto b = static_cast<std::uint32_t>(match.data() - text.data());
            auto e = static_cast<std::uint32_t>(b + match.size());
            while (e > b && text[e - 1] == ' ') --e;
            expected = Span{b, e};
        }
        Document doc;
        std::optional<Span> got;
        for (const Diagnostic& d : run_rule("embed-residue", text, no_speller, doc)) {
            if (d.message.starts_with("Delete this attribution line")) got = d.span;
        }
        CAPTURE(line);
        REQUIRE(got.has_value() == expected.has_value());
        if (got) {
            CHECK(got->begin == expected->begin);
            CHECK(got->end == expected->end);
            ++found_lines;
        }
    }
    CHECK(found_lines > 150);
}

TEST_CASE("specific findings win over spelling on the same span", "[rules]") {
    std::vector<Diagnostic> diags(2);
    diags[0].rule = "spelling";
    diags[0].category = Category::Spelling;
    diags[0].span = {10, 14};
    diags[1].rule = "name-variant";
    diags[1].category = Category::Names;
    diags[1].span = {10, 14};
    rules::resolve_overlaps(diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].rule == "name-variant");
}

TEST_CASE("output order is position, then rule", "[rules]") {
    std::vector<Diagnostic> diags(3);
    diags[0].rule = "b";
    diags[0].span = {5, 6};
    diags[0].category = Category::Typography;
    diags[1].rule = "a";
    diags[1].span = {5, 6};
    diags[1].category = Category::Typography;
    diags[2].rule = "c";
    diags[2].span = {1, 2};
    diags[2].category = Category::Typography;
    rules::resolve_overlaps(diags);
    CHECK(diags[0].rule == "c");
    CHECK(diags[1].rule == "a");
    CHECK(diags[2].rule == "b");
}

namespace {

// A plain-text document of `paragraphs` paragraphs of generated prose: words short and long,
// capitalized and not, possessive, outside ASCII, and sentences of every length.
std::string generated_prose(std::uint32_t seed, int paragraphs) {
    const std::vector<std::string> vocabulary = {
        "the",   "talks", "Kyiv",      "Kyiv's",   "Kyiv’s",       "mayor",        "said",
        "a",     "I",     "Zürich",    "łódź",     "Łódź",         "NATO",         "U.S.",
        "don't", "it's",  "officials", "Brussels", "negotiations", "Negotiations", "reconstruction",
        "Émile", "of",    "and",       "in",       "Mr.",          "government",   "Governments"};
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    std::string text;
    for (int p = 0; p < paragraphs; ++p) {
        const std::uint32_t words = 1 + next() % 900;  // many more than a block of 256
        for (std::uint32_t w = 0; w < words; ++w) {
            text += vocabulary[next() % vocabulary.size()];
            const std::uint32_t after = next() % 12;
            text += after == 0 ? ". " : after == 1 ? ", " : after == 2 ? "\n" : " ";
        }
        text += ".\n\n";
    }
    return text;
}

std::string_view without_possessive(std::string_view w) {
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
        if (w.size() > suffix.size() + 1 && w.ends_with(suffix))
            return w.substr(0, w.size() - suffix.size());
    }
    return w;
}

}  // namespace

TEST_CASE("a long document's words are numbered and counted as a map would, across documents",
          "[rules]") {
    // Regions of more words than a block, a table that grows, and the slots a second document
    // shares with the first in the linter's WordFacts.
    text::Segmenter segmenter;
    WordFacts facts(1 << 20);
    std::map<std::string, std::uint32_t, std::less<>> slot_of;  // across both documents
    for (std::uint32_t seed : {3u, 4u}) {
        const std::string source = generated_prose(seed, 12);
        auto loaded = markup::load_document("prose.txt", source, markup::Format::Plain);
        const Document& doc = std::get<Document>(loaded);
        std::vector<rules::RegionText> regions;
        for (const Region& region : doc.regions) {
            regions.push_back({&region, segmenter.analyze(region.text())});
        }
        facts.start_document();
        const rules::Context ctx(doc, std::move(regions), nullptr, nullptr, {}, &facts);
        const auto& words = ctx.words();
        std::map<std::string, std::uint32_t, std::less<>> id_of;
        std::map<std::string, int, std::less<>> count_of;
        std::map<std::string, int, std::less<>> capitalized;
        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const rules::RegionText& where = ctx.regions()[r];
            for (std::size_t t = 0; t < where.analysis.tokens.size(); ++t) {
                const text::Token& token = where.analysis.tokens[t];
                const std::uint32_t id = words.ids[r][t];
                if (token.kind != text::TokenKind::Word) {
                    CHECK(id == WordTally::kNoWord);
                    continue;
                }
                const std::string w(where.slice(token.span));
                const auto [it, added] = id_of.emplace(w, static_cast<std::uint32_t>(id_of.size()));
                REQUIRE(id == it->second);
                ++count_of[w];
                if (!token.sentence_start && rules::is_capitalized(w)) {
                    ++capitalized[std::string(without_possessive(w))];
                }
            }
        }
        REQUIRE(words.all.distinct() == id_of.size());
        REQUIRE(words.slots.size() == id_of.size());
        std::vector<std::string> by_id(id_of.size());
        for (const auto& [w, id] : id_of) by_id[id] = w;
        for (std::uint32_t id = 0; id < by_id.size(); ++id) {
            const std::string& w = by_id[id];
            INFO(w);
            CHECK(words.all.word(id) == w);
            CHECK(words.all.count_of(id) == count_of[w]);
            CHECK(ctx.word_count(w) == count_of[w]);
            CHECK(ctx.capitalized_mid_sentence_count(w) ==
                  capitalized[std::string(without_possessive(w))]);
            // The linter's slots number words in order of first use across documents.
            const auto slot = slot_of.emplace(w, static_cast<std::uint32_t>(slot_of.size())).first;
            CHECK(words.slots[id] == slot->second);
        }
        CHECK(ctx.word_count("absent") == 0);
        CHECK(ctx.capitalized_mid_sentence_count("Absent") == 0);
    }
}

TEST_CASE("copy_case carries the original's case", "[rules]") {
    CHECK(copy_case("Kiev", "kyiv") == "Kyiv");
    CHECK(copy_case("KIEV", "kyiv") == "KYIV");
    CHECK(copy_case("kiev", "kyiv") == "kyiv");
}

TEST_CASE("edits apply in position order and skip overlaps", "[rules]") {
    const std::string s = "the the plan";
    std::size_t applied = 0;
    CHECK(apply_edits(s, {{{3, 7}, ""}, {{0, 3}, "The"}, {{2, 5}, "x"}}, &applied) == "The plan");
    CHECK(applied == 2);
}

TEST_CASE("a document's words are numbered once, in order of first use", "[rules]") {
    auto loaded = markup::load_document(
        "words.md", "# The Kyiv talks\n\nThe talks in Kyiv went on. Kyiv's mayor spoke.\n",
        markup::Format::Markdown);
    const Document& doc = std::get<Document>(loaded);
    text::Segmenter segmenter;
    std::vector<rules::RegionText> regions;
    for (const Region& region : doc.regions) {
        regions.push_back({&region, segmenter.analyze(region.text())});
    }
    REQUIRE(regions.size() == 2);
    const rules::Context ctx(doc, std::move(regions), nullptr);
    const auto& words = ctx.words();
    REQUIRE(words.ids.size() == 2);
    std::vector<std::string> read;
    for (std::size_t r = 0; r < 2; ++r) {
        const rules::RegionText& where = ctx.regions()[r];
        REQUIRE(words.ids[r].size() == where.analysis.tokens.size());
        for (std::size_t t = 0; t < words.ids[r].size(); ++t) {
            const std::uint32_t id = words.ids[r][t];
            const bool word = where.analysis.tokens[t].kind == text::TokenKind::Word;
            CHECK((id != WordTally::kNoWord) == word);
            if (!word) continue;
            // Each word token carries the number of its own spelling.
            CHECK(words.all.word(id) == where.slice(where.analysis.tokens[t].span));
            read.emplace_back(words.all.word(id));
        }
    }
    CHECK(read == std::vector<std::string>{"The", "Kyiv", "talks", "The", "talks", "in", "Kyiv",
                                           "went", "on", "Kyiv's", "mayor", "spoke"});
    CHECK(words.all.distinct() == 9);
    CHECK(words.all.word(0) == "The");
    CHECK(words.all.count_of(1) == 2);  // "Kyiv", not "Kyiv's"
    CHECK(ctx.word_count("talks") == 2);
    CHECK(ctx.capitalized_mid_sentence_count("Kyiv") == 2);  // "Kyiv's" counts as "Kyiv"
}
