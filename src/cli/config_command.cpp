#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/flags.hpp"
#include "config/resolver.hpp"
#include "rules/rule.hpp"

namespace copydesk::cli {

namespace fs = std::filesystem;

std::optional<std::string> flags_from_args(const LintArgs& args, config::Flags& flags) {
    if (!args.lang.empty()) flags.lang = args.lang;
    if (!args.style.empty()) flags.style = args.style;
    if (!args.fail_level.empty()) flags.fail_level = parse_severity(args.fail_level);
    if (!args.report_level.empty()) flags.report_level = parse_severity(args.report_level);
    flags.enable = split_ids(args.enable);
    flags.disable = split_ids(args.disable);
    // Rule ids are checked when a session is made: rule packs (shipped or named by a config
    // file) add rules of their own.
    if (!args.config.empty()) {
        std::error_code ec;
        if (!fs::is_regular_file(args.config, ec)) return args.config + ": no such config file";
        flags.config_file = config::absolute_path(args.config);
    }
    return std::nullopt;
}

int run_init(const std::string& folder, bool force) {
    const fs::path path = fs::path(folder) / config::kConfigFileName;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        report_error(folder + ": no such folder");
        return kExitError;
    }
    if (fs::exists(path, ec) && !force) {
        report_error(path.string() + ": already exists (use --force to replace it)");
        return kExitError;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << config::starter_config();
    out.close();
    if (!out) {
        report_error(path.string() + ": cannot write the file");
        return kExitError;
    }
    std::cout << "wrote " << path.string() << '\n';
    return kExitClean;
}

int run_config_show(const LintArgs& args, const std::string& file) {
    config::Flags flags;
    if (auto why = flags_from_args(args, flags)) {
        report_error(*why);
        return kExitError;
    }
    config::Resolver resolver(flags, config::find_data_dir(COPYDESK_SOURCE_DIR));
    std::error_code ec;
    // A folder stands for the files in it.
    const fs::path target = fs::is_directory(file, ec) ? fs::path(file) / "-" : fs::path(file);
    auto effective = resolver.resolve(target);
    if (auto* err = std::get_if<config::ConfigError>(&effective)) {
        report_error(err->to_string());
        return kExitError;
    }
    const config::Effective& eff = std::get<config::Effective>(effective);
    const auto rules = rules::make_builtin_rules();
    std::vector<const rules::RuleInfo*> infos;
    for (const auto& r : rules) infos.push_back(&r->info());
    std::cout << "# Configuration in force for " << file << '\n';
    if (eff.sources.empty()) {
        std::cout << "# No .copydesk.yaml applies: defaults";
    } else {
        std::cout << "# From (outermost first):";
        for (const std::string& s : eff.sources) std::cout << "\n#   " << s;
    }
    if (flags.lang || flags.style || flags.fail_level || flags.report_level ||
        !flags.enable.empty() || !flags.disable.empty()) {
        std::cout << "\n#   and the command-line flags";
    }
    std::cout << '\n' << eff.settings.describe(infos);
    // An unknown rule id in a config file is an error here too.
    if (auto why = config::check_rule_ids(eff.settings)) {
        report_error(*why);
        return kExitError;
    }
    return kExitClean;
}

}  // namespace copydesk::cli
