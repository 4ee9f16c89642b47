#include "cli/result_cache.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/file.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

#include "cli/report_file.hpp"
#include "spell/read_file.hpp"

namespace copydesk::cli {

namespace fs = std::filesystem;

void KeyBuilder::Free::operator()(XXH3_state_s* s) const {
    XXH3_freeState(s);
}

KeyBuilder::KeyBuilder() : state_(XXH3_createState()) {
    if (!state_) throw std::bad_alloc();
    XXH3_128bits_reset(state_.get());
}

KeyBuilder& KeyBuilder::add(std::string_view bytes) {
    const std::uint64_t size = bytes.size();
    XXH3_128bits_update(state_.get(), &size, sizeof size);
    XXH3_128bits_update(state_.get(), bytes.data(), bytes.size());
    return *this;
}

KeyBuilder& KeyBuilder::add(const CacheKey& key) {
    XXH3_128bits_update(state_.get(), &key, sizeof key);
    return *this;
}

std::optional<std::string> KeyBuilder::add_file(const fs::path& path, std::vector<char>& buffer) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);  // fails for a folder too
    if (ec) return "cannot read it: " + ec.message();
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot read it";
    // What add(contents) hashes: the size, then the bytes, read a piece at a time into
    // `buffer` rather than whole (the data files are megabytes; a run from the cache reads
    // them all).
    const std::uint64_t expected = size;
    XXH3_128bits_update(state_.get(), &expected, sizeof expected);
    std::uint64_t seen = 0;
    while (in && seen <= expected) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        seen += got;
        XXH3_128bits_update(state_.get(), buffer.data(), got);
    }
    if (in.bad()) return "cannot read it";
    if (seen != expected) return "it changed while it was read";
    return std::nullopt;
}

CacheKey KeyBuilder::done() const {
    const XXH128_hash_t h = XXH3_128bits_digest(state_.get());
    return {h.low64, h.high64};
}

namespace {

// Files of any size (data files, the program itself): read_at_most with no bound to speak of.
constexpr std::size_t kWhole = std::numeric_limits<std::size_t>::max() / 2;
constexpr std::size_t kHashChunk = 64 * 1024;

}  // namespace

std::variant<CacheKey, std::string> hash_paths(const std::vector<fs::path>& paths) {
    KeyBuilder key;
    std::vector<char> buffer(kHashChunk);
    for (const fs::path& path : paths) {
        key.add(path.string());
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (!fs::exists(status)) {
            key.add("(missing)");
            continue;
        }
        std::vector<fs::path> files;
        if (fs::is_directory(status)) {
            for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
                 it.increment(ec)) {
                if (it->is_regular_file(ec)) files.push_back(it->path());
            }
            if (ec) return path.string() + ": cannot read the folder: " + ec.message();
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(path);
        }
        for (const fs::path& file : files) {
            key.add(file.lexically_relative(path).string());
            if (auto why = key.add_file(file, buffer)) return file.string() + ": " + *why;
        }
    }
    return key.done();
}

namespace {

// The GNU build ID the linker wrote into the running program (a hash of its content), or
// empty if it has none.
std::string build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
            // The first object is the program itself.
            for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                const auto* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
                const char* end = p + ph.p_memsz;
                while (p + sizeof(ElfW(Nhdr)) <= end) {
                    ElfW(Nhdr) note;
                    std::memcpy(&note, p, sizeof note);
                    const char* name = p + sizeof note;
                    const char* desc = name + ((note.n_namesz + 3) & ~3U);
                    const char* next = desc + ((note.n_descsz + 3) & ~3U);
                    if (next > end) break;
                    if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                        std::memcmp(name, "GNU", 4) == 0) {
                        static_cast<std::string*>(out)->assign(desc, note.n_descsz);
                        return 1;
                    }
                    p = next;
                }
            }
            return 1;
        },
        &id);
    return id;
}

}  // namespace

std::variant<CacheKey, std::string> executable_hash() {
    // The linker's build ID where there is one (Debian's toolchain writes it): reading a
    // program of tens of megabytes would cost more than linting an article.
    if (const std::string id = build_id(); !id.empty()) {
        return KeyBuilder().add("build-id").add(id).done();
    }
    const auto bytes = spell::read_at_most("/proc/self/exe", kWhole);
    if (!bytes) return "cannot read the program's own executable";
    return KeyBuilder().add(*bytes).done();
}

// ---- Encoding: little-endian integers, strings as a 32-bit size and their bytes.

namespace {

class Writer {
  public:
    explicit Writer(std::string& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    void u64(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void key(const CacheKey& k) {
        u64(k.low);
        u64(k.high);
    }

  private:
    std::string& out_;
};

// Reads what Writer wrote; once anything is out of bounds, ok() is false and every read
// returns zeros.
class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}
    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] bool at_end() const { return pos_ == in_.size(); }
    [[nodiscard]] std::size_t position() const { return pos_; }
    std::string_view bytes(std::size_t n) {
        if (!ok_ || in_.size() - pos_ < n) {
            ok_ = false;
            return {};
        }
        const std::string_view out = in_.substr(pos_, n);
        pos_ += n;
        return out;
    }
    std::uint8_t u8() {
        const std::string_view b = bytes(1);
        return b.empty() ? 0 : static_cast<std::uint8_t>(b[0]);
    }
    std::uint32_t u32() { return static_cast<std::uint32_t>(little(4)); }
    std::uint64_t u64() { return little(8); }
    std::string_view str() { return bytes(u32()); }
    CacheKey key() {
        CacheKey k;
        k.low = u64();
        k.high = u64();
        return k;
    }

  private:
    std::uint64_t little(std::size_t n) {
        const std::string_view b = bytes(n);
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < b.size(); ++i) {
            v |= std::uint64_t{static_cast<unsigned char>(b[i])} << (8 * i);
        }
        return v;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

constexpr std::string_view kMagic = "copydesk lint cache\n";
constexpr std::uint32_t kFormat = 1;
// Magic, format, program, payload size and payload hash.
constexpr std::size_t kHeaderSize = kMagic.size() + 4 + 16 + 8 + 8;

// An exclusive flock(2) on a file, held while the object lives; nothing if the file system
// cannot lock (saving then goes on without taking turns).
class FileLock {
  public:
    explicit FileLock(const std::string& path)
        : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666)) {
        if (fd_ >= 0) {
            while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
            }
        }
    }
    ~FileLock() {
        if (fd_ >= 0) ::close(fd_);  // releases the lock
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

  private:
    int fd_;
};

std::uint32_t days_since_epoch() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::days>(now).count());
}

}  // namespace

std::string encode_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    Writer w(out);
    w.u32(static_cast<std::uint32_t>(diagnostics.size()));
    for (const Diagnostic& d : diagnostics) {
        w.str(d.rule);
        w.u8(static_cast<std::uint8_t>(d.severity));
        w.u8(static_cast<std::uint8_t>(d.category));
        w.u32(d.span.begin);
        w.u32(d.span.end);
        w.str(d.message);
        w.u32(static_cast<std::uint32_t>(d.suggestions.size()));
        for (const std::string& s : d.suggestions) w.str(s);
        w.u8(d.fix ? 1 : 0);
        if (d.fix) {
            w.str(d.fix->title);
            w.u8(d.fix->safe ? 1 : 0);
            w.u32(static_cast<std::uint32_t>(d.fix->edits.size()));
            for (const Edit& e : d.fix->edits) {
                w.u32(e.span.begin);
                w.u32(e.span.end);
                w.str(e.replacement);
            }
        }
        w.str(d.link);
    }
    return out;
}

std::optional<std::vector<Diagnostic>> decode_diagnostics(std::string_view bytes) {
    Reader r(bytes);
    const std::uint32_t count = r.u32();
    // Each finding takes at least 30 bytes: a count beyond that is damage, not a reason to
    // reserve gigabytes.
    if (!r.ok() || count > bytes.size() / 30) return std::nullopt;
    std::vector<Diagnostic> out(count);
    for (Diagnostic& d : out) {
        d.rule = r.str();
        const std::uint8_t severity = r.u8();
        const std::uint8_t category = r.u8();
        if (severity > static_cast<std::uint8_t>(Severity::Error) ||
            category > static_cast<std::uint8_t>(Category::Unicode)) {
            return std::nullopt;
        }
        d.severity = static_cast<Severity>(severity);
        d.category = static_cast<Category>(category);
        d.span.begin = r.u32();
        d.span.end = r.u32();
        d.message = r.str();
        const std::uint32_t suggestions = r.u32();
        if (suggestions > bytes.size() / 4) return std::nullopt;
        d.suggestions.reserve(suggestions);
        for (std::uint32_t i = 0; i < suggestions && r.ok(); ++i)
            d.suggestions.emplace_back(r.str());
        if (r.u8() != 0) {
            Fix& fix = d.fix.emplace();
            fix.title = r.str();
            fix.safe = r.u8() != 0;
            const std::uint32_t edits = r.u32();
            if (edits > bytes.size() / 12) return std::nullopt;
            fix.edits.reserve(edits);
            for (std::uint32_t i = 0; i < edits && r.ok(); ++i) {
                Edit& e = fix.edits.emplace_back();
                e.span.begin = r.u32();
                e.span.end = r.u32();
                e.replacement = r.str();
            }
        }
        d.link = r.str();
        if (!r.ok() || d.span.begin > d.span.end) return std::nullopt;
    }
    if (!r.at_end()) return std::nullopt;
    return out;
}

std::unique_ptr<ResultCache> ResultCache::open(const fs::path& folder, const CacheKey& program,
                                               std::string& warning,
                                               std::optional<std::uint32_t> today) {
    auto cache =
        std::make_unique<ResultCache>(Tag{}, folder, program, today.value_or(days_since_epoch()));
    const fs::path file = folder / kFileName;
    std::error_code ec;
    if (!fs::exists(file, ec)) return cache;
    std::string why;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > kMaxFileSize) {
        // Not one of ours (a cache of a million articles is about a gigabyte): never read whole.
        why = "larger than " + std::to_string(kMaxFileSize >> 30) + " GiB";
    } else if (auto read = spell::read_at_most(file, kMaxFileSize); !read) {
        why = "cannot read it";
    } else if (cache->file_ = std::move(*read); cache->file_.size() > kMaxFileSize) {
        why = "larger than " + std::to_string(kMaxFileSize >> 30) + " GiB";
    } else if (!parse(cache->file_, program, cache->today_, cache->entries_, cache->changed_,
                      why)) {
        cache->entries_.clear();
    }
    if (!why.empty()) {
        warning = file.string() + ": " + why + "; starting an empty cache";
        cache->file_.clear();
        cache->changed_ = true;  // the next save replaces it
    }
    return cache;
}

bool ResultCache::parse(std::string_view file, const CacheKey& program, std::uint32_t today,
                        Entries& out, bool& changed, std::string& why) {
    Reader r(file);
    if (r.bytes(kMagic.size()) != kMagic) {
        why = "not a copydesk cache file";
        return false;
    }
    const std::uint32_t format = r.u32();
    const CacheKey written_by = r.key();
    const std::uint64_t size = r.u64();
    const std::uint64_t hash = r.u64();
    if (!r.ok()) {
        why = "truncated at byte " + std::to_string(file.size()) + " (in the header)";
        return false;
    }
    // Another format or another program: its findings do not apply, and the next save
    // replaces them.
    if (format != kFormat || written_by != program) {
        changed = true;
        return true;
    }
    if (file.size() - kHeaderSize != size) {
        why = "holds " + std::to_string(file.size()) + " bytes where its header says " +
              std::to_string(kHeaderSize + size) + " (truncated or appended to)";
        return false;
    }
    const std::string_view payload = file.substr(kHeaderSize);
    if (XXH3_64bits(payload.data(), payload.size()) != hash) {
        why = "its checksum does not match its content (damaged)";
        return false;
    }
    const std::uint32_t count = r.u32();
    out.reserve(out.size() + std::min<std::size_t>(count, payload.size() / 24));
    for (std::uint32_t i = 0; i < count && r.ok(); ++i) {
        const CacheKey key = r.key();
        const std::uint32_t day = r.u32();
        const std::string_view blob = r.str();
        if (!r.ok()) break;
        if (day + kKeepDays < today) {
            changed = true;  // dropped, so the file is written without it
        } else {
            out.try_emplace(key, Entry{day, blob});
        }
    }
    if (!r.ok() || !r.at_end()) {
        why = "malformed near byte " + std::to_string(r.position());
        return false;
    }
    return true;
}

std::optional<std::vector<Diagnostic>> ResultCache::find(const CacheKey& key) {
    std::string_view blob;
    {
        const std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        if (it->second.day != today_) {
            it->second.day = today_;
            changed_ = true;
        }
        blob = it->second.blob;
    }
    // Blobs are never changed or freed while the cache is open.
    return decode_diagnostics(blob);
}

std::vector<CacheKey> ResultCache::keys() const {
    std::vector<CacheKey> out;
    out.reserve(entries_.size());
    for (const auto& entry : entries_) out.push_back(entry.first);
    return out;
}

void ResultCache::store(const CacheKey& key, const std::vector<Diagnostic>& diagnostics) {
    std::string blob = encode_diagnostics(diagnostics);
    const std::lock_guard lock(mutex_);
    const std::string_view kept = owned_.emplace_back(std::move(blob));
    entries_[key] = Entry{today_, kept};
    changed_ = true;
}

std::optional<std::string> ResultCache::save() {
    const std::lock_guard lock(mutex_);
    if (!changed_) return std::nullopt;
    std::error_code ec;
    if (!fs::is_directory(folder_, ec)) {
        fs::create_directories(folder_, ec);
        if (ec) return folder_.string() + ": cannot create the cache folder: " + ec.message();
        // Out of version control, and out of copydesk's walk of the tree it may sit in.
        std::ofstream(folder_ / ".gitignore") << "# made by copydesk\n*\n";
    }
    // Another run may have saved since this one read the file: its entries are kept too,
    // read under the lock, so that no two runs merge and write at once.
    const std::string path = (folder_ / kFileName).string();
    const FileLock lock_file((folder_ / (std::string(kFileName) + ".lock")).string());
    // A file larger than any cache (open warned of it) is not read: reading it to its limit
    // would take gigabytes of memory to learn what its size says.
    const std::uintmax_t on_disk = fs::file_size(path, ec);
    const std::string latest = !ec && on_disk > kMaxFileSize
                                   ? file_
                                   : spell::read_at_most(path, kMaxFileSize).value_or(file_);
    Entries merged;
    if (latest != file_) {
        bool ignored = false;
        std::string damaged;
        if (!parse(latest, program_, today_, merged, ignored, damaged)) merged.clear();
    }
    for (const auto& [key, entry] : entries_) {
        const auto [it, added] = merged.try_emplace(key, entry);
        if (!added) it->second = Entry{std::max(it->second.day, entry.day), entry.blob};
    }
    // Entries in key order: the same cache makes the same file.
    std::vector<std::pair<CacheKey, Entry>> kept;
    kept.reserve(merged.size());
    for (const auto& [key, entry] : merged) {
        if (entry.day + kKeepDays >= today_) kept.emplace_back(key, entry);
    }
    std::sort(kept.begin(), kept.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });

    std::string why;
    auto file = ReportFile::create(path, why);
    if (!file) return path + ": cannot write the cache: " + why;
    std::ostream& out = file->stream();
    // The entries go out in pieces as they are encoded, their size and checksum counted on
    // the way (a cache of a large archive is tens of megabytes, not to be copied whole), and
    // the header is written over its place last.
    out << std::string(kHeaderSize, '\0');
    const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> checksum(XXH3_createState(),
                                                                            &XXH3_freeState);
    if (!checksum) throw std::bad_alloc();
    XXH3_64bits_reset(checksum.get());
    std::uint64_t size = 0;
    std::string piece;
    Writer w(piece);
    auto flush = [&] {
        XXH3_64bits_update(checksum.get(), piece.data(), piece.size());
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        size += piece.size();
        piece.clear();
    };
    w.u32(static_cast<std::uint32_t>(kept.size()));
    for (const auto& [key, entry] : kept) {
        w.key(key);
        w.u32(entry.day);
        w.str(entry.blob);
        if (piece.size() >= (std::size_t{1} << 16)) flush();
    }
    flush();
    std::string header;
    Writer h(header);
    header.append(kMagic);
    h.u32(kFormat);
    h.key(program_);
    h.u64(size);
    h.u64(XXH3_64bits_digest(checksum.get()));
    out.seekp(0);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    if (auto failed = file->commit()) return path + ": cannot write the cache: " + *failed;
    changed_ = false;
    return std::nullopt;
}

}  // namespace copydesk::cli
