#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace copydesk::fix {

// A file as it was read, and what must still hold when it is replaced.
struct Snapshot {
    std::string path;    // as given by the user
    std::string target;  // symbolic links resolved: the file that is read and replaced
    std::string bytes;   // the content read
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t size = 0;
    std::int64_t mtime_sec = 0;
    std::int64_t mtime_nsec = 0;
    std::uint32_t mode = 0;  // type and permission bits
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::uint64_t links = 0;
};

// The system calls that replace a file. Each is virtual so that tests can inject a failure at
// any step (a full disk, a read-only file system, a file changed by another program).
class Io {
  public:
    virtual ~Io() = default;
    // mkstemp(3): fills in the trailing XXXXXX of `path`; a descriptor, or -1 with errno set.
    virtual int create_temp(std::string& path) const;
    // Writes all of `bytes`; false with errno set.
    virtual bool write_all(int fd, std::string_view bytes) const;
    // fsync(2); 0, or -1 with errno set.
    virtual int sync(int fd) const;
    // rename(2); 0, or -1 with errno set.
    virtual int rename(const std::string& from, const std::string& to) const;
};

// Reads a regular file, following symbolic links to the file they name. An error message
// ("no such file", "is a folder", ...) on failure.
std::variant<Snapshot, std::string> read_snapshot(const std::string& path);

struct WriteError {
    std::string message;
    bool original_intact = true;  // false only if the new content is in place but not synced
};

// Replaces the snapshot's target with `bytes` without ever leaving it half written: writes a
// temporary file in the same folder, syncs it, gives it the original's permissions (and owner
// where allowed), checks that the original still is exactly what was read (same inode, size,
// modification time, mode and bytes), then renames the temporary file over it and syncs the
// folder. A file or folder without write permission is refused, even for root; so is a file
// with more than one hard link (a rename would split the links). On any error the temporary
// file is removed and the original is left as it was.
std::optional<WriteError> replace_file(const Snapshot& snapshot, std::string_view bytes,
                                       const Io& io = Io{});

// Creates `path` with `bytes`, never over an existing file (not even one created meanwhile) and
// never half written: a temporary file in the same folder, synced, then linked to its name.
// It is made readable by all and writable by its owner (0644), like a file saved by an editor.
std::optional<WriteError> create_file(const std::string& path, std::string_view bytes,
                                      const Io& io = Io{});

}  // namespace copydesk::fix
