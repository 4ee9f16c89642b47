#include "output/formatter.hpp"

namespace copydesk::output {

void Summary::add(const FileReport& report) {
    ++files;
    diagnostics += report.diagnostics.size();
    for (const Diagnostic& d : report.diagnostics) {
        switch (d.severity) {
            case Severity::Error:
                ++errors;
                break;
            case Severity::Warning:
                ++warnings;
                break;
            case Severity::Suggestion:
                ++suggestions;
                break;
        }
    }
}

Range code_point_range(const Document& doc, Span span) {
    const auto [begin, end] = doc.lines.positions(span.begin, span.end);
    return {begin, end};
}

Range byte_range(const Document& doc, Span span) {
    auto at = [&](std::uint32_t offset) {
        Position p = doc.lines.position(offset);
        p.column = offset - doc.lines.line_start(p.line) + 1;
        return p;
    };
    return {at(span.begin), at(span.end)};
}

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names{"text",   "line",       "json",    "jsonl", "sarif",
                                                "github", "checkstyle", "rdjsonl", "html"};
    return names;
}

bool lists_rules(std::string_view name) {
    return name == "sarif";
}

std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                          const FormatOptions& options) {
    if (name == "text") return make_text_formatter(out, options);
    if (name == "line") return make_line_formatter(out);
    if (name == "json") return make_json_formatter(out);
    if (name == "jsonl") return make_jsonl_formatter(out);
    if (name == "sarif") return make_sarif_formatter(out, options);
    if (name == "github") return make_github_formatter(out);
    if (name == "checkstyle") return make_checkstyle_formatter(out);
    if (name == "rdjsonl") return make_rdjsonl_formatter(out);
    if (name == "html") return make_html_formatter(out);
    return nullptr;
}

}  // namespace copydesk::output
