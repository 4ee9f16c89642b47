#include <algorithm>
#include <array>
#include <optional>

#include "rules/rule.hpp"
#include "rules/scan.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::builtin {

namespace {

using text::TokenKind;

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Nouns that complete "Last ...", "Next ...", "Earlier this ...", "Later this ...".
constexpr std::array<std::string_view, 58> kTimeNouns{
    "week",    "weekend",   "month",        "year",     "night",    "morning",   "afternoon",
    "evening", "day",       "days",         "time",     "times",    "season",    "spring",
    "summer",  "autumn",    "fall",         "winter",   "quarter",  "decade",    "century",
    "term",    "session",   "semester",     "hour",     "hours",    "minute",    "fortnight",
    "monday",  "tuesday",   "wednesday",    "thursday", "friday",   "saturday",  "sunday",
    "january", "february",  "march",        "april",    "may",      "june",      "july",
    "august",  "september", "october",      "november", "december", "christmas", "easter",
    "ramadan", "eid",       "thanksgiving", "weeks",    "months",   "years",     "nights",
    "period",  "round"};

// Counting words that may stand between the trigger and its noun ("Last two years").
constexpr std::array<std::string_view, 18> kQuantities{
    "few",   "several", "couple", "two",    "three",  "four", "five", "six", "seven",
    "eight", "nine",    "ten",    "eleven", "twelve", "many", "of",   "a",   "dozen"};

// Words that start a clause: after "Last" they mean the time noun went missing.
constexpr std::array<std::string_view, 21> kClauseStarts{
    "the", "a",  "an",   "this", "that", "these", "those", "his", "her", "their", "our",
    "its", "my", "your", "he",   "she",  "they",  "we",    "i",   "you", "it"};

constexpr std::array<std::string_view, 6> kPronouns{"he", "she", "they", "we", "i", "you"};

// "Last I heard", "Last we checked": idioms with the time noun left out on purpose.
constexpr std::array<std::string_view, 11> kIdiomVerbs{"heard",  "checked",  "looked", "saw",
                                                       "knew",   "counted",  "met",    "spoke",
                                                       "talked", "remember", "recall"};

// Capitalized words that form titles and fixed names after "Last" or "Next": "Last Supper",
// "Next Generation".
constexpr std::array<std::string_view, 14> kNamedAfter{
    "supper",     "post", "judgment", "judgement", "rites", "word", "frontier",
    "generation", "gen",  "exit",     "chance",    "tango", "jedi", "stand"};

// Minor words title case leaves in lower case.
constexpr std::array<std::string_view, 12> kMinor{"a",  "an", "the", "of",  "in", "on",
                                                  "at", "to", "for", "and", "or", "with"};

class DanglingTime final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) check_region(where, out);
    }

  private:
    // The index of the next word token after `i` if only one plain space stands between.
    static std::optional<std::size_t> next_word(const RegionText& where, std::size_t i) {
        const auto& tokens = where.analysis.tokens;
        if (i + 2 >= tokens.size() || tokens[i + 1].kind != TokenKind::Space ||
            tokens[i + 2].span.begin != tokens[i + 1].span.end)
            return std::nullopt;
        const TokenKind k = tokens[i + 2].kind;
        if (k != TokenKind::Word && k != TokenKind::Number) return std::nullopt;
        if (tokens[i + 2].sentence != tokens[i].sentence) return std::nullopt;
        return i + 2;
    }

    void check_region(const RegionText& where, Reporter& out) const {
        const auto& tokens = where.analysis.tokens;
        for (const std::size_t i : where.analysis.sentence_starts) {
            if (tokens[i].kind != TokenKind::Word) continue;
            const std::string_view first = token_text(where, tokens[i]);
            std::size_t trigger_end = i;
            bool last = false;
            if (first == "Last" || first == "Next") {
                last = first == "Last";
            } else if (first == "Earlier" || first == "Later") {
                const auto this_word = next_word(where, i);
                if (!this_word || token_text(where, tokens[*this_word]) != "this") continue;
                trigger_end = *this_word;
            } else {
                continue;
            }
            const auto w = next_word(where, trigger_end);
            if (!w) continue;  // "Next," "Last-minute", end of sentence
            if (!dangling(where, trigger_end, *w, last, first == "Next")) continue;
            const Span span{tokens[i].span.begin, tokens[trigger_end].span.end};
            const std::string trigger(where.slice(span));
            out.report(where, span,
                       "Add the missing time word after '" + trigger + "' ('" + trigger +
                           " week', '" + trigger + " month', '" + trigger + " year').");
        }
    }

    // True when the word at `w` starts a clause where a time noun should have come.
    static bool dangling(const RegionText& where, std::size_t trigger_end, std::size_t w, bool last,
                         bool next) {
        const auto& tokens = where.analysis.tokens;
        const std::string_view word = token_text(where, tokens[w]);
        const std::string lower = text::to_lower(word);
        if (in(kTimeNouns, lower)) return false;
        // "Last two years", "Next few months", "Last 12 months".
        if (in(kQuantities, lower) || tokens[w].kind == TokenKind::Number) return false;
        (void)trigger_end;
        const bool pronoun = in(kPronouns, lower);
        if (pronoun) {
            // "Last I heard": an idiom. "Next we turn to ...": a list of points in a speech.
            if (next) return false;
            if (last) {
                const auto v = next_word(where, w);
                if (v && in(kIdiomVerbs, text::to_lower(token_text(where, tokens[*v]))))
                    return false;
            }
            return true;
        }
        if (in(kClauseStarts, lower)) return lower != "it";
        if (!text::is_capitalized(word) || in(kNamedAfter, lower)) return false;
        // A capitalized word: a name ("Last China sent ...") unless the words after it read as
        // a title ("Last Exit to Brooklyn", "Next Generation Science Standards").
        // Punctuation right after it ("Next Stop: Paris") leaves too little to go on.
        std::size_t at = w;
        for (int n = 0; n < 3; ++n) {
            const auto v = next_word(where, at);
            if (!v) return n > 0;
            const std::string_view after = token_text(where, tokens[*v]);
            if (text::is_capitalized(after) || text::has_upper(after)) return false;
            if (!in(kMinor, text::to_lower(after))) return true;
            at = *v;
        }
        return true;
    }

    RuleInfo info_{
        .id = "dangling-time",
        .category = Category::Grammar,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary =
            "A sentence opening \"Last\", \"Next\", \"Earlier this\" or \"Later this\" "
            "whose time word went missing (\"Last China sent ...\").",
        .description =
            "Trimming a lead often cuts the noun out of \"Last week\" or \"Earlier this month\", "
            "leaving \"Last China sent its top diplomat ...\". Reported when the word after the "
            "opener starts a clause (a determiner, a pronoun or a name) instead of completing "
            "a time phrase. Real phrases are left alone: time nouns and numbers (\"Last year’s\", "
            "\"Next two weeks\"), \"Last but not least\", \"Last of all\", \"Next to the\", "
            "\"Last orders\", \"Last I heard\", \"Earlier this proved ...\", a speaker's \"Next "
            "we turn to ...\" and titles such as \"Last Exit to Brooklyn\".",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_dangling_time() {
    return std::make_unique<DanglingTime>();
}

}  // namespace copydesk::rules::builtin
