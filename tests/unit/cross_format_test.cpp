// The same article as Markdown, as HTML and as plain text must give the same findings, each at
// the place in its own file where the flagged words are written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/session.hpp"
#include "markup_helpers.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The prose text (entities decoded, markup gone) behind a source span: found through the
// region segments that hold its ends.
std::string prose_at(const Document& doc, Span span) {
    for (const Region& region : doc.regions) {
        std::optional<std::uint32_t> b;
        std::optional<std::uint32_t> e;
        const auto& segs = region.segments();
        for (std::size_t i = 0; i < segs.size(); ++i) {
            const auto& s = segs[i];
            const auto text_end = static_cast<std::uint32_t>(
                i + 1 < segs.size() ? segs[i + 1].text_begin : region.text().size());
            if (!b && s.source.begin <= span.begin && span.begin < s.source.end) {
                b = s.verbatim ? s.text_begin + (span.begin - s.source.begin) : s.text_begin;
            }
            if (b && s.source.begin < span.end && span.end <= s.source.end) {
                e = s.verbatim ? s.text_begin + (span.end - s.source.begin) : text_end;
                break;
            }
        }
        if (b && e) return region.text().substr(*b, *e - *b);
    }
    return "<not in any region>";
}

struct Finding {
    std::string rule;
    std::string message;
    std::string prose;
    Position position;
};

std::vector<Finding> lint_text(config::Worker& worker, const std::string& name,
                               const std::string& text) {
    auto loaded = markup::load_document(name, text, markup::format_for_path(name));
    REQUIRE(std::holds_alternative<Document>(loaded));
    const Document& doc = std::get<Document>(loaded);
    std::vector<Finding> out;
    for (const Diagnostic& d : worker.linter->lint(doc)) {
        out.push_back({d.rule, d.message, prose_at(doc, d.span), doc.lines.position(d.span.begin)});
    }
    return out;
}

std::vector<Finding> lint(config::Worker& worker, const fs::path& path) {
    return lint_text(worker, path.filename().string(), read(path));
}

}  // namespace

TEST_CASE("an article gives the same findings as Markdown, HTML and plain text", "[golden]") {
    config::Settings settings;
    settings.data_dir = COPYDESK_SOURCE_DIR;
    auto session = config::Session::create(settings);
    REQUIRE(std::holds_alternative<config::Session>(session));
    config::Worker worker = std::get<config::Session>(session).make_worker();

    const fs::path golden = fs::path(COPYDESK_SOURCE_DIR) / "tests" / "golden";
    const auto plain = lint(worker, golden / "article-plain" / "input.txt");
    const auto markdown = lint(worker, golden / "article-markdown" / "input.md");
    const auto html = lint(worker, golden / "article-html" / "input.html");
    REQUIRE(plain.size() == 9);
    for (const auto* other : {&markdown, &html}) {
        REQUIRE(other->size() == plain.size());
        for (std::size_t i = 0; i < plain.size(); ++i) {
            INFO("finding " << i << ": " << plain[i].message);
            CHECK((*other)[i].rule == plain[i].rule);
            CHECK((*other)[i].message == plain[i].message);
            // Each points at the same words in its own file.
            CHECK((*other)[i].prose == plain[i].prose);
        }
    }
    // Spot checks of the mapped positions (the expected.line files hold them all).
    CHECK(markdown[6].prose == "goverment’s");
    CHECK(markdown[6].position.line == 46);
    CHECK(markdown[6].position.column == 59);
    CHECK(html[6].position.line == 50);
    CHECK(html[6].position.column == 61);
    CHECK(plain[6].position.line == 53);
}

// A linter keeps what it has worked out about words (known, may start a name or a phrase) from
// one document to the next: the findings must not depend on what it linted before.
TEST_CASE("findings do not depend on the documents linted before", "[golden]") {
    config::Settings settings;
    settings.data_dir = COPYDESK_SOURCE_DIR;
    auto session = config::Session::create(settings);
    REQUIRE(std::holds_alternative<config::Session>(session));
    const auto& made = std::get<config::Session>(session);

    // The golden articles, and short ones that share words whose findings depend on the
    // document: a misspelling used twice, a name spelled two ways, both dialects, a phrase.
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const auto& dir :
         fs::directory_iterator(fs::path(COPYDESK_SOURCE_DIR) / "tests" / "golden")) {
        if (!dir.is_directory()) continue;
        for (const auto& file : fs::directory_iterator(dir.path())) {
            if (file.path().stem() == "input") {
                inputs.emplace_back(file.path().filename().string(), read(file.path()));
            }
        }
    }
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 10);
    for (const char* text : {
             "The goverment said on Monday that the goverment would act.\n",
             "The goverment said on Monday it would act.\n",
             "Volodymyr Zelenskyy met Zelensky's aides in Kyiv.\n",
             "President Zelensky spoke in Kiev on Tuesday.\n",
             "The colour of the harbour changed. The color of the harbor changed.\n",
             "The color of the harbor changed on Monday.\n",
             "Last China sent an envoy. The the talks ended.\n",
             "China sent an envoy last week; the talks ended.\n",
         }) {
        inputs.emplace_back("short" + std::to_string(inputs.size()) + ".txt", text);
    }

    auto messages = [](const std::vector<Finding>& found) {
        std::vector<std::string> out;
        for (const Finding& f : found) {
            out.push_back(std::to_string(f.position.line) + ":" +
                          std::to_string(f.position.column) + " " + f.rule + " " + f.message);
        }
        return out;
    };
    config::Worker shared = made.make_worker();
    std::vector<std::vector<std::string>> first_pass;
    for (const auto& [name, text] : inputs)
        first_pass.push_back(messages(lint_text(shared, name, text)));
    std::size_t findings = 0;
    // Each input alone, with a fresh linter; then again, backwards, with the shared one.
    for (std::size_t i = inputs.size(); i-- > 0;) {
        const auto& [name, text] = inputs[i];
        INFO(name);
        config::Worker fresh = made.make_worker();
        const auto alone = messages(lint_text(fresh, name, text));
        CHECK(alone == first_pass[i]);
        CHECK(messages(lint_text(shared, name, text)) == alone);
        findings += alone.size();
    }
    CHECK(findings > 20);
}
