#include <array>
#include <string_view>

#include "core/utf8.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

char closer_of(char open) {
    return open == '(' ? ')' : open == '[' ? ']' : '}';
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "a) first", "2) second", "iv) fourth": a list enumerator, not a closing bracket.
bool enumerator(std::string_view text, std::size_t at) {
    std::size_t b = at;
    while (b > 0 && is_alnum(text[b - 1]) && at - b < 4) --b;
    if (b == at || at - b > 3) return false;
    return b == 0 || text[b - 1] == ' ' || text[b - 1] == '\n' || text[b - 1] == '\t';
}

// ":)", ";)", ":-)", ":(", "(:"
bool smiley(std::string_view text, std::size_t at) {
    if (at > 0 && (text[at - 1] == ':' || text[at - 1] == ';')) return true;
    if (at > 1 && text[at - 1] == '-' && (text[at - 2] == ':' || text[at - 2] == ';')) return true;
    return at + 1 < text.size() && text[at] == '(' && text[at + 1] == ':';
}

class UnbalancedBrackets final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    static constexpr utf8::ByteSet kBrackets{"()[]{}"};

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            const std::vector<Span> web = web_spans(where);
            std::vector<std::uint32_t> open;
            for (auto i = static_cast<std::uint32_t>(utf8::find_byte_of(text, 0, kBrackets));
                 i < text.size();
                 i = static_cast<std::uint32_t>(utf8::find_byte_of(text, i + 1, kBrackets))) {
                const char c = text[i];
                if (inside_any(web, i) || smiley(text, i)) continue;
                if (c == '(' || c == '[' || c == '{') {
                    open.push_back(i);
                    continue;
                }
                if (open.empty()) {
                    if (c == ')' && enumerator(text, i)) continue;
                    out.report(where, {i, i + 1},
                               "Add the opening '" +
                                   std::string(1, c == ')'   ? '('
                                                  : c == ']' ? '['
                                                             : '{') +
                                   "' for this '" + std::string(1, c) + "', or delete it.");
                    continue;
                }
                const char want = closer_of(text[open.back()]);
                if (c != want) {
                    out.report(where, {i, i + 1},
                               "Use '" + std::string(1, want) + "' to close the '" +
                                   std::string(1, text[open.back()]) + "' opened before, not '" +
                                   std::string(1, c) + "'.");
                }
                open.pop_back();
            }
            for (const std::uint32_t at : open) {
                out.report(where, {at, at + 1},
                           "Add the closing '" + std::string(1, closer_of(text[at])) +
                               "' for this '" + std::string(1, text[at]) + "' in its paragraph.");
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "unbalanced-brackets",
        .category = Category::Punctuation,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "A bracket or parenthesis opened and never closed in its paragraph, closed "
            "without being opened, or closed by the wrong kind.",
        .description =
            "Parentheses, square brackets and braces are matched within each paragraph. List "
            "enumerators (\"a)\", \"2)\"), smileys and brackets inside URLs are left alone.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_unbalanced_brackets() {
    return std::make_unique<UnbalancedBrackets>();
}

}  // namespace copydesk::rules::builtin
