#include <algorithm>
#include <array>
#include <vector>

#include "rules/rule.hpp"
#include "text/casing.hpp"

namespace copydesk::rules::builtin {

namespace {

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Doubled words that are grammatical ("She had had enough", "that that", "what it is is").
constexpr std::array<std::string_view, 9> kGrammaticalDoubles{"had", "that", "is",  "do",   "bye",
                                                              "no",  "well", "now", "there"};

// Doubled on purpose in speech and quotes ("very very short", "many many years", "Ay ay,
// sir!"): an editor would not touch them, so they are not reported.
constexpr std::array<std::string_view, 14> kEmphaticDoubles{
    "very", "really", "many", "much", "so",  "too", "far",
    "long", "ever",   "more", "ay",   "aye", "oh",  "ha"};

// Particles that double after a phrasal verb: "more than it took in in taxes".
constexpr std::array<std::string_view, 7> kParticles{"in",   "on",  "out", "up",
                                                     "down", "off", "over"};
constexpr std::array<std::string_view, 40> kPhrasalVerbs{
    "took",   "take",   "takes",   "taken",   "taking",  "brought", "bring",   "brings",
    "came",   "come",   "comes",   "coming",  "paid",    "pay",     "pays",    "put",
    "puts",   "turned", "turn",    "handed",  "filled",  "logged",  "moved",   "weighed",
    "cashed", "signed", "checked", "kicked",  "stepped", "set",     "let",     "gave",
    "given",  "sent",   "kept",    "carried", "phased",  "chipped", "pitched", "ruled"};

// Words that are not names, so "The the" is a slip even where no sentence starts (after a
// dateline dash), unlike "Will will" or "Bill bill".
constexpr std::array<std::string_view, 9> kFunctionWords{"the", "an", "and", "of", "to",
                                                         "in",  "on", "at",  "for"};

bool line_break(char c) {
    return c == '\n' || c == '\r';
}

class RepeatedWord final : public Rule {
  public:
    const RuleInfo& info() const override { return info_; }

    void check(const Context& ctx, Reporter& out) const override {
        for (const RegionText& where : ctx.regions()) check_region(where, out);
    }

  private:
    void check_region(const RegionText& where, Reporter& out) const {
        const auto& tokens = where.analysis.tokens;
        const std::vector<std::uint32_t>& words = where.analysis.words;
        if (words.empty()) return;
        // Every word passes here: the loop reads through local pointers, which the calls in
        // it cannot change, and keeps each word's first byte for the pair it starts next.
        const text::Token* const token = tokens.data();
        const std::uint32_t* const word = words.data();
        const char* const text = where.text().data();
        const std::size_t n = words.size();
        auto a = static_cast<unsigned char>(text[token[word[0]].span.begin]);
        for (std::size_t k = 1; k < n; ++k) {
            // Most neighbours differ in their first letter: settled here, without a call.
            const auto b = static_cast<unsigned char>(text[token[word[k]].span.begin]);
            const bool differ = (a | b) < 0x80 && (a | 0x20) != (b | 0x20);
            a = b;
            if (differ) continue;
            if (adjacent(where, k)) check_pair(where, k, out);
        }
    }

    // Whether words k - 1 and k of the region have only white space (line breaks included)
    // between them.
    static bool adjacent(const RegionText& where, std::size_t k) {
        const auto& tokens = where.analysis.tokens;
        const std::vector<std::uint32_t>& words = where.analysis.words;
        for (std::uint32_t t = words[k - 1] + 1; t < words[k]; ++t) {
            if (tokens[t].kind != text::TokenKind::Space) return false;
        }
        return true;
    }

    // Reports word k of the region repeating word k - 1.
    static void check_pair(const RegionText& where, std::size_t k, Reporter& out) {
        const auto& tokens = where.analysis.tokens;
        const std::vector<std::uint32_t>& words = where.analysis.words;
        const text::Token& first = tokens[words[k - 1]];
        const text::Token& second = tokens[words[k]];
        const std::string_view a = where.slice(first.span);
        const std::string_view b = where.slice(second.span);
        if (!text::same_lower(a, b)) return;  // settled without a copy
        const std::string lower = text::to_lower(a);
        if (listed(kGrammaticalDoubles, lower) || listed(kEmphaticDoubles, lower)) return;
        auto same = [&](std::size_t j) {
            return text::to_lower(where.slice(tokens[words[j]].span)) == lower;
        };
        // Three in a row is rhetoric: "killing killing killing".
        if ((k >= 2 && adjacent(where, k - 1) && same(k - 2)) ||
            (k + 1 < words.size() && adjacent(where, k + 1) && same(k + 1)))
            return;
        // "Walla Walla", "Baden Baden": a capitalized pair inside a sentence is a name.
        if (a == b && text::is_capitalized(a) && !first.sentence_start) return;
        // "TRANSPORTATION Transportation": a heading run into its text; "the first FIRST
        // robotics contest": an acronym after the word.
        if (is_all_caps(a) != is_all_caps(b)) return;
        // "more than it took in in taxes": a particle after a phrasal verb, then a preposition.
        if (k >= 2 && adjacent(where, k - 1) && listed(kParticles, lower) &&
            listed(kPhrasalVerbs, text::to_lower(where.slice(tokens[words[k - 2]].span))))
            return;
        Diagnostic& d = out.report(where, {first.span.begin, second.span.end},
                                   "Repeated word '" + std::string(b) + "'; delete one of them.");
        out.set_fix(d, where, deletion(where, first, second), "",
                    "Delete the repeated '" + std::string(b) + "'", safe_to_delete(a, b, first));
    }

    // The second word with the space before it; but when a line break stands between the two,
    // the second word with the spaces after it, so that the lines stay as they were wrapped.
    static Span deletion(const RegionText& where, const text::Token& first,
                         const text::Token& second) {
        const std::string_view text = where.text();
        const std::string_view gap = where.slice({first.span.end, second.span.begin});
        if (std::none_of(gap.begin(), gap.end(), line_break))
            return {first.span.end, second.span.end};
        std::uint32_t end = second.span.end;
        while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
        if (end == second.span.end || end == text.size() || line_break(text[end])) {
            return {first.span.end, second.span.end};
        }
        return {second.span.begin, end};
    }

    // Deleting the second word is safe only for a plain slip: the same word in the same case
    // ("the the"), or a capital followed by the lower-case word ("The the") at the start of a
    // sentence or for a word that is never a name ("Will will" may be a name and a verb).
    static bool safe_to_delete(std::string_view a, std::string_view b, const text::Token& first) {
        if (a == b) return true;
        return (first.sentence_start || listed(kFunctionWords, b)) && text::is_capitalized(a) &&
               text::to_lower(a) == b;
    }

    RuleInfo info_{
        .id = "repeated-word",
        .category = Category::Repetition,
        .severity = Severity::Warning,
        .enabled_by_default = true,
        .summary = "The same word twice in a row (\"the the\"), also across a line break.",
        .description =
            "Flags a word repeated with only white space between, ignoring case, also across a "
            "line break but not across paragraphs. Grammatical doubles (\"had had\", \"that "
            "that\"), emphatic ones in speech (\"very very\", \"Ay ay\"), runs of three "
            "(\"killing killing killing\"), a particle and a preposition (\"took in in taxes\"), "
            "doubled names (\"Walla Walla\") and a heading run into its text (\"TRANSPORTATION "
            "Transportation\") are allowed. The fix deletes the second word, keeping the line "
            "break when the two are on different lines; `copydesk fix` applies it only for a "
            "plain slip (same case, or \"The the\"), not where case differs (\"Will will\").",
        .link = {},
    };
};

}  // namespace

std::unique_ptr<Rule> make_repeated_word() {
    return std::make_unique<RepeatedWord>();
}

}  // namespace copydesk::rules::builtin
