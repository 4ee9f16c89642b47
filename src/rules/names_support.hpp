#pragma once

#include "rules/rule.hpp"

namespace copydesk::rules {

// True when a name at `span` is to be left exactly as written: marked [sic], introduced as a
// spelling or a former name ("often spelled Qaddafi", "Mumbai, formerly Bombay"), or inside a
// quoted title or a quoted single name ("The Kiev Affair", "Kiev").
bool left_as_written(const RegionText& where, Span span);

// The names the database finds in region `region` of the document (see Database::find),
// found once per document for every rule that asks. Empty without a names database.
std::span<const names::Mention> name_mentions(const Context& ctx, std::size_t region);

}  // namespace copydesk::rules
