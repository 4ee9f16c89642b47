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
    return {b, end_position(b, begin, end)};
}

Position SourceMap::end_position(Position b, std::uint32_t begin, std::uint32_t end) const {
    // Past the text, or from inside a byte order mark (which takes no column): the long way.
    if (end < begin || end > source_.size() || (b.line == 1 && begin < 3)) return position(end);
    const std::string_view between = source_.substr(begin, end - begin);
    if (between.find_first_of("\r\n") != std::string_view::npos) return position(end);
    return {b.line, b.column + static_cast<std::uint32_t>(utf8::count_code_points(between))};
}

std::pair<Position, Position> SourceMap::Cursor::positions(std::uint32_t begin, std::uint32_t end) {
    const SourceMap& map = *map_;
    Position b;
    if (begin >= offset_ && begin < line_end_) {
        // Code points are counted byte by byte (every byte but a continuation), so the count
        // from the line's start to `begin` is that to offset_ and the rest.
        const std::string_view between = map.source_.substr(offset_, begin - offset_);
        b = {at_.line, at_.column + static_cast<std::uint32_t>(utf8::count_code_points(between))};
    } else {
        b = map.position(begin);
        line_end_ = 0;
        // A begin past the text is clamped, and one in the first three bytes may be inside a
        // byte order mark: neither is counted on from.
        if (begin <= map.source_.size() && !(b.line == 1 && begin < 3)) {
            line_end_ = b.line < map.starts_.size()
                            ? map.starts_[b.line]
                            : static_cast<std::uint32_t>(map.source_.size() + 1);
        }
    }
    offset_ = begin;
    at_ = b;
    return {b, map.end_position(b, begin, end)};
}

std::string_view SourceMap::line_text(std::uint32_t line) const {
    const std::uint32_t begin = line_start(line);
    std::uint32_t end =
        line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(source_.size());
    while (end > begin && (source_[end - 1] == '\n' || source_[end - 1] == '\r')) --end;
    return source_.substr(begin, end - begin);
}

}  // namespace copydesk
