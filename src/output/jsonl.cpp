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
        } else {
            for (const Diagnostic& d : report.diagnostics) {
                Json line{{"type", "diagnostic"}, {"path", report.path}};
                line.update(diagnostic_fields(*report.document, d));
                out_ << dump(line) << '\n';
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
};

}  // namespace

std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out) {
    return std::make_unique<JsonlFormatter>(out);
}

}  // namespace copydesk::output
