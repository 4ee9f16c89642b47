// `--output FILE` and `--format html` through the real binary.

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
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

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

// A scratch folder, removed at the end of the test.
struct Scratch {
    fs::path dir;
    Scratch() {
        dir = fs::temp_directory_path() /
              ("copydesk-output-" + std::to_string(::getpid()) + "-" + std::to_string(++count()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    static int& count() {
        static int n = 0;
        return n;
    }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
        std::sort(names.begin(), names.end());
        return names;
    }
};

// Runs copydesk in tests/cli with `args`; stdout and stderr captured beside `scratch`.
Result run(const Scratch& scratch, const std::string& args) {
    const fs::path out = scratch.dir.parent_path() / (scratch.dir.filename().string() + ".out");
    const fs::path err = scratch.dir.parent_path() / (scratch.dir.filename().string() + ".err");
    const std::string cmd = std::string("cd '") + COPYDESK_SOURCE_DIR + "/tests/cli' && '" +
                            COPYDESK_EXE + "' " + args + " </dev/null >'" + out.string() + "' 2>'" +
                            err.string() + "'";
    const int status = std::system(cmd.c_str());
    Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    fs::remove(out);
    fs::remove(err);
    return r;
}

}  // namespace

TEST_CASE("a report written with --output goes to that file, nothing to stdout", "[cli][output]") {
    Scratch s;
    const fs::path report = s.dir / "report.html";
    const Result r =
        run(s, "lint --format html --output '" + report.string() + "' fixtures/typo.txt");
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    const std::string html = slurp(report);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<bdi>fixtures/typo.txt</bdi>") != std::string::npos);
    CHECK(html.find(">toi</mark>") != std::string::npos);
    CHECK(html.ends_with("</html>\n"));
    CHECK(s.entries() == std::vector<std::string>{"report.html"});  // no temporary file left
}

TEST_CASE("every format can be written with --output, - means stdout", "[cli][output]") {
    Scratch s;
    const fs::path report = s.dir / "report.json";
    CHECK(run(s, "lint --format json -o '" + report.string() + "' fixtures/typo.txt").code == 1);
    CHECK(nlohmann::json::parse(slurp(report))["summary"]["warnings"] == 1);
    const Result r = run(s, "lint --format line -o - fixtures/typo.txt");
    CHECK(r.out.find("fixtures/typo.txt:3:14: warning:") == 0);
}

TEST_CASE("a new report replaces the earlier one and keeps its permissions", "[cli][output]") {
    Scratch s;
    const fs::path report = s.dir / "report.html";
    std::ofstream(report) << "old report";
    fs::permissions(report, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    CHECK(run(s, "lint --format html -o '" + report.string() + "' fixtures/clean.txt").code == 0);
    CHECK(slurp(report).find("No findings.") != std::string::npos);
    CHECK(fs::status(report).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(s.entries() == std::vector<std::string>{"report.html"});
}

TEST_CASE("an unwritable --output is an error before anything is linted", "[cli][output]") {
    Scratch s;
    const fs::path report = s.dir / "no-such-folder" / "report.html";
    const Result r = run(s, "lint --format html -o '" + report.string() + "' fixtures/typo.txt");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "copydesk: " + report.string() +
                       ": cannot write the report: No such file or directory\n");
    const Result folder = run(s, "lint -o '" + s.dir.string() + "' fixtures/typo.txt");
    CHECK(folder.code == 2);
    CHECK(folder.err == "copydesk: " + s.dir.string() + ": cannot write the report: is a folder\n");
    CHECK(s.entries().empty());
}

TEST_CASE("a report never replaces an input file", "[cli][output]") {
    Scratch s;
    const fs::path article = s.dir / "story.txt";
    std::ofstream(article) << "The minister toi reporters.\n";
    const Result r =
        run(s, "lint --format html -o '" + article.string() + "' '" + s.dir.string() + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("the report would overwrite an input file") != std::string::npos);
    CHECK(slurp(article) == "The minister toi reporters.\n");
}

TEST_CASE("a file that cannot be read is in the report and fails the run", "[cli][output]") {
    Scratch s;
    const fs::path report = s.dir / "report.html";
    const Result r = run(
        s, "lint --format html -o '" + report.string() + "' fixtures/nope.txt fixtures/typo.txt");
    CHECK(r.code == 2);
    CHECK(r.err == "copydesk: fixtures/nope.txt: no such file\n");
    const std::string html = slurp(report);
    CHECK(html.find("Not checked: no such file") != std::string::npos);
    CHECK(html.find(">toi</mark>") != std::string::npos);
}
