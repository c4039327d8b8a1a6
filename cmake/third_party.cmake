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

# QR codes for the kiosk's share link: Nayuki's QR Code generator (C), from Debian's qr-code-generator source
# package (unpacked by scripts/setup into .deps/qrcodegen), and our small wrapper src/qr/ over it. Native and web.
set(HCF_QRCODEGEN_DIR ${CMAKE_SOURCE_DIR}/.deps/qrcodegen CACHE PATH "QR Code generator source (scripts/setup)")
if(NOT EXISTS ${HCF_QRCODEGEN_DIR}/c/qrcodegen.h)
    message(FATAL_ERROR "QR Code generator not found in ${HCF_QRCODEGEN_DIR}: run scripts/setup first")
endif()
# Its C version: the C++ one builds an error message with std::ostringstream, which brings the C++ locale code
# (about 70 KB of WebAssembly) into whatever links it; the C one has no exceptions and no streams.
enable_language(C)
add_library(qrcodegen STATIC ${HCF_QRCODEGEN_DIR}/c/qrcodegen.c)
target_include_directories(qrcodegen SYSTEM PUBLIC ${HCF_QRCODEGEN_DIR}/c)
add_library(hcf_qr STATIC ${CMAKE_SOURCE_DIR}/src/qr/qr_code.cpp)
target_include_directories(hcf_qr PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(hcf_qr PUBLIC qrcodegen PRIVATE hcf_warnings)
