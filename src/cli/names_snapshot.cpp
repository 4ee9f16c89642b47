// The snapshot of dictionaries/names (config/names_snapshot.hpp), made at build time by
// tools/names_snapshot and assembled into the program: when the data folder's names files are
// the ones in the snapshot, start-up parses no YAML (files that differ are parsed as before).
#include <span>

#include "cli/embedded_file.hpp"
#include "config/names_snapshot.hpp"

COPYDESK_EMBED_FILE(copydesk_names_snapshot, COPYDESK_NAMES_SNAPSHOT);

namespace copydesk::config {

std::span<const std::byte> embedded_names_snapshot() {
    return {copydesk_names_snapshot_begin, copydesk_names_snapshot_end};
}

}  // namespace copydesk::config
