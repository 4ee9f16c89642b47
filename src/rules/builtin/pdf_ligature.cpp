#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

std::string_view expansion(char32_t cp) {
    switch (cp) {
        case 0xFB00:
            return "ff";
        case 0xFB01:
            return "fi";
        case 0xFB02:
            return "fl";
        case 0xFB03:
            return "ffi";
        case 0xFB04:
            return "ffl";
        case 0xFB05:
        case 0xFB06:
            return "st";
        default:
            return {};
    }
}

class PdfLigature final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            // Every character this rule reports is outside ASCII.
            for (const std::size_t at : where.analysis.non_ascii) {
                std::size_t pos = at;
                const std::string_view letters = expansion(utf8::decode(text, pos));
                if (letters.empty()) continue;
                const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)};
                const std::string lig(text.substr(at, pos - at));
                Diagnostic& d = out.report(where, span,
                                           "Replace the ligature '" + lig + "' with the letters '" +
                                               std::string(letters) + "'.");
                out.set_fix(d, where, span, std::string(letters),
                            "Expand '" + lig + "' to '" + std::string(letters) + "'", true);
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "pdf-ligature",
        .category = Category::Unicode,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "Typographic ligature characters (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) copied from a PDF.",
        .description =
            "Text copied out of a PDF often keeps the ligature glyphs the typesetter used: "
            "\"ﬁnancial\" looks right but is not spelled with an f and an i, so search and "
            "spelling fail on it. The safe fix writes the separate letters.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_pdf_ligature() {
    return std::make_unique<PdfLigature>();
}

}  // namespace copydesk::rules::builtin
