# The libraries copydesk links, each behind one INTERFACE target copydesk_dep_<name>.
#
# A target with the property COPYDESK_STATIC_LINK set (the copydesk program, see
# CMakeLists.txt) links the dependency's static archives where the system has them all, and
# the shared libraries otherwise; every other target (the tests, the tools) links the shared
# ones. A process then maps one file less per library and binds no symbols at start: with
# libstdc++ static too and a position-dependent program, linting one article takes about 4 ms
# less, most of it the exec and the relocations.

set(COPYDESK_STATIC_HEAD "$<BOOL:$<TARGET_PROPERTY:COPYDESK_STATIC_LINK>>")

# copydesk_dependency(<name> SHARED <targets>... [ARCHIVES <libnames>...] [EXTRA <libs>...])
# SHARED: the imported targets of the shared libraries, which also give the include
# directories. ARCHIVES: lib<name>.a files in link order; EXTRA: what they need besides.
function(copydesk_dependency name)
    cmake_parse_arguments(arg "" "" "SHARED;ARCHIVES;EXTRA" ${ARGN})
    set(target copydesk_dep_${name})
    add_library(${target} INTERFACE)
    foreach(shared IN LISTS arg_SHARED)
        get_target_property(includes ${shared} INTERFACE_INCLUDE_DIRECTORIES)
        if(includes)
            target_include_directories(${target} SYSTEM INTERFACE ${includes})
        endif()
    endforeach()
    set(archives "")
    foreach(lib IN LISTS arg_ARCHIVES)
        find_library(COPYDESK_ARCHIVE_${lib} NAMES lib${lib}.a)
        if(NOT COPYDESK_ARCHIVE_${lib})
            message(STATUS "copydesk: no lib${lib}.a, so ${name} is linked shared")
            set(archives "")
            break()
        endif()
        list(APPEND archives ${COPYDESK_ARCHIVE_${lib}})
    endforeach()
    if(NOT archives)
        target_link_libraries(${target} INTERFACE ${arg_SHARED})
        return()
    endif()
    foreach(shared IN LISTS arg_SHARED)
        target_link_libraries(${target} INTERFACE "$<$<NOT:${COPYDESK_STATIC_HEAD}>:${shared}>")
    endforeach()
    foreach(item IN LISTS archives arg_EXTRA)
        target_link_libraries(${target} INTERFACE "$<${COPYDESK_STATIC_HEAD}:${item}>")
    endforeach()
endfunction()

find_package(Threads REQUIRED)
copydesk_dependency(icu SHARED ICU::i18n ICU::uc ARCHIVES icui18n icuuc icudata
    EXTRA ${CMAKE_DL_LIBS} Threads::Threads)
copydesk_dependency(md4c SHARED PkgConfig::MD4C ARCHIVES md4c)
copydesk_dependency(gumbo SHARED PkgConfig::GUMBO ARCHIVES gumbo)
copydesk_dependency(hunspell SHARED PkgConfig::HUNSPELL ARCHIVES hunspell-1.7)
copydesk_dependency(yaml_cpp SHARED yaml-cpp ARCHIVES yaml-cpp)
copydesk_dependency(libyaml SHARED PkgConfig::LIBYAML ARCHIVES yaml)
copydesk_dependency(re2 SHARED PkgConfig::RE2 ARCHIVES re2 EXTRA Threads::Threads)
copydesk_dependency(xxhash SHARED PkgConfig::XXHASH ARCHIVES xxhash)
