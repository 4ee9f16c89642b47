#include "config/data_cache.hpp"

#include "config/names_loader.hpp"

namespace copydesk::config {

// Errors are not kept: the next session tries again (the user may have fixed the file).

DataCache::Names DataCache::names(const std::filesystem::path& dir) {
    {
        const std::lock_guard lock(mutex_);
        if (auto it = names_.find(dir.string()); it != names_.end()) return it->second;
    }
    // Loaded without the lock, like the lexicon below: the two load at once on two threads.
    auto loaded = load_names(dir);
    if (auto* db = std::get_if<std::shared_ptr<const names::Database>>(&loaded)) {
        const std::lock_guard lock(mutex_);
        return names_.try_emplace(dir.string(), *db).first->second;
    }
    return loaded;
}

std::optional<std::string> DataCache::spelling(const std::string& folder, bool misspellings,
                                               spell::SpellData& data) {
    const auto key = std::make_pair(folder, misspellings);
    auto use = [&](const spell::SpellData& found) {
        data.lexicon = found.lexicon;
        data.misspellings = found.misspellings;
    };
    {
        const std::lock_guard lock(mutex_);
        if (auto it = spelling_.find(key); it != spelling_.end()) {
            use(it->second);
            return std::nullopt;
        }
    }
    // Loaded without the lock (Session::create starts this early on another thread); if two
    // threads race, the first kept wins.
    spell::SpellData loaded;
    if (auto failed = spell::load_spelling_data(folder, misspellings, loaded)) return failed;
    const std::lock_guard lock(mutex_);
    use(spelling_.try_emplace(key, std::move(loaded)).first->second);
    return std::nullopt;
}

}  // namespace copydesk::config
