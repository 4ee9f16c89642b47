#include <array>
#include <bit>
#include <limits>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/mojibake.hpp"

namespace copydesk::rules::builtin {

namespace {

// Windows-1252 characters for C1 controls 0x80-0x9F (0 where the code page has none): a
// C1 control in text is nearly always one of these, decoded as Latin-1 by mistake.
constexpr std::array<char32_t, 32> kCp1252{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool reported(char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') return false;
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// An ASCII byte the rule reports: a C0 control other than a tab, a line or form feed, or DEL.
bool ascii_control(unsigned char b) {
    return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
}

// The first byte at or after `pos` that ascii_control() accepts, or text.size(). Characters
// outside ASCII are not looked at here: the analysis lists where they are.
std::size_t find_ascii_control(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
    // Sixteen bytes a step where the machine compares them at once (every x86-64).
    const __m128i c0_top = _mm_set1_epi8(0x1F);
    while (pos + 16 <= text.size()) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
        const __m128i c0 = _mm_cmpeq_epi8(_mm_min_epu8(chunk, c0_top), chunk);  // below 0x20
        const __m128i del = _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7F));
        // Most chunks hold no byte below 0x20 (tabs and line breaks included) and no DEL.
        if (_mm_movemask_epi8(_mm_or_si128(c0, del)) != 0) {
            const __m128i kept =
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\t')),
                                          _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\n'))),
                             _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\r')),
                                          _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\f'))));
            const __m128i hits = _mm_or_si128(_mm_andnot_si128(kept, c0), del);
            if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0) {
                return pos + static_cast<std::size_t>(std::countr_zero(mask));
            }
        }
        pos += 16;
    }
#endif
    while (pos < text.size() && !ascii_control(static_cast<unsigned char>(text[pos]))) ++pos;
    return pos;
}

// Where the characters that may be reported start, in order: the ASCII controls, and the
// characters outside ASCII (the analysis lists where they are) encoded as U+0080-U+009F,
// U+2028 or U+2029 are. Everything else in a text is passed over without being decoded.
class Candidates {
  public:
    Candidates(std::string_view text, std::span<const std::uint32_t> non_ascii)
        : text_(text), non_ascii_(non_ascii) {}

    // The first at or after `pos`, or text.size().
    std::size_t from(std::size_t pos) {
        if (ascii_ == kNotYet || ascii_ < pos) ascii_ = find_ascii_control(text_, pos);
        while (next_ < non_ascii_.size() && (non_ascii_[next_] < pos || !may_report(next_))) {
            ++next_;
        }
        return next_ < non_ascii_.size() ? std::min<std::size_t>(ascii_, non_ascii_[next_])
                                         : ascii_;
    }

  private:
    static constexpr std::size_t kNotYet = std::numeric_limits<std::size_t>::max();

    bool may_report(std::size_t k) const {
        const std::string_view c = text_.substr(non_ascii_[k], 3);
        if (c.size() >= 2 && c[0] == '\xC2') return static_cast<unsigned char>(c[1]) < 0xA0;
        return c.size() == 3 && c[0] == '\xE2' && c[1] == '\x80' &&
               (c[2] == '\xA8' || c[2] == '\xA9');
    }

    std::string_view text_;
    std::span<const std::uint32_t> non_ascii_;
    std::size_t next_ = 0;         // in non_ascii_: none before it may be reported
    std::size_t ascii_ = kNotYet;  // the first ASCII control from where last asked
};

class ControlCharacter final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            // Reported by `mojibake` instead; found when a control is (seldom).
            std::optional<std::vector<Span>> garbled;
            auto in_garbled = [&](std::uint32_t at) {
                if (!garbled) {
                    garbled.emplace();
                    for (const auto& m : text::find_mojibake(text)) garbled->push_back(m.span);
                }
                return inside_any(*garbled, at);
            };
            Candidates candidates(text, where.analysis.non_ascii);
            std::size_t pos = 0;
            while ((pos = candidates.from(pos)) < text.size()) {
                const std::size_t at = pos;
                const char32_t cp = utf8::decode(text, pos);
                if (!reported(cp) || in_garbled(static_cast<std::uint32_t>(at))) continue;
                // A run of the same control, deleted, is one finding with one edit.
                std::size_t count = 1;
                if (deleted(cp)) {
                    count = extend_run(text, cp, pos, [&](std::size_t here, std::size_t) {
                        return !in_garbled(static_cast<std::uint32_t>(here));
                    });
                }
                const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(pos)};
                report(where, span, cp, count, out);
            }
        }
    }

  private:
    // Deleted by the fix, not replaced.
    static bool deleted(char32_t cp) {
        return !(cp >= 0x80 && cp <= 0x9F && kCp1252[cp - 0x80] != 0) && cp != 0x0B &&
               cp != 0x2028 && cp != 0x2029;
    }
    static void report(const RegionText& where, Span span, char32_t cp, std::size_t count,
                       Reporter& out) {
        const std::string label = code_point_label(cp);
        if (cp >= 0x80 && cp <= 0x9F && kCp1252[cp - 0x80] != 0) {
            std::string meant;
            utf8::append(meant, kCp1252[cp - 0x80]);
            Diagnostic& d = out.report(where, span,
                                       "Replace the control character " + label + " with '" +
                                           meant + "', the Windows-1252 character it stands for.");
            out.set_fix(d, where, span, meant, "Replace " + label + " with '" + meant + "'", true);
            return;
        }
        if (cp == 0x0B || cp == 0x2028 || cp == 0x2029) {
            const std::string_view what = cp == 0x2029 ? "paragraph break" : "line break";
            Diagnostic& d = out.report(where, span,
                                       "Replace the hidden " + std::string(what) + " " + label +
                                           " with a real one or a space.");
            out.set_fix(d, where, span, cp == 0x2029 ? "\n\n" : "\n",
                        "Replace " + label + " with a " + std::string(what), false);
            return;
        }
        if (count > 1) {
            const std::string n = std::to_string(count);
            Diagnostic& d = out.report(
                where, span, "Delete the " + n + " control characters " + label + " in a row.");
            out.set_fix(d, where, span, "", "Delete " + n + " x " + label, true);
            return;
        }
        Diagnostic& d = out.report(where, span, "Delete the control character " + label + ".");
        out.set_fix(d, where, span, "", "Delete " + label, true);
    }

    RuleInfo info_{
        .id = "control-character",
        .category = Category::Unicode,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "Control characters in the text (other than tab and line breaks), and "
            "Unicode line and paragraph separators.",
        .description =
            "Control characters are not text: a terminal, a CMS or an XML feed may choke on them. "
            "A C1 control (U+0080-U+009F) is nearly always a Windows-1252 quote or dash decoded "
            "as Latin-1, so the safe fix puts that character back (U+0092 becomes ’); other "
            "controls are deleted. Vertical tabs and Unicode line separators, which Word and "
            "JavaScript leave behind, get an unsafe fix that turns them into line breaks.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_control_character() {
    return std::make_unique<ControlCharacter>();
}

}  // namespace copydesk::rules::builtin
