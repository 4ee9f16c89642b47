#include "fix/safe_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace copydesk::fix {

namespace {

std::string why(const std::string& what, int err) {
    return what + ": " + std::strerror(err);
}

// Closes a descriptor when it goes out of scope.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    // Closes now, reporting the error close(2) may carry for buffered writes.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

  private:
    int fd_;
};

// The temporary file: removed unless the rename consumed it.
class TempFile {
  public:
    TempFile() = default;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (!path.empty()) ::unlink(path.c_str());
    }
    std::string path;
};

bool read_all(int fd, std::string& out) {
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) return true;
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

void fill_stat(Snapshot& s, const struct stat& st) {
    s.device = st.st_dev;
    s.inode = st.st_ino;
    s.size = st.st_size;
    s.mtime_sec = st.st_mtim.tv_sec;
    s.mtime_nsec = st.st_mtim.tv_nsec;
    s.mode = st.st_mode;
    s.uid = st.st_uid;
    s.gid = st.st_gid;
    s.links = st.st_nlink;
}

// Permission bits are honoured as written: a file nobody may write stays unwritten, even for
// root (who passes every access(2) check).
std::optional<std::string> refuse_read_only(const std::string& path, std::uint32_t mode,
                                            const char* what) {
    if ((mode & 0222) == 0) return std::string("read-only ") + what + " (no write permission)";
    if (::access(path.c_str(), W_OK) != 0) {
        return why(std::string("cannot write to the ") + what, errno);
    }
    return std::nullopt;
}

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

// Still the file that was read: same inode, size, time, mode and bytes.
std::optional<std::string> changed_since(const Snapshot& snap) {
    const int fd = ::open(snap.target.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
    if (fd < 0) return why("it changed while being fixed (cannot open it again)", errno);
    Descriptor file(fd);
    struct stat st {};
    if (::fstat(file.get(), &st) != 0) return why("cannot check it before replacing", errno);
    Snapshot now;
    fill_stat(now, st);
    if (now.device != snap.device || now.inode != snap.inode || now.size != snap.size ||
        now.mtime_sec != snap.mtime_sec || now.mtime_nsec != snap.mtime_nsec ||
        now.mode != snap.mode) {
        return "it changed on disk while being fixed (run copydesk fix again)";
    }
    std::string bytes;
    bytes.reserve(snap.bytes.size());
    if (!read_all(file.get(), bytes)) return why("cannot read it again before replacing", errno);
    if (bytes != snap.bytes) {
        return "its content changed while being fixed (run copydesk fix again)";
    }
    return std::nullopt;
}

}  // namespace

int Io::create_temp(std::string& path) const {
    return ::mkostemp(path.data(), O_CLOEXEC);
}

bool Io::write_all(int fd, std::string_view bytes) const {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

int Io::sync(int fd) const {
    return ::fsync(fd);
}

int Io::rename(const std::string& from, const std::string& to) const {
    return ::rename(from.c_str(), to.c_str());
}

std::variant<Snapshot, std::string> read_snapshot(const std::string& path) {
    Snapshot snap;
    snap.path = path;
    // Symbolic links: the file they name is fixed; the link itself stays a link.
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
    if (!real) {
        if (errno == ENOENT) return std::string("no such file");
        return why("cannot open file", errno);
    }
    snap.target = real.get();
    const int fd = ::open(snap.target.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return why("cannot open file", errno);
    Descriptor file(fd);
    struct stat st {};
    if (::fstat(file.get(), &st) != 0) return why("cannot open file", errno);
    if (S_ISDIR(st.st_mode)) return std::string("is a folder");
    if (!S_ISREG(st.st_mode)) return std::string("not a regular file");
    fill_stat(snap, st);
    snap.bytes.reserve(static_cast<std::size_t>(st.st_size));
    if (!read_all(file.get(), snap.bytes)) return why("read error", errno);
    return snap;
}

std::optional<WriteError> replace_file(const Snapshot& snap, std::string_view bytes, const Io& io) {
    auto fail = [](std::string message) { return WriteError{std::move(message), true}; };
    const std::string folder = folder_of(snap.target);
    if (auto no = refuse_read_only(snap.target, snap.mode, "file")) return fail(*no);
    struct stat folder_st {};
    if (::stat(folder.c_str(), &folder_st) != 0) return fail(why("cannot check its folder", errno));
    if (auto no = refuse_read_only(folder, folder_st.st_mode, "folder")) return fail(*no);
    if (snap.links > 1) {
        return fail("it has " + std::to_string(snap.links) +
                    " hard links and replacing it would split them");
    }

    // A hidden name in the same folder: the rename stays on one file system, and folder walks
    // skip it.
    const std::string name = snap.target.substr(folder == "/" ? 1 : folder.size() + 1);
    TempFile temp;
    std::string temp_path = folder + (folder == "/" ? "" : "/") + "." +
                            (name.size() > 200 ? std::string() : name + ".") + "copydesk-XXXXXX";
    const int fd = io.create_temp(temp_path);
    if (fd < 0) return fail(why("cannot create a temporary file in " + folder, errno));
    temp.path = temp_path;
    Descriptor out(fd);

    if (!io.write_all(out.get(), bytes)) return fail(why("cannot write " + temp.path, errno));
    std::uint32_t mode = snap.mode & 07777;
    if (::fchown(out.get(), snap.uid, snap.gid) != 0) {
        // Not allowed to give the file away: keep the group if possible, and never carry
        // set-id bits over to a file that now belongs to someone else.
        if (::fchown(out.get(), static_cast<uid_t>(-1), snap.gid) != 0) mode &= ~06000U;
        mode &= ~04000U;
    }
    if (::fchmod(out.get(), static_cast<mode_t>(mode)) != 0) {
        return fail(why("cannot set the permissions of " + temp.path, errno));
    }
    if (io.sync(out.get()) != 0) return fail(why("cannot flush " + temp.path + " to disk", errno));
    if (out.close() != 0) return fail(why("cannot write " + temp.path, errno));

    if (auto changed = changed_since(snap)) return fail(*changed);
    if (io.rename(temp.path, snap.target) != 0) {
        return fail(why("cannot replace it with " + temp.path, errno));
    }
    temp.path.clear();  // consumed by the rename

    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        Descriptor folder_fd(dir);
        if (::fsync(folder_fd.get()) != 0 && errno != EINVAL) {
            return WriteError{why("fixed, but its folder could not be synced to disk", errno),
                              false};
        }
    }
    return std::nullopt;
}

std::optional<WriteError> create_file(const std::string& path, std::string_view bytes,
                                      const Io& io) {
    auto fail = [](std::string message) { return WriteError{std::move(message), true}; };
    const std::string folder = folder_of(path);
    TempFile temp;
    std::string temp_path = folder + (folder == "/" ? "" : "/") + ".copydesk-new-XXXXXX";
    const int fd = io.create_temp(temp_path);
    if (fd < 0) return fail(why("cannot create a temporary file in " + folder, errno));
    temp.path = temp_path;
    Descriptor out(fd);
    if (!io.write_all(out.get(), bytes)) return fail(why("cannot write " + temp.path, errno));
    if (::fchmod(out.get(), 0644) != 0) {
        return fail(why("cannot set the permissions of " + temp.path, errno));
    }
    if (io.sync(out.get()) != 0) return fail(why("cannot flush " + temp.path + " to disk", errno));
    if (out.close() != 0) return fail(why("cannot write " + temp.path, errno));
    // link(2) fails if the name exists: an existing file is never replaced.
    if (::link(temp.path.c_str(), path.c_str()) != 0) {
        return fail(errno == EEXIST ? std::string("it exists already")
                                    : why("cannot create it", errno));
    }
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        Descriptor folder_fd(dir);
        if (::fsync(folder_fd.get()) != 0 && errno != EINVAL) {
            return WriteError{why("created, but its folder could not be synced to disk", errno),
                              false};
        }
    }
    return std::nullopt;
}

}  // namespace copydesk::fix
