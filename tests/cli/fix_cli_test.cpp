// `copydesk fix` end to end, on copies in a scratch folder.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

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

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

void write(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// A scratch folder holding `work/` (where copydesk runs) and the captured streams beside it.
class Scratch {
  public:
    explicit Scratch(const std::string& name)
        : root_(fs::temp_directory_path() /
                ("copydesk-fixcli-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(root_);
        fs::create_directories(root_ / "work");
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        (void)std::system(("chmod -R u+rwx '" + root_.string() + "' 2>/dev/null").c_str());
        std::error_code ec;
        fs::remove_all(root_, ec);
    }

    [[nodiscard]] fs::path work() const { return root_ / "work"; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return work() / name; }

    // Runs `copydesk ARGS` in work/ with `stdin_text` on standard input.
    Run copydesk(const std::string& args, const std::string& stdin_text = "") const {
        return shell("'" COPYDESK_EXE "' " + args, stdin_text);
    }

    // Runs a shell command in work/ (COPYDESK names the executable).
    Run shell(const std::string& command, const std::string& stdin_text = "") const {
        const fs::path in = root_ / "stdin", out = root_ / "stdout", err = root_ / "stderr";
        write(in, stdin_text);
        const std::string cmd = "cd '" + work().string() +
                                "' && export COPYDESK='" COPYDESK_EXE "' && (" + command + ") <'" +
                                in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
        const int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }

  private:
    fs::path root_;
};

const std::string kStory =
    "Officials said the the talks would resume on Tuesday.\n"
    "The minister said toi reporters that the delegation would fly to\n"
    "to Ankara.\n";
const std::string kStoryFixed =
    "Officials said the talks would resume on Tuesday.\n"
    "The minister said toi reporters that the delegation would fly to\n"
    "Ankara.\n";

}  // namespace

TEST_CASE("fix applies the safe fixes in place and says what is left", "[cli][fix]") {
    Scratch s("in-place");
    write(s / "story.txt", kStory);
    const Run r = s.copydesk("fix story.txt");
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(slurp(s / "story.txt") == kStoryFixed);
    // Hunspell's guesses are never applied: "toi" is left for an editor, at its new position.
    CHECK(r.err.find("story.txt: 2 fixes applied (repeated-word 2)\n"
                     "story.txt:2:19: warning: Unknown word 'toi'") == 0);
    CHECK(r.err.find("[spelling]\ncopydesk fix: 2 fixes applied in 1 of 1 file; 1 finding left "
                     "for an editor\n") != std::string::npos);

    const Run again = s.copydesk("fix story.txt");
    CHECK(again.code == 0);
    CHECK(slurp(s / "story.txt") == kStoryFixed);
    CHECK(again.err.find("0 fixes applied in 0 of 1 file; 1 finding left") != std::string::npos);
}

TEST_CASE("fix --diff prints a unified diff that patch applies, and changes nothing",
          "[cli][fix]") {
    Scratch s("diff");
    write(s / "story.txt", kStory);
    const Run r = s.copydesk("fix --diff story.txt");
    CHECK(r.code == 0);
    CHECK(r.out ==
          "--- story.txt\n+++ story.txt\n@@ -1,3 +1,3 @@\n"
          "-Officials said the the talks would resume on Tuesday.\n"
          "+Officials said the talks would resume on Tuesday.\n"
          " The minister said toi reporters that the delegation would fly to\n"
          "-to Ankara.\n"
          "+Ankara.\n");
    CHECK(slurp(s / "story.txt") == kStory);
    // Positions of the remaining findings refer to the unchanged file.
    CHECK(r.err.find("story.txt: 2 fixes to apply (repeated-word 2)\n"
                     "story.txt:2:19: warning: Unknown word 'toi'") == 0);
    if (std::system("command -v patch >/dev/null 2>&1") == 0) {
        const Run p = s.shell("\"$COPYDESK\" fix -q --diff story.txt | patch -s -p0");
        CHECK(p.code == 0);
        CHECK(slurp(s / "story.txt") == kStoryFixed);
    }
}

TEST_CASE("fix --check exits 1 when a file would change, and changes nothing", "[cli][fix]") {
    Scratch s("check");
    write(s / "story.txt", kStory);
    write(s / "clean.txt", kStoryFixed);
    Run r = s.copydesk("fix --check story.txt clean.txt");
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(slurp(s / "story.txt") == kStory);
    CHECK(r.err.find("copydesk fix: 2 fixes to apply in 1 of 2 files") != std::string::npos);
    CHECK(s.copydesk("fix --check clean.txt").code == 0);
    r = s.copydesk("fix --check --diff -q story.txt");
    CHECK(r.code == 1);
    CHECK(r.out.find("+++ story.txt\n") != std::string::npos);
    CHECK(r.err.empty());
    CHECK(slurp(s / "story.txt") == kStory);
}

TEST_CASE("fix - reads stdin and writes the fixed text to stdout", "[cli][fix]") {
    Scratch s("stdin");
    Run r = s.copydesk("fix -", kStory);
    CHECK(r.code == 0);
    CHECK(r.out == kStoryFixed);
    CHECK(r.err.find("-: 2 fixes applied (repeated-word 2)\n") == 0);
    r = s.copydesk("fix -q --stdin-filename drafts/story.txt -", kStoryFixed);
    CHECK(r.code == 0);
    CHECK(r.out == kStoryFixed);  // unchanged text passes through
    CHECK(r.err.empty());
    r = s.copydesk("fix --check -", kStory);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    // Nothing was written, so positions refer to the input as given.
    CHECK(r.err.find("-:2:19: warning: Unknown word 'toi'") != std::string::npos);
    r = s.copydesk("fix -", "He said the the plan\nwas toi late.\n");
    CHECK(r.err.find("-:2:5: warning: Unknown word 'toi'") != std::string::npos);
    r = s.copydesk("fix --check -", "He said the the plan was\ntoi late.\n");
    CHECK(r.err.find("-:2:1: warning: Unknown word 'toi'") != std::string::npos);
    r = s.copydesk("fix -", "He said the the plan was toi late.\n");
    CHECK(r.err.find("-:1:22: warning: Unknown word 'toi'") != std::string::npos);
    r = s.copydesk("fix --diff -", "He said the the plan was toi late.\n");
    CHECK(r.err.find("-:1:26: warning: Unknown word 'toi'") != std::string::npos);
    r = s.copydesk("fix --diff --stdin-filename story.txt -", kStory);
    CHECK(r.out.find("--- story.txt\n+++ story.txt\n@@ -1,3 +1,3 @@\n") == 0);
    // Text that cannot be read is passed through untouched, so a pipeline never loses it.
    const std::string bad = "The the caf\xE9 opened.\n";
    r = s.copydesk("fix -", bad);
    CHECK(r.code == 2);
    CHECK(r.out == bad);
    CHECK(r.err.find("copydesk: -:1:12: invalid UTF-8 (byte offset 11)\n") == 0);
}

TEST_CASE("fix keeps every byte outside the fixes: BOM, CRLF, CR, no final newline", "[cli][fix]") {
    Scratch s("bytes");
    write(s / "story.txt", "\xEF\xBB\xBFOne the the two.\r\nThree.\rFour of of five.\r\n\r\nSix");
    const Run r = s.copydesk("fix -q story.txt");
    CHECK(r.code == 0);
    CHECK(slurp(s / "story.txt") == "\xEF\xBB\xBFOne the two.\r\nThree.\rFour of five.\r\n\r\nSix");
}

TEST_CASE("fix --rule limits the fixes to those rules", "[cli][fix]") {
    Scratch s("rule");
    Run r = s.copydesk("fix --rule spelling -", kStory);
    CHECK(r.code == 0);
    CHECK(r.out == kStory);
    CHECK(r.err.find("-:2:19: warning: Unknown word 'toi'") == 0);  // spelling findings only
    CHECK(r.err.find("repeated-word") == std::string::npos);
    r = s.copydesk("fix --rule repeated-word -", kStory);
    CHECK(r.out == kStoryFixed);
    CHECK(r.err.find("[spelling]") == std::string::npos);
    r = s.copydesk("fix --rule no-such-rule -", kStory);
    CHECK(r.code == 2);
    CHECK(r.err.find("copydesk: unknown rule 'no-such-rule'") == 0);
    CHECK(r.out == kStory);  // a filter passes the text through rather than lose it
}

TEST_CASE("fix: one bad file does not stop the others, and nothing is lost", "[cli][fix]") {
    Scratch s("errors");
    write(s / "a-readonly.txt", kStory);
    REQUIRE(::chmod((s / "a-readonly.txt").c_str(), 0444) == 0);
    write(s / "b-bad-utf8.txt", "The the caf\xE9.\n");
    write(s / "c-good.txt", kStory);
    write(s / "locked/d.txt", kStory);
    REQUIRE(::chmod((s / "locked").c_str(), 0555) == 0);
    const Run r =
        s.copydesk("fix missing.txt a-readonly.txt b-bad-utf8.txt c-good.txt locked/d.txt");
    CHECK(r.code == 2);
    CHECK(r.err.find("copydesk: missing.txt: no such file\n") != std::string::npos);
    CHECK(r.err.find("copydesk: a-readonly.txt: cannot fix: read-only file (no write "
                     "permission); the file is unchanged\n") != std::string::npos);
    CHECK(r.err.find("copydesk: b-bad-utf8.txt:1:12: invalid UTF-8 (byte offset 11)\n") !=
          std::string::npos);
    CHECK(r.err.find("copydesk: locked/d.txt: cannot fix: read-only folder (no write "
                     "permission); the file is unchanged\n") != std::string::npos);
    CHECK(slurp(s / "a-readonly.txt") == kStory);
    CHECK(slurp(s / "b-bad-utf8.txt") == "The the caf\xE9.\n");
    CHECK(slurp(s / "c-good.txt") == kStoryFixed);
    CHECK(slurp(s / "locked/d.txt") == kStory);
    CHECK(std::distance(fs::directory_iterator(s.work()), fs::directory_iterator()) == 4);
    CHECK(std::distance(fs::directory_iterator(s / "locked"), fs::directory_iterator()) == 1);
}

TEST_CASE("fix follows a symbolic link to its file and keeps the link", "[cli][fix]") {
    Scratch s("symlink");
    write(s / "real/story.txt", kStory);
    fs::create_symlink("real/story.txt", s / "story.txt");
    const Run r = s.copydesk("fix -q story.txt");
    CHECK(r.code == 0);
    CHECK(fs::is_symlink(s / "story.txt"));
    CHECK(slurp(s / "real/story.txt") == kStoryFixed);
}

TEST_CASE("fix walks folders like lint: text files only, hidden ones skipped", "[cli][fix]") {
    Scratch s("folder");
    write(s / "drafts/a.txt", kStory);
    write(s / "drafts/sub/b.md", kStory);
    write(s / "drafts/.hidden.txt", kStory);
    write(s / "drafts/notes.csv", kStory);
    const Run r = s.copydesk("fix drafts");
    CHECK(r.code == 0);
    CHECK(slurp(s / "drafts/a.txt") == kStoryFixed);
    CHECK(slurp(s / "drafts/sub/b.md") == kStoryFixed);
    CHECK(slurp(s / "drafts/.hidden.txt") == kStory);
    CHECK(slurp(s / "drafts/notes.csv") == kStory);
    CHECK(r.err.find("copydesk fix: 4 fixes applied in 2 of 2 files; 2 findings left") !=
          std::string::npos);
}

TEST_CASE("fix on a full disk (a 64 KiB tmpfs) leaves the original", "[cli][fix]") {
    Scratch s("tmpfs");
    // About 40 KiB of copy: the temporary file cannot fit beside it.
    std::string big;
    while (big.size() < 40 * 1024) big += kStory;
    write(s / "big.txt", big);
    fs::create_directories(s / "mnt");
    const Run probe = s.shell("unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs mnt' 2>&1");
    if (probe.code != 0) {
        WARN("skipped: cannot mount a tmpfs in a private mount namespace here: " << probe.out);
        return;
    }
    const Run r = s.shell(
        "unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs mnt && cp big.txt mnt/ && "
        "\"$COPYDESK\" fix -q mnt/big.txt; echo $? >rc; cmp big.txt mnt/big.txt >cmp 2>&1; "
        "ls -A mnt >listing'");
    CHECK(r.err.find("copydesk: mnt/big.txt: cannot fix: cannot write") == 0);
    CHECK(r.err.find("No space left on device; the file is unchanged\n") != std::string::npos);
    CHECK(slurp(s / "rc") == "2\n");
    CHECK(slurp(s / "cmp").empty());  // byte for byte the same
    CHECK(slurp(s / "listing") == "big.txt\n");
}

TEST_CASE("fix skips binary files like lint", "[cli][fix]") {
    Scratch s("binary");
    write(s / "image.txt", std::string("PNG\0\0data the the", 18));
    const Run r = s.copydesk("fix image.txt");
    CHECK(r.code == 0);
    CHECK(r.err.find("copydesk: image.txt: binary file") == 0);
    CHECK(slurp(s / "image.txt") == std::string("PNG\0\0data the the", 18));
}

TEST_CASE("every fix option is documented in docs/cli.md and the README", "[cli][fix]") {
    Scratch s("docs");
    const Run help = s.copydesk("fix --help");
    REQUIRE(help.code == 0);
    const std::string cli_md = slurp(fs::path(COPYDESK_SOURCE_DIR) / "docs" / "cli.md");
    const std::string readme = slurp(fs::path(COPYDESK_SOURCE_DIR) / "README.md");
    CHECK(readme.find("copydesk fix PATH...") != std::string::npos);
    std::size_t options = 0;
    for (std::size_t at = help.out.find("--"); at != std::string::npos;
         at = help.out.find("--", at + 2)) {
        const std::size_t end = help.out.find_first_of(" ,\n", at);
        const std::string option = help.out.substr(at, end - at);
        if (option == "--help") continue;
        ++options;
        INFO("option " << option);
        CHECK(cli_md.find("`" + option) != std::string::npos);
        CHECK(readme.find(option) != std::string::npos);
    }
    CHECK(options == 11);
}
