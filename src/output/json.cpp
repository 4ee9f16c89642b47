#include <nlohmann/json.hpp>

#include <ostream>

#include "output/formatter.hpp"

namespace copydesk::output {

namespace {

using Json = nlohmann::ordered_json;

Json fix_json(const std::optional<Fix>& fix) {
    if (!fix) return nullptr;
    Json edits = Json::array();
    for (const Edit& e : fix->edits) {
        edits.push_back(
            {{"offset", e.span.begin}, {"length", e.span.size()}, {"replacement", e.replacement}});
    }
    return Json{{"safe", fix->safe}, {"edits", std::move(edits)}};
}

// The JSON contract (version 1): one document, streamed file by file.
class JsonFormatter final : public Formatter {
  public:
    explicit JsonFormatter(std::ostream& out) : out_(out) {}

    void begin() override { out_ << "{\"version\": 1,\n \"files\": ["; }

    void file(const FileReport& report) override {
        Json f;
        f["path"] = report.path;
        if (report.error) {
            f["error"] = *report.error;
        } else {
            Json diags = Json::array();
            for (const Diagnostic& d : report.diagnostics) {
                const Position b = report.document->lines.position(d.span.begin);
                const Position e = report.document->lines.position(d.span.end);
                diags.push_back({{"rule", d.rule},
                                 {"severity", to_string(d.severity)},
                                 {"category", to_string(d.category)},
                                 {"line", b.line},
                                 {"column", b.column},
                                 {"end_line", e.line},
                                 {"end_column", e.column},
                                 {"offset", d.span.begin},
                                 {"length", d.span.size()},
                                 {"message", d.message},
                                 {"suggestions", d.suggestions},
                                 {"fix", fix_json(d.fix)}});
            }
            f["diagnostics"] = std::move(diags);
        }
        out_ << (first_ ? "\n  " : ",\n  ")
             << f.dump(-1, ' ', false, Json::error_handler_t::replace);
        first_ = false;
    }

    void end(const Summary& s) override {
        const Json summary{{"files", s.files},
                           {"diagnostics", s.diagnostics},
                           {"errors", s.errors},
                           {"warnings", s.warnings},
                           {"suggestions", s.suggestions}};
        out_ << "],\n \"summary\": " << summary.dump() << "}\n";
    }

  private:
    std::ostream& out_;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<Formatter> make_json_formatter(std::ostream& out) {
    return std::make_unique<JsonFormatter>(out);
}

}  // namespace copydesk::output
