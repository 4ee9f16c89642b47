#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern char** environ;

namespace copydesk::test {

struct Run {
    int code;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

// Runs `copydesk ARGS` through the shell in `dir`, with stdout and stderr kept in files there;
// `env` ("NAME=value ") is put before the command.
inline Run run_copydesk(const std::filesystem::path& dir, const std::string& args,
                        const std::string& env = "") {
    const auto out = dir / ".stdout";
    const auto err = dir / ".stderr";
    const std::string cmd = "cd '" + dir.string() + "' && " + env + "'" + COPYDESK_EXE + "' " +
                            args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

// A run of `copydesk ARGS...` (no shell) in `dir` with its wall time and peak memory, for
// tests that state bounds. stdin is `stdin_file` (or /dev/null).
struct MeasuredRun {
    int code;  // -1 if killed by a signal
    std::string out;
    std::string err;
    double seconds;
    // The child's peak resident memory. posix_spawn starts the child in this process's memory,
    // and Linux counts the peak of that too: a test holding hundreds of MB before a run
    // measures itself.
    long max_rss_mib;
};

inline MeasuredRun run_measured(const std::filesystem::path& dir,
                                const std::vector<std::string>& args,
                                const std::filesystem::path& stdin_file = "/dev/null") {
    const auto out = dir / ".stdout";
    const auto err = dir / ".stderr";
    std::vector<std::string> argv_s{COPYDESK_EXE};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_file.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return {-2, "", "spawn failed", 0, 0};
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    MeasuredRun r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err),
                  took.count(), usage.ru_maxrss / 1024};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

// Sanitizers slow a run down several times and add their own memory: bounds scale with this.
// GCC says so with __SANITIZE_ADDRESS__ / __SANITIZE_THREAD__, clang through __has_feature.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define COPYDESK_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define COPYDESK_TEST_SANITIZED 1
#endif
#endif
#ifdef COPYDESK_TEST_SANITIZED
inline constexpr double kSlowdown = 10;
inline constexpr bool kMemoryBoundsHold = false;
#else
inline constexpr double kSlowdown = 1;
inline constexpr bool kMemoryBoundsHold = true;
#endif

// A scratch folder, removed with everything in it.
class ScratchDir {
  public:
    explicit ScratchDir(const std::string& name)
        : dir_(std::filesystem::temp_directory_path() /
               ("copydesk-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    ~ScratchDir() { std::filesystem::remove_all(dir_); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return dir_; }
    void write(const std::string& name, const std::string& text) const {
        std::filesystem::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name, std::ios::binary) << text;
    }
    [[nodiscard]] Run copydesk(const std::string& args, const std::string& env = "") const {
        return run_copydesk(dir_, args, env);
    }

  private:
    std::filesystem::path dir_;
};

}  // namespace copydesk::test
