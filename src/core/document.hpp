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

// A run of prose as the rules see it: one block (paragraph, heading, list item, table cell,
// caption), never text glued across blocks. Its text is the source with markup removed and
// entities decoded; `segments` map every text offset back to the original bytes.
// An inline object the rules must not read (inline code, an image, an autolink) stands in the
// text as one U+FFFC OBJECT REPLACEMENT CHARACTER, a decoded segment mapped to the object's
// source, so that the words on either side are not read as adjacent.
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
    [[nodiscard]] const std::vector<Segment>& segments() const { return segments_; }

  private:
    [[nodiscard]] std::size_t segment_at(std::uint32_t text_offset, bool as_end) const;

    Scope scope_;
    std::string text_;
    std::vector<Segment> segments_;
};

inline constexpr std::string_view kObjectReplacement = "\xEF\xBF\xBC";  // U+FFFC

// An inline comment that switches rules off or on: `<!-- copydesk-disable RULE, RULE -->`,
// `<!-- copydesk-enable -->`, `<!-- copydesk-disable-next-line RULE -->` (docs/config.md).
struct Directive {
    enum class Kind { Disable, Enable, DisableNextLine, Unknown };
    struct RuleRef {
        std::string id;
        Span span;  // where the id is written
    };
    Kind kind = Kind::Unknown;
    Span span;                   // the whole comment (or line, in plain text)
    Span verb_span;              // "copydesk-disable", ...
    std::vector<RuleRef> rules;  // empty: every rule
};

struct Document {
    std::string path;    // as given by the user ("-" or --stdin-filename for stdin)
    std::string source;  // the original bytes, unchanged
    SourceMap lines;     // built over `source`
    std::vector<Region> regions;
    std::vector<Directive> directives;  // in source order
    // Direct quotations inside regions (between quotation marks), as source spans in order.
    std::vector<Span> quotations;

    Document() = default;
    // `lines` views `source`, whose buffer a move may relocate (short strings): rebind it.
    Document(Document&& other) noexcept;
    Document& operator=(Document&& other) noexcept;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;
    ~Document() = default;
};

}  // namespace copydesk
