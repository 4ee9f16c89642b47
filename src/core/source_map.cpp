#include "core/source_map.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace copydesk {

SourceMap::SourceMap(std::string_view source) : source_(source) {
    for (std::size_t i = 0;; ++i) {
        i = utf8::find_line_break(source, i);
        if (i == source.size()) break;
        if (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
        starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
}

std::uint32_t SourceMap::line_of(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(source_.size()));
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<std::uint32_t>(it - starts_.begin());
}

Position SourceMap::position(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(source_.size()));
    const std::uint32_t line = line_of(offset);
    std::uint32_t start = starts_[line - 1];
    // A byte order mark is invisible in editors: it takes no column.
    if (line == 1 && source_.starts_with("\xEF\xBB\xBF") && offset >= 3) start = 3;
    const auto column = utf8::count_code_points(source_.substr(start, offset - start));
    return {line, static_cast<std::uint32_t>(column + 1)};
}

std::pair<Position, Position> SourceMap::positions(std::uint32_t begin, std::uint32_t end) const {
    const Position b = position(begin);
    // Past the text, or from inside a byte order mark (which takes no column): the long way.
    if (end < begin || end > source_.size() || (b.line == 1 && begin < 3)) {
        return {b, position(end)};
    }
    const std::string_view between = source_.substr(begin, end - begin);
    if (between.find_first_of("\r\n") != std::string_view::npos) return {b, position(end)};
    return {b, {b.line, b.column + static_cast<std::uint32_t>(utf8::count_code_points(between))}};
}

std::string_view SourceMap::line_text(std::uint32_t line) const {
    const std::uint32_t begin = line_start(line);
    std::uint32_t end =
        line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(source_.size());
    while (end > begin && (source_[end - 1] == '\n' || source_[end - 1] == '\r')) --end;
    return source_.substr(begin, end - begin);
}

}  // namespace copydesk
