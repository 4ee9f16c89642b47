#include "output/json_fields.hpp"

#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether `text` is written as it is, between quotes: it holds no control character, quote or
// backslash, and only ASCII (whose every byte is valid UTF-8). Most messages, rule names and
// suggestions are; the others take the general way.
bool verbatim(std::string_view text) {
    const auto as_is = [](unsigned char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes a step: a signed byte below 0x20 is a control or outside ASCII.
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i special = _mm_or_si128(
            _mm_cmplt_epi8(chunk, space),
            _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
        if (_mm_movemask_epi8(special) != 0) return false;
    }
#endif
    for (; i < text.size(); ++i) {
        if (!as_is(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    if (verbatim(text)) {
        out.reserve(out.size() + text.size() + 2);
        out += '"';
        out += text;
        out += '"';
        return;
    }
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
