#include "spell/misspellings.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "spell/lexicon.hpp"
#include "spell/read_file.hpp"

namespace copydesk::spell {

namespace {

constexpr std::string_view kTableIndexMagic = "copydesk misspellings 1\n";

struct TableIndexView {
    std::string_view text;
    std::span<const std::uint32_t> rows;
};

// Layout: the magic, the text's size and the number of rows (four bytes each), the text,
// zeros to a multiple of four bytes from the start, the rows. Nullopt for bytes that are no
// index, or whose rows do not fall in order within the text.
std::optional<TableIndexView> read_table_index(std::span<const std::byte> index) {
    const std::string_view bytes(reinterpret_cast<const char*>(index.data()), index.size());
    if (!bytes.starts_with(kTableIndexMagic) || bytes.size() < kTableIndexMagic.size() + 8)
        return std::nullopt;
    std::uint32_t sizes[2];
    std::memcpy(sizes, bytes.data() + kTableIndexMagic.size(), sizeof sizes);
    const std::size_t text_at = kTableIndexMagic.size() + sizeof sizes;
    const std::size_t rows_at = (text_at + sizes[0] + 3) / 4 * 4;
    if (rows_at > bytes.size() || bytes.size() - rows_at != std::size_t{sizes[1]} * 4 ||
        reinterpret_cast<std::uintptr_t>(bytes.data() + rows_at) % alignof(std::uint32_t) != 0) {
        return std::nullopt;
    }
    TableIndexView view{bytes.substr(text_at, sizes[0]),
                        {reinterpret_cast<const std::uint32_t*>(bytes.data() + rows_at), sizes[1]}};
    for (std::size_t i = 0; i < view.rows.size(); ++i) {
        if (view.rows[i] >= view.text.size() || (i > 0 && view.rows[i] <= view.rows[i - 1])) {
            return std::nullopt;
        }
    }
    return view;
}

}  // namespace

std::string MisspellingTable::index() const {
    std::string out(kTableIndexMagic);
    const std::uint32_t sizes[2] = {static_cast<std::uint32_t>(text_.size()),
                                    static_cast<std::uint32_t>(rows_.size())};
    out.append(reinterpret_cast<const char*>(sizes), sizeof sizes);
    out.append(text_);
    out.resize((out.size() + 3) / 4 * 4, '\0');
    out.append(reinterpret_cast<const char*>(rows_.data()), rows_.size_bytes());
    return out;
}

std::variant<std::shared_ptr<const MisspellingTable>, std::string> MisspellingTable::load(
    const std::string& path) {
    return load(path, embedded_misspellings_index());
}

std::variant<std::shared_ptr<const MisspellingTable>, std::string> MisspellingTable::load(
    const std::string& path, std::span<const std::byte> index) {
    if (const auto view = read_table_index(index); view && file_holds(path, view->text)) {
        std::shared_ptr<MisspellingTable> table(new MisspellingTable());
        table->text_ = view->text;
        table->rows_ = view->rows;
        return std::shared_ptr<const MisspellingTable>(std::move(table));
    }
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
    table->own_text_ = std::move(text);
    table->text_ = table->own_text_;
    const char* const all = table->text_.data();
    const char* const end = all + table->text_.size();
    // One pass, each line found with memchr: the shipped table is 32,000 lines, read by every
    // process that checks spelling.
    table->own_rows_.reserve(table->text_.size() / 16);
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
        table->own_rows_.push_back(static_cast<std::uint32_t>(line - all));
        line = next;
    }
    table->rows_ = table->own_rows_;
    return std::shared_ptr<const MisspellingTable>(std::move(table));
}

std::string_view MisspellingTable::misspelling(std::uint32_t row) const {
    const std::string_view line = text_.substr(row);
    return line.substr(0, line.find('\t'));  // a checked line has one
}

std::optional<std::string_view> MisspellingTable::correction(std::string_view word) const {
    const std::string key = ascii_fold(word);
    const auto it = std::lower_bound(
        rows_.begin(), rows_.end(), key,
        [&](std::uint32_t row, const std::string& k) { return misspelling(row) < k; });
    if (it == rows_.end() || misspelling(*it) != key) return std::nullopt;
    std::string_view rest = text_.substr(std::min(text_.size(), *it + key.size() + 1));
    rest = rest.substr(0, rest.find('\n'));
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    return rest;
}

// The program's own (src/cli/misspellings_index.cpp) takes the place of this one.
__attribute__((weak)) std::span<const std::byte> embedded_misspellings_index() {
    return {};
}

}  // namespace copydesk::spell
