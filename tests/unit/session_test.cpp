// homecare-finder tests: one person's session (mirrors src/core/session.cpp).
// SPDX-License-Identifier: MIT
#include "core/session.h"
#include "core/text_format.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;

namespace {
Provider agency(std::string id, std::string name, LatLng at, Rating r, Needs needs) {
    Provider p;
    p.location_id = std::move(id);
    p.name = std::move(name);
    p.postcode = "B13 9AA";
    p.location = at;
    p.precision = GeoPrecision::Sector;
    p.overall = r;
    p.needs = needs;
    p.service_types = ServiceHomecare;
    return p;
}

// Two districts and three agencies. B13's centre is 52.43 N, 1.88 W; 0.01 degrees of latitude is
// 0.691 miles, so the agencies sit about 0.7, 1.4 and 6.9 miles north of it.
Bundle tiny_bundle() {
    Bundle b;
    b.geography.set_districts({{"HR4", "HR", {52.07, -2.76}, 100}, {"B13", "B", {52.43, -1.88}, 200}});
    b.providers.push_back(
        agency("1-100", "Alpha Care", {52.44, -1.88}, Rating::Good, NeedDementia | NeedOlderPeople));
    b.providers.push_back(
        agency("1-200", "Beta <Care>", {52.45, -1.88}, Rating::Outstanding, NeedOlderPeople));
    b.providers.push_back(
        agency("1-300", "Gamma Care", {52.53, -1.88}, Rating::RequiresImprovement, NeedDementia));
    b.info.cqc_edition = "2026-09-01";
    return b;
}

std::vector<std::string> result_ids(const Session& s) {
    std::vector<std::string> ids;
    for (const auto& m : s.results().matches)
        ids.push_back(s.provider(m.index).location_id);
    return ids;
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
    SECTION("a damaged bundle is refused with a message") {
        std::string message;
        CHECK_FALSE(s.load_bundle("not a bundle", &message));
        CHECK_FALSE(message.empty());
        CHECK_FALSE(s.ready());
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

TEST_CASE("the shortlist survives a reload through storage, and a corrupt store is reset with a notice") {
    Session s;
    s.set_bundle(tiny_bundle());
    CHECK(s.storage_json().empty()); // nothing saved, nothing stored
    s.toggle_shortlist("1-200");
    s.toggle_shortlist("1-100");
    s.toggle_shortlist("not-an-id");
    s.settings().text_size_percent = 150;
    CHECK(s.shortlist() == std::vector<std::string>{"1-200", "1-100"});

    Session reloaded;
    reloaded.restore_storage(s.storage_json());
    CHECK(reloaded.shortlist() == std::vector<std::string>{"1-200", "1-100"});
    CHECK(reloaded.settings().text_size_percent == 150);
    CHECK(reloaded.notice().empty());

    // (one bad entry among good ones: session_storage_test.cpp)
    for (const char* bad : {"{", "[]", R"({"version":0,"shortlist":[]})"}) {
        Session corrupt;
        corrupt.restore_storage(bad);
        CHECK(corrupt.shortlist().empty());
        CHECK(corrupt.take_notice() ==
              "Your saved shortlist and settings could not be read, so they have been cleared. Sorry.");
    }
    s.clear_my_information();
    CHECK(s.shortlist().empty());
    CHECK(s.settings().text_size_percent == 100);
}

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

TEST_CASE("the printable page escapes what the data holds") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.toggle_shortlist("1-200");
    const std::string html = s.print_html("2026-12-01");
    CHECK(html.find("Beta &lt;Care&gt;") != std::string::npos);
    CHECK(html.find("Beta <Care>") == std::string::npos);
}

TEST_CASE("the printable page says the day it was printed, and the data's date separately (issue 13)") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.toggle_shortlist("1-200");
    const std::string html = s.print_html("2026-12-01");
    CHECK(html.find("Made on 1 December 2026.") != std::string::npos);
    const std::string data = format_date(s.bundle()->info.cqc_edition);
    REQUIRE_FALSE(data.empty());
    CHECK(data != "1 December 2026");
    CHECK(html.find("data of " + data) != std::string::npos);
}

TEST_CASE("state_json carries what the browser tests read") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.set_postcode_input("B13");
    s.find_care();
    const auto j = nlohmann::json::parse(s.state_json());
    CHECK(j["ready"] == true);
    CHECK(j["screen"] == "results");
    CHECK(j["input"] == "B13");
    CHECK(j["location"]["postcode"] == "B13");
    CHECK(j["location"]["precision"] == "district");
    CHECK(j["search"]["total"] == 2);
    CHECK(j["search"]["results"][0]["id"] == "1-100");
}

TEST_CASE("the address keeps how the page is embedded; the link a person takes away does not") {
    Session s;
    s.apply_share_query("kiosk=1&idle=30&theme=1d70b8&lang=cy&council=essex&theme=bogus");
    CHECK(s.kiosk());
    CHECK(s.share_query() == "council=essex&kiosk=1&idle=30&theme=1d70b8&lang=cy");
    CHECK(s.share_link_query() == "council=essex&theme=1d70b8&lang=cy");
    CHECK(s.has_theme());
    CHECK(s.theme_colour() == 0x1d70b8);
    CHECK(s.language() == "cy");
    CHECK_FALSE(s.language_available());
    const auto j = nlohmann::json::parse(s.state_json());
    CHECK(j["embed"]["idle"] == 30);
    CHECK(j["embed"]["idleSeconds"] == 30);
    CHECK(j["embed"]["langAvailable"] == false);
    CHECK(nlohmann::json::parse(Session().state_json())["embed"]["idleSeconds"] == kDefaultIdleSeconds);
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

TEST_CASE("the data's date is said plainly, for people using it offline") {
    Session s;
    CHECK(s.data_dated().empty()); // nothing to date before the data arrives
    s.set_bundle(tiny_bundle());
    CHECK(s.data_dated() ==
          "Information dated 1 September 2026 (CQC register)."); // no source with a date in words
    CHECK(nlohmann::json::parse(s.state_json())["dataDated"] == s.data_dated());
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
