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
        Json f;
        f["path"] = report.path;
        if (report.error) {
            f["error"] = *report.error;
        } else {
            Json diags = Json::array();
            for (const Diagnostic& d : report.diagnostics) {
                diags.push_back(diagnostic_fields(*report.document, d));
            }
            f["diagnostics"] = std::move(diags);
        }
        out_ << (first_ ? "\n  " : ",\n  ") << dump(f);
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
