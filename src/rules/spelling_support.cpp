#include "rules/spelling_support.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.hpp"
#include "text/casing.hpp"
#include "text/romanize.hpp"

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

// The word tokens just before and after `token` in its sentence, if only a space separates
// them ("Alvin Yeung"); null where there is none.
std::pair<const text::Token*, const text::Token*> neighbours(const RegionText& where,
                                                             const text::Token& token) {
    const auto& tokens = where.analysis.tokens;
    const auto index = static_cast<std::size_t>(&token - tokens.data());
    auto word_at = [&](std::size_t space, std::size_t word) -> const text::Token* {
        if (word >= tokens.size() || tokens[space].kind != text::TokenKind::Space) return nullptr;
        if (where.slice(tokens[space].span) != " ") return nullptr;
        const text::Token& t = tokens[word];
        return t.kind == text::TokenKind::Word && t.sentence == token.sentence ? &t : nullptr;
    };
    const text::Token* before = index >= 2 ? word_at(index - 1, index - 2) : nullptr;
    const text::Token* after = index + 2 < tokens.size() ? word_at(index + 1, index + 2) : nullptr;
    return {before, after};
}

// "Alvin Yeung", "K.C. Maurer": a capitalized word or an initial just before `token`.
bool after_name(const RegionText& where, const text::Token& token) {
    const auto [before, after] = neighbours(where, token);
    if (before != nullptr) {
        return !before->sentence_start && text::is_capitalized(where.slice(before->span));
    }
    const auto& tokens = where.analysis.tokens;
    const auto index = static_cast<std::size_t>(&token - tokens.data());
    if (index < 3 || tokens[index - 1].kind != text::TokenKind::Space ||
        where.slice(tokens[index - 2].span) != "." ||
        tokens[index - 3].kind != text::TokenKind::Word) {
        return false;
    }
    const std::string_view initial = where.slice(tokens[index - 3].span);
    return (initial.size() == 1 && initial[0] >= 'A' && initial[0] <= 'Z') ||
           (is_initialism(initial) && is_all_caps(initial));
}

// "Instituto Gonzaga", "Playstation VR": a capitalized or upper-case word just after.
bool before_name(const RegionText& where, const text::Token& token) {
    const auto after = neighbours(where, token).second;
    if (after == nullptr) return false;
    const std::string_view w = where.slice(after->span);
    return text::is_capitalized(w) || is_all_caps(w);
}

// "d'Ettorre", "l'Aquila": a name after an elided article.
bool elided_name(std::string_view word) {
    for (std::string_view article : {"d'", "l'", "d\xE2\x80\x99", "l\xE2\x80\x99"}) {
        if (word.starts_with(article) && word.size() > article.size() + 1) {
            return text::is_capitalized(word.substr(article.size()));
        }
    }
    return false;
}

// "Formica fusca", "E. andrillae": the Latin epithet of a species name after its genus.
bool species_epithet(const RegionText& where, const text::Token& token) {
    const std::string_view word = where.slice(token.span);
    static constexpr std::array<std::string_view, 8> kEndings{"a", "ae", "us", "um",
                                                              "i", "is", "ii", "ensis"};
    if (std::none_of(kEndings.begin(), kEndings.end(),
                     [&](std::string_view e) { return word.ends_with(e); })) {
        return false;
    }
    const auto& tokens = where.analysis.tokens;
    const auto index = static_cast<std::size_t>(&token - tokens.data());
    if (const auto [genus, after] = neighbours(where, token); genus != nullptr) {
        return text::is_capitalized(where.slice(genus->span));
    }
    // "E. andrillae": an initial, a full stop, a space.
    if (index < 3 || tokens[index - 1].kind != text::TokenKind::Space ||
        where.slice(tokens[index - 2].span) != "." ||
        tokens[index - 3].kind != text::TokenKind::Word) {
        return false;
    }
    const std::string_view initial = where.slice(tokens[index - 3].span);
    return initial.size() == 1 && initial[0] >= 'A' && initial[0] <= 'Z';
}

bool followed_by_sic(const RegionText& where, const text::Token& token) {
    std::string_view rest = where.text().substr(token.span.end);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"')) rest.remove_prefix(1);
    return rest.starts_with("[sic]");
}

// "update.exe", "minutes.pdf": the extension of a file name, not a word.
bool file_extension(const RegionText& where, const text::Token& token) {
    const std::string_view text = where.text();
    const std::string_view word = where.slice(token.span);
    if (token.span.begin < 2 || text[token.span.begin - 1] != '.' || word.size() > 4) return false;
    const auto before = static_cast<unsigned char>(text[token.span.begin - 2]);
    if (std::isalnum(before) == 0 && before != '_') return false;
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// A writer who misspells a word misspells it the same way each time ("legistlation" three times
// in one story): a repeated word a few slips from one of the commonest words is that, not a
// term of the story's own. Short words are left alone: too many common words are near them.
bool consistent_slip(spell::SpellChecker& speller, std::string_view word) {
    constexpr std::size_t kMinLetters = 5;
    constexpr int kCommonestLevel = 20;
    constexpr double kCostPerLetter = 0.3;
    if (word.size() < kMinLetters) return false;
    const auto& found = speller.corrections(word);
    if (found.ranked.empty()) return false;
    const spell::Correction& best = found.ranked.front();
    return !best.proper && best.word.find(' ') == std::string::npos &&
           best.level <= kCommonestLevel &&
           best.cost <= kCostPerLetter * static_cast<double>(word.size());
}

}  // namespace

WordVerdict classify_word(const Context& ctx, const RegionText& where, const text::Token& token) {
    if (token.kind != text::TokenKind::Word || ctx.speller() == nullptr) return WordVerdict::Skip;
    const std::string_view word = where.slice(token.span);
    // The longest dictionary words have about 45 letters; a longer run of letters is a blob
    // (base64, a pasted hash, a key held down), not a word to spell or to quote in a message.
    constexpr std::size_t kLongestWord = 64;
    if (word.size() < 2 || word.size() > kLongestWord) return WordVerdict::Skip;
    // Most words are known, and the tests below would only turn a known word into a skipped
    // one, which no rule tells apart: the cached lookup goes first.
    spell::SpellChecker& speller = *ctx.speller();
    if (speller.known(word)) return WordVerdict::Known;
    if (!has_latin_letter(word) || !text::is_latin(word)) return WordVerdict::Skip;
    // "naïve", "résumé", "façade", "coöperation": a house style may keep the accents the
    // dictionary leaves off.
    if (!utf8::is_ascii(word)) {
        const std::string plain = text::fold_to_ascii(word);
        if (plain != word && speller.known(plain)) return WordVerdict::Known;
    }
    if (is_all_caps(word) || is_initialism(word)) return WordVerdict::Skip;
    if (followed_by_sic(where, token)) return WordVerdict::Skip;
    if (file_extension(where, token)) return WordVerdict::Skip;
    if (word == "sic" && token.span.begin > 0 && where.text()[token.span.begin - 1] == '[') {
        return WordVerdict::Skip;
    }
    using Evidence = spell::SpellChecker::NameEvidence;
    const bool capitalized = text::is_capitalized(word);
    if (const auto compound = hyphenated_compound(where, token); !compound.empty()) {
        if (speller.known(compound)) return WordVerdict::Known;
        // "pre-war", "non-binding": a prefix is a word only in its compound.
        const bool first_part = word.data() == compound.data();
        const bool last_part = word.data() + word.size() == compound.data() + compound.size();
        if (!last_part && is_prefix(word)) return WordVerdict::Known;
        // "three-year-olds": the word and the part before it may be a listed compound.
        if (!first_part) {
            const auto at = static_cast<std::size_t>(word.data() - compound.data());
            const std::size_t hyphen = compound.rfind('-', at - 2);
            const std::size_t from = hyphen == std::string_view::npos ? 0 : hyphen + 1;
            const std::string_view pair = compound.substr(from, at + word.size() - from);
            if (pair.size() < compound.size() && speller.known(pair)) return WordVerdict::Known;
        }
        const std::string_view head = compound.substr(0, compound.find('-'));
        // "co-ordinated", "re-elected": the compound written solid is a word.
        if (is_prefix(text::to_lower(head))) {
            std::string solid(compound);
            std::erase(solid, '-');
            if (speller.known(solid)) return WordVerdict::Known;
        }
        if (text::is_capitalized(compound) && !is_prefix(text::to_lower(head))) {
            // "Wu Chi-wai", "Kim Jong-un": short lower-case syllables of a hyphenated given
            // name.
            if (!first_part && !capitalized && word.size() <= 6) return WordVerdict::ProbableName;
            // "Lee Cheuk-yan": a capitalized compound inside a sentence is a name.
            if (!token.sentence_start && !speller.known(head) &&
                !speller.misspells_common_word(word, Evidence::Capital)) {
                return WordVerdict::ProbableName;
            }
        }
    }
    // Names are not misspellings, but "the Goverment said" and "Febuary" are: a capitalized
    // word is a name unless it reads as a slip on a common word, judged more strictly the
    // more the text says "name".
    if (elided_name(word)) return WordVerdict::ProbableName;
    if (capitalized) {
        Evidence evidence = Evidence::None;
        const int elsewhere = ctx.capitalized_mid_sentence_count(word);
        const bool in_name = after_name(where, token) || before_name(where, token);
        if (!token.sentence_start || elsewhere > 0 || in_name) evidence = Evidence::Capital;
        if (elsewhere >= 2 || (!token.sentence_start && in_name)) evidence = Evidence::Strong;
        return speller.misspells_common_word(word, evidence) ? WordVerdict::Unknown
                                                             : WordVerdict::ProbableName;
    }
    // Lower-case words used throughout a document ("the santorum neologism", eleven times)
    // or a species' epithet ("Formica fusca") are terms rather than slips, unless they read
    // as a slip on a common word.
    if (ctx.word_count(word) >= 3 || species_epithet(where, token)) {
        const auto& best = speller.corrections(word).words;
        const bool case_only = !best.empty() && text::to_lower(best.front()) == word;
        return !case_only && (speller.misspells_common_word(word, Evidence::Capital) ||
                              consistent_slip(speller, word))
                   ? WordVerdict::Unknown
                   : WordVerdict::ProbableName;
    }
    if (is_camel_case(word)) return WordVerdict::ProbableName;  // eHow, wikiHow, iPhone
    return WordVerdict::Unknown;
}

}  // namespace copydesk::rules
