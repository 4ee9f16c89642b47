#include <algorithm>
#include "rules/quotes.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

class MixedQuotes final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        struct Found {
            const RegionText* where;
            QuoteMark mark;
        };
        std::vector<Found> marks;
        int curly = 0;
        int straight = 0;
        for (std::size_t r = 0; r < ctx.regions().size(); ++r) {
            const RegionText& where = ctx.regions()[r];
            for (const QuoteMark& m : quote_marks(ctx, r)) {
                if (m.role == QuoteRole::Measure) continue;
                marks.push_back({&where, m});
                (m.curly ? curly : straight) += 1;
            }
        }
        if (curly == 0 || straight == 0) return;
        // The style most marks use wins; on a tie, the one used first.
        const bool want_curly = curly != straight ? curly > straight : marks.front().mark.curly;
        const Found& first = *std::find_if(
            marks.begin(), marks.end(), [&](const Found& f) { return f.mark.curly == want_curly; });
        const Position at = ctx.position(*first.where, first.mark.span.begin);
        const std::string where_first =
            " (first at " + std::to_string(at.line) + ":" + std::to_string(at.column) + ")";
        for (const Found& f : marks) {
            if (f.mark.curly == want_curly) continue;
            const std::string_view mark = f.where->slice(f.mark.span);
            std::string wanted;
            if (want_curly) {
                wanted = curly_form(f.mark);
            } else {
                wanted = f.mark.is_double ? "\"" : "'";
            }
            std::string message;
            if (wanted.empty()) {
                message = "Use a curly quote instead of the straight " + std::string(mark) +
                          ": the document uses curly quotes" + where_first + ".";
            } else {
                message = "Use " + wanted + " instead of " + std::string(mark) +
                          ": the document uses " + (want_curly ? "curly" : "straight") + " quotes" +
                          where_first + ".";
            }
            Diagnostic& d = out.report(*f.where, f.mark.span, std::move(message));
            if (!wanted.empty()) {
                d.suggestions = {wanted};
                // Straightening is mechanical; curling depends on reading the mark's role.
                out.set_fix(d, *f.where, f.mark.span, wanted, "Use " + wanted, !want_curly);
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "mixed-quotes",
        .category = Category::Typography,
        .severity = Severity::Suggestion,
        .enabled_by_default = true,
        .summary = "Straight and curly quote marks (and apostrophes) mixed in one document.",
        .description =
            "A story assembled from several sources often ends up with \"straight\" and “curly” "
            "quotes side by side. The style most of the document's quote marks and apostrophes "
            "use wins (on a tie, the first one's), and each mark in the other style is reported "
            "with the matching character. Inch and foot marks are left alone. Straightening is "
            "a safe fix; curling is suggested, as it depends on reading which way a mark faces.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_mixed_quotes() {
    return std::make_unique<MixedQuotes>();
}

}  // namespace copydesk::rules::builtin
