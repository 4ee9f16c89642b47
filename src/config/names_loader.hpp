#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/names_snapshot.hpp"
#include "rules/names_db.hpp"
#include "spell/speller.hpp"

namespace copydesk::config {

// Loads the names database from `dir` (dictionaries/names): every *.yaml file in name order,
// then transliterations.tsv. Native forms that the TSV lacks (a newsroom's own entries) are
// transliterated now with ICU, which costs tens of milliseconds the first time in a run.
// Errors name the file, line and column. When the files are those the program was built
// with, their data comes from the snapshot built into it (embedded_names_snapshot) instead.
std::variant<std::shared_ptr<const names::Database>, std::string> load_names(
    const std::filesystem::path& dir);
// The same with `snapshot` in place of the built-in one (empty: parse the files).
std::variant<std::shared_ptr<const names::Database>, std::string> load_names(
    const std::filesystem::path& dir, std::span<const std::byte> snapshot);

// The files load_names reads from `dir`, in order, and the data parsed from them (for
// tools/names_snapshot and tests).
std::variant<std::vector<NamesSource>, std::string> read_names_sources(
    const std::filesystem::path& dir);
std::variant<names::Data, std::string> parse_names_sources(const std::filesystem::path& dir,
                                                           const std::vector<NamesSource>& sources);

// Adds every spelling the names database accepts (each profile's form, and the variants not
// marked wrong) to a house word list, so that spelling never calls a listed name a typo while
// the names rules judge it.
void add_names_to_word_list(const names::Database& db, spell::WordList& words);

// The parts of load_names, for tests and for regenerating transliterations.tsv.

// Parses one names file into `data` (profiles, entries, extensions).
bool parse_names_yaml(std::string_view text, const std::string& file, names::Data& data,
                      std::string& error);

// Latin spellings of every native form of `entries`, in entry order.
std::vector<names::Generated> romanize_entries(const std::vector<names::Entry>& entries,
                                               std::string& error);
// transliterations.tsv: a header comment, then one `id<TAB>system<TAB>native<TAB>latin` row.
std::string format_transliterations(const std::vector<names::Generated>& rows);
bool parse_transliterations(std::string_view text, const std::string& file,
                            std::vector<names::Generated>& rows, std::string& error);

}  // namespace copydesk::config
