#pragma once

#include <cstddef>

// Assembles the file at PATH (a string literal, given by the build: copydesk_embedded_data in
// CMakeLists.txt) into the program's read-only data, between the symbols NAME_begin and
// NAME_end, which it declares.
// clang-format off
#define COPYDESK_EMBED_FILE(NAME, PATH)            \
    asm(".section .rodata." #NAME ",\"a\"\n"      \
        ".balign 16\n"                            \
        #NAME "_begin:\n"                         \
        ".incbin \"" PATH "\"\n"                  \
        #NAME "_end:\n"                           \
        ".previous\n");                           \
    extern "C" const std::byte NAME##_begin[];    \
    extern "C" const std::byte NAME##_end[]
// clang-format on
