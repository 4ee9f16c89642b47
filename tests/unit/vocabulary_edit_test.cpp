#include <catch2/catch.hpp>

#include "config/config_file.hpp"
#include "config/vocabulary_edit.hpp"

using copydesk::config::add_accepted_word;

namespace {

std::string added(std::string_view text, std::string_view word) {
    auto result = add_accepted_word(text, word);
    if (auto* bad = std::get_if<1>(&result)) FAIL("not edited: " << bad->why);
    return std::get<0>(result);
}

std::string refused(std::string_view text, std::string_view word) {
    auto result = add_accepted_word(text, word);
    if (result.index() == 0) FAIL("edited: " << std::get<0>(result));
    return std::get<1>(result).why;
}

}  // namespace

TEST_CASE("a word goes into a flow list, comments and order kept", "[config][vocabulary]") {
    CHECK(added("# house words\nvocabulary:\n  accept: [Zelenskyy]  # names\n", "Kowalczyk") ==
          "# house words\nvocabulary:\n  accept: [Zelenskyy, Kowalczyk]  # names\n");
    CHECK(added("vocabulary:\n  accept: []\n  reject: [gonna]\n", "Kyiv") ==
          "vocabulary:\n  accept: [Kyiv]\n  reject: [gonna]\n");
    CHECK(added("vocabulary:\n  accept: [\"a]b\", c]\n", "Lviv") ==
          "vocabulary:\n  accept: [\"a]b\", c, Lviv]\n");
}

TEST_CASE("a word goes under the last item of a block list", "[config][vocabulary]") {
    CHECK(
        added("vocabulary:\n  accept:\n    - Zelenskyy\n    - Kowalczyk\nrules:\n  spelling: on\n",
              "Lviv") ==
        "vocabulary:\n  accept:\n    - Zelenskyy\n    - Kowalczyk\n    - Lviv\nrules:\n"
        "  spelling: on\n");
    CHECK(added("vocabulary:\n  accept:\n  - Zelenskyy", "Lviv") ==
          "vocabulary:\n  accept:\n  - Zelenskyy\n  - Lviv\n");
}

TEST_CASE("a missing list or section is added", "[config][vocabulary]") {
    CHECK(added("", "Zelenskyy") == "vocabulary:\n  accept: [Zelenskyy]\n");
    CHECK(added("root: true", "Zelenskyy") == "root: true\nvocabulary:\n  accept: [Zelenskyy]\n");
    CHECK(added("vocabulary:\n    reject:\n      - Kiev: Kyiv\n", "Lviv") ==
          "vocabulary:\n    accept: [Lviv]\n    reject:\n      - Kiev: Kyiv\n");
}

TEST_CASE("a word already accepted changes nothing", "[config][vocabulary]") {
    const std::string text = "vocabulary:\n  accept: [Zelenskyy]\n";
    CHECK(added(text, "Zelenskyy") == text);
}

TEST_CASE("words YAML would read otherwise are quoted", "[config][vocabulary]") {
    CHECK(added("", "no") == "vocabulary:\n  accept: [\"no\"]\n");
    CHECK(added("", "#MeToo") == "vocabulary:\n  accept: [\"#MeToo\"]\n");
    CHECK(added("", "Kyiv’s") == "vocabulary:\n  accept: [Kyiv’s]\n");
    CHECK(added("", "O'Neill") == "vocabulary:\n  accept: [O'Neill]\n");
}

TEST_CASE("files that cannot be edited safely are left alone", "[config][vocabulary]") {
    CHECK(refused("vocabulary: {accept: [a]}\n", "b").find("edit it by hand") != std::string::npos);
    CHECK(refused("vocabulary:\n  accept: Zelenskyy\n", "b").find("not a list") !=
          std::string::npos);
    CHECK(refused("- a\n- b\n", "c").find("not a map") != std::string::npos);
    CHECK(refused("vocabulary: [\n", "c").find("not valid YAML") != std::string::npos);
    CHECK(refused("", "two\nlines").find("not a word") != std::string::npos);
}

TEST_CASE("the starter config takes a word and still loads", "[config][vocabulary]") {
    const std::string text = added(copydesk::config::starter_config(), "Zelenskyy");
    auto parsed = copydesk::config::parse_config("/tmp/.copydesk.yaml", text);
    REQUIRE(parsed.index() == 0);
    const auto& accept = std::get<0>(parsed).base.accept;
    CHECK(accept == std::vector<std::string>{"Zelenskyy"});
}
