// Writes the index of a known-misspellings table (see spell/misspellings.hpp) for the build to
// compile into the copydesk program: start-up then checks the file against it instead of
// parsing 32,000 lines.
//
//   misspellings_index dictionaries/spelling/misspellings.tsv OUT
#include <iostream>
#include <string>

#include "../build_output.hpp"
#include "spell/misspellings.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: misspellings_index TABLE OUT\n";
        return 2;
    }
    // Parsed, not loaded: an index already built in must not stand in for the file.
    auto loaded = copydesk::spell::MisspellingTable::load(argv[1], {});
    if (const auto* why = std::get_if<std::string>(&loaded)) {
        std::cerr << "misspellings_index: " << *why << '\n';
        return 1;
    }
    const auto& table = *std::get<std::shared_ptr<const copydesk::spell::MisspellingTable>>(loaded);
    return write_build_output(argv[2], table.index(), "misspellings_index") ? 0 : 1;
}
