#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/unicode.hpp"

namespace copydesk::rules::builtin {

namespace {

// "e + U+0301"
std::string spelled_out(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(text, pos);
        if (!out.empty()) out += " + ";
        out += cp < 0x300 ? std::string(text.substr(at, pos - at)) : code_point_label(cp);
    }
    return out;
}

class NotNfc final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            if (text::surely_nfc(where.text(), where.analysis.non_ascii)) continue;
            for (const text::TextEdit& e : text::find_non_nfc(where.text())) {
                const std::string_view original = where.slice(e.span);
                Diagnostic& d =
                    out.report(where, e.span,
                               "Use the composed form of '" + e.replacement +
                                   "' (Unicode NFC) instead of " + spelled_out(original) + ".");
                out.set_fix(d, where, e.span, e.replacement, "Normalize to NFC", true);
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "not-nfc",
        .category = Category::Unicode,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "Text not in Unicode Normalization Form C: \"é\" stored as e plus a "
            "combining accent.",
        .description =
            "The same accented letter can be stored as one character or as a letter followed by "
            "a combining mark (macOS file names and some PDFs do the latter). They look the same "
            "but do not match in search, spelling or a names database. The safe fix writes the "
            "composed form (NFC), which is what keyboards and the web use.",
        .link = "https://unicode.org/reports/tr15/",
    };
};

}  // namespace

std::unique_ptr<Rule> make_not_nfc() {
    return std::make_unique<NotNfc>();
}

}  // namespace copydesk::rules::builtin
