#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Output {
    int code;
    std::string out;
};

// Runs copydesk in tests/cli on the given arguments, stdout only.
Output run(const std::string& args) {
    const fs::path out =
        fs::temp_directory_path() / ("copydesk-formats-" + std::to_string(::getpid()));
    const std::string cmd = std::string("cd '") + COPYDESK_SOURCE_DIR + "/tests/cli' && '" +
                            COPYDESK_EXE + "' " + args + " >'" + out.string() + "' 2>/dev/null";
    const int status = std::system(cmd.c_str());
    std::ifstream f(out, std::ios::binary);
    Output o{WIFEXITED(status) ? WEXITSTATUS(status) : -1,
             std::string(std::istreambuf_iterator<char>(f), {})};
    fs::remove(out);
    return o;
}

}  // namespace

TEST_CASE("format github annotates each finding", "[cli][formats]") {
    const Output o = run("lint --format github fixtures/typo.txt fixtures/clean.txt");
    CHECK(o.code == 1);
    CHECK(
        o.out.starts_with("::warning file=fixtures/typo.txt,line=3,col=14,endLine=3,endColumn=17,"
                          "title=copydesk (spelling)::Unknown word 'toi'"));
    CHECK(std::count(o.out.begin(), o.out.end(), '\n') == 1);
}

TEST_CASE("formats jsonl sarif checkstyle and rdjsonl parse and agree", "[cli][formats]") {
    const Output jsonl = run("lint --format jsonl fixtures/typo.txt missing.txt");
    CHECK(jsonl.code == 2);
    std::istringstream lines(jsonl.out);
    std::vector<nlohmann::json> objects;
    for (std::string line; std::getline(lines, line);) {
        objects.push_back(nlohmann::json::parse(line));
    }
    REQUIRE(objects.size() == 3);
    CHECK(objects[0]["type"] == "diagnostic");
    CHECK(objects[0]["line"] == 3);
    CHECK(objects[1]["type"] == "error");
    CHECK(objects[2]["type"] == "summary");

    const auto sarif = nlohmann::json::parse(run("lint --format sarif fixtures/typo.txt").out);
    const auto& region =
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"] == 3);
    CHECK(region["startColumn"] == 14);

    const Output xml = run("lint --format checkstyle fixtures/typo.txt");
    CHECK(xml.out.find("<error line=\"3\" column=\"14\" severity=\"warning\"") !=
          std::string::npos);

    const auto rd = nlohmann::json::parse(run("lint --format rdjsonl fixtures/typo.txt").out);
    CHECK(rd["location"]["range"]["start"] == nlohmann::json::parse(R"({"line":3,"column":14})"));
    CHECK(rd["code"]["value"] == "spelling");
}
