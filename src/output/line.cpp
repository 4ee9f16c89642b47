#include <ostream>

#include "output/formatter.hpp"

namespace copydesk::output {

namespace {

// `path:line:col: severity: message [rule]`, the form Vim and Emacs quickfix read.
class LineFormatter final : public Formatter {
  public:
    explicit LineFormatter(std::ostream& out) : out_(out) {}

    void file(const FileReport& report) override {
        if (report.document == nullptr) return;
        for (const Diagnostic& d : report.diagnostics) {
            const Position p = report.document->lines.position(d.span.begin);
            out_ << report.path << ':' << p.line << ':' << p.column << ": " << to_string(d.severity)
                 << ": " << d.message << " [" << d.rule << "]\n";
        }
    }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> make_line_formatter(std::ostream& out) {
    return std::make_unique<LineFormatter>(out);
}

}  // namespace copydesk::output
