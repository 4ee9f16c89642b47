#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace copydesk::spell {

// A dictionary engine: one instance per thread (Hunspell objects are not thread-safe).
class Speller {
  public:
    virtual ~Speller() = default;
    [[nodiscard]] virtual bool spell(const std::string& word) = 0;
    [[nodiscard]] virtual std::vector<std::string> suggest(const std::string& word) = 0;
};

struct DictionaryFiles {
    std::string aff;
    std::string dic;
};

// Looks for <lang>.aff/.dic on DICPATH, then the system folders. On failure the error
// message lists every folder tried.
std::variant<DictionaryFiles, std::string> find_dictionary(std::string_view lang);

// Throws std::runtime_error if the files cannot be loaded.
std::unique_ptr<Speller> make_hunspell(const DictionaryFiles& files);

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// House word lists: names and words that are correct in this newsroom. Immutable after
// loading, so one instance is shared by every thread.
class WordList {
  public:
    // Adds an entry: every whitespace-separated word of it, and each part of hyphenated words.
    void add_entry(std::string_view entry);
    // Loads a list file (one entry a line, '#' comments). Returns false with `error` set.
    bool load_file(const std::string& path, std::string& error);
    // Loads every *.txt file of a folder in sorted order.
    bool load_directory(const std::string& dir, std::string& error);

    // Exact match, or a capitalized/upper-case form of a listed lower-case word.
    [[nodiscard]] bool contains(std::string_view word) const;
    [[nodiscard]] std::size_t size() const { return words_.size(); }

  private:
    std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

// The spelling front used by rules: house words first, then the dictionary engine; results
// cached per distinct word, suggestions computed only when asked for.
class SpellChecker {
  public:
    SpellChecker(std::unique_ptr<Speller> engine, std::shared_ptr<const WordList> house);

    // `word` as it appears in the text (curly or straight apostrophes, possessive 's).
    [[nodiscard]] bool known(std::string_view word);
    // Up to `limit` corrections, best first.
    [[nodiscard]] const std::vector<std::string>& suggestions(std::string_view word,
                                                              std::size_t limit = 5);

  private:
    [[nodiscard]] bool lookup(const std::string& word);

    std::unique_ptr<Speller> engine_;
    std::shared_ptr<const WordList> house_;
    std::unordered_map<std::string, bool, StringHash, std::equal_to<>> known_cache_;
    std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>
        suggestion_cache_;
};

// Replaces typographic apostrophes (U+2019, U+02BC) with "'".
std::string normalize_apostrophes(std::string_view word);

}  // namespace copydesk::spell
