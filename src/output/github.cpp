#include <ostream>
#include <string>

#include "output/formatter.hpp"

namespace copydesk::output {

namespace {

// Workflow-command escaping: the message escapes %, CR and LF; property values also escape
// ':' and ',' which would otherwise end the value.
std::string escape(std::string_view s, bool property) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            case ':':
                out += property ? "%3A" : ":";
                break;
            case ',':
                out += property ? "%2C" : ",";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string_view command(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Suggestion:
            return "notice";
    }
    return "warning";
}

// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
class GithubFormatter final : public Formatter {
  public:
    explicit GithubFormatter(std::ostream& out) : out_(out) {}

    void file(const FileReport& report) override {
        const std::string file = escape(report.path, true);
        if (report.error) {
            out_ << "::error file=" << file << ",title=copydesk::" << escape(*report.error, false)
                 << '\n';
            return;
        }
        for (const Diagnostic& d : report.diagnostics) {
            const Range r = code_point_range(*report.document, d.span);
            out_ << "::" << command(d.severity) << " file=" << file << ",line=" << r.begin.line
                 << ",col=" << r.begin.column << ",endLine=" << r.end.line
                 << ",endColumn=" << r.end.column
                 << ",title=" << escape("copydesk (" + d.rule + ")", true)
                 << "::" << escape(d.message, false) << '\n';
        }
    }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> make_github_formatter(std::ostream& out) {
    return std::make_unique<GithubFormatter>(out);
}

}  // namespace copydesk::output
