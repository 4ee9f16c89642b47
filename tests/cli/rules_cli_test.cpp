// The rule selection and description commands, and rule packs seen from the command line.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Result {
    int code;
    std::string out;
    std::string err;
};

// Runs copydesk from tests/cli with `env` (VAR=value ...) in its environment.
Result run(const std::string& args, const std::string& stdin_text = "",
           const std::string& env = "") {
    const fs::path dir =
        fs::temp_directory_path() / ("copydesk-rules-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
    std::ofstream(in, std::ios::binary) << stdin_text;
    const std::string cmd = std::string("cd '") + COPYDESK_SOURCE_DIR + "/tests/cli' && env " +
                            env + " '" + COPYDESK_EXE + "' " + args + " <'" + in.string() + "' >'" +
                            out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    auto slurp = [](const fs::path& p) {
        std::ifstream f(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(f), {});
    };
    Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    fs::remove_all(dir);
    return r;
}

}  // namespace

TEST_CASE("rules lists built-in and pack rules with their defaults", "[cli][rules]") {
    const Result r = run("rules");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("glued-web-token") != std::string::npos);
    CHECK(r.out.find("dangling-time") != std::string::npos);
    // A pack rule, its source and an off-by-default one.
    const auto eggcorns = r.out.find("\neggcorns ");
    REQUIRE(eggcorns != std::string::npos);
    CHECK(r.out.substr(eggcorns, r.out.find('\n', eggcorns + 1) - eggcorns)
              .find("typo         warning     on   pack:editorial") != std::string::npos);
    const auto wordy = r.out.find("\nwordy-phrases ");
    REQUIRE(wordy != std::string::npos);
    CHECK(r.out.substr(wordy, r.out.find('\n', wordy + 1) - wordy).find(" off ") !=
          std::string::npos);
}

TEST_CASE("explain prints the rationale and the rule's examples", "[cli][rules]") {
    const Result builtin = run("explain glued-web-token");
    REQUIRE(builtin.code == 0);
    CHECK(builtin.out.find("glued-web-token (web-residue, warning, on by default, built in)") == 0);
    CHECK(builtin.out.find("Examples:") != std::string::npos);
    CHECK(builtin.out.find("  bad:   Police said the protest was peaceful, the agency "
                           "claimed.#newshttps://t.co/x1Abc9") != std::string::npos);
    CHECK(builtin.out.find("  good:  ") != std::string::npos);

    const Result invisible = run("explain invisible-character");
    CHECK(invisible.out.find("Bundes<U+200B>bank") != std::string::npos);

    const Result pack = run("explain eggcorns");
    REQUIRE(pack.code == 0);
    CHECK(pack.out.find("substitution rule from pack 'editorial'") != std::string::npos);
    CHECK(pack.out.find("         fixed: The minister said the government could have acted "
                        "sooner.") != std::string::npos);
    CHECK(pack.out.find("See https://en.wikipedia.org/wiki/Eggcorn") != std::string::npos);
}

TEST_CASE("enable and disable choose rules and leave the paths alone", "[cli][rules]") {
    const std::string text = "The talks resumed.  Investors waited with baited breath.\n";
    const Result all = run("--format line --stdin-filename s.txt -", text);
    CHECK(all.out.find("[double-space]") != std::string::npos);
    CHECK(all.out.find("[eggcorns]") != std::string::npos);

    const Result off = run(
        "--format line --disable double-space --disable=eggcorns --stdin-filename s.txt -", text);
    CHECK(off.code == 0);
    CHECK(off.out.empty());

    const Result on =
        run("--format line --enable wordy-phrases,long-sentence "
            "--disable spelling --stdin-filename s.txt -",
            "They met in order to talk.\n");
    CHECK(on.out == "s.txt:1:10: suggestion: Use 'to' instead of 'in order to'. [wordy-phrases]\n");

    const Result unknown = run("--disable no-such-rule fixtures/clean.txt");
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("unknown rule 'no-such-rule'") != std::string::npos);
}

TEST_CASE("a broken rule pack stops the run with its file and line", "[cli][rules]") {
    const fs::path data =
        fs::temp_directory_path() / ("copydesk-data-" + std::to_string(::getpid()));
    fs::create_directories(data / "rules" / "house");
    std::ofstream(data / "rules" / "house" / "bad-regex.yaml")
        << "id: bad-regex\nextends: existence\nmessage: \"Avoid '{match}'.\"\n"
           "severity: warning\ncategory: house-style\npatterns:\n  - '[unclosed'\n";
    const std::string env = "COPYDESK_DATA_DIR='" + data.string() + "'";
    for (const std::string args : {"lint --disable spelling fixtures/clean.txt", "rules"}) {
        const Result r = run(args, "", env);
        INFO(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "copydesk: " + (data / "rules" / "house" / "bad-regex.yaml").string() +
                           ":7:5: key 'patterns': invalid regular expression '[unclosed': "
                           "missing ]: [unclosed\n");
    }
    fs::remove_all(data);
}
