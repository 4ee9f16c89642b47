#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace copydesk::cli {

// A report written to a file atomically: into a temporary file beside it, renamed over the
// target only once complete, so nobody ever reads half a report and a failed run leaves an
// earlier report untouched.
class ReportFile {
    struct Key {
        explicit Key() = default;
    };

  public:
    // Creates the temporary file; null with `why` set on failure.
    static std::unique_ptr<ReportFile> create(const std::string& path, std::string& why);

    ReportFile(Key, std::string path, std::string temp)
        : path_(std::move(path)), temp_(std::move(temp)) {}
    ReportFile(const ReportFile&) = delete;
    ReportFile& operator=(const ReportFile&) = delete;
    ~ReportFile();

    std::ostream& stream() { return out_; }
    // Flushes, syncs and renames onto the target. On failure returns why (the target is
    // unchanged and the temporary file removed).
    std::optional<std::string> commit();

  private:
    std::string path_;
    std::string temp_;  // empty once renamed or removed
    std::ofstream out_;
};

}  // namespace copydesk::cli
