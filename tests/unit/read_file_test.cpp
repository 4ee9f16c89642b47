#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "spell/read_file.hpp"

namespace fs = std::filesystem;

namespace {

fs::path write_temp(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / "copydesk-read-file-test";
    fs::create_directories(dir);
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

}  // namespace

TEST_CASE("read_at_most reads a file whole up to the limit and one byte past it", "[files]") {
    const std::string big(200'000, 'x');  // several read chunks
    const fs::path path = write_temp("big.txt", big);
    CHECK(copydesk::spell::read_at_most(path, 1'000'000) == big);
    CHECK(copydesk::spell::read_at_most(path, 200'000) == big);
    // One byte more than the limit tells the caller that the file is too large.
    CHECK(copydesk::spell::read_at_most(path, 199'999)->size() == 200'000);
    CHECK(copydesk::spell::read_at_most(path, 10)->size() == 11);
    CHECK(copydesk::spell::read_at_most(write_temp("empty.txt", ""), 10) == std::string());
}

TEST_CASE("read_at_most fails on a missing file or a folder", "[files]") {
    CHECK_FALSE(copydesk::spell::read_at_most("/nonexistent/copydesk/file.yaml", 100));
    CHECK_FALSE(copydesk::spell::read_at_most(fs::temp_directory_path(), 100));
}
