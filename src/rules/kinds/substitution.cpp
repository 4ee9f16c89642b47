#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// Flags a word or phrase and offers its replacement(s), keeping the original's case.
class Substitution final : public PackRule {
  public:
    Substitution(Common common, TermSet terms, std::vector<std::vector<std::string>> swaps,
                 TermSet exceptions, bool ignorecase, bool safe)
        : PackRule(std::move(common)),
          terms_(std::move(terms)),
          swaps_(std::move(swaps)),
          exceptions_(std::move(exceptions)),
          ignorecase_(ignorecase),
          safe_(safe) {}

    void check(const Context& ctx, Reporter& out) const override {
        auto hits = terms_.find(ctx, common_.scopes);
        drop_exceptions(hits, exceptions_, ctx, common_.scopes);
        drop_overlaps(hits);
        const auto regions = ctx.regions();
        for (const TermSet::Hit& h : hits) {
            const RegionText& where = regions[h.region];
            const std::string match(where.slice(h.span));
            std::vector<std::string> alternatives;
            for (const std::string& alt : swaps_[h.term]) {
                alternatives.push_back(ignorecase_ ? copy_case(match, alt) : alt);
            }
            if (alternatives.size() == 1 && alternatives.front() == match) continue;
            std::string shown;
            for (const std::string& alt : alternatives)
                shown += (shown.empty() ? "" : "' or '") + alt;
            Diagnostic& d =
                out.report(where, h.span, message({{"match", match}, {"replacement", shown}}));
            d.suggestions = alternatives;
            out.set_fix(d, where, h.span, alternatives.front(),
                        "Replace '" + match + "' with '" + alternatives.front() + "'",
                        safe_ && alternatives.size() == 1);
        }
    }

  private:
    TermSet terms_;
    std::vector<std::vector<std::string>> swaps_;  // per term
    TermSet exceptions_;
    bool ignorecase_;
    bool safe_;
};

}  // namespace

std::shared_ptr<const Rule> make_substitution(Build& b) {
    b.check_message({"match", "replacement"});
    const bool ignorecase = b.ignorecase(true);
    const bool regex = b.keys.boolean_or("regex", false);
    const bool safe = b.safe();
    TermSet terms;
    terms.index = b.phrases;
    std::vector<std::vector<std::string>> swaps;
    std::vector<std::string> phrases;
    std::vector<YAML::Node> nodes;
    for (const auto& [from, to] : b.keys.items("swap")) {
        std::vector<std::string> alternatives;
        if (to.IsScalar() && !to.as<std::string>().empty()) {
            alternatives.push_back(to.as<std::string>());
        } else if (to.IsSequence() && to.size() != 0) {
            for (const YAML::Node& alt : to) {
                if (!alt.IsScalar() || alt.as<std::string>().empty())
                    b.keys.fail(alt, "swap", "every replacement must be a non-empty string");
                alternatives.push_back(alt.as<std::string>());
            }
        } else {
            b.keys.fail(to, "swap", "'" + from + "' needs a replacement or a list of them");
        }
        swaps.push_back(std::move(alternatives));
        terms.texts.push_back(from);
        if (regex) {
            terms.patterns.push_back(b.pattern(to, "swap", from, ignorecase));
        } else {
            phrases.push_back(from);
            nodes.push_back(to);
        }
    }
    if (!regex) {
        terms.phrase_count = phrases.size();
        terms.owner = b.add_phrases("swap", nodes, phrases, ignorecase);
    }
    TermSet exceptions = read_terms(b, ignorecase, false, "exceptions", "exception_patterns");
    return std::make_shared<Substitution>(std::move(b.common), std::move(terms), std::move(swaps),
                                          std::move(exceptions), ignorecase, safe);
}

}  // namespace copydesk::rules::kinds
