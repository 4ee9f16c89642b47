#include "rules/spelling_support.hpp"

#include <algorithm>
#include <array>

#include "text/casing.hpp"

namespace copydesk::rules {

namespace {

// Newsroom convention: "[sic]" after a word marks it as quoted exactly as written.
// "a.m", "p.m", "e.g": initialisms whose parts are single letters.
bool is_initialism(std::string_view word) {
    if (word.find('.') == std::string_view::npos) return false;
    std::size_t run = 0;
    for (char c : word) {
        run = c == '.' ? 0 : run + 1;
        if (run > 1) return false;
    }
    return true;
}

// A capital after a lower-case letter marks a brand or product name.
bool is_camel_case(std::string_view word) {
    for (std::size_t i = 1; i < word.size(); ++i) {
        if (word[i] >= 'A' && word[i] <= 'Z' && word[i - 1] >= 'a' && word[i - 1] <= 'z')
            return true;
    }
    return false;
}

// "Ching-te", "Jaish-e-Mohammed": the hyphenated compound holding `token`, as text, or an
// empty view when the token is not part of one.
std::string_view hyphenated_compound(const RegionText& where, const text::Token& token) {
    const auto& tokens = where.analysis.tokens;
    const auto index = static_cast<std::size_t>(&token - tokens.data());
    auto is_hyphen = [&](std::size_t i) {
        return tokens[i].kind == text::TokenKind::Punct && where.slice(tokens[i].span) == "-";
    };
    std::size_t first = index;
    while (first >= 2 && is_hyphen(first - 1) && tokens[first - 2].kind == text::TokenKind::Word) {
        first -= 2;
    }
    std::size_t last = index;
    while (last + 2 < tokens.size() && is_hyphen(last + 1) &&
           tokens[last + 2].kind == text::TokenKind::Word) {
        last += 2;
    }
    if (first == last) return {};
    return where.text().substr(tokens[first].span.begin,
                               tokens[last].span.end - tokens[first].span.begin);
}

bool is_prefix(std::string_view word) {
    static constexpr std::array<std::string_view, 24> kPrefixes{
        "anti",  "co",     "counter", "cross", "ex",  "extra", "inter", "intra",
        "macro", "micro",  "mid",     "multi", "neo", "non",   "post",  "pre",
        "pro",   "pseudo", "re",      "semi",  "sub", "super", "trans", "ultra"};
    return std::find(kPrefixes.begin(), kPrefixes.end(), word) != kPrefixes.end();
}

bool followed_by_sic(const RegionText& where, const text::Token& token) {
    std::string_view rest = where.text().substr(token.span.end);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"')) rest.remove_prefix(1);
    return rest.starts_with("[sic]");
}

}  // namespace

WordVerdict classify_word(const Context& ctx, const RegionText& where, const text::Token& token) {
    if (token.kind != text::TokenKind::Word || ctx.speller() == nullptr) return WordVerdict::Skip;
    const std::string_view word = where.slice(token.span);
    if (word.size() < 2 || !has_latin_letter(word) || !text::is_latin(word))
        return WordVerdict::Skip;
    if (is_all_caps(word) || is_initialism(word)) return WordVerdict::Skip;
    if (followed_by_sic(where, token)) return WordVerdict::Skip;
    if (word == "sic" && token.span.begin > 0 && where.text()[token.span.begin - 1] == '[') {
        return WordVerdict::Skip;
    }
    if (ctx.speller()->known(word)) return WordVerdict::Known;
    if (const auto compound = hyphenated_compound(where, token); !compound.empty()) {
        if (ctx.speller()->known(compound)) return WordVerdict::Known;
        // "pre-war", "non-binding": a prefix is a word only in its compound.
        const bool last_part = word.data() + word.size() == compound.data() + compound.size();
        if (!last_part && is_prefix(word)) return WordVerdict::Known;
        // "Lee Cheuk-yan", "Tsang Tak-wai": a capitalized compound inside a sentence is a name.
        if (text::is_capitalized(compound) && !token.sentence_start &&
            !ctx.speller()->known(compound.substr(0, compound.find('-')))) {
            return WordVerdict::ProbableName;
        }
    }
    if (text::is_capitalized(word) &&
        (!token.sentence_start || ctx.capitalized_mid_sentence(word))) {
        return WordVerdict::ProbableName;
    }
    if (is_camel_case(word)) return WordVerdict::ProbableName;  // eHow, wikiHow, iPhone
    return WordVerdict::Unknown;
}

}  // namespace copydesk::rules
