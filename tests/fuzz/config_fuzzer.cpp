// The two YAML loaders users write for: bytes -> .copydesk.yaml (even first byte) or bytes ->
// a rule-pack rule file (odd first byte). A rule that loads is then run over sample copy with
// every other byte of the input as the text, so a user's pattern meets hostile text too.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>

#include "config/config_file.hpp"
#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "rules/pack.hpp"

namespace fs = std::filesystem;

namespace {

// A folder of our own for the rule file, removed at exit.
struct PackFolder {
    fs::path dir;
    PackFolder() {
        dir = fs::temp_directory_path() / ("copydesk-fuzz-pack-" + std::to_string(::getpid())) /
              "fuzz";
        fs::create_directories(dir);
    }
    ~PackFolder() { fs::remove_all(dir.parent_path()); }
};

void check_config(std::string_view text) {
    auto parsed = copydesk::config::parse_config("fuzz/.copydesk.yaml", text);
    if (auto* error = std::get_if<copydesk::config::ConfigError>(&parsed)) {
        if (error->message.empty()) __builtin_trap();  // an error always says what is wrong
    }
}

void check_rule(std::string_view text) {
    static const PackFolder folder;
    // The file name must match the rule's id; seeds use `id: r`.
    std::ofstream(folder.dir / "r.yaml", std::ios::binary | std::ios::trunc)
        .write(text.data(), static_cast<std::streamsize>(text.size()));
    auto loaded = copydesk::rules::load_rule_pack(folder.dir);
    if (auto* error = std::get_if<copydesk::rules::PackError>(&loaded)) {
        if (error->message.empty()) __builtin_trap();
        return;
    }
    std::vector<std::unique_ptr<copydesk::rules::Rule>> rules;
    copydesk::rules::Selection selection;
    for (const auto& rule : std::get<copydesk::rules::RulePack>(loaded).rules) {
        selection.enable.insert(rule->info().id);
        rules.push_back(copydesk::rules::share_rule(rule));
    }
    copydesk::rules::Linter linter(std::move(rules), selection, nullptr);
    std::string copy =
        "The minister said \"it is not over\" -- and left.\n\nKiev, Kyiv and Zelensky. ";
    for (std::size_t i = 0; i < text.size(); i += 2) copy.push_back(text[i]);
    auto doc = copydesk::markup::load_document("fuzz.txt", copy, copydesk::markup::Format::Plain);
    if (auto* d = std::get_if<copydesk::Document>(&doc)) {
        for (const auto& found : linter.lint(*d)) {
            if (found.span.end > d->source.size() || found.span.begin > found.span.end)
                __builtin_trap();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] % 2 == 0) {
        check_config(text);
    } else {
        check_rule(text);
    }
    return 0;
}
