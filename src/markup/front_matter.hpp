#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"

namespace copydesk::markup {

// Reads YAML (---) or TOML (+++) front matter starting at `start` of doc.source: the values
// of the top-level `keys` become regions (title a heading, the others paragraphs); everything
// else in it is skipped. Returns where the Markdown body begins (`start` when there is none).
std::uint32_t read_front_matter(Document& doc, std::uint32_t start,
                                const std::vector<std::string>& keys);

}  // namespace copydesk::markup
