#include "cli/files.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/gitignore.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace copydesk::cli {

namespace fs = std::filesystem;

namespace {

bool is_text_like(const fs::path& p) {
    static const std::vector<std::string> exts{".txt",      ".text", ".md",
                                               ".markdown", ".html", ".htm"};
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

class Walker {
  public:
    Walker(config::Resolver& resolver, std::vector<InputFailure>& failures)
        : resolver_(resolver), failures_(failures) {}

    // Lists the files under `shown` (as the user wrote it), sorted.
    std::vector<std::string> walk(const fs::path& shown) {
        const fs::path abs = config::absolute_path(shown);
        // The .gitignore files above the folder apply too, from the repository root down.
        config::IgnoreStack ignores;
        if (const auto root = config::repository_root(abs)) {
            std::ifstream exclude(*root / ".git" / "info" / "exclude", std::ios::binary);
            if (exclude) {
                const std::string text(std::istreambuf_iterator<char>(exclude), {});
                ignores.push(config::IgnoreFile::parse(text, *root));
            }
            std::vector<fs::path> above;
            if (abs != *root) {
                for (fs::path dir = abs.parent_path();; dir = dir.parent_path()) {
                    above.push_back(dir);
                    if (dir == *root || dir == dir.parent_path()) break;
                }
            }
            for (auto it = above.rbegin(); it != above.rend(); ++it) {
                ignores.push(config::IgnoreFile::load(*it));
            }
        }
        std::vector<std::string> found;
        folder(shown, abs, ignores, found);
        std::sort(found.begin(), found.end());
        return found;
    }

  private:
    void folder(const fs::path& shown, const fs::path& abs, config::IgnoreStack& ignores,
                std::vector<std::string>& found) {
        ignores.push(config::IgnoreFile::load(abs));
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(abs, ec), end; !ec && it != end; it.increment(ec)) {
            entries.push_back(*it);
        }
        if (ec) {
            failures_.push_back({shown.string(), "cannot read folder: " + ec.message()});
        }
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return a.path().filename() < b.path().filename();
        });
        for (const fs::directory_entry& e : entries) {
            const std::string name = e.path().filename().string();
            if (name.starts_with('.')) continue;
            // Symbolic links to folders are not followed (they can loop).
            const bool is_folder = e.is_directory(ec) && !e.is_symlink(ec);
            const fs::path child = abs / name;
            if (ignores.ignored(child, is_folder) || resolver_.ignored(child, is_folder)) continue;
            if (is_folder) {
                folder(shown / name, child, ignores, found);
            } else if (e.is_regular_file(ec) &&
                       (is_text_like(child) || resolver_.included(child))) {
                found.push_back((shown / name).string());
            }
        }
        ignores.pop();
    }

    config::Resolver& resolver_;
    std::vector<InputFailure>& failures_;
};

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& inputs,
                                      config::Resolver& resolver,
                                      std::vector<InputFailure>& failures) {
    std::vector<std::string> files;
    Walker walker(resolver, failures);
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            files.push_back(input);
            continue;
        }
        const auto found = walker.walk(input);
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::vector<std::string> split_ids(const std::vector<std::string>& values) {
    std::vector<std::string> ids;
    for (const std::string& v : values) {
        std::stringstream ss(v);
        std::string id;
        while (std::getline(ss, id, ',')) {
            if (!id.empty()) ids.push_back(id);
        }
    }
    return ids;
}

namespace {
// How long a FIFO named on the command line may wait for its writer.
constexpr int kFifoWaitMs = 30'000;
}  // namespace

std::string too_large(std::uint64_t max_size) {
    return "larger than the maximum file size of " + describe_size(max_size) + " (--max-file-size)";
}

std::string describe_size(std::uint64_t bytes) {
    if (bytes >= (1ULL << 20) && bytes % (1ULL << 20) == 0) {
        return std::to_string(bytes >> 20) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

bool read_input(const std::string& path, std::uint64_t max_size, std::string& bytes,
                std::string& why) {
    int fd = STDIN_FILENO;
    if (path != "-") {
        // O_NONBLOCK: opening a FIFO with no writer must not hang; reads block again below.
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd < 0) {
            why = errno == ENOENT ? std::string("no such file")
                                  : std::string("cannot open file: ") + std::strerror(errno);
            return false;
        }
    }
    struct Closer {
        int fd;
        ~Closer() {
            if (fd != STDIN_FILENO) ::close(fd);
        }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        why = std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        why = "is a folder";
        return false;
    }
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_size) {
        why = too_large(max_size);
        return false;
    }
    if (fd != STDIN_FILENO) {
        // A FIFO opened before its writer: wait for the writer (bounded), then read to its end.
        if (S_ISFIFO(st.st_mode)) {
            pollfd ready{fd, POLLIN, 0};
            int n = 0;
            while ((n = ::poll(&ready, 1, kFifoWaitMs)) < 0 && errno == EINTR) {
            }
            if (n == 0) {
                why = "nothing was written to this FIFO within " +
                      std::to_string(kFifoWaitMs / 1000) + " seconds";
                return false;
            }
        }
        // A regular file's reads ignore O_NONBLOCK: two system calls a file spared.
        if (!S_ISREG(st.st_mode)) {
            const int flags = ::fcntl(fd, F_GETFL);
            if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        }
    }
    // Pipes, FIFOs and devices have no size to check first: read up to one byte past the limit.
    bytes.clear();
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            why = std::string("read error: ") + std::strerror(errno);
            return false;
        }
        if (n == 0) break;
        if (bytes.size() + static_cast<std::size_t>(n) > max_size) {
            why = too_large(max_size);
            return false;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace copydesk::cli
