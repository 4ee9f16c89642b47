#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

bool letter(char32_t cp) {
    return is_word_char(cp) && !(cp >= '0' && cp <= '9');
}

// The letters of the word that ends at `end` (backwards) or starts at `begin`.
std::string word_before(std::string_view text, std::size_t end) {
    std::size_t b = end;
    while (b > 0) {
        std::size_t p = b - 1;
        while (p > 0 && utf8::is_continuation(static_cast<unsigned char>(text[p]))) --p;
        std::size_t q = p;
        if (!is_word_char(utf8::decode(text, q))) break;
        b = p;
    }
    return std::string(text.substr(b, end - b));
}

std::string word_after(std::string_view text, std::size_t begin) {
    std::size_t e = begin;
    while (e < text.size()) {
        std::size_t q = e;
        if (!is_word_char(utf8::decode(text, q))) break;
        e = q;
    }
    return std::string(text.substr(begin, e - begin));
}

bool all_letters(std::string_view w) {
    std::size_t pos = 0;
    while (pos < w.size()) {
        if (!letter(utf8::decode(w, pos))) return false;
    }
    return !w.empty();
}

// True when nothing but punctuation follows `at` up to the end of its line.
bool last_word(std::string_view text, std::size_t at) {
    while (at < text.size()) {
        std::size_t next = at;
        const char32_t cp = utf8::decode(text, next);
        if (cp == '\n' || cp == '\r') return true;
        if (is_space_char(cp) || is_word_char(cp)) return false;
        at = next;
    }
    return true;
}

bool roman_numeral(std::string_view w) {
    return w.find_first_not_of("IVXLC") == std::string_view::npos;
}

class NoBreakSpace final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            // Every character this rule reports is outside ASCII.
            for (const std::size_t at : where.analysis.non_ascii) {
                std::size_t pos = at;
                const char32_t cp = utf8::decode(text, pos);
                if (cp != 0xA0 && cp != 0x202F) continue;
                // Between two ordinary words only: no-break spaces that tie a number to its
                // unit ("10 km"), an abbreviation to a name ("Mr. Smith"), a one-letter word
                // to the next (Polish and Czech typesetting) or a numeral to a name ("World
                // War II") are deliberate; beside another space it is a double space.
                const std::string a = word_before(text, at);
                const std::string b = word_after(text, pos);
                if (!all_letters(a) || !all_letters(b) || utf8::count_code_points(a) < 2 ||
                    roman_numeral(b))
                    continue;
                // Before the last word of a line or paragraph it keeps that word from being
                // left alone on a line (a widow): deliberate.
                if (last_word(text, pos + b.size())) continue;
                const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)};
                const std::string name = cp == 0xA0 ? "no-break space" : "narrow no-break space";
                Diagnostic& d = out.report(where, span,
                                           "Use a plain space instead of the " + name +
                                               " between '" + a + "' and '" + b + "'.");
                out.set_fix(d, where, span, " ", "Replace with a plain space", true);
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "no-break-space",
        .category = Category::Unicode,
        .severity = Severity::Suggestion,
        .enabled_by_default = true,
        .summary = "A no-break space between two ordinary words, where a plain space belongs.",
        .description =
            "No-break spaces come with copy from web pages (\"&nbsp;\") and word processors. "
            "Between ordinary words they stop lines from breaking and trip up search. Kept: "
            "no-break spaces after numbers and abbreviations (\"10 km\", \"Mr. Smith\"), after "
            "one-letter words, before Roman numerals, and before the last word of a line or "
            "paragraph (where they prevent a widow). The safe fix puts a plain space.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_no_break_space() {
    return std::make_unique<NoBreakSpace>();
}

}  // namespace copydesk::rules::builtin
