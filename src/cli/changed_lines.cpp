#include "cli/changed_lines.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <filesystem>
#include <limits>

extern char** environ;

namespace copydesk::cli {

namespace fs = std::filesystem;

namespace {

struct Output {
    int status = -1;  // exit code, or -1 if git could not be run
    std::string out;
    std::string err;
};

// Runs `argv` without a shell (the revision comes from the user) and collects both streams.
Output run(const std::vector<std::string>& argv) {
    Output result;
    int out_pipe[2];
    int err_pipe[2];
    if (pipe(out_pipe) != 0) return result;
    if (pipe(err_pipe) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
        posix_spawn_file_actions_addclose(&actions, fd);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (spawned == 0) {
        std::array<pollfd, 2> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
        std::array<std::string*, 2> sinks{&result.out, &result.err};
        int open_fds = 2;
        std::array<char, 65536> buf;
        while (open_fds > 0) {
            if (poll(fds.data(), fds.size(), -1) < 0) {
                if (errno == EINTR) continue;
                break;
            }
            for (std::size_t i = 0; i < fds.size(); ++i) {
                if (fds[i].fd < 0 || fds[i].revents == 0) continue;
                const ssize_t n = read(fds[i].fd, buf.data(), buf.size());
                if (n > 0) {
                    sinks[i]->append(buf.data(), static_cast<std::size_t>(n));
                } else if (n == 0 || errno != EINTR) {
                    fds[i].fd = -1;
                    --open_fds;
                }
            }
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    } else {
        result.err = "cannot run git";
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
}

std::string first_line(std::string_view s) {
    const auto nl = s.find('\n');
    return std::string(s.substr(0, nl));
}

std::string trim_newline(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

// Git quotes unusual paths C-style ("b/caf\303\251 x.txt").
std::string unquote(std::string_view s) {
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::string(s);
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] != '\\' || i + 2 >= s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        switch (c) {
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 't':
                out += '\t';
                break;
            case 'n':
                out += '\n';
                break;
            case 'v':
                out += '\v';
                break;
            case 'f':
                out += '\f';
                break;
            case 'r':
                out += '\r';
                break;
            default:
                if (c >= '0' && c <= '7' && i + 2 < s.size()) {
                    out += static_cast<char>(((c - '0') << 6) | ((s[i + 1] - '0') << 3) |
                                             (s[i + 2] - '0'));
                    i += 2;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::uint32_t parse_number(std::string_view s, std::size_t& pos) {
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + s.size(), value);
    pos = static_cast<std::size_t>(end - s.data());
    return ec == std::errc{} ? value : 0;
}

std::string canonical_path(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    fs::path c = fs::weakly_canonical(abs, ec);
    return (ec ? abs : c).lexically_normal().string();
}

}  // namespace

std::map<std::string, std::vector<ChangedLines::LineRange>> parse_unified_diff(
    std::string_view diff) {
    std::map<std::string, std::vector<ChangedLines::LineRange>> files;
    std::vector<ChangedLines::LineRange>* current = nullptr;
    std::size_t pos = 0;
    while (pos < diff.size()) {
        std::size_t eol = diff.find('\n', pos);
        if (eol == std::string_view::npos) eol = diff.size();
        const std::string_view line = diff.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.starts_with("diff --git ")) {
            current = nullptr;
        } else if (line.starts_with("+++ ")) {
            std::string_view name = line.substr(4);
            // Git ends the name with a tab when it contains a space.
            if (name.ends_with('\t')) name.remove_suffix(1);
            const std::string path = unquote(name);
            current = path.starts_with("b/") ? &files[path.substr(2)] : nullptr;
        } else if (line.starts_with("@@ ") && current != nullptr) {
            // @@ -a[,b] +c[,d] @@
            std::size_t p = line.find(" +");
            if (p == std::string_view::npos) continue;
            p += 2;
            const std::uint32_t start = parse_number(line, p);
            std::uint32_t count = 1;
            if (p < line.size() && line[p] == ',') {
                ++p;
                count = parse_number(line, p);
            }
            if (count > 0 && start > 0) current->push_back({start, start + count - 1});
        }
    }
    return files;
}

std::variant<ChangedLines, std::string> ChangedLines::since(const std::string& revision) {
    if (revision.empty() || revision.starts_with('-')) {
        return "--diff-base: '" + revision + "' is not a git revision";
    }
    const Output top = run({"git", "rev-parse", "--show-toplevel"});
    if (top.status != 0) {
        return "--diff-base needs a git repository: " +
               (top.err.empty() ? std::string("cannot run git") : first_line(top.err));
    }
    const std::string root = trim_newline(top.out);
    const Output rev =
        run({"git", "-C", root, "rev-parse", "--verify", "--quiet", revision + "^{commit}"});
    if (rev.status != 0) return "--diff-base: unknown git revision '" + revision + "'";
    const std::string commit = trim_newline(rev.out);

    const Output diff = run({"git", "-C", root, "-c", "core.quotePath=false", "diff", "--no-color",
                             "--no-ext-diff", "--no-textconv", "--no-relative", "-U0", "-M",
                             "--src-prefix=a/", "--dst-prefix=b/", commit, "--"});
    if (diff.status != 0) return "--diff-base: git diff failed: " + first_line(diff.err);
    const Output untracked =
        run({"git", "-C", root, "ls-files", "-z", "--others", "--exclude-standard"});
    if (untracked.status != 0) {
        return "--diff-base: git ls-files failed: " + first_line(untracked.err);
    }

    ChangedLines result;
    for (auto& [path, ranges] : parse_unified_diff(diff.out)) {
        if (ranges.empty()) continue;
        std::sort(ranges.begin(), ranges.end(),
                  [](LineRange a, LineRange b) { return a.first < b.first; });
        result.files_[canonical_path(fs::path(root) / path)] = std::move(ranges);
    }
    std::string_view names = untracked.out;
    while (!names.empty()) {
        const auto nul = names.find('\0');
        const std::string_view name = names.substr(0, nul);
        if (!name.empty()) {
            result.files_[canonical_path(fs::path(root) / name)] = {
                {1, std::numeric_limits<std::uint32_t>::max()}};
        }
        if (nul == std::string_view::npos) break;
        names.remove_prefix(nul + 1);
    }
    return result;
}

ChangedLines::File ChangedLines::file(const std::string& path) const {
    const auto it = files_.find(canonical_path(path));
    return File(it == files_.end() ? nullptr : &it->second);
}

bool ChangedLines::File::touches(std::uint32_t first, std::uint32_t last) const {
    if (ranges_ == nullptr) return false;
    return std::any_of(ranges_->begin(), ranges_->end(),
                       [&](LineRange r) { return r.first <= last && first <= r.last; });
}

}  // namespace copydesk::cli
