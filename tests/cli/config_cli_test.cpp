// copydesk on a repository of articles: nested configs, overrides, ignores, init, config --show.
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

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

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

// A scratch repository, removed at the end of the test.
class Repo {
  public:
    Repo() {
        static int n = 0;
        root_ = fs::temp_directory_path() /
                ("copydesk-repo-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(root_);
        fs::create_directories(root_ / ".git");
    }
    ~Repo() {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }
    Repo(const Repo&) = delete;
    Repo& operator=(const Repo&) = delete;

    void write(const std::string& rel, const std::string& text) const {
        fs::create_directories((root_ / rel).parent_path());
        std::ofstream(root_ / rel, std::ios::binary) << text;
    }
    [[nodiscard]] const fs::path& root() const { return root_; }

    // Runs copydesk in folder `rel` of the repository.
    Run copydesk(const std::string& args, const std::string& rel = ".",
                 const std::string& stdin_text = "") const {
        const fs::path io = root_.string() + "-io";
        fs::create_directories(io);
        std::ofstream(io / "stdin", std::ios::binary) << stdin_text;
        const std::string cmd = "cd '" + (root_ / rel).string() + "' && '" + COPYDESK_EXE + "' " +
                                args + " <'" + (io / "stdin").string() + "' >'" +
                                (io / "stdout").string() + "' 2>'" + (io / "stderr").string() + "'";
        const int status = std::system(cmd.c_str());
        Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(io / "stdout"),
              slurp(io / "stderr")};
        fs::remove_all(io);
        return r;
    }

  private:
    fs::path root_;
};

// "line:col severity rule" for each finding of file `index` of a JSON report.
std::vector<std::string> findings(const nlohmann::json& j, std::size_t index) {
    std::vector<std::string> out;
    for (const auto& d : j["files"][index]["diagnostics"]) {
        out.push_back(std::to_string(d["line"].get<int>()) + ":" +
                      std::to_string(d["column"].get<int>()) + " " +
                      d["severity"].get<std::string>() + " " + d["rule"].get<std::string>());
    }
    return out;
}

void write_newsroom(const Repo& repo) {
    repo.write(".copydesk.yaml",
               "ignore: [drafts/]\n"
               "include: [\"**/*.rst\"]\n"
               "vocabulary:\n"
               "  accept: [Kowalczyk]\n"
               "  reject: {Kiev: Kyiv}\n"
               "overrides:\n"
               "  - files: [\"archive/**\"]\n"
               "    report_level: error\n");
    repo.write(".gitignore", "build/\n*.tmp.md\n!keep.tmp.md\n");
    repo.write("news/story.md",
               "---\ntitle: Teh talks resume\nauthor: Marta Kowalzcyk\n---\n"
               "Marta Kowalczyk flew to Kiev, where teh talks resumed.\n");
    repo.write("news/keep.tmp.md", "He said teh talks resumed.\n");
    repo.write("news/scratch.tmp.md", "He said teh talks resumed.\n");
    repo.write("archive/2019/old.md", "He flew to Kiev, where teh talks resumed.\n");
    repo.write("drafts/wip.md", "Teh draft.\n");
    repo.write("build/out.html", "<p>Teh build.</p>\n");
    repo.write(".hidden/x.md", "Teh hidden.\n");
    repo.write("docs/.copydesk.yaml",
               "language: en_GB\nrules:\n  spelling: error\nfront_matter: [title, dek]\n");
    repo.write("docs/guide.md",
               "---\ndek: Teh colour guide\nsummary: Teh summary\n---\nThe colour of teh flag.\n");
    repo.write("docs/api/page.rst", "The colour of teh page.\n");
    repo.write("docs/api/page.py", "# teh code\n");
    repo.write("docs/api/.gitignore", "generated.md\n");
    repo.write("docs/api/generated.md", "Teh generated page.\n");
    repo.write("notes.txt",
               "copydesk-disable-next-line spelling\nTeh first line.\nTeh second line.\n");
}

}  // namespace

TEST_CASE("a repository linted from the top: nested configs, overrides, ignores", "[config]") {
    Repo repo;
    write_newsroom(repo);
    const Run r = repo.copydesk("lint --format json .");
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.empty());
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> paths;
    for (const auto& f : j["files"]) paths.push_back(f["path"]);
    CHECK(paths == std::vector<std::string>{"./archive/2019/old.md", "./docs/api/page.rst",
                                            "./docs/guide.md", "./news/keep.tmp.md",
                                            "./news/story.md", "./notes.txt"});
    // archive/**: errors only (the rejected form), the typo is below the report level.
    CHECK(findings(j, 0) == std::vector<std::string>{"1:12 error rejected-term"});
    // docs/: en_GB (colour is right), spelling raised to error; the .rst file by `include`.
    CHECK(findings(j, 1) == std::vector<std::string>{"1:15 error spelling"});
    // docs/ front matter keys: title and dek, not summary.
    CHECK(findings(j, 2) == std::vector<std::string>{"2:6 error spelling", "5:15 error spelling"});
    CHECK(findings(j, 3) == std::vector<std::string>{"1:9 warning spelling"});
    // The author key is not prose; Kowalczyk is accepted; Kiev is rejected.
    CHECK(findings(j, 4) == std::vector<std::string>{"2:8 warning spelling",
                                                     "5:25 error rejected-term",
                                                     "5:37 warning spelling"});
    CHECK(findings(j, 5) == std::vector<std::string>{"3:1 warning spelling"});
}

TEST_CASE("files of one folder each keep the overrides that match them", "[config]") {
    // A folder's files share its resolved configuration unless an override names files:
    // then each is resolved, whatever the order they come in.
    Repo repo;
    repo.write(".copydesk.yaml",
               "overrides:\n"
               "  - files: [\"desk/wire-*.md\"]\n"
               "    report_level: error\n");
    for (const char* name :
         {"desk/a-staff.md", "desk/wire-1.md", "desk/z-staff.md", "plain/a.md", "plain/b.md"}) {
        repo.write(name, "He said teh talks resumed.\n");
    }
    const Run r = repo.copydesk(
        "lint --format json desk/a-staff.md desk/wire-1.md desk/z-staff.md plain/a.md "
        "plain/b.md");
    INFO(r.err);
    CHECK(r.code == 1);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["files"].size() == 5);
    const std::vector<std::string> typo{"1:9 warning spelling"};
    CHECK(findings(j, 0) == typo);
    CHECK(findings(j, 1).empty());  // a warning, below the override's report level
    CHECK(findings(j, 2) == typo);
    CHECK(findings(j, 3) == typo);
    CHECK(findings(j, 4) == typo);
}

TEST_CASE("files named on the command line are linted even when ignored", "[config]") {
    Repo repo;
    write_newsroom(repo);
    const Run r = repo.copydesk("lint --format line drafts/wip.md build/out.html");
    CHECK(r.code == 1);
    CHECK(r.out.find("drafts/wip.md:1:1: warning: Unknown word 'Teh'") != std::string::npos);
    CHECK(r.out.find("build/out.html:1:4: warning: Unknown word 'Teh'") != std::string::npos);
}

TEST_CASE("the config of a file's folder applies when linting from elsewhere", "[config]") {
    Repo repo;
    write_newsroom(repo);
    const Run r = repo.copydesk("lint --format line guide.md", "docs");
    CHECK(r.out.find("guide.md:5:15: error: Unknown word 'teh'") != std::string::npos);
    const Run stdin_run =
        repo.copydesk("lint --format line --stdin-filename docs/x.md -", ".",
                      "---\ndek: Teh words\n---\nThe `teh` colour of teh flag.\n");
    CHECK(stdin_run.out ==
          "docs/x.md:2:6: error: Unknown word 'Teh'; did you mean 'The'? [spelling]\n"
          "docs/x.md:4:21: error: Unknown word 'teh'; did you mean 'the'? [spelling]\n");
}

TEST_CASE("flags override the config files", "[config]") {
    Repo repo;
    write_newsroom(repo);
    // docs/ says en_GB; the flag's language is the one looked for.
    const Run r = repo.copydesk("lint --format line --lang xx_XX docs/guide.md");
    CHECK(r.code == 2);
    CHECK(r.err.find("xx_XX") != std::string::npos);
    // news/ findings are warnings: below an --report-level of error.
    const Run quiet = repo.copydesk("lint --format line --report-level error news/keep.tmp.md");
    CHECK(quiet.out.empty());
    const Run shown = repo.copydesk("lint --format line news/keep.tmp.md");
    CHECK(shown.out.find("Unknown word 'teh'") != std::string::npos);
    const Run off = repo.copydesk("lint --format line --disable spelling docs/guide.md");
    CHECK(off.code == 0);
    CHECK(off.out.empty());
    const Run fail = repo.copydesk("lint --fail-level error news/keep.tmp.md");
    CHECK(fail.code == 0);
}

TEST_CASE("the file given with --config replaces the ones found", "[config]") {
    Repo repo;
    write_newsroom(repo);
    repo.write("strict.yaml", "report_level: error\nrules: {spelling: error}\n");
    const Run r = repo.copydesk("lint --format line --config strict.yaml news/story.md");
    CHECK(r.out.find("error: Unknown word 'teh'") != std::string::npos);
    CHECK(r.out.find("rejected-term") ==
          std::string::npos);  // the repository's vocabulary is not read
    CHECK(repo.copydesk("lint --config nope.yaml news/story.md").code == 2);
}

TEST_CASE("an invalid config is an error naming file, line and key, other files go on",
          "[config]") {
    Repo repo;
    write_newsroom(repo);
    repo.write("docs/.copydesk.yaml", "language: en_GB\nrules:\n  speling: error\n");
    const Run r = repo.copydesk("lint --format json .");
    CHECK(r.code == 2);
    CHECK(r.err ==
          "copydesk: docs/.copydesk.yaml:3:3: unknown rule 'speling'; did you mean "
          "'spelling'?\n");
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["files"][2]["path"] == "./docs/guide.md");
    CHECK(j["files"][2].contains("error"));
    CHECK(findings(j, 4).size() == 3);  // news/story.md still linted

    repo.write("docs/.copydesk.yaml", "fail_level: loud\n");
    const Run bad = repo.copydesk("lint docs/guide.md");
    CHECK(bad.code == 2);
    CHECK(bad.err ==
          "copydesk: docs/.copydesk.yaml:1:13: 'fail_level' is suggestion, warning or "
          "error, not 'loud'\n");
    const Run show = repo.copydesk("config --show docs/guide.md");
    CHECK(show.code == 2);
}

TEST_CASE("config --show prints the configuration in force", "[config]") {
    Repo repo;
    write_newsroom(repo);
    const Run r = repo.copydesk("config --show archive/2019/old.md");
    CHECK(r.code == 0);
    CHECK(r.out.find("#   .copydesk.yaml (files: archive/**)\n") != std::string::npos);
    CHECK(r.out.find("report_level: error\n") != std::string::npos);
    CHECK(r.out.find("  spelling: warning\n") != std::string::npos);
    CHECK(r.out.find("    - Kiev: Kyiv\n") != std::string::npos);
    const Run docs = repo.copydesk("config --show guide.md --disable repeated-word", "docs");
    CHECK(docs.out.find("language: en_GB\n") != std::string::npos);
    CHECK(docs.out.find("  spelling: error\n") != std::string::npos);
    CHECK(docs.out.find("  repeated-word: off\n") != std::string::npos);
    CHECK(docs.out.find("front_matter: [title, dek]\n") != std::string::npos);
    CHECK(docs.out.find("and the command-line flags") != std::string::npos);
}

TEST_CASE("init writes a starter config that works and does not overwrite", "[config]") {
    Repo repo;
    const Run r = repo.copydesk("init");
    CHECK(r.code == 0);
    CHECK(r.out == "wrote ./.copydesk.yaml\n");
    CHECK(fs::exists(repo.root() / ".copydesk.yaml"));
    repo.write("a.md", "He said teh talks resumed.\n");
    const Run lint = repo.copydesk("lint --format line a.md");
    CHECK(lint.code == 1);
    CHECK(lint.err.empty());
    const Run again = repo.copydesk("init");
    CHECK(again.code == 2);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(repo.copydesk("init --force").code == 0);
}

TEST_CASE("fix reads the config files too", "[config]") {
    Repo repo;
    repo.write("news/story.md",
               "---\ntitle: He said the the talks resumed\n---\nThe the talks resumed.\n");
    CHECK(repo.copydesk("fix --check --quiet news/story.md").code == 1);
    repo.write("news/.copydesk.yaml", "rules: {repeated-word: off}\n");
    CHECK(repo.copydesk("fix --check --quiet news/story.md").code == 0);
    // Front-matter keys follow the config: only the title is prose here, and it is fixed.
    repo.write("news/.copydesk.yaml", "front_matter: [title]\n");
    const Run r = repo.copydesk("fix --quiet news/story.md");
    CHECK(r.code == 0);
    CHECK(slurp(repo.root() / "news" / "story.md") ==
          "---\ntitle: He said the talks resumed\n---\nThe talks resumed.\n");
}
