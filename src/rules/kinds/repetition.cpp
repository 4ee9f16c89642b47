#include <map>
#include <optional>
#include <span>

#include "kinds.hpp"

namespace copydesk::rules::kinds {

namespace {

// Word ordinals of tokens of one region (words and numbers count), counted up to each token
// asked about from the last one: hits come in order, and most regions have none.
class WordOrdinals {
  public:
    explicit WordOrdinals(const RegionText& where) : tokens_(where.analysis.tokens) {}

    std::uint32_t of(std::uint32_t token) {
        if (token < next_) {
            next_ = 0;
            count_ = 0;
        }
        for (; next_ < token; ++next_) {
            const text::TokenKind k = tokens_[next_].kind;
            if (k == text::TokenKind::Word || k == text::TokenKind::Number) ++count_;
        }
        return count_;
    }

  private:
    std::span<const text::Token> tokens_;
    std::uint32_t next_ = 0;  // count_ counts the words before this token
    std::uint32_t count_ = 0;
};

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
        std::optional<WordOrdinals> ordinals;
        std::map<std::string, std::uint32_t> last;  // term key -> word ordinal of its last use
        for (const TermSet::Hit& h : hits) {
            const RegionText& where = regions[h.region];
            if (h.region != region) {
                region = h.region;
                ordinals.emplace(where);
                last.clear();
            }
            const std::string match(where.slice(h.span));
            const std::string key = same_ ? fold(match) : std::string();
            const std::uint32_t at = ordinals->of(h.first_token);
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
