# Web build (emcmake): Dear ImGui + hcf_ui + src/web -> dist/index.js + index.wasm, plus web/ and assets/, and
# the modules loaded only when used (src/modules/ -> modules/updater.{js,wasm}, modules/qr.{js,wasm}).
set(HCF_IMGUI_DIR ${CMAKE_SOURCE_DIR}/.deps/imgui CACHE PATH "Dear ImGui source (unpacked by scripts/setup)")
set(HCF_FONT_DIR ${CMAKE_SOURCE_DIR}/.deps/fonts CACHE PATH "TTF fonts (copied by scripts/setup)")
set(HCF_DIST_DIR ${CMAKE_SOURCE_DIR}/dist CACHE PATH "Where the servable web app goes")
# The build's files before they become a release (scripts/release.mjs makes dist/ from them).
set(HCF_STAGE_DIR ${CMAKE_BINARY_DIR}/stage)
if(NOT EXISTS ${HCF_IMGUI_DIR}/imgui.h)
    message(FATAL_ERROR "Dear ImGui not found in ${HCF_IMGUI_DIR}: run scripts/setup first")
endif()

# Third-party: Dear ImGui with the GLFW (Emscripten's built-in JS library) and OpenGL3 (WebGL2) backends.
add_library(imgui STATIC
    ${HCF_IMGUI_DIR}/imgui.cpp ${HCF_IMGUI_DIR}/imgui_draw.cpp ${HCF_IMGUI_DIR}/imgui_tables.cpp
    ${HCF_IMGUI_DIR}/imgui_widgets.cpp
    ${HCF_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${HCF_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${HCF_IMGUI_DIR} ${HCF_IMGUI_DIR}/backends)
target_link_options(imgui PUBLIC -sUSE_GLFW=3)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

# UI: ImGui screens over the core's API. No Emscripten headers here either.
file(GLOB HCF_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(hcf_ui STATIC ${HCF_UI_SOURCES})
# Not hcf_qr: the UI uses qr/qr_code.h's Matrix only, and the QR module makes the codes (ui/platform.h).
target_link_libraries(hcf_ui PUBLIC hcf_core imgui PRIVATE hcf_warnings)

# The app: the Emscripten main loop and the JS bridge.
file(GLOB HCF_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/web/*.cpp)
add_executable(hcf_app ${HCF_WEB_SOURCES})
target_link_libraries(hcf_app PRIVATE hcf_ui hcf_warnings)
set_target_properties(hcf_app PROPERTIES OUTPUT_NAME index RUNTIME_OUTPUT_DIRECTORY ${HCF_STAGE_DIR} SUFFIX ".js")
# The Emscripten settings the app is linked with (also used for the bare Dear ImGui floor below).
set(HCF_WEB_LINK_FLAGS
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB
    -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free
    -sENVIRONMENT=web -sMODULARIZE=0)
target_link_options(hcf_app PRIVATE ${HCF_WEB_LINK_FLAGS} "SHELL:--embed-file ${HCF_FONT_DIR}@/fonts")
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_link_options(hcf_app PRIVATE -sASSERTIONS=2)
endif()

# Built for size (README, "Speed and size"): -Oz and link-time optimisation, after CMake's -O3 so they win.
# index.wasm 1,504 KB at -O3; 947 KB at -Oz; 908 KB at -Oz -flto; --closure 1 is not used: Debian's
# Emscripten 3.1.6 calls `closure-compiler`, and Debian's package of it (20130227) predates the JavaScript
# Emscripten's closure externs are written in.
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    set(HCF_WEB_SIZE_FLAGS -Oz -flto)
    foreach(t hcf_core hcf_qr qrcodegen imgui hcf_ui hcf_app)
        target_compile_options(${t} PRIVATE ${HCF_WEB_SIZE_FLAGS})
    endforeach()
    target_link_options(hcf_app PRIVATE ${HCF_WEB_SIZE_FLAGS})
endif()

# Modules loaded only when used (web/modules.js), so the first download carries neither the dataset compiler
# nor the QR code generator: each its own Emscripten module (MODULARIZE, a factory named EXPORT_NAME) built
# from the same core, with a C API of bytes in and bytes out, in the stage's modules/ folder. Not a side module:
# built with -fPIC and -sMAIN_MODULE=2, the main module alone grew by 13 KB brotli (index.wasm 280 -> 289 KB,
# index.js 32 -> 36 KB), before any side module, and every symbol a side module uses would have to be kept
# in the main one by name (README, "Speed and size").
set(HCF_MODULE_LINK_FLAGS -sMODULARIZE=1 -sENVIRONMENT=web -sALLOW_MEMORY_GROWTH=1
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8)
add_executable(hcf_updater_module ${CMAKE_SOURCE_DIR}/src/modules/updater.module.cpp)
target_link_libraries(hcf_updater_module PRIVATE hcf_core hcf_warnings)
target_link_options(hcf_updater_module PRIVATE ${HCF_MODULE_LINK_FLAGS} -sEXPORT_NAME=hcfUpdater
    -sEXPORTED_FUNCTIONS=_malloc,_free,_upd_add_file,_upd_begin,_upd_can_step,_upd_step,_upd_take_requests,_upd_wants_file,_upd_receive_file,_upd_receive_error,_upd_progress,_upd_result_count,_upd_result_name,_upd_result_bytes,_upd_result_size,_upd_saved,_upd_end)
add_executable(hcf_qr_module ${CMAKE_SOURCE_DIR}/src/modules/qr.module.cpp)
target_link_libraries(hcf_qr_module PRIVATE hcf_qr hcf_warnings)
target_link_options(hcf_qr_module PRIVATE ${HCF_MODULE_LINK_FLAGS} -sEXPORT_NAME=hcfQr
    -sEXPORTED_FUNCTIONS=_malloc,_free,_qr_encode,_qr_modules)
set_target_properties(hcf_updater_module PROPERTIES OUTPUT_NAME updater SUFFIX ".js"
                      RUNTIME_OUTPUT_DIRECTORY ${HCF_STAGE_DIR}/modules)
set_target_properties(hcf_qr_module PROPERTIES OUTPUT_NAME qr SUFFIX ".js"
                      RUNTIME_OUTPUT_DIRECTORY ${HCF_STAGE_DIR}/modules)
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    foreach(t hcf_updater_module hcf_qr_module)
        target_compile_options(${t} PRIVATE ${HCF_WEB_SIZE_FLAGS})
        target_link_options(${t} PRIVATE ${HCF_WEB_SIZE_FLAGS})
    endforeach()
endif()
add_dependencies(hcf_updater_module hcf_web_files)
add_dependencies(hcf_qr_module hcf_web_files)

# The floor for scripts/bench-journey.mjs: a bare Dear ImGui window with the same flags, into build/web/bare/.
add_executable(hcf_bare_imgui EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/src/tools/bare_imgui.web.cpp)
target_link_libraries(hcf_bare_imgui PRIVATE imgui)
target_compile_options(hcf_bare_imgui PRIVATE ${HCF_WEB_SIZE_FLAGS})
target_link_options(hcf_bare_imgui PRIVATE ${HCF_WEB_LINK_FLAGS} ${HCF_WEB_SIZE_FLAGS})
set_target_properties(hcf_bare_imgui PROPERTIES OUTPUT_NAME index SUFFIX ".js"
                      RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bare)

# Copy the HTML shell, service worker, manifest and the built dataset next to the app, with the unit postcodes
# of assets/sources/postcodes cut into one file per district (scripts/split-postcodes.mjs: B13.txt, a few KB,
# is what the app fetches for a full postcode), and the area files whole in data/postcode-areas/, which only a
# kiosk's service worker keeps (104 files instead of 2,451; web/sw.js cuts a district out of its area's file).
find_program(HCF_NODE NAMES node nodejs REQUIRED)
add_custom_target(hcf_web_files ALL
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/web ${HCF_STAGE_DIR}
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/assets/data ${HCF_STAGE_DIR}/data
    COMMAND ${HCF_NODE} ${CMAKE_SOURCE_DIR}/scripts/split-postcodes.mjs ${CMAKE_SOURCE_DIR}/assets/sources/postcodes
            ${HCF_STAGE_DIR}/data/postcodes
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/assets/sources/postcodes
            ${HCF_STAGE_DIR}/data/postcode-areas
    COMMENT "Copying web/ and assets/data/ into the stage, with the unit postcodes split by district")
add_dependencies(hcf_app hcf_web_files)

# NAME.br and NAME.gz beside every file (scripts/compress-dist.mjs, node's zlib), so the app is sent
# compressed by any host, whatever it compresses itself. Unchanged files are not compressed again.
add_custom_target(hcf_compressed ALL
    COMMAND ${HCF_NODE} ${CMAKE_SOURCE_DIR}/scripts/compress-dist.mjs ${HCF_STAGE_DIR}
    COMMENT "Writing .br and .gz copies in the stage")
add_dependencies(hcf_compressed hcf_app hcf_updater_module hcf_qr_module hcf_web_files)

# dist/: one release, every file in r/<release id>/ (a hash of the content), and the index.html naming it
# (scripts/release.mjs; docs/embedding.md, "Deploying a new release").
add_custom_target(hcf_release ALL
    COMMAND ${HCF_NODE} ${CMAKE_SOURCE_DIR}/scripts/release.mjs ${HCF_STAGE_DIR} ${HCF_DIST_DIR}
    COMMENT "Making the release in dist/")
add_dependencies(hcf_release hcf_compressed)

# The search benchmark compiled to WebAssembly and run by node (scripts/bench-search-wasm), to compare
# the core's speed in WASM with native. Built only on request.
add_executable(bench_search_wasm EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/src/tools/bench_search.main.cpp)
target_link_libraries(bench_search_wasm PRIVATE hcf_core hcf_warnings)
set_target_properties(bench_search_wasm PROPERTIES SUFFIX ".js")
target_link_options(bench_search_wasm PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
    -sMAXIMUM_MEMORY=4GB -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1)
