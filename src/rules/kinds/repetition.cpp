#include <map>

#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// Word ordinal of each token in a region (words and numbers count).
std::vector<std::uint32_t> word_ordinals(const RegionText& where) {
    std::vector<std::uint32_t> out;
    out.reserve(where.analysis.tokens.size());
    std::uint32_t n = 0;
    for (const text::Token& t : where.analysis.tokens) {
        out.push_back(n);
        if (t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number) ++n;
    }
    return out;
}

// A term that comes back too soon: within `within` words of its last use in the paragraph.
class Repetition final : public PackRule {
  public:
    Repetition(Common common, TermSet terms, long within, bool same)
        : PackRule(std::move(common)), terms_(std::move(terms)), within_(within), same_(same) {}

    void check(const Context& ctx, Reporter& out) const override {
        auto hits = terms_.find(ctx, common_.scopes);
        drop_overlaps(hits);
        const auto regions = ctx.regions();
        std::uint32_t region = UINT32_MAX;
        std::vector<std::uint32_t> ordinals;
        std::map<std::string, std::uint32_t> last;  // term key -> word ordinal of its last use
        for (const TermSet::Hit& h : hits) {
            const RegionText& where = regions[h.region];
            if (h.region != region) {
                region = h.region;
                ordinals = word_ordinals(where);
                last.clear();
            }
            const std::string match(where.slice(h.span));
            const std::string key = same_ ? fold(match) : std::string();
            const std::uint32_t at = ordinals[h.first_token];
            auto it = last.find(key);
            if (it != last.end() && at - it->second <= static_cast<std::uint32_t>(within_)) {
                out.report(
                    where, h.span,
                    message({{"match", match}, {"distance", std::to_string(at - it->second)}}));
            }
            last[key] = at;
        }
    }

  private:
    TermSet terms_;
    long within_;
    bool same_;
};

}  // namespace

std::shared_ptr<const Rule> make_repetition(Build& b) {
    b.check_message({"match", "distance"});
    const bool ignorecase = b.ignorecase(true);
    if (!b.keys.has("within")) b.keys.fail("within", "missing (required): the distance in words");
    const long within = b.keys.integer_or("within", 1, 1, 10000);
    const bool same = b.keys.boolean_or("same", true);
    TermSet terms = read_terms(b, ignorecase, true);
    return std::make_shared<Repetition>(std::move(b.common), std::move(terms), within, same);
}

}  // namespace copydesk::rules::kinds
