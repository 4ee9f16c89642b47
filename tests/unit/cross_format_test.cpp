// The same article as Markdown, as HTML and as plain text must give the same findings, each at
// the place in its own file where the flagged words are written.
#include <catch2/catch.hpp>

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

std::vector<Finding> lint(config::Worker& worker, const fs::path& path) {
    auto loaded = markup::load_document(path.filename().string(), read(path),
                                        markup::format_for_path(path.string()));
    REQUIRE(std::holds_alternative<Document>(loaded));
    const Document& doc = std::get<Document>(loaded);
    std::vector<Finding> out;
    for (const Diagnostic& d : worker.linter->lint(doc)) {
        out.push_back({d.rule, d.message, prose_at(doc, d.span), doc.lines.position(d.span.begin)});
    }
    return out;
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
