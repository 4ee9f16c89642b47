// The snapshot of dictionaries/names (config/names_snapshot.hpp), made at build time by
// tools/names_snapshot and assembled into the program: when the data folder's names files are
// the ones in the snapshot, start-up parses no YAML (files that differ are parsed as before).
#include <cstddef>
#include <span>

#include "config/names_snapshot.hpp"

asm(".section .rodata.copydesk_names_snapshot,\"a\"\n"
    ".balign 16\n"
    "copydesk_names_snapshot_begin:\n"
    ".incbin \"" COPYDESK_NAMES_SNAPSHOT
    "\"\n"
    "copydesk_names_snapshot_end:\n"
    ".previous\n");

extern "C" const std::byte copydesk_names_snapshot_begin[];
extern "C" const std::byte copydesk_names_snapshot_end[];

namespace copydesk::config {

std::span<const std::byte> embedded_names_snapshot() {
    return {copydesk_names_snapshot_begin, copydesk_names_snapshot_end};
}

}  // namespace copydesk::config
