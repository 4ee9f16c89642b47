#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rules/names_db.hpp"

// The names data as bytes a program carries (the YAML files parsed at build time by
// tools/names_snapshot): parsing them with libyaml was a third of start-up. A snapshot holds
// the files it was made from, and is used only while the data folder holds the same bytes.
namespace copydesk::config {

// One file the names data is read from: its name in the folder, and its bytes.
struct NamesSource {
    std::string name;
    std::string text;
};

// `data` (as load_names_data made it from `sources` in `dir`) with the sources, as bytes. File
// paths in the data are kept relative to `dir`.
std::string write_names_snapshot(const std::vector<NamesSource>& sources, const names::Data& data,
                                 const std::string& dir);

// The data in `snapshot` when it was made from exactly `sources` (the same names and bytes),
// with its file paths under `dir`; nullopt for a snapshot of other sources and for bytes that
// are no snapshot.
std::optional<names::Data> read_names_snapshot(std::span<const std::byte> snapshot,
                                               const std::vector<NamesSource>& sources,
                                               const std::string& dir);

// The snapshot of dictionaries/names built into the program (src/cli/names_snapshot.cpp), or
// nothing in a program built without one.
std::span<const std::byte> embedded_names_snapshot();

}  // namespace copydesk::config
