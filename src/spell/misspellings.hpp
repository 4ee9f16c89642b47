#pragma once

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
    [[nodiscard]] std::size_t size() const { return pairs_.size(); }

  private:
    MisspellingTable() = default;

    std::string text_;
    std::vector<std::pair<std::string_view, std::string_view>> pairs_;
};

}  // namespace copydesk::spell
