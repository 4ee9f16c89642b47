#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::config {

// A path pattern as .gitignore files and .copydesk.yaml write them. `*` and `?` match within
// one folder name, `[a-z]` and `[!a-z]` are classes, `\` escapes, `**` matches any number of
// folders. A pattern with a slash at its start or middle matches paths relative to its base
// folder; one without matches a file or folder name at any depth. A trailing slash matches
// folders only.
class Glob {
  public:
    // nullopt with `error` set for a pattern that cannot match anything (empty, bad class).
    static std::optional<Glob> parse(std::string_view pattern, std::string& error);

    // `relative`: '/'-separated path from the base folder, without a leading "./".
    [[nodiscard]] bool matches(std::string_view relative, bool is_folder) const;
    [[nodiscard]] const std::string& text() const { return text_; }

  private:
    std::string text_;                   // as written
    std::vector<std::string> segments_;  // split at '/', "**" kept as a segment
    bool folder_only_ = false;
};

// Matches one path segment against one pattern segment (no '/' in either).
bool match_segment(std::string_view pattern, std::string_view name);

}  // namespace copydesk::config
