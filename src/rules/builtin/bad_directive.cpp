#include <algorithm>

#include "rules/rule.hpp"

namespace copydesk::rules::builtin {

namespace {

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
                const auto near = nearest(*ids, r.id);
                message += near ? "; did you mean '" + *near + "'?"
                                : "; 'copydesk rules' lists the rule ids.";
                Diagnostic& diag = out.report_source(r.span, std::move(message));
                if (near) diag.suggestions.push_back(*near);
            }
        }
    }

  private:
    static std::optional<std::string> nearest(const std::set<std::string, std::less<>>& ids,
                                              std::string_view id) {
        const std::vector<std::string_view> candidates(ids.begin(), ids.end());
        return closest_match(id, candidates);
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
