#include <set>
#include <tuple>

#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// A term used before the document defines it: an acronym before it is spelled out.
class Conditional final : public PackRule {
  public:
    Conditional(Common common, Pattern first, Pattern second, std::set<std::string> exceptions)
        : PackRule(std::move(common)),
          first_(std::move(first)),
          second_(std::move(second)),
          exceptions_(std::move(exceptions)) {}

    void check(const Context& ctx, Reporter& out) const override {
        const auto uses = find_patterns(ctx, {first_}, common_.scopes);
        if (uses.empty()) return;
        const auto definitions = find_patterns(ctx, {second_}, common_.scopes);
        const auto regions = ctx.regions();
        std::set<std::string> defined;
        std::set<std::string> reported;
        std::size_t next_def = 0;
        for (const PatternHit& use : uses) {
            // Definitions that start at or before this use count (the acronym inside
            // "North Atlantic Treaty Organization (NATO)" is the definition itself).
            while (next_def < definitions.size() &&
                   std::tie(definitions[next_def].region, definitions[next_def].span.begin) <=
                       std::tie(use.region, use.span.begin)) {
                const PatternHit& d = definitions[next_def++];
                defined.insert(d.group.empty() ? std::string(regions[d.region].slice(d.span))
                                               : d.group);
            }
            const RegionText& where = regions[use.region];
            const std::string term =
                use.group.empty() ? std::string(where.slice(use.span)) : use.group;
            if (defined.count(term) != 0 || exceptions_.count(term) != 0) continue;
            // One finding a term: its first use.
            if (!reported.insert(term).second) continue;
            out.report(where, use.span, message({{"match", term}}));
        }
    }

  private:
    Pattern first_;
    Pattern second_;
    std::set<std::string> exceptions_;
};

}  // namespace

std::shared_ptr<const Rule> make_conditional(Build& b) {
    b.check_message({"match"});
    const bool ignorecase = b.ignorecase(false);
    const std::string first_text = b.keys.string("first");
    Pattern first = b.pattern(b.keys.node("first"), "first", first_text, ignorecase);
    const std::string second_text = b.keys.string("second");
    Pattern second = b.pattern(b.keys.node("second"), "second", second_text, ignorecase);
    std::set<std::string> exceptions;
    if (b.keys.has("exceptions")) {
        for (std::string& e : b.keys.strings("exceptions")) exceptions.insert(std::move(e));
    }
    return std::make_shared<Conditional>(std::move(b.common), std::move(first), std::move(second),
                                         std::move(exceptions));
}

}  // namespace copydesk::rules::kinds
