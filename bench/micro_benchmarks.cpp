// Micro-benchmarks of the hot paths: reading plain text, Markdown and HTML, segmentation, the
// spell cache, the lexicon search behind suggestions, the whole linter, and the names database
// (loaded once per run, so its load time is start-up time).
// Run: cmake --preset release -DCOPYDESK_BUILD_BENCH=ON && cmake --build --preset release
//      ./build/release/bench/copydesk_micro_benchmarks
#include <benchmark/benchmark.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <span>
#include <string>
#include <variant>

#include "config/names_loader.hpp"
#include "config/session.hpp"
#include "markup/reader.hpp"
#include "spell/lexicon.hpp"
#include "text/tokens.hpp"

namespace {

// A realistic article: the bundled sample, repeated to about 64 KiB.
const std::string& article() {
    static const std::string text = [] {
        std::ifstream in(std::string(COPYDESK_SOURCE_DIR) + "/examples/sample-article.txt");
        const std::string one(std::istreambuf_iterator<char>(in), {});
        std::string out;
        while (out.size() < 64 * 1024) out += one + "\n";
        return out;
    }();
    return text;
}

// One of the golden articles (the same story in each format), repeated to about 64 KiB.
const std::string& golden(const std::string& name) {
    static std::map<std::string, std::string> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        std::ifstream in(std::string(COPYDESK_SOURCE_DIR) + "/tests/golden/" + name);
        const std::string one(std::istreambuf_iterator<char>(in), {});
        std::string out;
        while (out.size() < 64 * 1024) out += one + "\n";
        it = cache.emplace(name, std::move(out)).first;
    }
    return it->second;
}

// Reading only: UTF-8 check, line index, the format's reader, quotations.
void BM_Read(benchmark::State& state, const std::string& name, copydesk::markup::Format format) {
    const std::string& text = golden(name);
    for (auto _ : state) {
        benchmark::DoNotOptimize(copydesk::markup::load_document("bench", text, format));
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK_CAPTURE(BM_Read, plain, "article-plain/input.txt", copydesk::markup::Format::Plain);
BENCHMARK_CAPTURE(BM_Read, markdown, "article-markdown/input.md",
                  copydesk::markup::Format::Markdown);
BENCHMARK_CAPTURE(BM_Read, html, "article-html/input.html", copydesk::markup::Format::Html);

// The tokenizer as the linter runs it: on each paragraph (a region of the plain reader), where
// only the few with a URL, email, handle or hashtag are read the slower way.
void BM_Segmenter(benchmark::State& state) {
    copydesk::text::Segmenter seg;
    const std::string& text = article();
    const auto doc = std::get<copydesk::Document>(
        copydesk::markup::load_document("bench", text, copydesk::markup::Format::Plain));
    for (auto _ : state) {
        for (const copydesk::Region& region : doc.regions) {
            benchmark::DoNotOptimize(seg.analyze(region.text()));
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Segmenter);

// The whole article as one text, which holds a URL: every word read the slower way.
void BM_SegmenterOneText(benchmark::State& state) {
    copydesk::text::Segmenter seg;
    const std::string& text = article();
    for (auto _ : state) benchmark::DoNotOptimize(seg.analyze(text));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SegmenterOneText);

copydesk::config::Session make_session() {
    copydesk::config::Settings settings;
    settings.data_dir = COPYDESK_SOURCE_DIR;
    auto created = copydesk::config::Session::create(settings);
    return std::get<copydesk::config::Session>(std::move(created));
}

void BM_SpellCacheWarm(benchmark::State& state) {
    const auto session = make_session();
    auto worker = session.make_worker();
    copydesk::text::Segmenter seg;
    const std::string& text = article();
    const auto analysis = seg.analyze(text);
    std::vector<std::string_view> words;
    for (const auto& t : analysis.tokens) {
        if (t.kind == copydesk::text::TokenKind::Word)
            words.push_back(std::string_view(text).substr(t.span.begin, t.span.size()));
    }
    for (std::string_view w : words) (void)worker.speller->known(w);
    for (auto _ : state) {
        for (std::string_view w : words) benchmark::DoNotOptimize(worker.speller->known(w));
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_SpellCacheWarm);

// The lexicon walk of the suggester's main search, for misspellings as people make them: the
// first letter kept, two slips allowed, three in a word of eight letters or more. The
// reference walk is what the fastest one is tested against. `tries`: loaded with an index,
// as the program loads it, the fastest search walks the index's tries; without, the sorted
// places.
void BM_LexiconSearch(benchmark::State& state, copydesk::spell::Lexicon::SearchMethod how,
                      bool tries) {
    using copydesk::spell::Lexicon;
    const std::string path = std::string(COPYDESK_SOURCE_DIR) + "/dictionaries/spelling/words.tsv";
    const std::string index =
        tries ? std::get<std::shared_ptr<const Lexicon>>(Lexicon::load(path, {}))->index()
              : std::string();
    auto loaded = Lexicon::load(
        path,
        std::span<const std::byte>(reinterpret_cast<const std::byte*>(index.data()), index.size()));
    const auto lex = std::get<std::shared_ptr<const Lexicon>>(loaded);
    const std::array<std::string_view, 12> typed{
        "goverment", "recieve",    "teh",     "accomodate", "wierd",  "definately",
        "seperate",  "occurrance", "beleive", "tommorow",   "untill", "independant"};
    std::size_t found = 0;
    auto count = [&](const Lexicon::Entry&, int) { ++found; };
    for (auto _ : state) {
        for (std::string_view word : typed) {
            lex->search(word.substr(0, 1), word.substr(1), word.size() >= 8 ? 3 : 2, count, how);
        }
    }
    benchmark::DoNotOptimize(found);
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * typed.size()));
}
BENCHMARK_CAPTURE(BM_LexiconSearch, tries, copydesk::spell::Lexicon::SearchMethod::Fastest, true);
BENCHMARK_CAPTURE(BM_LexiconSearch, places, copydesk::spell::Lexicon::SearchMethod::Fastest, false);
BENCHMARK_CAPTURE(BM_LexiconSearch, reference, copydesk::spell::Lexicon::SearchMethod::Reference,
                  false);

void BM_LintWarm(benchmark::State& state) {
    const auto session = make_session();
    auto worker = session.make_worker();
    auto loaded =
        copydesk::markup::load_document("bench.txt", article(), copydesk::markup::Format::Plain);
    const auto& doc = std::get<copydesk::Document>(loaded);
    benchmark::DoNotOptimize(worker.linter->lint(doc));  // fill the caches
    for (auto _ : state) benchmark::DoNotOptimize(worker.linter->lint(doc));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.source.size()));
}
BENCHMARK(BM_LintWarm);

// Loading dictionaries/names (YAML, transliterations, indexes): added to every run's start-up.
void BM_NamesLoad(benchmark::State& state) {
    const std::filesystem::path dir =
        std::filesystem::path(COPYDESK_SOURCE_DIR) / "dictionaries" / "names";
    std::uintmax_t bytes = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) bytes += e.file_size();
    for (auto _ : state) benchmark::DoNotOptimize(copydesk::config::load_names(dir));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_NamesLoad)->Unit(benchmark::kMillisecond);

// The two names rules alone over the article, caches warm.
void BM_NamesRulesWarm(benchmark::State& state) {
    copydesk::config::Settings settings;
    settings.data_dir = COPYDESK_SOURCE_DIR;
    for (const auto& rule : copydesk::rules::make_builtin_rules()) {
        const std::string& id = rule->info().id;
        if (id != "name-variant" && id != "name-consistency") settings.selection.disable.insert(id);
    }
    auto created = copydesk::config::Session::create(settings);
    const auto session = std::get<copydesk::config::Session>(std::move(created));
    auto worker = session.make_worker();
    auto loaded =
        copydesk::markup::load_document("bench.txt", article(), copydesk::markup::Format::Plain);
    const auto& doc = std::get<copydesk::Document>(loaded);
    benchmark::DoNotOptimize(worker.linter->lint(doc));
    for (auto _ : state) benchmark::DoNotOptimize(worker.linter->lint(doc));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.source.size()));
}
BENCHMARK(BM_NamesRulesWarm);

}  // namespace
