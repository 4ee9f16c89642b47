#include <ostream>

#include "output/formatter.hpp"
#include "output/json_fields.hpp"

namespace copydesk::output {

namespace {

// JSON Lines: one object per finding, written as each file is done, so a consumer can act
// before the run ends. Every line has a "type": diagnostic, error (an unreadable file) or,
// last, summary.
class JsonlFormatter final : public Formatter {
  public:
    explicit JsonlFormatter(std::ostream& out) : out_(out) {}

    void file(const FileReport& report) override {
        if (report.error) {
            out_ << dump(Json{{"type", "error"}, {"path", report.path}, {"error", *report.error}})
                 << '\n';
        } else if (!report.diagnostics.empty()) {
            // Only a file with findings need have its document: --diff-base reads no file
            // without a changed line. The path is escaped once, for every line of the file.
            std::string path;
            append_json_string(path, report.path);
            SourceMap::Cursor lines(report.document->lines);
            for (const Diagnostic& d : report.diagnostics) {
                line_ = "{\"type\":\"diagnostic\",\"path\":";
                line_ += path;
                line_ += ',';
                append_diagnostic_fields(line_, lines, d);
                line_ += "}\n";
                out_ << line_;
            }
        }
        out_.flush();
    }

    void end(const Summary& s) override {
        out_ << dump(Json{{"type", "summary"},
                          {"files", s.files},
                          {"diagnostics", s.diagnostics},
                          {"errors", s.errors},
                          {"warnings", s.warnings},
                          {"suggestions", s.suggestions}})
             << '\n';
    }

  private:
    std::ostream& out_;
    std::string line_;  // reused: one finding's line
};

}  // namespace

std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out) {
    return std::make_unique<JsonlFormatter>(out);
}

}  // namespace copydesk::output
