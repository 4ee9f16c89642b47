#include <ostream>

#include "output/formatter.hpp"
#include "output/json_fields.hpp"

namespace copydesk::output {

namespace {

// reviewdog counts columns in UTF-8 bytes.
Json rd_range(const Document& doc, Span span) {
    const Range r = byte_range(doc, span);
    return {{"start", {{"line", r.begin.line}, {"column", r.begin.column}}},
            {"end", {{"line", r.end.line}, {"column", r.end.column}}}};
}

std::string_view rd_severity(Severity s) {
    switch (s) {
        case Severity::Error:
            return "ERROR";
        case Severity::Warning:
            return "WARNING";
        case Severity::Suggestion:
            return "INFO";
    }
    return "WARNING";
}

// reviewdog's diagnostic format as JSON Lines; a fix's edits become suggestions, which
// reviewdog turns into suggested changes on the pull request.
class RdjsonlFormatter final : public Formatter {
  public:
    explicit RdjsonlFormatter(std::ostream& out) : out_(out) {}

    void file(const FileReport& report) override {
        if (report.error) {
            out_ << dump(Json{{"message", *report.error},
                              {"location", {{"path", report.path}}},
                              {"severity", "ERROR"},
                              {"source", {{"name", "copydesk"}}}})
                 << '\n';
            return;
        }
        if (report.document == nullptr) return;  // not read: nothing to report
        const Document& doc = *report.document;
        for (const Diagnostic& d : report.diagnostics) {
            Json code{{"value", d.rule}};
            if (!d.link.empty()) code["url"] = d.link;
            Json line{{"message", d.message},
                      {"location", {{"path", report.path}, {"range", rd_range(doc, d.span)}}},
                      {"severity", rd_severity(d.severity)},
                      {"source", {{"name", "copydesk"}}},
                      {"code", std::move(code)}};
            if (d.fix) {
                Json suggestions = Json::array();
                for (const Edit& e : d.fix->edits) {
                    suggestions.push_back(
                        {{"range", rd_range(doc, e.span)}, {"text", e.replacement}});
                }
                line["suggestions"] = std::move(suggestions);
            }
            out_ << dump(line) << '\n';
        }
        out_.flush();
    }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> make_rdjsonl_formatter(std::ostream& out) {
    return std::make_unique<RdjsonlFormatter>(out);
}

}  // namespace copydesk::output
