#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"

namespace copydesk::output {

// One linted (or unreadable) file, as the formatters receive it.
struct FileReport {
    std::string path;
    const Document* document = nullptr;  // null when the file could not be read
    std::vector<Diagnostic> diagnostics;
    std::optional<std::string> error;
};

struct Summary {
    std::size_t files = 0;
    std::size_t diagnostics = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t suggestions = 0;

    void add(const FileReport& report);
};

class Formatter {
  public:
    virtual ~Formatter() = default;
    virtual void begin() {}
    // Called once per file, in the order the files were given.
    virtual void file(const FileReport& report) = 0;
    virtual void end(const Summary& summary) { (void)summary; }
};

// What a formatter may say about a rule (SARIF lists them in tool.driver.rules).
struct RuleMeta {
    std::string id;
    Category category = Category::Spelling;
    Severity severity = Severity::Warning;
    std::string summary;
    std::string description;
    std::string link;
};

struct FormatOptions {
    bool color = false;
    std::vector<RuleMeta> rules;  // the active rules, for formats that describe them
    std::string tool_version;
};

// The names `--format` accepts, in the order `--help` lists them.
const std::vector<std::string>& format_names();
// Whether the format describes the active rules (FormatOptions::rules), which must then be
// known before the first file is linted.
bool lists_rules(std::string_view name);
// Null for an unknown name.
std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                          const FormatOptions& options);

// Factories, one formatter a file.
std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_line_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_json_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_sarif_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_github_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_checkstyle_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_rdjsonl_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_html_formatter(std::ostream& out);

// A span as 1-based line and column, the column in code points (or in bytes for formats
// that count bytes); end exclusive.
struct Range {
    Position begin;
    Position end;
};
Range code_point_range(const Document& doc, Span span);
Range byte_range(const Document& doc, Span span);

}  // namespace copydesk::output
