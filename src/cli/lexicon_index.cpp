// The index of dictionaries/spelling/words.tsv (spell::Lexicon::index), made at build time by
// tools/lexicon_index and assembled into the program: when the data folder's words.tsv is the
// text in the index, start-up parses nothing (a lexicon that differs is parsed as before).
#include <cstddef>
#include <span>

#include "spell/lexicon.hpp"

asm(".section .rodata.copydesk_lexicon_index,\"a\"\n"
    ".balign 16\n"
    "copydesk_lexicon_index_begin:\n"
    ".incbin \"" COPYDESK_LEXICON_INDEX
    "\"\n"
    "copydesk_lexicon_index_end:\n"
    ".previous\n");

extern "C" const std::byte copydesk_lexicon_index_begin[];
extern "C" const std::byte copydesk_lexicon_index_end[];

namespace copydesk::spell {

std::span<const std::byte> embedded_lexicon_index() {
    return {copydesk_lexicon_index_begin, copydesk_lexicon_index_end};
}

}  // namespace copydesk::spell
