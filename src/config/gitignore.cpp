#include "config/gitignore.hpp"

#include <fstream>
#include <iterator>

namespace copydesk::config {

namespace fs = std::filesystem;

IgnoreFile IgnoreFile::parse(std::string_view text, fs::path base) {
    IgnoreFile file;
    file.base_ = std::move(base);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.ends_with('\r')) line.remove_suffix(1);
        // Trailing spaces are dropped unless escaped with a backslash.
        while (!line.empty() && line.back() == ' ' &&
               !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') continue;
        bool negated = false;
        if (line.front() == '!') {
            negated = true;
            line.remove_prefix(1);
        } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
            line.remove_prefix(1);
        }
        std::string error;
        if (auto glob = Glob::parse(line, error))
            file.patterns_.push_back({std::move(*glob), negated});
    }
    return file;
}

IgnoreFile IgnoreFile::load(const fs::path& folder) {
    const fs::path path = folder / ".gitignore";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        IgnoreFile none;
        none.base_ = folder;
        return none;
    }
    const std::string text(std::istreambuf_iterator<char>(in), {});
    return parse(text, folder);
}

std::optional<bool> IgnoreFile::verdict(std::string_view relative, bool is_folder) const {
    for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
        if (it->glob.matches(relative, is_folder)) return !it->negated;
    }
    return std::nullopt;
}

bool IgnoreStack::ignored(const fs::path& absolute, bool is_folder) const {
    for (auto it = files_.rbegin(); it != files_.rend(); ++it) {
        if (it->empty()) continue;
        const auto rel = relative_to(absolute, it->base());
        if (!rel) continue;
        if (auto v = it->verdict(*rel, is_folder)) return *v;
    }
    return false;
}

std::optional<fs::path> repository_root(const fs::path& start) {
    std::error_code ec;
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / ".git", ec)) return dir;
        if (dir == dir.parent_path()) break;
    }
    return std::nullopt;
}

std::optional<std::string> relative_to(const fs::path& path, const fs::path& base) {
    const fs::path rel = path.lexically_relative(base);
    if (rel.empty()) return std::nullopt;
    const std::string s = rel.generic_string();
    if (s == ".." || s.starts_with("../")) return std::nullopt;
    return s;
}

}  // namespace copydesk::config
