#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "rules/names_db.hpp"
#include "spell/speller.hpp"

namespace copydesk::config {

// The large data files, loaded once and shared by every Session that uses them: the spelling
// lexicon and misspellings table, the names database. A language server creates new sessions
// whenever its settings or a config file change; with one cache they do not read 200,000 words
// again each time. What is loaded is immutable; the cache itself may be used from any thread.
class DataCache {
  public:
    using Names = std::variant<std::shared_ptr<const names::Database>, std::string>;

    // The names database of `dir` (see load_names), or the error loading it.
    Names names(const std::filesystem::path& dir);
    // The lexicon and misspellings of `folder` into `data` (see spell::load_spelling_data).
    std::optional<std::string> spelling(const std::string& folder, bool misspellings,
                                        spell::SpellData& data);

  private:
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const names::Database>> names_;
    std::map<std::pair<std::string, bool>, spell::SpellData> spelling_;
};

}  // namespace copydesk::config
