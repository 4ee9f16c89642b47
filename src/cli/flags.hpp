#pragma once

#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "config/resolver.hpp"

namespace copydesk::cli {

// Turns the lint options into config flags; an error message for a bad option value.
std::optional<std::string> flags_from_args(const LintArgs& args, config::Flags& flags);

}  // namespace copydesk::cli
