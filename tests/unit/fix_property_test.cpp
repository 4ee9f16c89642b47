// Properties of `copydesk fix` over every golden article and every fixture in the repository,
// found by walking the folders, so new articles and cases are covered as they are added:
//   fix(fix(x)) == fix(x); lint(fix(x)) has no safe-fixable finding; every byte outside the
//   reported edit spans is unchanged, and every edit lies inside prose.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "config/session.hpp"
#include "fix/fixer.hpp"
#include "markup/reader.hpp"
#include "rules/linter.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = COPYDESK_SOURCE_DIR;

struct Input {
    std::string name;  // where it came from, for failure messages
    std::string text;
    markup::Format format = markup::Format::Plain;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool text_like(const fs::path& p) {
    static const std::vector<std::string> exts{".txt", ".text", ".md",  ".markdown", ".mdown",
                                               ".mkd", ".html", ".htm", ".xhtml"};
    return std::find(exts.begin(), exts.end(), p.extension().string()) != exts.end();
}

std::vector<fs::path> files_under(const fs::path& root) {
    std::vector<fs::path> out;
    if (!fs::is_directory(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// tests/golden/<case>/input.* (any extension: the reader follows it).
std::vector<Input> golden_inputs() {
    std::vector<Input> out;
    for (const fs::path& p : files_under(kSource / "tests" / "golden")) {
        if (p.stem() != "input") continue;
        out.push_back(
            {fs::relative(p, kSource).string(), slurp(p), markup::format_for_path(p.string())});
    }
    return out;
}

// Every `bad`, `good` and `fixed` text in the YAML cases (tests/rules, tests/**) and the rule
// packs' inline examples (rules/**), plus every text file used as a fixture under tests/ and
// examples/.
void collect_yaml_texts(const YAML::Node& node, const std::string& where, std::vector<Input>& out) {
    if (node.IsSequence()) {
        for (const YAML::Node& child : node) collect_yaml_texts(child, where, out);
        return;
    }
    if (!node.IsMap()) return;
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        if ((key == "bad" || key == "good" || key == "fixed") && entry.second.IsScalar()) {
            out.push_back({where + " " + key + ": " + entry.second.Scalar(), entry.second.Scalar(),
                           markup::Format::Plain});
        } else {
            collect_yaml_texts(entry.second, where, out);
        }
    }
}

std::vector<Input> fixture_inputs() {
    std::vector<Input> out;
    for (const fs::path& root : {kSource / "tests", kSource / "rules"}) {
        for (const fs::path& p : files_under(root)) {
            if (p.extension() != ".yaml" && p.extension() != ".yml") continue;
            collect_yaml_texts(YAML::LoadFile(p.string()), fs::relative(p, kSource).string(), out);
        }
    }
    for (const fs::path& root : {kSource / "tests", kSource / "examples"}) {
        for (const fs::path& p : files_under(root)) {
            const bool golden_input =
                p.stem() == "input" && p.parent_path().parent_path().filename() == "golden";
            if (!text_like(p) || golden_input || p.stem() == "expected") continue;
            out.push_back(
                {fs::relative(p, kSource).string(), slurp(p), markup::format_for_path(p.string())});
        }
    }
    return out;
}

config::Worker make_worker(bool every_rule) {
    config::Settings settings;
    settings.data_dir = kSource;
    if (every_rule) {
        for (const auto& rule : rules::make_builtin_rules()) {
            settings.selection.enable.insert(rule->info().id);
        }
    }
    auto created = config::Session::create(settings);
    if (auto* why = std::get_if<std::string>(&created)) FAIL(*why);
    return std::get<config::Session>(created).make_worker();
}

std::optional<Document> load(const std::string& name, const std::string& text,
                             markup::Format format) {
    auto loaded = markup::load_document(name, text, format);
    if (std::holds_alternative<markup::LoadError>(loaded)) return std::nullopt;
    Document doc = std::get<Document>(std::move(loaded));
    doc.lines = SourceMap(doc.source);
    return doc;
}

// Checks every property on one input; true if fixing changed it.
bool check_properties(const Input& in, rules::Linter& linter) {
    INFO("input: " << in.name);
    const auto doc = load(in.name, in.text, in.format);
    if (!doc) return false;  // not text (binary, invalid UTF-8 fixtures): fix leaves it alone

    const fix::Result once = fix::fix_document(*doc, in.format, linter);
    REQUIRE_FALSE(once.error);
    CHECK(once.converged);

    // Every byte outside the reported edits is unchanged; the edits are sorted, apart, and
    // inside prose (markup, code and front matter are never touched).
    std::int64_t delta = 0;
    std::uint32_t at = 0;
    for (std::size_t k = 0; k < once.edits.size(); ++k) {
        const Edit& e = once.edits[k];
        REQUIRE(e.span.end <= doc->source.size());
        if (k > 0) CHECK(once.edits[k - 1].span.end < e.span.begin);
        CHECK(doc->source.compare(at, e.span.begin - at, once.text,
                                  static_cast<std::size_t>(at + delta), e.span.begin - at) == 0);
        CHECK(std::any_of(doc->regions.begin(), doc->regions.end(),
                          [&](const Region& r) { return r.source_span().contains(e.span); }));
        delta += static_cast<std::int64_t>(e.replacement.size()) - e.span.size();
        at = e.span.end;
    }
    CHECK(doc->source.substr(at) == once.text.substr(static_cast<std::size_t>(at + delta)));
    CHECK(fix::apply_sorted(doc->source, once.edits) == once.text);
    CHECK(once.changed() == (once.text != doc->source));

    // lint(fix(x)) has no safe-fixable finding.
    const auto fixed = load(in.name, once.text, in.format);
    REQUIRE(fixed);
    for (const Diagnostic& d : linter.lint(*fixed)) {
        INFO("left after fixing: [" << d.rule << "] " << d.message);
        CHECK_FALSE((d.fix && d.fix->safe));
    }

    // fix(fix(x)) == fix(x).
    const fix::Result twice = fix::fix_document(*fixed, in.format, linter);
    CHECK(twice.text == once.text);
    CHECK(twice.edits.empty());
    CHECK(twice.applied_total() == 0);
    return once.changed();
}

void check_all(const std::vector<Input>& inputs, bool every_rule) {
    config::Worker worker = make_worker(every_rule);
    std::size_t changed = 0;
    for (const Input& in : inputs) changed += check_properties(in, *worker.linter) ? 1 : 0;
    // Not vacuous: some inputs must have had something to fix.
    CHECK(changed > 0);
}

}  // namespace

TEST_CASE("fix properties hold on every golden article (default rules)", "[fix][property]") {
    const auto inputs = golden_inputs();
    REQUIRE(inputs.size() >= 6);
    check_all(inputs, false);
}

TEST_CASE("fix properties hold on every golden article (every rule on)", "[fix][property]") {
    check_all(golden_inputs(), true);
}

TEST_CASE("fix properties hold on every fixture (default rules)", "[fix][property]") {
    const auto inputs = fixture_inputs();
    REQUIRE(inputs.size() >= 20);
    check_all(inputs, false);
}

TEST_CASE("fix properties hold on every fixture (every rule on)", "[fix][property]") {
    check_all(fixture_inputs(), true);
}
