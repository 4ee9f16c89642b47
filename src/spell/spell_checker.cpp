#include "spell/speller.hpp"

namespace copydesk::spell {

SpellChecker::SpellChecker(std::unique_ptr<Speller> engine, std::shared_ptr<const WordList> house)
    : engine_(std::move(engine)), house_(std::move(house)) {}

bool SpellChecker::lookup(const std::string& word) {
    if (house_ && house_->contains(word)) return true;
    return engine_->spell(word);
}

bool SpellChecker::known(std::string_view raw) {
    if (auto it = known_cache_.find(raw); it != known_cache_.end()) return it->second;
    const std::string word = normalize_apostrophes(raw);
    bool ok = lookup(word);
    if (!ok) {
        // Possessives of names: "Zelenskyy's", "Reuters'".
        if (word.size() > 2 && word.ends_with("'s")) {
            ok = lookup(word.substr(0, word.size() - 2));
        } else if (word.size() > 1 && word.ends_with('\'')) {
            ok = lookup(word.substr(0, word.size() - 1));
        }
    }
    known_cache_.emplace(std::string(raw), ok);
    return ok;
}

const std::vector<std::string>& SpellChecker::suggestions(std::string_view raw, std::size_t limit) {
    if (auto it = suggestion_cache_.find(raw); it != suggestion_cache_.end()) return it->second;
    std::vector<std::string> found = engine_->suggest(normalize_apostrophes(raw));
    if (found.size() > limit) found.resize(limit);
    return suggestion_cache_.emplace(std::string(raw), std::move(found)).first->second;
}

}  // namespace copydesk::spell
