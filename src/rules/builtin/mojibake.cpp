#include "text/mojibake.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

class MojibakeRule final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            if (where.analysis.non_ascii.empty()) continue;  // mojibake is made of such bytes
            for (const text::Mojibake& m : text::find_mojibake(where.text())) {
                const std::string garbled(where.slice(m.span));
                if (!m.repaired.empty()) {
                    Diagnostic& d =
                        out.report(where, m.span,
                                   "Replace the garbled '" + garbled + "' with '" + m.repaired +
                                       "' (UTF-8 text read as Windows-1252).");
                    d.suggestions = {m.repaired};
                    out.set_fix(d, where, m.span, m.repaired,
                                "Repair '" + garbled + "' to '" + m.repaired + "'", true);
                } else if (!m.guess.empty()) {
                    Diagnostic& d =
                        out.report(where, m.span,
                                   "Replace the garbled '" + garbled +
                                       "' with the character it lost, "
                                       "probably '" +
                                       m.guess + "' (UTF-8 text read as Windows-1252).");
                    d.suggestions = {m.guess};
                    out.set_fix(d, where, m.span, m.guess, "Replace with '" + m.guess + "'", false);
                }
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "mojibake",
        .category = Category::Unicode,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "Garbled characters from UTF-8 read as Windows-1252: \"â€™\" for ’, \"Ã©\" "
            "for é.",
        .description =
            "When UTF-8 text passes through a system that reads it as Windows-1252 (or Latin-1), "
            "every accented letter, curly quote and dash turns into two or three junk "
            "characters. The sequence is reversible: the safe fix puts back the original "
            "character, also for text garbled twice. When a byte was lost on the way (\"â€\" "
            "at the end of a quote), the likely character is suggested but not applied.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_mojibake() {
    return std::make_unique<MojibakeRule>();
}

}  // namespace copydesk::rules::builtin
