# Third-party headers, all from Debian packages.
# Under Emscripten we must never add -I/usr/include (glibc headers clash with Emscripten's libc),
# so scripts/setup makes .deps/include with symlinks to just nlohmann/ (and catch2/) and we pass
# that folder with -isystem.
add_library(hcf_json INTERFACE)
if(EMSCRIPTEN)
    set(HCF_HOST_INCLUDE ${CMAKE_SOURCE_DIR}/.deps/include CACHE PATH "Folder of symlinks to host headers")
    if(NOT EXISTS ${HCF_HOST_INCLUDE}/nlohmann/json.hpp)
        message(FATAL_ERROR "${HCF_HOST_INCLUDE}/nlohmann/json.hpp is missing: run scripts/setup first")
    endif()
    target_compile_options(hcf_json INTERFACE -isystem ${HCF_HOST_INCLUDE})
else()
    find_package(nlohmann_json 3.10 REQUIRED)
    target_link_libraries(hcf_json INTERFACE nlohmann_json::nlohmann_json)
endif()
