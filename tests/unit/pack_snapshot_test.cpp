#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "rules/pack.hpp"
#include "rules/pack_snapshot.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kRuleRoot = fs::path(COPYDESK_SOURCE_DIR) / "rules";

std::string rule_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::span<const std::byte> rule_bytes(const std::string& s) {
    return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

// Every shipped rule file's text, in path order.
std::vector<std::string> shipped_rule_texts() {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(kRuleRoot)) {
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (const fs::path& p : files) texts.push_back(rule_text(p));
    return texts;
}

std::vector<rules::RulePack> packs_from(std::span<const std::byte> snapshot,
                                        const fs::path& root = kRuleRoot) {
    auto loaded = rules::load_rule_packs(root, snapshot);
    if (auto* e = std::get_if<rules::PackError>(&loaded)) FAIL(e->what());
    return std::get<std::vector<rules::RulePack>>(std::move(loaded));
}

// What each pack rule finds in `text`, as "rule line:col message [suggestions]" lines.
std::vector<std::string> pack_findings(const std::vector<rules::RulePack>& packs,
                                       const std::string& text) {
    std::vector<std::unique_ptr<rules::Rule>> list;
    rules::Selection selection;
    for (const auto& pack : packs) {
        for (const auto& rule : pack.rules) {
            selection.enable.insert(rule->info().id);
            list.push_back(rules::share_rule(rule));
        }
    }
    rules::Linter linter(std::move(list), selection, nullptr);
    const Document doc =
        std::get<Document>(markup::load_document("case.txt", text, markup::Format::Plain));
    std::vector<std::string> out;
    for (const Diagnostic& d : linter.lint(doc)) {
        std::string line = d.rule + " " + std::to_string(d.span.begin) + "-" +
                           std::to_string(d.span.end) + " " + d.message;
        for (const std::string& s : d.suggestions) line += " [" + s + "]";
        out.push_back(std::move(line));
    }
    return out;
}

struct SnapshotScratch {
    fs::path path;
    SnapshotScratch() {
        path = fs::temp_directory_path() / ("copydesk-snapshot-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~SnapshotScratch() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("shipped packs read from a snapshot are the packs parsed", "[packs][snapshot]") {
    const std::string snapshot = rules::write_rule_snapshot(shipped_rule_texts());
    const auto parsed = packs_from({});
    const auto kept = packs_from(rule_bytes(snapshot));
    REQUIRE(parsed.size() == kept.size());
    std::size_t examples = 0;
    for (std::size_t p = 0; p < parsed.size(); ++p) {
        CHECK(parsed[p].name == kept[p].name);
        REQUIRE(parsed[p].rules.size() == kept[p].rules.size());
        for (std::size_t r = 0; r < parsed[p].rules.size(); ++r) {
            const rules::Rule& a = *parsed[p].rules[r];
            const rules::Rule& b = *kept[p].rules[r];
            INFO("rule " << a.info().id);
            CHECK(a.info().id == b.info().id);
            CHECK(a.info().summary == b.info().summary);
            CHECK(a.info().description == b.info().description);
            CHECK(a.info().severity == b.info().severity);
            CHECK(a.info().category == b.info().category);
            CHECK(a.info().enabled_by_default == b.info().enabled_by_default);
            REQUIRE(a.pack() != nullptr);
            REQUIRE(b.pack() != nullptr);
            const auto& ea = a.pack()->examples;
            const auto& eb = b.pack()->examples;
            REQUIRE(ea.size() == eb.size());
            for (std::size_t i = 0; i < ea.size(); ++i) {
                // The tests' lines come from the snapshot, the tree having none.
                CHECK(ea[i].origin == eb[i].origin);
                CHECK(ea[i].text == eb[i].text);
                CHECK(ea[i].flags == eb[i].flags);
                ++examples;
            }
        }
    }
    CHECK(examples > 10);
    // The rules find the same things: every example's text, linted by every rule.
    std::string text;
    for (const auto& pack : parsed) {
        for (const auto& rule : pack.rules) {
            for (const rules::Example& e : rule->pack()->examples) text += e.text + "\n\n";
        }
    }
    const auto expected = pack_findings(parsed, text);
    CHECK(expected.size() > 10);
    CHECK(pack_findings(kept, text) == expected);
}

TEST_CASE("a snapshot serves only the bytes it was made from", "[packs][snapshot]") {
    const std::string text =
        "id: no-foo\nextends: existence\nmessage: m\nseverity: warning\ncategory: "
        "house-style\ntokens: [foo, ~, 'null']\ntests:\n  - bad: a foo\n    flags: [foo]\n"
        "  - good: a bar\n";
    const std::string snapshot = rules::write_rule_snapshot({"id: other\n", text});
    const auto found = rules::read_rule_snapshot(rule_bytes(snapshot), text);
    REQUIRE(found);
    CHECK(found->root["id"].as<std::string>() == "no-foo");
    const YAML::Node tokens = found->root["tokens"];
    REQUIRE(tokens.IsSequence());
    CHECK(tokens[0].Scalar() == "foo");
    CHECK(tokens[1].IsNull());  // `~` stays null, and a quoted 'null' a string
    CHECK(tokens[2].IsScalar());
    CHECK(found->test_lines == std::vector<int>{7, 9});
    CHECK_FALSE(rules::read_rule_snapshot(rule_bytes(snapshot), text + " "));
    CHECK_FALSE(rules::read_rule_snapshot({}, text));
    // Damaged or cut short: no file, never a partial tree.
    for (std::size_t cut = 0; cut < snapshot.size(); cut += 7) {
        const std::string part = snapshot.substr(0, cut);
        const auto got = rules::read_rule_snapshot(rule_bytes(part), text);
        CHECK((!got || got->root["tokens"].size() == 3));
    }
    CHECK_FALSE(rules::read_rule_snapshot(rule_bytes("not a snapshot"), text));
}

TEST_CASE("a rule file that fails from its snapshot is reported with its line",
          "[packs][snapshot]") {
    // A shipped file copied under another name: the snapshot has its bytes, but its id no
    // longer matches the file name, an error the parsed file places.
    const fs::path source = kRuleRoot / "editorial" / "eggcorns.yaml";
    const std::string text = rule_text(source);
    const std::string snapshot = rules::write_rule_snapshot({text});
    REQUIRE(rules::read_rule_snapshot(rule_bytes(snapshot), text));
    SnapshotScratch dir;
    fs::create_directories(dir.path / "mine");
    fs::copy_file(source, dir.path / "mine" / "renamed.yaml");
    auto with = rules::load_rule_packs(dir.path, rule_bytes(snapshot));
    auto without = rules::load_rule_packs(dir.path, {});
    REQUIRE(std::holds_alternative<rules::PackError>(with));
    REQUIRE(std::holds_alternative<rules::PackError>(without));
    const rules::PackError& error = std::get<rules::PackError>(with);
    CHECK(error.what() == std::get<rules::PackError>(without).what());
    CHECK(error.line > 0);
    CHECK(error.message.find("does not match the file name") != std::string::npos);
}
