// The snapshot of rules/ (rules/pack_snapshot.hpp), made at build time by tools/rule_snapshot
// and assembled into the program: a shipped rule file whose bytes are unchanged is read from
// it without parsing YAML (other files are parsed as before).
#include <span>

#include "cli/embedded_file.hpp"
#include "rules/pack_snapshot.hpp"

COPYDESK_EMBED_FILE(copydesk_rule_snapshot, COPYDESK_RULE_SNAPSHOT);

namespace copydesk::rules {

std::span<const std::byte> embedded_rule_snapshot() {
    return {copydesk_rule_snapshot_begin, copydesk_rule_snapshot_end};
}

}  // namespace copydesk::rules
