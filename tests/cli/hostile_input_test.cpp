// Inputs that must give a clear error or a correct result, never a hang, a crash or a loss.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "support.hpp"

using copydesk::test::ScratchDir;

TEST_CASE("files over --max-file-size are refused with their name; the others are linted",
          "[cli][hostile]") {
    const ScratchDir dir("big");
    dir.write("big.txt", std::string(2 << 20, 'a') + "\n");  // 2 MiB, one line
    dir.write("story.txt", "He said the the plan would pass.\n");
    const auto r = dir.copydesk("lint --max-file-size 1M --format line big.txt story.txt");
    CHECK(r.code == 2);
    CHECK(r.err ==
          "copydesk: big.txt: larger than the maximum file size of 1 MiB (--max-file-size)\n");
    CHECK(r.out ==
          "story.txt:1:9: warning: Repeated word 'the'; delete one of them. "
          "[repeated-word]\n");
    // Under the default of 64 MiB the same file is linted (a long line of one word).
    CHECK(dir.copydesk("lint big.txt").code != 2);
    // fix refuses it too and leaves it alone; a filter passes stdin through unchanged.
    const auto fix = dir.copydesk("fix --max-file-size 10 story.txt");
    CHECK(fix.code == 2);
    CHECK(copydesk::test::slurp(dir.path() / "story.txt") == "He said the the plan would pass.\n");
    const auto filter = dir.copydesk("fix --max-file-size 10 - < story.txt");
    CHECK(filter.code == 2);
    CHECK(filter.out == "He said the the plan would pass.\n");
    CHECK(dir.copydesk("lint --max-file-size 12Q story.txt").code == 2);
}

TEST_CASE("a FIFO and a process substitution are read like files; a walk skips FIFOs",
          "[cli][hostile]") {
    const ScratchDir dir("fifo");
    dir.write("desk/a.txt", "He said the the plan would pass.\n");
    REQUIRE(::mkfifo((dir.path() / "desk" / "pipe.txt").c_str(), 0600) == 0);
    // Named with no writer: read as empty, no hang.
    const auto alone = dir.copydesk("lint --format line desk/pipe.txt");
    CHECK(alone.code == 0);
    const auto fed = dir.copydesk(
        "lint --format line desk/pipe.txt & printf 'They met on on Monday.\\n' > desk/pipe.txt; "
        "wait");
    CHECK(fed.out.find("desk/pipe.txt:1:10: warning: Repeated word 'on'") == 0);
    const auto walk = dir.copydesk("lint --format line desk");
    CHECK(walk.code == 1);
    CHECK(walk.out.find("pipe.txt") == std::string::npos);
    CHECK(walk.out.find("desk/a.txt:1:9:") == 0);
}

TEST_CASE("a symbolic link loop in a folder walk ends", "[cli][hostile]") {
    const ScratchDir dir("loop");
    dir.write("desk/a.txt", "He said the the plan would pass.\n");
    std::filesystem::create_directory_symlink("..", dir.path() / "desk" / "up");
    std::filesystem::create_directory_symlink("loop", dir.path() / "desk" / "loop");
    const auto r = dir.copydesk("lint --format line desk");
    CHECK(r.code == 1);
    CHECK(r.out ==
          "desk/a.txt:1:9: warning: Repeated word 'the'; delete one of them. "
          "[repeated-word]\n");
}
