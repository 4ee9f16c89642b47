#include "config/data_cache.hpp"

#include "config/names_loader.hpp"

namespace copydesk::config {

// Errors are not kept: the next session tries again (the user may have fixed the file).

DataCache::Names DataCache::names(const std::filesystem::path& dir) {
    const std::lock_guard lock(mutex_);
    if (auto it = names_.find(dir.string()); it != names_.end()) return it->second;
    auto loaded = load_names(dir);
    if (auto* db = std::get_if<std::shared_ptr<const names::Database>>(&loaded)) {
        names_.emplace(dir.string(), *db);
    }
    return loaded;
}

std::optional<std::string> DataCache::spelling(const std::string& folder, bool misspellings,
                                               spell::SpellData& data) {
    const std::lock_guard lock(mutex_);
    const auto key = std::make_pair(folder, misspellings);
    if (auto it = spelling_.find(key); it != spelling_.end()) {
        data.lexicon = it->second.lexicon;
        data.misspellings = it->second.misspellings;
        return std::nullopt;
    }
    spell::SpellData loaded;
    if (auto failed = spell::load_spelling_data(folder, misspellings, loaded)) return failed;
    data.lexicon = loaded.lexicon;
    data.misspellings = loaded.misspellings;
    spelling_.emplace(key, std::move(loaded));
    return std::nullopt;
}

}  // namespace copydesk::config
