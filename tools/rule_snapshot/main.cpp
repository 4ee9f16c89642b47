// Writes the snapshot of a rules folder (see rules/pack_snapshot.hpp) for the build to compile
// into the copydesk program: start-up then rebuilds the shipped rule files' trees instead of
// parsing their YAML.
//
//   rule_snapshot rules OUT
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "../build_output.hpp"
#include "rules/pack.hpp"
#include "rules/pack_snapshot.hpp"
#include "spell/read_file.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: rule_snapshot RULES_DIR OUT\n";
        return 2;
    }
    const fs::path root = argv[1];
    // The packs must load: the program would otherwise load them from the snapshot at every
    // start only to parse them again for the error.
    auto packs = copydesk::rules::load_rule_packs(root, {});
    if (const auto* error = std::get_if<copydesk::rules::PackError>(&packs)) {
        std::cerr << "rule_snapshot: " << error->what() << '\n';
        return 1;
    }
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if ((p.extension() == ".yaml" || p.extension() == ".yml") && it->is_regular_file(ec))
            files.push_back(p);
    }
    if (ec) {
        std::cerr << "rule_snapshot: cannot read " << root.string() << ": " << ec.message() << '\n';
        return 1;
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (const fs::path& p : files) {
        auto text = copydesk::spell::read_at_most(p, copydesk::rules::kMaxRuleFileSize);
        if (!text || text->size() > copydesk::rules::kMaxRuleFileSize) {
            std::cerr << "rule_snapshot: cannot read " << p.string() << '\n';
            return 1;
        }
        texts.push_back(std::move(*text));
    }
    try {
        const std::string snapshot = copydesk::rules::write_rule_snapshot(texts);
        return write_build_output(argv[2], snapshot, "rule_snapshot") ? 0 : 1;
    } catch (const YAML::Exception& e) {
        std::cerr << "rule_snapshot: " << e.what() << '\n';
        return 1;
    }
}
