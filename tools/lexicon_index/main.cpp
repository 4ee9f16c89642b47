// Writes the index of a spelling lexicon (see spell::Lexicon::index) for the build to compile
// into the copydesk program: start-up then reads the entries instead of parsing the file.
//
//   lexicon_index dictionaries/spelling/words.tsv OUT
#include <iostream>
#include <string>

#include "../build_output.hpp"
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
    return write_build_output(argv[2], index, "lexicon_index") ? 0 : 1;
}
