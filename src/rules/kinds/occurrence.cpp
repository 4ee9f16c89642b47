#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// Counts words (or terms) per sentence or paragraph against a maximum or minimum.
class Occurrence final : public PackRule {
  public:
    Occurrence(Common common, TermSet terms, bool per_sentence, long max, long min)
        : PackRule(std::move(common)),
          terms_(std::move(terms)),
          per_sentence_(per_sentence),
          max_(max),
          min_(min) {}

    void check(const Context& ctx, Reporter& out) const override {
        const auto regions = ctx.regions();
        std::vector<TermSet::Hit> hits;
        if (!terms_.empty()) hits = terms_.find(ctx, common_.scopes);
        std::size_t next_hit = 0;
        for (std::uint32_t r = 0; r < regions.size(); ++r) {
            const RegionText& where = regions[r];
            if (!common_.in_scope(where)) continue;
            const auto& a = where.analysis;
            const std::size_t units = per_sentence_ ? a.sentences.size() : 1;
            if (units == 0) continue;
            std::vector<long> counts(units, 0);
            auto unit_of = [&](std::uint32_t token) {
                return per_sentence_ ? std::min<std::size_t>(a.tokens[token].sentence, units - 1)
                                     : 0;
            };
            if (terms_.empty()) {
                for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
                    const auto k = a.tokens[i].kind;
                    if (k == text::TokenKind::Word || k == text::TokenKind::Number)
                        ++counts[unit_of(i)];
                }
            } else {
                while (next_hit < hits.size() && hits[next_hit].region < r) ++next_hit;
                for (; next_hit < hits.size() && hits[next_hit].region == r; ++next_hit) {
                    ++counts[unit_of(hits[next_hit].first_token)];
                }
            }
            for (std::size_t u = 0; u < units; ++u) {
                const long n = counts[u];
                const bool too_many = max_ >= 0 && n > max_;
                const bool too_few = min_ >= 0 && n < min_;
                if (!too_many && !too_few) continue;
                Span span = per_sentence_
                                ? a.sentences[u]
                                : Span{0, static_cast<std::uint32_t>(where.text().size())};
                // Trailing white space belongs to no sentence.
                const std::string_view t = where.slice(span);
                const std::size_t last = t.find_last_not_of(" \t\r\n");
                if (last == std::string_view::npos) continue;
                span.end = span.begin + static_cast<std::uint32_t>(last + 1);
                out.report(where, span,
                           message({{"count", std::to_string(n)},
                                    {"max", std::to_string(max_)},
                                    {"min", std::to_string(min_)}}));
            }
        }
    }

  private:
    TermSet terms_;
    bool per_sentence_;
    long max_;
    long min_;
};

}  // namespace

std::shared_ptr<const Rule> make_occurrence(Build& b) {
    b.check_message({"count", "max", "min"});
    const bool ignorecase = b.ignorecase(true);
    const std::string unit = b.keys.string_or("unit", "sentence");
    if (unit != "sentence" && unit != "paragraph")
        b.keys.fail("unit", "must be 'sentence' or 'paragraph'");
    const long max = b.keys.integer_or("max", -1, 0, 1000000);
    const long min = b.keys.integer_or("min", -1, 0, 1000000);
    if (max < 0 && min < 0) b.keys.fail("max", "missing: give 'max' or 'min' (or both)");
    TermSet terms = read_terms(b, ignorecase, false);
    return std::make_shared<Occurrence>(std::move(b.common), std::move(terms), unit == "sentence",
                                        max, min);
}

}  // namespace copydesk::rules::kinds
