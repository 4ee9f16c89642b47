#include "kinds.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::kinds {

namespace {

// The house capitalization of terms: "iPhone", "YouTube", "internet".
class Capitalization final : public PackRule {
  public:
    Capitalization(Common common, TermSet terms, bool safe)
        : PackRule(std::move(common)), terms_(std::move(terms)), safe_(safe) {}

    void check(const Context& ctx, Reporter& out) const override {
        auto hits = terms_.find(ctx, common_.scopes);
        drop_overlaps(hits);
        const auto regions = ctx.regions();
        for (const TermSet::Hit& h : hits) {
            const RegionText& where = regions[h.region];
            const std::string match(where.slice(h.span));
            const std::string& wanted = terms_.texts[h.term];
            if (match == wanted) continue;
            // A sentence may start with a capital ("Internet use rose"); headlines and
            // shouted text in capitals are left alone.
            const bool sentence_start = where.analysis.tokens[h.first_token].sentence_start;
            if (sentence_start && match == copy_case("Xx", wanted)) continue;
            if (!text::has_lower(match)) continue;
            Diagnostic& d =
                out.report(where, h.span, message({{"match", match}, {"replacement", wanted}}));
            d.suggestions = {wanted};
            out.set_fix(d, where, h.span, wanted, "Write '" + wanted + "'", safe_);
        }
    }

  private:
    TermSet terms_;
    bool safe_;
};

}  // namespace

std::shared_ptr<const Rule> make_capitalization(Build& b) {
    b.check_message({"match", "replacement"});
    const bool safe = b.safe();
    TermSet terms = read_terms(b, true, true, "terms", "");
    return std::make_shared<Capitalization>(std::move(b.common), std::move(terms), safe);
}

}  // namespace copydesk::rules::kinds
