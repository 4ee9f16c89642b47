#include <re2/re2.h>

#include <optional>
#include <string_view>

#include "core/utf8.hpp"
#include "rules/lazy_regex.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

// "— Agency Name (@agency) March 3, 2023": the byline of an embedded post, left behind when
// the post itself did not survive the copy. The name holds at most kMostInName characters and
// the handle kMostInHandle, which the rule checks after a match (groups 2 and 3): counted in
// the expression ({1,100}, {1,30}), they made compiling it and its first search cost 19 M
// instructions, a fifth of linting an article with such a line.
constexpr const char* kAttribution =
    R"((?:—|–|--?)\s*([^—–\n]+?)\(@(\w+)\)\s*)"
    R"((?:January|February|March|April|May|June|July|August|September|October|November|December|)"
    R"(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},\s+\d{4}\s*$)";
constexpr std::size_t kMostInName = 100;
constexpr std::size_t kMostInHandle = 30;
// Instagram's version: "A post shared by Agency Name (@agency) on Mar 3, 2023 at 10:15am PST".
constexpr std::string_view kInstagramStart = "A post shared by ";
constexpr const char* kInstagram = R"(^A post shared by .{1,100}?\(@[\w.]{1,30}\).{0,60}$)";

// The attribution kAttribution finds in `line` with its limits, if any: the leftmost dash from
// which a name within the limit runs to the handle. Past a limit no attribution starts at that
// dash, so the search goes on from the next character, as it would with the limits in the
// expression; the handle and date end the line, so a handle too long rules out every dash.
std::optional<re2::StringPiece> attribution_in(re2::StringPiece line, const re2::RE2& attribution) {
    re2::StringPiece rest = line;
    re2::StringPiece match;
    re2::StringPiece name;
    re2::StringPiece handle;
    while (re2::RE2::PartialMatch(rest, attribution, &match, &name, &handle)) {
        if (handle.size() > kMostInHandle) return std::nullopt;  // \w is ASCII
        if (utf8::count_code_points({name.data(), name.size()}) <= kMostInName) return match;
        const char* next = match.data() + 1;
        rest = re2::StringPiece(next, static_cast<std::size_t>(line.data() + line.size() - next));
    }
    return std::nullopt;
}

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
                // Both end in "(@handle)" and a date: most lines never reach the expressions.
                const std::string_view trimmed = text.substr(s.begin, s.size());
                if (trimmed.find("(@") == std::string_view::npos) continue;
                re2::StringPiece instagram;
                const std::optional<re2::StringPiece> match =
                    trimmed.starts_with(kInstagramStart) &&
                            re2::RE2::PartialMatch(piece, instagram_.get(), &instagram)
                        ? instagram
                        : attribution_in(piece, attribution_.get());
                if (match) {
                    const auto b = static_cast<std::uint32_t>(match->data() - text.data());
                    const Span span{b, static_cast<std::uint32_t>(b + match->size())};
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
