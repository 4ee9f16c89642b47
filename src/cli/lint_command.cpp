#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "config/session.hpp"
#include "markup/reader.hpp"
#include "output/formatter.hpp"

namespace copydesk::cli {

void report_error(const std::string& what) {
    std::cerr << "copydesk: " << what << '\n';
}

namespace {

// Reads, loads and lints one file into `report`. Returns false on an error that fails the run.
bool lint_one(const std::string& path, const std::string& shown, rules::Linter& linter,
              std::optional<Document>& doc, output::FileReport& report) {
    report.path = shown;
    std::string bytes;
    std::string why;
    if (!read_input(path, bytes, why)) {
        report_error(shown + ": " + why);
        report.error = why;
        return false;
    }
    auto loaded = markup::load_document(shown, std::move(bytes), markup::format_for_path(shown));
    if (auto* bad = std::get_if<markup::LoadError>(&loaded)) {
        std::string where = shown;
        if (bad->has_position) {
            where += ":" + std::to_string(bad->position.line) + ":" +
                     std::to_string(bad->position.column);
        }
        report_error(where + ": " + bad->message);
        report.error = bad->message;
        return bad->kind == markup::LoadError::Kind::Binary;  // binary files are only skipped
    }
    doc = std::get<Document>(std::move(loaded));
    report.document = &*doc;
    report.diagnostics = linter.lint(*doc);
    return true;
}

}  // namespace

int run_lint(const LintArgs& args) {
    config::Settings settings;
    settings.lang = args.lang;
    settings.fail_level = parse_severity(args.fail_level).value_or(Severity::Warning);
    for (const auto& id : split_ids(args.enable)) settings.selection.enable.insert(id);
    for (const auto& id : split_ids(args.disable)) settings.selection.disable.insert(id);
    settings.data_dir = config::find_data_dir(COPYDESK_SOURCE_DIR);

    auto created = config::Session::create(std::move(settings));
    if (auto* why = std::get_if<std::string>(&created)) {
        report_error(*why);
        return kExitError;
    }
    const config::Session& session = std::get<config::Session>(created);
    config::Worker worker = session.make_worker();

    output::FormatOptions fmt_options;
    fmt_options.color =
        args.color == "always" ||
        (args.color == "auto" && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr);
    auto formatter = output::make_formatter(args.format, std::cout, fmt_options);

    std::vector<InputFailure> walk_failures;
    const std::vector<std::string> files = expand_paths(args.paths, walk_failures);
    bool had_error = !walk_failures.empty();
    for (const auto& f : walk_failures) report_error(f.path + ": " + f.why);

    output::Summary summary;
    bool had_findings = false;
    formatter->begin();
    for (const std::string& path : files) {
        const std::string shown =
            path == "-" && !args.stdin_filename.empty() ? args.stdin_filename : path;
        std::optional<Document> doc;
        output::FileReport report;
        had_error |= !lint_one(path, shown, *worker.linter, doc, report);
        for (const Diagnostic& d : report.diagnostics) {
            had_findings |= d.severity >= session.settings().fail_level;
        }
        formatter->file(report);
        summary.add(report);
    }
    formatter->end(summary);
    std::cout.flush();
    if (had_error) return kExitError;
    return had_findings ? kExitFindings : kExitClean;
}

}  // namespace copydesk::cli
