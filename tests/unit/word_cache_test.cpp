#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "spell/word_cache.hpp"

using copydesk::spell::WordCache;

TEST_CASE("the word cache finds what was put in and nothing else", "[spell]") {
    WordCache<int> cache(100'000);
    CHECK(cache.find("government") == nullptr);
    cache.insert("government", 1);
    cache.insert("Government", 2);
    cache.insert("", 3);
    REQUIRE(cache.find("government") != nullptr);
    CHECK(*cache.find("government") == 1);
    CHECK(*cache.find("Government") == 2);
    CHECK(*cache.find("") == 3);
    CHECK(cache.find("governmen") == nullptr);
    CHECK(cache.find("governments") == nullptr);
    // Enough words to grow the table several times: every one is still found, with its value.
    for (int i = 0; i < 20'000; ++i) cache.insert("w" + std::to_string(i), i);
    CHECK(cache.size() == 20'003);
    bool all_found = true;
    for (int i = 0; i < 20'000; ++i) {
        const int* v = cache.find("w" + std::to_string(i));
        all_found = all_found && v != nullptr && *v == i;
    }
    CHECK(all_found);
    CHECK(cache.find("w20000") == nullptr);
    CHECK(*cache.find("government") == 1);
}

TEST_CASE("the word cache starts over when full", "[spell]") {
    WordCache<std::optional<std::string>> cache(3);
    cache.insert("colour", std::string("color"));
    cache.insert("the", std::nullopt);
    cache.insert("a", std::nullopt);
    CHECK(cache.size() == 3);
    REQUIRE(cache.find("colour") != nullptr);
    CHECK(**cache.find("colour") == "color");
    cache.insert("honour", std::string("honor"));
    CHECK(cache.size() == 1);
    CHECK(cache.find("colour") == nullptr);
    REQUIRE(cache.find("honour") != nullptr);
    CHECK(**cache.find("honour") == "honor");
}
