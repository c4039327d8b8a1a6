// homecare-finder tests: a council's own help and our coverage of it (mirrors src/core/council_help.cpp).
// SPDX-License-Identifier: MIT
#include "core/council_help.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

namespace {

// Two councils from the council lookup, one declared complete by a source with a date in words.
Bundle bundle() {
    Bundle b;
    b.lads = {{"E06000019", "Herefordshire, County of", "E06000019", "Herefordshire, County of", "unitary"},
              {"E09000031", "Waltham Forest", "E09000031", "Waltham Forest", "london_borough"}};
    b.contacts = *read_council_contacts(hcf::test::read_fixture("councils/council_contacts_5.csv"), "c.csv");
    SourceInfo london;
    london.id = "london";
    london.edition = "2026-06-30";
    london.edition_words = "first half of 2026";
    b.info.sources = {london};
    b.info.coverage = {{"E09000031", "Waltham Forest", 56, true, "london"},
                       {"E06000019", "Herefordshire, County of", 2, false, ""}};
    return b;
}

} // namespace

TEST_CASE("council_help: a council the data covers completely") {
    const Bundle b = bundle();
    const CouncilHelp h =
        council_help(b, {{"E09000031", "Waltham Forest", "E09000031", "Waltham Forest", 1.0}});
    REQUIRE(h.known);
    CHECK(h.name == "Waltham Forest");
    CHECK(h.complete);
    CHECK(h.not_covered.empty());
    CHECK(h.holdings ==
          "56 home care agencies in our information (CQC register, first half of 2026): all that "
          "register lists for Waltham Forest.");
    REQUIRE(h.contact);
    CHECK(h.contact->phone == "020 8496 3000");
}

TEST_CASE("council_help: a council the data does not cover says so first") {
    const Bundle b = bundle(); // the contact points into the bundle
    const CouncilHelp h = council_help_for_code(b, "E06000019");
    REQUIRE(h.known);
    CHECK(h.name == "Herefordshire");
    CHECK_FALSE(h.complete);
    CHECK(h.not_covered == "We do not have the agencies in Herefordshire yet.");
    CHECK(h.holdings ==
          "Our information has only 2 of the home care agencies in Herefordshire, so many are missing.");
    REQUIRE(h.contact);
    CHECK(h.contact->directory_name == "Talk Community Directory");
    CHECK_FALSE(council_help_for_code(b, "E99999999").known);
    CHECK_FALSE(council_help(b, {}).known);
}
