#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "output/formatter.hpp"

using namespace copydesk::cli;

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    CLI::App app{"copydesk: a linter for editorial copy (spelling, names, web residue, typography)",
                 "copydesk"};
    app.set_version_flag("--version", std::string("copydesk ") + COPYDESK_VERSION);
    app.require_subcommand(0, 1);

    LintArgs lint;
    CLI::App* lint_cmd =
        app.add_subcommand("lint", "Lint files, folders (recursively) or stdin (-)");
    lint_cmd->add_option("paths", lint.paths, "Files or folders to lint; - reads stdin")
        ->required();
    lint_cmd->add_option("--format", lint.format, "Output format")
        ->check(CLI::IsMember(copydesk::output::format_names()))
        ->capture_default_str();
    // Options shared by `lint` and `config --show`: each overrides the config files.
    auto config_options = [](CLI::App* cmd, LintArgs& a) {
        cmd->add_option("--config", a.config,
                        "Use this config file instead of the .copydesk.yaml files found");
        cmd->add_option("--lang", a.lang, "Dictionary language: en_US (default), en_GB, ...");
        cmd->add_option("--style", a.style,
                        "Style profile for names: ap, reuters, bbc, guardian (or your own "
                        "from dictionaries/names); none flags only retired spellings");
        cmd->add_option("--fail-level", a.fail_level,
                        "Exit 1 when a finding is at or above this severity (default warning)")
            ->check(CLI::IsMember({"suggestion", "warning", "error"}));
        cmd->add_option("--report-level", a.report_level,
                        "Report only findings at or above this severity (default suggestion)")
            ->check(CLI::IsMember({"suggestion", "warning", "error"}));
        // One value per flag, so `--enable a,b file.txt` leaves file.txt to the paths.
        cmd->add_option("--enable", a.enable, "Turn rules on (comma-separated ids)")
            ->allow_extra_args(false);
        cmd->add_option("--disable", a.disable, "Turn rules off (comma-separated ids)")
            ->allow_extra_args(false);
    };
    config_options(lint_cmd, lint);
    lint_cmd->add_option("--stdin-filename", lint.stdin_filename,
                         "Name shown for stdin (its extension chooses the reader)");
    lint_cmd->add_option("--output,-o", lint.output,
                         "Write the report to FILE (replaced only once complete) instead of "
                         "standard output");
    lint_cmd->add_option("--color", lint.color, "Color in text output")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    lint_cmd->add_option("--diff-base", lint.diff_base,
                         "Lint whole files but report only findings on lines added or changed "
                         "since this git revision (working tree against REV)");
    lint_cmd->add_flag("--cache", lint.cache,
                       "Reuse earlier runs' findings for files unchanged since, with the same "
                       "configuration, data and program ($XDG_CACHE_HOME/copydesk)");
    lint_cmd->add_option("--cache-dir", lint.cache_dir,
                         "Keep the cache in this folder (implies --cache)");
    lint_cmd->add_option("--jobs,-j", lint.jobs,
                         "Lint this many files at once (default: one per core)");
    std::string shard;
    lint_cmd
        ->add_option("--shard", shard,
                     "Lint only part K of N of the file list (K/N, e.g. 2/8), split by path "
                     "hash, for CI matrix jobs")
        ->check([](const std::string& v) -> std::string {
            unsigned k = 0;
            unsigned n = 0;
            char slash = 0;
            std::istringstream in(v);
            if (!(in >> k >> slash >> n) || slash != '/' || !in.eof() || k < 1 || n < 1 || k > n) {
                return "--shard takes K/N with 1 <= K <= N, e.g. 2/8";
            }
            return {};
        });
    lint_cmd
        ->add_option("--progress", lint.progress,
                     "Progress line on stderr: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    lint_cmd
        ->add_option("--max-file-size", lint.max_file_size,
                     "Refuse files larger than this (default 64MiB; K, M, G suffixes)")
        ->transform(CLI::AsSizeValue(false));
    lint_cmd->add_flag("--quiet,-q", lint.quiet, "Print nothing on stderr but errors");
    lint_cmd
        ->add_option("--suggestion-budget", lint.suggestion_budget_ms,
                     "Spend at most about this many milliseconds per file on spelling "
                     "suggestions; words past it are reported without them, and the file is "
                     "not cached (default: no bound)")
        ->check(CLI::NonNegativeNumber);

    FixArgs fix;
    CLI::App* fix_cmd = app.add_subcommand(
        "fix", "Apply the safe fixes in place (files, folders, or stdin - to stdout)");
    fix_cmd->add_option("paths", fix.paths, "Files or folders to fix; - reads stdin")->required();
    fix_cmd->add_flag("--diff", fix.diff, "Print a unified diff instead; change nothing");
    fix_cmd->add_flag("--check", fix.check,
                      "Change nothing; exit 1 if a file would change (for CI)");
    fix_cmd->add_option("--rule", fix.rules, "Apply only these rules' fixes (comma-separated ids)");
    fix_cmd->add_option("--lang", fix.lang, "Dictionary language: en_US (default), en_GB, ...");
    fix_cmd->add_option("--config", fix.config,
                        "Use this config file instead of the .copydesk.yaml files found");
    fix_cmd->add_option("--style", fix.style,
                        "Style profile for names (ap, reuters, bbc, guardian, ...): its safe "
                        "fixes are applied");
    fix_cmd->add_option("--enable", fix.enable, "Turn rules on (comma-separated ids)");
    fix_cmd->add_option("--disable", fix.disable, "Turn rules off (comma-separated ids)");
    fix_cmd->add_option("--stdin-filename", fix.stdin_filename,
                        "Name shown for stdin (its extension chooses the reader)");
    fix_cmd
        ->add_option("--max-file-size", fix.max_file_size,
                     "Refuse files larger than this (default 64MiB; K, M, G suffixes)")
        ->transform(CLI::AsSizeValue(false));
    fix_cmd->add_flag("--quiet,-q", fix.quiet, "Print nothing on stderr but errors");

    std::string init_folder = ".";
    bool init_force = false;
    CLI::App* init_cmd =
        app.add_subcommand("init", "Write a commented starter .copydesk.yaml in a folder");
    init_cmd->add_option("folder", init_folder, "Where to write it")->capture_default_str();
    init_cmd->add_flag("--force", init_force, "Replace an existing .copydesk.yaml");

    LintArgs show;
    std::string show_file;
    CLI::App* config_cmd = app.add_subcommand("config", "Show the configuration in force");
    config_cmd->add_option("--show", show_file, "The file (or folder) to show it for")->required();
    config_options(config_cmd, show);

    app.add_subcommand("rules", "List the rules");
    app.add_subcommand("lsp", "Language server over stdio, for editors");
    std::string explain_id;
    CLI::App* explain_cmd = app.add_subcommand("explain", "Describe a rule");
    explain_cmd->add_option("rule", explain_id, "Rule id")->required();

    // `copydesk PATH...` means `copydesk lint PATH...`.
    std::vector<std::string> args(argv + 1, argv + argc);
    const auto commands = app.get_subcommands({});
    const bool explicit_command =
        !args.empty() && std::any_of(commands.begin(), commands.end(),
                                     [&](const CLI::App* c) { return c->get_name() == args[0]; });
    const bool top_level_flag =
        !args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "--version");
    if (!args.empty() && !explicit_command && !top_level_flag) args.insert(args.begin(), "lint");
    std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector

    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        std::cerr << "copydesk: " << e.what() << "\n(run 'copydesk --help' for usage)\n";
        return kExitError;
    }
    try {
        if (app.got_subcommand("rules")) return run_rules();
        if (app.got_subcommand("explain")) return run_explain(explain_id);
        if (app.got_subcommand("lint")) {
            if (!shard.empty()) {
                char slash = 0;
                std::istringstream(shard) >> lint.shard_index >> slash >> lint.shard_count;
            }
            return run_lint(lint);
        }
        if (app.got_subcommand("lsp")) return run_lsp();
        if (app.got_subcommand("fix")) return run_fix(fix);

        if (app.got_subcommand("init")) return run_init(init_folder, init_force);
        if (app.got_subcommand("config")) return run_config_show(show, show_file);
        std::cout << app.help();
        return kExitError;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitError;
    }
}
