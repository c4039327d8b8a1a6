// homecare-finder tests: a session's shortlist and share link (mirrors src/core/session_shortlist.cpp).
// SPDX-License-Identifier: MIT
#include "core/session.h"
#include "core/session_state.h"

#include "session_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;
using hcf::test::result_ids;
using hcf::test::tiny_bundle;

TEST_CASE("a share link reproduces the search and the shortlist, even before the data arrives") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.set_postcode_input("B13");
    s.set_help("dementia", true);
    s.find_care();
    s.set_sort(SortOrder::Name);
    s.toggle_shortlist("1-100");
    const std::string q = s.share_query();
    CHECK(q == "pc=B13&help=dementia&sort=name&sl=1-100&s=results");

    Session early;
    early.apply_share_query("?" + q);
    CHECK_FALSE(early.ready());
    early.set_bundle(tiny_bundle());
    CHECK(early.screen() == Screen::Results);
    CHECK(result_ids(early) == result_ids(s));
    CHECK(early.shortlist() == s.shortlist());
    CHECK(early.query().sort == SortOrder::Name);
}

TEST_CASE("the address keeps how the page is embedded; the link a person takes away does not") {
    Session s;
    s.apply_share_query("kiosk=1&idle=30&theme=1d70b8&lang=cy&council=essex&theme=bogus");
    CHECK(s.page().kiosk);
    CHECK(s.share_query() == "council=essex&kiosk=1&idle=30&theme=1d70b8&lang=cy");
    CHECK(s.share_link_query() == "council=essex&theme=1d70b8&lang=cy");
    CHECK(s.page().header_colour == std::optional<std::uint32_t>(0x1d70b8));
    CHECK(s.page().lang == "cy");
    CHECK_FALSE(s.page().language_available);
    CHECK(s.page().idle_seconds == 30);
    const auto j = nlohmann::json::parse(session_state_json(s));
    CHECK(j["embed"]["idle"] == 30);
    CHECK(j["embed"]["idleSeconds"] == 30);
    CHECK(j["embed"]["langAvailable"] == false);
    CHECK(nlohmann::json::parse(session_state_json(Session()))["embed"]["idleSeconds"] ==
          kDefaultIdleSeconds);
}

TEST_CASE("a kiosk's address never holds the person's search or shortlist (issue 16, item 11)") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.apply_share_query("kiosk=1&idle=30&council=essex");
    s.set_postcode_input("B13");
    REQUIRE(s.find_care());
    s.toggle_shortlist("1-100");
    s.open_agency(0);
    CHECK(s.share_query() == "council=essex&kiosk=1&idle=30");
    CHECK(s.share_link_query().find("sl=1-100") != std::string::npos); // the QR code still takes it away
    Session web; // the same steps outside kiosk mode keep them in the address, for reloads and links
    web.set_bundle(tiny_bundle());
    web.set_postcode_input("B13");
    REQUIRE(web.find_care());
    web.toggle_shortlist("1-100");
    CHECK(web.share_query().find("sl=1-100") != std::string::npos);
}

TEST_CASE("a tampered share link cannot fill the shortlist with phantoms (issue 13)") {
    Session s;
    std::string sl = "1-200,not-an-id,1-2x3";
    for (int i = 0; i < 300; ++i)
        sl += ",1-9" + std::to_string(100000 + i); // well formed, but no such agency
    s.apply_share_query("sl=" + sl);
    s.set_bundle(tiny_bundle());
    // Ids that are not well formed are dropped; the link adds no more than the shortlist's limit.
    CHECK(s.shortlist().size() == kMaxShortlist);
    CHECK(s.shortlist().front() == "1-200");
    // Those not in the data are only "may have closed": not agencies on the list.
    CHECK(s.shortlist_indices().size() == 1);
    CHECK(s.shortlist_missing() == kMaxShortlist - 1);
    // A real agency added to a full list takes the place of one that is not in the data.
    s.toggle_shortlist("1-100");
    CHECK(s.in_shortlist("1-100"));
    CHECK(s.shortlist().size() == kMaxShortlist);
    CHECK(s.shortlist_missing() == kMaxShortlist - 2);
    // One action removes them all.
    s.remove_missing_from_shortlist();
    CHECK(s.shortlist() == std::vector<std::string>{"1-200", "1-100"});
    CHECK(s.shortlist_missing() == 0);
}
