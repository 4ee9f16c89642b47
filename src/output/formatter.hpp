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

struct FormatOptions {
    bool color = false;
};

// The names `--format` accepts, in the order `--help` lists them.
const std::vector<std::string>& format_names();
// Null for an unknown name.
std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                          const FormatOptions& options);

// Factories, one formatter a file.
std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_line_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_json_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_html_formatter(std::ostream& out);

}  // namespace copydesk::output
