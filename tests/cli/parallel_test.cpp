// copydesk lint -j, --shard and --progress, through the real executable.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/ordered_pool.hpp"
#include "cli/progress.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

using copydesk::test::Run;

// A folder of stories with one finding each, some long, some short, one unreadable, so that
// workers finish out of order.
class Newsroom {
  public:
    Newsroom() : scratch_("par") {
        for (int i = 0; i < 40; ++i) {
            std::ostringstream text;
            const int paragraphs = (i % 7 == 0) ? 400 : 1 + i % 3;
            for (int p = 0; p < paragraphs; ++p) {
                text << "The council met on Tuesday and the mayor said the budget would pass.\n\n";
            }
            text << "Story " << i << " says the the vote is close.\n";
            scratch_.write("desk/story" + std::to_string(100 + i) + ".txt", text.str());
        }
        scratch_.write("desk/story150.txt", "bad \xC3( utf-8\n");
    }
    [[nodiscard]] Run copydesk(const std::string& args) const { return scratch_.copydesk(args); }

  private:
    copydesk::test::ScratchDir scratch_;
};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("lint with several jobs prints what one thread prints, in the same order",
          "[cli][parallel]") {
    const Newsroom room;
    const Run one = room.copydesk("lint -j 1 --format line desk");
    REQUIRE(one.code == 2);  // the bad UTF-8 file
    REQUIRE(lines(one.out).size() == 40);
    CHECK(one.err.find("story150.txt:1:5: invalid UTF-8") != std::string::npos);
    for (const char* jobs : {"2", "3", "8"}) {
        INFO("-j " << jobs);
        const Run many = room.copydesk(std::string("lint -j ") + jobs + " --format line desk");
        CHECK(many.code == one.code);
        CHECK(many.out == one.out);
        CHECK(many.err == one.err);
    }
    const Run json1 = room.copydesk("lint -j 1 --format json desk");
    const Run json4 = room.copydesk("lint -j 4 --format json desk");
    CHECK(json1.out == json4.out);
}

TEST_CASE("lint with several jobs judges unknown names as one thread does", "[cli][parallel]") {
    // Each story names forty people met nowhere else, inside sentences, and misspells a word
    // with a capital: enough names for each job's checker to search the lexicon's common
    // words before ranking a name (see SpellChecker::misspells_common_word), at once.
    const copydesk::test::ScratchDir scratch("par-names");
    const std::vector<std::string> heads = {"Bra", "Tov", "Kel", "Mir", "Zan",
                                            "Dro", "Vel", "Sar", "Lum", "Quo"};
    const std::vector<std::string> tails = {"nikov",  "vashen", "dorfer", "zellin",
                                            "mirova", "baxley", "quenta", "tovyan"};
    std::size_t next = 0;
    for (int story = 0; story < 6; ++story) {
        std::ostringstream text;
        for (int line = 0; line < 40; ++line, ++next) {
            const std::string name =
                heads[next % heads.size()] + tails[next / heads.size() % tails.size()];
            text << "The minister said " << name << " had resigned on Tuesday.\n\n";
        }
        text << "Officials said the Goverment would publish the report.\n";
        scratch.write("names/story" + std::to_string(story) + ".txt", text.str());
    }
    const Run one = scratch.copydesk("lint -j 1 --format line names");
    CHECK(one.err.empty());
    const auto found = lines(one.out);
    for (int story = 0; story < 6; ++story) {
        const std::string where = "story" + std::to_string(story) + ".txt:81:";
        CHECK(std::any_of(found.begin(), found.end(), [&](const std::string& l) {
            return l.find(where) != std::string::npos && l.find("'Goverment'") != std::string::npos;
        }));
    }
    for (const char* jobs : {"2", "4"}) {
        INFO("-j " << jobs);
        const Run many = scratch.copydesk(std::string("lint -j ") + jobs + " --format line names");
        CHECK(many.code == one.code);
        CHECK(many.out == one.out);
        CHECK(many.err == one.err);
    }
}

TEST_CASE("shards K/N split the files into disjoint parts that cover them all", "[cli][parallel]") {
    const Newsroom room;
    const auto all = lines(room.copydesk("lint -j 1 --format line desk").out);
    std::vector<std::string> joined;
    std::set<std::string> seen;
    for (int k = 1; k <= 3; ++k) {
        const auto part =
            lines(room.copydesk("lint --format line --shard " + std::to_string(k) + "/3 desk").out);
        CHECK(part.size() < all.size());
        for (const auto& l : part) CHECK(seen.insert(l).second);
        joined.insert(joined.end(), part.begin(), part.end());
    }
    std::sort(joined.begin(), joined.end());
    auto sorted = all;
    std::sort(sorted.begin(), sorted.end());
    CHECK(joined == sorted);
    // The same shard twice is the same files.
    CHECK(room.copydesk("lint --format line --shard 2/3 desk").out ==
          room.copydesk("lint --format line -j 1 --shard 2/3 desk").out);
    for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0"}) {
        INFO("--shard " << bad);
        const Run r = room.copydesk(std::string("lint --shard ") + bad + " desk");
        CHECK(r.code == 2);
        CHECK(r.err.find("--shard") != std::string::npos);
    }
}

TEST_CASE("the progress line draws on stderr only when asked or on a terminal", "[cli][parallel]") {
    const Newsroom room;
    const Run quiet = room.copydesk("lint --format line desk");
    CHECK(quiet.err.find("files") == std::string::npos);  // stderr is a file here
    const Run shown = room.copydesk("lint --progress always --format line desk");
    CHECK(shown.err.find("41/41 files") != std::string::npos);
    CHECK(shown.err.find("\r\033[K") != std::string::npos);  // erased at the end
    CHECK(shown.out == quiet.out);
}

TEST_CASE("progress line: counts, rate and time left", "[cli][parallel]") {
    using copydesk::cli::progress_line;
    CHECK(progress_line(0, 100000, 0, 0) == "0/100,000 files");
    CHECK(progress_line(1234, 100000, 45'200'000, 1.0) ==
          "1,234/100,000 files  45.2 MB/s  ETA 1:20");
    CHECK(progress_line(1, 10000, 0, 1.0) == "1/10,000 files  0.0 MB/s  ETA 2:46:39");
    CHECK(progress_line(50, 100, 1'000'000, 10.0) == "50/100 files  0.1 MB/s  ETA 0:10");
    CHECK(progress_line(100, 100, 1'000'000, 10.0) == "100/100 files  0.1 MB/s");
}

TEST_CASE("thread count: one per core by default, never more than the files", "[cli][parallel]") {
    using copydesk::cli::lint_threads;
    CHECK(lint_threads(4, 100) == 4);
    CHECK(lint_threads(4, 2) == 2);
    CHECK(lint_threads(4, 0) == 1);
    CHECK(lint_threads(0, 1000) >= 1);
}

TEST_CASE("ordered pool: results come in index order, errors stop the run", "[cli][parallel]") {
    using copydesk::cli::run_ordered;
    std::vector<std::size_t> order;
    run_ordered<std::size_t>(
        200, 4, 8,
        [](std::size_t i, unsigned) {
            // Later items finish first now and then.
            volatile std::size_t spin = (200 - i) % 13 * 20000;
            while (spin > 0) spin = spin - 1;
            return i * i;
        },
        [&](std::size_t i, std::size_t& r) {
            CHECK(r == i * i);
            order.push_back(i);
        });
    REQUIRE(order.size() == 200);
    CHECK(std::is_sorted(order.begin(), order.end()));

    std::size_t consumed = 0;
    CHECK_THROWS_WITH(run_ordered<int>(
                          100, 3, 6,
                          [](std::size_t i, unsigned) -> int {
                              if (i == 50) throw std::runtime_error("item 50 failed");
                              return static_cast<int>(i);
                          },
                          [&](std::size_t, int&) { ++consumed; }),
                      "item 50 failed");
    CHECK(consumed == 50);

    // A consumer that throws stops the run too, and the helpers are not left waiting.
    consumed = 0;
    CHECK_THROWS_WITH(run_ordered<int>(
                          100, 2, 4, [](std::size_t i, unsigned) { return static_cast<int>(i); },
                          [&](std::size_t i, int&) {
                              if (i == 30) throw std::runtime_error("cannot print item 30");
                              ++consumed;
                          }),
                      "cannot print item 30");
    CHECK(consumed == 30);
}

TEST_CASE("ordered pool: the calling thread is thread 0 and works too", "[cli][parallel]") {
    using copydesk::cli::run_ordered;
    const std::thread::id caller = std::this_thread::get_id();
    std::mutex mutex;
    std::set<unsigned> threads_seen;
    bool thread_zero_is_caller = true;
    std::size_t consumed = 0;
    run_ordered<int>(
        400, 3, 6,
        [&](std::size_t i, unsigned thread) {
            const std::lock_guard lock(mutex);
            threads_seen.insert(thread);
            if (thread == 0) thread_zero_is_caller &= std::this_thread::get_id() == caller;
            return static_cast<int>(i);
        },
        [&](std::size_t i, int& r) {
            CHECK(r == static_cast<int>(i));
            ++consumed;
        });
    CHECK(consumed == 400);
    CHECK(thread_zero_is_caller);
    CHECK(*threads_seen.rbegin() <= 2);
}
