// copydesk lint --cache: the cache file itself, and runs of the real executable with it.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/result_cache.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using copydesk::Category;
using copydesk::Diagnostic;
using copydesk::Edit;
using copydesk::Fix;
using copydesk::Severity;
using copydesk::cli::CacheKey;
using copydesk::cli::KeyBuilder;
using copydesk::cli::ResultCache;
using copydesk::test::ScratchDir;
using copydesk::test::slurp;

namespace {

std::vector<Diagnostic> sample_findings() {
    Diagnostic spelling;
    spelling.rule = "spelling";
    spelling.severity = Severity::Suggestion;
    spelling.category = Category::Spelling;
    spelling.span = {4, 12};
    spelling.message = "'goverment' is not in the dictionary.";
    spelling.suggestions = {"government", "governments", "Kyiv \xE2\x80\x99quoted\xE2\x80\x99"};
    spelling.link = "https://example.org/rules/spelling";
    Diagnostic repeated;
    repeated.rule = "repeated-word";
    repeated.severity = Severity::Error;
    repeated.category = Category::Repetition;
    repeated.span = {20, 27};
    repeated.message = "Repeated word 'the'; delete one of them.";
    repeated.fix = Fix{"Delete the second 'the'", {Edit{{23, 27}, ""}, Edit{{30, 30}, "x"}}, true};
    return {spelling, repeated, Diagnostic{}};
}

void check_same(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].rule == b[i].rule);
        CHECK(a[i].severity == b[i].severity);
        CHECK(a[i].category == b[i].category);
        CHECK(a[i].span == b[i].span);
        CHECK(a[i].message == b[i].message);
        CHECK(a[i].suggestions == b[i].suggestions);
        CHECK(a[i].link == b[i].link);
        REQUIRE(a[i].fix.has_value() == b[i].fix.has_value());
        if (a[i].fix) {
            CHECK(a[i].fix->title == b[i].fix->title);
            CHECK(a[i].fix->safe == b[i].fix->safe);
            CHECK(a[i].fix->edits == b[i].fix->edits);
        }
    }
}

CacheKey key_of(const std::string& text) {
    return KeyBuilder().add(text).done();
}

// The program key in a cache file's header (after the magic line and the format number).
CacheKey program_of(const fs::path& file) {
    const std::string bytes = slurp(file);
    const std::size_t at = std::string_view("copydesk lint cache\n").size() + 4;
    REQUIRE(bytes.size() >= at + 16);
    CacheKey k;
    std::memcpy(&k.low, bytes.data() + at, 8);
    std::memcpy(&k.high, bytes.data() + at + 8, 8);
    return k;
}

}  // namespace

TEST_CASE("the cache's encoding of findings keeps every field", "[cli][cache]") {
    const auto findings = sample_findings();
    const auto decoded =
        copydesk::cli::decode_diagnostics(copydesk::cli::encode_diagnostics(findings));
    REQUIRE(decoded);
    check_same(*decoded, findings);
    const auto none = copydesk::cli::decode_diagnostics(copydesk::cli::encode_diagnostics({}));
    REQUIRE(none);
    CHECK(none->empty());
}

TEST_CASE("a cut or altered encoding of findings is refused, not misread", "[cli][cache]") {
    const std::string bytes = copydesk::cli::encode_diagnostics(sample_findings());
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        INFO("cut at " << cut);
        CHECK_FALSE(copydesk::cli::decode_diagnostics(bytes.substr(0, cut)));
    }
    CHECK_FALSE(copydesk::cli::decode_diagnostics(bytes + "x"));
    std::string bad_severity = bytes;
    bad_severity[4 + 4 + std::string("spelling").size()] = 7;  // after the count and the rule id
    CHECK_FALSE(copydesk::cli::decode_diagnostics(bad_severity));
    CHECK_FALSE(copydesk::cli::decode_diagnostics(std::string(8, '\xFF')));
}

TEST_CASE("cache keys hash each piece with its length", "[cli][cache]") {
    CHECK(KeyBuilder().add("ab").add("c").done() != KeyBuilder().add("a").add("bc").done());
    CHECK(KeyBuilder().add("ab").add("c").done() == KeyBuilder().add("ab").add("c").done());
    CHECK(key_of("") != KeyBuilder().done());
}

TEST_CASE("a file read into a key piece by piece hashes as its contents do", "[cli][cache]") {
    const ScratchDir dir("cachefilekey");
    std::vector<char> buffer(7);  // pieces far smaller than the files
    for (const std::size_t size : {0, 1, 6, 7, 8, 50, 70000}) {
        INFO("size " << size);
        std::string text;
        for (std::size_t i = 0; i < size; ++i) text.push_back(static_cast<char>('a' + i % 26));
        dir.write("data.txt", text);
        KeyBuilder read;
        REQUIRE_FALSE(read.add("name").add_file(dir.path() / "data.txt", buffer));
        CHECK(read.done() == KeyBuilder().add("name").add(text).done());
    }
    const auto missing = KeyBuilder().add_file(dir.path() / "missing.txt", buffer);
    REQUIRE(missing);
    CHECK(missing->starts_with("cannot read it"));
    CHECK(KeyBuilder().add_file(dir.path(), buffer));  // a folder is not a file
}

TEST_CASE("the hash of data folders follows their files' content and names", "[cli][cache]") {
    const ScratchDir dir("cachehash");
    dir.write("data/words.txt", "Kyiv\nZelenskyy\n");
    dir.write("data/rules/a.yaml", "id: a\n");
    const fs::path data = dir.path() / "data";
    auto hash = [&](const std::vector<fs::path>& paths) {
        auto got = copydesk::cli::hash_paths(paths);
        REQUIRE(std::holds_alternative<CacheKey>(got));
        return std::get<CacheKey>(got);
    };
    const CacheKey first = hash({data});
    CHECK(hash({data}) == first);
    dir.write("data/words.txt", "Kyiv\nZelenskyy\nVolodymyr\n");
    const CacheKey edited = hash({data});
    CHECK(edited != first);
    fs::rename(data / "rules" / "a.yaml", data / "rules" / "b.yaml");
    CHECK(hash({data}) != edited);
    dir.write("data/empty/.keep", "");
    CHECK(hash({data / "missing"}) != hash({data / "empty"}));
}

TEST_CASE("a cache file keeps its entries, drops old ones and ignores another program's",
          "[cli][cache]") {
    const ScratchDir dir("cachefile");
    const fs::path folder = dir.path() / "cache";
    const CacheKey program = key_of("program 1");
    std::string warning;
    {
        auto cache = ResultCache::open(folder, program, warning, 20000);
        CHECK(warning.empty());
        CHECK(cache->size() == 0);
        CHECK_FALSE(cache->find(key_of("story")));
        cache->store(key_of("story"), sample_findings());
        cache->store(key_of("empty story"), {});
        REQUIRE_FALSE(cache->save());
    }
    CHECK(fs::exists(folder / "lint.cache"));
    CHECK(slurp(folder / ".gitignore").find("*\n") != std::string::npos);
    {
        // 20 days on, one of the two is used again.
        auto cache = ResultCache::open(folder, program, warning, 20020);
        CHECK(warning.empty());
        CHECK(cache->size() == 2);
        const auto found = cache->find(key_of("story"));
        REQUIRE(found);
        check_same(*found, sample_findings());
        REQUIRE_FALSE(cache->save());
    }
    {
        // 40 days after the first run, the entry not used since is gone.
        auto cache = ResultCache::open(folder, program, warning, 20040);
        CHECK(cache->size() == 1);
        REQUIRE_FALSE(cache->save());
        auto later = ResultCache::open(folder, program, warning, 20040);
        CHECK(later->size() == 1);
        CHECK(later->find(key_of("story")));
        CHECK_FALSE(later->find(key_of("empty story")));
    }
    {
        // A cache whose entries were all used on the same day already is not written again.
        auto cache = ResultCache::open(folder, program, warning, 20040);
        CHECK(cache->find(key_of("story")));
        REQUIRE_FALSE(cache->save());
        auto again = ResultCache::open(folder, program, warning, 20040);
        CHECK(again->find(key_of("story")));
        fs::remove(folder / "lint.cache");
        REQUIRE_FALSE(again->save());
        CHECK_FALSE(fs::exists(folder / "lint.cache"));
    }
    {
        auto cache = ResultCache::open(folder, program, warning, 20040);
        cache->store(key_of("story"), sample_findings());
        REQUIRE_FALSE(cache->save());
        auto other = ResultCache::open(folder, key_of("program 2"), warning, 20040);
        CHECK(warning.empty());
        CHECK(other->size() == 0);
        CHECK_FALSE(other->find(key_of("story")));
    }
}

TEST_CASE("a damaged cache file is reported, treated as empty and replaced", "[cli][cache]") {
    const ScratchDir dir("cachebad");
    const fs::path folder = dir.path() / "cache";
    const fs::path file = folder / "lint.cache";
    const CacheKey program = key_of("program");
    std::string warning;
    {
        auto cache = ResultCache::open(folder, program, warning, 20000);
        cache->store(key_of("story"), sample_findings());
        REQUIRE_FALSE(cache->save());
    }
    const std::string good = slurp(file);
    struct Damage {
        std::string bytes;
        std::string says;
    };
    std::string flipped = good;
    flipped[flipped.size() - 3] ^= 0x20;
    const std::vector<Damage> damages{
        {good.substr(0, good.size() - 5), "truncated or appended to"},
        {good.substr(0, 30), "in the header"},
        {good + "more", "truncated or appended to"},
        {flipped, "checksum"},
        {"<html>not a cache</html>", "not a copydesk cache file"},
    };
    for (const Damage& d : damages) {
        INFO(d.says);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << d.bytes;
        warning.clear();
        auto cache = ResultCache::open(folder, program, warning, 20000);
        CHECK(warning.find(file.string()) == 0);
        CHECK(warning.find(d.says) != std::string::npos);
        CHECK(cache->size() == 0);
        REQUIRE_FALSE(cache->save());  // replaced, even with nothing in it
        warning.clear();
        CHECK(ResultCache::open(folder, program, warning, 20000)->size() == 0);
        CHECK(warning.empty());
    }
}

TEST_CASE("a cache file too large to be one is not read", "[cli][cache]") {
    const ScratchDir dir("cachehuge");
    const fs::path folder = dir.path() / "cache";
    fs::create_directories(folder);
    { std::ofstream(folder / "lint.cache") << "copydesk lint cache\n"; }
    // Sparse: no disk is used.
    fs::resize_file(folder / "lint.cache", ResultCache::kMaxFileSize + 1);
    std::string warning;
    auto cache = ResultCache::open(folder, key_of("p"), warning);
    CHECK(warning.find("lint.cache: larger than 4 GiB; starting an empty cache") !=
          std::string::npos);
    CHECK(cache->size() == 0);
    REQUIRE_FALSE(cache->save());
    CHECK(fs::file_size(folder / "lint.cache") < 1000);
}

TEST_CASE("a cache folder that cannot be made is an error of save", "[cli][cache]") {
    const ScratchDir dir("cachenodir");
    dir.write("plain-file", "x");
    std::string warning;
    auto cache = ResultCache::open(dir.path() / "plain-file" / "cache", key_of("p"), warning);
    CHECK(warning.empty());
    cache->store(key_of("story"), {});
    const auto why = cache->save();
    REQUIRE(why);
    CHECK(why->find("cannot create the cache folder") != std::string::npos);
}

namespace {

const char* const kCouncilStory =
    "The the council met in Kiev on Tuesday.\n\nThe mayor said the budget would pass.\n";

}  // namespace

TEST_CASE("lint --cache reports what a run without it does, from the cache the second time",
          "[cli][cache]") {
    const ScratchDir dir("cacherun");
    dir.write("desk/a.txt", kCouncilStory);
    dir.write("desk/b.md", "# Vote\n\nHe said \"the vote is close.\n");
    dir.write("desk/c.txt", "Nothing to see here.\n");
    const auto plain = dir.copydesk("lint --format json desk");
    REQUIRE(plain.code == 1);
    const auto first = dir.copydesk("lint --format json --cache-dir cache desk");
    CHECK(first.code == plain.code);
    CHECK(first.out == plain.out);
    CHECK(first.err.empty());
    REQUIRE(fs::exists(dir.path() / "cache" / "lint.cache"));
    const auto second = dir.copydesk("lint --format json --cache-dir cache desk");
    CHECK(second.code == plain.code);
    CHECK(second.out == plain.out);
    CHECK(second.err.empty());
    for (const char* format : {"line", "sarif", "text"}) {
        INFO(format);
        const std::string args = std::string("lint --color never --format ") + format + " desk";
        CHECK(dir.copydesk(args + " --cache-dir cache").out == dir.copydesk(args).out);
    }

    // Proof that the second run's findings come from the cache: every entry made to say
    // something no rule says is shown as it is.
    const fs::path file = dir.path() / "cache" / "lint.cache";
    const CacheKey program = program_of(file);
    std::string warning;
    {
        auto cache = ResultCache::open(dir.path() / "cache", program, warning);
        REQUIRE(warning.empty());
        REQUIRE(cache->size() == 3);
        Diagnostic probe;
        probe.rule = "from-the-cache";
        probe.span = {0, 3};
        probe.message = "Served from the cache.";
        for (const CacheKey& key : cache->keys()) cache->store(key, {probe});
        REQUIRE_FALSE(cache->save());
    }
    const auto served = dir.copydesk("lint --format line --cache-dir cache desk");
    CHECK(served.out ==
          "desk/a.txt:1:1: warning: Served from the cache. [from-the-cache]\n"
          "desk/b.md:1:1: warning: Served from the cache. [from-the-cache]\n"
          "desk/c.txt:1:1: warning: Served from the cache. [from-the-cache]\n");
    CHECK(served.code == 1);

    // Findings that do not fit the file they are keyed to are not shown: the file is linted.
    {
        auto cache = ResultCache::open(dir.path() / "cache", program, warning);
        Diagnostic beyond;
        beyond.rule = "from-the-cache";
        beyond.span = {0, 100000};
        for (const CacheKey& key : cache->keys()) cache->store(key, {beyond});
        REQUIRE_FALSE(cache->save());
    }
    CHECK(dir.copydesk("lint --format json --cache-dir cache desk").out == plain.out);
}

TEST_CASE("lint --cache lints again a file edited, or under changed settings or data",
          "[cli][cache]") {
    const ScratchDir dir("cachestale");
    dir.write("a.txt", kCouncilStory);
    const std::string args = "lint --format line --cache-dir cache a.txt";
    const auto before = dir.copydesk(args);
    CHECK(before.out.find("[repeated-word]") != std::string::npos);
    CHECK(before.out.find("[name-variant]") != std::string::npos);

    dir.write("a.txt", "The council met in Kiev on Tuesday.\n");
    const auto edited = dir.copydesk(args);
    CHECK(edited.out.find("[repeated-word]") == std::string::npos);
    CHECK(edited.out.find("[name-variant]") != std::string::npos);

    dir.write(".copydesk.yaml", "rules:\n  name-variant: off\n");
    CHECK(dir.copydesk(args).out == "");
    CHECK(dir.copydesk(args + " --enable name-variant").out == edited.out);

    // A rule pack is data: editing it counts even though the settings name the same folder.
    dir.write(".copydesk.yaml", "packs: [house]\n");
    dir.write("house/tuesday.yaml",
              "id: tuesday\nextends: existence\nmessage: \"Say which day: '{match}'\"\n"
              "severity: warning\ncategory: house-style\npatterns: ['Tuesday']\n");
    CHECK(dir.copydesk(args).out.find("[tuesday]") != std::string::npos);
    dir.write("house/tuesday.yaml",
              "id: tuesday\nextends: existence\nmessage: \"Say which day: '{match}'\"\n"
              "severity: warning\ncategory: house-style\npatterns: ['Wednesday']\n");
    const auto repacked = dir.copydesk(args);
    CHECK(repacked.out.find("[tuesday]") == std::string::npos);
    CHECK(repacked.out == dir.copydesk("lint --format line a.txt").out);

    // stdin is keyed by its content and the name it is shown under.
    dir.write("in.txt", kCouncilStory);
    const std::string from_stdin = "lint --format line --cache-dir cache --stdin-filename s.txt -";
    const auto story = dir.copydesk(from_stdin + " < in.txt");
    CHECK(story.out.find("s.txt:1:1: warning: Repeated word") == 0);
    CHECK(dir.copydesk(from_stdin + " < a.txt").out.find("[repeated-word]") == std::string::npos);
    CHECK(dir.copydesk(from_stdin + " < in.txt").out == story.out);
}

TEST_CASE(
    "lint --cache reports a configuration it cannot use as without it, with one or several jobs",
    "[cli][cache]") {
    // Sessions are made only for files not in the cache; one that cannot be made fails its
    // files, with its error said once, whether or not the others come from the cache.
    const ScratchDir dir("cachebadconfig");
    dir.write("desk/a.txt", kCouncilStory);
    dir.write("desk/b.txt", kCouncilStory);
    dir.write("desk/house/a.txt", kCouncilStory);
    dir.write("desk/house/b.txt", kCouncilStory);
    dir.write("desk/house/.copydesk.yaml", "rules:\n  speling: off\n");
    dir.write("desk/packed/a.txt", kCouncilStory);
    dir.write("desk/packed/.copydesk.yaml", "packs: [pack]\n");
    dir.write("desk/packed/pack/broken.yaml", "id: broken\nextends: [not, a, kind\n");
    for (const char* jobs : {"1", "2"}) {
        INFO("jobs " << jobs);
        const std::string args = std::string("lint --format line -j ") + jobs + " desk";
        const auto plain = dir.copydesk(args);
        REQUIRE(plain.code == 2);
        CHECK(plain.err.find("unknown rule 'speling'") != std::string::npos);
        CHECK(plain.err.find("broken.yaml") != std::string::npos);
        CHECK(plain.out.find("desk/a.txt:1:1: warning: Repeated word") != std::string::npos);
        for (int run = 0; run < 2; ++run) {
            INFO("run " << run);
            const auto cached = dir.copydesk(args + " --cache-dir cache");
            CHECK(cached.code == plain.code);
            CHECK(cached.out == plain.out);
            CHECK(cached.err == plain.err);
        }
    }
}

TEST_CASE("lint --suggestion-budget reports every unknown word and caches only complete findings",
          "[cli][cache]") {
    const ScratchDir dir("cachebudget");
    dir.write("a.txt", "The talks would resme after the goverment agred to the budjet.\n");
    const auto full = dir.copydesk("lint --format line a.txt");
    REQUIRE(full.code == 1);
    const auto cut =
        dir.copydesk("lint --format line --suggestion-budget 0 --cache-dir cache a.txt");
    CHECK(cut.code == full.code);
    // The same findings, in the same places; past the first word, without suggestions.
    auto places = [](const std::string& out) {
        std::vector<std::string> found;
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);) {
            found.push_back(line.substr(0, line.find(" Unknown word")));
        }
        return found;
    };
    CHECK(places(cut.out) == places(full.out));
    CHECK(cut.out.find("; did you mean") != std::string::npos);
    CHECK(cut.out.find("no suggestions (their time ran out)") != std::string::npos);
    // Not cached: the next run works them out.
    CHECK(dir.copydesk("lint --format line --cache-dir cache a.txt").out == full.out);
    // A budget that is never reached changes nothing.
    CHECK(dir.copydesk("lint --format line --suggestion-budget 100000 a.txt").out == full.out);
}

TEST_CASE("lint --cache keeps apart files under different configurations", "[cli][cache]") {
    const ScratchDir dir("cachesessions");
    dir.write("desk/a.txt", kCouncilStory);
    dir.write("desk/gb/a.txt", kCouncilStory);
    dir.write("desk/gb/.copydesk.yaml", "language: en_GB\nrules:\n  repeated-word: off\n");
    dir.write("desk/quiet/a.txt", kCouncilStory);
    dir.write("desk/quiet/.copydesk.yaml", "rules:\n  name-variant: off\n");
    const auto plain = dir.copydesk("lint --format line desk");
    CHECK(plain.out.find("desk/a.txt:1:1: warning: Repeated word") != std::string::npos);
    CHECK(plain.out.find("desk/gb/a.txt:1:1") == std::string::npos);
    CHECK(plain.out.find("desk/quiet/a.txt:1:24") == std::string::npos);
    for (int run = 0; run < 2; ++run) {
        const auto cached = dir.copydesk("lint --format line --cache-dir cache desk");
        CHECK(cached.out == plain.out);
        CHECK(cached.err.empty());
    }
}

TEST_CASE("runs that save one cache at once keep each other's entries", "[cli][cache]") {
    const ScratchDir dir("cacheshare");
    for (int i = 0; i < 16; ++i) {
        dir.write((i % 2 == 0 ? "east/" : "west/") + std::to_string(i) + ".txt",
                  "Story " + std::to_string(i) + " says the the vote in Kiev is close.\n");
    }
    // Two runs at once, each reading the cache before the other saves it.
    const std::string exe =
        "'" + std::string(COPYDESK_EXE) + "' lint --format json --cache-dir cache ";
    const std::string both = "cd '" + dir.path().string() + "' && { " + exe +
                             "east >east.json 2>&1 & " + exe + "west >west.json 2>&1; wait; }";
    REQUIRE(std::system(both.c_str()) == 0);
    CHECK(slurp(dir.path() / "east.json").find("\"files\":8") != std::string::npos);
    CHECK(slurp(dir.path() / "west.json").find("\"files\":8") != std::string::npos);
    const fs::path file = dir.path() / "cache" / "lint.cache";
    std::string warning;
    auto cache = ResultCache::open(dir.path() / "cache", program_of(file), warning);
    CHECK(warning.empty());
    CHECK(cache->size() == 16);
    // In turns, the same.
    fs::remove_all(dir.path() / "cache");
    (void)dir.copydesk("lint --format json --cache-dir cache east");
    (void)dir.copydesk("lint --format json --cache-dir cache west");
    CHECK(ResultCache::open(dir.path() / "cache", program_of(file), warning)->size() == 16);
    CHECK(dir.copydesk("lint --format json --cache-dir cache east west").out ==
          dir.copydesk("lint --format json east west").out);
}

TEST_CASE("lint --cache with several jobs gives the one-job report", "[cli][cache]") {
    const ScratchDir dir("cachejobs");
    for (int i = 0; i < 24; ++i) {
        std::string text;
        for (int p = 0; p < 1 + i % 5; ++p) text += "The mayor said the budget would pass.\n\n";
        text += "Story " + std::to_string(i) + " says the the vote in Kiev is close.\n";
        dir.write("desk/s" + std::to_string(100 + i) + ".txt", text);
    }
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        const auto plain = dir.copydesk("lint --format json -j 1 desk");
        for (const char* jobs : {"4", "3"}) {
            const auto cached = dir.copydesk(
                std::string("lint --format json --cache-dir cache -j ") + jobs + " desk");
            CHECK(cached.code == plain.code);
            CHECK(cached.out == plain.out);
            CHECK(cached.err.empty());
        }
        // Half the files change between rounds.
        for (int i = round % 2; i < 24; i += 2) {
            dir.write("desk/s" + std::to_string(100 + i) + ".txt",
                      "Round " + std::to_string(round) + ": the the end in Kiev.\n");
        }
    }
}

TEST_CASE("lint --cache warns about a damaged or unwritable cache and reports as without it",
          "[cli][cache]") {
    const ScratchDir dir("cachewarn");
    dir.write("a.txt", kCouncilStory);
    const auto plain = dir.copydesk("lint --format line a.txt");
    REQUIRE(dir.copydesk("lint --format line --cache-dir cache a.txt").out == plain.out);
    const fs::path file = dir.path() / "cache" / "lint.cache";
    const std::string good = slurp(file);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << good.substr(0, good.size() / 2);
    const auto damaged = dir.copydesk("lint --format line --cache-dir cache a.txt");
    CHECK(damaged.code == plain.code);
    CHECK(damaged.out == plain.out);
    CHECK(damaged.err.find("copydesk: warning: cache/lint.cache: holds ") == 0);
    CHECK(damaged.err.find("starting an empty cache") != std::string::npos);
    // That run wrote a good file again.
    const auto after = dir.copydesk("lint --format line --cache-dir cache a.txt");
    CHECK(after.err.empty());
    CHECK(after.out == plain.out);

    dir.write("blocker", "a file where the folder would go");
    const auto blocked = dir.copydesk("lint --format line --cache-dir blocker/cache a.txt");
    CHECK(blocked.code == plain.code);
    CHECK(blocked.out == plain.out);
    CHECK(blocked.err.find("cannot create the cache folder") != std::string::npos);

    // --cache alone uses $XDG_CACHE_HOME/copydesk.
    const auto xdg = dir.copydesk("lint --format line --cache a.txt",
                                  "XDG_CACHE_HOME='" + dir.path().string() + "/xdg' ");
    CHECK(xdg.out == plain.out);
    CHECK(fs::exists(dir.path() / "xdg" / "copydesk" / "lint.cache"));
}
