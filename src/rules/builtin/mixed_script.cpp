#include "core/utf8.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/unicode.hpp"

namespace copydesk::rules::builtin {

namespace {

class MixedScript final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            // Only a word with a character outside ASCII can mix scripts: the words are walked
            // beside the places of those characters, and the others are not looked at.
            const std::vector<std::uint32_t>& non_ascii = where.analysis.non_ascii;
            std::size_t next = 0;
            for (const std::uint32_t index : where.analysis.words) {
                if (next == non_ascii.size()) break;
                const text::Token& t = where.analysis.tokens[index];
                while (next < non_ascii.size() && non_ascii[next] < t.span.begin) ++next;
                if (next == non_ascii.size() || non_ascii[next] >= t.span.end) continue;
                const std::string_view word = token_text(where, t);
                const auto mixed = checker_.check(word);
                if (!mixed) continue;
                std::string message = "'" + std::string(word) + "' mixes " + mixed->scripts +
                                      " letters that look alike";
                if (!mixed->repaired.empty()) {
                    message += "; write it in " + mixed->dominant + " letters only: '" +
                               mixed->repaired + "'.";
                } else {
                    message += "; retype it in one script.";
                }
                Diagnostic& d = out.report(where, t.span, std::move(message));
                if (!mixed->repaired.empty()) {
                    d.suggestions = {mixed->repaired};
                    out.set_fix(d, where, t.span, mixed->repaired,
                                "Use " + mixed->dominant + " letters only",
                                mixed->dominant == "Latin");
                }
            }
        }
    }

  private:
    text::ConfusableChecker checker_;

    RuleInfo info_{
        .id = "mixed-script",
        .category = Category::Unicode,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "A word mixing scripts with look-alike letters (a Cyrillic \"а\" or Greek "
            "\"ο\" in a Latin word).",
        .description =
            "Homoglyphs slip in from keyboards switched to another layout, from OCR, and "
            "sometimes on purpose to dodge filters. They look right and defeat search and "
            "spelling. ICU's spoof checker (Unicode TS #39) finds words that fail its "
            "\"moderately restrictive\" script mix and hold a letter that looks like a letter of "
            "the word's main script; the fix writes the word in its main script (applied "
            "automatically for Latin words).",
        .link = "https://www.unicode.org/reports/tr39/",
    };
};

}  // namespace

std::unique_ptr<Rule> make_mixed_script() {
    return std::make_unique<MixedScript>();
}

}  // namespace copydesk::rules::builtin
