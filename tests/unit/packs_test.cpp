#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "config/session.hpp"
#include "core/edits.hpp"
#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "rules/pack.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = COPYDESK_SOURCE_DIR;

// A scratch folder of rule packs, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() /
               ("copydesk-packs-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path p = path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
};

// Lints `text` with `rule` alone (switched on even if it is off by default).
std::vector<Diagnostic> lint_with(const std::shared_ptr<const rules::Rule>& rule,
                                  const std::string& text, Document& doc) {
    std::vector<std::unique_ptr<rules::Rule>> list;
    list.push_back(rules::share_rule(rule));
    rules::Selection sel;
    sel.enable.insert(rule->info().id);
    rules::Linter linter(std::move(list), sel, nullptr);
    doc = std::get<Document>(markup::load_document("case.txt", text, markup::Format::Plain));
    return linter.lint(doc);
}

std::string error_of(const fs::path& dir) {
    auto loaded = rules::load_rule_pack(dir);
    REQUIRE(std::holds_alternative<rules::PackError>(loaded));
    return std::get<rules::PackError>(loaded).what();
}

rules::RulePack pack_of(const fs::path& dir) {
    auto loaded = rules::load_rule_pack(dir);
    if (auto* e = std::get_if<rules::PackError>(&loaded)) FAIL(e->what());
    return std::get<rules::RulePack>(std::move(loaded));
}

const std::string kHeader =
    "id: house-places\nextends: substitution\nmessage: \"Use '{replacement}' instead of "
    "'{match}'.\"\nseverity: warning\ncategory: house-style\n";

}  // namespace

TEST_CASE("every shipped pack rule passes its inline tests", "[packs]") {
    auto loaded = rules::load_rule_packs(kSource / "rules");
    if (auto* e = std::get_if<rules::PackError>(&loaded)) FAIL(e->what());
    const auto& packs = std::get<std::vector<rules::RulePack>>(loaded);
    REQUIRE_FALSE(packs.empty());
    std::set<std::string> kinds;
    for (const rules::RulePack& pack : packs) {
        for (const auto& rule : pack.rules) {
            const rules::PackInfo* info = rule->pack();
            REQUIRE(info != nullptr);
            kinds.insert(info->kind);
            int bad = 0;
            int good = 0;
            for (const rules::Example& e : info->examples) {
                INFO(e.origin << " (" << rule->info().id << "): " << e.text);
                Document doc;
                const auto diags = lint_with(rule, e.text, doc);
                if (!e.bad) {
                    ++good;
                    for (const auto& d : diags) UNSCOPED_INFO("unexpected: " << d.message);
                    CHECK(diags.empty());
                    continue;
                }
                ++bad;
                std::vector<std::string> flagged;
                std::vector<Edit> edits;
                for (const auto& d : diags) {
                    flagged.push_back(doc.source.substr(d.span.begin, d.span.size()));
                    if (d.fix) edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
                }
                if (!e.flags.empty()) CHECK(flagged == e.flags);
                if (!e.fixed.empty()) CHECK(apply_edits(doc.source, edits) == e.fixed);
                if (!e.message.empty()) {
                    REQUIRE_FALSE(diags.empty());
                    CHECK(diags.front().message == e.message);
                }
                CHECK_FALSE(diags.empty());
            }
            INFO("rule " << rule->info().id);
            CHECK(bad > 0);
            CHECK(good > 0);
        }
    }
    // The shipped packs show every kind at work.
    CHECK(kinds == std::set<std::string>{"capitalization", "conditional", "consistency",
                                         "existence", "occurrence", "repetition", "substitution"});
}

TEST_CASE("pack rules have a docs/rules.md line", "[packs]") {
    std::ifstream in(kSource / "docs" / "rules.md");
    const std::string docs((std::istreambuf_iterator<char>(in)), {});
    auto packs = std::get<std::vector<rules::RulePack>>(rules::load_rule_packs(kSource / "rules"));
    for (const auto& pack : packs) {
        for (const auto& rule : pack.rules) {
            INFO("rule " << rule->info().id);
            CHECK(docs.find("| `" + rule->info().id + "` |") != std::string::npos);
        }
    }
}

TEST_CASE("substitution keeps case, offers alternatives and honours exceptions", "[packs]") {
    TempDir dir;
    dir.write("house/house-places.yaml", kHeader +
                                             "swap:\n  Kiev: Kyiv\n  utilize: [use, employ]\n"
                                             "exceptions: [chicken Kiev]\n");
    auto pack = pack_of(dir.path / "house");
    REQUIRE(pack.rules.size() == 1);
    Document doc;
    auto diags = lint_with(pack.rules[0],
                           "KIEV and Kiev. They utilize it. Chicken Kiev is on the menu.", doc);
    REQUIRE(diags.size() == 3);
    CHECK(diags[0].message == "Use 'KYIV' instead of 'KIEV'.");
    CHECK(diags[0].fix->edits[0].replacement == "KYIV");
    CHECK(diags[1].message == "Use 'Kyiv' instead of 'Kiev'.");
    CHECK(diags[2].message == "Use 'use' or 'employ' instead of 'utilize'.");
    CHECK(diags[2].suggestions == std::vector<std::string>{"use", "employ"});
    CHECK_FALSE(diags[2].fix->safe);
    CHECK(pack.name == "house");
    CHECK(pack.rules[0]->info().category == Category::HouseStyle);
}

namespace {

// The text each finding of an existence rule with `tokens` (a YAML list) flags in `text`.
std::vector<std::string> flagged_phrases(const std::string& tokens, const std::string& text) {
    TempDir dir;
    dir.write("p/words.yaml",
              "id: words\nextends: existence\nmessage: \"Avoid '{match}'.\"\nseverity: "
              "suggestion\ncategory: house-style\ntokens: " +
                  tokens + "\n");
    auto pack = pack_of(dir.path / "p");
    Document doc;
    std::vector<std::string> flagged;
    for (const auto& d : lint_with(pack.rules[0], text, doc)) {
        flagged.push_back(doc.source.substr(d.span.begin, d.span.size()));
    }
    return flagged;
}

}  // namespace

TEST_CASE("phrases match across line breaks and curly apostrophes, not inside words", "[packs]") {
    CHECK(flagged_phrases("[\"in order to\", \"don't know\", e-mail]",
                          "They came in order\nto help. We don’t know. Send an e-mail, not a "
                          "reorder to x. In-order to.") ==
          std::vector<std::string>{"in order\nto", "don’t know", "e-mail"});
}

TEST_CASE("phrases may start with a number", "[packs]") {
    CHECK(flagged_phrases("[\"24/7\", \"3D printed\", \"1990s\", \"dot com\"]",
                          "Open 24/7 in the 1990s, a 3D printed part. Not 3 D printed or 1990, "
                          "but a dot com.") ==
          std::vector<std::string>{"24/7", "1990s", "3D printed", "dot com"});
}

TEST_CASE("consistency names the first form and where it was used", "[packs]") {
    TempDir dir;
    dir.write("p/mail.yaml",
              "id: mail\nextends: consistency\nmessage: \"Use '{first}' (first used at "
              "{first_at}), not '{match}'.\"\nseverity: suggestion\ncategory: house-style\n"
              "groups: [[email, e-mail]]\n");
    auto pack = pack_of(dir.path / "p");
    Document doc;
    auto diags = lint_with(pack.rules[0], "Title\n\nSend an e-mail.\nThen an email. E-mail.", doc);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message == "Use 'e-mail' (first used at 3:9), not 'email'.");
}

TEST_CASE("scope limits a pack rule to some regions", "[packs]") {
    TempDir dir;
    dir.write("p/heads.yaml",
              "id: heads\nextends: existence\nmessage: \"No '{match}' in headings.\"\nseverity: "
              "warning\ncategory: house-style\nscope: heading\ntokens: [slams]\n");
    auto pack = pack_of(dir.path / "p");
    Document doc;
    // Plain text has paragraphs only.
    CHECK(lint_with(pack.rules[0], "Minister slams critics", doc).empty());
}

TEST_CASE("rule pack errors name the file, line, column and key", "[packs]") {
    auto check = [](const std::string& body, const std::string& expected) {
        TempDir dir;
        const fs::path file = dir.write("p/house-places.yaml", body);
        const std::string error = error_of(dir.path / "p");
        INFO(error);
        CHECK(error == file.string() + ":" + expected);
    };
    check(kHeader + "swap: {Kiev: Kyiv}\nswapp: {a: b}\n",
          "7:1: key 'swapp': unknown key for "
          "this kind of rule");
    check(kHeader + "patterns: ['(a']\n", "1:1: key 'swap': missing (required)");
    check(
        "id: house-places\nextends: existence\nmessage: m\nseverity: warning\ncategory: "
        "house-style\npatterns:\n  - 'ok'\n  - '(unclosed'\n",
        "8:5: key 'patterns': invalid regular expression '(unclosed': missing ): (unclosed");
    check(
        "id: house-places\nextends: existence\nmessage: m\nseverity: warning\ncategory: "
        "house-style\npatterns: ['(a)\\1']\n",
        "6:12: key 'patterns': invalid regular expression '(a)\\1': invalid escape sequence: "
        "\\1");
    check("id: house-places\nextends: existence\nmessage: m\nseverity: loud\ncategory: x\n",
          "4:11: key 'severity': unknown severity 'loud' (use suggestion, warning, error)");
    check("id: house-places\nextends: existance\n",
          "2:10: key 'extends': unknown rule kind 'existance' (use capitalization, conditional, "
          "consistency, existence, occurrence, repetition, substitution)");
    check("id: other-name\nextends: existence\n",
          "1:5: key 'id': 'other-name' does not match the file name (expected other-name.yaml)");
    check("extends: existence\nmessage: m\n", "1:1: key 'id': missing (required)");
    check(kHeader + "swap: {Kiev: Kyiv}\ntests:\n  - bad: \"Kiev\"\n",
          "8:5: key 'tests': a 'bad' test needs 'flags' (what is flagged) or 'fixed'");
    check(
        "id: house-places\nextends: existence\nmessage: \"Avoid {word}.\"\nseverity: "
        "warning\ncategory: house-style\ntokens: [x]\n",
        "3:10: key 'message': unknown placeholder '{word}' (this kind has {match})");
    check("id: house-places\nextends: existence\nmessage: [1, 2\n",
          "4:1: invalid YAML: end of sequence flow not found");
    check(kHeader + "swap:\n  Kiev: []\n",
          "7:9: key 'swap': 'Kiev' needs a replacement or a "
          "list of them");
}

TEST_CASE("duplicate rule ids across packs are an error", "[packs]") {
    TempDir dir;
    const std::string rule =
        "id: same\nextends: existence\nmessage: m\nseverity: warning\ncategory: "
        "house-style\ntokens: [x]\n";
    dir.write("a/same.yaml", rule);
    dir.write("b/same.yaml", rule);
    auto loaded = rules::load_rule_packs(dir.path);
    REQUIRE(std::holds_alternative<rules::PackError>(loaded));
    CHECK(std::get<rules::PackError>(loaded).message == "rule id 'same' is also used by pack 'a'");
    CHECK(std::holds_alternative<std::vector<rules::RulePack>>(
        rules::load_rule_packs(dir.path / "missing")));
}

TEST_CASE("a pathological pattern runs in linear time", "[packs]") {
    TempDir dir;
    dir.write("p/nested.yaml",
              "id: nested\nextends: existence\nmessage: m\nseverity: warning\ncategory: "
              "house-style\npatterns: ['(a+)+$', '(x|x|x)*y']\n");
    auto pack = pack_of(dir.path / "p");
    Document doc;
    // Backtracking engines take exponential time on these; RE2 returns at once.
    const std::string text = std::string(5000, 'a') + "b " + std::string(5000, 'x');
    CHECK(lint_with(pack.rules[0], text, doc).empty());
}

TEST_CASE("loaded rules are shared by linters on several threads", "[packs]") {
    auto packs = std::get<std::vector<rules::RulePack>>(rules::load_rule_packs(kSource / "rules"));
    std::vector<std::shared_ptr<const rules::Rule>> shared;
    for (const auto& p : packs) shared.insert(shared.end(), p.rules.begin(), p.rules.end());
    const std::string text = "Investors waited with baited breath. The video was on Youtube.";
    std::vector<std::size_t> counts(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < counts.size(); ++t) {
        threads.emplace_back([&, t] {
            rules::Linter linter(config::all_rules(shared), {}, nullptr);
            for (int i = 0; i < 50; ++i) {
                auto doc =
                    std::get<Document>(markup::load_document("t.txt", text, markup::Format::Plain));
                counts[t] += linter.lint(doc).size();
            }
        });
    }
    for (auto& th : threads) th.join();
    for (std::size_t c : counts) CHECK(c == 100);
}

TEST_CASE("the session loads the shipped packs and extra pack folders", "[packs]") {
    TempDir dir;
    dir.write("extra/tk-style.yaml",
              "id: tk-style\nextends: existence\nmessage: \"Avoid '{match}'.\"\nseverity: "
              "warning\ncategory: house-style\ntokens: [slams]\n");
    config::Settings settings;
    settings.data_dir = kSource;
    settings.selection.disable = {"spelling"};
    settings.rule_packs = {dir.path / "extra"};
    auto created = config::Session::create(settings);
    if (auto* why = std::get_if<std::string>(&created)) FAIL(*why);
    auto worker = std::get<config::Session>(created).make_worker();
    auto doc = std::get<Document>(markup::load_document(
        "t.txt", "Minister slams critics who could of acted.", markup::Format::Plain));
    std::vector<std::string> rules_found;
    for (const auto& d : worker.linter->lint(doc)) rules_found.push_back(d.rule);
    CHECK(rules_found == std::vector<std::string>{"tk-style", "eggcorns"});

    dir.write("broken/bad.yaml", "id: bad\nextends: nothing\n");
    settings.rule_packs = {dir.path / "broken"};
    auto failed = config::Session::create(settings);
    REQUIRE(std::holds_alternative<std::string>(failed));
    CHECK(std::get<std::string>(failed) ==
          (dir.path / "broken" / "bad.yaml").string() +
              ":2:10: key 'extends': unknown rule kind 'nothing' (use capitalization, "
              "conditional, consistency, existence, occurrence, repetition, substitution)");
}

TEST_CASE("2,000 phrase rules load quickly (prints the time, asserts nothing about it)",
          "[packs]") {
    TempDir dir;
    for (int i = 0; i < 2000; ++i) {
        const std::string id = "phrase-" + std::to_string(i);
        dir.write("big/" + id + ".yaml",
                  "id: " + id +
                      "\nextends: existence\nmessage: m\nseverity: suggestion\n"
                      "category: house-style\ntokens: [\"the zq" +
                      std::to_string(i) + " term\"]\n");
    }
    const auto start = std::chrono::steady_clock::now();
    auto pack = pack_of(dir.path / "big");
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    WARN("loaded 2,000 rule files in " << ms << " ms");
    CHECK(pack.rules.size() == 2000);
    Document doc;
    const auto it = std::find_if(pack.rules.begin(), pack.rules.end(),
                                 [](const auto& r) { return r->info().id == "phrase-1234"; });
    REQUIRE(it != pack.rules.end());
    CHECK(lint_with(*it, "Then the zq1234 term came up.", doc).size() == 1);
}
