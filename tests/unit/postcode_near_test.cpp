// homecare-finder tests: real postcodes one letter away from a mistyped one (mirrors
// src/core/postcode_near.cpp). Depends on: hcf_core, Catch2; fixture tests/data/geo/units_LE.txt (a real
// subset of LE1 and LE2). SPDX-License-Identifier: MIT
#include "core/postcode_near.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace hcf::core;
using hcf::test::read_text;

namespace {
// LE1 1 as in the fixture, with or without its unit postcodes.
Geography le1(bool with_units) {
    Geography geo;
    geo.set_districts({{"LE1", "LE", {52.63344, -1.13247}, 12}});
    geo.set_sectors({{"LE1 1", "LE1", {52.63401, -1.12804}, 12}});
    if (with_units) REQUIRE(geo.add_unit_pack("LE", read_text(HCF_TEST_DATA_DIR "/geo/units_LE.txt")));
    return geo;
}
} // namespace

TEST_CASE("a mistyped postcode is read as its sector and the two letters typed") {
    const NearMiss n = near_miss_of(" le1 1cj ");
    CHECK(n.sector == "LE1 1");
    CHECK(n.area == "LE");
    CHECK(n.letters == "CJ");
    CHECK(near_miss_of("LE11CJ").sector == "LE1 1"); // no space
    CHECK(near_miss_of("LE1").sector.empty());       // too short to be a full postcode
    CHECK(near_miss_of("LE1 12J").sector.empty());   // a digit where a letter goes: not this kind of slip
    CHECK(near_miss_of("QQ1 1AV").sector.empty());   // the outward code is not well formed
    CHECK(near_miss_of("LE1 1AB").sector.empty());   // well formed: no letter is to blame
    CHECK(near_miss_of("LE1 1AV!").sector.empty());  // a stray character is what is wrong
}

TEST_CASE("only real postcodes of the same sector, one letter away, are offered") {
    const Geography geo = le1(true);
    // C is never used there; A in its place gives the real LE1 1AJ, and no letter in place of J can make
    // "LE1 1C?" real.
    CHECK(postcodes_one_letter_away(geo, near_miss_of("LE1 1CJ"), 3) == std::vector<std::string>{"LE1 1AJ"});
    // V is never used: every real LE1 1A? is one letter away. The keys next to V come first (B, then F: a row
    // up; C is never used, G is not in LE1 1), then D and H (further, the same distance: in alphabetical
    // order).
    CHECK(postcodes_one_letter_away(geo, near_miss_of("LE1 1AV"), 4) ==
          std::vector<std::string>{"LE1 1AB", "LE1 1AF", "LE1 1AD", "LE1 1AH"});
    CHECK(postcodes_one_letter_away(geo, near_miss_of("LE1 1AV"), 20).size() == 12);
    CHECK(postcodes_one_letter_away(geo, near_miss_of("LE1 1ZV"), 3).empty()); // two letters away from all
    // The pack must be there to know.
    CHECK(postcodes_one_letter_away(le1(false), near_miss_of("LE1 1CJ"), 3).empty());
}

TEST_CASE("the offer is said in plain words") {
    CHECK(did_you_mean({}).empty());
    CHECK(did_you_mean({"LE1 1AJ"}) == "Did you mean LE1 1AJ?");
    CHECK(did_you_mean({"LE1 1AA", "LE1 1AB"}) == "Did you mean LE1 1AA or LE1 1AB?");
    CHECK(did_you_mean({"LE1 1AA", "LE1 1AB", "LE1 1AD"}) == "Did you mean LE1 1AA, LE1 1AB or LE1 1AD?");
}

TEST_CASE("locate says which part is wrong, asks for the area's pack, then offers the near postcodes") {
    const Location before = locate(le1(false), "LE1 1CJ");
    CHECK_FALSE(before.ok);
    CHECK(before.error == PostcodeError::NotAPostcodeShape);
    CHECK(before.needs_unit_pack);
    CHECK(before.postcode.area == "LE");
    CHECK(before.message == "The last part of a postcode never uses the letter C, so LE1 1CJ is not a "
                            "postcode. Check the last two "
                            "letters.");
    const Location after = locate(le1(true), "LE1 1CJ");
    CHECK_FALSE(after.ok);
    CHECK_FALSE(after.needs_unit_pack);
    CHECK(after.suggestions == std::vector<std::string>{"LE1 1AJ"});
    CHECK(after.message == before.message + " Did you mean LE1 1AJ?");
    // A sector the data does not know offers nothing and asks for nothing.
    const Location unknown = locate(le1(false), "LE9 1CJ");
    CHECK_FALSE(unknown.needs_unit_pack);
    CHECK(unknown.suggestions.empty());
}
