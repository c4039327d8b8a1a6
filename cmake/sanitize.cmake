# The checked native build (preset "sanitize", what scripts/test runs): clang with AddressSanitizer and
# UndefinedBehaviorSanitizer on every target, so the unit and command-line tests run checked, and with
# libFuzzer's coverage on, so the same objects also make the fuzz targets (tests/fuzz): one build, not two.
# Undefined behaviour stops the program (no recovery), so a test or a fuzz run fails on it.
option(HCF_SANITIZE "Build with ASan + UBSan + fuzzer coverage and the libFuzzer targets (needs clang)" OFF)
if(HCF_SANITIZE AND NOT EMSCRIPTEN)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link)
    add_link_options(-fsanitize=address,undefined)
endif()
