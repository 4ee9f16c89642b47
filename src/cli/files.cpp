#include "cli/files.hpp"

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

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& inputs,
                                      std::vector<InputFailure>& failures) {
    std::vector<std::string> files;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            files.push_back(input);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(input, fs::directory_options::none, ec);
        if (ec) {
            failures.push_back({input, "cannot read folder: " + ec.message()});
            continue;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) {
                failures.push_back({input, "cannot read folder: " + ec.message()});
                break;
            }
            const fs::path& p = it->path();
            if (p.filename().string().starts_with('.')) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && is_text_like(p)) found.push_back(p.string());
        }
        std::sort(found.begin(), found.end());
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
