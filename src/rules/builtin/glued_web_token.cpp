#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

using text::TokenKind;

bool is_web(TokenKind k) {
    return k == TokenKind::Url || k == TokenKind::Handle || k == TokenKind::Hashtag;
}

std::string_view kind_name(TokenKind k) {
    switch (k) {
        case TokenKind::Hashtag:
            return "hashtag";
        case TokenKind::Handle:
            return "handle";
        default:
            return "link";
    }
}

class GluedWebToken final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) check_region(where, out);
    }

  private:
    // True when token `i` (a URL, handle or hashtag) touches the text before it: a word, a
    // number, another web token, or sentence punctuation that itself ends a word.
    static bool glued(const RegionText& where, std::size_t i) {
        const auto& tokens = where.analysis.tokens;
        if (i == 0 || tokens[i - 1].span.end != tokens[i].span.begin) return false;
        const text::Token& prev = tokens[i - 1];
        if (prev.kind == TokenKind::Word || prev.kind == TokenKind::Number || is_web(prev.kind))
            return true;
        if (prev.kind != TokenKind::Punct || i < 2) return false;
        const std::string_view p = token_text(where, prev);
        if (p != "." && p != "," && p != ";" && p != ":" && p != "!" && p != "?") return false;
        const text::Token& before = tokens[i - 2];
        return before.span.end == prev.span.begin &&
               (before.kind == TokenKind::Word || before.kind == TokenKind::Number);
    }

    void check_region(const RegionText& where, Reporter& out) const {
        if (where.analysis.web_free) return;  // no URL, handle or hashtag to be glued
        const auto& tokens = where.analysis.tokens;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!is_web(tokens[i].kind) || !glued(where, i)) continue;
            // A run of glued web tokens is one finding: "claimed.#newshttps://t.co/x1".
            std::vector<std::pair<Span, std::string>> edits;
            std::vector<std::string> names;
            std::size_t j = i;
            for (; j < tokens.size() && is_web(tokens[j].kind) && glued(where, j); ++j) {
                edits.push_back({{tokens[j].span.begin, tokens[j].span.begin}, " "});
                names.push_back(std::string(kind_name(tokens[j].kind)) + " '" +
                                std::string(token_text(where, tokens[j])) + "'");
            }
            const Span span{tokens[i].span.begin, tokens[j - 1].span.end};
            std::string what = names.front();
            for (std::size_t n = 1; n < names.size(); ++n) what += " and the " + names[n];
            Diagnostic& d = out.report(where, span,
                                       "Put a space before the " + what + ", or delete " +
                                           (names.size() == 1 ? "it" : "them") +
                                           ": web residue is glued to the text.");
            out.set_fix(d, where, edits, "Separate the glued web residue", true);
            i = j - 1;
        }
    }

    RuleInfo info_{
        .id = "glued-web-token",
        .category = Category::WebResidue,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "A hashtag, handle or link glued to a word or a sentence end "
            "(\"claimed.#newshttps://t.co/x1\").",
        .description =
            "Copy pasted from social posts keeps their hashtags, handles and shortened links, "
            "often glued to the last word of a sentence because the line break between them was "
            "lost. A URL, @handle or #hashtag that touches the word (or the full stop after a "
            "word) before it is reported. The safe fix only puts the missing spaces back; an "
            "editor usually deletes the residue.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_glued_web_token() {
    return std::make_unique<GluedWebToken>();
}

}  // namespace copydesk::rules::builtin
