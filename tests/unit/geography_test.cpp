// homecare-finder tests: postcode geography, unit packs, locate() and distances (mirrors
// src/core/geography.cpp). Depends on: core/geography.h, Catch2 v2, fixtures in tests/data/geo/ (subsets of
// ../shared/data). SPDX-License-Identifier: MIT
#include "core/geography.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace hcf::core;
using Catch::Matchers::Equals;
using hcf::test::read_text;

namespace {

// Minimal CSV for the fixtures: quoted fields may hold commas; lines starting with '#' are comments.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(read_text(path));
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> f(1);
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                f.emplace_back();
            else
                f.back().push_back(c);
        }
        rows.push_back(std::move(f));
    }
    return rows;
}

// Loads districts.csv, sectors.csv and a postcode_district_to_lad.csv-layout councils file.
Geography load(const std::string& districts, const std::string& sectors, const std::string& councils) {
    Geography geo;
    std::vector<District> ds;
    for (const auto& r : read_csv(districts))
        ds.push_back({r[0], r[1], {std::stod(r[2]), std::stod(r[3])}, std::stoi(r[4])});
    geo.set_districts(std::move(ds));
    std::vector<Sector> ss;
    for (const auto& r : read_csv(sectors))
        ss.push_back({r[0], r[1], {std::stod(r[2]), std::stod(r[3])}, std::stoi(r[4])});
    geo.set_sectors(std::move(ss));
    // district,lad_code,lad_name,n_postcodes,district_n_postcodes,share,rank,upper_tier_code,upper_tier_name
    std::string current;
    std::vector<CouncilShare> shares;
    for (const auto& r : read_csv(councils)) {
        if (r[0] != current) {
            if (!current.empty()) geo.set_councils(current, std::move(shares));
            current = r[0];
            shares.clear();
        }
        shares.push_back({r[1], r[2], r[7], r[8], std::stod(r[5])});
    }
    if (!current.empty()) geo.set_councils(current, std::move(shares));
    return geo;
}

const std::string kGeo = std::string(HCF_TEST_DATA_DIR) + "/geo/";

Geography fixture() {
    return load(kGeo + "districts.csv", kGeo + "sectors.csv", kGeo + "councils.csv");
}

} // namespace

TEST_CASE("haversine distances against hand-checkable values") {
    // One degree of longitude on the equator is R * pi / 180 = 6371.0088 * 0.01745329 = 111.1951 km.
    CHECK(distance_km({0, 0}, {0, 1}) == Approx(111.1951).margin(0.0005));
    CHECK(distance_miles({0, 0}, {0, 1}) == Approx(111.1951 / 1.609344).margin(0.0005)); // 69.0934
    // Half way round the Earth is pi * R = 20015.1144 km.
    CHECK(distance_km({0, 0}, {0, 180}) == Approx(20015.1144).margin(0.001));
    CHECK(distance_km({52.5, -1.9}, {52.5, -1.9}) == 0.0);
    // Symmetric.
    CHECK(distance_km({52.47961, -1.90783}, {52.63344, -1.13247}) ==
          Approx(distance_km({52.63344, -1.13247}, {52.47961, -1.90783})));
    // B1 centroid (52.47961,-1.90783) to LE1 centroid (52.63344,-1.13247): haversine 55.1376 km.
    // Hand check by the flat-earth approximation: dlat 0.15383 deg = 17.105 km; dlng 0.77536 deg x
    // cos(52.556 deg) 0.6077 x 111.195 = 52.39 km; sqrt(17.105^2 + 52.39^2) = 55.11 km.
    CHECK(distance_km({52.47961, -1.90783}, {52.63344, -1.13247}) == Approx(55.1376).margin(0.001));
    CHECK(distance_miles({52.47961, -1.90783}, {52.63344, -1.13247}) == Approx(34.2609).margin(0.001));
}

TEST_CASE("districts, sectors and councils are looked up by code") {
    const Geography geo = fixture();
    REQUIRE(geo.districts().size() == 29);
    REQUIRE(geo.sectors().size() == 138);
    const District* hr4 = geo.district("HR4");
    REQUIRE(hr4 != nullptr);
    CHECK(hr4->area == "HR");
    CHECK(hr4->centre.lat == 52.08483);
    CHECK(hr4->centre.lng == -2.76108);
    CHECK(hr4->postcodes == 1205);
    CHECK(geo.district("HR10") == nullptr);
    CHECK(geo.district("hr4") == nullptr); // codes are normalised upper case; locate() normalises
    const Sector* b139 = geo.sector("B13 9");
    REQUIRE(b139 != nullptr);
    CHECK(b139->district == "B13");
    CHECK(b139->postcodes == 372);
    CHECK(geo.sector("B13 1") == nullptr);

    const auto le1 = geo.sectors_of("LE1");
    REQUIRE(le1.size() == 9);
    CHECK(le1.front()->code == "LE1 1");
    CHECK(le1.back()->code == "LE1 9");
    CHECK(geo.sectors_of("ZZ1").empty());

    REQUIRE(geo.councils("LE2"));
    const auto& le2 = *geo.councils("LE2");
    REQUIRE(le2.size() == 4);
    CHECK(le2[0].lad_name == "Leicester");
    CHECK(le2[1].lad_name == "Oadby and Wigston");
    CHECK(le2[1].upper_tier_name == "Leicestershire");
    CHECK(le2[1].share == 0.1977);
    CHECK(geo.councils("EH1") == nullptr);
}

TEST_CASE("unit-postcode packs decode the compact format") {
    Geography geo;
    const Expected<void> added = geo.add_unit_pack("LE", read_text(kGeo + "units_LE.txt"));
    REQUIRE(added);
    CHECK(added.error().empty());
    CHECK(geo.has_units_of("LE1")); // an area's pack fills each of its districts
    CHECK(geo.has_units_of("le2"));
    CHECK_FALSE(geo.has_units_of("LE")); // an area is not a district
    CHECK_FALSE(geo.has_units_of("B13"));
    CHECK(geo.unit_count() == 24);
    // README check: LE1 1AA is #LE1,526334,-11325 then 1AA,-13,75 -> (526334-13)/1e4, (-11325+75)/1e4.
    const auto le11aa = geo.unit("LE1 1AA");
    REQUIRE(le11aa);
    CHECK(le11aa->lat == Approx(52.6321).margin(1e-9));
    CHECK(le11aa->lng == Approx(-1.1250).margin(1e-9));
    CHECK(geo.unit("le11aa"));               // spacing and case do not matter
    const auto le20aa = geo.unit("LE2 0AA"); // #LE2,526112,-11179 then 0AA,248,1
    REQUIRE(le20aa);
    CHECK(le20aa->lat == Approx(52.6360).margin(1e-9));
    CHECK(le20aa->lng == Approx(-1.1178).margin(1e-9));
    CHECK_FALSE(geo.unit("LE1 1ZZ"));
    CHECK_FALSE(geo.unit("HR4 0AA")); // HR pack not loaded
    CHECK_FALSE(geo.unit(""));
    CHECK_FALSE(geo.unit("LE1 1AA LE1 1AA"));

    SECTION("CRLF, blank lines and out-of-order lines are accepted") {
        Geography g;
        REQUIRE(
            g.add_unit_pack("LE", "#LE1,526334,-11325\r\n\r\n1AB,-6,72\r\n1AA,-13,75\r\n#LE2,1,1\n0AA,0,0"));
        CHECK(g.unit_count() == 3);
        REQUIRE(g.unit("LE1 1AA"));
        CHECK(g.unit("LE1 1AA")->lat == Approx(52.6321).margin(1e-9));
        CHECK(g.unit("LE2 0AA")->lng == Approx(0.0001).margin(1e-12));
    }
    SECTION("the old Newport NPT district (no digits) is accepted") {
        Geography g;
        REQUIRE(g.add_unit_pack("NPT", "#NPT,515894,-29898\n0AD,-9,-18\n"));
        CHECK(g.unit("NPT 0AD"));
    }
}

TEST_CASE("malformed unit packs are refused with the line and the reason") {
    struct Case {
        const char* area;
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"L3", "#L31,1,1\n1AA,0,0",
         "Postcode file for L3, line 1: district 'L31' is not the file's district"},
        {"", "#LE1,1,1\n1AA,0,0",
         "Postcode file for ?: the name must be a postcode area like LE or a district like LE1"},
        {"3L", "#L31,1,1\n1AA,0,0",
         "Postcode file for 3L: the name must be a postcode area like LE or a district like LE1"},
        {"LE1", "#LE1,1,1\n1AA,0,0\n#LE2,1,1\n1AA,0,0",
         "Postcode file for LE1, line 3: district 'LE2' is not the file's district"},
        {"LE", "", "Postcode file for LE: the file has no postcodes"},
        {"LE", "#LE1,526334,-11325\n", "Postcode file for LE: the file has no postcodes"},
        {"LE", "1AA,-13,75\n",
         "Postcode file for LE, line 1: a postcode comes before any district line (#...)"},
        {"LE", "#LE1,526334\n1AA,-13,75",
         "Postcode file for LE, line 1: expected a district line like #LE1,526334,-11325"},
        {"LE", "#B1,1,1\n1AA,0,0", "Postcode file for LE, line 1: district 'B1' is not in area LE"},
        {"LE", "#LE1,x,1\n1AA,0,0",
         "Postcode file for LE, line 1: district LE1 has a bad latitude or longitude"},
        {"LE", "#LE1,900001,0\n1AA,0,0",
         "Postcode file for LE, line 1: district LE1 has a bad latitude or longitude"},
        {"LE", "#LE1,1,1\n\n1A,0,0",
         "Postcode file for LE, line 3: expected the end of a postcode like 1AA, got '1A'"},
        {"LE", "#LE1,1,1\n1aa,0,0",
         "Postcode file for LE, line 2: expected the end of a postcode like 1AA, got '1aa'"},
        {"LE", "#LE1,1,1\n1AA,0,0,0",
         "Postcode file for LE, line 2: expected a postcode line like 1AA,-13,75"},
        {"LE", "#LE1,1,1\n1AA,0", "Postcode file for LE, line 2: expected a postcode line like 1AA,-13,75"},
        {"LE", "#LE1,1,1\n1AA,1.5,0", "Postcode file for LE, line 2: postcode LE1 1AA has a bad position"},
        {"LE", "#LE1,1,1\n1AA,,0", "Postcode file for LE, line 2: postcode LE1 1AA has a bad position"},
        {"LE", "#LE1,1,1\n1AA,99999999999999999999,0",
         "Postcode file for LE, line 2: postcode LE1 1AA has a bad position"},
        {"LE", "#LE1,900000,0\n1AA,1,0", "Postcode file for LE, line 2: postcode LE1 1AA is off the map"},
        {"LE", "#LE1,1,1\n1AA,0,0\n1AB,0,0\n1AA,0,0", "Postcode file for LE: postcode LE1 1AA appears twice"},
    };
    for (const auto& c : cases) {
        INFO("pack: " << c.text);
        Geography g;
        const Expected<void> added = g.add_unit_pack(c.area, c.text);
        CHECK_FALSE(added);
        CHECK(added.error() == c.error);
        CHECK(g.unit_count() == 0);
    }
    SECTION("a bad pack leaves the loaded one untouched") {
        Geography g;
        REQUIRE(g.add_unit_pack("LE", "#LE1,526334,-11325\n1AA,-13,75\n"));
        CHECK_FALSE(g.add_unit_pack("LE", "#LE1,1,1\n1AA,0"));
        REQUIRE(g.unit("LE1 1AA"));
        CHECK(g.unit("LE1 1AA")->lat == Approx(52.6321).margin(1e-9));
    }
}

TEST_CASE("a district's pack, as the web build serves it, is checked against the district's postcode count") {
    Geography g;
    g.set_districts({{"LE1", "LE", {52.6334, -1.1325}, 2}, {"LE2", "LE", {52.6112, -1.1179}, 1}});
    SECTION("the whole district is taken") {
        REQUIRE(g.add_unit_pack("LE1", "#LE1,526334,-11325\n1AA,-13,75\n1AB,-6,72\n"));
        CHECK(g.has_units_of("LE1"));
        CHECK_FALSE(g.has_units_of("LE2"));
        CHECK(g.unit("LE1 1AB"));
        CHECK(locate(g, "LE1 1AA").precision == GeoPrecision::Unit);
        // LE2's own file, later, adds to LE1's; an area's file replaces the districts it holds.
        REQUIRE(g.add_unit_pack("le2", "#LE2,526112,-11179\n0AA,248,1\n"));
        CHECK(g.unit_count() == 3);
        REQUIRE(g.add_unit_pack("LE", "#LE1,526334,-11325\n1AA,-13,75\n"));
        CHECK(g.unit_count() == 2);
        CHECK_FALSE(g.unit("LE1 1AB"));
        CHECK(g.unit("LE2 0AA"));
    }
    SECTION("a copy cut short, or from another version, is refused and nothing of it is used") {
        const Expected<void> added = g.add_unit_pack("LE1", "#LE1,526334,-11325\n1AA,-13,75\n");
        REQUIRE_FALSE(added);
        CHECK(added.error() ==
              "Postcode file for LE1: it has 1 postcodes where 2 were expected (a damaged or "
              "older copy)");
        CHECK_FALSE(g.has_units_of("LE1"));
        CHECK_FALSE(g.unit("LE1 1AA"));
        CHECK(locate(g, "LE1 1AA").needs_unit_pack);
    }
}

TEST_CASE("council names read kindly") {
    CHECK(friendly_council_name("Herefordshire, County of") == "Herefordshire");
    CHECK(friendly_council_name("Bristol, City of") == "Bristol");
    CHECK(friendly_council_name("Kingston upon Hull, City of") == "Kingston upon Hull");
    CHECK(friendly_council_name("City of London") == "City of London");
    CHECK(friendly_council_name("St. Helens") == "St. Helens");
    CHECK(friendly_council_name("") == "");
}

TEST_CASE("locate places a postcode at the best precision it can") {
    Geography geo = fixture();
    REQUIRE(geo.add_unit_pack("LE", read_text(kGeo + "units_LE.txt")));
    REQUIRE(geo.add_unit_pack("HR", read_text(kGeo + "units_HR.txt")));

    SECTION("full postcode from a loaded pack") {
        const Location l = locate(geo, "le1 1aa");
        REQUIRE(l.ok);
        CHECK(l.error == PostcodeError::None);
        CHECK(l.message.empty());
        CHECK(l.note.empty());
        CHECK(l.postcode.unit == "LE1 1AA");
        CHECK(l.precision == GeoPrecision::Unit);
        CHECK(l.centre.lat == Approx(52.6321).margin(1e-9));
        CHECK(l.centre.lng == Approx(-1.1250).margin(1e-9));
        CHECK_FALSE(l.needs_unit_pack);
        CHECK(l.nation == Nation::England);
        // LE1: Leicester 96.42%, Blaby 3.58% (Leicestershire runs its adult social care).
        CHECK(l.place == "LE1 is in Leicester's council area.");
        REQUIRE(l.councils.size() == 2);
        CHECK(l.councils[0].upper_tier_name == "Leicester");
        CHECK(l.councils[1].upper_tier_name == "Leicestershire");
        CHECK(l.councils[1].lad_name == "Blaby");
        CHECK_FALSE(l.council_split);
    }
    SECTION("full postcode whose pack is not loaded: sector now, ask for the pack") {
        const Location l = locate(geo, "B13 9AB");
        REQUIRE(l.ok);
        CHECK(l.needs_unit_pack);
        CHECK(l.precision == GeoPrecision::Sector);
        CHECK(l.centre.lat == 52.44009);
        CHECK(l.centre.lng == -1.87702);
        CHECK(l.place == "B13 is in Birmingham's council area.");
        CHECK(l.note.empty());
    }
    SECTION("full postcode missing from a loaded pack: its sector, said plainly") {
        const Location l = locate(geo, "HR4 9AB");
        REQUIRE(l.ok);
        CHECK_FALSE(l.needs_unit_pack);
        CHECK(l.precision == GeoPrecision::Sector);
        CHECK(l.centre.lat == 52.06599);
        CHECK(l.note == "We can't find HR4 9AB exactly, so we're showing results around HR4 9.");
        CHECK(l.place == "HR4 is in Herefordshire's council area.");
    }
    SECTION("HR4 0AA from the HR pack") {
        const Location l = locate(geo, "HR40AA"); // #HR4,520848,-27611 then 0AA,-292,403
        REQUIRE(l.ok);
        CHECK(l.precision == GeoPrecision::Unit);
        CHECK(l.centre.lat == Approx(52.0556).margin(1e-9));
        CHECK(l.centre.lng == Approx(-2.7208).margin(1e-9));
    }
    SECTION("sector and district") {
        Location l = locate(geo, "B13 9");
        REQUIRE(l.ok);
        CHECK(l.precision == GeoPrecision::Sector);
        CHECK(l.postcode.normalised == "B13 9");
        CHECK_FALSE(l.needs_unit_pack);
        l = locate(geo, "hr4");
        REQUIRE(l.ok);
        CHECK(l.precision == GeoPrecision::District);
        CHECK(l.centre.lat == 52.08483);
        CHECK(l.centre.lng == -2.76108);
        CHECK(l.place == "HR4 is in Herefordshire's council area.");
        REQUIRE(l.councils.size() == 1);
        CHECK(l.councils[0].upper_tier_code == "E06000019");
    }
    SECTION("HR49 is no district, so it is read as sector HR4 9") {
        const Location l = locate(geo, "HR49");
        REQUIRE(l.ok);
        CHECK(l.postcode.kind == PostcodeKind::Sector);
        CHECK(l.postcode.normalised == "HR4 9");
        CHECK(l.precision == GeoPrecision::Sector);
        CHECK(l.note == "We've read HR49 as HR4 9.");
    }
}

TEST_CASE("locate says when a district is split between councils") {
    const Geography geo = fixture();
    struct Case {
        const char* input;
        bool split;
        const char* place;
    };
    const Case cases[] = {
        {"B36", true,
         "B36 is split between Solihull (60%) and Birmingham (40%). Please choose your council."},
        {"B45", true,
         "B45 is split between Birmingham (59%) and Worcestershire County Council (41%). Please choose your "
         "council."},
        // LE2: Leicester 74.95%; Oadby and Wigston 19.77% + Blaby 4.35% + Harborough 0.93% are all
        // Leicestershire's, 25.05% together.
        {"LE2", true,
         "LE2 is split between Leicester (75%) and Leicestershire County Council (25%). Please choose your "
         "council."},
        {"B43", true,
         "B43 is split between Sandwell (64%), Walsall (26%) and Birmingham (9%). Please choose your "
         "council."},
        {"W1A", true,
         "W1A is split between Westminster (80%), Islington (20%) and Camden (less than 1%). Please "
         "choose your council."},
        {"B31", false, "B31 is in Birmingham's council area."},    // 99.66%
        {"SW1A", false, "SW1A is in Westminster's council area."}, // 91.76%
        {"E17", false, "E17 is in Waltham Forest's council area."},
        // LE3: Leicester 58%; Blaby and Hinckley and Bosworth (Leicestershire) 42%.
        {"LE3", true,
         "LE3 is split between Leicester (58%) and Leicestershire County Council (42%). Please choose your "
         "council."},
    };
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        const Location l = locate(geo, c.input);
        REQUIRE(l.ok);
        CHECK(l.council_split == c.split);
        CHECK(l.place == c.place);
    }
    // E22 (Feb 2022 onwards) is in the NSPL but not in the council lookup: placed, council unknown.
    Geography e22;
    e22.set_districts({{"E22", "E", {51.5, -0.01}, 7}});
    const Location e = locate(e22, "E22");
    REQUIRE(e.ok);
    CHECK(e.place.empty());
    CHECK(e.councils.empty());
    CHECK_FALSE(e.council_split);

    const Location le2 = locate(geo, "LE2");
    REQUIRE(le2.councils.size() == 2);
    CHECK(le2.councils[1].upper_tier_code == "E10000018");
    CHECK(le2.councils[1].lad_name == "Oadby and Wigston");
    CHECK(le2.councils[1].share == Approx(0.2505));
}

TEST_CASE("locate refuses postcodes outside England, naming the regulator") {
    const Geography geo = fixture();
    struct Case {
        const char* input;
        Nation nation;
        const char* message;
    };
    const Case cases[] = {
        {"EH1 1AA", Nation::Scotland,
         "CQC covers England only. For care in Scotland, contact the Care Inspectorate."},
        {"td9 0aa", Nation::Scotland,
         "CQC covers England only. For care in Scotland, contact the Care Inspectorate."},
        {"BT1 1AA", Nation::NorthernIreland,
         "CQC covers England only. For care in Northern Ireland, contact the Regulation and Quality "
         "Improvement Authority (RQIA)."},
        {"CH5", Nation::Wales,
         "CQC covers England only. For care in Wales, contact Care Inspectorate Wales."},
        {"CF10 1AA", Nation::Wales,
         "CQC covers England only. For care in Wales, contact Care Inspectorate Wales."},
        {"JE2 3AB", Nation::ChannelIslands,
         "CQC covers England only. For care in Jersey, contact the Jersey Care Commission."},
        {"GY1 1AA", Nation::ChannelIslands,
         "CQC covers England only. For care in Guernsey, contact the States of Guernsey Committee for Health "
         "& Social Care."},
        {"IM1 1AA", Nation::IsleOfMan,
         "CQC covers England only. For care on the Isle of Man, contact the Registration and Inspection Team "
         "at the Isle of Man Department of Health and Social Care."},
    };
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        const Location l = locate(geo, c.input);
        CHECK_FALSE(l.ok);
        CHECK(l.error == PostcodeError::OutsideEngland);
        CHECK(l.nation == c.nation);
        CHECK(l.message == c.message);
        CHECK(l.precision == GeoPrecision::None);
    }
}

TEST_CASE("border districts are searched, with a note about the other side") {
    const Geography geo = fixture();
    // HR3: Herefordshire 53%, Powys 47% (council lookup).
    Location l = locate(geo, "HR3");
    REQUIRE(l.ok);
    CHECK(l.cross_border);
    CHECK(l.nation == Nation::England);
    CHECK(l.note == "Part of HR3 is in Wales. CQC covers England only, so if you live in the Welsh part, "
                    "contact Care Inspectorate Wales.");
    // SY15: Powys 84%, Shropshire 16%: mostly Welsh but partly English, so not refused.
    l = locate(geo, "SY15");
    REQUIRE(l.ok);
    CHECK(l.cross_border);
    CHECK(l.note == "Most of SY15 is in Wales. CQC covers England only, so if you live in the Welsh part, "
                    "contact Care Inspectorate Wales.");
    CHECK(nation_of(geo, "SY15") == Nation::Wales);
    // TD12: about 36% of its postcodes are in England (Northumberland), the rest in Scotland.
    l = locate(geo, "TD12");
    REQUIRE(l.ok);
    CHECK(l.note == "Most of TD12 is in Scotland. CQC covers England only, so if you live in the Scottish "
                    "part, contact the Care Inspectorate.");
    CHECK(l.place == "TD12 is in Northumberland's council area.");
    // TD15 (Berwick-upon-Tweed) is English; CH4 is 58.5% England.
    CHECK(nation_of(geo, "TD15") == Nation::England);
    CHECK(nation_of(geo, "CH4") == Nation::England);
    CHECK(nation_of(geo, "LD7") == Nation::Wales);
    // Away from borders there is no note.
    l = locate(geo, "B13");
    CHECK_FALSE(l.cross_border);
    CHECK(l.note.empty());

    SECTION("without the council lookup the built-in table decides") {
        Geography bare;
        CHECK(nation_of(bare, "CH4") == Nation::England);
        CHECK(nation_of(bare, "CH5") == Nation::Wales);
        CHECK(nation_of(bare, "HR3") == Nation::England);
        CHECK(nation_of(bare, "SY15") == Nation::Wales);
        CHECK(nation_of(bare, "NP7") == Nation::Wales);
        CHECK(nation_of(bare, "TD9") == Nation::Scotland);
        CHECK(nation_of(bare, "B13") == Nation::England);
    }
}

TEST_CASE("unknown postcodes get a kind message and nearby suggestions") {
    Geography geo = fixture();
    REQUIRE(geo.add_unit_pack("LE", read_text(kGeo + "units_LE.txt")));
    struct Case {
        const char* input;
        const char* message;
        std::vector<std::string> suggestions;
    };
    const Case cases[] = {
        // District known, sector not: try the district, then its sectors nearest in number.
        {"LE1 0AA",
         "We can't find LE1 0AA. Check it, or try just the first part, LE1.",
         {"LE1", "LE1 1", "LE1 2", "LE1 3", "LE1 4"}},
        {"LE1 0",
         "We can't find LE1 0. Check it, or try just the first part, LE1.",
         {"LE1", "LE1 1", "LE1 2", "LE1 3", "LE1 4"}},
        {"B13 5AB",
         "We can't find B13 5AB. Check it, or try just the first part, B13.",
         {"B13", "B13 3", "B13 8", "B13 9", "B13 0"}},
        // District unknown: nearest districts in the same area by number.
        {"B98",
         "We can't find B98. Check it, or try a nearby one, like B99.",
         {"B99", "B45", "B43", "B36", "B31"}},
        {"HR10 1AA",
         "We can't find HR10 1AA. Check it, or try a nearby one, like HR9.",
         {"HR9", "HR4", "HR3", "HR2", "HR1"}},
        // Nothing like it.
        {"AA1 1AA", "We can't find AA1 1AA. Check it, or try just the first part, like B13.", {}},
    };
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        const Location l = locate(geo, c.input);
        CHECK_FALSE(l.ok);
        CHECK(l.error == PostcodeError::NotKnown);
        CHECK(l.message == c.message);
        CHECK_THAT(l.suggestions, Equals(c.suggestions));
        CHECK(l.precision == GeoPrecision::None);
        CHECK_FALSE(l.needs_unit_pack);
    }
    SECTION("shape errors pass straight through") {
        Location l = locate(geo, "");
        CHECK(l.error == PostcodeError::Empty);
        CHECK(l.message == "Enter a postcode, like B13 9AB.");
        l = locate(geo, "B13 9AB!");
        CHECK(l.error == PostcodeError::InvalidCharacters);
        l = locate(geo, "hello");
        CHECK(l.error == PostcodeError::NotAPostcodeShape);
        CHECK(l.message == "That doesn't look like a postcode. Postcodes look like HR4 9AB.");
    }
    SECTION("an empty geography knows nothing but still parses") {
        const Location l = locate(Geography{}, "B13 9AB");
        CHECK(l.error == PostcodeError::NotKnown);
        CHECK(l.message == "We can't find B13 9AB. Check it, or try just the first part, like B13.");
    }
}

// One integration test on the real ONS data the app is built from: the repo's copy in assets/sources (copied
// from ../shared/data; assets/sources/README). Its speed is measured by scripts/bench-search, not here.
TEST_CASE("real ONS geography: load, decode, locate, every pack") {
    const std::string data = std::string(HCF_SOURCE_DIR) + "/assets/sources/";
    REQUIRE(std::filesystem::exists(data + "postcodes/B.txt"));
    Geography geo = load(data + "postcode_districts.csv", data + "postcode_sectors.csv",
                         data + "postcode_to_council/postcode_district_to_lad.csv");
    CHECK(geo.districts().size() == 3077);
    CHECK(geo.sectors().size() == 12269);
    CHECK(geo.council_district_count() == 2524);

    const std::string le = read_text(data + "postcodes/LE.txt");
    REQUIRE(geo.add_unit_pack("LE", le));
    const std::size_t le_count = geo.unit_count();
    const auto le11aa = geo.unit("LE1 1AA");
    REQUIRE(le11aa);
    CHECK(le11aa->lat == Approx(52.6321).margin(1e-9)); // README: source value 52.63212,-1.12498
    CHECK(le11aa->lng == Approx(-1.1250).margin(1e-9));

    // The largest English pack, B (62,690 postcodes).
    const std::string b = read_text(data + "postcodes/B.txt");
    REQUIRE(geo.add_unit_pack("B", b));
    CHECK(geo.unit_count() - le_count == 62690); // 62,769 lines less 79 district lines

    Location l = locate(geo, "LE1 1AA");
    REQUIRE(l.ok);
    CHECK(l.precision == GeoPrecision::Unit);
    CHECK(l.place == "LE1 is in Leicester's council area.");
    l = locate(geo, "HR4");
    REQUIRE(l.ok);
    CHECK(l.place == "HR4 is in Herefordshire's council area.");
    CHECK(l.precision == GeoPrecision::District);
    l = locate(geo, "B13");
    CHECK(l.precision == GeoPrecision::District);
    l = locate(geo, "B13 9");
    CHECK(l.precision == GeoPrecision::Sector);
    l = locate(geo, "B13 9AB"); // a unit in B.txt
    CHECK(l.ok);
    CHECK(l.precision == GeoPrecision::Unit);
    l = locate(geo, "HR4 9AB"); // HR pack not loaded
    CHECK(l.needs_unit_pack);
    CHECK(l.precision == GeoPrecision::Sector);
    l = locate(geo, "E17");
    CHECK(l.place == "E17 is in Waltham Forest's council area.");
    l = locate(geo, "S60");
    CHECK(l.place == "S60 is in Rotherham's council area.");
    l = locate(geo, "CM1");
    CHECK(l.place == "CM1 is in Essex County Council's area.");
    l = locate(geo, "LE8");
    CHECK(l.place == "LE8 is in Leicestershire County Council's area.");
    l = locate(geo, "AB10 1AA");
    CHECK(l.error == PostcodeError::OutsideEngland);
    CHECK(locate(geo, "TD15").ok);
    CHECK_FALSE(locate(geo, "TD9").ok);
    CHECK_FALSE(locate(geo, "DG16").ok);

    // Every area's pack parses, and together they hold every postcode in them: each line that is not a
    // district's ("#B1,...") is one postcode.
    Geography all;
    std::size_t packs = 0, postcode_lines = 0;
    for (const auto& entry : std::filesystem::directory_iterator(data + "postcodes")) {
        const std::string area = entry.path().stem().string();
        const std::string text = read_text(entry.path().string());
        const Expected<void> added = all.add_unit_pack(area, text);
        INFO("pack " << area << ": " << added.error());
        CHECK(added);
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty() && line[0] != '#') ++postcode_lines;
        ++packs;
    }
    CHECK(packs == 104); // the postcode areas with a postcode in England (docs/updating-data.md)
    CHECK(all.unit_count() == postcode_lines);
    CHECK(all.unit_count() > 2000000);

    // B1 to LE1 centroids, from the real district file: 55.1376 km (see the haversine test case).
    const District* b1 = geo.district("B1");
    const District* le1 = geo.district("LE1");
    REQUIRE(b1);
    REQUIRE(le1);
    CHECK(distance_km(b1->centre, le1->centre) == Approx(55.1376).margin(0.001));
}
