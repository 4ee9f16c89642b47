#include <algorithm>
#include <vector>

#include "core/utf8.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/unicode.hpp"

namespace copydesk::rules::builtin {

namespace {

std::string_view control_name(char32_t cp) {
    switch (cp) {
        case 0x202A:
            return "left-to-right embedding";
        case 0x202B:
            return "right-to-left embedding";
        case 0x202C:
            return "pop directional formatting";
        case 0x202D:
            return "left-to-right override";
        case 0x202E:
            return "right-to-left override";
        case 0x2066:
            return "left-to-right isolate";
        case 0x2067:
            return "right-to-left isolate";
        case 0x2068:
            return "first strong isolate";
        case 0x2069:
            return "pop directional isolate";
        default:
            return {};
    }
}

std::string_view mark_name(char32_t cp) {
    switch (cp) {
        case 0x200E:
            return "left-to-right mark";
        case 0x200F:
            return "right-to-left mark";
        case 0x061C:
            return "Arabic letter mark";
        default:
            return {};
    }
}

class BidiControl final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        std::vector<std::uint32_t> reported;  // source offsets of controls found in prose
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            // Marks belong in paragraphs with right-to-left text; every character this
            // rule reports, and every right-to-left letter, is outside ASCII.
            std::optional<bool> rtl;
            auto right_to_left = [&] {
                if (!rtl) {
                    rtl = false;
                    for (std::size_t pos = 0;
                         !*rtl && (pos = utf8::skip_ascii(text, pos)) < text.size();) {
                        rtl = text::is_right_to_left(utf8::decode(text, pos));
                    }
                }
                return *rtl;
            };
            for (const std::size_t at : where.analysis.non_ascii) {
                std::size_t pos = at;
                const char32_t cp = utf8::decode(text, pos);
                const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)};
                if (const std::string_view name = control_name(cp); !name.empty()) {
                    Diagnostic& d = out.report(
                        where, span,
                        "Delete the hidden " + std::string(name) + " (" + code_point_label(cp) +
                            "): it can make the text display in a different order from how it "
                            "reads.");
                    out.set_fix(d, where, span, "", "Delete the " + std::string(name), false);
                    reported.push_back(d.span.begin);
                } else if (const std::string_view mark = mark_name(cp);
                           !mark.empty() && !right_to_left()) {
                    Diagnostic& d = out.report(where, span,
                                               "Delete the hidden " + std::string(mark) + " (" +
                                                   code_point_label(cp) +
                                                   "): there is no right-to-left text here.");
                    out.set_fix(d, where, span, "", "Delete the " + std::string(mark), true);
                }
            }
        }
        report_outside_prose(ctx, out, reported);
    }

  private:
    // Controls in code, front matter, markup or attributes hide text just as well.
    static void report_outside_prose(const Context& ctx, Reporter& out,
                                     std::vector<std::uint32_t>& reported) {
        std::sort(reported.begin(), reported.end());
        const std::string_view source = ctx.document().source;
        std::size_t pos = 0;
        while (pos < source.size()) {
            // Every control starts with 0xE2 (U+2xxx); skip the rest quickly.
            pos = source.find('\xE2', utf8::skip_ascii(source, pos));
            if (pos == std::string_view::npos) break;
            const std::size_t at = pos;
            const char32_t cp = utf8::decode(source, pos);
            const std::string_view name = control_name(cp);
            if (name.empty() || std::binary_search(reported.begin(), reported.end(), at)) continue;
            out.report_source({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)},
                              "Delete the hidden " + std::string(name) + " (" +
                                  code_point_label(cp) +
                                  "), outside the prose: it can make the text display in a "
                                  "different order from how it reads.");
        }
    }

    RuleInfo info_{
        .id = "bidi-control",
        .category = Category::Unicode,
        .severity = Severity::Error,
        .enabled_by_default = true,
        .summary =
            "Bidirectional embedding, override and isolate controls (always), and "
            "direction marks outside right-to-left text.",
        .description =
            "Bidirectional controls reorder how text is displayed without changing what it says "
            "underneath (the \"Trojan Source\" trick): a quote can show one thing and search, "
            "copy or a screen reader get another. Embeddings, overrides and isolates are always "
            "reported (the fix is offered but not applied automatically); left-to-right and "
            "right-to-left marks are reported only in paragraphs without right-to-left "
            "letters, where deleting them is safe. Controls are reported anywhere in the file, "
            "code and markup included, and this rule cannot be switched off (not by flags, "
            "config files, scopes or inline directives).",
        .link = "https://trojansource.codes/",
        .always_on = true,
    };
};

}  // namespace

std::unique_ptr<Rule> make_bidi_control() {
    return std::make_unique<BidiControl>();
}

}  // namespace copydesk::rules::builtin
