// homecare-finder tests: one person's session (mirrors src/core/session.cpp).
// SPDX-License-Identifier: MIT
#include "core/session.h"
#include "core/session_state.h"
#include "core/text_format.h"

#include "session_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;
using hcf::test::result_ids;
using hcf::test::tiny_bundle;

TEST_CASE("a session is not ready until it has data, and says so kindly") {
    Session s;
    CHECK_FALSE(s.ready());
    s.set_postcode_input("HR4");
    CHECK_FALSE(s.find_care());
    CHECK(s.message() == "Your search will start as soon as the care information has loaded.");
    CHECK(s.search_waiting());
    s.set_load_error("The care information file is damaged.");
    CHECK_FALSE(s.find_care());
    CHECK(s.message() == "The care information file is damaged.");
    CHECK_FALSE(s.search_waiting());
    SECTION("a damaged bundle is refused with a message") {
        const Expected<void> load = s.load_bundle("not a bundle");
        CHECK_FALSE(load.ok());
        CHECK_FALSE(load.error().empty());
        CHECK_FALSE(s.ready());
        CHECK_FALSE(s.find_care());
        CHECK(s.message() == load.error()); // the person sees the same words
    }
}

TEST_CASE("Find care pressed while the data loads searches once it arrives; a postcode only typed waits") {
    Session s;
    s.set_postcode_input("b13");
    SECTION("pressed: searched on arrival") {
        CHECK_FALSE(s.find_care());
        REQUIRE(s.search_waiting());
        s.set_bundle(tiny_bundle());
        CHECK_FALSE(s.search_waiting());
        CHECK(s.has_search());
        CHECK(s.screen() == Screen::Results);
        CHECK_FALSE(result_ids(s).empty());
    }
    SECTION("typed only: the person is not taken anywhere") {
        s.set_bundle(tiny_bundle());
        CHECK_FALSE(s.has_search());
        CHECK(s.screen() == Screen::Start);
    }
    SECTION("pressed, then other words typed: the wait is over, nothing is searched") {
        CHECK_FALSE(s.find_care());
        s.set_postcode_input("b1");
        CHECK_FALSE(s.search_waiting());
        s.set_bundle(tiny_bundle());
        CHECK_FALSE(s.has_search());
        CHECK(s.screen() == Screen::Start);
    }
}

TEST_CASE("find care places the postcode, searches and shows the results") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.set_postcode_input("b13");
    REQUIRE(s.find_care());
    CHECK(s.screen() == Screen::Results);
    CHECK(s.location().postcode.normalised == "B13");
    CHECK(result_ids(s) == std::vector<std::string>{"1-100", "1-200"}); // within 5 miles, nearest first
    CHECK(s.summary().find("2 agencies") != std::string::npos);

    SECTION("help needed filters by the CQC bands it maps to") {
        s.set_help("dementia", true);
        CHECK(result_ids(s) == std::vector<std::string>{"1-100"});
        s.set_help("personal_care", true); // every agency offers it: no extra filter
        CHECK(result_ids(s) == std::vector<std::string>{"1-100"});
    }
    SECTION("widening finds the agency 6.9 miles away") {
        CHECK(s.results().can_widen);
        CHECK(s.widen());
        CHECK(s.radius() == 10.0);
        CHECK(result_ids(s).size() == 3);
    }
    SECTION("sort by rating and minimum rating") {
        s.set_radius(10);
        s.set_sort(SortOrder::Rating);
        CHECK(result_ids(s) == std::vector<std::string>{"1-200", "1-100", "1-300"});
        s.set_min_rating(Rating::Good, false);
        CHECK(result_ids(s) == std::vector<std::string>{"1-200", "1-100"});
    }
    SECTION("a mistyped postcode keeps the person on the start screen") {
        s.go(Screen::Start);
        s.set_postcode_input("12345");
        CHECK_FALSE(s.find_care());
        CHECK(s.message() == parse_postcode("12345").message);
        CHECK(s.screen() == Screen::Start);
        CHECK(s.results().matches.empty());
    }
}

TEST_CASE("an agency index the session does not hold gives an empty agency, never an exception") {
    Session s;
    CHECK(s.provider(0).location_id.empty()); // no data yet
    s.set_bundle(tiny_bundle());
    s.set_postcode_input("b13");
    REQUIRE(s.find_care());
    const std::size_t first = s.results().matches.at(0).index;
    CHECK(s.provider(first).location_id == "1-100");
    CHECK(s.provider(1000000).location_id.empty());
    CHECK(s.provider(1000000).name.empty());
}

TEST_CASE("back returns to where the person came from") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.set_postcode_input("B13");
    s.find_care();
    s.open_agency(0);
    CHECK(s.screen() == Screen::Agency);
    CHECK(s.agency()->location_id == "1-100");
    s.back();
    CHECK(s.screen() == Screen::Results);
    s.back();
    CHECK(s.screen() == Screen::Start);
}

TEST_CASE("the data's date is said plainly, for people using it offline") {
    Session s;
    CHECK(s.data_dated().empty()); // nothing to date before the data arrives
    s.set_bundle(tiny_bundle());
    CHECK(s.data_dated() ==
          "Information dated 1 September 2026 (CQC register)."); // no source with a date in words
    CHECK(nlohmann::json::parse(session_state_json(s))["dataDated"] == s.data_dated());
}
