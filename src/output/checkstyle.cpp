#include <cstdio>
#include <ostream>
#include <string>

#include "output/formatter.hpp"

namespace copydesk::output {

namespace {

// Escapes for an XML 1.0 attribute value. Control characters other than tab, LF and CR
// cannot appear in XML 1.0 at all, not even as references, so they are spelled out.
std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string_view level(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Suggestion:
            return "info";
    }
    return "warning";
}

// Checkstyle XML, which Jenkins, GitLab and many review tools read.
class CheckstyleFormatter final : public Formatter {
  public:
    explicit CheckstyleFormatter(std::ostream& out) : out_(out) {}

    void begin() override {
        out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    }

    void file(const FileReport& report) override {
        out_ << "  <file name=\"" << xml_escape(report.path) << "\">\n";
        if (report.error) {
            out_ << "    <error severity=\"error\" message=\"" << xml_escape(*report.error)
                 << "\" source=\"copydesk\"/>\n";
        } else {
            for (const Diagnostic& d : report.diagnostics) {
                const Range r = code_point_range(*report.document, d.span);
                out_ << "    <error line=\"" << r.begin.line << "\" column=\"" << r.begin.column
                     << "\" severity=\"" << level(d.severity) << "\" message=\""
                     << xml_escape(d.message) << "\" source=\"copydesk." << xml_escape(d.rule)
                     << "\"/>\n";
            }
        }
        out_ << "  </file>\n";
    }

    void end(const Summary&) override { out_ << "</checkstyle>\n"; }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> make_checkstyle_formatter(std::ostream& out) {
    return std::make_unique<CheckstyleFormatter>(out);
}

}  // namespace copydesk::output
