#pragma once

#include <compare>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/diagnostic.hpp"

struct XXH3_state_s;

namespace copydesk::cli {

// A 128-bit hash (XXH3): of a file's bytes with everything else that decides its findings.
struct CacheKey {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    friend auto operator<=>(const CacheKey&, const CacheKey&) = default;
};

// Hashes a sequence of byte strings into a CacheKey. Each piece is hashed with its length, so
// that ("ab", "c") and ("a", "bc") differ.
class KeyBuilder {
  public:
    KeyBuilder();
    KeyBuilder& add(std::string_view bytes);
    KeyBuilder& add(const CacheKey& key);
    // Adds what add() would of the file's contents, reading it through `buffer`; on failure,
    // why (the key is then of no use).
    std::optional<std::string> add_file(const std::filesystem::path& path,
                                        std::vector<char>& buffer);
    [[nodiscard]] CacheKey done() const;

  private:
    struct Free {
        void operator()(XXH3_state_s* s) const;
    };
    std::unique_ptr<XXH3_state_s, Free> state_;
};

// The hash of what `paths` hold: a folder's files recursively, in sorted order, each with its
// path below the folder; a path that does not exist counts as such. An error names a file or
// folder that could not be read.
std::variant<CacheKey, std::string> hash_paths(const std::vector<std::filesystem::path>& paths);

// The hash of the running program's own executable: a new build never reads an older one's
// findings.
std::variant<CacheKey, std::string> executable_hash();

// Findings of earlier runs, kept in one file (`lint.cache`) in a folder of their own, so that a
// file linted again unchanged, with the same configuration, data and program, is not linted
// again. Each entry is keyed by the hash of all of those (see lint_command.cpp); an entry
// unused for kKeepDays is dropped when the file is next written. Lookups and stores may come
// from any thread.
class ResultCache {
    struct Tag {
        explicit Tag() = default;
    };

  public:
    static constexpr std::uint32_t kKeepDays = 30;
    static constexpr std::string_view kFileName = "lint.cache";
    static constexpr std::uintmax_t kMaxFileSize = std::uintmax_t{4} << 30;

    // The cache in `folder` for the program whose executable_hash is `program`. A missing
    // file, or one written by another program, is an empty cache; so is a damaged one, with
    // `warning` saying what is wrong with it. `today`: days since 1970 (tests set it).
    static std::unique_ptr<ResultCache> open(const std::filesystem::path& folder,
                                             const CacheKey& program, std::string& warning,
                                             std::optional<std::uint32_t> today = std::nullopt);

    ResultCache(Tag, std::filesystem::path folder, const CacheKey& program, std::uint32_t today)
        : folder_(std::move(folder)), program_(program), today_(today) {}

    // The findings stored under `key`, if any.
    [[nodiscard]] std::optional<std::vector<Diagnostic>> find(const CacheKey& key);
    void store(const CacheKey& key, const std::vector<Diagnostic>& diagnostics);
    // Writes the file back if anything changed (an entry added, or used on a new day): into a
    // temporary file beside it, synced and renamed over it, so that a reader never sees half
    // of one. Runs that save into one folder at once take turns (a lock file), and each keeps
    // the entries the others wrote since it opened the cache. Creates the folder, with a
    // .gitignore that keeps it out of version control and out of copydesk's own walk. An error
    // message on failure (the old file is then intact).
    std::optional<std::string> save();

    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    // Every key held, in no order (for tests).
    [[nodiscard]] std::vector<CacheKey> keys() const;

  private:
    struct KeyHash {
        std::size_t operator()(const CacheKey& k) const { return k.low; }
    };
    struct Entry {
        std::uint32_t day = 0;  // last used
        std::string_view blob;  // into file_ or owned_
    };
    using Entries = std::unordered_map<CacheKey, Entry, KeyHash>;
    // Adds the entries of the cache file `file` (of `program`, used in the last kKeepDays
    // before `today`) to `out`, those of its keys not there yet; sets `changed` if the file
    // must be written again (entries dropped, or it was another program's). False, with `why`,
    // if the file is damaged.
    static bool parse(std::string_view file, const CacheKey& program, std::uint32_t today,
                      Entries& out, bool& changed, std::string& why);

    std::filesystem::path folder_;
    CacheKey program_;
    std::uint32_t today_;
    std::string file_;  // the file as read: old entries' blobs point into it
    std::mutex mutex_;
    Entries entries_;
    std::deque<std::string> owned_;  // blobs stored this run
    bool changed_ = false;
};

// A file's findings as bytes, and back; nullopt for bytes that are not such a list.
std::string encode_diagnostics(const std::vector<Diagnostic>& diagnostics);
std::optional<std::vector<Diagnostic>> decode_diagnostics(std::string_view bytes);

}  // namespace copydesk::cli
