#include "cli/files.hpp"

#include "config/gitignore.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace copydesk::cli {

namespace fs = std::filesystem;

namespace {

bool is_text_like(const fs::path& p) {
    static const std::vector<std::string> exts{".txt",      ".text", ".md",
                                               ".markdown", ".html", ".htm"};
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

class Walker {
  public:
    Walker(config::Resolver& resolver, std::vector<InputFailure>& failures)
        : resolver_(resolver), failures_(failures) {}

    // Lists the files under `shown` (as the user wrote it), sorted.
    std::vector<std::string> walk(const fs::path& shown) {
        const fs::path abs = config::absolute_path(shown);
        // The .gitignore files above the folder apply too, from the repository root down.
        config::IgnoreStack ignores;
        if (const auto root = config::repository_root(abs)) {
            std::ifstream exclude(*root / ".git" / "info" / "exclude", std::ios::binary);
            if (exclude) {
                const std::string text(std::istreambuf_iterator<char>(exclude), {});
                ignores.push(config::IgnoreFile::parse(text, *root));
            }
            std::vector<fs::path> above;
            if (abs != *root) {
                for (fs::path dir = abs.parent_path();; dir = dir.parent_path()) {
                    above.push_back(dir);
                    if (dir == *root || dir == dir.parent_path()) break;
                }
            }
            for (auto it = above.rbegin(); it != above.rend(); ++it) {
                ignores.push(config::IgnoreFile::load(*it));
            }
        }
        std::vector<std::string> found;
        folder(shown, abs, ignores, found);
        std::sort(found.begin(), found.end());
        return found;
    }

  private:
    void folder(const fs::path& shown, const fs::path& abs, config::IgnoreStack& ignores,
                std::vector<std::string>& found) {
        ignores.push(config::IgnoreFile::load(abs));
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(abs, ec), end; !ec && it != end; it.increment(ec)) {
            entries.push_back(*it);
        }
        if (ec) {
            failures_.push_back({shown.string(), "cannot read folder: " + ec.message()});
        }
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return a.path().filename() < b.path().filename();
        });
        for (const fs::directory_entry& e : entries) {
            const std::string name = e.path().filename().string();
            if (name.starts_with('.')) continue;
            // Symbolic links to folders are not followed (they can loop).
            const bool is_folder = e.is_directory(ec) && !e.is_symlink(ec);
            const fs::path child = abs / name;
            if (ignores.ignored(child, is_folder) || resolver_.ignored(child, is_folder)) continue;
            if (is_folder) {
                folder(shown / name, child, ignores, found);
            } else if (e.is_regular_file(ec) &&
                       (is_text_like(child) || resolver_.included(child))) {
                found.push_back((shown / name).string());
            }
        }
        ignores.pop();
    }

    config::Resolver& resolver_;
    std::vector<InputFailure>& failures_;
};

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& inputs,
                                      config::Resolver& resolver,
                                      std::vector<InputFailure>& failures) {
    std::vector<std::string> files;
    Walker walker(resolver, failures);
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            files.push_back(input);
            continue;
        }
        const auto found = walker.walk(input);
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::vector<std::string> split_ids(const std::vector<std::string>& values) {
    std::vector<std::string> ids;
    for (const std::string& v : values) {
        std::stringstream ss(v);
        std::string id;
        while (std::getline(ss, id, ',')) {
            if (!id.empty()) ids.push_back(id);
        }
    }
    return ids;
}

bool read_input(const std::string& path, std::string& bytes, std::string& why) {
    if (path == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
        return true;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
        why = "no such file";
        return false;
    }
    if (fs::is_directory(status)) {
        why = "is a folder";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        why = std::string("cannot open file: ") + std::strerror(errno);
        return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), {});
    if (in.bad()) {
        why = "read error";
        return false;
    }
    return true;
}

}  // namespace copydesk::cli
