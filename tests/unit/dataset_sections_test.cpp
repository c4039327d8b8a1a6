// homecare-finder tests: the sections of bundle.bin on their own (mirrors src/core/dataset_sections.cpp;
// whole bundles are in dataset_format_test.cpp).
// SPDX-License-Identifier: MIT
#include "core/dataset_sections.h"

#include <catch2/catch.hpp>

using namespace hcf::core;
using namespace hcf::core::sections;

TEST_CASE("dates are stored as day numbers, and only real ISO days") {
    for (const char* d : {"1970-01-01", "2026-09-01", "2024-02-29", "1901-03-04", "2199-12-31"}) {
        INFO(d);
        CHECK(encode_date(d) > 0);
        CHECK(decode_date(encode_date(d)) == d);
    }
    CHECK(encode_date("2026-09-02") == encode_date("2026-09-01") + 1);
    CHECK(encode_date("") == 0);
    CHECK(encode_date("2026-09") == 0);
    CHECK(encode_date("01/09/2026") == 0);
    CHECK(encode_date("2026-13-01") == 0);
    CHECK(decode_date(0).empty());
    CHECK(decode_date(999999).empty());
}

TEST_CASE("districts, sectors and council profiles read back as written; damage is refused") {
    Geography g;
    g.set_districts({{"B13", "B", {52.4348, -1.8829}, 1129}, {"B14", "B", {52.4201, -1.8901}, 900}});
    g.set_sectors({{"B13 9", "B13", {52.44, -1.883}, 500}, {"B14 7", "B14", {52.418, -1.891}, 400}});
    const std::string districts = write_districts(g);
    const Expected<DistrictSection> ds = read_districts(districts);
    REQUIRE(ds.ok());
    const std::vector<District>& d = ds->districts;
    REQUIRE(d.size() == 2);
    CHECK(d[1].code == "B14");
    CHECK(d[1].area == "B");
    CHECK(d[1].centre.lat == 52.4201);
    CHECK(d[1].postcodes == 900);
    CHECK(ds->points.count("B14") == 1);
    const Expected<SectorSection> ss = read_sectors(write_sectors(g), d);
    REQUIRE(ss.ok());
    const std::vector<Sector>& s = ss->sectors;
    REQUIRE(s.size() == 2);
    CHECK(s[0].code == "B13 9");
    CHECK(s[0].centre.lng == -1.883);
    CHECK(ss->points.count("B14 7") == 1);
    const Expected<DistrictSection> cut = read_districts(districts.substr(0, districts.size() - 1));
    CHECK_FALSE(cut.ok());
    CHECK(cut.error_detail() == "districts"); // as load_bundle names it

    const std::vector<CouncilProfileText> profiles = {{"a.json", "{}"}, {"b.json", "{\"id\": \"b\"}"}};
    const Expected<std::vector<CouncilProfileText>> back = read_profiles(write_profiles(profiles));
    REQUIRE(back.ok());
    REQUIRE(back->size() == 2);
    CHECK((*back)[1].json == profiles[1].json);
    const Expected<std::vector<CouncilProfileText>> none = read_profiles("\x05");
    CHECK_FALSE(none.ok());
    CHECK(none.error_detail() == "council profiles");
}
