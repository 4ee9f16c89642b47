#include "cli/report_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace copydesk::cli {

namespace fs = std::filesystem;

std::unique_ptr<ReportFile> ReportFile::create(const std::string& path, std::string& why) {
    const fs::path target(path);
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        why = "is a folder";
        return nullptr;
    }
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // open() with O_EXCL never follows or clobbers an existing name, and applies the umask
    // to 0666 as any newly written file would get.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path temp = dir / ("." + target.filename().string() + ".copydesk-" +
                                     std::to_string(::getpid()) + "-" + std::to_string(attempt));
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            why = std::strerror(errno);
            return nullptr;
        }
        ::close(fd);
        auto file = std::make_unique<ReportFile>(Key{}, path, temp.string());
        file->out_.open(temp, std::ios::binary | std::ios::trunc);
        if (!file->out_) {
            why = "cannot open a temporary file beside it";
            return nullptr;  // the destructor removes the temporary file
        }
        return file;
    }
    why = "cannot create a temporary file beside it";
    return nullptr;
}

ReportFile::~ReportFile() {
    if (temp_.empty()) return;
    out_.close();
    std::error_code ec;
    fs::remove(temp_, ec);
}

std::optional<std::string> ReportFile::commit() {
    out_.flush();
    const bool written = static_cast<bool>(out_);
    out_.close();
    auto fail = [&](std::string why) -> std::optional<std::string> {
        std::error_code ec;
        fs::remove(temp_, ec);
        temp_.clear();
        return why;
    };
    if (!written || out_.fail()) return fail("write error");
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return fail(std::strerror(errno));
    struct stat existing {};
    // Replacing a report keeps its permissions.
    if (::stat(path_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
        ::fchmod(fd, existing.st_mode & 07777);
    }
    const int synced = ::fsync(fd);
    const int sync_errno = errno;
    ::close(fd);
    if (synced != 0) return fail(std::strerror(sync_errno));
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) return fail(std::strerror(errno));
    temp_.clear();
    return std::nullopt;
}

}  // namespace copydesk::cli
