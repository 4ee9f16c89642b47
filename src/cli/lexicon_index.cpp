// The index of dictionaries/spelling/words.tsv (spell::Lexicon::index), made at build time by
// tools/lexicon_index and assembled into the program: when the data folder's words.tsv is the
// text in the index, start-up parses nothing (a lexicon that differs is parsed as before).
#include <span>

#include "cli/embedded_file.hpp"
#include "spell/lexicon.hpp"

COPYDESK_EMBED_FILE(copydesk_lexicon_index, COPYDESK_LEXICON_INDEX);

namespace copydesk::spell {

std::span<const std::byte> embedded_lexicon_index() {
    return {copydesk_lexicon_index_begin, copydesk_lexicon_index_end};
}

}  // namespace copydesk::spell
