#include "spell/misspellings.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "spell/lexicon.hpp"

namespace copydesk::spell {

std::variant<std::shared_ptr<const MisspellingTable>, std::string> MisspellingTable::load(
    const std::string& path) {
    auto text = read_whole_file(path);
    if (!text) return path + ": cannot read the misspellings table";
    return parse(std::move(*text), path);
}

std::variant<std::shared_ptr<const MisspellingTable>, std::string> MisspellingTable::parse(
    std::string text, std::string_view name) {
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return std::string(name) + ": too large for a misspellings table";
    }
    std::shared_ptr<MisspellingTable> table(new MisspellingTable());
    table->text_ = std::move(text);
    const char* const all = table->text_.data();
    const char* const end = all + table->text_.size();
    // One pass, each line found with memchr: the shipped table is 32,000 lines, read by every
    // process that checks spelling.
    table->rows_.reserve(table->text_.size() / 16);
    std::string_view before;
    std::size_t line_no = 0;
    auto fail = [&](std::string_view what) {
        return std::string(name) + ":" + std::to_string(line_no) + ": " + std::string(what);
    };
    for (const char* line = all; line < end;) {
        ++line_no;
        const auto* newline = static_cast<const char*>(std::memchr(line, '\n', end - line));
        const char* const stop = newline != nullptr ? newline : end;
        const char* const next = newline != nullptr ? newline + 1 : end;
        const char* last = stop;  // past the line's text
        if (last > line && last[-1] == '\r') --last;
        if (last == line || *line == '#') {
            line = next;
            continue;
        }
        const auto* tab = static_cast<const char*>(std::memchr(line, '\t', last - line));
        if (tab == nullptr || tab == line || tab + 1 == last) {
            return fail("expected 'misspelling<TAB>correction'");
        }
        const std::string_view wrong(line, static_cast<std::size_t>(tab - line));
        if (std::any_of(wrong.begin(), wrong.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
            return fail("the misspelling must be lower case");
        }
        if (!before.empty() && before >= wrong)
            return fail("misspellings must be sorted, once each");
        before = wrong;
        table->rows_.push_back(static_cast<std::uint32_t>(line - all));
        line = next;
    }
    return std::shared_ptr<const MisspellingTable>(std::move(table));
}

std::string_view MisspellingTable::misspelling(std::uint32_t row) const {
    const std::string_view line = std::string_view(text_).substr(row);
    return line.substr(0, line.find('\t'));  // a checked line has one
}

std::optional<std::string_view> MisspellingTable::correction(std::string_view word) const {
    const std::string key = ascii_fold(word);
    const auto it = std::lower_bound(
        rows_.begin(), rows_.end(), key,
        [&](std::uint32_t row, const std::string& k) { return misspelling(row) < k; });
    if (it == rows_.end() || misspelling(*it) != key) return std::nullopt;
    std::string_view rest = std::string_view(text_).substr(*it + key.size() + 1);
    rest = rest.substr(0, rest.find('\n'));
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    return rest;
}

}  // namespace copydesk::spell
