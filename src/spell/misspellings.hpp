#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace copydesk::spell {

// Unambiguous misspellings and their corrections (dictionaries/spelling/misspellings.tsv:
// `misspelling TAB correction`, lower-case misspellings sorted in byte order). A correction
// from this table is safe to apply. Immutable, shared by every thread.
class MisspellingTable {
  public:
    // With an `index` (see index()) of the file's exact bytes, the table is the index's: no
    // copy and no parse. load(path) uses the index built into the program, if any.
    static std::variant<std::shared_ptr<const MisspellingTable>, std::string> load(
        const std::string& path);
    static std::variant<std::shared_ptr<const MisspellingTable>, std::string> load(
        const std::string& path, std::span<const std::byte> index);
    static std::variant<std::shared_ptr<const MisspellingTable>, std::string> parse(
        std::string text, std::string_view name);

    // The table as load() can take it back: its text and where each pair starts. Written at
    // build time (tools/misspellings_index) and compiled into the program.
    [[nodiscard]] std::string index() const;

    // The correction of `word` (any case), as the table writes it.
    [[nodiscard]] std::optional<std::string_view> correction(std::string_view word) const;
    [[nodiscard]] std::size_t size() const { return rows_.size(); }

  private:
    MisspellingTable() = default;
    [[nodiscard]] std::string_view misspelling(std::uint32_t row) const;

    // Each view is of the own_ member before it, or of an index.
    std::string own_text_;
    std::string_view text_;
    // Where each pair's line starts in text_, in order: four bytes a pair, where views of
    // both words took 32 and made loading the table a megabyte of fresh memory. Each line
    // is `misspelling TAB correction`, then a line break or the end (a CR is dropped).
    std::vector<std::uint32_t> own_rows_;
    std::span<const std::uint32_t> rows_;
};

// The index of dictionaries/spelling/misspellings.tsv compiled into the copydesk program (see
// MisspellingTable::index), or empty in a program built without it.
std::span<const std::byte> embedded_misspellings_index();

}  // namespace copydesk::spell
