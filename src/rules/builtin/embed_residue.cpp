#include <re2/re2.h>

#include "rules/lazy_regex.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

// "— Agency Name (@agency) March 3, 2023": the byline of an embedded post, left behind when
// the post itself did not survive the copy.
constexpr const char* kAttribution =
    R"((?:—|–|--?)\s*[^—–\n]{1,100}?\(@\w{1,30}\)\s*)"
    R"((?:January|February|March|April|May|June|July|August|September|October|November|December|)"
    R"(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},\s+\d{4}\s*$)";
// Instagram's version: "A post shared by Agency Name (@agency) on Mar 3, 2023 at 10:15am PST".
constexpr const char* kInstagram = R"(^A post shared by .{1,100}?\(@[\w.]{1,30}\).{0,60}$)";

class EmbedResidue final : public Rule {
  public:
    // Group 1 is the whole match.
    EmbedResidue()
        : attribution_(std::string("(") + kAttribution + ")"),
          instagram_(std::string("(") + kInstagram + ")") {}

    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            check_links(where, out);
            for (const Span line : line_spans(text)) {
                const Span s = trim(text, line);
                if (s.empty()) continue;
                const re2::StringPiece piece(text.data() + s.begin, s.size());
                re2::StringPiece match;
                // Both end in "(@handle)" and a date: most lines never reach the expressions.
                if (text.substr(s.begin, s.size()).find("(@") == std::string_view::npos) continue;
                if (re2::RE2::PartialMatch(piece, instagram_.get(), &match) ||
                    re2::RE2::PartialMatch(piece, attribution_.get(), &match)) {
                    const auto b = static_cast<std::uint32_t>(match.data() - text.data());
                    const Span span{b, static_cast<std::uint32_t>(b + match.size())};
                    out.report(where, trim(text, span),
                               "Delete this attribution line left by an embedded social media "
                               "post, or quote the post in a sentence.");
                }
            }
        }
    }

  private:
    static void check_links(const RegionText& where, Reporter& out) {
        if (where.analysis.web_free) return;  // no URL among the tokens
        for (const text::Token& t : where.analysis.tokens) {
            if (t.kind != text::TokenKind::Url) continue;
            const std::string_view url = token_text(where, t);
            if (url.find("pic.twitter.com/") == std::string_view::npos) continue;
            out.report(where, t.span,
                       "Delete the leftover embedded-post link '" + std::string(url) + "'.");
        }
    }

    LazyRegex attribution_;
    LazyRegex instagram_;

    RuleInfo info_{
        .id = "embed-residue",
        .category = Category::WebResidue,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "What an embedded social post leaves behind: \"— Agency (@agency) March 3, "
            "2023\", \"pic.twitter.com/...\".",
        .description =
            "When an article with an embedded post is copied as text, the post's byline and image "
            "link stay in the copy. Reported: a line ending in the embed attribution \"— Name "
            "(@handle) Month D, YYYY\", Instagram's \"A post shared by ...\", and "
            "pic.twitter.com links.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_embed_residue() {
    return std::make_unique<EmbedResidue>();
}

}  // namespace copydesk::rules::builtin
