#include "spell/read_file.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

namespace copydesk::spell {

std::optional<std::string> read_at_most(const std::filesystem::path& path, std::size_t limit) {
    // A folder opens, and then reads as empty.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    constexpr std::size_t kChunk = 64 * 1024;
    std::string text;
    // Room for the whole file at once: growing piece by piece copies a data file of megabytes
    // many times over. (The size is a hint: the file may change while it is read.)
    if (const std::uintmax_t size = std::filesystem::file_size(path, ec); !ec) {
        text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit)) + 1);
    }
    while (text.size() <= limit) {
        const std::size_t before = text.size();
        const std::size_t want = std::min(kChunk, limit + 1 - before);
        text.resize(before + want);
        in.read(text.data() + before, static_cast<std::streamsize>(want));
        text.resize(before + static_cast<std::size_t>(in.gcount()));
        if (text.size() < before + want) break;
    }
    if (in.bad()) return std::nullopt;
    return text;
}

bool file_holds(const std::string& path, std::string_view text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::vector<char> piece(1 << 16);
    std::size_t at = 0;
    while (in) {
        in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > text.size() - at || std::memcmp(piece.data(), text.data() + at, got) != 0) {
            return false;
        }
        at += got;
    }
    return in.eof() && at == text.size();
}

}  // namespace copydesk::spell
