#include <catch2/catch.hpp>

#include "core/utf8.hpp"

namespace utf8 = copydesk::utf8;

TEST_CASE("valid UTF-8 passes", "[utf8]") {
    CHECK_FALSE(utf8::find_invalid("plain ASCII"));
    CHECK_FALSE(utf8::find_invalid("Erdoğan, Zürich, Київ, 🇺🇦"));
    CHECK_FALSE(utf8::find_invalid(""));
}

TEST_CASE("invalid sequences are found at their first byte", "[utf8]") {
    auto at = [](std::string_view s) { return utf8::find_invalid(s).value().offset; };
    CHECK(at("ab\xFF"
             "cd") == 2);                 // never valid
    CHECK(at("ab\xC3") == 2);             // truncated at the end
    CHECK(at("a\xC3(b") == 1);            // bad continuation
    CHECK(at("x\xC0\xAF") == 1);          // overlong '/'
    CHECK(at("x\xE0\x80\xAF") == 1);      // overlong, three bytes
    CHECK(at("x\xED\xA0\x80") == 1);      // a UTF-16 surrogate encoded in UTF-8
    CHECK(at("x\xF4\x90\x80\x80") == 1);  // above U+10FFFF
    CHECK(at("ok\x80") == 2);             // stray continuation byte
}

TEST_CASE("decode and append round-trip", "[utf8]") {
    const std::string s = "aé€🇺";
    std::string out;
    std::size_t pos = 0;
    std::vector<char32_t> cps;
    while (pos < s.size()) cps.push_back(utf8::decode(s, pos));
    REQUIRE(cps == std::vector<char32_t>{U'a', U'é', U'€', U'\U0001F1FA'});
    for (char32_t cp : cps) utf8::append(out, cp);
    CHECK(out == s);
    CHECK(utf8::count_code_points(s) == 4);
}
