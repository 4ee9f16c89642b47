#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "config/config_file.hpp"
#include "config/gitignore.hpp"
#include "config/glob.hpp"
#include "config/resolver.hpp"
#include "config/session.hpp"
#include "rules/linter.hpp"

using namespace copydesk;
using namespace copydesk::config;
namespace fs = std::filesystem;

namespace {

Glob glob(std::string_view p) {
    std::string error;
    auto g = Glob::parse(p, error);
    REQUIRE(g);
    return *g;
}

// A scratch folder removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("copydesk-config-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& rel, const std::string& text) const {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel, std::ios::binary) << text;
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

ConfigError parse_error(const std::string& text) {
    auto r = parse_config("site/.copydesk.yaml", text);
    REQUIRE(std::holds_alternative<ConfigError>(r));
    return std::get<ConfigError>(r);
}

}  // namespace

TEST_CASE("globs", "[config]") {
    CHECK(glob("*.md").matches("a.md", false));
    CHECK(glob("*.md").matches("deep/down/a.md", false));
    CHECK_FALSE(glob("*.md").matches("a.mdx", false));
    CHECK(glob("archive/**").matches("archive/2019/x.md", false));
    CHECK(glob("archive/**").matches("archive/x.md", false));
    CHECK_FALSE(glob("archive/**").matches("archive", true));
    CHECK_FALSE(glob("archive/**").matches("news/archive/x.md", false));
    CHECK(glob("**/drafts").matches("a/b/drafts", true));
    CHECK(glob("a/**/b.md").matches("a/b.md", false));
    CHECK(glob("a/**/b.md").matches("a/x/y/b.md", false));
    CHECK(glob("/top.md").matches("top.md", false));
    CHECK_FALSE(glob("/top.md").matches("sub/top.md", false));
    CHECK(glob("doc/frotz/").matches("doc/frotz", true));
    CHECK_FALSE(glob("doc/frotz/").matches("a/doc/frotz", true));
    CHECK_FALSE(glob("build/").matches("build", false));
    CHECK(glob("build/").matches("x/build", true));
    CHECK(glob("dr?ft-[0-9].md").matches("draft-7.md", false));
    CHECK_FALSE(glob("dr?ft-[!0-9].md").matches("draft-7.md", false));
    CHECK(glob("\\*.md").matches("*.md", false));
    CHECK_FALSE(glob("\\*.md").matches("a.md", false));
    CHECK(glob("a**b").matches("axxb", false));
    CHECK_FALSE(glob("a*b").matches("a/b", false));
}

TEST_CASE(".gitignore semantics", "[config]") {
    const IgnoreFile f = IgnoreFile::parse(
        "# comment\n"
        "\n"
        "*.log\n"
        "!keep.log\n"
        "build/\n"
        "/root-only.md\n"
        "docs/*.tmp\n"
        "trailing.md   \n"
        "\\#hash.md\n"
        "\\!bang.md\n",
        "/repo");
    auto v = [&](std::string_view p, bool dir = false) { return f.verdict(p, dir); };
    CHECK(v("x.log") == std::optional<bool>(true));
    CHECK(v("a/b/x.log") == std::optional<bool>(true));
    CHECK(v("a/keep.log") == std::optional<bool>(false));
    CHECK(v("build", true) == std::optional<bool>(true));
    CHECK(v("build", false) == std::nullopt);
    CHECK(v("root-only.md") == std::optional<bool>(true));
    CHECK(v("sub/root-only.md") == std::nullopt);
    CHECK(v("docs/x.tmp") == std::optional<bool>(true));
    CHECK(v("docs/sub/x.tmp") == std::nullopt);
    CHECK(v("trailing.md") == std::optional<bool>(true));
    CHECK(v("#hash.md") == std::optional<bool>(true));
    CHECK(v("!bang.md") == std::optional<bool>(true));

    IgnoreStack stack;
    stack.push(IgnoreFile::parse("*.md\n", "/repo"));
    stack.push(IgnoreFile::parse("!story.md\n", "/repo/news"));
    CHECK(stack.ignored("/repo/a.md", false));
    CHECK_FALSE(stack.ignored("/repo/news/story.md", false));
    CHECK(stack.ignored("/repo/news/other.md", false));
    CHECK_FALSE(stack.ignored("/elsewhere/a.txt", false));
}

TEST_CASE(".gitignore matching agrees with git check-ignore", "[config]") {
    if (std::system("git --version >/dev/null 2>&1") != 0) {
        WARN("git is not installed: skipped");
        return;
    }
    TempDir repo;
    const std::string patterns =
        "*.log\n!important.log\nbuild/\n/top.md\ndocs/**/draft-*.md\n**/tmp\nnotes/*.txt\n"
        "a?c.md\n[0-9]*.md\n!1-keep.md\nsub/dir/\n*.bak/\n";
    repo.write(".gitignore", patterns);
    const std::vector<std::pair<std::string, bool>> paths{{"x.log", false},
                                                          {"a/important.log", false},
                                                          {"build", true},
                                                          {"a/build", true},
                                                          {"f/build", false},
                                                          {"top.md", false},
                                                          {"a/top.md", false},
                                                          {"docs/draft-1.md", false},
                                                          {"docs/x/y/draft-2.md", false},
                                                          {"a/tmp", true},
                                                          {"tmp", false},
                                                          {"notes/a.txt", false},
                                                          {"notes/x/a.txt", false},
                                                          {"abc.md", false},
                                                          {"a/abc.md", false},
                                                          {"2024.md", false},
                                                          {"1-keep.md", false},
                                                          {"sub/dir", true},
                                                          {"x/sub/dir", true},
                                                          {"old.bak", true},
                                                          {"f/old.bak", false},
                                                          {"story.md", false}};
    const IgnoreFile mine = IgnoreFile::parse(patterns, repo.path);
    for (const auto& [p, is_dir] : paths) {
        fs::create_directories(repo.path / (is_dir ? p : fs::path(p).parent_path().string()));
        const std::string cmd = "cd '" + repo.path.string() +
                                "' && git init -q . 2>/dev/null; git check-ignore -q --no-index '" +
                                p + (is_dir ? "/" : "") + "'";
        const bool git_says = std::system(cmd.c_str()) == 0;
        INFO("path " << p << (is_dir ? "/" : ""));
        CHECK(mine.verdict(p, is_dir).value_or(false) == git_says);
    }
}

TEST_CASE("a program whose data folder is gone stops instead of running on less", "[config]") {
    // As for a program copied away from the tree it was built in, or one whose tree was
    // removed: nothing beside it, and no COPYDESK_DATA_DIR.
    const char* set = std::getenv("COPYDESK_DATA_DIR");
    const std::string saved = set != nullptr ? set : "";
    ::unsetenv("COPYDESK_DATA_DIR");
    const fs::path tree =
        fs::temp_directory_path() / ("copydesk-tree-" + std::to_string(::getpid()));
    fs::create_directories(tree);
    auto error_for = [](const fs::path& fallback) {
        try {
            (void)find_data_dir(fallback);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string why = "'" + tree.string() + "' holds dictionaries/ or rules/";
    CHECK(error_for(tree).find(why) != std::string::npos);
    fs::create_directories(tree / "rules");
    CHECK(error_for(tree).empty());
    CHECK(find_data_dir(tree) == tree);
    fs::remove_all(tree);
    CHECK(error_for(tree).find(why) != std::string::npos);
    if (set != nullptr) ::setenv("COPYDESK_DATA_DIR", saved.c_str(), 1);
}

TEST_CASE("config errors name the file, line, column and key", "[config]") {
    ConfigError e = parse_error("language: en_GB\nlangauge: en_US\n");
    CHECK(e.to_string() ==
          "site/.copydesk.yaml:2:1: unknown key 'langauge'; did you mean 'language'?");
    e = parse_error("fail_level: sometimes\n");
    CHECK(
        e.to_string() ==
        "site/.copydesk.yaml:1:13: 'fail_level' is suggestion, warning or error, not 'sometimes'");
    e = parse_error("rules:\n  spelling: loud\n");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 13);
    CHECK(e.message.find("rule 'spelling' takes on, off") == 0);
    e = parse_error("scopes:\n  quotes:\n    spelling: off\n");
    CHECK(e.where.line == 2);
    CHECK(e.message.find("unknown key 'quotes'") == 0);
    e = parse_error("scopes:\n  quotation:\n    spelling: on\n");
    CHECK(e.message == "rule 'spelling' takes off, suggestion, warning or error, not 'on'");
    e = parse_error("overrides:\n  - report_level: error\n");
    CHECK(e.where.line == 2);
    CHECK(e.message.find("needs 'files'") != std::string::npos);
    e = parse_error("ignore: [\"\"]\n");
    CHECK(e.where.line == 1);
    e = parse_error("rules: [\n");
    CHECK(e.where.file == "site/.copydesk.yaml");
    e = parse_error("- a list\n");
    CHECK(e.message.find("mapping of keys") != std::string::npos);
    e = parse_error("vocabulary:\n  accept: [Kyiv]\n  reject:\n    - {a: b, c: d}\n");
    CHECK(e.where.line == 4);
}

TEST_CASE("the starter config is valid and says what the defaults are", "[config]") {
    auto r = parse_config(".copydesk.yaml", starter_config());
    REQUIRE(std::holds_alternative<ConfigFile>(r));
    const ConfigFile& cfg = std::get<ConfigFile>(r);
    CHECK(cfg.root);
    CHECK(cfg.base.language == std::optional<std::string>("en_US"));
    CHECK(cfg.base.fail_level == std::optional<Severity>(Severity::Warning));
    CHECK(cfg.base.front_matter ==
          std::optional<std::vector<std::string>>({"title", "description", "summary"}));
    Settings defaults;
    CHECK(*cfg.base.front_matter == defaults.front_matter_keys);
    CHECK(defaults.lang == *cfg.base.language);
}

TEST_CASE("nested configs merge, overrides and flags apply in order", "[config]") {
    TempDir t;
    t.write(".git/HEAD", "ref: refs/heads/main\n");
    t.write(".copydesk.yaml",
            "language: en_GB\n"
            "style: ap\n"
            "rules: {unknown-name: suggestion, repeated-word: off}\n"
            "vocabulary: {accept: [Zelenskyy], reject: [{Kiev: Kyiv}, gonna]}\n"
            "scopes:\n  quotation: {rejected-term: suggestion}\n"
            "packs: [styles/house]\n"
            "overrides:\n  - files: [\"archive/**\"]\n    report_level: error\n");
    t.write("news/.copydesk.yaml",
            "rules: {repeated-word: on}\nvocabulary: {accept: [Lukashenko]}\n"
            "front_matter: [title, dek]\n");
    Resolver resolver({}, "/data");

    auto top = std::get<Effective>(resolver.resolve(t.path / "story.md")).settings;
    CHECK(top.lang == "en_GB");
    CHECK(top.style == "ap");
    CHECK(top.selection.disable == std::set<std::string>{"repeated-word"});
    CHECK(top.selection.severity.at("unknown-name") == Severity::Suggestion);
    CHECK(top.selection.scopes.at("quotation").severity.at("rejected-term") ==
          Severity::Suggestion);
    CHECK(top.rule_packs == std::vector<fs::path>{t.path / "styles" / "house"});
    CHECK(top.accept == std::vector<std::string>{"Zelenskyy"});
    REQUIRE(top.reject.size() == 2);
    CHECK(top.reject[0].use == "Kyiv");
    CHECK(top.reject[1].use.empty());
    CHECK(top.selection.report_level == Severity::Suggestion);

    auto news = std::get<Effective>(resolver.resolve(t.path / "news" / "a.md"));
    CHECK(news.settings.selection.disable.empty());
    CHECK(news.settings.selection.enable.count("repeated-word") == 1);
    CHECK(news.settings.accept == std::vector<std::string>{"Zelenskyy", "Lukashenko"});
    CHECK(news.settings.front_matter_keys == std::vector<std::string>{"title", "dek"});
    CHECK(news.sources.size() == 2);

    auto archived = std::get<Effective>(resolver.resolve(t.path / "archive" / "2019" / "x.md"));
    CHECK(archived.settings.selection.report_level == Severity::Error);
    CHECK(archived.sources.back().find("(files: archive/**)") != std::string::npos);

    Flags flags;
    flags.lang = "en_US";
    flags.disable = {"unknown-name"};
    flags.enable = {"repeated-word"};
    flags.report_level = Severity::Warning;
    Resolver with_flags(flags, "/data");
    auto flagged = std::get<Effective>(with_flags.resolve(t.path / "archive" / "x.md")).settings;
    CHECK(flagged.lang == "en_US");
    CHECK(flagged.selection.disable == std::set<std::string>{"unknown-name"});
    CHECK(flagged.selection.enable.count("repeated-word") == 1);
    CHECK(flagged.selection.report_level == Severity::Warning);
    CHECK(flagged.rule_origins.count("unknown-name") == 0);  // the flag, not the file, decided
}

TEST_CASE("discovery stops at root: true and at the repository root", "[config]") {
    TempDir t;
    t.write(".copydesk.yaml", "language: en_GB\n");
    t.write("repo/.git/HEAD", "x\n");
    t.write("repo/docs/.copydesk.yaml", "style: ap\n");
    t.write("other/.copydesk.yaml", "root: true\nstyle: house\n");
    t.write("other/sub/.copydesk.yaml", "fail_level: error\n");
    Resolver resolver({}, "/data");
    auto in_repo = std::get<Effective>(resolver.resolve(t.path / "repo" / "docs" / "a.md"));
    CHECK(in_repo.settings.lang == "en_US");  // the file above the repository is not read
    CHECK(in_repo.settings.style == "ap");
    auto other = std::get<Effective>(resolver.resolve(t.path / "other" / "sub" / "a.md"));
    CHECK(other.settings.lang == "en_US");  // root: true stops the search
    CHECK(other.settings.style == "house");
    CHECK(other.settings.fail_level == Severity::Error);

    Flags only;
    only.config_file = t.path / "other" / "sub" / ".copydesk.yaml";
    Resolver explicit_config(only, "/data");
    auto chosen = std::get<Effective>(explicit_config.resolve(t.path / "repo" / "docs" / "a.md"));
    CHECK(chosen.settings.fail_level == Severity::Error);
    CHECK(chosen.settings.style.empty());
}

TEST_CASE("a broken config file is an error for the files under it", "[config]") {
    TempDir t;
    t.write(".git/HEAD", "x\n");
    t.write("news/.copydesk.yaml", "rules:\n  speling: off\n");
    t.write("bad/.copydesk.yaml", "fail_level: [\n");
    Resolver resolver({}, "/data");
    CHECK(std::holds_alternative<Effective>(resolver.resolve(t.path / "a.md")));
    auto bad = resolver.resolve(t.path / "bad" / "a.md");
    REQUIRE(std::holds_alternative<ConfigError>(bad));
    // An unknown rule id is found when the session is made, and named where it was written.
    auto news = std::get<Effective>(resolver.resolve(t.path / "news" / "a.md"));
    const auto why = check_rule_ids(news.settings);
    REQUIRE(why);
    CHECK(why->find(".copydesk.yaml:2:3: unknown rule 'speling'; did you mean 'spelling'?") !=
          std::string::npos);
}

TEST_CASE("describe prints the settings as YAML a config file accepts", "[config]") {
    Settings s;
    s.style = "ap";
    s.accept = {"Zelenskyy"};
    s.reject = {{"Kiev", "Kyiv"}, {"gonna", ""}};
    s.selection.disable = {"repeated-word"};
    s.selection.scopes["quotation"].severity["rejected-term"] = Severity::Suggestion;
    const std::string text = s.describe();
    auto r = parse_config("x/.copydesk.yaml", text);
    INFO(text);
    REQUIRE(std::holds_alternative<ConfigFile>(r));
    const Layer& l = std::get<ConfigFile>(r).base;
    CHECK(l.style == std::optional<std::string>("ap"));
    CHECK(l.accept == s.accept);
    REQUIRE(l.reject.size() == 2);
    CHECK(l.reject[0].use == "Kyiv");
    CHECK(l.rules.at("repeated-word").state == RuleSetting::State::Off);
    CHECK(l.scopes.at("quotation").at("rejected-term").severity == Severity::Suggestion);
}

TEST_CASE("docs/config.md documents every key, and its examples are valid", "[config]") {
    std::ifstream in(fs::path(COPYDESK_SOURCE_DIR) / "docs" / "config.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string docs = ss.str();
    for (std::string_view key : config_keys()) {
        INFO("key " << key);
        CHECK(docs.find("| `" + std::string(key) + "` |") != std::string::npos);
    }
    for (std::string_view key : override_keys()) {
        INFO("override key " << key);
        CHECK(docs.find("`" + std::string(key) + "`") != std::string::npos);
    }
    for (const std::string& scope : rules::scope_names()) {
        INFO("scope " << scope);
        CHECK(docs.find("| `" + scope + "` |") != std::string::npos);
    }
    // Every ```yaml block parses as a config file.
    std::size_t blocks = 0;
    for (std::size_t at = docs.find("```yaml\n"); at != std::string::npos;
         at = docs.find("```yaml\n", at + 1)) {
        const std::size_t begin = at + 8;
        const std::size_t end = docs.find("```", begin);
        REQUIRE(end != std::string::npos);
        auto r = parse_config("docs/.copydesk.yaml", docs.substr(begin, end - begin));
        const std::string why =
            std::holds_alternative<ConfigError>(r) ? std::get<ConfigError>(r).to_string() : "";
        INFO(why);
        CHECK(std::holds_alternative<ConfigFile>(r));
        ++blocks;
    }
    CHECK(blocks >= 1);
}

TEST_CASE("sessions share the large data files through one data cache", "[config]") {
    const fs::path data_dir = COPYDESK_SOURCE_DIR;
    config::DataCache cache;
    const auto names_dir = data_dir / "dictionaries" / "names";
    auto first = cache.names(names_dir);
    auto second = cache.names(names_dir);
    REQUIRE(std::holds_alternative<std::shared_ptr<const names::Database>>(first));
    CHECK(std::get<std::shared_ptr<const names::Database>>(first) ==
          std::get<std::shared_ptr<const names::Database>>(second));
    CHECK(std::holds_alternative<std::string>(cache.names(data_dir / "no-such-folder")));

    const std::string spelling = (data_dir / "dictionaries" / "spelling").string();
    spell::SpellData a;
    spell::SpellData b;
    spell::SpellData without_table;
    REQUIRE_FALSE(cache.spelling(spelling, true, a));
    REQUIRE_FALSE(cache.spelling(spelling, true, b));
    REQUIRE_FALSE(cache.spelling(spelling, false, without_table));
    REQUIRE(a.lexicon != nullptr);
    CHECK(a.lexicon == b.lexicon);
    CHECK(a.misspellings == b.misspellings);
    CHECK(a.misspellings != nullptr);
    CHECK(without_table.misspellings == nullptr);

    // Two sessions with different settings, from one cache.
    config::Settings one;
    one.data_dir = data_dir;
    config::Settings two = one;
    two.accept = {"Kowalczyk"};
    CHECK(std::holds_alternative<config::Session>(config::Session::create(one, &cache)));
    CHECK(std::holds_alternative<config::Session>(config::Session::create(two, &cache)));
}
