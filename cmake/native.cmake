# Native build: unit tests, command-line tools, fuzz targets.
enable_testing()

# The unit tests: tests/unit/<module>_test.cpp mirrors src/core/<module>.cpp (qr_code_test mirrors
# src/qr/qr_code.cpp, hence hcf_qr). They make one executable, linked once, and ctest runs each file's tests
# on its own: Catch2 tags every test with its file's name (-#: "[#export_test]"); -w NoTests fails a file whose
# tests are gone.
file(GLOB HCF_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/*_test.cpp)
add_executable(hcf_unit_tests ${CMAKE_SOURCE_DIR}/tests/unit/catch_main.cpp ${HCF_UNIT_TESTS})
target_include_directories(hcf_unit_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
target_link_libraries(hcf_unit_tests PRIVATE hcf_core hcf_qr hcf_warnings)
target_compile_definitions(hcf_unit_tests PRIVATE
    HCF_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data"
    HCF_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
# Catch2's single header and nlohmann/json are most of each test file's compile time: parsed once, not 44 times.
# catch_main.cpp defines CATCH_CONFIG_MAIN before it includes Catch2, so it is built without the shared header.
target_precompile_headers(hcf_unit_tests PRIVATE <catch2/catch.hpp> <nlohmann/json.hpp> <string> <vector>)
set_source_files_properties(${CMAKE_SOURCE_DIR}/tests/unit/catch_main.cpp PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
# Catch2's own code is not ours to check: built without the sanitizers it compiles in half the time (it was the
# longest file of the checked build).
if(HCF_SANITIZE)
    set_source_files_properties(${CMAKE_SOURCE_DIR}/tests/unit/catch_main.cpp PROPERTIES COMPILE_OPTIONS
                                -fno-sanitize=all)
endif()
foreach(test_src ${HCF_UNIT_TESTS})
    get_filename_component(test_name ${test_src} NAME_WE)
    add_test(NAME ${test_name} COMMAND hcf_unit_tests "-#" "[#${test_name}]" -w NoTests --reporter compact)
endforeach()

# Command-line tools: src/tools/<name>.main.cpp -> executable <name> (underscores become dashes).
file(GLOB HCF_TOOLS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/tools/*.main.cpp)
foreach(tool_src ${HCF_TOOLS})
    get_filename_component(tool_file ${tool_src} NAME)
    string(REPLACE ".main.cpp" "" tool_name ${tool_file})
    string(REPLACE "_" "-" tool_name ${tool_name})
    add_executable(${tool_name} ${tool_src})
    target_link_libraries(${tool_name} PRIVATE hcf_core hcf_warnings)
endforeach()

# Command-line tests: tests/cli/*.sh run against the built tools, if any.
file(GLOB HCF_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/*.sh)
foreach(cli_test ${HCF_CLI_TESTS})
    get_filename_component(cli_name ${cli_test} NAME_WE)
    add_test(NAME cli_${cli_name} COMMAND bash ${cli_test} ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
endforeach()
# The longest tests start first (ctest -j2 on a fresh build has no timings of its own yet), so none of them runs
# alone at the end: cli_hcf (about 15 s under the sanitizers: ~50 runs of hcf) beside all the rest.
set_tests_properties(cli_hcf PROPERTIES COST 100)
set_tests_properties(search_test geography_test PROPERTIES COST 10)

# Fuzz targets (preset "sanitize" only): tests/fuzz/fuzz_<name>.cpp -> fuzz_<name>; scripts/fuzz runs them.
# libFuzzer's coverage goes into the code fuzzed (the core) and the targets only: it doubles a file's compile
# time, and the unit tests and tools do not need it.
if(HCF_SANITIZE)
    target_compile_options(hcf_core PRIVATE -fsanitize=fuzzer-no-link)
    file(GLOB HCF_FUZZERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
    foreach(fuzz_src ${HCF_FUZZERS})
        get_filename_component(fuzz_name ${fuzz_src} NAME_WE)
        add_executable(${fuzz_name} ${fuzz_src})
        target_compile_options(${fuzz_name} PRIVATE -fsanitize=fuzzer-no-link)
        target_link_libraries(${fuzz_name} PRIVATE hcf_core)
        target_link_options(${fuzz_name} PRIVATE -fsanitize=fuzzer)
    endforeach()
endif()
