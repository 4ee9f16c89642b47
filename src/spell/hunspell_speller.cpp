#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "spell/speller.hpp"

namespace copydesk::spell {

namespace {

class HunspellSpeller final : public Speller {
  public:
    explicit HunspellSpeller(const DictionaryFiles& files)
        : engine_(files.aff.c_str(), files.dic.c_str()) {}

    bool spell(const std::string& word) override { return engine_.spell(word); }
    std::vector<std::string> suggest(const std::string& word) override {
        return engine_.suggest(word);
    }

  private:
    Hunspell engine_;
};

std::vector<std::string> dicpath_folders() {
    std::vector<std::string> folders;
    if (const char* env = std::getenv("DICPATH"); env != nullptr && *env != '\0') {
        std::string_view rest(env);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const auto part = rest.substr(0, colon);
            if (!part.empty()) folders.emplace_back(part);
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    return folders;
}

std::vector<std::string> search_folders() {
    std::vector<std::string> folders = dicpath_folders();
    for (const char* f : {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                          "/usr/local/share/hunspell"}) {
        folders.emplace_back(f);
    }
    return folders;
}

std::optional<DictionaryFiles> find_in(const std::vector<std::string>& folders,
                                       std::string_view lang, std::string* tried) {
    namespace fs = std::filesystem;
    for (const std::string& folder : folders) {
        const fs::path aff = fs::path(folder) / (std::string(lang) + ".aff");
        const fs::path dic = fs::path(folder) / (std::string(lang) + ".dic");
        std::error_code ec;
        if (fs::is_regular_file(aff, ec) && fs::is_regular_file(dic, ec)) {
            return DictionaryFiles{aff.string(), dic.string()};
        }
        if (tried != nullptr) *tried += tried->empty() ? folder : ", " + folder;
    }
    return std::nullopt;
}

}  // namespace

std::optional<DictionaryFiles> find_dictionary_on_dicpath(std::string_view lang) {
    return find_in(dicpath_folders(), lang, nullptr);
}

std::variant<DictionaryFiles, std::string> find_dictionary(std::string_view lang) {
    std::string tried;
    if (auto found = find_in(search_folders(), lang, &tried)) return *found;
    return "no Hunspell dictionary for '" + std::string(lang) + "' (looked for " +
           std::string(lang) + ".aff and .dic in: " + tried +
           "; install hunspell-en-us or hunspell-en-gb, or set DICPATH)";
}

std::unique_ptr<Speller> make_hunspell(const DictionaryFiles& files) {
    return std::make_unique<HunspellSpeller>(files);
}

}  // namespace copydesk::spell
