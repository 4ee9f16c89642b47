#include <algorithm>
#include <array>
#include <optional>

#include "core/utf8.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

enum class Style : std::uint8_t { EmClosed, EmSpaced, EnSpaced, DoubleHyphen, SpacedHyphen };
constexpr std::size_t kStyles = 5;

std::string_view form(Style s) {
    constexpr std::array<std::string_view, kStyles> forms{"—", " — ", " – ", " -- ", " - "};
    return forms[static_cast<std::size_t>(s)];
}
std::string_view label(Style s) {
    constexpr std::array<std::string_view, kStyles> labels{"em dash without spaces",
                                                           "spaced em dash", "spaced en dash",
                                                           "double hyphen", "spaced hyphen"};
    return labels[static_cast<std::size_t>(s)];
}

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}

struct Dash {
    const RegionText* where;
    Span span;  // the dash with the spaces around it
    Style style;
};

// Dashes between words in a region. Ranges ("1990–95", "Paris–Berlin") and hyphens in words
// are not sentence dashes; neither is a dash or hyphen that starts a line (a list).
void find_dashes(const RegionText& where, std::vector<Dash>& out) {
    const std::string_view text = where.text();
    const std::vector<Span> web = web_spans(where);
    std::size_t pos = 0;
    static constexpr utf8::ByteSet kDashStops("-", true);  // and every Unicode dash
    while (pos < text.size()) {
        pos = utf8::find_byte_of(text, pos, kDashStops);  // most of a text
        if (pos == text.size()) break;
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(text, pos);
        if (cp != 0x2014 && cp != 0x2013 && cp != '-') continue;
        std::size_t end = pos;
        if (cp == '-') {
            while (end < text.size() && text[end] == '-') ++end;
            if (end - at > 2) {
                pos = end;
                continue;  // "---": a rule, not a dash
            }
        }
        if (inside_any(web, static_cast<std::uint32_t>(at))) continue;
        const char32_t before = code_point_before(text, at);
        const char32_t after = code_point_at(text, end);
        const bool space_before = before == ' ' || before == 0xA0;
        const bool space_after = after == ' ' || after == 0xA0;
        // Words (or a closing quote or bracket) must stand on both sides, past the spaces.
        std::size_t b = at;
        while (b > 0 && (text[b - 1] == ' ')) --b;
        std::size_t e = end;
        while (e < text.size() && text[e] == ' ') ++e;
        const char32_t left = code_point_before(text, b);
        const char32_t right = code_point_at(text, e);
        if (left == 0 || right == 0 || left == '\n' || left == '\r' || is_space_char(right))
            continue;
        pos = end;
        std::optional<Style> style;
        if (cp == 0x2014) {
            if (space_before && space_after) {
                style = Style::EmSpaced;
            } else if (!space_before && !space_after) {
                style = Style::EmClosed;
            }
        } else if (cp == 0x2013) {
            // "Sweden 1 – 0 Korea": a score or a range between numbers.
            if (space_before && space_after && !(is_digit(left) && is_digit(right)))
                style = Style::EnSpaced;
        } else if (end - at == 2) {
            style = Style::DoubleHyphen;
        } else if (space_before && space_after && !(is_digit(left) && is_digit(right))) {
            style = Style::SpacedHyphen;
        }
        if (!style) continue;
        const std::size_t span_begin = space_before ? at - 1 : at;
        const std::size_t span_end = space_after ? end + 1 : end;
        out.push_back(
            {&where,
             {static_cast<std::uint32_t>(span_begin), static_cast<std::uint32_t>(span_end)},
             *style});
    }
}

class DashStyle final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        std::vector<Dash> dashes;
        for (const RegionText& where : ctx.regions()) find_dashes(where, dashes);
        if (dashes.empty()) return;
        std::array<int, kStyles> count{};
        for (const Dash& d : dashes) ++count[static_cast<std::size_t>(d.style)];
        // The style used most wins; on a tie, the one used first.
        Style wanted = dashes.front().style;
        for (std::size_t s = 0; s < kStyles; ++s) {
            if (count[s] > count[static_cast<std::size_t>(wanted)]) wanted = static_cast<Style>(s);
        }
        const Dash& first = *std::find_if(dashes.begin(), dashes.end(),
                                          [&](const Dash& d) { return d.style == wanted; });
        const Position at = ctx.position(*first.where, first.span.begin);
        for (const Dash& d : dashes) {
            if (d.style == wanted) continue;
            const std::string replacement(form(wanted));
            Diagnostic& diag =
                out.report(*d.where, d.span,
                           "Use '" + replacement + "' (" + std::string(label(wanted)) +
                               "), the dash style of this document (first at " +
                               std::to_string(at.line) + ":" + std::to_string(at.column) +
                               "), instead of this " + std::string(label(d.style)) + ".");
            diag.suggestions = {replacement};
            out.set_fix(diag, *d.where, d.span, replacement, "Use the document's dash style",
                        false);
        }
    }

  private:
    RuleInfo info_{
        .id = "dash-style",
        .category = Category::Typography,
        .severity = Severity::Suggestion,
        .enabled_by_default = true,
        .summary =
            "A sentence dash in another style than the rest of the document (spaced en "
            "dash among em dashes, \" - \" or \"--\").",
        .description =
            "House styles pick one dash for breaks in a sentence: a closed em dash (\"word—word\", "
            "Chicago), a spaced em dash (\"word — word\", AP) or a spaced en dash (\"word – "
            "word\", many British papers). Copy from several sources mixes them, and typed text "
            "uses \" - \" or \"--\". The style most of the document's dashes use wins (on a tie, "
            "the first one's) and the others are reported. Ranges (\"1990–95\") and hyphens in "
            "words are not sentence dashes.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_dash_style() {
    return std::make_unique<DashStyle>();
}

}  // namespace copydesk::rules::builtin
