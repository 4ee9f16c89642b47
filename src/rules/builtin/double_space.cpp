#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "rules/rule.hpp"
#include "rules/scan.hpp"

namespace copydesk::rules::builtin {

namespace {

bool run_char(char32_t cp) {
    return cp == ' ' || cp == 0xA0 || cp == 0x202F;
}

// The first position at or after `pos` where a run of two spaces could begin, moving seven
// bytes at a time: a run needs two adjacent ASCII spaces or a non-ASCII byte (the no-break
// spaces), and eight bytes with neither hold no run that starts in their first seven.
std::size_t skip_to_possible_run(std::string_view text, std::size_t pos, std::size_t end) {
#if defined(__SSE2__)
    // Sixteen bytes a step where the machine compares them at once (every x86-64): fifteen
    // bytes are passed when the sixteen hold neither.
    while (pos + 16 <= end) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
        const auto spaces =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8(' '))));
        const auto high = static_cast<unsigned>(_mm_movemask_epi8(chunk));
        if (high != 0 || (spaces & (spaces >> 1)) != 0) break;
        pos += 15;
    }
#endif
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = kOnes * 0x80;
    constexpr std::uint64_t kLow7 = kOnes * 0x7F;
    while (pos + 8 <= end) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + pos, sizeof w);
        const std::uint64_t x = w ^ (kOnes * ' ');
        const std::uint64_t space = ~(((x & kLow7) + kLow7) | x) & kHigh;  // exactly the spaces
        // Neighbouring bytes are neighbours in the word whatever the byte order.
        if ((w & kHigh) != 0 || (space & (space >> 8)) != 0) break;
        pos += 7;
    }
    return pos;
}

class DoubleSpace final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) {
            const std::string_view text = where.text();
            for (const Span line : line_spans(text)) {
                const Span body = trim(text, line);  // indentation and trailing blanks aside
                std::size_t pos = body.begin;
                while (pos < body.end) {
                    pos = skip_to_possible_run(text, pos, body.end);
                    if (pos >= body.end) break;
                    if (const auto b = static_cast<unsigned char>(text[pos]);
                        b < 0x80 && b != ' ') {
                        ++pos;  // ASCII other than a space: no run starts here
                        continue;
                    }
                    if (const auto next =
                            pos + 1 < body.end ? static_cast<unsigned char>(text[pos + 1]) : 0x80U;
                        text[pos] == ' ' && next < 0x80 && next != ' ') {
                        pos += 2;  // one space between words, as most are
                        continue;
                    }
                    const std::size_t at = pos;
                    if (!run_char(utf8::decode(text, pos))) continue;
                    std::size_t end = pos;
                    int count = 1;
                    while (end < body.end) {
                        std::size_t next = end;
                        if (!run_char(utf8::decode(text, next))) break;
                        end = next;
                        ++count;
                    }
                    pos = end;
                    // Three or more spaces line something up (verse, a table): deliberate.
                    if (count != 2 || end >= body.end) continue;
                    const Span span{static_cast<std::uint32_t>(at),
                                    static_cast<std::uint32_t>(end)};
                    Diagnostic& d = out.report(where, span, "Use one space instead of two.");
                    out.set_fix(d, where, span, " ", "Collapse to one space", true);
                }
            }
        }
    }

  private:
    RuleInfo info_{
        .id = "double-space",
        .category = Category::Typography,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "Two spaces between words or after a full stop.",
        .description =
            "Two spaces (no-break spaces included) inside a line, between words or after a "
            "sentence. Indentation at the start of a line, blanks at its end and runs of three "
            "or more spaces, which line up verse or a table, are left alone. The safe fix "
            "collapses the pair to one space.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_double_space() {
    return std::make_unique<DoubleSpace>();
}

}  // namespace copydesk::rules::builtin
