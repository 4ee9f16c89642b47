// Measures the language server's time to re-lint a ~2,000-word article after each keystroke:
// an incremental didChange followed by the lint and publishDiagnostics, all in-process
// (no pipes), with the real dictionary and house lists.
//
// usage: copydesk_lsp_bench [ARTICLE]   (default: the repository's sample articles joined
// until they pass 2,000 words)

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "config/session.hpp"
#include "lsp/server.hpp"

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

std::size_t count_words(const std::string& text) {
    std::istringstream in(text);
    return static_cast<std::size_t>(std::distance(std::istream_iterator<std::string>(in), {}));
}

std::string default_article() {
    const char* parts[] = {"tests/golden/clean-wire-story/input.txt",
                           "tests/golden/typos-in-copy/input.txt",
                           "tests/golden/unicode-names/input.txt",
                           "tests/golden/web-paste/input.txt", "examples/sample-article.txt"};
    std::string text;
    for (const char* p : parts) {
        if (count_words(text) >= 2000) break;
        text += slurp(std::string(COPYDESK_SOURCE_DIR) + "/" + p) + "\n";
    }
    return text;
}

// CPU time of this thread: on a shared machine wall time also counts other processes.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Stats {
    std::vector<double> ms;
    std::vector<double> cpu;
    void add(double wall, double cpu_time) {
        ms.push_back(wall);
        cpu.push_back(cpu_time);
    }
    void print(const char* what) {
        if (ms.empty()) return;
        auto summary = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            auto at = [&](double q) {
                return v[static_cast<std::size_t>(q * double(v.size() - 1))];
            };
            char buf[96];
            std::snprintf(buf, sizeof buf, "median %6.2f  p90 %6.2f  max %6.2f", at(0.5), at(0.9),
                          v.back());
            return std::string(buf);
        };
        std::printf("  %-46s n=%3zu\n      wall ms: %s\n      cpu ms:  %s\n", what, ms.size(),
                    summary(ms).c_str(), summary(cpu).c_str());
    }
};

}  // namespace

int main(int argc, char** argv) {
    const std::string text = argc > 1 ? slurp(argv[1]) : default_article();
    if (text.empty()) {
        std::fprintf(stderr, "copydesk_lsp_bench: cannot read %s\n", argc > 1 ? argv[1] : "");
        return 2;
    }
    std::size_t published = 0;
    copydesk::lsp::ServerOptions options;
    options.data_dir = copydesk::config::find_data_dir(COPYDESK_SOURCE_DIR);
    options.version = "bench";
    copydesk::lsp::Server server(options, [&](const std::string& body) {
        if (body.find("publishDiagnostics") != std::string::npos) ++published;
    });
    const std::string uri = "file:///bench/article.txt";
    auto send = [&](const Json& j) { server.handle(j.dump()); };
    send({{"jsonrpc", "2.0"},
          {"id", 1},
          {"method", "initialize"},
          {"params", {{"capabilities", Json::object()}}}});
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}});
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}}});
    const auto t0 = Clock::now();
    server.do_pending_work();
    const double first_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

    // Type a sentence at the end of the article's second paragraph, one character a change.
    std::size_t line = 0;
    std::size_t blank_lines = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') continue;
        ++line;
        if (i + 1 < text.size() && text[i + 1] == '\n' && ++blank_lines == 2) {
            at = i;
            break;
        }
    }
    const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1) + 1;
    const auto cursor_line = static_cast<int>(line - 1);
    int character = static_cast<int>(at - line_start);  // ASCII prefix assumed for the column
    const std::string typed = " The mayor said the new budget would be balanced by spring.";

    Stats all, known_words, partial_words, repeat;
    int version = 1;
    std::string word;
    for (char c : typed) {
        Json change{{"range",
                     {{"start", {{"line", cursor_line}, {"character", character}}},
                      {"end", {{"line", cursor_line}, {"character", character}}}}},
                    {"text", std::string(1, c)}};
        const auto start = Clock::now();
        const double cpu_start = cpu_ms();
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/didChange"},
              {"params",
               {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                {"contentChanges", Json::array({change})}}}});
        server.do_pending_work();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        const double cpu = cpu_ms() - cpu_start;
        ++character;
        all.add(ms, cpu);
        word = std::isalpha(static_cast<unsigned char>(c)) ? word + c : "";
        (word.empty() ? known_words : partial_words).add(ms, cpu);
    }
    // Typing and deleting one letter: every word form is then in the spell caches.
    for (int i = 0; i < 100; ++i) {
        const bool insert = i % 2 == 0;
        Json change{
            {"range",
             {{"start", {{"line", cursor_line}, {"character", character}}},
              {"end", {{"line", cursor_line}, {"character", character + (insert ? 0 : 1)}}}}},
            {"text", insert ? "s" : ""}};
        const auto start = Clock::now();
        const double cpu_start = cpu_ms();
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/didChange"},
              {"params",
               {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                {"contentChanges", Json::array({change})}}}});
        server.do_pending_work();
        repeat.add(std::chrono::duration<double, std::milli>(Clock::now() - start).count(),
                   cpu_ms() - cpu_start);
    }

    std::printf("lsp re-lint after a keystroke: %zu words, %zu bytes, %zu publishes\n",
                count_words(text), text.size(), published);
    std::printf("  %-44s %.2f ms (suggestions for every typo in it)\n",
                "first lint after didOpen (wall)", first_ms);
    all.print("every keystroke (change + lint + publish)");
    known_words.print("keystrokes ending a word (space, punctuation)");
    partial_words.print("keystrokes inside a word (new partial word)");
    repeat.print("keystrokes with warm spell caches");
    return 0;
}
