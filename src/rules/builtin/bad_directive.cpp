#include <algorithm>

#include "rules/rule.hpp"

namespace copydesk::rules::builtin {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

class BadDirective final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        const auto* ids = ctx.rule_ids();
        for (const Directive& d : ctx.document().directives) {
            if (d.kind == Directive::Kind::Unknown) {
                const std::string_view src = ctx.document().source;
                out.report_source(d.verb_span, "Unknown directive '" +
                                                   std::string(src.substr(d.verb_span.begin,
                                                                          d.verb_span.size())) +
                                                   "'; use copydesk-disable, copydesk-enable or "
                                                   "copydesk-disable-next-line.");
                continue;
            }
            if (ids == nullptr) continue;
            for (const Directive::RuleRef& r : d.rules) {
                if (ids->count(r.id) != 0) continue;
                std::string message = "Unknown rule '" + r.id + "' in a directive";
                if (const auto near = nearest(*ids, r.id)) {
                    message += "; did you mean '" + *near + "'?";
                } else {
                    message += "; 'copydesk rules' lists the rule ids.";
                }
                Diagnostic& diag = out.report_source(r.span, std::move(message));
                if (const auto near = nearest(*ids, r.id)) diag.suggestions.push_back(*near);
            }
        }
    }

  private:
    static std::optional<std::string> nearest(const std::set<std::string, std::less<>>& ids,
                                              std::string_view id) {
        std::optional<std::string> best;
        std::size_t best_distance = std::max<std::size_t>(2, id.size() / 3) + 1;
        for (const std::string& candidate : ids) {
            const std::size_t dist = edit_distance(id, candidate);
            if (dist < best_distance) {
                best_distance = dist;
                best = candidate;
            }
        }
        return best;
    }

    RuleInfo info_{
        .id = "bad-directive",
        .category = Category::Typo,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "A copydesk directive comment with an unknown verb or rule id.",
        .description =
            "A misspelt directive switches nothing off, so the findings it was meant to silence "
            "come back unnoticed. Directives are <!-- copydesk-disable RULE, RULE -->, "
            "<!-- copydesk-enable -->, <!-- copydesk-disable-next-line RULE --> (and the same "
            "words alone on a line of plain text); each RULE must be an id that "
            "'copydesk rules' lists.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_bad_directive() {
    return std::make_unique<BadDirective>();
}

}  // namespace copydesk::rules::builtin
