#include <catch2/catch.hpp>

#include <cstdlib>

#include "spell/speller.hpp"

using namespace copydesk::spell;

namespace {

DictionaryFiles tiny() {
    return {COPYDESK_TEST_DATA "/tiny.aff", COPYDESK_TEST_DATA "/tiny.dic"};
}

SpellChecker checker(std::shared_ptr<WordList> house = std::make_shared<WordList>()) {
    return SpellChecker(make_hunspell(tiny()), std::move(house));
}

}  // namespace

TEST_CASE("dictionary words and affixed forms are known", "[spell]") {
    auto sc = checker();
    CHECK(sc.known("government"));
    CHECK(sc.known("governments"));
    CHECK(sc.known("Government"));
    CHECK_FALSE(sc.known("goverment"));
}

TEST_CASE("curly and straight apostrophes check the same word", "[spell]") {
    auto sc = checker();
    CHECK(sc.known("China's"));
    CHECK(sc.known("China’s"));
}

TEST_CASE("house lists add names, their parts and possessives", "[spell]") {
    auto house = std::make_shared<WordList>();
    house->add_entry("Volodymyr Zelenskyy");
    house->add_entry("Xi Jinping");
    house->add_entry("Lai Ching-te");
    auto sc = checker(house);
    CHECK(sc.known("Zelenskyy"));
    CHECK(sc.known("Zelenskyy’s"));
    CHECK(sc.known("Volodymyr"));
    CHECK(sc.known("Xi"));
    CHECK(sc.known("Ching-te"));
    CHECK(sc.known("Ching"));
    CHECK_FALSE(sc.known("te"));  // a short part is known only inside its compound
    CHECK_FALSE(sc.known("Zelenskyyy"));
    CHECK(house->contains("Zelenskyy"));
    CHECK_FALSE(house->contains("zelenskyy"));  // a capitalized entry stays capitalized
}

TEST_CASE("word list files skip comments and blank lines", "[spell]") {
    WordList list;
    std::string error;
    REQUIRE(list.load_file(COPYDESK_TEST_DATA "/house.txt", error));
    CHECK(list.contains("Kharkiv"));
    CHECK(list.contains("Lukashenko"));
    CHECK_FALSE(list.contains("#"));
    CHECK_FALSE(list.load_file(COPYDESK_TEST_DATA "/missing.txt", error));
    CHECK(error.find("missing.txt") != std::string::npos);
}

TEST_CASE("suggestions are ordered, bounded and cached", "[spell]") {
    auto sc = checker();
    const auto& first = sc.suggestions("goverment", 3);
    REQUIRE_FALSE(first.empty());
    CHECK(first.front() == "government");
    CHECK(first.size() <= 3);
    const auto& again = sc.suggestions("goverment", 3);
    CHECK(&first == &again);
}

TEST_CASE("a missing dictionary names the folders tried", "[spell]") {
    auto r = find_dictionary("xx_NOPE");
    REQUIRE(std::holds_alternative<std::string>(r));
    const std::string& why = std::get<std::string>(r);
    CHECK(why.find("/usr/share/hunspell") != std::string::npos);
    CHECK(why.find("xx_NOPE") != std::string::npos);
}

TEST_CASE("DICPATH is searched first", "[spell]") {
    ::setenv("DICPATH", COPYDESK_TEST_DATA, 1);
    auto r = find_dictionary("tiny");
    ::unsetenv("DICPATH");
    REQUIRE(std::holds_alternative<DictionaryFiles>(r));
    CHECK(std::get<DictionaryFiles>(r).aff.ends_with("tiny.aff"));
}
