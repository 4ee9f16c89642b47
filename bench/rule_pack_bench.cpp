// How long rule packs take to load and to run: 2,000 phrase rules (one file each, and one
// substitution file with 2,000 entries) against the shipped packs alone.
//
//   cmake --preset dev -DCOPYDESK_BUILD_BENCH=ON && cmake --build --preset dev
//   ./build/dev/bench/copydesk_rule_pack_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <variant>

#include "markup/reader.hpp"
#include "rules/linter.hpp"
#include "rules/pack.hpp"

namespace fs = std::filesystem;
using namespace copydesk;

namespace {

// Made-up phrases, each starting with a common word so that lookups really happen.
std::string phrase(int i) {
    static const char* const first[] = {"the", "a", "in", "of", "said", "officials", "on", "to"};
    return std::string(first[i % 8]) + " zq" + std::to_string(i) + " term";
}

fs::path make_pack(const std::string& name, bool one_file) {
    const fs::path dir = fs::temp_directory_path() / ("copydesk-bench-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    if (one_file) {
        std::ofstream f(dir / "house-terms.yaml");
        f << "id: house-terms\nextends: substitution\nmessage: \"Use '{replacement}'.\"\n"
             "severity: warning\ncategory: house-style\nswap:\n";
        for (int i = 0; i < 2000; ++i) f << "  \"" << phrase(i) << "\": \"term " << i << "\"\n";
        return dir;
    }
    for (int i = 0; i < 2000; ++i) {
        const std::string id = "phrase-" + std::to_string(i);
        std::ofstream f(dir / (id + ".yaml"));
        f << "id: " << id << "\nextends: existence\nmessage: \"Avoid '{match}'.\"\n"
          << "severity: suggestion\ncategory: house-style\ntokens: [\"" << phrase(i) << "\"]\n";
    }
    return dir;
}

std::string article() {
    std::string text;
    for (int i = 0; i < 100; ++i) {
        text +=
            "Officials said on Tuesday that the talks in Ankara would resume next week, and a "
            "spokesman for the ministry said the delegation was ready to meet. ";
        if (i % 5 == 4) text += "\n\n";
    }
    return text;
}

void load(benchmark::State& state, bool one_file) {
    const fs::path dir = make_pack(one_file ? "one" : "many", one_file);
    for (auto _ : state) {
        auto pack = rules::load_rule_pack(dir);
        if (std::holds_alternative<rules::PackError>(pack)) {
            state.SkipWithError(std::get<rules::PackError>(pack).what().c_str());
            break;
        }
        benchmark::DoNotOptimize(pack);
    }
    fs::remove_all(dir);
}

void BM_Load2000RuleFiles(benchmark::State& state) {
    load(state, false);
}
void BM_Load2000EntrySubstitution(benchmark::State& state) {
    load(state, true);
}
void BM_LoadShippedPacks(benchmark::State& state) {
    for (auto _ : state) {
        auto packs = rules::load_rule_packs(fs::path(COPYDESK_SOURCE_DIR) / "rules");
        benchmark::DoNotOptimize(packs);
    }
}

// Lints a 2,300-word article with 2,000 phrase rules and no other rule.
void BM_Lint2000PhraseRules(benchmark::State& state) {
    const fs::path dir = make_pack("lint", false);
    auto pack = std::get<rules::RulePack>(rules::load_rule_pack(dir));
    std::vector<std::unique_ptr<rules::Rule>> rules;
    for (const auto& r : pack.rules) rules.push_back(rules::share_rule(r));
    rules::Linter linter(std::move(rules), {}, nullptr);
    const std::string text = article();
    auto doc = std::get<Document>(markup::load_document("a.txt", text, markup::Format::Plain));
    for (auto _ : state) benchmark::DoNotOptimize(linter.lint(doc));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(text.size()));
    fs::remove_all(dir);
}

}  // namespace

BENCHMARK(BM_Load2000RuleFiles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Load2000EntrySubstitution)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadShippedPacks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lint2000PhraseRules)->Unit(benchmark::kMillisecond);
