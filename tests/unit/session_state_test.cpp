// homecare-finder tests: the session as JSON for the browser tests and the mirror (mirrors
// src/core/session_state.cpp). SPDX-License-Identifier: MIT
#include "core/session_state.h"

#include "session_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;
using hcf::test::result_ids;
using hcf::test::tiny_bundle;

TEST_CASE("state_json carries what the browser tests read") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.set_postcode_input("B13");
    s.find_care();
    const auto j = nlohmann::json::parse(session_state_json(s));
    CHECK(j["ready"] == true);
    CHECK(j["screen"] == "results");
    CHECK(j["input"] == "B13");
    CHECK(j["location"]["postcode"] == "B13");
    CHECK(j["location"]["precision"] == "district");
    CHECK(j["search"]["total"] == 2);
    CHECK(j["search"]["results"][0]["id"] == "1-100");
}

TEST_CASE("before the data there is no data section, and the update section is there") {
    Session s;
    const auto j = nlohmann::json::parse(session_state_json(s));
    CHECK(j["ready"] == false);
    CHECK_FALSE(j.contains("data"));
    CHECK(j["agency"].is_null());
    CHECK(j["councilHelp"].is_null());
    CHECK(j["update"]["active"] == false);
    CHECK(j["means"].contains("savingsPence"));
    CHECK_FALSE(j["means"].contains("ok"));
}
