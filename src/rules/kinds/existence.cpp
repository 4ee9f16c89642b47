#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// Flags every occurrence of a word, phrase or pattern.
class Existence final : public PackRule {
  public:
    Existence(Common common, TermSet terms, TermSet exceptions)
        : PackRule(std::move(common)),
          terms_(std::move(terms)),
          exceptions_(std::move(exceptions)) {}

    void check(const Context& ctx, Reporter& out) const override {
        auto hits = terms_.find(ctx, common_.scopes);
        drop_exceptions(hits, exceptions_, ctx, common_.scopes);
        drop_overlaps(hits);
        const auto regions = ctx.regions();
        for (const TermSet::Hit& h : hits) {
            const RegionText& where = regions[h.region];
            out.report(where, h.span, message({{"match", std::string(where.slice(h.span))}}));
        }
    }

  private:
    TermSet terms_;
    TermSet exceptions_;
};

}  // namespace

std::shared_ptr<const Rule> make_existence(Build& b) {
    b.check_message({"match"});
    const bool ignorecase = b.ignorecase(true);
    TermSet terms = read_terms(b, ignorecase, true);
    TermSet exceptions = read_terms(b, ignorecase, false, "exceptions", "exception_patterns");
    return std::make_shared<Existence>(std::move(b.common), std::move(terms),
                                       std::move(exceptions));
}

}  // namespace copydesk::rules::kinds
