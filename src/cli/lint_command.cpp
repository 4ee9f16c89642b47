#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "cli/changed_lines.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/flags.hpp"
#include "cli/ordered_pool.hpp"
#include "cli/progress.hpp"
#include "cli/report_file.hpp"
#include "cli/result_cache.hpp"
#include "config/resolver.hpp"
#include "config/session.hpp"
#include "core/hash.hpp"
#include "core/memory.hpp"
#include "markup/reader.hpp"
#include "output/formatter.hpp"

namespace copydesk::cli {

void report_error(const std::string& what) {
    std::cerr << "copydesk: " << what << '\n';
}

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define COPYDESK_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define COPYDESK_SANITIZED 1
#endif

// Ends the process with `code` once the report is out, without tearing down what the run
// loaded (the lexicon's tables, the names database, the caches, each worker's rules): the
// system takes the memory back at once, where freeing it object by object was a millisecond of
// linting one article. A sanitizer build returns instead, so that leaks are still looked for.
int end_run(int code) {
#if defined(COPYDESK_SANITIZED)
    return code;
#else
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(code);
#endif
}

// One file's result: made on a worker thread, printed in order on the main one.
struct Outcome {
    output::FileReport report;
    std::unique_ptr<Document> doc;    // on the heap: the report points to it as the outcome moves
    std::vector<std::string> errors;  // for stderr, in order
    bool failed = false;              // an error that fails the run
    // An error in the file's configuration (reported once however many files it fails).
    std::optional<std::string> config_error;
};

// Whether every span of `found` lies within a text of `size` bytes: findings from the cache
// are checked before they are shown against a file.
bool fits(const std::vector<Diagnostic>& found, std::size_t size) {
    return std::all_of(found.begin(), found.end(), [&](const Diagnostic& d) {
        return d.span.end <= size &&
               (!d.fix || std::all_of(d.fix->edits.begin(), d.fix->edits.end(),
                                      [&](const Edit& e) { return e.span.end <= size; }));
    });
}

// The cache and the key of the file's session in it, when linting with --cache.
struct CacheUse {
    ResultCache* cache = nullptr;
    const CacheKey* session = nullptr;
};

// Reads, loads and lints one file into `out`, or takes its findings from the cache.
// `linter()` gives the thread's linter, made when a file first needs one (a run whose files
// all come from the cache makes none), or null when it cannot be made: it then says why in
// `out`.
template <typename GetLinter>
void lint_one(const std::string& path, const std::string& shown, std::uint64_t max_size,
              GetLinter&& linter, const markup::ReadOptions& read_options, CacheUse cached,
              Outcome& out) {
    output::FileReport& report = out.report;
    report.path = shown;
    std::string bytes;
    std::string why;
    if (!read_input(path, max_size, bytes, why)) {
        out.errors.push_back(shown + ": " + why);
        report.error = why;
        out.failed = true;
        return;
    }
    std::optional<CacheKey> key;
    if (cached.cache != nullptr && cached.session != nullptr) {
        key = KeyBuilder().add(*cached.session).add(shown).add(bytes).done();
        if (auto found = cached.cache->find(*key); found && fits(*found, bytes.size())) {
            // The formatters need the text and its lines only.
            out.doc = std::make_unique<Document>();
            out.doc->path = shown;
            out.doc->source = std::move(bytes);
            out.doc->lines = SourceMap(out.doc->source);
            report.document = out.doc.get();
            report.diagnostics = std::move(*found);
            return;
        }
    }
    rules::Linter* const lint = linter();
    if (lint == nullptr) return;
    auto loaded = markup::load_document(shown, std::move(bytes), markup::format_for_path(shown),
                                        read_options);
    if (auto* bad = std::get_if<markup::LoadError>(&loaded)) {
        std::string where = shown;
        if (bad->has_position) {
            where += ":" + std::to_string(bad->position.line) + ":" +
                     std::to_string(bad->position.column);
        }
        out.errors.push_back(where + ": " + bad->message);
        report.error = bad->message;
        out.failed = bad->kind != markup::LoadError::Kind::Binary;  // binary files are skipped
        return;
    }
    out.doc = std::make_unique<Document>(std::get<Document>(std::move(loaded)));
    out.doc->lines = SourceMap(out.doc->source);  // moving a short string relocates its bytes
    report.document = out.doc.get();
    report.diagnostics = lint->lint(*out.doc);
    // Findings whose suggestions the budget cut short are not what a run without it gives.
    if (key && lint->suggestions_complete()) cached.cache->store(*key, report.diagnostics);
}

// The folder --cache uses without --cache-dir: $XDG_CACHE_HOME/copydesk, or ~/.cache/copydesk.
std::optional<std::filesystem::path> default_cache_folder() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
        return std::filesystem::path(xdg) / "copydesk";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::filesystem::path(home) / ".cache" / "copydesk";
    }
    return std::nullopt;
}

// The cache --cache asks for, and the hash of this program, or null (with a warning on stderr)
// when it cannot be had: a run without its cache is slower, not wrong.
std::unique_ptr<ResultCache> open_cache(const LintArgs& args, CacheKey& program) {
    std::filesystem::path folder;
    if (!args.cache_dir.empty()) {
        folder = args.cache_dir;
    } else if (auto found = default_cache_folder()) {
        folder = *found;
    } else {
        report_error("warning: --cache: no cache folder (HOME is not set); give --cache-dir");
        return nullptr;
    }
    auto hashed = executable_hash();
    if (auto* why = std::get_if<std::string>(&hashed)) {
        report_error("warning: --cache: " + *why + "; linting without the cache");
        return nullptr;
    }
    program = std::get<CacheKey>(hashed);
    std::string warning;
    auto cache = ResultCache::open(folder, program, warning);
    if (!warning.empty()) report_error("warning: " + warning);
    return cache;
}

// True if `output` names one of the input files (a report must never replace an article).
bool overwrites_input(const std::string& output, const std::vector<std::string>& files) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(output, ec)) return false;
    return std::any_of(files.begin(), files.end(), [&](const std::string& f) {
        std::error_code eq;
        return f != "-" && fs::equivalent(f, output, eq);
    });
}

// Drops findings on lines that did not change; a finding spanning lines stays if any of its
// lines changed (an end at column 1 does not reach into that line).
void keep_changed_lines(output::FileReport& report, const ChangedLines::File& lines) {
    if (report.document == nullptr) return;
    const SourceMap& map = report.document->lines;
    std::erase_if(report.diagnostics, [&](const Diagnostic& d) {
        const Position b = map.position(d.span.begin);
        const Position e = map.position(d.span.end);
        const std::uint32_t last = e.line > b.line && e.column == 1 ? e.line - 1 : e.line;
        return !lines.touches(b.line, last);
    });
}

}  // namespace

int run_lint(const LintArgs& args) {
    keep_freed_memory();
    config::Flags flags;
    if (auto why = flags_from_args(args, flags)) {
        report_error(*why);
        return kExitError;
    }
    config::Resolver resolver(flags, config::find_data_dir(COPYDESK_SOURCE_DIR));
    config::SessionCache sessions;

    std::vector<InputFailure> walk_failures;
    std::vector<std::string> files = expand_paths(args.paths, resolver, walk_failures);
    if (args.shard_count > 1) {
        // --shard K/N: the files whose path hashes to K; stdin goes with shard 1.
        std::erase_if(files, [&](const std::string& f) {
            const std::uint64_t shard = f == "-" ? 0 : fnv1a(f) % args.shard_count;
            return shard + 1 != args.shard_index;
        });
    }

    std::optional<ChangedLines> changed;
    if (!args.diff_base.empty()) {
        if (std::find(files.begin(), files.end(), "-") != files.end()) {
            report_error("--diff-base compares files in a git working tree; it cannot read stdin");
            return kExitError;
        }
        auto found = ChangedLines::since(args.diff_base);
        if (auto* why = std::get_if<std::string>(&found)) {
            report_error(*why);
            return kExitError;
        }
        changed = std::get<ChangedLines>(std::move(found));
    }

    // --output FILE: the report goes to a temporary file, renamed over FILE at the end.
    std::unique_ptr<ReportFile> report_file;
    const bool to_stdout = args.output.empty() || args.output == "-";
    if (!to_stdout) {
        if (overwrites_input(args.output, files)) {
            report_error(args.output + ": the report would overwrite an input file");
            return kExitError;
        }
        std::string why;
        report_file = ReportFile::create(args.output, why);
        if (!report_file) {
            report_error(args.output + ": cannot write the report: " + why);
            return kExitError;
        }
    }
    std::ostream& out = to_stdout ? std::cout : report_file->stream();

    // Each file's configuration is resolved before any is linted. Files of one configuration
    // form a group, whose Session (rule packs, lexicon, names database) is made when a file
    // first needs linting: a run whose files all come from the cache makes none. A format
    // that lists the rules that can appear in its report (the union over the sessions in use)
    // needs them all up front.
    struct Group {
        config::Settings settings;
        std::optional<CacheKey> cache_key;  // with --cache, unless the data could not be read
        bool made = false;                  // the fields below are set (under session_mutex)
        config::SessionCache::Entry* entry = nullptr;
        std::string error;  // why the Session could not be made
    };
    struct Planned {
        std::string path;
        std::string shown;
        Group* group = nullptr;
        std::optional<std::string> config_error;  // in resolving the configuration
    };
    std::map<std::string, Group> groups;
    // The group of each folder (as the path spells it) whose files all resolve alike: an
    // archive's thousands of files in a folder are resolved once, not file by file.
    std::unordered_map<std::string, Group*> folder_groups;
    std::vector<Planned> plan;
    plan.reserve(files.size());
    for (const std::string& path : files) {
        const bool is_stdin = path == "-";
        Planned& p = plan.emplace_back();
        p.path = path;
        p.shown = is_stdin && !args.stdin_filename.empty() ? args.stdin_filename : path;
        // stdin takes the configuration of the folder its --stdin-filename names (or of the
        // current folder).
        const std::string target =
            is_stdin ? (args.stdin_filename.empty() ? "stdin" : p.shown) : path;
        const std::size_t slash = target.rfind('/');
        std::string folder = target.substr(0, slash == std::string::npos ? 0 : slash + 1);
        if (const auto known = folder_groups.find(folder); known != folder_groups.end()) {
            p.group = known->second;
            continue;
        }
        auto effective = resolver.resolve(target);
        if (auto* err = std::get_if<config::ConfigError>(&effective)) {
            p.config_error = err->to_string();
            continue;
        }
        config::Effective& resolved = std::get<config::Effective>(effective);
        const std::string key = config::SessionCache::key_of(resolved.settings);
        auto it = groups.find(key);
        if (it == groups.end()) {
            it = groups.emplace(key, Group{}).first;
            it->second.settings = std::move(resolved.settings);
        }
        p.group = &it->second;
        if (resolved.by_folder) folder_groups.emplace(std::move(folder), p.group);
    }
    std::mutex session_mutex;
    // The group's Session, made on first use from whichever thread needs it.
    auto session_of = [&](Group& g) -> std::variant<config::SessionCache::Entry*, std::string> {
        const std::lock_guard lock(session_mutex);
        if (!g.made) {
            auto got = sessions.get(g.settings);
            if (auto* why = std::get_if<std::string>(&got)) {
                g.error = *why;
            } else {
                g.entry = std::get<config::SessionCache::Entry*>(got);
            }
            g.made = true;
        }
        if (g.entry == nullptr) return g.error;
        return g.entry;
    };

    std::unique_ptr<ResultCache> cache;
    CacheKey program;
    if (args.cache || !args.cache_dir.empty()) cache = open_cache(args, program);
    if (cache) {
        // Each group's key in the cache: its identity and the hash of the data it reads (none
        // if that could not be read: its files are linted without the cache). Groups of
        // several config files share the data folder: each path is read once.
        std::map<std::filesystem::path, std::variant<CacheKey, std::string>> hashed;
        for (auto& named : groups) {
            Group& group = named.second;
            KeyBuilder key;
            key.add(program).add(config::cache_identity(group.settings));
            std::optional<std::string> failed;
            for (const std::filesystem::path& input : config::cache_inputs(group.settings)) {
                auto it = hashed.find(input);
                if (it == hashed.end()) it = hashed.emplace(input, hash_paths({input})).first;
                if (auto* why = std::get_if<std::string>(&it->second)) {
                    failed = *why;
                    break;
                }
                key.add(std::get<CacheKey>(it->second));
            }
            if (failed) report_error("warning: --cache: " + *failed);
            if (!failed) group.cache_key = key.done();
        }
    }

    output::FormatOptions fmt_options;
    fmt_options.color = args.color == "always" ||
                        (args.color == "auto" && to_stdout && isatty(STDOUT_FILENO) != 0 &&
                         std::getenv("NO_COLOR") == nullptr);
    fmt_options.tool_version = COPYDESK_VERSION;
    // Without the cache every file is linted: each Session is made here, in the order of the
    // files, as a run of one thread would.
    if (output::lists_rules(args.format) || !cache) {
        std::set<std::string> listed;
        for (const Planned& p : plan) {
            if (p.group == nullptr) continue;
            auto got = session_of(*p.group);
            auto* const* entry = std::get_if<config::SessionCache::Entry*>(&got);
            if (entry == nullptr) continue;
            for (const rules::Rule* rule : (*entry)->worker.linter->active_rules()) {
                const rules::RuleInfo& info = rule->info();
                if (!listed.insert(info.id).second) continue;
                fmt_options.rules.push_back({info.id, info.category, info.severity, info.summary,
                                             info.description, info.link});
            }
        }
    }
    auto formatter = output::make_formatter(args.format, out, fmt_options);
    bool had_error = !walk_failures.empty();
    for (const auto& f : walk_failures) report_error(f.path + ": " + f.why);

    output::Summary summary;
    bool had_findings = false;
    std::set<std::string> reported;  // configuration errors, each reported once
    Progress progress(args.progress, plan.size(), args.quiet);
    const unsigned threads = lint_threads(args.jobs, plan.size());
    // One Worker per session per thread (Hunspell is not thread-safe); thread 0 uses the
    // session cache's own.
    std::vector<std::map<const config::SessionCache::Entry*, config::Worker>> workers(threads);
    auto linter_for = [&](config::SessionCache::Entry& entry, unsigned thread) -> rules::Linter& {
        if (thread == 0) return *entry.worker.linter;
        auto& mine = workers[thread];
        auto it = mine.find(&entry);
        if (it == mine.end()) it = mine.emplace(&entry, entry.session.make_worker()).first;
        return *it->second.linter;
    };
    std::optional<std::chrono::nanoseconds> suggestion_budget;
    if (args.suggestion_budget_ms >= 0) {
        suggestion_budget = std::chrono::milliseconds(args.suggestion_budget_ms);
    }
    formatter->begin();
    run_ordered<Outcome>(
        plan.size(), threads, 4 * static_cast<std::size_t>(threads),
        [&](std::size_t i, unsigned thread) {
            const Planned& p = plan[i];
            Outcome result;
            result.report.path = p.shown;
            std::optional<ChangedLines::File> lines;
            if (changed) {
                lines = changed->file(p.path);
                if (!lines->changed()) return result;  // nothing new: no need to read it
            }
            // The file's Session, or why there is none.
            auto session = [&]() -> config::SessionCache::Entry* {
                std::string why;
                if (p.config_error) {
                    why = *p.config_error;
                } else {
                    auto got = session_of(*p.group);
                    if (auto* entry = std::get_if<config::SessionCache::Entry*>(&got)) {
                        return *entry;
                    }
                    why = std::get<std::string>(got);
                }
                result.config_error = why;
                result.report.error = why;
                result.failed = true;
                return nullptr;
            };
            // A configuration known to be unusable fails the file unread. (With the cache,
            // whether its Session can be made is found out if the file is not in the cache.)
            if ((p.config_error || !cache) && session() == nullptr) return result;
            const config::Settings& settings = p.group->settings;
            markup::ReadOptions read_options;
            read_options.front_matter_keys = settings.front_matter_keys;
            CacheUse cached;
            if (cache && p.group->cache_key) cached = {cache.get(), &*p.group->cache_key};
            lint_one(
                p.path, p.shown, args.max_file_size,
                [&]() -> rules::Linter* {
                    config::SessionCache::Entry* entry = session();
                    if (entry == nullptr) return nullptr;
                    rules::Linter& linter = linter_for(*entry, thread);
                    linter.set_suggestion_budget(suggestion_budget);
                    return &linter;
                },
                read_options, cached, result);
            if (lines) keep_changed_lines(result.report, *lines);
            return result;
        },
        [&](std::size_t i, Outcome& result) {
            const Planned& p = plan[i];
            if (result.config_error && reported.insert(*result.config_error).second) {
                report_error(*result.config_error);
            }
            for (const std::string& e : result.errors) report_error(e);
            had_error |= result.failed;
            if (p.group != nullptr) {
                const Severity fail_level = p.group->settings.fail_level;
                for (const Diagnostic& d : result.report.diagnostics) {
                    had_findings |= d.severity >= fail_level;
                }
            }
            formatter->file(result.report);
            summary.add(result.report);
            progress.advance(result.doc ? result.doc->source.size() : 0);
        });
    progress.finish();
    formatter->end(summary);
    if (cache) {
        if (auto why = cache->save()) report_error("warning: " + *why);
    }
    if (report_file) {
        if (auto why = report_file->commit()) {
            report_error(args.output + ": cannot write the report: " + *why);
            return kExitError;
        }
    }
    return end_run(had_error ? kExitError : had_findings ? kExitFindings : kExitClean);
}

}  // namespace copydesk::cli
