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

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names{"text", "line", "json", "html"};
    return names;
}

std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                          const FormatOptions& options) {
    if (name == "text") return make_text_formatter(out, options);
    if (name == "line") return make_line_formatter(out);
    if (name == "json") return make_json_formatter(out);
    if (name == "html") return make_html_formatter(out);
    return nullptr;
}

}  // namespace copydesk::output
