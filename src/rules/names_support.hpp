#pragma once

#include "rules/rule.hpp"

namespace copydesk::rules {

// True when a name at `span` is to be left exactly as written: marked [sic], introduced as a
// spelling or a former name ("often spelled Qaddafi", "Mumbai, formerly Bombay"), or inside a
// quoted title or a quoted single name ("The Kiev Affair", "Kiev").
bool left_as_written(const RegionText& where, Span span);

}  // namespace copydesk::rules
