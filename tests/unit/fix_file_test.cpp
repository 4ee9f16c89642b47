// Replacing a file never loses it: each failure below must leave the original byte for byte
// and no temporary file behind. Tests run as root in CI, where permission bits do not stop
// writes: copydesk refuses read-only files and folders by their bits, and the remaining
// failures are injected through fix::Io or made real with chattr and /dev/full.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

#include "fix/safe_file.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const std::string kOriginal = "The the minister said talks would resume.\r\nSecond line, no end";
const std::string kFixed = "The minister said talks would resume.\r\nSecond line, no end";

// A fresh folder for one test, removed afterwards (permissions and attributes undone first).
class Folder {
  public:
    explicit Folder(const std::string& name)
        : path_(fs::temp_directory_path() /
                ("copydesk-fixfile-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    ~Folder() {
        const std::string p = path_.string();
        (void)std::system(("chattr -R -i '" + p + "' 2>/dev/null").c_str());
        (void)std::system(("chmod -R u+rwx '" + p + "' 2>/dev/null").c_str());
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }
    [[nodiscard]] const fs::path& path() const { return path_; }
    // Entries in the folder: a leftover temporary file shows up here.
    [[nodiscard]] std::size_t entries() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(path_), fs::directory_iterator()));
    }

  private:
    fs::path path_;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

fix::Snapshot snapshot(const fs::path& p) {
    auto read = fix::read_snapshot(p.string());
    if (auto* why = std::get_if<std::string>(&read)) FAIL("cannot read " << p << ": " << *why);
    return std::get<fix::Snapshot>(std::move(read));
}

struct stat stat_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st;
}

// The original is still there byte for byte, and nothing else is in its folder.
void require_untouched(const Folder& dir, const fs::path& file, const std::string& bytes) {
    CHECK(slurp(file) == bytes);
    CHECK(dir.entries() == 1);
}

bool chattr_works(const fs::path& p) {
    return std::system(("chattr +i '" + p.string() + "' 2>/dev/null").c_str()) == 0;
}

// Each injected failure fails one step with a chosen errno.
struct FailCreate : fix::Io {
    int err;
    explicit FailCreate(int e) : err(e) {}
    int create_temp(std::string&) const override {
        errno = err;
        return -1;
    }
};

struct FailSync : fix::Io {
    int sync(int) const override {
        errno = EIO;
        return -1;
    }
};

struct FailRename : fix::Io {
    int rename(const std::string&, const std::string&) const override {
        errno = EXDEV;
        return -1;
    }
};

// The disk fills up halfway through the temporary file.
struct HalfThenFull : fix::Io {
    bool write_all(int fd, std::string_view bytes) const override {
        if (!Io::write_all(fd, bytes.substr(0, bytes.size() / 2))) return false;
        errno = ENOSPC;
        return false;
    }
};

// Every write goes to /dev/full, which fails with ENOSPC like a full file system.
struct DevFull : fix::Io {
    bool write_all(int, std::string_view bytes) const override {
        const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
        if (full < 0) return false;
        const bool ok = Io::write_all(full, bytes);
        const int err = errno;
        ::close(full);
        errno = err;
        return ok;
    }
};

// Another program changes the file after copydesk read it and before the rename.
struct ChangedMeanwhile : fix::Io {
    std::function<void()> change;
    explicit ChangedMeanwhile(std::function<void()> c) : change(std::move(c)) {}
    int create_temp(std::string& path) const override {
        change();
        return Io::create_temp(path);
    }
};

}  // namespace

TEST_CASE("a file is replaced whole, keeping its permissions and owner", "[fix][io]") {
    Folder dir("replace");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    REQUIRE(::chmod(file.c_str(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown(file.c_str(), 1234, 2345) == 0);
    const auto before = stat_of(file);

    const auto failed = fix::replace_file(snapshot(file), kFixed);
    REQUIRE_FALSE(failed);
    CHECK(slurp(file) == kFixed);
    const auto after = stat_of(file);
    CHECK((after.st_mode & 07777) == 0640);
    CHECK(after.st_ino != before.st_ino);  // a new file renamed into place, not rewritten
    if (root) {
        CHECK(after.st_uid == 1234);
        CHECK(after.st_gid == 2345);
    }
    CHECK(dir.entries() == 1);
}

TEST_CASE("a read-only file is refused, also for root", "[fix][io]") {
    Folder dir("readonly-file");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    REQUIRE(::chmod(file.c_str(), 0444) == 0);
    const auto failed = fix::replace_file(snapshot(file), kFixed);
    REQUIRE(failed);
    CHECK(failed->message == "read-only file (no write permission)");
    CHECK(failed->original_intact);
    require_untouched(dir, file, kOriginal);
}

TEST_CASE("a file in a read-only folder is refused, also for root", "[fix][io]") {
    Folder dir("readonly-folder");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    const auto snap = snapshot(file);
    REQUIRE(::chmod(dir.path().c_str(), 0555) == 0);
    const auto failed = fix::replace_file(snap, kFixed);
    REQUIRE(failed);
    CHECK(failed->message == "read-only folder (no write permission)");
    REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    require_untouched(dir, file, kOriginal);
}

TEST_CASE("an immutable file or folder (chattr +i) is left alone", "[fix][io]") {
    Folder dir("immutable");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    const auto snap = snapshot(file);
    if (!chattr_works(file)) {
        WARN(
            "skipped: chattr +i is not supported here (needs ext4/xfs/btrfs and "
            "CAP_LINUX_IMMUTABLE)");
        return;
    }
    auto failed = fix::replace_file(snap, kFixed);
    REQUIRE(failed);
    CHECK(failed->message.find("Operation not permitted") != std::string::npos);
    REQUIRE(std::system(("chattr -i '" + file.string() + "'").c_str()) == 0);
    require_untouched(dir, file, kOriginal);

    REQUIRE(chattr_works(dir.path()));
    failed = fix::replace_file(snap, kFixed);
    REQUIRE(failed);
    CHECK(failed->message.find("Operation not permitted") != std::string::npos);
    REQUIRE(std::system(("chattr -i '" + dir.path().string() + "'").c_str()) == 0);
    require_untouched(dir, file, kOriginal);
}

TEST_CASE("a full disk leaves the original and no temporary file", "[fix][io]") {
    Folder dir("disk-full");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    const auto snap = snapshot(file);

    auto failed = fix::replace_file(snap, kFixed, HalfThenFull{});
    REQUIRE(failed);
    CHECK(failed->message.find("No space left on device") != std::string::npos);
    require_untouched(dir, file, kOriginal);

    if (!fs::exists("/dev/full")) {
        WARN("skipped the /dev/full part: /dev/full does not exist here");
        return;
    }
    failed = fix::replace_file(snap, kFixed, DevFull{});
    REQUIRE(failed);
    CHECK(failed->message.find("No space left on device") != std::string::npos);
    require_untouched(dir, file, kOriginal);
}

TEST_CASE("failures at every other step leave the original", "[fix][io]") {
    Folder dir("steps");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    const auto snap = snapshot(file);

    auto failed = fix::replace_file(snap, kFixed, FailCreate{EROFS});
    REQUIRE(failed);
    CHECK(failed->message.find("cannot create a temporary file in") == 0);
    CHECK(failed->message.find("Read-only file system") != std::string::npos);
    require_untouched(dir, file, kOriginal);

    failed = fix::replace_file(snap, kFixed, FailCreate{EACCES});
    REQUIRE(failed);
    CHECK(failed->message.find("Permission denied") != std::string::npos);
    require_untouched(dir, file, kOriginal);

    failed = fix::replace_file(snap, kFixed, FailSync{});
    REQUIRE(failed);
    CHECK(failed->message.find("cannot flush") == 0);
    CHECK(failed->message.find("Input/output error") != std::string::npos);
    require_untouched(dir, file, kOriginal);

    failed = fix::replace_file(snap, kFixed, FailRename{});
    REQUIRE(failed);
    CHECK(failed->message.find("cannot replace it with") == 0);
    require_untouched(dir, file, kOriginal);
}

TEST_CASE("a file replaced by another program during the run is not overwritten", "[fix][io]") {
    Folder dir("replaced");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    const auto snap = snapshot(file);
    const std::string theirs = "An editor saved this version meanwhile.\n";
    // The way editors save: a new file renamed over the old one (a new inode).
    const ChangedMeanwhile editor_save([&] {
        write(dir / "other", theirs);
        fs::rename(dir / "other", file);
    });
    const auto failed = fix::replace_file(snap, kFixed, editor_save);
    REQUIRE(failed);
    CHECK(failed->message.find("changed on disk while being fixed") != std::string::npos);
    require_untouched(dir, file, theirs);
}

TEST_CASE("a file edited in place during the run is caught by its content", "[fix][io]") {
    Folder dir("edited");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    const auto snap = snapshot(file);
    // Same inode, same size, and the modification time put back: only the bytes differ.
    std::string theirs = kOriginal;
    theirs[0] = 'Y';
    const ChangedMeanwhile sneaky([&] {
        const int fd = ::open(file.c_str(), O_WRONLY);
        REQUIRE(fd >= 0);
        REQUIRE(::pwrite(fd, "Y", 1, 0) == 1);
        const timespec times[2] = {{0, UTIME_OMIT}, {snap.mtime_sec, snap.mtime_nsec}};
        REQUIRE(::futimens(fd, times) == 0);
        ::close(fd);
    });
    const auto failed = fix::replace_file(snap, kFixed, sneaky);
    REQUIRE(failed);
    CHECK(failed->message == "its content changed while being fixed (run copydesk fix again)");
    require_untouched(dir, file, theirs);

    // Appended to: the size differs.
    const ChangedMeanwhile appended([&] { std::ofstream(file, std::ios::app) << "more"; });
    const auto snap2 = snapshot(file);
    REQUIRE(fix::replace_file(snap2, kFixed, appended));
    require_untouched(dir, file, theirs + "more");
}

TEST_CASE("a symbolic link stays a link, the file it names is fixed", "[fix][io]") {
    Folder dir("symlink");
    const fs::path target = dir / "story.txt";
    const fs::path link = dir / "link.txt";
    write(target, kOriginal);
    fs::create_symlink("story.txt", link);
    const auto snap = snapshot(link);
    CHECK(snap.path == link.string());
    CHECK(snap.target == fs::canonical(target).string());
    REQUIRE_FALSE(fix::replace_file(snap, kFixed));
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == "story.txt");
    CHECK(slurp(target) == kFixed);
    CHECK(dir.entries() == 2);
}

TEST_CASE("a file with several hard links is refused", "[fix][io]") {
    Folder dir("hardlink");
    const fs::path file = dir / "story.txt";
    write(file, kOriginal);
    fs::create_hard_link(file, dir / "same.txt");
    const auto failed = fix::replace_file(snapshot(file), kFixed);
    REQUIRE(failed);
    CHECK(failed->message == "it has 2 hard links and replacing it would split them");
    CHECK(slurp(file) == kOriginal);
    CHECK(slurp(dir / "same.txt") == kOriginal);
    CHECK(dir.entries() == 2);
}

TEST_CASE("reading: missing files, folders and special files are errors", "[fix][io]") {
    Folder dir("read");
    auto why = [](const fs::path& p) {
        auto read = fix::read_snapshot(p.string());
        return std::holds_alternative<std::string>(read) ? std::get<std::string>(read) : "";
    };
    CHECK(why(dir / "missing.txt") == "no such file");
    fs::create_symlink("missing.txt", dir / "dangling.txt");
    CHECK(why(dir / "dangling.txt") == "no such file");
    CHECK(why(dir.path()) == "is a folder");
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    CHECK(why(dir / "pipe") == "not a regular file");
}
