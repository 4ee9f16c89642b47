#include <algorithm>
#include <array>

#include "core/utf8.hpp"
#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

enum class Style : std::uint8_t { Periods, Character, Spaced };

std::string_view form(Style s) {
    constexpr std::array<std::string_view, 3> forms{"...", "…", ". . ."};
    return forms[static_cast<std::size_t>(s)];
}

struct Ellipsis {
    const RegionText* where;
    Span span;
    Style style;
};

void find_ellipses(const RegionText& where, std::vector<Ellipsis>& out) {
    const std::string_view text = where.text();
    const std::vector<Span> web = web_spans(where);
    // Every form starts with '.' or with U+2026, whose places are among the analysis's
    // characters outside ASCII: the text is searched for full stops only.
    const std::vector<std::uint32_t>& non_ascii = where.analysis.non_ascii;
    std::size_t next = 0;  // in non_ascii: no U+2026 before it, from where last asked
    const auto next_character = [&](std::size_t from) -> std::size_t {
        while (next < non_ascii.size() &&
               (non_ascii[next] < from || text.compare(non_ascii[next], 3, "\u2026") != 0)) {
            ++next;
        }
        return next < non_ascii.size() ? non_ascii[next] : text.size();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        i = std::min(std::min(text.find('.', i), text.size()), next_character(i));
        if (i == text.size()) break;
        const auto at = static_cast<std::uint32_t>(i);
        if (text.substr(i).starts_with("\u2026")) {
            out.push_back({&where, {at, at + 3}, Style::Character});
            i += 3;
        } else if (text.substr(i).starts_with(". . .")) {
            out.push_back({&where, {at, at + 5}, Style::Spaced});
            i += 5;
            while (i + 1 < text.size() && text[i] == ' ' && text[i + 1] == '.') i += 2;
        } else if (text[i] == '.') {
            std::size_t end = i;
            while (end < text.size() && text[end] == '.') ++end;
            // "...." is an ellipsis and a full stop.
            if ((end - i == 3 || end - i == 4) && !inside_any(web, at)) {
                out.push_back({&where, {at, at + 3}, Style::Periods});
            }
            i = end;
        } else {
            ++i;
        }
    }
}

class EllipsisStyle final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        std::vector<Ellipsis> found;
        for (const RegionText& where : ctx.regions()) find_ellipses(where, found);
        if (found.empty()) return;
        std::array<int, 3> count{};
        for (const Ellipsis& e : found) ++count[static_cast<std::size_t>(e.style)];
        Style wanted = found.front().style;
        for (std::size_t s = 0; s < count.size(); ++s) {
            if (count[s] > count[static_cast<std::size_t>(wanted)]) wanted = static_cast<Style>(s);
        }
        const Ellipsis& first = *std::find_if(found.begin(), found.end(),
                                              [&](const Ellipsis& e) { return e.style == wanted; });
        const Position at = ctx.position(*first.where, first.span.begin);
        for (const Ellipsis& e : found) {
            if (e.style == wanted) continue;
            const std::string replacement(form(wanted));
            Diagnostic& d = out.report(
                *e.where, e.span,
                "Use '" + replacement + "', the ellipsis style of this document (first at " +
                    std::to_string(at.line) + ":" + std::to_string(at.column) + "), instead of '" +
                    std::string(e.where->slice(e.span)) + "'.");
            d.suggestions = {replacement};
            out.set_fix(d, *e.where, e.span, replacement, "Use '" + replacement + "'", true);
        }
    }

  private:
    RuleInfo info_{
        .id = "ellipsis-style",
        .category = Category::Typography,
        .severity = Severity::Suggestion,
        .enabled_by_default = true,
        .summary = "Ellipses written two ways in one document (\"...\" and \"…\").",
        .description =
            "An ellipsis can be three full stops, the single character \"…\" or spaced full "
            "stops \". . .\"; a document should use one. The style most of its ellipses use "
            "wins (on a tie, the first one's); the safe fix rewrites the others.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_ellipsis_style() {
    return std::make_unique<EllipsisStyle>();
}

}  // namespace copydesk::rules::builtin
