#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace copydesk::markup {

// Collects one block's text while a reader walks it; pieces can be taken back (an autolink's
// text turns out not to be prose) before the Region is built.
class RegionBuilder {
  public:
    explicit RegionBuilder(Scope scope) : scope_(scope) {}

    // Source bytes `span` of `source`, copied as they are.
    void verbatim(std::string_view source, Span span) {
        if (!span.empty())
            pieces_.push_back({std::string(source.substr(span.begin, span.size())), span, true});
    }
    // `text` standing for `span` as a whole (an entity, an escape, a line break).
    void decoded(std::string text, Span span) {
        if (!text.empty()) pieces_.push_back({std::move(text), span, false});
    }
    // An inline object the rules must not read (inline code, an image, an autolink).
    void object(Span span) { decoded(std::string(kObjectReplacement), span); }

    [[nodiscard]] std::size_t mark() const { return pieces_.size(); }
    void rollback(std::size_t mark) { pieces_.resize(mark); }
    // The text collected since `mark`.
    [[nodiscard]] std::string text_since(std::size_t mark) const {
        std::string out;
        for (std::size_t i = mark; i < pieces_.size(); ++i) out += pieces_[i].text;
        return out;
    }
    // Source extent of the pieces since `mark` (empty at `fallback` when there are none).
    [[nodiscard]] Span span_since(std::size_t mark, std::uint32_t fallback) const {
        if (mark >= pieces_.size()) return {fallback, fallback};
        return {pieces_[mark].span.begin, pieces_.back().span.end};
    }

    [[nodiscard]] Scope scope() const { return scope_; }
    // True when there is nothing to lint: only spaces and objects.
    [[nodiscard]] bool blank() const {
        for (const Piece& p : pieces_) {
            if (p.text == kObjectReplacement) continue;
            if (p.text.find_first_not_of(" \t\r\n\f") != std::string::npos) return false;
        }
        return true;
    }

    [[nodiscard]] Region build() const {
        Region region(scope_);
        for (const Piece& p : pieces_) {
            if (p.verbatim) {
                region.append_verbatim(p.text, p.span);
            } else {
                region.append_decoded(p.text, p.span);
            }
        }
        return region;
    }

  private:
    struct Piece {
        std::string text;
        Span span;
        bool verbatim;
    };
    Scope scope_;
    std::vector<Piece> pieces_;
};

// Maps offsets of a buffer assembled from pieces of the source (an HTML block inside a
// Markdown container, its lines without the container's prefixes) back to the source.
class OffsetMap {
  public:
    void add(std::uint32_t buffer_begin, std::uint32_t source_begin, std::uint32_t length) {
        pieces_.push_back({buffer_begin, source_begin, length});
    }
    [[nodiscard]] std::uint32_t to_source(std::uint32_t buffer_offset, bool as_end) const;
    // Calls `fn(Span source)` for each contiguous source run of buffer range [begin, end).
    template <typename Fn>
    void for_each_run(std::uint32_t begin, std::uint32_t end, Fn fn) const {
        for (const Piece& p : pieces_) {
            const std::uint32_t b = std::max(begin, p.buffer);
            const std::uint32_t e = std::min(end, p.buffer + p.length);
            if (b < e) fn(Span{p.source + (b - p.buffer), p.source + (e - p.buffer)});
        }
    }

  private:
    struct Piece {
        std::uint32_t buffer;
        std::uint32_t source;
        std::uint32_t length;
    };
    std::vector<Piece> pieces_;
};

inline std::uint32_t OffsetMap::to_source(std::uint32_t buffer_offset, bool as_end) const {
    for (const Piece& p : pieces_) {
        const bool inside =
            as_end ? (buffer_offset > p.buffer && buffer_offset <= p.buffer + p.length)
                   : (buffer_offset >= p.buffer && buffer_offset < p.buffer + p.length);
        if (inside) return p.source + (buffer_offset - p.buffer);
    }
    // Between pieces (a line break the buffer added): the start of the next piece.
    for (const Piece& p : pieces_) {
        if (p.buffer >= buffer_offset) return p.source;
    }
    return pieces_.empty() ? 0 : pieces_.back().source + pieces_.back().length;
}

}  // namespace copydesk::markup
