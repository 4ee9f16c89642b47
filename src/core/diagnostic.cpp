#include "core/diagnostic.hpp"

#include <algorithm>
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

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (std::string_view c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
        }
    }
    return best;
}

}  // namespace copydesk
