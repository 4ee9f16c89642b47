#include <cstdio>
#include <map>
#include <ostream>

#include "output/formatter.hpp"
#include "output/json_fields.hpp"

namespace copydesk::output {

namespace {

constexpr const char* kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
// repository root), absolute ones become file URIs. Everything but unreserved characters,
// '/' and a few path-safe delimiters is percent-encoded, byte by byte.
std::string to_uri(std::string_view path) {
    std::string out = path.starts_with('/') ? "file://" : "";
    for (char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' ||
                          c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' ||
                          c == '@';
        if (keep) {
            out += ch;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    // A relative path whose first segment has a ':' would read as a scheme.
    if (!path.starts_with('/') && out.find(':') != std::string::npos) out = "./" + out;
    return out;
}

std::string_view level(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Suggestion:
            return "note";
    }
    return "warning";
}

Json region(const Document& doc, Span span) {
    const Range r = code_point_range(doc, span);
    return {{"startLine", r.begin.line},
            {"startColumn", r.begin.column},
            {"endLine", r.end.line},
            {"endColumn", r.end.column}};
}

Json message(std::string_view text) {
    return {{"text", text}};
}

// SARIF 2.1.0: one run, rule metadata in tool.driver.rules, columns in code points, fixes as
// artifact changes. Unreadable files become tool execution notifications.
class SarifFormatter final : public Formatter {
  public:
    SarifFormatter(std::ostream& out, const FormatOptions& options) : out_(out) {
        Json driver{{"name", "copydesk"}};
        if (!options.tool_version.empty()) {
            driver["version"] = options.tool_version;
            driver["semanticVersion"] = options.tool_version;
        }
        Json rules = Json::array();
        for (const RuleMeta& rule : options.rules) {
            rule_index_.emplace(rule.id, rules.size());
            Json r{{"id", rule.id},
                   {"shortDescription", message(rule.summary)},
                   {"fullDescription",
                    message(rule.description.empty() ? rule.summary : rule.description)},
                   {"defaultConfiguration", {{"level", level(rule.severity)}}},
                   {"properties", {{"tags", {to_string(rule.category)}}}}};
            if (!rule.link.empty()) r["helpUri"] = rule.link;
            rules.push_back(std::move(r));
        }
        driver["rules"] = std::move(rules);
        tool_ = {{"driver", std::move(driver)}};
    }

    void file(const FileReport& report) override {
        const std::string uri = to_uri(report.path);
        if (report.error) {
            notifications_.push_back(
                {{"level", "error"},
                 {"message", message(*report.error)},
                 {"locations", {{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}}}}}}});
            return;
        }
        if (report.document == nullptr) return;  // not read: nothing to report
        const Document& doc = *report.document;
        for (const Diagnostic& d : report.diagnostics) {
            Json result{{"ruleId", d.rule}};
            if (auto it = rule_index_.find(d.rule); it != rule_index_.end()) {
                result["ruleIndex"] = it->second;
            }
            result["level"] = level(d.severity);
            result["message"] = message(d.message);
            result["locations"] = {
                {{"physicalLocation",
                  {{"artifactLocation", {{"uri", uri}}}, {"region", region(doc, d.span)}}}}};
            if (d.fix) {
                Json replacements = Json::array();
                for (const Edit& e : d.fix->edits) {
                    replacements.push_back({{"deletedRegion", region(doc, e.span)},
                                            {"insertedContent", {{"text", e.replacement}}}});
                }
                result["fixes"] = {{{"description", message(d.fix->title)},
                                    {"artifactChanges",
                                     {{{"artifactLocation", {{"uri", uri}}},
                                       {"replacements", std::move(replacements)}}}}}};
            }
            Json properties{{"category", to_string(d.category)}};
            if (!d.suggestions.empty()) properties["suggestions"] = d.suggestions;
            result["properties"] = std::move(properties);
            results_.push_back(std::move(result));
        }
    }

    void end(const Summary&) override {
        Json invocation{{"executionSuccessful", notifications_.empty()}};
        if (!notifications_.empty()) {
            invocation["toolExecutionNotifications"] = std::move(notifications_);
        }
        const Json log{{"$schema", kSchema},
                       {"version", "2.1.0"},
                       {"runs",
                        {{{"tool", std::move(tool_)},
                          {"invocations", {std::move(invocation)}},
                          {"columnKind", "unicodeCodePoints"},
                          {"results", std::move(results_)}}}}};
        out_ << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    }

  private:
    std::ostream& out_;
    Json tool_;
    std::map<std::string, std::size_t, std::less<>> rule_index_;
    Json results_ = Json::array();
    Json notifications_ = Json::array();
};

}  // namespace

std::unique_ptr<Formatter> make_sarif_formatter(std::ostream& out, const FormatOptions& options) {
    return std::make_unique<SarifFormatter>(out, options);
}

}  // namespace copydesk::output
