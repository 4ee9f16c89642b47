#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

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

// Runs a shell command in `dir`, capturing both streams.
Result sh(const fs::path& dir, const std::string& command) {
    const fs::path out = dir.parent_path() / "out", err = dir.parent_path() / "err";
    const std::string cmd = "cd '" + dir.string() + "' && " + command + " >'" + out.string() +
                            "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// Findings as `path:line:col:rule` (message wording and suggestion ranking are not the
// subject here).
std::string findings(const std::string& jsonl) {
    std::string out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        if (j["type"] != "diagnostic") continue;
        out += j["path"].get<std::string>() + ":" + std::to_string(j["line"].get<int>()) + ":" +
               std::to_string(j["column"].get<int>()) + ":" + j["rule"].get<std::string>() + "\n";
    }
    return out;
}

std::string copydesk() {
    return std::string("'") + COPYDESK_EXE + "'";
}

// A throwaway repository: one commit of old copy with old mistakes, then edits in the
// working tree (a changed paragraph, a staged rename with a new line, a new untracked file).
class Repo {
  public:
    Repo() {
        base_ = fs::temp_directory_path() / ("copydesk-diff-" + std::to_string(::getpid()));
        fs::remove_all(base_);
        root_ = base_ / "repo";
        fs::create_directories(root_);
        git("init -q");
        git("config user.email desk@example.org");
        git("config user.name Desk");
        git("config commit.gpgsign false");
        write(root_ / "council.txt",
              "Council vote\n"
              "\n"
              "The council recieved the report on Monday.\n"
              "\n"
              "Members will vote next week.\n");
        write(root_ / "archive/ferry.txt",
              "Ferry delays\n"
              "\n"
              "The ferry was late becuase of fog.\n");
        write(root_ / "archive/café notes.txt", "Notes\n\nThe cafe opened in teh spring.\n");
        write(root_ / "unchanged.txt", "Old copy with a mistaek that nobody touched.\n");
        git("add -A");
        git("commit -q -m archive");

        // A paragraph is rewritten: a new repeated word on line 5; line 3's old typo stays.
        write(root_ / "council.txt",
              "Council vote\n"
              "\n"
              "The council recieved the report on Monday.\n"
              "\n"
              "Members will vote on the the plan next week.\n");
        // A staged rename that also gains a line.
        fs::create_directories(root_ / "stories");
        git("mv archive/ferry.txt 'stories/ferry delays.txt'");
        write(root_ / "stories/ferry delays.txt",
              "Ferry delays\n"
              "\n"
              "The ferry was late becuase of fog.\n"
              "Pasengers waited for two hours.\n");
        // A file whose non-ASCII name git would quote; one line changed.
        write(root_ / "archive/café notes.txt",
              "Notes\n\nThe cafe opened in teh spring.\nIt closes for the wintr.\n");
        // A new file nobody has added yet.
        write(root_ / "drafts/new.txt", "Draft\n\nThe mayor adressed the crowd.\n");
    }
    ~Repo() { fs::remove_all(base_); }

    [[nodiscard]] const fs::path& root() const { return root_; }

    Result lint(const std::string& args, const fs::path& where = {}) const {
        return sh(where.empty() ? root_ : where, copydesk() + " lint " + args);
    }

  private:
    void git(const std::string& args) const {
        const Result r = sh(root_, "git " + args);
        INFO("git " << args << ": " << r.err);
        REQUIRE(r.code == 0);
    }

    fs::path base_;
    fs::path root_;
};

}  // namespace

TEST_CASE("diff-base reports only findings on lines changed since the revision",
          "[cli][diff-base]") {
    const Repo repo;
    const Result r = repo.lint("--format jsonl --diff-base HEAD .");
    CHECK(r.err.empty());
    CHECK(r.code == 1);
    // Not reported: council.txt:3 "recieved", the renamed file's line 3 "becuase", the café
    // file's line 3 "teh" and unchanged.txt, all in the old copy.
    CHECK(findings(r.out) ==
          "./archive/café notes.txt:4:19:spelling\n"   // "wintr", a changed line
          "./council.txt:5:22:repeated-word\n"         // the rewritten paragraph
          "./drafts/new.txt:3:11:spelling\n"           // untracked: every line is new
          "./stories/ferry delays.txt:4:1:spelling\n"  // the line added after the move
    );
}

TEST_CASE("without diff-base the old mistakes are all reported", "[cli][diff-base]") {
    const Repo repo;
    const Result r = repo.lint("--format jsonl council.txt unchanged.txt");
    CHECK(findings(r.out) ==
          "council.txt:3:13:spelling\n"
          "council.txt:5:22:repeated-word\n"
          "unchanged.txt:1:17:spelling\n");
}

TEST_CASE("diff-base: an old archive with no new mistakes passes", "[cli][diff-base]") {
    const Repo repo;
    const Result r = repo.lint("--format json --diff-base HEAD unchanged.txt council.txt");
    CHECK(r.code == 1);  // council.txt has a new repeated word
    const Result clean = repo.lint("--diff-base HEAD unchanged.txt");
    CHECK(clean.code == 0);
    CHECK(clean.out.empty());
    // Against the working tree's own state nothing is new.
    const Result all = sh(repo.root(), "git add -A && git commit -q -m edits && " + copydesk() +
                                           " lint --diff-base HEAD .");
    CHECK(all.code == 0);
    CHECK(all.out.empty());
}

TEST_CASE("diff-base maps paths given from a subfolder", "[cli][diff-base]") {
    const Repo repo;
    const Result r = repo.lint("--format jsonl --diff-base HEAD ../council.txt 'ferry delays.txt'",
                               repo.root() / "stories");
    CHECK(findings(r.out) ==
          "../council.txt:5:22:repeated-word\n"
          "ferry delays.txt:4:1:spelling\n");
}

TEST_CASE("diff-base with an unknown revision or outside a repository is an error",
          "[cli][diff-base]") {
    const Repo repo;
    const Result bad = repo.lint("--diff-base no-such-branch council.txt");
    CHECK(bad.code == 2);
    CHECK(bad.err == "copydesk: --diff-base: unknown git revision 'no-such-branch'\n");
    const Result option = repo.lint("--diff-base=--output=x council.txt");
    CHECK(option.code == 2);
    CHECK(option.err.find("is not a git revision") != std::string::npos);
    const Result stdin_input = repo.lint("--diff-base HEAD -");
    CHECK(stdin_input.code == 2);
    CHECK(stdin_input.err.find("cannot read stdin") != std::string::npos);
    const fs::path outside =
        fs::temp_directory_path() / ("copydesk-nogit-" + std::to_string(::getpid()));
    fs::create_directories(outside);
    write(outside / "a.txt", "Text.\n");
    const Result no_repo =
        sh(outside, "GIT_CEILING_DIRECTORIES='" + outside.parent_path().string() + "' " +
                        copydesk() + " lint --diff-base HEAD a.txt");
    fs::remove_all(outside);
    CHECK(no_repo.code == 2);
    CHECK(no_repo.err.find("copydesk: --diff-base needs a git repository: fatal: not a git "
                           "repository") == 0);
}
