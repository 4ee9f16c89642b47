#include <ostream>

#include "output/formatter.hpp"
#include "output/json_fields.hpp"

namespace copydesk::output {

namespace {

// The JSON contract (version 1): one document, streamed file by file.
class JsonFormatter final : public Formatter {
  public:
    explicit JsonFormatter(std::ostream& out) : out_(out) {}

    void begin() override { out_ << "{\"version\": 1,\n \"files\": ["; }

    void file(const FileReport& report) override {
        line_ = first_ ? "\n  {" : ",\n  {";
        first_ = false;
        line_ += "\"path\":";
        append_json_string(line_, report.path);
        if (report.error) {
            line_ += ",\"error\":";
            append_json_string(line_, *report.error);
        } else {
            line_ += ",\"diagnostics\":[";
            // Only a file with findings need have its document: --diff-base reads no file
            // without a changed line.
            if (!report.diagnostics.empty()) {
                SourceMap::Cursor lines(report.document->lines);
                for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
                    line_ += i > 0 ? ",{" : "{";
                    append_diagnostic_fields(line_, lines, report.diagnostics[i]);
                    line_ += '}';
                }
            }
            line_ += ']';
        }
        line_ += '}';
        out_ << line_;
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
    std::string line_;  // reused: one file's object
};

}  // namespace

std::unique_ptr<Formatter> make_json_formatter(std::ostream& out) {
    return std::make_unique<JsonFormatter>(out);
}

}  // namespace copydesk::output
