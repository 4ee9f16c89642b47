// Writes the snapshot of a names folder (see config/names_snapshot.hpp) for the build to
// compile into the copydesk program: start-up then reads the data instead of parsing YAML.
//
//   names_snapshot dictionaries/names OUT
#include <iostream>
#include <string>

#include "../build_output.hpp"
#include "config/names_loader.hpp"
#include "config/names_snapshot.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: names_snapshot NAMES_DIR OUT\n";
        return 2;
    }
    const std::string dir = argv[1];
    auto sources = copydesk::config::read_names_sources(dir);
    if (const auto* why = std::get_if<std::string>(&sources)) {
        std::cerr << "names_snapshot: " << *why << '\n';
        return 1;
    }
    const auto& files = std::get<std::vector<copydesk::config::NamesSource>>(sources);
    auto data = copydesk::config::parse_names_sources(dir, files);
    if (const auto* why = std::get_if<std::string>(&data)) {
        std::cerr << "names_snapshot: " << *why << '\n';
        return 1;
    }
    // The data must also make a database: the program would otherwise report the error from
    // the snapshot at every start instead of from the files.
    auto db = copydesk::names::Database::build(std::get<copydesk::names::Data>(data));
    if (const auto* why = std::get_if<std::string>(&db)) {
        std::cerr << "names_snapshot: " << *why << '\n';
        return 1;
    }
    const std::string snapshot =
        copydesk::config::write_names_snapshot(files, std::get<copydesk::names::Data>(data), dir);
    return write_build_output(argv[2], snapshot, "names_snapshot") ? 0 : 1;
}
