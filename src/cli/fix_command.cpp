#include <filesystem>
#include <iostream>
#include <iterator>
#include <set>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/flags.hpp"
#include "config/resolver.hpp"
#include "core/memory.hpp"
#include "fix/diff.hpp"
#include "fix/fixer.hpp"
#include "fix/safe_file.hpp"
#include "markup/reader.hpp"

namespace copydesk::cli {

namespace {

enum class Mode { Write, Diff, Check };

struct Totals {
    std::size_t files = 0;
    std::size_t changed_files = 0;
    std::size_t fixes = 0;
    std::size_t remaining = 0;
    bool error = false;
};

class FixRun {
  public:
    FixRun(const FixArgs& args, config::Resolver& resolver) : args_(args), resolver_(resolver) {
        mode_ = args.diff ? Mode::Diff : args.check ? Mode::Check : Mode::Write;
        options_.filter.rules.insert(args.rules.begin(), args.rules.end());
    }

    void file(const std::string& path);
    void print_totals() const;
    [[nodiscard]] const Totals& totals() const { return totals_; }

  private:
    void standard_input(const std::string& shown);
    // Lints and fixes `bytes`; null (after reporting) when they cannot be read as text.
    std::optional<fix::Result> fix_bytes(const std::string& shown, const std::string& bytes,
                                         std::optional<Document>& doc);
    void report(const std::string& shown, const Document& original, const fix::Result& result,
                bool written);

    // The linter for `target`'s configuration; null (after reporting) on a config error.
    rules::Linter* linter_for(const std::string& target, fix::Options& options);

    const FixArgs& args_;
    config::Resolver& resolver_;
    config::SessionCache sessions_;
    std::set<std::string> reported_;  // configuration errors, each reported once
    Mode mode_;
    fix::Options options_;
    Totals totals_;
};

rules::Linter* FixRun::linter_for(const std::string& target, fix::Options& options) {
    auto got = sessions_.for_file(resolver_, target);
    if (auto* entry = std::get_if<config::SessionCache::Entry*>(&got)) {
        options.read.front_matter_keys = (*entry)->session.settings().front_matter_keys;
        return (*entry)->worker.linter.get();
    }
    const std::string& why = std::get<std::string>(got);
    if (reported_.insert(why).second) report_error(why);
    totals_.error = true;
    return nullptr;
}

std::optional<fix::Result> FixRun::fix_bytes(const std::string& shown, const std::string& bytes,
                                             std::optional<Document>& doc) {
    // stdin takes the configuration of the folder --stdin-filename names (or the current one).
    const std::string target = shown == "-" ? "stdin" : shown;
    fix::Options options = options_;
    rules::Linter* linter = linter_for(target, options);
    if (linter == nullptr) return std::nullopt;
    const markup::Format format = markup::format_for_path(shown);
    auto loaded = markup::load_document(shown, bytes, format, options.read);
    if (auto* bad = std::get_if<markup::LoadError>(&loaded)) {
        std::string where = shown;
        if (bad->has_position) {
            where += ":" + std::to_string(bad->position.line) + ":" +
                     std::to_string(bad->position.column);
        }
        report_error(where + ": " + bad->message);
        totals_.error |= bad->kind != markup::LoadError::Kind::Binary;
        return std::nullopt;
    }
    doc = std::get<Document>(std::move(loaded));
    doc->lines = SourceMap(doc->source);  // the move may relocate a short string's bytes
    fix::Result result = fix::fix_document(*doc, format, *linter, options);
    if (result.error) {
        report_error(shown + ": " + *result.error);
        totals_.error = true;
        return std::nullopt;
    }
    if (!result.converged) {
        report_error(shown + ": safe fixes were still pending after " +
                     std::to_string(result.passes - 1) + " passes; run copydesk fix again");
    }
    return result;
}

void FixRun::file(const std::string& path) {
    ++totals_.files;
    const std::string shown =
        path == "-" && !args_.stdin_filename.empty() ? args_.stdin_filename : path;
    if (path == "-") {
        standard_input(shown);
        return;
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > args_.max_file_size) {
        report_error(shown + ": " + too_large(args_.max_file_size));
        totals_.error = true;
        return;
    }
    auto read = fix::read_snapshot(path);
    if (auto* why = std::get_if<std::string>(&read)) {
        report_error(shown + ": " + *why);
        totals_.error = true;
        return;
    }
    const fix::Snapshot& snapshot = std::get<fix::Snapshot>(read);
    std::optional<Document> doc;
    const auto result = fix_bytes(shown, snapshot.bytes, doc);
    if (!result) return;
    if (result->changed()) {
        if (mode_ == Mode::Diff) {
            std::cout << fix::unified_diff(shown, snapshot.bytes, result->text, result->edits);
        } else if (mode_ == Mode::Write) {
            if (auto failed = fix::replace_file(snapshot, result->text)) {
                report_error(shown + ": cannot fix: " + failed->message +
                             (failed->original_intact ? "; the file is unchanged" : ""));
                totals_.error = true;
                return;
            }
        }
    }
    report(shown, *doc, *result, mode_ == Mode::Write);
}

// A filter: the fixed text goes to stdout (a diff with --diff, nothing with --check). Text
// that cannot be read is passed through unchanged, so a pipeline never loses it.
void FixRun::standard_input(const std::string& shown) {
    const std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
    if (bytes.size() > args_.max_file_size) {
        report_error(shown + ": " + too_large(args_.max_file_size));
        totals_.error = true;
        if (mode_ == Mode::Write) std::cout << bytes;
        return;
    }
    std::optional<Document> doc;
    const auto result = fix_bytes(shown, bytes, doc);
    if (!result) {
        if (mode_ == Mode::Write) std::cout << bytes;
        return;
    }
    if (mode_ == Mode::Write) std::cout << result->text;
    if (mode_ == Mode::Diff) {
        std::cout << fix::unified_diff(shown, bytes, result->text, result->edits);
    }
    report(shown, *doc, *result, mode_ == Mode::Write);
}

// The per-file summary on stderr: fixes applied, then each finding left for an editor, at its
// position in the text the user now has (the fixed text, or the unchanged original).
void FixRun::report(const std::string& shown, const Document& original, const fix::Result& result,
                    bool written) {
    totals_.fixes += result.applied_total();
    totals_.changed_files += result.changed() ? 1 : 0;
    std::vector<const Diagnostic*> left;
    for (const Diagnostic& d : result.remaining) {
        if (options_.filter.rules.empty() || options_.filter.rules.count(d.rule) != 0) {
            left.push_back(&d);
        }
    }
    totals_.remaining += left.size();
    if (args_.quiet) return;
    if (result.changed()) {
        std::cerr << shown << ": " << result.applied_total()
                  << (result.applied_total() == 1 ? " fix" : " fixes")
                  << (mode_ == Mode::Write ? " applied" : " to apply") << " (";
        const char* sep = "";
        for (const auto& [rule, count] : result.applied) {
            std::cerr << sep << rule << ' ' << count;
            sep = ", ";
        }
        std::cerr << ")\n";
    }
    const SourceMap fixed_lines(result.text);
    for (const Diagnostic* d : left) {
        const Position p =
            written ? fixed_lines.position(d->span.begin)
                    : original.lines.position(fix::to_original(result.edits, d->span).begin);
        std::cerr << shown << ':' << p.line << ':' << p.column << ": " << to_string(d->severity)
                  << ": " << d->message << " [" << d->rule << "]\n";
    }
}

void FixRun::print_totals() const {
    if (args_.quiet) return;
    const char* verb = mode_ == Mode::Write ? "applied" : "to apply";
    std::cerr << "copydesk fix: " << totals_.fixes << (totals_.fixes == 1 ? " fix " : " fixes ")
              << verb << " in " << totals_.changed_files << " of " << totals_.files
              << (totals_.files == 1 ? " file; " : " files; ") << totals_.remaining
              << (totals_.remaining == 1 ? " finding" : " findings") << " left for an editor\n";
}

}  // namespace

int run_fix(const FixArgs& args) {
    keep_freed_memory();
    LintArgs as_lint;
    as_lint.lang = args.lang;
    as_lint.style = args.style;
    as_lint.enable = args.enable;
    as_lint.disable = args.disable;
    as_lint.config = args.config;
    const std::vector<std::string> only = split_ids(args.rules);
    // A rule named with --rule runs even if it is off by default (or in the config files).
    as_lint.enable.insert(as_lint.enable.end(), only.begin(), only.end());
    config::Flags flags;
    if (auto why = flags_from_args(as_lint, flags)) {
        report_error(*why);
        return kExitError;
    }
    config::Resolver resolver(flags, config::find_data_dir(COPYDESK_SOURCE_DIR));

    FixArgs effective = args;
    effective.rules = only;
    FixRun run(effective, resolver);
    std::vector<InputFailure> walk_failures;
    const std::vector<std::string> files = expand_paths(args.paths, resolver, walk_failures);
    for (const auto& f : walk_failures) report_error(f.path + ": " + f.why);
    for (const std::string& path : files) run.file(path);
    std::cout.flush();
    run.print_totals();
    if (run.totals().error || !walk_failures.empty()) return kExitError;
    return args.check && run.totals().changed_files > 0 ? kExitFindings : kExitClean;
}

}  // namespace copydesk::cli
