# The checked native build (preset "sanitize", what scripts/test runs): clang with AddressSanitizer and
# UndefinedBehaviorSanitizer on every target, so the unit and command-line tests run checked, and with
# libFuzzer's coverage on in the core (cmake/native.cmake), so the same objects also make the fuzz targets
# (tests/fuzz): one build, not two. Unoptimised (-O0, preset "sanitize"): it compiles in half the time, and the
# tests and a few seconds of fuzzing do not need the speed.
# Undefined behaviour stops the program (no recovery), so a test or a fuzz run fails on it.
option(HCF_SANITIZE "Build with ASan + UBSan + fuzzer coverage and the libFuzzer targets (needs clang)" OFF)
if(HCF_SANITIZE AND NOT EMSCRIPTEN)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
    # SHA-256 checks every data file loaded: unoptimised, it was four tenths of each command-line test's time.
    # So are the search and the geography's hot loops: unoptimised, one unit test (every page of 200 queries
    # against a full sort) and the command-line tests spent most of their time there. Still checked: ASan and
    # UBSan work the same at -O2.
    foreach(hot sha256 search geo_index text_fold)
        set_source_files_properties(${CMAKE_SOURCE_DIR}/src/core/${hot}.cpp PROPERTIES COMPILE_OPTIONS -O2
                                    SKIP_PRECOMPILE_HEADERS ON) # the core's header is built at -O0
    endforeach()
endif()
