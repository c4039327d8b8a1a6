// homecare-finder tests: reading the fixture files in tests/data (shared by the unit tests that need them).
// Depends on: Catch2 (REQUIRE), the C++ standard library; HCF_TEST_DATA_DIR is defined by CMake for tests.
// SPDX-License-Identifier: MIT
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace hcf::test {

// The bytes of tests/data/<rel>; the test stops if the file is missing.
inline std::string read_fixture(const std::string& rel) {
    std::ifstream f(std::string(HCF_TEST_DATA_DIR) + "/" + rel, std::ios::binary);
    REQUIRE(f.good());
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

} // namespace hcf::test
