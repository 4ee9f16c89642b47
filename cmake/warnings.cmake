# Warnings and sanitizers as an INTERFACE target every project target links.
add_library(copydesk_options INTERFACE)
target_compile_options(copydesk_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O3 reports a false -Wrestrict inside std::string for `"literal" + string`
    # (GCC bug 105329): a release build would print warnings about the standard library.
    target_compile_options(copydesk_options INTERFACE -Wno-restrict)
endif()
if(COPYDESK_WERROR)
    target_compile_options(copydesk_options INTERFACE -Werror)
endif()
if(NOT COPYDESK_DEBUG_INFO)
    # A build from scratch that no one will debug: debug information is about a fifth of the
    # compile time.
    target_compile_options(copydesk_options INTERFACE -g0)
endif()
if(COPYDESK_FUZZ)
    # Instrument the libraries too, so the fuzzer sees their coverage.
    target_compile_options(copydesk_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
        -fno-omit-frame-pointer)
    target_link_options(copydesk_options INTERFACE -fsanitize=address,undefined)
endif()
if(COPYDESK_SANITIZE)
    target_compile_options(copydesk_options INTERFACE -fsanitize=address,undefined
        -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    # Not position-independent: the dynamic loader then has no relocations of the test
    # programs' data to apply, a quarter of the start-up of each of the hundreds of processes
    # the tests run.
    target_link_options(copydesk_options INTERFACE -fsanitize=address,undefined -no-pie)
endif()
if(COPYDESK_TSAN)
    target_compile_options(copydesk_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(copydesk_options INTERFACE -fsanitize=thread)
endif()
