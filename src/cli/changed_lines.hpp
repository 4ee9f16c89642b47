#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace copydesk::cli {

// Lines added or changed in the working tree since a git revision, for `--diff-base`.
class ChangedLines {
  public:
    struct LineRange {
        std::uint32_t first;  // 1-based, inclusive
        std::uint32_t last;
    };

    // Asks git (run in the current folder) what changed since `revision`: tracked files are
    // diffed against the working tree with rename detection, so a moved file reports only
    // the lines edited after the move; new untracked files count as changed throughout.
    // Returns an error message when there is no repository or no such revision.
    static std::variant<ChangedLines, std::string> since(const std::string& revision);

    // The changed lines of one file.
    class File {
      public:
        explicit File(const std::vector<LineRange>* ranges) : ranges_(ranges) {}
        // True if the file has any added or changed line.
        [[nodiscard]] bool changed() const { return ranges_ != nullptr; }
        // True if any line of [first, last] was added or changed.
        [[nodiscard]] bool touches(std::uint32_t first, std::uint32_t last) const;

      private:
        const std::vector<LineRange>* ranges_;
    };

    // `path` as given on the command line (relative to the current folder).
    [[nodiscard]] File file(const std::string& path) const;

  private:
    std::map<std::string, std::vector<LineRange>> files_;  // canonical absolute path -> ranges
};

// New-side line ranges per file of `git diff -U0` output, keyed by the path after "b/".
std::map<std::string, std::vector<ChangedLines::LineRange>> parse_unified_diff(
    std::string_view diff);

}  // namespace copydesk::cli
