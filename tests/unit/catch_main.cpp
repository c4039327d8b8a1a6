// homecare-finder tests: Catch2's main, for the one unit-test executable (cmake/native.cmake).
// SPDX-License-Identifier: MIT
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
