#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace copydesk::cli {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

// Prints `copydesk: <what>` on stderr.
void report_error(const std::string& what);

// Options left empty were not given: the config files (or the defaults) decide.
struct LintArgs {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string lang;
    std::string style;
    std::string fail_level;
    std::string report_level;
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::string config;
    std::string stdin_filename;
    std::string color = "auto";
    std::string output;        // empty or "-": standard output
    std::string diff_base;     // report only findings on lines changed since this revision
    unsigned jobs = 0;         // threads; 0: one per core
    unsigned shard_index = 1;  // --shard K/N: lint only the K-th of N parts of the file list
    unsigned shard_count = 1;
    std::string progress = "auto";
    std::uint64_t max_file_size = 64ULL << 20;  // larger files are refused (--max-file-size)
    bool quiet = false;
    int suggestion_budget_ms = -1;  // --suggestion-budget; -1: no bound
    bool cache = false;             // reuse earlier runs' findings for unchanged files (--cache)
    std::string cache_dir;  // where; empty: the user's cache folder (--cache-dir implies --cache)
};

struct FixArgs {
    std::vector<std::string> paths;
    bool diff = false;
    bool check = false;
    std::vector<std::string> rules;  // only these rules' fixes (--rule)
    std::string lang;                // empty: the config files (or the default) decide
    std::string style;               // empty: the config files decide
    std::vector<std::string> enable;
    std::vector<std::string> disable;
    std::string config;
    std::string stdin_filename;
    std::uint64_t max_file_size = 64ULL << 20;
    bool quiet = false;
};

int run_lint(const LintArgs& args);
int run_fix(const FixArgs& args);
int run_rules();
int run_lsp();
int run_explain(const std::string& rule_id);
// `copydesk init [FOLDER]`: writes a commented starter .copydesk.yaml.
int run_init(const std::string& folder, bool force);
// `copydesk config --show FILE`: prints the configuration in force for FILE.
int run_config_show(const LintArgs& args, const std::string& file);

}  // namespace copydesk::cli
