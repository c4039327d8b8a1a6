// homecare-finder tests: share links (mirrors src/core/url_state.cpp).
// SPDX-License-Identifier: MIT
#include "core/url_state.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("a share state round-trips through the query string") {
    ShareState s;
    s.postcode = "B13 9AB";
    s.help = {"dementia", "physical"};
    s.radius_miles = 10;
    s.sort = SortOrder::Rating;
    s.min_rating = Rating::Good;
    s.include_not_rated = false;
    s.shortlist = {"1-123", "1-456"};
    s.council = "essex";
    s.screen = "shortlist";
    const std::string q = encode_share_state(s);
    CHECK(q ==
          "pc=B13%209AB&help=dementia,physical&r=10&sort=rating&min=good&nr=0&sl=1-123,1-456&council=essex"
          "&s=shortlist");
    const ShareState back = decode_share_state("?" + q);
    CHECK(back.postcode == s.postcode);
    CHECK(back.help == s.help);
    CHECK(back.radius_miles == 10);
    CHECK(back.sort == SortOrder::Rating);
    CHECK(back.min_rating == Rating::Good);
    CHECK_FALSE(back.include_not_rated);
    CHECK(back.shortlist == s.shortlist);
    CHECK(back.council == "essex");
    CHECK(back.screen == "shortlist");
}

TEST_CASE("crafted values are dropped, never passed on") {
    std::vector<std::string> problems;
    const ShareState s = decode_share_state(
        "pc=%3Cscript%3E&help=a%22b,dementia&r=1e9&sort=evil&min=superb&sl=1-1,<img>,1-1&council=Essex!&a=x",
        &problems);
    CHECK(s.postcode.empty());
    CHECK(s.help == std::vector<std::string>{"dementia"});
    CHECK(s.radius_miles == 5.0);
    CHECK(s.sort == SortOrder::Distance);
    CHECK(s.min_rating == Rating::NotRated);
    CHECK(s.shortlist == std::vector<std::string>{"1-1"});
    CHECK(s.council.empty());
    CHECK(s.agency.empty());
    CHECK(problems.size() == 8);
}

TEST_CASE("percent decoding copes with broken escapes") {
    CHECK(percent_decode("a%20b+c") == "a b c");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz") == "%zz");
    CHECK(percent_encode("B13 9AB") == "B13%209AB");
    CHECK(valid_location_id("1-2375497294"));
    CHECK_FALSE(valid_location_id("1-"));
    CHECK_FALSE(valid_location_id("2-123"));
}
