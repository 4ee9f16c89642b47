// Prints how fast the HTML report renders: MB/s of article text for 1.25, 2.5 and 5 MB
// articles (one paragraph a line, and the same text as one long line), with a finding every
// few sentences. Equal MB/s across sizes means the time grows linearly with the text.
//
//   ./build/dev/tests/copydesk_report_bench

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "markup/reader.hpp"
#include "output/formatter.hpp"

using namespace copydesk;

namespace {

struct Article {
    std::string text;
    std::vector<Span> findings;
};

Article build(std::size_t bytes, bool one_line) {
    const std::vector<std::string> paragraphs{
        "The council voted on Tuesday to close the bridge for repairs, a decision that "
        "residents said would add an hour to their commute. Engineers found cracks in two of "
        "its steel supports last month.",
        "“We have no choice,” said the mayor, who recieved the report on Friday. “The bridge is "
        "not safe for heavy trucks, and we will not wait for an accident.”",
        "Opposition members said the the city had ignored warnings for a decade. A review in "
        "2015 recommended replacing the supports within five years.",
        "Work is expected to begin in March and to cost about €40 million, or roughly "
        "$43 million, paid partly from a national fund for infrastucture.",
    };
    const std::vector<std::string> typos{"recieved", "the the", "infrastucture", "council"};
    Article a;
    while (a.text.size() < bytes) {
        for (const std::string& p : paragraphs) {
            const std::size_t base = a.text.size();
            a.text += p;
            a.text += one_line ? "  " : "\n\n";
            for (const std::string& t : typos) {
                const std::size_t at = p.find(t);
                if (at == std::string::npos) continue;
                a.findings.push_back({static_cast<std::uint32_t>(base + at),
                                      static_cast<std::uint32_t>(base + at + t.size())});
            }
        }
    }
    return a;
}

double render_seconds(const Document& doc, const std::vector<Diagnostic>& diags,
                      std::size_t& page_size) {
    output::FileReport report;
    report.path = doc.path;
    report.document = &doc;
    report.diagnostics = diags;
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
        std::ostringstream out;
        const auto start = std::chrono::steady_clock::now();
        auto f = output::make_formatter("html", out, {});
        output::Summary s;
        f->begin();
        f->file(report);
        s.add(report);
        f->end(s);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count());
        page_size = out.str().size();
    }
    return best;
}

}  // namespace

int main() {
    for (bool one_line : {false, true}) {
        for (std::size_t mb4 : {5, 10, 20}) {  // quarter megabytes
            const Article a = build(mb4 * 256 * 1024, one_line);
            const Document doc = std::get<Document>(
                markup::load_document("bench.txt", a.text, markup::Format::Plain));
            std::vector<Diagnostic> diags;
            for (const Span& s : a.findings) {
                Diagnostic d;
                d.rule = "spelling";
                d.span = s;
                d.message = "Unknown word; did you mean something else?";
                d.suggestions = {"one", "two", "three"};
                diags.push_back(std::move(d));
            }
            std::size_t page = 0;
            const double secs = render_seconds(doc, diags, page);
            const double mb = static_cast<double>(a.text.size()) / (1024.0 * 1024.0);
            std::printf("%-9s %5.2f MB, %6zu findings: %7.1f MB/s (%.3f s), page %.1f MB\n",
                        one_line ? "one line" : "paragraphs", mb, diags.size(), mb / secs, secs,
                        static_cast<double>(page) / (1024.0 * 1024.0));
        }
    }
}
