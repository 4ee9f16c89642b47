// The index of the known-misspellings table (spell/misspellings.hpp), made at build time by
// tools/misspellings_index and assembled into the program: while the data folder's table holds
// the same bytes, start-up parses none of it.
#include <span>

#include "cli/embedded_file.hpp"
#include "spell/misspellings.hpp"

COPYDESK_EMBED_FILE(copydesk_misspellings_index, COPYDESK_MISSPELLINGS_INDEX);

namespace copydesk::spell {

std::span<const std::byte> embedded_misspellings_index() {
    return {copydesk_misspellings_index_begin, copydesk_misspellings_index_end};
}

}  // namespace copydesk::spell
