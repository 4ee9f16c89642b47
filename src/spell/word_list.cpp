#include <algorithm>
#include <filesystem>

#include "spell/lexicon.hpp"
#include "spell/speller.hpp"

namespace copydesk::spell {

namespace {

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

std::string lower_first(std::string_view w) {
    std::string s(w);
    if (!s.empty() && is_ascii_upper(s[0])) s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace

std::string normalize_apostrophes(std::string_view word) {
    std::string out;
    if (normalize_apostrophes(word, out).data() == word.data()) out = word;
    return out;
}

std::string_view normalize_apostrophes(std::string_view word, std::string& out) {
    // Most words have neither apostrophe, and are used as they are.
    if (std::none_of(word.begin(), word.end(), [](char c) { return c == '\xE2' || c == '\xCA'; })) {
        return word;
    }
    out.clear();
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word.substr(i, 3) == "\xE2\x80\x99") {  // U+2019
            out += '\'';
            i += 2;
        } else if (word.substr(i, 2) == "\xCA\xBC") {  // U+02BC
            out += '\'';
            i += 1;
        } else {
            out += word[i];
        }
    }
    return out;
}

void WordList::add_entry(std::string_view entry) {
    add_words(text_.emplace_back(entry));
}

void WordList::add_words(std::string_view entry) {
    std::string straightened;
    std::size_t i = 0;
    while (i < entry.size()) {
        while (i < entry.size() && (entry[i] == ' ' || entry[i] == '\t')) ++i;
        std::size_t e = i;
        while (e < entry.size() && entry[e] != ' ' && entry[e] != '\t') ++e;
        if (e > i) {
            const std::string_view as_listed = entry.substr(i, e - i);
            std::string_view word = normalize_apostrophes(as_listed, straightened);
            if (word.data() != as_listed.data()) word = text_.emplace_back(word);
            words_.add(word);
            // Segmentation splits at hyphens, so parts are known too; short parts ("te" of
            // "Ching-te") only within their compound, which the spelling rule checks whole.
            std::size_t p = 0;
            auto add_part = [&](std::size_t from, std::size_t to) {
                if (to - from >= 3) words_.add(word.substr(from, to - from));
            };
            for (std::size_t h = word.find('-'); h != std::string_view::npos;
                 h = word.find('-', p)) {
                add_part(p, h);
                p = h + 1;
            }
            if (p > 0) add_part(p, word.size());
        }
        i = e;
    }
}

bool WordList::load_file(const std::string& path, std::string& error) {
    std::optional<std::string> read = read_whole_file(path);
    if (!read) {
        error = path + ": cannot read word list";
        return false;
    }
    // The words are views of the file's text, kept whole.
    const std::string_view text = text_.emplace_back(std::move(*read));
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        add_words(line.substr(first));
    }
    return true;
}

bool WordList::load_directory(const std::string& dir, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    if (ec) {
        error = dir + ": cannot list word lists (" + ec.message() + ")";
        return false;
    }
    std::sort(files.begin(), files.end());
    return std::all_of(files.begin(), files.end(),
                       [&](const fs::path& p) { return load_file(p.string(), error); });
}

bool WordList::contains(std::string_view word) const {
    if (words_.count(word) != 0) return true;
    if (!word.empty() && is_ascii_upper(word[0])) return words_.count(lower_first(word)) != 0;
    return false;
}

}  // namespace copydesk::spell
