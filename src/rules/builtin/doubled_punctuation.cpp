#include <bit>

#include "core/utf8.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

constexpr utf8::ByteSet kMarks(",;:.");

bool mark(char c) {
    return kMarks.contains(c);
}

// The offset of the first of two marks in a row at or after `pos`, or text.size(). Most
// commas and full stops stand alone: the search does not stop at them.
std::size_t find_pair(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
    // Fifteen bytes a step: the sixteenth mark's partner is in the next chunk.
    while (pos + 16 <= text.size()) {
        const unsigned m = kMarks.match_mask16(text.data() + pos);
        if (const unsigned pairs = m & (m >> 1); pairs != 0) {
            return pos + static_cast<std::size_t>(std::countr_zero(pairs));
        }
        pos += 15;
    }
#endif
    for (; pos + 1 < text.size(); ++pos) {
        if (mark(text[pos]) && mark(text[pos + 1])) return pos;
    }
    return text.size();
}

std::string_view name(char c) {
    switch (c) {
        case ',':
            return "comma";
        case ';':
            return "semicolon";
        case ':':
            return "colon";
        default:
            return "full stop";
    }
}

class DoubledPunctuation final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            const std::vector<Span> web = web_spans(where);
            std::size_t i = 0;
            while ((i = find_pair(text, i)) < text.size()) {
                std::size_t end = i + 2;
                while (end < text.size() && mark(text[end])) ++end;
                if (inside_any(web, static_cast<std::uint32_t>(i))) {
                    ++i;
                    continue;
                }
                check_run(where, text, i, end, out);
                i = end;
            }
        }
    }

  private:
    static void check_run(const RegionText& where, std::string_view text, std::size_t begin,
                          std::size_t end, Reporter& out) {
        const std::string_view run = text.substr(begin, end - begin);
        if (run.size() < 2) return;
        const auto b = static_cast<std::uint32_t>(begin);
        const auto e = static_cast<std::uint32_t>(end);
        const Span span{b, e};
        // Three or more full stops are an ellipsis (four end a sentence with one); "../"
        // is a path.
        if (run.find_first_not_of('.') == std::string_view::npos) {
            if (run.size() != 2 || (end < text.size() && text[end] == '/')) return;
            Diagnostic& d =
                out.report(where, span, "Use one full stop, or an ellipsis (…), instead of '..'.");
            d.suggestions = {".", "…"};
            out.set_fix(d, where, span, ".", "Use one full stop", false);
            return;
        }
        if (run.find_first_not_of(run.front()) == std::string_view::npos) {
            Diagnostic& d = out.report(where, span,
                                       "Use one " + std::string(name(run.front())) +
                                           " instead of '" + std::string(run) + "'.");
            out.set_fix(d, where, span, std::string(1, run.front()),
                        "Keep one " + std::string(name(run.front())), true);
            return;
        }
        // A full stop first is an abbreviation before a comma or colon ("Inc.," "a.m.:").
        if (run.front() == '.') return;
        Diagnostic& d = out.report(
            where, span, "Use one punctuation mark instead of '" + std::string(run) + "'.");
        d.suggestions = {std::string(1, run.back()), std::string(1, run.front())};
        out.set_fix(d, where, span, std::string(1, run.back()),
                    "Keep the '" + std::string(1, run.back()) + "'", false);
    }

    RuleInfo info_{
        .id = "doubled-punctuation",
        .category = Category::Punctuation,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "Doubled punctuation: \",,\", \";;\", \"..\" (not an ellipsis), \",.\".",
        .description =
            "Two commas, semicolons or colons in a row, exactly two full stops, or a comma or "
            "semicolon run into another mark. An ellipsis (\"...\") and a full stop that ends an "
            "abbreviation before a comma (\"Inc.,\") are correct and not flagged. The safe fix "
            "removes a doubled comma, semicolon or colon; for \"..\" and mixed marks the fix is "
            "suggested, since the writer may have meant an ellipsis or the other mark.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_doubled_punctuation() {
    return std::make_unique<DoubledPunctuation>();
}

}  // namespace copydesk::rules::builtin
