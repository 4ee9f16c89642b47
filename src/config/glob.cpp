#include "config/glob.hpp"

namespace copydesk::config {

namespace {

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        if (j > i) parts.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    return parts;
}

// A bracket expression at pattern[i] == '['; sets `end` past it. False when it is not one.
bool match_class(std::string_view pattern, std::size_t i, char c, std::size_t& end, bool& ok) {
    std::size_t j = i + 1;
    bool negate = false;
    if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) {
        negate = true;
        ++j;
    }
    bool matched = false;
    bool first = true;
    while (j < pattern.size() && (pattern[j] != ']' || first)) {
        first = false;
        char lo = pattern[j];
        if (lo == '\\' && j + 1 < pattern.size()) lo = pattern[++j];
        char hi = lo;
        if (j + 2 < pattern.size() && pattern[j + 1] == '-' && pattern[j + 2] != ']') {
            hi = pattern[j + 2];
            if (hi == '\\' && j + 3 < pattern.size()) {
                hi = pattern[j + 3];
                ++j;
            }
            j += 2;
        }
        if (lo <= c && c <= hi) matched = true;
        ++j;
    }
    if (j >= pattern.size()) return false;  // no closing bracket: a literal '['
    end = j + 1;
    ok = matched != negate;
    return true;
}

bool match_from(std::string_view p, std::size_t pi, std::string_view s, std::size_t si) {
    while (pi < p.size()) {
        const char pc = p[pi];
        if (pc == '*') {
            while (pi < p.size() && p[pi] == '*') ++pi;
            if (pi == p.size()) return true;
            for (std::size_t k = si; k <= s.size(); ++k) {
                if (match_from(p, pi, s, k)) return true;
            }
            return false;
        }
        if (si >= s.size()) return false;
        if (pc == '?') {
            ++pi;
            ++si;
            continue;
        }
        if (pc == '[') {
            std::size_t end = 0;
            bool ok = false;
            if (match_class(p, pi, s[si], end, ok)) {
                if (!ok) return false;
                pi = end;
                ++si;
                continue;
            }
        }
        char lit = pc;
        if (pc == '\\' && pi + 1 < p.size()) lit = p[++pi];
        if (lit != s[si]) return false;
        ++pi;
        ++si;
    }
    return si == s.size();
}

bool match_parts(const std::vector<std::string>& pat, std::size_t pi,
                 const std::vector<std::string_view>& parts, std::size_t si) {
    while (pi < pat.size()) {
        if (pat[pi] == "**") {
            // A trailing "**" matches everything inside, but not the folder itself.
            if (pi + 1 == pat.size()) return si < parts.size();
            for (std::size_t k = si; k <= parts.size(); ++k) {
                if (match_parts(pat, pi + 1, parts, k)) return true;
            }
            return false;
        }
        if (si >= parts.size() || !match_segment(pat[pi], parts[si])) return false;
        ++pi;
        ++si;
    }
    return si == parts.size();
}

}  // namespace

bool match_segment(std::string_view pattern, std::string_view name) {
    return match_from(pattern, 0, name, 0);
}

std::optional<Glob> Glob::parse(std::string_view pattern, std::string& error) {
    Glob g;
    g.text_ = std::string(pattern);
    std::string_view p = pattern;
    if (p.starts_with("./")) p.remove_prefix(2);
    if (p.ends_with('/')) {
        g.folder_only_ = true;
        p.remove_suffix(1);
    }
    const bool anchored = p.find('/') != std::string_view::npos;
    if (p.starts_with('/')) p.remove_prefix(1);
    if (p.empty()) {
        error = "empty pattern";
        return std::nullopt;
    }
    if (!anchored) g.segments_.emplace_back("**");
    for (std::string_view part : split(p)) {
        // "a**b" is not a folder wildcard: it reads as "a*b".
        if (part != "**" && part.find("**") != std::string_view::npos) {
            std::string collapsed;
            for (char c : part) {
                if (!(c == '*' && !collapsed.empty() && collapsed.back() == '*')) collapsed += c;
            }
            g.segments_.push_back(collapsed);
        } else {
            g.segments_.emplace_back(part);
        }
    }
    return g;
}

bool Glob::matches(std::string_view relative, bool is_folder) const {
    if (folder_only_ && !is_folder) return false;
    if (relative.starts_with("./")) relative.remove_prefix(2);
    const auto parts = split(relative);
    if (parts.empty()) return false;
    return match_parts(segments_, 0, parts, 0);
}

}  // namespace copydesk::config
