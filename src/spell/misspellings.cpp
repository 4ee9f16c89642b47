#include "spell/misspellings.hpp"

#include <algorithm>

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
    std::shared_ptr<MisspellingTable> table(new MisspellingTable());
    table->text_ = std::move(text);
    const std::string_view all(table->text_);
    table->pairs_.reserve(static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) + 1);
    std::size_t pos = 0;
    std::size_t line_no = 0;
    auto fail = [&](std::string_view what) {
        return std::string(name) + ":" + std::to_string(line_no) + ": " + std::string(what);
    };
    while (pos < all.size()) {
        ++line_no;
        std::size_t end = all.find('\n', pos);
        if (end == std::string_view::npos) end = all.size();
        std::string_view line = all.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size()) {
            return fail("expected 'misspelling<TAB>correction'");
        }
        const std::string_view wrong = line.substr(0, tab);
        if (std::any_of(wrong.begin(), wrong.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
            return fail("the misspelling must be lower case");
        }
        if (!table->pairs_.empty() && table->pairs_.back().first >= wrong) {
            return fail("misspellings must be sorted, once each");
        }
        table->pairs_.emplace_back(wrong, line.substr(tab + 1));
    }
    return std::shared_ptr<const MisspellingTable>(std::move(table));
}

std::optional<std::string_view> MisspellingTable::correction(std::string_view word) const {
    const std::string key = ascii_fold(word);
    const auto it =
        std::lower_bound(pairs_.begin(), pairs_.end(), key,
                         [](const auto& p, const std::string& k) { return p.first < k; });
    if (it == pairs_.end() || it->first != key) return std::nullopt;
    return it->second;
}

}  // namespace copydesk::spell
