#include <map>

#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// Variant groups: the first form a document uses wins; other forms later on are flagged.
class Consistency final : public PackRule {
  public:
    Consistency(Common common, TermSet terms, std::vector<std::size_t> group_of, bool ignorecase,
                bool safe)
        : PackRule(std::move(common)),
          terms_(std::move(terms)),
          group_of_(std::move(group_of)),
          ignorecase_(ignorecase),
          safe_(safe) {}

    void check(const Context& ctx, Reporter& out) const override {
        auto hits = terms_.find(ctx, common_.scopes);
        drop_overlaps(hits);
        const auto regions = ctx.regions();
        struct First {
            std::uint32_t term;
            std::string text;
            Position at;
        };
        std::map<std::size_t, First> first;  // per group
        for (const TermSet::Hit& h : hits) {
            const RegionText& where = regions[h.region];
            const std::string match(where.slice(h.span));
            const std::size_t group = group_of_[h.term];
            auto it = first.find(group);
            if (it == first.end()) {
                first.emplace(group, First{h.term, match, ctx.position(where, h.span.begin)});
                continue;
            }
            if (it->second.term == h.term) continue;
            const First& f = it->second;
            const std::string at = std::to_string(f.at.line) + ":" + std::to_string(f.at.column);
            Diagnostic& d = out.report(
                where, h.span, message({{"match", match}, {"first", f.text}, {"first_at", at}}));
            const std::string replacement =
                ignorecase_ ? copy_case(match, terms_.texts[f.term]) : terms_.texts[f.term];
            d.suggestions = {replacement};
            out.set_fix(d, where, h.span, replacement,
                        "Replace '" + match + "' with '" + replacement + "'", safe_);
        }
    }

  private:
    TermSet terms_;
    std::vector<std::size_t> group_of_;  // per term
    bool ignorecase_;
    bool safe_;
};

}  // namespace

std::shared_ptr<const Rule> make_consistency(Build& b) {
    b.check_message({"match", "first", "first_at"});
    const bool ignorecase = b.ignorecase(true);
    const bool safe = b.safe();
    TermSet terms;
    terms.index = b.phrases;
    std::vector<std::size_t> group_of;
    std::vector<YAML::Node> nodes;
    const YAML::Node groups = b.keys.node("groups");
    if (!groups) b.keys.fail("groups", "missing (required)");
    if (!groups.IsSequence() || groups.size() == 0)
        b.keys.fail(groups, "groups", "must be a list of variant lists, e.g. [[email, e-mail]]");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const YAML::Node group = groups[g];
        if (!group.IsSequence() || group.size() < 2)
            b.keys.fail(group, "groups", "each group must list at least two variants");
        for (const YAML::Node& v : group) {
            if (!v.IsScalar() || v.as<std::string>().empty())
                b.keys.fail(v, "groups", "every variant must be a non-empty string");
            terms.texts.push_back(v.as<std::string>());
            nodes.push_back(v);
            group_of.push_back(g);
        }
    }
    terms.phrase_count = terms.texts.size();
    terms.owner = b.add_phrases("groups", nodes, terms.texts, ignorecase);
    return std::make_shared<Consistency>(std::move(b.common), std::move(terms), std::move(group_of),
                                         ignorecase, safe);
}

}  // namespace copydesk::rules::kinds
