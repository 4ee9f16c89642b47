#include "markup/front_matter.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "core/utf8.hpp"
#include "markup/builder.hpp"

namespace copydesk::markup {

namespace {

struct Line {
    std::uint32_t begin;  // first byte
    std::uint32_t end;    // before the line ending
    std::uint32_t next;   // start of the next line
};

std::vector<Line> split_lines(std::string_view src, std::uint32_t from) {
    std::vector<Line> lines;
    const auto n = static_cast<std::uint32_t>(src.size());
    for (std::uint32_t i = from; i < n;) {
        std::uint32_t e = i;
        while (e < n && src[e] != '\n' && src[e] != '\r') ++e;
        std::uint32_t next = e;
        if (next < n) next += (src[next] == '\r' && next + 1 < n && src[next + 1] == '\n') ? 2 : 1;
        lines.push_back({i, e, next});
        i = next;
    }
    return lines;
}

std::string_view text_of(std::string_view src, const Line& l) {
    return src.substr(l.begin, l.end - l.begin);
}

bool is_fence(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == fence;
}

std::uint32_t indent_of(std::string_view line) {
    std::uint32_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A backslash escape of a YAML or TOML double-quoted string starting at src[i] == '\\'.
// Returns its decoded text and length, or nullopt for an escape we do not know.
std::optional<std::pair<std::string, std::uint32_t>> escape_at(std::string_view src,
                                                               std::uint32_t i) {
    if (i + 1 >= src.size()) return std::nullopt;
    const char c = src[i + 1];
    auto simple = [](char ch) -> std::optional<std::string> {
        switch (ch) {
            case '"':
                return std::string("\"");
            case '\\':
                return std::string("\\");
            case '/':
                return std::string("/");
            case 'n':
                return std::string("\n");
            case 't':
                return std::string("\t");
            case 'r':
                return std::string("\r");
            case 'b':
                return std::string("\b");
            case 'f':
                return std::string("\f");
            case ' ':
                return std::string(" ");
            case '0':
                return std::string("\0", 1);
            case '_':
                return std::string("\xC2\xA0");
            case 'N':
                return std::string("\xC2\x85");
            case 'L':
                return std::string("\xE2\x80\xA8");
            case 'P':
                return std::string("\xE2\x80\xA9");
            default:
                return std::nullopt;
        }
    };
    if (auto s = simple(c)) return std::make_pair(*s, 2u);
    std::uint32_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits == 0 || i + 2 + digits > src.size()) return std::nullopt;
    char32_t cp = 0;
    for (std::uint32_t k = 0; k < digits; ++k) {
        const int d = hex_digit(src[i + 2 + k]);
        if (d < 0) return std::nullopt;
        cp = cp * 16 + static_cast<char32_t>(d);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    std::string out;
    utf8::append(out, cp);
    return std::make_pair(out, 2 + digits);
}

class FrontMatterReader {
  public:
    FrontMatterReader(Document& doc, const std::vector<std::string>& keys)
        : doc_(doc), src_(doc.source), keys_(keys) {}

    void yaml(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            const std::string_view line = text_of(src_, lines[i]);
            std::uint32_t k = 0;
            while (k < line.size() && is_key_char(line[k])) ++k;
            if (k == 0 || k >= line.size() || line[k] != ':') continue;
            if (k + 1 < line.size() && line[k + 1] != ' ' && line[k + 1] != '\t') continue;
            if (!wanted(line.substr(0, k))) continue;
            std::uint32_t v = k + 1;
            while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
            RegionBuilder region(scope_for(line.substr(0, k)));
            const std::uint32_t at = lines[i].begin + v;
            // Continuation lines: indented, up to the next key or the closing fence.
            std::size_t end = i + 1;
            while (end < last && (is_blank(text_of(src_, lines[end])) ||
                                  indent_of(text_of(src_, lines[end])) > 0)) {
                ++end;
            }
            const char first_char = v < line.size() ? line[v] : '\0';
            if (first_char == '"') {
                double_quoted(region, at + 1, lines[end - 1].end);
            } else if (first_char == '\'') {
                single_quoted(region, at + 1, lines[end - 1].end);
            } else if (first_char == '|' || first_char == '>') {
                block_scalar(region, lines, i + 1, end);
            } else if (first_char != '\0' && first_char != '#' && first_char != '[' &&
                       first_char != '{' && first_char != '&' && first_char != '*' &&
                       first_char != '!') {
                plain(region, lines, i, at, end);
            }
            add(region);
            i = end - 1;
        }
    }

    void toml(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            const std::string_view line = text_of(src_, lines[i]);
            if (!line.empty() && line[0] == '[') return;  // a table: top-level keys are done
            std::uint32_t k = indent_of(line);
            const std::uint32_t key_begin = k;
            while (k < line.size() && is_key_char(line[k])) ++k;
            const std::string_view key = line.substr(key_begin, k - key_begin);
            while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
            if (key.empty() || k >= line.size() || line[k] != '=' || !wanted(key)) continue;
            ++k;
            while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
            const std::string_view rest = line.substr(k);
            const std::uint32_t at = lines[i].begin + k;
            RegionBuilder region(scope_for(key));
            const std::uint32_t body_end = lines[last - 1].end;
            if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
                const std::string_view fence = rest.substr(0, 3);
                const auto close = src_.find(fence, at + 3);
                if (close == std::string_view::npos || close > body_end) continue;
                std::uint32_t b = at + 3;
                // A newline right after the opening delimiter is not part of the string.
                if (src_[b] == '\r') ++b;
                if (src_[b] == '\n') ++b;
                if (fence[0] == '"') {
                    double_quoted(region, b, static_cast<std::uint32_t>(close), '\0');
                } else {
                    region.verbatim(src_, {b, static_cast<std::uint32_t>(close)});
                }
                while (i + 1 < last && lines[i + 1].begin <= close) ++i;
            } else if (rest.starts_with("\"")) {
                double_quoted(region, at + 1, lines[i].end);
            } else if (rest.starts_with("'")) {
                const auto close = rest.find('\'', 1);
                if (close == std::string_view::npos) continue;
                region.verbatim(src_, {at + 1, at + static_cast<std::uint32_t>(close)});
            }
            add(region);
        }
    }

  private:
    [[nodiscard]] bool wanted(std::string_view key) const {
        return std::find(keys_.begin(), keys_.end(), key) != keys_.end();
    }
    static Scope scope_for(std::string_view key) {
        return key == "title" ? Scope::Heading : Scope::Paragraph;
    }
    void add(const RegionBuilder& region) {
        if (!region.blank()) doc_.regions.push_back(region.build());
    }

    // A line break inside a flow scalar folds to one space (with the indentation around it).
    std::uint32_t fold(RegionBuilder& out, std::uint32_t i, std::uint32_t limit) {
        std::uint32_t e = i;
        while (e < limit &&
               (src_[e] == '\r' || src_[e] == '\n' || src_[e] == ' ' || src_[e] == '\t')) {
            ++e;
        }
        out.decoded(" ", {i, e});
        return e;
    }

    // From `begin` (after the opening quote) to the closing `quote`, within [.., limit).
    void double_quoted(RegionBuilder& out, std::uint32_t begin, std::uint32_t limit,
                       char quote = '"') {
        std::uint32_t run = begin;
        std::uint32_t i = begin;
        auto flush = [&](std::uint32_t to) {
            if (to > run) out.verbatim(src_, {run, to});
        };
        while (i < limit && src_[i] != quote) {
            if (src_[i] == '\\') {
                flush(i);
                if (i + 1 < limit && (src_[i + 1] == '\n' || src_[i + 1] == '\r')) {
                    // An escaped line break joins the lines without a space.
                    std::uint32_t e = i + 1;
                    while (e < limit && (src_[e] == '\r' || src_[e] == '\n' || src_[e] == ' ' ||
                                         src_[e] == '\t')) {
                        ++e;
                    }
                    out.decoded("", {i, e});
                    i = run = e;
                    continue;
                }
                const auto esc = escape_at(src_.substr(0, limit), i);
                if (!esc) return;  // malformed: lint what came before
                out.decoded(esc->first, {i, i + esc->second});
                i = run = i + esc->second;
            } else if (src_[i] == '\n' || src_[i] == '\r') {
                flush(trim_end(run, i));
                i = run = fold(out, i, limit);
            } else {
                ++i;
            }
        }
        flush(i);
    }

    void single_quoted(RegionBuilder& out, std::uint32_t begin, std::uint32_t limit) {
        std::uint32_t run = begin;
        std::uint32_t i = begin;
        while (i < limit) {
            if (src_[i] == '\'') {
                if (i + 1 < limit && src_[i + 1] == '\'') {
                    if (i > run) out.verbatim(src_, {run, i});
                    out.decoded("'", {i, i + 2});
                    i = run = i + 2;
                    continue;
                }
                break;
            }
            if (src_[i] == '\n' || src_[i] == '\r') {
                out.verbatim(src_, {run, trim_end(run, i)});
                i = run = fold(out, i, limit);
                continue;
            }
            ++i;
        }
        if (i > run) out.verbatim(src_, {run, i});
    }

    [[nodiscard]] std::uint32_t trim_end(std::uint32_t begin, std::uint32_t end) const {
        while (end > begin && (src_[end - 1] == ' ' || src_[end - 1] == '\t')) --end;
        return end;
    }

    // A plain scalar: the rest of the line without a trailing comment, then any indented
    // continuation lines, folded with spaces.
    void plain(RegionBuilder& out, const std::vector<Line>& lines, std::size_t key_line,
               std::uint32_t at, std::size_t end) {
        auto content = [&](std::uint32_t b, std::uint32_t e) {
            const std::string_view s = src_.substr(b, e - b);
            std::size_t hash = s.find(" #");
            if (hash == std::string_view::npos) hash = s.find("\t#");
            if (hash != std::string_view::npos) e = b + static_cast<std::uint32_t>(hash);
            return Span{b, trim_end(b, e)};
        };
        Span first = content(at, lines[key_line].end);
        out.verbatim(src_, first);
        std::uint32_t prev_end = first.end;
        for (std::size_t i = key_line + 1; i < end; ++i) {
            const std::string_view line = text_of(src_, lines[i]);
            if (is_blank(line)) continue;
            const Span part = content(lines[i].begin + indent_of(line), lines[i].end);
            if (part.empty()) continue;
            out.decoded(" ", {prev_end, part.begin});
            out.verbatim(src_, part);
            prev_end = part.end;
        }
    }

    // `|` and `>` blocks: the indented lines that follow, one line of text each.
    void block_scalar(RegionBuilder& out, const std::vector<Line>& lines, std::size_t first,
                      std::size_t end) {
        std::optional<std::uint32_t> prev_end;
        for (std::size_t i = first; i < end; ++i) {
            const std::string_view line = text_of(src_, lines[i]);
            if (is_blank(line)) continue;
            const std::uint32_t b = lines[i].begin + indent_of(line);
            const std::uint32_t e = trim_end(b, lines[i].end);
            if (prev_end) out.decoded("\n", {*prev_end, b});
            out.verbatim(src_, {b, e});
            prev_end = e;
        }
    }

    Document& doc_;
    std::string_view src_;
    const std::vector<std::string>& keys_;
};

}  // namespace

std::uint32_t read_front_matter(Document& doc, std::uint32_t start,
                                const std::vector<std::string>& keys) {
    const std::string_view src = doc.source;
    const std::vector<Line> lines = split_lines(src, start);
    if (lines.empty()) return start;
    const std::string_view opening = text_of(src, lines[0]);
    const bool yaml = is_fence(opening, "---");
    const bool toml = is_fence(opening, "+++");
    if (!yaml && !toml) return start;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = text_of(src, lines[i]);
        const bool closes =
            yaml ? (is_fence(line, "---") || is_fence(line, "...")) : is_fence(line, "+++");
        if (!closes) continue;
        FrontMatterReader reader(doc, keys);
        if (yaml) {
            reader.yaml(lines, 1, i);
        } else {
            reader.toml(lines, 1, i);
        }
        return lines[i].next;
    }
    return start;  // never closed: not front matter
}

}  // namespace copydesk::markup
