// Inputs that must give a clear error or a correct result, never a hang, a crash or a loss.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support.hpp"

using copydesk::test::ScratchDir;

TEST_CASE("files over the maximum file size are refused by name, the others are linted",
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

TEST_CASE("a FIFO named on the command line is read like a file, a walk skips FIFOs",
          "[cli][hostile]") {
    const ScratchDir dir("fifo");
    dir.write("desk/a.txt", "He said the the plan would pass.\n");
    REQUIRE(::mkfifo((dir.path() / "desk" / "pipe.txt").c_str(), 0600) == 0);
    const auto fifo = dir.path() / "desk" / "pipe.txt";
    // A writer that opens the FIFO after `delay` and writes `text`, as a shell pipeline would.
    // It gives up after five seconds without a reader rather than block the test forever.
    auto writer = [&](std::chrono::milliseconds delay, std::string text) {
        return std::thread([fifo, delay, text = std::move(text)] {
            std::this_thread::sleep_for(delay);
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            int fd = -1;
            while ((fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0 &&
                   errno == ENXIO && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            if (fd < 0) return;
            const auto written = ::write(fd, text.data(), text.size());
            static_cast<void>(written);
            ::close(fd);
        });
    };
    {
        std::thread w = writer(std::chrono::milliseconds(200), "");
        const auto empty = dir.copydesk("lint --format line desk/pipe.txt");
        w.join();
        CHECK(empty.code == 0);
        CHECK(empty.out.empty());
    }
    {
        std::thread w = writer(std::chrono::milliseconds(300), "They met on on Monday.\n");
        const auto late = dir.copydesk("lint --format line desk/pipe.txt");
        w.join();
        CHECK(late.code == 1);
        CHECK(late.out.find("desk/pipe.txt:1:10: warning: Repeated word 'on'") == 0);
    }
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
