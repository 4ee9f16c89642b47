#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "text/casing.hpp"
#include "text/mojibake.hpp"
#include "text/tokens.hpp"
#include "text/unicode.hpp"

using namespace copydesk;

TEST_CASE("mojibake is found per word and repaired, also when garbled twice", "[unicode]") {
    const std::string s = "itâ€™s the cafÃ© in SÃ£o Paulo, Ã¢â‚¬Å“ twice Ã¢â‚¬â„¢";
    const auto found = text::find_mojibake(s);
    REQUIRE(found.size() == 5);
    CHECK(s.substr(found[0].span.begin, found[0].span.size()) == "â€™");
    CHECK(found[0].repaired == "’");
    CHECK(found[1].repaired == "é");
    CHECK(found[2].repaired == "ã");
    CHECK(found[3].repaired == "“");
    CHECK(found[4].repaired == "’");
}

TEST_CASE("mojibake that lost a byte is suggested, not repaired", "[unicode]") {
    const std::string s = "He said it was â€œover.â€ Then he left.";
    const auto found = text::find_mojibake(s);
    REQUIRE(found.size() == 2);
    CHECK(found[1].repaired.empty());
    CHECK(found[1].guess == "”");
}

TEST_CASE("real Latin-1 letters are not mojibake", "[unicode]") {
    for (const std::string s : {"SÃO PAULO", "Ångström", "Ærø", "Ça va", "Ölüdeniz", "José’s",
                                "Ânge «bien»", "MÜNCHEN’S", "déjà vu"}) {
        INFO(s);
        CHECK(text::find_mojibake(s).empty());
    }
}

TEST_CASE("non-NFC runs are as short as possible", "[unicode]") {
    const std::string s = "Cafe\u0301 and Gdan\u0301sk and Zu\u0308rich and café";
    const auto found = text::find_non_nfc(s);
    REQUIRE(found.size() == 3);
    CHECK(s.substr(found[0].span.begin, found[0].span.size()) == "e\u0301");
    CHECK(found[0].replacement == "é");
    CHECK(found[1].replacement == "ń");
    CHECK(found[2].replacement == "ü");
}

TEST_CASE("text is surely NFC only when find_non_nfc finds nothing in it", "[unicode]") {
    text::Segmenter segmenter;
    auto surely = [&](const std::string& s) {
        return text::surely_nfc(s, segmenter.analyze(s).non_ascii);
    };
    // Ordinary text: settled without the normalizer.
    for (const std::string s : {"Plain ASCII.", "café “quoted” — Zürich’s Łódź … ½", "Київ і Odesa",
                                "\uFB01nal and ﬁnal"}) {
        INFO(s);
        CHECK(surely(s));
        CHECK(text::find_non_nfc(s).empty());
    }
    // Combining marks, singletons and compositions: never "surely" where there is something
    // to normalize (KA + NUKTA is NFC, and may be left to find_non_nfc).
    for (const std::string s :
         {"Cafe\u0301", "Zu\u0308rich", "\u212B ohm \u2126", "\u2000 en quad", "\u0915\u093C",
          "Gdan\u0301sk, \u1E9B\u0323", "\u0301 alone", "\u1100\u1161 jamo"}) {
        INFO(s);
        if (surely(s)) CHECK(text::find_non_nfc(s).empty());
    }
    CHECK_FALSE(surely("Cafe\u0301"));
    CHECK_FALSE(surely("\u212B"));
    CHECK_FALSE(surely("\u1100\u1161"));
}

TEST_CASE("the confusable checker finds look-alike letters and leaves real words alone",
          "[unicode]") {
    text::ConfusableChecker checker;
    auto cyrillic_i = checker.check("Kyіv");
    REQUIRE(cyrillic_i);
    CHECK(cyrillic_i->scripts == "Latin and Cyrillic");
    CHECK(cyrillic_i->repaired == "Kyiv");
    auto capital = checker.check("АPPLE");  // Cyrillic А
    REQUIRE(capital);
    CHECK(capital->repaired == "APPLE");
    auto latin_in_cyrillic = checker.check("Дyмы");  // Latin y
    REQUIRE(latin_in_cyrillic);
    CHECK(latin_in_cyrillic->dominant == "Cyrillic");
    for (const std::string w : {"Kyiv", "Київ", "Αθήνα", "μg", "東京", "Tokyo東京", "naïve"}) {
        INFO(w);
        CHECK_FALSE(checker.check(w));
    }
}

TEST_CASE("joiner scripts and emoji", "[unicode]") {
    CHECK(text::uses_joiners(U'\u0645'));  // Arabic
    CHECK(text::uses_joiners(U'\u0915'));  // Devanagari
    CHECK_FALSE(text::uses_joiners(U'a'));
    CHECK(text::is_emoji_part(U'\U0001F469'));
    CHECK(text::is_right_to_left(U'\u05E9'));
    CHECK_FALSE(text::is_right_to_left(U'a'));
}

TEST_CASE("a link glued to a word or a hashtag is its own token", "[unicode][tokens]") {
    text::Segmenter seg;
    const std::string s = "said in a posthttps://t.co/Q7 and claimed.#newshttps://t.co/x1 end";
    std::vector<std::pair<std::string, text::TokenKind>> got;
    for (const auto& t : seg.analyze(s).tokens) {
        if (t.kind == text::TokenKind::Space) continue;
        got.emplace_back(s.substr(t.span.begin, t.span.size()), t.kind);
    }
    using K = text::TokenKind;
    const std::vector<std::pair<std::string, text::TokenKind>> want{{"said", K::Word},
                                                                    {"in", K::Word},
                                                                    {"a", K::Word},
                                                                    {"post", K::Word},
                                                                    {"https://t.co/Q7", K::Url},
                                                                    {"and", K::Word},
                                                                    {"claimed", K::Word},
                                                                    {".", K::Punct},
                                                                    {"#news", K::Hashtag},
                                                                    {"https://t.co/x1", K::Url},
                                                                    {"end", K::Word}};
    CHECK(got == want);
}

TEST_CASE("words compare without case, ASCII fast and the rest through Unicode", "[unicode]") {
    using copydesk::text::same_lower;
    using copydesk::text::to_lower;
    CHECK(same_lower("The", "tHE"));
    CHECK_FALSE(same_lower("the", "then"));
    CHECK_FALSE(same_lower("then", "the"));
    CHECK_FALSE(same_lower("", "a"));
    CHECK(same_lower("", ""));
    CHECK(same_lower("ZÜRICH", "zürich"));
    CHECK_FALSE(same_lower("Zurich", "Zürich"));
    // Lower-casing can change a word's length in bytes: the answer is what to_lower says.
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"\xC4\xB0stanbul", "istanbul"},  // U+0130 lowers to 'i'
             {"\xE2\x84\xAA", "k"},            // the Kelvin sign lowers to 'k'
             {"ab\xC4\xB0", "abi"},
             {"ab", "ab\xC3\xA9"},
             {"Ab\xC3\xA9", "aB"}}) {
        INFO(a << " / " << b);
        CHECK(same_lower(a, b) == (to_lower(a) == to_lower(b)));
        CHECK(same_lower(b, a) == (to_lower(a) == to_lower(b)));
    }
}
