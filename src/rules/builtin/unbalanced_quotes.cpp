
#include <algorithm>

#include "rules/quotes.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

class UnbalancedQuotes final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        const auto regions = ctx.regions();
        // Quote marks a paragraph left open, reported once the next paragraph is seen.
        Open pending;
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const RegionText& where = regions[r];
            const auto marks = quote_marks(ctx, r);
            // A quotation running on from the previous paragraph should open this one with a
            // quote mark; if instead the first double quote here closes it, that mark is
            // missing (one finding, not an unclosed quote there and a stray one here).
            const bool resumed = !pending.doubles.empty() && first_double_closes(marks);
            if (resumed) {
                const auto& tokens = where.analysis.tokens;
                const auto first = std::find_if(tokens.begin(), tokens.end(), [](const auto& t) {
                    return t.kind != text::TokenKind::Space;
                });
                const Span at = first != tokens.end() ? first->span : Span{};
                out.report(where, at,
                           "Open this paragraph with a quote mark: it continues the quotation "
                           "left open at the end of the previous paragraph.");
                pending.doubles.erase(pending.doubles.begin());
            }
            report_open(pending, out);
            Open left = check_region(where, marks, resumed, out);
            // By convention a quotation running on over paragraphs is left open at the end of
            // each and opened again at the start of the next.
            const bool continues = r + 1 < regions.size() && starts_with_open_quote(regions[r + 1]);
            if (continues) left.doubles.clear();
            pending = std::move(left);
        }
        report_open(pending, out);
    }

  private:
    struct Open {
        const RegionText* where = nullptr;
        std::vector<QuoteMark> doubles;
        std::vector<QuoteMark> singles;
    };

    static bool first_double_closes(std::span<const QuoteMark> marks) {
        for (const QuoteMark& m : marks) {
            if (m.is_double) return m.role == QuoteRole::Close || m.role == QuoteRole::Measure;
        }
        return false;
    }

    static void report_open(Open& open, Reporter& out) {
        for (const QuoteMark& s : open.singles) unclosed(*open.where, s, out);
        for (const QuoteMark& d : open.doubles) unclosed(*open.where, d, out);
        open.singles.clear();
        open.doubles.clear();
    }

    // Matches the marks of one paragraph; returns what is left open at its end.
    static Open check_region(const RegionText& where, std::span<const QuoteMark> marks,
                             bool resumed, Reporter& out) {
        const std::string_view text = where.text();
        Open open;
        open.where = &where;
        std::vector<QuoteMark>& open_double = open.doubles;  // "He said "no" to me" nests
        std::vector<QuoteMark>& open_single = open.singles;
        if (resumed) open_double.push_back(QuoteMark{});  // the quotation carried over
        for (const QuoteMark& m : marks) {
            if (m.is_double) {
                QuoteRole role = m.role;
                if (role == QuoteRole::Unknown) {
                    role = open_double.empty() ? QuoteRole::Open : QuoteRole::Close;
                }
                // After a number, a quote mark closes an open quotation or is an inch mark.
                if (role == QuoteRole::Measure && !open_double.empty()) role = QuoteRole::Close;
                if (role == QuoteRole::Open) {
                    // A new sentence opening a quote while one is open: a quotation running on
                    // over paragraphs whose breaks were lost. It takes the open one's place.
                    if (!open_double.empty() && after_sentence_end(text, m.span.begin)) {
                        open_double.back() = m;
                    } else {
                        open_double.push_back(m);
                    }
                } else if (role == QuoteRole::Close) {
                    if (!open_double.empty()) {
                        open_double.pop_back();
                        // Single quotes inside end with the double quote around them.
                        if (open_double.empty()) {
                            for (const QuoteMark& s : open_single) unclosed(where, s, out);
                            open_single.clear();
                        }
                    } else {
                        out.report(where, m.span,
                                   "Add the opening quote for this closing quote mark, or "
                                   "delete it.");
                    }
                }
                continue;
            }
            if (m.role == QuoteRole::Open) {
                open_single.push_back(m);
            } else if (m.role == QuoteRole::Close && !open_single.empty()) {
                open_single.pop_back();
            }
            // A closing single quote with nothing open is an apostrophe ("the players’ union").
        }
        // The quotation carried over is never reported twice.
        std::erase_if(open_double, [](const QuoteMark& m) { return m.span.empty(); });
        return open;
    }

    // True when `at` follows a sentence end and white space: ". “Next".
    static bool after_sentence_end(std::string_view text, std::size_t at) {
        std::size_t i = at;
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\r')) --i;
        if (i == at || i == 0) return false;
        const char c = text[i - 1];
        return c == '.' || c == '?' || c == '!';
    }

    static void unclosed(const RegionText& where, const QuoteMark& m, Reporter& out) {
        // A straight single quote opening a word may be an elision ("the 'scopes"): only
        // curly opening quotes and double quotes are certain enough to report.
        if (!m.is_double && !m.curly) return;
        out.report(where, m.span,
                   "Add the closing quote for this opening quote mark; the paragraph never "
                   "closes it.");
    }

    RuleInfo info_{
        .id = "unbalanced-quotes",
        .category = Category::Punctuation,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "An opening quote mark never closed in its paragraph, or a closing one "
            "never opened (straight and curly).",
        .description =
            "Quotation marks are matched within each paragraph, straight and curly alike. "
            "Apostrophes are not quotes: \"China’s\", \"rock ’n’ roll\", \"the ’90s\" and the "
            "plural possessive \"the players’ union\" are left alone, as are inch and foot "
            "marks (5'10\"). A quotation that runs on over several paragraphs, each opening "
            "with a quote mark and only the last one closed, follows the news convention and "
            "is not flagged.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_unbalanced_quotes() {
    return std::make_unique<UnbalancedQuotes>();
}

}  // namespace copydesk::rules::builtin
