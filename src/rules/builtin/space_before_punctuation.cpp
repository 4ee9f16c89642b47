#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

using text::TokenKind;

std::string_view mark_name(std::string_view p) {
    if (p == ",") return "comma";
    if (p == ".") return "full stop";
    if (p == ";") return "semicolon";
    if (p == ":") return "colon";
    if (p == "!") return "exclamation mark";
    if (p == "?") return "question mark";
    return {};
}

bool closes(std::string_view p) {
    return p == ")" || p == "]" || p == "\u201D" || p == "\u2019" || p == "\"" || p == "'";
}

class SpaceBeforePunctuation final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            const auto& tokens = where.analysis.tokens;
            for (const std::uint32_t i : where.analysis.marks) {
                if (i < 2) continue;
                const text::Token& mark = tokens[i];
                const text::Token& space = tokens[i - 1];
                // Most marks follow a word directly: the kinds settle them before any text.
                if (space.kind != TokenKind::Space) continue;
                const std::string_view p = token_text(where, mark);
                if (mark_name(p).empty()) continue;
                const std::string_view s = token_text(where, space);
                if (s.find_first_of("\t\r\n") != std::string_view::npos) continue;
                const text::Token& before = tokens[i - 2];
                const bool after_word =
                    before.kind == TokenKind::Word || before.kind == TokenKind::Number ||
                    (before.kind == TokenKind::Punct && closes(token_text(where, before)));
                if (!after_word) continue;
                // What follows must end the mark: a space, the end, a closing quote or bracket.
                // ". . ." and " ..." are ellipses; ".45" is a number; ":)" is a smiley; "3 : 1"
                // is a score.
                const std::size_t end = mark.span.end;
                const char32_t next = code_point_at(text, end);
                if (next != 0 && !is_space_char(next) && next != 0x201D && next != 0x2019 &&
                    next != '"' && next != ')' && next != ']')
                    continue;
                if (p == "." &&
                    (text.substr(end).starts_with(" .") ||
                     (mark.span.begin >= 2 && text.substr(mark.span.begin - 2, 2) == ". ")))
                    continue;
                if ((p == ":" || p == ";") && next == ')') continue;
                if (p == ":" && before.kind == TokenKind::Number && i + 2 < tokens.size() &&
                    tokens[i + 2].kind == TokenKind::Number)
                    continue;
                const Span span{space.span.begin, mark.span.end};
                Diagnostic& d = out.report(
                    where, span, "Delete the space before the " + std::string(mark_name(p)) + ".");
                out.set_fix(d, where, space.span, "", "Delete the space", true);
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "space-before-punctuation",
        .category = Category::Punctuation,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "A space before a comma, full stop, semicolon, colon, question or "
            "exclamation mark.",
        .description =
            "English sets these marks against the word before them (\"said , the\" should be "
            "\"said, the\"). Spaced ellipses (\". . .\"), decimal numbers (\".45\"), smileys and "
            "scores (\"3 : 1\") are left alone, as is a mark that starts a new line. The safe "
            "fix deletes the space.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_space_before_punctuation() {
    return std::make_unique<SpaceBeforePunctuation>();
}

}  // namespace copydesk::rules::builtin
