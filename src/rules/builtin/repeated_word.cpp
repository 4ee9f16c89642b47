#include <algorithm>
#include <array>
#include <vector>

#include "rules/rule.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::builtin {

namespace {

// Doubled words that are grammatical ("She had had enough", "that that", "what it is is"),
// and intensifiers doubled on purpose in speech ("very very short", "many many years").
constexpr std::array<std::string_view, 19> kGrammaticalDoubles{
    "had",  "that", "is",  "do",   "bye",  "no",  "well",  "very", "really", "many",
    "much", "so",   "far", "long", "more", "now", "there", "aye",  "ay"};

// Particles that double after a phrasal verb: "more than it took in in taxes".
constexpr std::array<std::string_view, 7> kParticles{"in",   "on",  "out", "up",
                                                     "down", "off", "over"};
constexpr std::array<std::string_view, 40> kPhrasalVerbs{
    "took",   "take",   "takes",   "taken",   "taking",  "brought", "bring",   "brings",
    "came",   "come",   "comes",   "coming",  "paid",    "pay",     "pays",    "put",
    "puts",   "turned", "turn",    "handed",  "filled",  "logged",  "moved",   "weighed",
    "cashed", "signed", "checked", "kicked",  "stepped", "set",     "let",     "gave",
    "given",  "sent",   "kept",    "carried", "phased",  "chipped", "pitched", "ruled"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool grammatical_double(std::string_view lower) {
    return listed(kGrammaticalDoubles, lower);
}

class RepeatedWord final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) check_region(where, out);
    }

  private:
    void check_region(const RegionText& where, Reporter& out) const {
        // Words with only white space (line breaks included) between them, in runs.
        const auto& tokens = where.analysis.tokens;
        std::vector<const text::Token*> words;  // the current run of adjacent words
        auto flush = [&] {
            for (std::size_t i = 1; i < words.size(); ++i) check_pair(where, words, i, out);
            words.clear();
        };
        for (const text::Token& t : tokens) {
            if (t.kind == text::TokenKind::Space) continue;
            if (t.kind != text::TokenKind::Word) {
                flush();
                continue;
            }
            words.push_back(&t);
        }
        flush();
    }

    // Reports words[i] repeating words[i - 1].
    static void check_pair(const RegionText& where, const std::vector<const text::Token*>& words,
                           std::size_t i, Reporter& out) {
        const text::Token& first = *words[i - 1];
        const text::Token& second = *words[i];
        const std::string_view a = where.slice(first.span);
        const std::string_view b = where.slice(second.span);
        const std::string lower = text::to_lower(a);
        if (lower != text::to_lower(b) || grammatical_double(lower)) return;
        auto same = [&](std::size_t k) {
            return k < words.size() && text::to_lower(where.slice(words[k]->span)) == lower;
        };
        // Three in a row is rhetoric: "killing killing killing".
        if ((i >= 2 && same(i - 2)) || same(i + 1)) return;
        // "Walla Walla", "Baden Baden": a capitalized pair inside a sentence is a name.
        if (a == b && text::is_capitalized(a) && !first.sentence_start) return;
        // "TRANSPORTATION Transportation": a heading run into its text; "the first FIRST
        // robotics contest": an acronym after the word.
        if (is_all_caps(a) != is_all_caps(b)) return;
        // "more than it took in in taxes": a particle after a phrasal verb, then a preposition.
        if (i >= 2 && listed(kParticles, lower) &&
            listed(kPhrasalVerbs, text::to_lower(where.slice(words[i - 2]->span))))
            return;
        Diagnostic& d = out.report(where, {first.span.begin, second.span.end},
                                   "Repeated word '" + std::string(b) + "'; delete one of them.");
        out.set_fix(d, where, {first.span.end, second.span.end}, "",
                    "Delete the repeated '" + std::string(b) + "'", true);
    }

    RuleInfo info_{
        .id = "repeated-word",
        .category = Category::Repetition,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "The same word twice in a row (\"the the\"), also across a line break.",
        .description =
            "Flags a word repeated with only white space between, ignoring case. Grammatical "
            "doubles (\"had had\", \"that that\") and doubled names (\"Walla Walla\") are allowed. "
            "The fix deletes the second word.",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_repeated_word() {
    return std::make_unique<RepeatedWord>();
}

}  // namespace copydesk::rules::builtin
