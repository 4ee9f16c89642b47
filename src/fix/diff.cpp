#include "fix/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace copydesk::fix {

namespace {

struct Lines {
    std::string_view text;
    std::vector<std::size_t> starts;

    explicit Lines(std::string_view t) : text(t) {
        if (t.empty()) return;
        starts.push_back(0);
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i] == '\n') starts.push_back(i + 1);
        }
    }
    [[nodiscard]] std::size_t count() const { return starts.size(); }
    [[nodiscard]] std::size_t end(std::size_t k) const {
        return k + 1 < starts.size() ? starts[k + 1] : text.size();
    }
    [[nodiscard]] std::string_view line(std::size_t k) const {
        return text.substr(starts[k], end(k) - starts[k]);
    }
};

// A run of original lines replaced by a run of fixed lines, as line indices [begin, end).
struct Block {
    std::size_t o_begin, o_end, f_begin, f_end;
};

void put_line(std::string& out, char mark, std::string_view line) {
    out += mark;
    out.append(line);
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t begin, std::size_t count) {
    // diff -u: a one-line range is just its number; an empty one names the line before it.
    if (count == 1) return std::to_string(begin + 1);
    return std::to_string(count == 0 ? begin : begin + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view label, std::string_view original, std::string_view fixed,
                         std::span<const Edit> edits, int context) {
    if (edits.empty()) return {};
    const Lines o(original);
    const Lines f(fixed);

    // An original line is common to both texts when no edit touches its bytes and it still
    // starts a line in the fixed text; it then equals the fixed line at its shifted offset.
    std::vector<std::pair<std::size_t, std::size_t>> common;
    std::size_t next_edit = 0;
    std::int64_t delta = 0;
    for (std::size_t k = 0; k < o.count(); ++k) {
        const std::size_t s = o.starts[k];
        const std::size_t t = o.end(k);
        while (next_edit < edits.size() && edits[next_edit].span.end <= s) {
            const Edit& e = edits[next_edit++];
            delta += static_cast<std::int64_t>(e.replacement.size()) - e.span.size();
        }
        // A last line without a line break also changes when text is appended to it.
        const bool open_end = original[t - 1] != '\n';
        if (next_edit < edits.size() &&
            (edits[next_edit].span.begin < t || (open_end && edits[next_edit].span.begin <= t))) {
            continue;
        }
        const auto fs = static_cast<std::size_t>(static_cast<std::int64_t>(s) + delta);
        if (fs != 0 && fixed[fs - 1] != '\n') continue;
        const auto it = std::lower_bound(f.starts.begin(), f.starts.end(), fs);
        common.emplace_back(k, static_cast<std::size_t>(it - f.starts.begin()));
    }
    common.emplace_back(o.count(), f.count());  // sentinel: both ends

    std::vector<Block> blocks;
    std::size_t po = 0;
    std::size_t pf = 0;
    for (const auto& [co, cf] : common) {
        if (co > po || cf > pf) blocks.push_back({po, co, pf, cf});
        po = co + 1;
        pf = cf + 1;
    }
    if (blocks.empty()) return {};

    const auto c = static_cast<std::size_t>(std::max(context, 0));
    std::string out;
    out += "--- ";
    out.append(label);
    out += "\n+++ ";
    out.append(label);
    out += '\n';
    for (std::size_t i = 0; i < blocks.size();) {
        std::size_t j = i + 1;
        while (j < blocks.size() && blocks[j].o_begin - blocks[j - 1].o_end <= 2 * c) ++j;
        const Block& first = blocks[i];
        const Block& last = blocks[j - 1];
        const std::size_t o_start = first.o_begin - std::min(c, first.o_begin);
        const std::size_t f_start = first.f_begin - (first.o_begin - o_start);
        const std::size_t o_stop = std::min(o.count(), last.o_end + c);
        const std::size_t f_stop = last.f_end + (o_stop - last.o_end);
        out += "@@ -" + range(o_start, o_stop - o_start) + " +" + range(f_start, f_stop - f_start) +
               " @@\n";
        std::size_t at = o_start;
        for (std::size_t b = i; b < j; ++b) {
            for (; at < blocks[b].o_begin; ++at) put_line(out, ' ', o.line(at));
            for (std::size_t k = blocks[b].o_begin; k < blocks[b].o_end; ++k) {
                put_line(out, '-', o.line(k));
            }
            for (std::size_t k = blocks[b].f_begin; k < blocks[b].f_end; ++k) {
                put_line(out, '+', f.line(k));
            }
            at = blocks[b].o_end;
        }
        for (; at < o_stop; ++at) put_line(out, ' ', o.line(at));
        i = j;
    }
    return out;
}

}  // namespace copydesk::fix
