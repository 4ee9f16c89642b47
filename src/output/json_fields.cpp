#include "output/json_fields.hpp"

#include <charconv>

#include "core/utf8.hpp"

namespace copydesk::output {

namespace {

void append_number(std::string& out, std::uint64_t n) {
    char digits[20];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
    out.append(digits, end);
}

// `"key":` for a key known to need no escaping.
void append_key(std::string& out, std::string_view key) {
    out += '"';
    out += key;
    out += "\":";
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    bool plain = true;
    for (const char c : text) {
        plain &= static_cast<unsigned char>(c) >= 0x20;
    }
    if (!plain || utf8::find_invalid(text)) {
        out += dump(Json(std::string(text)));
        return;
    }
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"' || text[i] == '\\') {
            out.append(text, from, i - from);
            out += '\\';
            from = i;  // the quote or backslash itself follows
        }
    }
    out.append(text, from);
    out += '"';
}

void append_diagnostic_fields(std::string& out, SourceMap::Cursor& lines, const Diagnostic& d) {
    const auto [b, e] = lines.positions(d.span.begin, d.span.end);
    append_key(out, "rule");
    append_json_string(out, d.rule);
    out += ',';
    append_key(out, "severity");
    append_json_string(out, to_string(d.severity));
    out += ',';
    append_key(out, "category");
    append_json_string(out, to_string(d.category));
    const std::pair<std::string_view, std::uint64_t> numbers[] = {
        {"line", b.line},         {"column", b.column},     {"end_line", e.line},
        {"end_column", e.column}, {"offset", d.span.begin}, {"length", d.span.size()},
    };
    for (const auto& [key, value] : numbers) {
        out += ',';
        append_key(out, key);
        append_number(out, value);
    }
    out += ',';
    append_key(out, "message");
    append_json_string(out, d.message);
    out += ',';
    append_key(out, "suggestions");
    out += '[';
    for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, d.suggestions[i]);
    }
    out += "],";
    append_key(out, "fix");
    if (!d.fix) {
        out += "null";
        return;
    }
    out += "{\"safe\":";
    out += d.fix->safe ? "true" : "false";
    out += ",\"edits\":[";
    for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
        const Edit& edit = d.fix->edits[i];
        out += i > 0 ? ",{" : "{";
        append_key(out, "offset");
        append_number(out, edit.span.begin);
        out += ',';
        append_key(out, "length");
        append_number(out, edit.span.size());
        out += ',';
        append_key(out, "replacement");
        append_json_string(out, edit.replacement);
        out += '}';
    }
    out += "]}";
}

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace copydesk::output
