#pragma once

#include <cstdint>
#include <memory>
#include <optional>
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
    static std::variant<std::shared_ptr<const MisspellingTable>, std::string> load(
        const std::string& path);
    static std::variant<std::shared_ptr<const MisspellingTable>, std::string> parse(
        std::string text, std::string_view name);

    // The correction of `word` (any case), as the table writes it.
    [[nodiscard]] std::optional<std::string_view> correction(std::string_view word) const;
    [[nodiscard]] std::size_t size() const { return rows_.size(); }

  private:
    MisspellingTable() = default;
    [[nodiscard]] std::string_view misspelling(std::uint32_t row) const;

    std::string text_;
    // Where each pair's line starts in text_, in order: four bytes a pair, where views of
    // both words took 32 and made loading the table a megabyte of fresh memory. Each line
    // is `misspelling TAB correction`, then a line break or the end (a CR is dropped).
    std::vector<std::uint32_t> rows_;
};

}  // namespace copydesk::spell
