#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_map.hpp"
#include "core/span.hpp"

namespace copydesk {

// Where a piece of prose sits in the article; rules and configs can target scopes.
enum class Scope { Paragraph, Heading, Quote, Caption, ListItem, TableCell };

std::string_view to_string(Scope scope);

// A run of prose as the rules see it. Its text is the source with markup removed and
// entities decoded; `segments` map every text offset back to the original bytes.
class Region {
  public:
    struct Segment {
        std::uint32_t text_begin;
        Span source;
        bool verbatim;  // text bytes equal the source bytes; otherwise a decoded unit
    };

    explicit Region(Scope scope) : scope_(scope) {}

    // Appends prose copied byte for byte from `source_span` of the original.
    void append_verbatim(std::string_view bytes, Span source_span);
    // Appends text that stands for `source_span` as a whole (an entity, an escape).
    void append_decoded(std::string_view text, Span source_span);

    [[nodiscard]] Scope scope() const { return scope_; }
    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] Span source_span() const;
    // Maps a half-open range of text offsets to original byte offsets.
    [[nodiscard]] Span to_source(Span text_span) const;
    // True when the text span maps byte for byte onto the source (safe to edit there).
    [[nodiscard]] bool is_verbatim(Span text_span) const;

  private:
    [[nodiscard]] std::size_t segment_at(std::uint32_t text_offset, bool as_end) const;

    Scope scope_;
    std::string text_;
    std::vector<Segment> segments_;
};

struct Document {
    std::string path;    // as given by the user ("-" or --stdin-filename for stdin)
    std::string source;  // the original bytes, unchanged
    SourceMap lines;     // built over `source`
    std::vector<Region> regions;

    Document() = default;
    // `lines` views `source`, whose bytes may move with it (short strings live inline).
    Document(const Document& o)
        : path(o.path), source(o.source), lines(o.lines), regions(o.regions) {
        lines.rebind(source);
    }
    Document(Document&& o) noexcept
        : path(std::move(o.path)),
          source(std::move(o.source)),
          lines(std::move(o.lines)),
          regions(std::move(o.regions)) {
        lines.rebind(source);
    }
    Document& operator=(Document o) noexcept {
        path = std::move(o.path);
        source = std::move(o.source);
        lines = std::move(o.lines);
        regions = std::move(o.regions);
        lines.rebind(source);
        return *this;
    }
    ~Document() = default;
};

}  // namespace copydesk
