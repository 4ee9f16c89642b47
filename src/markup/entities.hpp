#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk::markup {

struct NamedEntity {
    std::string_view name;  // "amp;", or a legacy form without ";" ("amp")
    std::string_view text;  // UTF-8
};

inline constexpr std::size_t kNamedEntityCount = 2231;
extern const std::array<NamedEntity, kNamedEntityCount> kNamedEntities;

struct CharRef {
    std::size_t length = 0;  // source bytes the reference spans, '&' included
    std::string text;        // what it stands for, UTF-8
};

// Decodes the character reference at the start of `s` (s[0] == '&') the way an HTML5 parser
// does in text, or in an attribute value when `in_attribute` (where a legacy name followed by
// '=' or an alphanumeric stays literal). nullopt: the '&' is a literal ampersand.
std::optional<CharRef> decode_char_ref(std::string_view s, bool in_attribute);

}  // namespace copydesk::markup
