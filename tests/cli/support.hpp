#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

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

// Runs `copydesk ARGS` through the shell in `dir`, with stdout and stderr kept in files there.
inline Run run_copydesk(const std::filesystem::path& dir, const std::string& args) {
    const auto out = dir / ".stdout";
    const auto err = dir / ".stderr";
    const std::string cmd = "cd '" + dir.string() + "' && '" + COPYDESK_EXE + "' " + args + " >'" +
                            out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

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
    [[nodiscard]] Run copydesk(const std::string& args) const { return run_copydesk(dir_, args); }

  private:
    std::filesystem::path dir_;
};

}  // namespace copydesk::test
