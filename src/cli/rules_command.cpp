#include <iostream>

#include "cli/commands.hpp"
#include "rules/rule.hpp"

namespace copydesk::cli {

int run_rules() {
    for (const auto& rule : rules::make_builtin_rules()) {
        const rules::RuleInfo& info = rule->info();
        std::cout << info.id << "  " << to_string(info.category) << "  " << to_string(info.severity)
                  << (info.enabled_by_default ? "" : "  (off)") << "  " << info.summary << '\n';
    }
    return kExitClean;
}

int run_explain(const std::string& rule_id) {
    for (const auto& rule : rules::make_builtin_rules()) {
        const rules::RuleInfo& info = rule->info();
        if (info.id != rule_id) continue;
        std::cout << info.id << " (" << to_string(info.category) << ", " << to_string(info.severity)
                  << (info.enabled_by_default ? ", on by default" : ", off by default") << ")\n\n"
                  << info.summary << "\n\n"
                  << info.description << '\n';
        if (!info.link.empty()) std::cout << "\nSee " << info.link << '\n';
        return kExitClean;
    }
    report_error("unknown rule '" + rule_id + "' (see 'copydesk rules')");
    return kExitError;
}

}  // namespace copydesk::cli
