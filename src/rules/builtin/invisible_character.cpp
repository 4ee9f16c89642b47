#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/unicode.hpp"

namespace copydesk::rules::builtin {

namespace {

// The invisible characters reported, by name (each makes its plural with an "s").
std::string_view invisible_name(char32_t cp) {
    switch (cp) {
        case 0x200B:
            return "zero-width space";
        case 0x200C:
            return "zero-width non-joiner";
        case 0x200D:
            return "zero-width joiner";
        case 0x00AD:
            return "soft hyphen";
        case 0x2060:
            return "word joiner";
        case 0xFEFF:
            return "byte order mark";
        case 0x180E:
            return "Mongolian vowel separator";
        case 0x2061:
        case 0x2062:
        case 0x2063:
        case 0x2064:
            return "invisible math operator";
        case 0x3164:
        case 0xFFA0:
            return "Hangul filler";
        default:
            return {};
    }
}

class InvisibleCharacter final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            // Every character this rule reports is outside ASCII.
            std::size_t reported_to = 0;  // the end of the last run reported
            for (const std::size_t at : where.analysis.non_ascii) {
                if (at < reported_to) continue;
                std::size_t pos = at;
                const char32_t cp = utf8::decode(text, pos);
                const std::string_view name = invisible_name(cp);
                if (name.empty() || allowed(text, at, pos, cp)) continue;
                // A run of the same character (pasted residue) is one finding with one edit.
                const std::size_t count =
                    extend_run(text, cp, pos, [&](std::size_t here, std::size_t after) {
                        return !allowed(text, here, after, cp);
                    });
                reported_to = pos;
                const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)};
                const std::string label = code_point_label(cp);
                if (count > 1) {
                    const std::string n = std::to_string(count);
                    Diagnostic& d =
                        out.report(where, span,
                                   "Delete the " + n + " invisible " + std::string(name) + "s (" +
                                       label + ") in a row.");
                    out.set_fix(d, where, span, "", "Delete " + n + " x " + label, true);
                    continue;
                }
                Diagnostic& d = out.report(
                    where, span, "Delete the invisible " + std::string(name) + " (" + label + ").");
                out.set_fix(d, where, span, "", "Delete the " + std::string(name), true);
            }
        }
    }

  private:
    // Joiners belong in scripts that spell with them and inside emoji sequences.
    static bool allowed(std::string_view text, std::size_t at, std::size_t end, char32_t cp) {
        if (cp != 0x200C && cp != 0x200D) return false;
        const char32_t before = code_point_before(text, at);
        const char32_t after = code_point_at(text, end);
        if (text::uses_joiners(before) || text::uses_joiners(after)) return true;
        return cp == 0x200D && text::is_emoji_part(before) && text::is_emoji_part(after);
    }

    RuleInfo info_{
        .id = "invisible-character",
        .category = Category::Unicode,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "Invisible characters: zero-width spaces and joiners, soft hyphens, word "
            "joiners, a byte order mark inside the text.",
        .description =
            "Characters nobody can see still break search, spelling, word counts and line "
            "breaks; they arrive with copy from web pages, PDFs and chat apps. Zero-width "
            "joiners and non-joiners are kept where a script needs them (Arabic, Persian, the "
            "Indic scripts) and inside emoji sequences. The safe fix deletes them.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_invisible_character() {
    return std::make_unique<InvisibleCharacter>();
}

}  // namespace copydesk::rules::builtin
