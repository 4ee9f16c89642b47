#include <algorithm>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "config/session.hpp"
#include "core/utf8.hpp"
#include "rules/rule.hpp"

namespace copydesk::cli {

namespace {

// Every rule, built in and from the shipped rule packs; prints the error and returns an empty
// list if a pack does not load.
std::optional<std::vector<std::unique_ptr<rules::Rule>>> load_all_rules() {
    config::Settings settings;
    settings.data_dir = config::find_data_dir(COPYDESK_SOURCE_DIR);
    auto packs = config::load_pack_rules(settings);
    if (auto* why = std::get_if<std::string>(&packs)) {
        report_error(*why);
        return std::nullopt;
    }
    return config::all_rules(std::get<std::vector<std::shared_ptr<const rules::Rule>>>(packs));
}

// Examples hold invisible and control characters on purpose; show them as <U+200B>.
std::string visible(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t at = pos;
        const char32_t cp = utf8::decode(text, pos);
        const bool hidden = (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
                            (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                            (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x180E;
        if (cp == '\n') {
            out += "\\n";
        } else if (hidden) {
            std::ostringstream hex;
            hex << "<U+" << std::uppercase << std::hex << std::setw(4) << std::setfill('0')
                << static_cast<std::uint32_t>(cp) << '>';
            out += hex.str();
        } else {
            out += text.substr(at, pos - at);
        }
    }
    return out;
}

}  // namespace

int run_rules() {
    auto all = load_all_rules();
    if (!all) return kExitError;
    std::size_t width = 0;
    for (const auto& rule : *all) width = std::max(width, rule->info().id.size());
    for (const auto& rule : *all) {
        const rules::RuleInfo& info = rule->info();
        std::cout << std::left << std::setw(static_cast<int>(width)) << info.id << "  "
                  << std::setw(11) << to_string(info.category) << "  " << std::setw(10)
                  << to_string(info.severity) << "  " << (info.enabled_by_default ? "on " : "off")
                  << "  " << (rule->pack() ? "pack:" + rule->pack()->name : "built-in") << "  "
                  << info.summary << '\n';
    }
    return kExitClean;
}

int run_explain(const std::string& rule_id) {
    auto all = load_all_rules();
    if (!all) return kExitError;
    for (const auto& rule : *all) {
        const rules::RuleInfo& info = rule->info();
        if (info.id != rule_id) continue;
        std::cout << info.id << " (" << to_string(info.category) << ", " << to_string(info.severity)
                  << (info.enabled_by_default ? ", on by default" : ", off by default")
                  << (rule->pack() ? ", " + rule->pack()->kind + " rule from pack '" +
                                         rule->pack()->name + "'"
                                   : ", built in")
                  << ")\n\n"
                  << info.summary << '\n';
        if (!info.description.empty() && info.description != info.summary) {
            std::cout << '\n' << info.description << '\n';
        }
        const auto examples = rules::rule_examples(*rule);
        if (!examples.empty()) std::cout << "\nExamples:\n";
        for (const rules::Example& e : examples) {
            std::cout << (e.bad ? "  bad:   " : "  good:  ") << visible(e.text) << '\n';
            for (const std::string& f : e.flags)
                std::cout << "         flags: " << visible(f) << '\n';
            if (!e.fixed.empty()) std::cout << "         fixed: " << visible(e.fixed) << '\n';
            if (!e.message.empty()) std::cout << "         says:  " << e.message << '\n';
        }
        if (!info.link.empty()) std::cout << "\nSee " << info.link << '\n';
        return kExitClean;
    }
    report_error("unknown rule '" + rule_id + "' (see 'copydesk rules')");
    return kExitError;
}

}  // namespace copydesk::cli
