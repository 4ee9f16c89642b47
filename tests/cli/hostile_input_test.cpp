// Inputs that must give a clear error or a correct result, never a hang, a crash or a loss.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
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

// ---- stated bounds ----
//
// Each case below states how long a run may take and how much memory it may use on a plain
// build (CI's 2-core machine, with other tests running beside it); under the sanitizers the
// time bound is multiplied by kSlowdown and memory is not checked. The bounds are loose on
// purpose: they separate "linear" from "quadratic or hung", not fast from slow (bench/ measures
// speed).

using copydesk::test::kMemoryBoundsHold;
using copydesk::test::kSlowdown;
using copydesk::test::run_measured;

namespace {

// Whole sentences on one line, no line break, up to `bytes` long.
std::string one_line_of_prose(std::size_t bytes) {
    const std::string sentence = "The minister said the talks in Geneva would resume on Monday. ";
    std::string text;
    text.reserve(bytes);
    while (text.size() + sentence.size() <= bytes) text += sentence;
    return text;
}

std::size_t count_lines(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("malformed UTF-8 of every kind and NUL bytes are errors naming the file and place",
          "[cli][hostile]") {
    const ScratchDir dir("utf8");
    dir.write("overlong.txt", "First line.\nA slash as \xC0\xAF overlong.\n");
    dir.write("surrogate.txt", "Lone \xED\xA0\x80 surrogate.\n");
    dir.write("truncated.txt", "Cut off \xE2\x80");
    dir.write("stray.txt", "A stray \x80 continuation byte.\n");
    dir.write("too-big.txt", "Beyond U+10FFFF: \xF4\x90\x80\x80.\n");
    dir.write("nul.txt", std::string("Text with a NUL\0byte.\n", 22));
    dir.write("story.txt", "He said the the plan would pass.\n");
    const auto r = run_measured(dir.path(), {"lint", "--format", "line", "."});
    CHECK(r.code == 2);
    CHECK(r.out ==
          "./story.txt:1:9: warning: Repeated word 'the'; delete one of them. [repeated-word]\n");
    CHECK(r.err.find("./overlong.txt:2:12: invalid UTF-8") != std::string::npos);
    CHECK(r.err.find("./surrogate.txt:1:6: invalid UTF-8") != std::string::npos);
    CHECK(r.err.find("./truncated.txt:1:9: invalid UTF-8") != std::string::npos);
    CHECK(r.err.find("./stray.txt:1:9: invalid UTF-8") != std::string::npos);
    CHECK(r.err.find("./too-big.txt:1:18: invalid UTF-8") != std::string::npos);
    CHECK(r.err.find("./nul.txt: binary file") != std::string::npos);
    CHECK(r.seconds < 5 * kSlowdown);
}

TEST_CASE("a 100 MB file of one line is refused at once, allowed, a long line lints linearly",
          "[cli][hostile]") {
    const ScratchDir dir("long-line");
    {
        // Written a megabyte at a time: a child started with posix_spawn shares this process's
        // memory until it runs copydesk, and its peak RSS counts this process's peak too.
        std::ofstream huge(dir.path() / "huge.txt", std::ios::binary);
        const std::string piece = one_line_of_prose(1'000'000);
        for (int i = 0; i < 100; ++i) huge << piece;
    }
    // Bound: refused from its size alone, without reading it: 2 s, 100 MiB.
    const auto refused = run_measured(dir.path(), {"lint", "huge.txt"});
    CHECK(refused.code == 2);
    CHECK(refused.err ==
          "copydesk: huge.txt: larger than the maximum file size of 64 MiB (--max-file-size)\n");
    CHECK(refused.seconds < 2 * kSlowdown);
    if (kMemoryBoundsHold) CHECK(refused.max_rss_mib < 100);
    std::filesystem::remove(dir.path() / "huge.txt");

    // Bound for 4 MB of prose on one line (one paragraph of 65,000 sentences): 30 s, 400 MiB.
    const std::string prose = one_line_of_prose(4'000'000);
    dir.write("long.txt", prose + "teh end.");
    const auto linted = run_measured(dir.path(), {"lint", "--format", "line", "long.txt"});
    CHECK(linted.code == 1);
    CHECK(linted.out == "long.txt:1:" + std::to_string(prose.size() + 1) +
                            ": warning: Unknown word 'teh'; did you mean 'the'? [spelling]\n");
    CHECK(linted.seconds < 30 * kSlowdown);
    if (kMemoryBoundsHold) CHECK(linted.max_rss_mib < 400);
}

TEST_CASE("a million one-character lines", "[cli][hostile]") {
    const ScratchDir dir("many-lines");
    std::string text;
    for (int i = 0; i < 1'000'000; ++i) {
        text += static_cast<char>('a' + i % 26);
        text += '\n';
    }
    dir.write("lines.txt", text + "teh\n");
    // Bound: 20 s, 300 MiB.
    const auto r = run_measured(dir.path(), {"lint", "--format", "line", "lines.txt"});
    CHECK(r.code == 1);
    CHECK(r.out.find("lines.txt:1000001:1: warning: Unknown word 'teh'") == 0);
    CHECK(count_lines(r.out) == 1);
    CHECK(r.seconds < 20 * kSlowdown);
    if (kMemoryBoundsHold) CHECK(r.max_rss_mib < 300);
}

TEST_CASE("10,000 nested block quotes, list levels or HTML elements, and 100,000 of them",
          "[cli][hostile]") {
    const ScratchDir dir("nesting");
    auto repeat = [](std::string_view piece, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += piece;
        return out;
    };
    dir.write("quotes.md", repeat("> ", 10'000) + "teh end\n");
    dir.write("items.md", repeat("- ", 10'000) + "teh end\n");
    dir.write("nested.html", repeat("<div>", 10'000) + "teh end" + repeat("</div>", 10'000));
    dir.write("deep-quotes.md", repeat("> ", 100'000) + "teh end\n");
    // Bound for each: 10 s, 300 MiB; the typo inside is found at its place.
    for (const auto& [file, where] :
         {std::pair{"quotes.md", "quotes.md:1:20001:"}, std::pair{"items.md", "items.md:1:20001:"},
          std::pair{"nested.html", "nested.html:1:50001:"},
          std::pair{"deep-quotes.md", "deep-quotes.md:1:200001:"}}) {
        const auto r = run_measured(dir.path(), {"lint", "--format", "line", file});
        INFO(file);
        CHECK(r.code == 1);
        CHECK(r.out.find(std::string(where) + " warning: Unknown word 'teh'") == 0);
        CHECK(r.seconds < 10 * kSlowdown);
        if (kMemoryBoundsHold) CHECK(r.max_rss_mib < 300);
    }
    // HTML parsing is quadratic in nesting depth (a minute at 100,000 levels): deeper than
    // 10,000 is refused where it goes too deep. Bound: 2 s, 100 MiB.
    dir.write("deeper.html", repeat("<div>", 100'000) + "teh end" + repeat("</div>", 100'000));
    const auto r = run_measured(dir.path(), {"lint", "--format", "line", "deeper.html"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "copydesk: deeper.html:1:50001: HTML elements nested more than 10000 deep, "
          "not linted\n");
    CHECK(r.seconds < 2 * kSlowdown);
    if (kMemoryBoundsHold) CHECK(r.max_rss_mib < 100);
}

TEST_CASE("a 50 MB config file and a 50 MB rule file are refused with a clear error",
          "[cli][hostile]") {
    const ScratchDir dir("big-config");
    std::string words = "vocabulary:\n  accept:\n";
    while (words.size() < 50'000'000) words += "    - Zelenskyy\n";
    dir.write("desk/.copydesk.yaml", words);
    dir.write("desk/story.txt", "He said the the plan would pass.\n");
    // Bound: 5 s, 200 MiB (the file is not parsed).
    const auto r = run_measured(dir.path(), {"lint", "desk"});
    CHECK(r.code == 2);
    CHECK(r.err.find("desk/.copydesk.yaml:1:1: the config file is larger than 4 MiB") !=
          std::string::npos);
    CHECK(r.seconds < 5 * kSlowdown);
    if (kMemoryBoundsHold) CHECK(r.max_rss_mib < 200);

    std::string rule =
        "id: big\nextends: existence\nmessage: \"'{match}'\"\nseverity: warning\n"
        "category: house-style\ntokens:\n";
    while (rule.size() < 50'000'000) rule += "  - placeholder\n";
    dir.write("packs/house/big.yaml", rule);
    dir.write("packs/.copydesk.yaml", "packs: [house]\n");
    dir.write("packs/story.txt", "He said the the plan would pass.\n");
    const auto pack = run_measured(dir.path(), {"lint", "packs"});
    CHECK(pack.code == 2);
    CHECK(pack.err.find("big.yaml: larger than 4 MiB; is it really a rule file?") !=
          std::string::npos);
    CHECK(pack.seconds < 5 * kSlowdown);
}

TEST_CASE("a user rule with a catastrophic pattern runs in linear time", "[cli][hostile]") {
    const ScratchDir dir("regex");
    dir.write("house/a-run.yaml",
              "id: a-run\nextends: existence\nmessage: \"A run of a: '{match}'\"\n"
              "severity: warning\ncategory: house-style\npatterns: ['(a+)+$', '(a|aa)+b']\n");
    dir.write(".copydesk.yaml", "packs: [house]\n");
    dir.write("aaa.txt", std::string(1'000'000, 'a') + "\n");
    // Bound: 10 s (a backtracking engine would not finish this in a lifetime).
    const auto r = run_measured(dir.path(), {"lint", "--format", "line", "aaa.txt"});
    CHECK(r.code == 1);
    CHECK(r.out.find("aaa.txt:1:1: warning: A run of a:") == 0);
    CHECK(r.seconds < 10 * kSlowdown);
}

TEST_CASE("a file deleted between listing and reading is an error, the rest is linted",
          "[cli][hostile]") {
    const ScratchDir dir("vanished");
    dir.write("b.txt", "He said the the plan would pass.\n");
    dir.write("c.txt", "They met on on Monday.\n");
    const auto fifo = dir.path() / "a.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // copydesk lists a.txt, b.txt and c.txt, then waits on a.txt (a FIFO, -j 1 reads in order);
    // meanwhile b.txt is deleted, then a.txt is written.
    std::thread writer([&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int fd = -1;
        while ((fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0 &&
               errno == ENXIO && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        std::filesystem::remove(dir.path() / "b.txt");
        if (fd < 0) return;
        const std::string text = "Talks went on on Friday.\n";
        const auto written = ::write(fd, text.data(), text.size());
        static_cast<void>(written);
        ::close(fd);
    });
    const auto r = run_measured(dir.path(),
                                {"lint", "-j", "1", "--format", "line", "a.txt", "b.txt", "c.txt"});
    writer.join();
    CHECK(r.code == 2);
    CHECK(r.err == "copydesk: b.txt: no such file\n");
    CHECK(r.out ==
          "a.txt:1:12: warning: Repeated word 'on'; delete one of them. [repeated-word]\n"
          "c.txt:1:10: warning: Repeated word 'on'; delete one of them. [repeated-word]\n");
}

TEST_CASE("output into a closed pipe ends the run quietly and damages nothing", "[cli][hostile]") {
    const ScratchDir dir("closed-pipe");
    for (int i = 0; i < 300; ++i) {
        dir.write("desk/story-" + std::to_string(i) + ".txt",
                  "He said the the plan would pass.\nThe talks resume on on Monday.\n");
    }
    // Bound: 30 s. `head` closes the pipe after one line; copydesk must not hang or complain.
    const auto start = std::chrono::steady_clock::now();
    const auto lint = dir.copydesk("lint --format line desk | head -n 1");
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(lint.code == 0);  // head's status
    CHECK(lint.out.find("desk/story-0.txt:1:9:") == 0);
    CHECK(lint.err.empty());
    CHECK(took.count() < 30 * kSlowdown);
    // fix with its report going into a closed pipe: every file is either fixed or untouched.
    static_cast<void>(dir.copydesk("fix desk 2>&1 | head -c 1 >/dev/null"));
    for (int i = 0; i < 300; ++i) {
        const auto text =
            copydesk::test::slurp(dir.path() / "desk" / ("story-" + std::to_string(i) + ".txt"));
        const bool untouched =
            text == "He said the the plan would pass.\nThe talks resume on on Monday.\n";
        const bool fixed = text == "He said the plan would pass.\nThe talks resume on Monday.\n";
        INFO(text);
        CHECK((untouched || fixed));
    }
}

TEST_CASE("bidirectional controls are reported in every format, and cannot be switched off",
          "[cli][hostile]") {
    const ScratchDir dir("trojan");
    dir.write(".copydesk.yaml", "rules:\n  bidi-control: off\n");
    dir.write(
        "story.md",
        "<!-- copydesk-disable bidi-control -->\n"
        "The statement said \xE2\x80\xAE"
        "esab eht ot nruter\xE2\x80\xAC on Friday.\n\n"
        "```\nif access_level != \"user\xE2\x80\xAE \xE2\x81\xA6// admin\xE2\x81\xA9\":\n```\n");
    // The reversed words are misspellings too; only bidi-control is of interest here.
    const std::string flags = "--disable bidi-control,spelling --format ";
    const auto line = dir.copydesk("lint " + flags + "line story.md");
    CHECK(line.code == 1);
    CHECK(line.out ==
          "story.md:2:20: error: Delete the hidden right-to-left override (U+202E): it can make "
          "the text display in a different order from how it reads. [bidi-control]\n"
          "story.md:2:39: error: Delete the hidden pop directional formatting (U+202C): it can "
          "make the text display in a different order from how it reads. [bidi-control]\n"
          "story.md:5:25: error: Delete the hidden right-to-left override (U+202E), outside the "
          "prose: it can make the text display in a different order from how it reads. "
          "[bidi-control]\n"
          "story.md:5:27: error: Delete the hidden left-to-right isolate (U+2066), outside the "
          "prose: it can make the text display in a different order from how it reads. "
          "[bidi-control]\n"
          "story.md:5:36: error: Delete the hidden pop directional isolate (U+2069), outside the "
          "prose: it can make the text display in a different order from how it reads. "
          "[bidi-control]\n");
    for (const std::string format :
         {"text", "json", "jsonl", "sarif", "github", "checkstyle", "rdjsonl", "html"}) {
        const auto r = dir.copydesk("lint " + flags + format + " story.md");
        INFO(format);
        CHECK(r.code == 1);
        std::size_t count = 0;
        for (std::size_t at = r.out.find("bidi-control"); at != std::string::npos;
             at = r.out.find("bidi-control", at + 1)) {
            ++count;
        }
        CHECK(count >= 5);
    }
}
