#include "core/document.hpp"

#include <algorithm>

namespace copydesk {

std::string_view to_string(Scope scope) {
    switch (scope) {
        case Scope::Paragraph:
            return "paragraph";
        case Scope::Heading:
            return "heading";
        case Scope::Quote:
            return "quote";
        case Scope::Caption:
            return "caption";
        case Scope::ListItem:
            return "list-item";
        case Scope::TableCell:
            return "table-cell";
    }
    return "paragraph";
}

Document::Document(Document&& other) noexcept
    : path(std::move(other.path)),
      source(std::move(other.source)),
      lines(std::move(other.lines)),
      regions(std::move(other.regions)),
      directives(std::move(other.directives)),
      quotations(std::move(other.quotations)) {
    lines.rebind(source);
}

Document& Document::operator=(Document&& other) noexcept {
    path = std::move(other.path);
    source = std::move(other.source);
    lines = std::move(other.lines);
    regions = std::move(other.regions);
    directives = std::move(other.directives);
    quotations = std::move(other.quotations);
    lines.rebind(source);
    return *this;
}

void Region::append_verbatim(std::string_view bytes, Span source_span) {
    if (bytes.empty()) return;
    const auto at = static_cast<std::uint32_t>(text_.size());
    // Merge with the previous segment when the source continues contiguously.
    if (!segments_.empty() && segments_.back().verbatim &&
        segments_.back().source.end == source_span.begin) {
        segments_.back().source.end = source_span.end;
    } else {
        segments_.push_back({at, source_span, true});
    }
    text_.append(bytes);
}

void Region::append_decoded(std::string_view text, Span source_span) {
    segments_.push_back({static_cast<std::uint32_t>(text_.size()), source_span, false});
    text_.append(text);
}

Span Region::source_span() const {
    if (segments_.empty()) return {};
    return {segments_.front().source.begin, segments_.back().source.end};
}

std::size_t Region::segment_at(std::uint32_t text_offset, bool as_end) const {
    // Last segment starting at or before the offset (strictly before, for an end offset).
    auto it = std::upper_bound(segments_.begin(), segments_.end(), text_offset,
                               [](std::uint32_t t, const Segment& s) { return t < s.text_begin; });
    std::size_t i = static_cast<std::size_t>(it - segments_.begin());
    if (i > 0) --i;
    if (as_end) {
        while (i > 0 && segments_[i].text_begin >= text_offset) --i;
    }
    return i;
}

Span Region::to_source(Span t) const {
    if (segments_.empty()) return {};
    auto map = [&](std::uint32_t off, bool as_end) -> std::uint32_t {
        const Segment& s = segments_[segment_at(off, as_end)];
        if (s.verbatim) {
            return std::min(s.source.begin + (off - s.text_begin), s.source.end);
        }
        return (as_end || off > s.text_begin) ? s.source.end : s.source.begin;
    };
    const std::uint32_t b = map(t.begin, false);
    const std::uint32_t e = t.empty() ? b : map(t.end, true);
    return {b, std::max(b, e)};
}

bool Region::is_verbatim(Span t) const {
    if (segments_.empty()) return false;
    const std::size_t first = segment_at(t.begin, false);
    const std::size_t last = t.empty() ? first : segment_at(t.end, true);
    for (std::size_t i = first; i <= last; ++i) {
        if (!segments_[i].verbatim) return false;
    }
    // Contiguous source across the covered segments keeps byte-for-byte mapping.
    for (std::size_t i = first; i < last; ++i) {
        if (segments_[i].source.end != segments_[i + 1].source.begin) return false;
    }
    return true;
}

}  // namespace copydesk
