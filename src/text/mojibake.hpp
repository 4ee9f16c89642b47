#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace copydesk::text {

// Text that was UTF-8, read as Windows-1252 (or Latin-1) and saved again as UTF-8:
// "â€™" for "’", "Ã©" for "é". `repaired` is the text as it was meant; empty when a byte was
// lost on the way ("â€" at the end of a quote once held a third byte) and the original
// cannot be known for sure.
struct Mojibake {
    Span span;
    std::string repaired;
    std::string guess;  // when `repaired` is empty: the likely original ("”"), or empty
};

// Finds mojibake, one entry per word (adjacent garbled sequences in a word are merged).
// Repairs text garbled twice ("Ã¢â‚¬â„¢" -> "’") as well.
std::vector<Mojibake> find_mojibake(std::string_view text);

}  // namespace copydesk::text
