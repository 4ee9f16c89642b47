#include "core/diagnostic.hpp"

#include <array>
#include <tuple>

namespace copydesk {

namespace {
constexpr std::array<std::string_view, 3> kSeverityNames{"suggestion", "warning", "error"};
constexpr std::array<std::string_view, 10> kCategoryNames{
    "spelling",   "typo",    "names",      "house-style", "punctuation",
    "typography", "grammar", "repetition", "web-residue", "unicode"};

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
char to_upper(char c) {
    return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}
}  // namespace

std::string_view to_string(Severity s) {
    return kSeverityNames[static_cast<std::size_t>(s)];
}
std::string_view to_string(Category c) {
    return kCategoryNames[static_cast<std::size_t>(c)];
}

std::optional<Severity> parse_severity(std::string_view text) {
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
        if (kSeverityNames[i] == text) return static_cast<Severity>(i);
    }
    return std::nullopt;
}

std::optional<Category> parse_category(std::string_view text) {
    for (std::size_t i = 0; i < kCategoryNames.size(); ++i) {
        if (kCategoryNames[i] == text) return static_cast<Category>(i);
    }
    return std::nullopt;
}

bool diagnostic_order(const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.begin, a.span.end, a.rule, a.message) <
           std::tie(b.span.begin, b.span.end, b.rule, b.message);
}

std::string copy_case(std::string_view original, std::string_view replacement) {
    std::string out(replacement);
    bool has_lower = false;
    int upper = 0;
    for (char c : original) {
        has_lower |= is_ascii_lower(c);
        upper += is_ascii_upper(c) ? 1 : 0;
    }
    if (upper >= 2 && !has_lower) {
        for (char& c : out) c = to_upper(c);
    } else if (!original.empty() && is_ascii_upper(original.front()) && !out.empty()) {
        out.front() = to_upper(out.front());
    }
    return out;
}

}  // namespace copydesk
