// homecare-finder tests: one person's session (mirrors src/core/session.cpp).
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;

namespace {
Geography tiny_geography() {
    Geography geo;
    geo.set_districts({{"HR4", "HR", {52.07, -2.76}, 100}, {"B13", "B", {52.43, -1.88}, 200}});
    return geo;
}
} // namespace

TEST_CASE("a session is not ready until it has data, and says so kindly") {
    Session s;
    CHECK_FALSE(s.ready());
    s.set_postcode_input("HR4");
    CHECK_FALSE(s.find_care());
    CHECK(s.message() == "The care information is still loading. Please wait a moment.");
    s.set_load_error("The care information file is damaged.");
    CHECK_FALSE(s.find_care());
    CHECK(s.message() == "The care information file is damaged.");
}

TEST_CASE("find_care places a known district and reports a malformed one") {
    Session s;
    s.set_geography(tiny_geography());
    REQUIRE(s.ready());
    s.set_postcode_input("hr4");
    CHECK(s.find_care());
    CHECK(s.location().postcode.normalised == "HR4");
    CHECK(s.location().precision == GeoPrecision::District);
    CHECK(s.location().centre.lat == Approx(52.07));
    CHECK(s.message().find("HR4") != std::string::npos);

    s.set_postcode_input("12345");
    CHECK_FALSE(s.find_care());
    CHECK(s.message() == parse_postcode("12345").message);
}

TEST_CASE("state_json carries what the browser tests read") {
    Session s;
    s.set_geography(tiny_geography());
    s.set_postcode_input("B13");
    s.find_care();
    const auto j = nlohmann::json::parse(s.state_json());
    CHECK(j["ready"] == true);
    CHECK(j["input"] == "B13");
    CHECK(j["location"]["ok"] == true);
    CHECK(j["location"]["postcode"] == "B13");
    CHECK(j["location"]["precision"] == "district");
}
