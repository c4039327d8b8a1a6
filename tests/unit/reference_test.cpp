// homecare-finder tests: building the reference data and matching council names (mirrors
// src/core/reference.cpp). Fixtures: tests/data/cqc/reference/.
// SPDX-License-Identifier: MIT
#include "core/reference.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hcf::core;

TEST_CASE("build_reference keeps England's postcode areas and orders council shares best first") {
    const Expected<ReferenceData> rb = build_reference(hcf::test::reference_fixture());
    REQUIRE(rb.ok());
    CHECK(rb->kept_areas == std::vector<std::string>{"B"});
    CHECK(rb->dropped_areas == std::vector<std::string>{"EH"}); // no English council touches EH
    const Geography& g = rb->bundle.geography;
    CHECK(g.districts().size() == 3);
    CHECK(g.sectors().size() == 4);
    CHECK(g.district("EH1") == nullptr);
    REQUIRE(g.district("B13"));
    CHECK(g.district("B13")->centre.lat == Approx(52.4348).margin(1e-12)); // 52.43484 to 1e-4
    REQUIRE(g.sector("B13 9"));
    CHECK(g.sector("B13 9")->centre.lat == Approx(52.440).margin(1e-12)); // sectors to 1e-3
    REQUIRE(g.councils("B14"));
    const auto& b14 = *g.councils("B14");
    REQUIRE(b14.size() == 3);
    CHECK(b14[0].lad_name == "Birmingham");
    CHECK(b14[0].share == 0.9942);
    CHECK(b14[1].lad_name == "Bromsgrove");
    CHECK(b14[1].upper_tier_name == "Worcestershire");
    CHECK(rb->bundle.lads.size() == 4);
    CHECK(rb->bundle.costs.size() == 2);
}

TEST_CASE("build_reference names the file and line of a bad row") {
    ReferenceInputs in = hcf::test::reference_fixture();
    in.districts_csv += "B15,B,not-a-number,-1.9,10\n";
    const Expected<ReferenceData> rb = build_reference(in);
    CHECK_FALSE(rb.ok());
    CHECK(rb.error() ==
          "postcode_districts.csv, line 6: the district, area, lat or lng is missing or wrong.");
    ReferenceInputs in2 = hcf::test::reference_fixture();
    in2.sectors_csv = "sector,district,lat,lng\nB15 1,B15,52.4,-1.9\n";
    const Expected<ReferenceData> rb2 = build_reference(in2);
    CHECK(rb2.error() == "postcode_sectors.csv, line 2: sector B15 1 is in district B15, which is not in "
                         "postcode_districts.csv.");
}

TEST_CASE("upper_tier_for_name matches CQC and ONS spellings of a council") {
    const std::vector<LadInfo> lads = {
        {"E06000019", "Herefordshire, County of", "E06000019", "Herefordshire, County of", "unitary"},
        {"E07000234", "Bromsgrove", "E10000034", "Worcestershire", "district"},
        {"E06000055", "Bedford", "E06000055", "Bedford", "unitary"},
        {"E06000022", "Bath and North East Somerset", "E06000022", "Bath and North East Somerset",
         "unitary"}};
    auto code = [&](std::string_view name) {
        const std::string* c = upper_tier_for_name(lads, name);
        return c ? *c : std::string("(none)");
    };
    CHECK(code("Herefordshire") == "E06000019");
    CHECK(code("Worcestershire") == "E10000034");
    CHECK(code("Bromsgrove") == "E10000034"); // a district -> its county
    CHECK(code("Bedford Borough") == "E06000055");
    CHECK(code("Bath & North East Somerset") == "E06000022");
    CHECK(upper_tier_for_name(lads, "Atlantis") == nullptr);
    CHECK(upper_tier_for_name(lads, "") == nullptr);
    // The code is the one the council lookup holds.
    CHECK(upper_tier_for_name(lads, "Herefordshire") == &lads[0].upper_tier_code);
}
