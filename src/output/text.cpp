#include <algorithm>
#include <ostream>

#include "core/utf8.hpp"
#include "output/formatter.hpp"

namespace copydesk::output {

namespace {

constexpr std::size_t kContext = 40;  // code points shown each side of a finding

const char* severity_color(Severity s) {
    switch (s) {
        case Severity::Error:
            return "\x1b[31m";
        case Severity::Warning:
            return "\x1b[33m";
        case Severity::Suggestion:
            return "\x1b[36m";
    }
    return "";
}

// Byte offset of code point `n` in `s` (or s.size()).
std::size_t byte_of_code_point(std::string_view s, std::size_t n) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n && pos < s.size(); ++i) {
        pos += static_cast<std::size_t>(utf8::sequence_length(static_cast<unsigned char>(s[pos])));
    }
    return std::min(pos, s.size());
}

// Grouped by file: the finding, then its source line (a window of it) with a caret under it.
class TextFormatter final : public Formatter {
  public:
    TextFormatter(std::ostream& out, const FormatOptions& options)
        : out_(out), color_(options.color) {}

    void file(const FileReport& report) override {
        if (report.document == nullptr || report.diagnostics.empty()) return;
        out_ << style("\x1b[1m") << report.path << style("\x1b[0m") << '\n';
        for (const Diagnostic& d : report.diagnostics) print(*report.document, d);
        out_ << '\n';
    }

    void end(const Summary& s) override {
        if (s.diagnostics == 0) return;
        out_ << s.diagnostics << (s.diagnostics == 1 ? " finding" : " findings") << " in "
             << s.files << (s.files == 1 ? " file" : " files") << " (" << s.errors << " errors, "
             << s.warnings << " warnings, " << s.suggestions << " suggestions)\n";
    }

  private:
    std::string style(const char* code) const { return color_ ? code : ""; }

    void print(const Document& doc, const Diagnostic& d) {
        const auto [b, e] = doc.lines.positions(d.span.begin, d.span.end);
        out_ << "  " << b.line << ':' << b.column << "  " << style(severity_color(d.severity))
             << to_string(d.severity) << style("\x1b[0m") << "  " << d.message << "  "
             << style("\x1b[2m") << d.rule << style("\x1b[0m") << '\n';

        const std::string_view line = doc.lines.line_text(b.line);
        const std::size_t col = b.column - 1;
        const std::size_t line_cps = utf8::count_code_points(line);
        const std::size_t width =
            std::max<std::size_t>(1, (e.line == b.line ? e.column - 1 : line_cps) - col);
        const std::size_t from = col > kContext ? col - kContext : 0;
        const std::size_t to = std::min(line_cps, col + width + kContext);
        const std::size_t b0 = byte_of_code_point(line, from);
        const std::size_t b1 = byte_of_code_point(line, to);
        std::string shown;
        for (char c : line.substr(b0, b1 - b0)) shown += c == '\t' ? ' ' : c;
        const std::string lead = from > 0 ? "..." : "";
        const std::string trail = to < line_cps ? "..." : "";
        const std::string gutter = std::to_string(b.line);
        out_ << "    " << gutter << " | " << lead << shown << trail << '\n';
        out_ << "    " << std::string(gutter.size(), ' ') << " | "
             << std::string(lead.size() + (col - from), ' ') << style(severity_color(d.severity))
             << std::string(width, '^') << style("\x1b[0m") << '\n';
        if (d.suggestions.size() > 1) {
            out_ << "    " << std::string(gutter.size(), ' ') << " = suggestions: ";
            for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
                out_ << (i ? ", " : "") << d.suggestions[i];
            }
            out_ << '\n';
        }
    }

    std::ostream& out_;
    bool color_;
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options) {
    return std::make_unique<TextFormatter>(out, options);
}

}  // namespace copydesk::output
