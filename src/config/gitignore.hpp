#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/glob.hpp"

namespace copydesk::config {

// The patterns of one .gitignore file, matched against paths relative to its folder.
class IgnoreFile {
  public:
    // Parses .gitignore text: '#' comments, blank lines, '!' negation, '\' escapes, trailing
    // spaces dropped unless escaped. Lines that cannot match anything are skipped, as git does.
    static IgnoreFile parse(std::string_view text, std::filesystem::path base);
    // Reads `folder`/.gitignore; an empty rule set when there is none.
    static IgnoreFile load(const std::filesystem::path& folder);

    // The verdict of the last pattern matching `relative`: true ignored, false re-included,
    // nullopt when none matches.
    [[nodiscard]] std::optional<bool> verdict(std::string_view relative, bool is_folder) const;
    [[nodiscard]] const std::filesystem::path& base() const { return base_; }
    [[nodiscard]] bool empty() const { return patterns_.empty(); }

  private:
    struct Pattern {
        Glob glob;
        bool negated;
    };
    std::filesystem::path base_;
    std::vector<Pattern> patterns_;
};

// The .gitignore files in force in one folder, outermost first: a deeper file's verdict wins.
class IgnoreStack {
  public:
    void push(IgnoreFile file) { files_.push_back(std::move(file)); }
    void pop() { files_.pop_back(); }
    [[nodiscard]] bool ignored(const std::filesystem::path& absolute, bool is_folder) const;

  private:
    std::vector<IgnoreFile> files_;
};

// The folder holding `.git` at or above `start`, if any.
std::optional<std::filesystem::path> repository_root(const std::filesystem::path& start);

// '/'-separated `path` relative to `base`, or nullopt when it is not inside `base`.
std::optional<std::string> relative_to(const std::filesystem::path& path,
                                       const std::filesystem::path& base);

}  // namespace copydesk::config
