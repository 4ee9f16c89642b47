#include <yaml-cpp/yaml.h>

#include "rules/rule.hpp"

namespace copydesk::rules {

std::vector<Example> rule_examples(const Rule& rule) {
    if (const PackInfo* pack = rule.pack()) return pack->examples;
    const std::string_view yaml = builtin_cases_yaml(rule.info().id);
    std::vector<Example> out;
    if (yaml.empty()) return out;
    // The cases are checked by the test suite; a malformed file never reaches a build.
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        for (const YAML::Node& c : root["cases"]) {
            Example e;
            e.bad = static_cast<bool>(c["bad"]);
            e.text = c[e.bad ? "bad" : "good"].as<std::string>();
            if (c["flags"]) e.flags = c["flags"].as<std::vector<std::string>>();
            if (c["fixed"]) e.fixed = c["fixed"].as<std::string>();
            if (c["message"]) e.message = c["message"].as<std::string>();
            out.push_back(std::move(e));
        }
    } catch (const YAML::Exception&) {
        out.clear();
    }
    return out;
}

}  // namespace copydesk::rules
