#pragma once

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

// Writes a file the build compiles into the program: beside `path` first, then renamed over
// it, so that an interrupted build leaves no half file. Errors go to stderr, prefixed `tool`.
inline bool write_build_output(const std::string& path, std::string_view bytes,
                               std::string_view tool) {
    const std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            std::cerr << tool << ": cannot write " << temporary << '\n';
            return false;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::cerr << tool << ": cannot write " << path << '\n';
        return false;
    }
    return true;
}
