#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/source_map.hpp"

namespace copydesk::lsp {

// How LSP `character` offsets are counted; negotiated at initialize. All conversion between
// byte offsets and LSP positions happens in this file.
enum class Encoding { Utf16, Utf8 };

std::string_view to_string(Encoding e);

// 0-based, as on the wire.
struct LspPosition {
    std::uint32_t line = 0;
    std::uint32_t character = 0;
    friend bool operator==(LspPosition, LspPosition) = default;
};

// A text with its line index, for converting positions in both directions.
class PositionMap {
  public:
    // `text` must outlive the map.
    explicit PositionMap(std::string_view text) : text_(text), lines_(text) {}

    [[nodiscard]] LspPosition to_lsp(std::uint32_t offset, Encoding e) const;
    // The byte offset of `p`. A character past the end of its line means the end of the line
    // (as the protocol says) and one inside a code point (half a surrogate pair) its start.
    // Nullopt when the line does not exist; the line just past the last one is accepted only
    // at character 0, meaning the end of the text.
    [[nodiscard]] std::optional<std::uint32_t> to_offset(LspPosition p, Encoding e) const;

    [[nodiscard]] const SourceMap& lines() const { return lines_; }

  private:
    std::string_view text_;
    SourceMap lines_;
};

}  // namespace copydesk::lsp
