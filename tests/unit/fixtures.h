// homecare-finder tests: reading the fixture files in tests/data (shared by the unit tests that need them).
// Depends on: core/bundle.h, Catch2 (REQUIRE), the C++ standard library; HCF_TEST_DATA_DIR comes from CMake.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/bundle.h"

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

// The small reference data in tests/data/cqc/reference/ (postcode geography, council lookup, costs, one
// council profile), as build_reference() takes it.
inline hcf::core::ReferenceInputs reference_fixture() {
    hcf::core::ReferenceInputs in;
    in.districts_csv = read_fixture("cqc/reference/postcode_districts.csv");
    in.sectors_csv = read_fixture("cqc/reference/postcode_sectors.csv");
    in.district_to_lad_csv = read_fixture("cqc/reference/postcode_district_to_lad.csv");
    in.lad_to_upper_tier_csv = read_fixture("cqc/reference/lad_to_upper_tier.csv");
    in.cost_reference_csv = read_fixture("cqc/reference/cost_reference.csv");
    in.council_profiles = {{"birmingham.json", read_fixture("cqc/reference/councils/birmingham.json")}};
    return in;
}

} // namespace hcf::test
