#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "config/names_loader.hpp"
#include "config/names_snapshot.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kSnapshotNamesDir = fs::path(COPYDESK_SOURCE_DIR) / "dictionaries" / "names";

std::span<const std::byte> snapshot_bytes(const std::string& s) {
    return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

struct ShippedNames {
    std::vector<config::NamesSource> sources;
    names::Data data;
};

const ShippedNames& shipped_names() {
    static const ShippedNames s = [] {
        auto sources = config::read_names_sources(kSnapshotNamesDir);
        REQUIRE(std::holds_alternative<std::vector<config::NamesSource>>(sources));
        const auto& files = std::get<std::vector<config::NamesSource>>(sources);
        auto data = config::parse_names_sources(kSnapshotNamesDir, files);
        REQUIRE(std::holds_alternative<names::Data>(data));
        return ShippedNames{files, std::get<names::Data>(data)};
    }();
    return s;
}

}  // namespace

TEST_CASE("the names snapshot built in holds what parsing the shipped files gives", "[names]") {
    const ShippedNames& s = shipped_names();
    const std::string dir = kSnapshotNamesDir.string();
    const auto embedded = config::embedded_names_snapshot();
    REQUIRE_FALSE(embedded.empty());
    const auto data = config::read_names_snapshot(embedded, s.sources, dir);
    REQUIRE(data.has_value());
    // Every field is written: the same bytes again mean the same data.
    const std::string parsed = config::write_names_snapshot(s.sources, s.data, dir);
    CHECK(config::write_names_snapshot(s.sources, *data, dir) == parsed);
    CHECK(std::string(reinterpret_cast<const char*>(embedded.data()), embedded.size()) == parsed);
    CHECK(data->entries.size() == s.data.entries.size());
    CHECK(data->generated.size() == s.data.generated.size());
}

TEST_CASE("a names snapshot is used only for the very files it was made from", "[names]") {
    const ShippedNames& s = shipped_names();
    const std::string dir = kSnapshotNamesDir.string();
    const std::string snapshot = config::write_names_snapshot(s.sources, s.data, dir);
    REQUIRE(config::read_names_snapshot(snapshot_bytes(snapshot), s.sources, dir).has_value());

    auto edited = s.sources;
    edited.front().text.back() = edited.front().text.back() == ' ' ? '\t' : ' ';
    CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(snapshot), edited, dir).has_value());
    auto renamed = s.sources;
    renamed.front().name = "another.yaml";
    CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(snapshot), renamed, dir).has_value());
    auto fewer = s.sources;
    fewer.pop_back();
    CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(snapshot), fewer, dir).has_value());
    auto more = s.sources;
    more.push_back({"zz-newsroom.yaml", "entries: []\n"});
    CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(snapshot), more, dir).has_value());
}

TEST_CASE("bytes that are no whole names snapshot are refused, never read past", "[names]") {
    const ShippedNames& s = shipped_names();
    const std::string dir = kSnapshotNamesDir.string();
    const std::string snapshot = config::write_names_snapshot(s.sources, s.data, dir);
    // Cut anywhere: in the header, in the sources, in the data.
    for (std::size_t size = 0; size < snapshot.size(); size += 997) {
        const std::string cut = snapshot.substr(0, size);
        CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(cut), s.sources, dir).has_value());
    }
    CHECK_FALSE(
        config::read_names_snapshot(snapshot_bytes(snapshot + "x"), s.sources, dir).has_value());
    // A count past the end of the data (the profiles' count, just after the sources).
    std::string sources_only = config::write_names_snapshot(s.sources, names::Data{}, dir);
    const std::size_t counts = sources_only.size() - 16;  // four empty lists follow
    std::string huge = sources_only;
    huge[counts + 3] = '\x7F';
    CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(huge), s.sources, dir).has_value());
    // An entry kind out of range.
    names::Data one;
    one.entries.push_back(s.data.entries.front());
    std::string bad_kind = config::write_names_snapshot(s.sources, one, dir);
    const std::size_t kind_at = sources_only.size() - 12 + 4 + 4 + one.entries[0].id.size();
    REQUIRE(bad_kind[kind_at] == static_cast<char>(one.entries[0].kind));
    bad_kind[kind_at] = '\x09';
    CHECK_FALSE(config::read_names_snapshot(snapshot_bytes(bad_kind), s.sources, dir).has_value());
    CHECK(config::read_names_snapshot(
              snapshot_bytes(config::write_names_snapshot(s.sources, one, dir)), s.sources, dir)
              .has_value());
    CHECK_FALSE(config::read_names_snapshot({}, s.sources, dir).has_value());
}

TEST_CASE("load_names takes its data from a matching snapshot, and parses otherwise", "[names]") {
    const ShippedNames& s = shipped_names();
    names::Data altered = s.data;
    REQUIRE_FALSE(altered.profiles.empty());
    altered.profiles.front().label = "an altered label";
    const std::string snapshot =
        config::write_names_snapshot(s.sources, altered, kSnapshotNamesDir.string());

    auto from_snapshot = config::load_names(kSnapshotNamesDir, snapshot_bytes(snapshot));
    REQUIRE(std::holds_alternative<std::shared_ptr<const names::Database>>(from_snapshot));
    CHECK(
        std::get<std::shared_ptr<const names::Database>>(from_snapshot)->profiles().front().label ==
        "an altered label");

    auto parsed = config::load_names(kSnapshotNamesDir, {});
    REQUIRE(std::holds_alternative<std::shared_ptr<const names::Database>>(parsed));
    CHECK(std::get<std::shared_ptr<const names::Database>>(parsed)->profiles().front().label ==
          s.data.profiles.front().label);
}

TEST_CASE("a names snapshot gives paths in the folder it is read for", "[names]") {
    const ShippedNames& s = shipped_names();
    const std::string snapshot =
        config::write_names_snapshot(s.sources, s.data, kSnapshotNamesDir.string());
    const fs::path elsewhere = fs::path("/srv/copydesk/share/names");
    const auto data =
        config::read_names_snapshot(snapshot_bytes(snapshot), s.sources, elsewhere.string());
    REQUIRE(data.has_value());
    REQUIRE_FALSE(data->entries.empty());
    const fs::path file = data->entries.front().file;
    CHECK(file.parent_path() == elsewhere);
    CHECK(file.filename() == fs::path(s.data.entries.front().file).filename());
}
