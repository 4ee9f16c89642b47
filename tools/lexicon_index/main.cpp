// Writes the index of a spelling lexicon (see spell::Lexicon::index) for the build to compile
// into the copydesk program: start-up then reads the entries instead of parsing the file.
//
//   lexicon_index dictionaries/spelling/words.tsv OUT
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "spell/lexicon.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: lexicon_index WORDS.tsv OUT\n";
        return 2;
    }
    auto loaded = copydesk::spell::Lexicon::load(argv[1], {});
    if (const auto* why = std::get_if<std::string>(&loaded)) {
        std::cerr << "lexicon_index: " << *why << '\n';
        return 1;
    }
    const std::string index =
        std::get<std::shared_ptr<const copydesk::spell::Lexicon>>(loaded)->index();
    // Written beside the output and renamed, so that an interrupted build leaves no half file.
    const std::string temporary = std::string(argv[2]) + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(index.data(), static_cast<std::streamsize>(index.size()));
        if (!out.flush()) {
            std::cerr << "lexicon_index: cannot write " << temporary << '\n';
            return 1;
        }
    }
    if (std::rename(temporary.c_str(), argv[2]) != 0) {
        std::cerr << "lexicon_index: cannot write " << argv[2] << '\n';
        return 1;
    }
    return 0;
}
