#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code;
    std::string out;
    std::string err;
};

// Runs copydesk through the shell; `stdin_text` is fed on standard input.
Run copydesk(const std::string& args, const std::string& stdin_text = "") {
    const fs::path dir = fs::temp_directory_path() / ("copydesk-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
    std::ofstream(in, std::ios::binary) << stdin_text;
    const std::string cmd = std::string("cd '") + COPYDESK_SOURCE_DIR + "/tests/cli' && '" +
                            COPYDESK_EXE + "' " + args + " <'" + in.string() + "' >'" +
                            out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    auto slurp = [](const fs::path& p) {
        std::ifstream f(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(f), {});
    };
    Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    fs::remove_all(dir);
    return r;
}

}  // namespace

TEST_CASE("a clean file exits 0 and prints nothing", "[cli]") {
    const Run r = copydesk("lint fixtures/clean.txt");
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("findings exit 1, lint is the default command", "[cli]") {
    const Run r = copydesk("--format line fixtures/typo.txt");
    CHECK(r.code == 1);
    CHECK(r.out.find("fixtures/typo.txt:3:14: warning: Unknown word 'toi'") == 0);
    CHECK(r.out.find("[spelling]\n") != std::string::npos);
}

TEST_CASE("a fail level of error lets warnings pass", "[cli]") {
    CHECK(copydesk("lint --fail-level error fixtures/typo.txt").code == 0);
}

TEST_CASE("stdin is read with -, named by --stdin-filename", "[cli]") {
    const Run r = copydesk("lint --format line --stdin-filename drafts/story.txt -",
                           "The minister said toi reporters.\n");
    CHECK(r.code == 1);
    CHECK(r.out.find("drafts/story.txt:1:19: warning: Unknown word 'toi'") == 0);
    const Run anon = copydesk("lint --format line -", "He said the the plan failed.\n");
    CHECK(anon.out.find("-:1:9: warning: Repeated word 'the'") == 0);
}

TEST_CASE("invalid UTF-8 is an error with file, line, column and offset, other files go on",
          "[cli]") {
    const Run r = copydesk("lint --format json fixtures/bad-utf8.txt fixtures/typo.txt");
    CHECK(r.code == 2);
    CHECK(r.err.find("copydesk: fixtures/bad-utf8.txt:2:9: invalid UTF-8 (byte offset 29)") !=
          std::string::npos);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["files"].size() == 2);
    CHECK(j["files"][0]["path"] == "fixtures/bad-utf8.txt");
    CHECK(j["files"][0].contains("error"));
    CHECK(j["files"][1]["diagnostics"].size() == 1);
}

TEST_CASE("a missing file is reported and fails the run", "[cli]") {
    const Run r = copydesk("lint fixtures/nope.txt fixtures/clean.txt");
    CHECK(r.code == 2);
    CHECK(r.err == "copydesk: fixtures/nope.txt: no such file\n");
}

TEST_CASE("a binary file is skipped with a note", "[cli]") {
    const Run r = copydesk("lint fixtures/binary.txt");
    CHECK(r.code == 0);
    CHECK(r.err.find("fixtures/binary.txt: binary file") != std::string::npos);
}

TEST_CASE("folders are expanded in sorted order, hidden entries skipped", "[cli]") {
    const Run r = copydesk("lint --format json fixtures/folder");
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["files"].size() == 2);
    CHECK(j["files"][0]["path"] == "fixtures/folder/a.txt");
    CHECK(j["files"][1]["path"] == "fixtures/folder/sub/b.md");
}

TEST_CASE("json output is valid and complete", "[cli]") {
    const Run r = copydesk("lint --format json fixtures/typo.txt fixtures/clean.txt");
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["version"] == 1);
    const auto& d = j["files"][0]["diagnostics"][0];
    CHECK(d["rule"] == "spelling");
    CHECK(d["line"] == 3);
    CHECK(d["column"] == 14);
    CHECK(d["length"] == 3);
    CHECK(d["suggestions"].size() <= 5);
    CHECK(std::find(d["suggestions"].begin(), d["suggestions"].end(), "to") !=
          d["suggestions"].end());
    CHECK(j["files"][1]["diagnostics"].empty());
    CHECK(j["summary"]["files"] == 2);
    CHECK(j["summary"]["warnings"] == 1);
}

TEST_CASE("usage errors exit 2", "[cli]") {
    CHECK(copydesk("lint --format nope fixtures/clean.txt").code == 2);
    const Run r = copydesk("lint --disable no-such-rule fixtures/clean.txt");
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown rule 'no-such-rule'") != std::string::npos);
    CHECK(copydesk("explain no-such-rule").code == 2);
}

TEST_CASE("an unknown language names the folders tried", "[cli]") {
    const Run r = copydesk("lint --lang xx_XX fixtures/clean.txt");
    CHECK(r.code == 2);
    CHECK(r.err.find("/usr/share/hunspell") != std::string::npos);
}

TEST_CASE("en_GB spelling is available", "[cli]") {
    // Either dialect's spelling is a word; mixing them is reported.
    const Run us = copydesk("lint --format line -", "The colour of the flag.\n");
    CHECK(us.code == 0);
    const Run mixed =
        copydesk("lint --format line -", "The colour of the flag and the color of the sky.\n");
    CHECK(mixed.code == 1);
    CHECK(mixed.out.find("-:1:5: warning: Use 'color', the American spelling used elsewhere in "
                         "this document, instead of 'colour'. [dialect-mix]") != std::string::npos);
    const Run gb = copydesk("lint --lang en_GB --format line -", "The colour of the flag.\n");
    CHECK(gb.code == 0);
    const Run gb_typo = copydesk("lint --lang en_GB --format line -", "The theatr was full.\n");
    CHECK(gb_typo.out.find("did you mean 'theatre'?") != std::string::npos);
    const Run us_typo = copydesk("lint --format line -", "The theatr was full.\n");
    CHECK(us_typo.out.find("did you mean 'theater'?") != std::string::npos);
}

TEST_CASE("known misspellings get a safe fix, which the environment can switch off", "[cli]") {
    const Run on = copydesk("lint --format json -", "They recieve it.\n");
    CHECK(on.out.find("\"safe\":true") != std::string::npos);
    ::setenv("COPYDESK_NO_KNOWN_MISSPELLINGS", "1", 1);
    const Run off = copydesk("lint --format json -", "They recieve it.\n");
    ::unsetenv("COPYDESK_NO_KNOWN_MISSPELLINGS");
    CHECK(off.out.find("\"safe\":true") == std::string::npos);
    CHECK(off.out.find("receive") != std::string::npos);
}

TEST_CASE("rules and explain describe the rules", "[cli]") {
    const Run r = copydesk("rules");
    CHECK(r.code == 0);
    CHECK(r.out.find("spelling") != std::string::npos);
    CHECK(r.out.find("repeated-word") != std::string::npos);
    const Run e = copydesk("explain repeated-word");
    CHECK(e.code == 0);
    CHECK(e.out.find("had had") != std::string::npos);
}

TEST_CASE("a style profile chooses the names forms, an unknown one is a usage error", "[cli]") {
    const std::string story = "Volodymyr Zelenskiy spoke in Kyiv on Monday.\n";
    const Run none = copydesk("lint --format line -", story);
    CHECK(none.code == 0);
    CHECK(none.out.empty());
    const Run ap = copydesk("lint --format line --style ap -", story);
    CHECK(ap.code == 1);
    CHECK(ap.out ==
          "-:1:11: warning: 'Zelenskyy' is the AP spelling; 'Zelenskiy' is the Reuters spelling. "
          "[name-variant]\n");
    const Run json = copydesk("lint --format json --style ap -", story);
    const auto j = nlohmann::json::parse(json.out);
    const auto& fix = j["files"][0]["diagnostics"][0]["fix"];
    CHECK(fix["safe"] == true);
    CHECK(fix["edits"][0]["replacement"] == "Zelenskyy");
    CHECK(copydesk("lint --style reuters -", story).code == 0);

    const Run bad = copydesk("lint --style cnn -", story);
    CHECK(bad.code == 2);
    CHECK(bad.err == "copydesk: unknown style 'cnn' (known: ap, reuters, bbc, guardian)\n");
}

TEST_CASE("an error in a names file names the file, line and column", "[cli]") {
    const fs::path data =
        fs::temp_directory_path() / ("copydesk-names-" + std::to_string(::getpid()));
    fs::create_directories(data / "dictionaries" / "names");
    std::ofstream(data / "dictionaries" / "names" / "local.yaml")
        << "entries:\n  - id: quimby\n    kind: person\n    surname: Quimby\n"
           "    variants:\n      - {surname: Quimbee, status: worng, note: typo}\n"
           "    source: Gazette\n";
    ::setenv("COPYDESK_DATA_DIR", data.c_str(), 1);
    const Run r = copydesk("lint -", "Quimby.\n");
    ::unsetenv("COPYDESK_DATA_DIR");
    fs::remove_all(data);
    CHECK(r.code == 2);
    CHECK(r.err.find("local.yaml:6:36: a variant of 'quimby': status must be wrong, dated, "
                     "other-system or historic") != std::string::npos);
}

TEST_CASE("a data folder that is missing or empty stops the run", "[cli]") {
    const fs::path empty =
        fs::temp_directory_path() / ("copydesk-empty-data-" + std::to_string(::getpid()));
    fs::create_directories(empty);
    const fs::path missing = empty / "no-such-folder";
    for (const auto& [dir, why] :
         {std::pair{missing, std::string("is not a folder")},
          std::pair{empty, std::string("holds neither dictionaries/ nor rules/")}}) {
        for (const std::string args : {"lint -", "rules"}) {
            ::setenv("COPYDESK_DATA_DIR", dir.c_str(), 1);
            const Run r = copydesk(args, "He said toi them.\n");
            ::unsetenv("COPYDESK_DATA_DIR");
            INFO(args << " with " << dir);
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            CHECK(r.err == "copydesk: COPYDESK_DATA_DIR: '" + dir.string() + "' " + why + "\n");
        }
    }
    fs::remove_all(empty);
}

TEST_CASE("explain name-variant shows how a newsroom adds its own names", "[cli]") {
    const Run r = copydesk("explain name-variant");
    CHECK(r.code == 0);
    CHECK(r.out.find("dictionaries/names/") != std::string::npos);
    CHECK(r.out.find("- extend: kyiv") != std::string::npos);
    CHECK(r.out.find("based_on: bbc") != std::string::npos);
}
