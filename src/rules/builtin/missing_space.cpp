#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::builtin {

namespace {

using text::TokenKind;

std::size_t letters(std::string_view w) {
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < w.size()) n += is_word_char(utf8::decode(w, pos)) ? 1 : 0;
    return n;
}

class MissingSpace final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const auto& tokens = where.analysis.tokens;
            for (const std::uint32_t i : where.analysis.marks) {
                if (i == 0 || i + 1 >= tokens.size()) continue;
                const text::Token& mark = tokens[i];
                const text::Token& a = tokens[i - 1];
                const text::Token& b = tokens[i + 1];
                if (a.kind != TokenKind::Word || b.kind != TokenKind::Word ||
                    a.span.end != mark.span.begin || mark.span.end != b.span.begin)
                    continue;
                const std::string_view p = token_text(where, mark);
                const std::string_view left = token_text(where, a);
                const std::string_view right = token_text(where, b);
                bool missing = false;
                if (p == "." || p == "!" || p == "?") {
                    // "war.The": a sentence ends and the next begins without a space. A capital
                    // after a lower-case word rules out "ASP.NET" and "Node.js".
                    missing =
                        letters(left) >= 2 && text::has_lower(left) && text::is_capitalized(right);
                } else if (p == "," || p == ";") {
                    // "said,the" (but not "x,y" coordinates).
                    missing = letters(left) + letters(right) >= 3 && letters(left) >= 1 &&
                              letters(right) >= 1;
                }
                if (!missing) continue;
                const Span span{a.span.begin, b.span.end};
                Diagnostic& d =
                    out.report(where, span,
                               "Put a space after '" + std::string(p) + "' in '" +
                                   std::string(left) + std::string(p) + std::string(right) + "'.");
                out.set_fix(d, where, {mark.span.end, mark.span.end}, " ", "Insert a space", true);
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "missing-space",
        .category = Category::Punctuation,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "No space after a full stop, question or exclamation mark before the next "
            "sentence (\"war.The\"), or after a comma or semicolon (\"said,the\").",
        .description =
            "A lost space after punctuation is a common slip when copy is edited or pasted "
            "line by line. A full stop needs a lower-case word before it and a capitalized word "
            "after it, so abbreviations (\"U.S.\"), domain names and product names (\"ASP.NET\", "
            "\"Node.js\") are not flagged; numbers (\"1,000\", \"3.5\") never are. The safe fix "
            "inserts the space.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_missing_space() {
    return std::make_unique<MissingSpace>();
}

}  // namespace copydesk::rules::builtin
