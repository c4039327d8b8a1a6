// homecare-finder tests: provider search (core/search) on the FIXTURE providers in tests/data/search.
// Depends on: core/search.h, core/geography.h, core/text_fold.h, tests/data/search/fixture.h, Catch2 v2.
// SPDX-License-Identifier: MIT
//
// Expected distances come from tests/data/search/README.md: the centre is (52.45, -1.88) and most agencies
// are due north or south of it, so km = |dlat| x pi/180 x 6371.0088 and miles = km / 1.609344.
#include "core/geography.h"
#include "core/search.h"
#include "core/text_fold.h"

#include "../data/search/fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace hcf::core;

namespace {

const std::vector<Provider>& fixture() {
    static const std::vector<Provider> p =
        hcf::test::load_fixture_providers(HCF_TEST_DATA_DIR "/search/providers.csv");
    return p;
}

SearchQuery base_query() {
    SearchQuery q;
    q.centre = {52.45, -1.88};
    q.radius_miles = 5;
    q.page_size = 0; // everything on one page unless a test says otherwise
    return q;
}

std::vector<std::string> ids(const SearchEngine& e, const SearchResult& r) {
    std::vector<std::string> out;
    for (const Match& m : r.matches)
        out.push_back(e.providers()[m.index].location_id);
    return out;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("fixture loads as the README describes") {
    REQUIRE(fixture().size() == 13);
    CHECK(fixture()[2].name == "Café Care (Fixture)");
    CHECK(fixture()[2].provider_name == "Fixture Café, Tea & Care Ltd");
    CHECK(fixture()[6].overall == Rating::NotRated);
    CHECK(fixture()[12].precision == GeoPrecision::None);
    CHECK(fixture()[12].rating_in_data == false);
    CHECK(fixture()[0].rating_in_data == true);
}

TEST_CASE("search by distance lists nearest first with hand-checked distances") {
    const SearchEngine e(fixture());
    CHECK(e.placed_count() == 12);
    CHECK(e.unplaced_count() == 1); // FIX-13 has no postcode
    const SearchResult r = e.search(base_query());
    REQUIRE(r.ok);
    CHECK(r.message.empty());
    CHECK(r.total == 9);
    CHECK(r.in_radius == 9);
    // FIX-04, 05, 06 share a point: ties go to the folded name ("fixture alpha care" first), then the id.
    CHECK(ids(e, r) ==
          Ids{"FIX-11", "FIX-01", "FIX-08", "FIX-07", "FIX-03", "FIX-06", "FIX-04", "FIX-05", "FIX-02"});
    const double km[] = {0.0, 1.111951, 1.355365, 1.667926, 2.033047, 2.223902, 2.223902, 2.223902, 2.779877};
    const double miles[] = {0.0,      0.690934, 0.842185, 1.036401, 1.263277,
                            1.381868, 1.381868, 1.381868, 1.727335};
    for (std::size_t i = 0; i < r.matches.size(); ++i) {
        INFO("match " << i);
        CHECK(r.matches[i].distance_km == Approx(km[i]).margin(1e-6));
        CHECK(r.matches[i].distance_miles == Approx(miles[i]).margin(1e-6));
    }
    // Counts at the standard distances up to the radius; wider ones are not counted for a long list.
    REQUIRE(r.by_radius.size() == 5);
    CHECK(r.by_radius[0].radius_miles == 1);
    CHECK(r.by_radius[0].count == 3);
    CHECK(r.by_radius[1].count == 9);
    CHECK(r.by_radius[2].count == 9);
    CHECK(r.by_radius[2].known);
    CHECK_FALSE(r.by_radius[3].known);
    CHECK_FALSE(r.by_radius[4].known);
    CHECK_FALSE(r.can_widen);
    // FIX-10 is 5.038473 miles away: just outside 5 miles. FIX-09 is 6.909342 miles away.
    CHECK(e.count_within(base_query(), 10) == 11);
    CHECK(e.count_within(base_query(), 20) == 11); // London (99.6 miles) never counted
    CHECK(r.advice.empty());                       // 9 found: no nudge
    CHECK(result_summary(r, 5, "B13 9AB") == "9 agencies within 5 miles of B13 9AB");
}

TEST_CASE("each match says why it is listed") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.needs = NeedDementia;
    const SearchResult r = e.search(q);
    REQUIRE(r.ok);
    CHECK(ids(e, r) == Ids{"FIX-01", "FIX-08", "FIX-07", "FIX-03", "FIX-04", "FIX-05"});
    CHECK(r.matches[0].reasons ==
          std::vector<std::string>{"0.7 miles away", "Supports people with dementia", "Rated Good"});
    CHECK(r.matches[0].needs_covered == NeedDementia);
    CHECK(!r.matches[0].approximate);
    CHECK(r.matches[1].reasons ==
          std::vector<std::string>{"0.8 miles away", "Supports people with dementia", "Rated Inadequate"});
    CHECK(r.matches[2].reasons ==
          std::vector<std::string>{"1 mile away", "Supports people with dementia", "Not yet rated"});

    // FIX-11 sits at the centre but is only placed by its postcode district.
    const SearchResult all = e.search(base_query());
    REQUIRE(!all.matches.empty());
    CHECK(all.matches[0].approximate);
    CHECK(all.matches[0].reasons ==
          std::vector<std::string>{"About 0.1 miles away (we only know its postcode area)", "Rated Good"});
}

TEST_CASE("needs: all ticked must match by default, or any of them") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.needs = NeedDementia | NeedPhysicalDisability;
    SearchResult r = e.search(q);
    CHECK(ids(e, r) == Ids{"FIX-03", "FIX-04"});
    CHECK(r.matches[0].needs_covered == (NeedDementia | NeedPhysicalDisability));
    CHECK(r.matches[0].reasons == std::vector<std::string>{"1.3 miles away", "Supports people with dementia",
                                                           "Supports people with a physical disability",
                                                           "Rated Requires improvement"});

    q.needs_match = MatchMode::Any;
    r = e.search(q);
    CHECK(ids(e, r) == Ids{"FIX-01", "FIX-08", "FIX-07", "FIX-03", "FIX-06", "FIX-04", "FIX-05"});
    CHECK(r.matches[4].needs_covered == NeedPhysicalDisability); // FIX-06: older people + physical only

    q.needs = NeedLearningDisability | NeedAutism;
    q.needs_match = MatchMode::All;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-11"});
    q.needs = NeedChildren;
    CHECK(e.search(q).total == 0);
}

TEST_CASE("minimum rating, with and without agencies not yet rated") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.min_rating = Rating::Good;
    q.include_not_rated = false;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-11", "FIX-01", "FIX-06", "FIX-04", "FIX-05", "FIX-02"});
    q.include_not_rated = true;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-11", "FIX-01", "FIX-07", "FIX-06", "FIX-04", "FIX-05", "FIX-02"});
    q.min_rating = Rating::Outstanding;
    q.include_not_rated = false;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-02"});
    // No minimum means every agency, rated or not (the flag only widens a minimum).
    q.min_rating = Rating::NotRated;
    CHECK(e.search(q).total == 9);
    q.include_not_rated = true;
    CHECK(e.search(q).total == 9);
    q.include_not_rated = false;
    q.min_rating = Rating::RequiresImprovement;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-11", "FIX-01", "FIX-03", "FIX-06", "FIX-04", "FIX-05", "FIX-02"});
}

TEST_CASE("a minimum rating shows only agencies with that rating unless asked (issue 13)") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query(); // left as it comes: agencies not yet rated are not added to a minimum
    CHECK_FALSE(q.include_not_rated);
    q.min_rating = Rating::Good;
    const SearchResult r = e.search(q);
    REQUIRE(r.total > 0);
    for (const Match& m : r.matches)
        CHECK(e.providers()[m.index].overall >= Rating::Good);
}

TEST_CASE("a rating missing from the data is never called 'not yet rated'") {
    std::vector<Provider> providers = fixture();
    providers[6].rating_in_data = false; // FIX-07, as if found only in the care directory (no ratings)
    const SearchEngine e(providers);
    SearchQuery q = base_query();
    q.needs = NeedDementia;
    SearchResult r = e.search(q);
    REQUIRE(r.matches.size() == 6);
    REQUIRE(e.providers()[r.matches[2].index].location_id == "FIX-07");
    CHECK(r.matches[2].reasons == std::vector<std::string>{"1 mile away", "Supports people with dementia",
                                                           "Rating not in our information: see CQC"});
    // It is filtered like an agency not yet rated.
    q.min_rating = Rating::Good;
    q.include_not_rated = false;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-01", "FIX-04", "FIX-05"});
    q.include_not_rated = true;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-01", "FIX-07", "FIX-04", "FIX-05"});

    CHECK(rating_known(fixture()[6]));        // FIX-07: known to be not yet rated
    CHECK_FALSE(rating_known(fixture()[12])); // FIX-13: no rating in the data
    CHECK(rating_reason(fixture()[0]) == "Rated Good");
    CHECK(rating_reason(fixture()[6]) == "Not yet rated");
}

TEST_CASE("free text ignores case and accents and searches provider names too") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    struct Case {
        const char* text;
        Ids expected;
    };
    const Case cases[] = {
        {"cafe", {"FIX-03"}},
        {"CAFÉ care", {"FIX-03"}},
        {"  café  ", {"FIX-03"}},
        {"tea", {"FIX-03"}}, // only in the provider name "Fixture Café, Tea & Care Ltd"
        {"zoe", {"FIX-11"}},
        {"Zoë's", {"FIX-11"}},
        {"fixture group", {"FIX-01", "FIX-02"}}, // provider name
        {"fixture brand", {"FIX-01", "FIX-02"}}, // brand
        {"tie", {"FIX-04", "FIX-05"}},
        {"!!", {"FIX-11", "FIX-01", "FIX-08", "FIX-07", "FIX-03", "FIX-06", "FIX-04", "FIX-05", "FIX-02"}},
        {"nothing like this", {}},
    };
    for (const auto& c : cases) {
        INFO("text: " << c.text);
        q.text = c.text;
        CHECK(ids(e, e.search(q)) == c.expected);
    }
    q.text = " cafe ";
    const SearchResult r = e.search(q);
    REQUIRE(r.total == 1);
    CHECK(r.matches[0].reasons.back() == "Matches \"cafe\"");
}

TEST_CASE("sort by rating and by name, with stable tie-breaks") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.sort = SortOrder::Rating;
    // Outstanding; Good by distance (FIX-11 0, FIX-01 0.69, then the FIX-06/04/05 tie by name and id);
    // Requires improvement; Inadequate; not yet rated last.
    CHECK(ids(e, e.search(q)) ==
          Ids{"FIX-02", "FIX-11", "FIX-01", "FIX-06", "FIX-04", "FIX-05", "FIX-03", "FIX-08", "FIX-07"});
    q.sort = SortOrder::Name;
    // "cafe care fixture" < "fixture alpha care" < "fixture care a" < ... < "zoes fixture helpers";
    // the two "Fixture Tie Care" at the same place fall back to the location id.
    CHECK(ids(e, e.search(q)) ==
          Ids{"FIX-03", "FIX-06", "FIX-01", "FIX-02", "FIX-07", "FIX-08", "FIX-04", "FIX-05", "FIX-11"});
}

TEST_CASE("paging splits the ordered list") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.page_size = 4;
    SearchResult r = e.search(q);
    CHECK(r.total == 9);
    CHECK(r.page_count == 3);
    CHECK(ids(e, r) == Ids{"FIX-11", "FIX-01", "FIX-08", "FIX-07"});
    q.page = 2;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-03", "FIX-06", "FIX-04", "FIX-05"});
    q.page = 3;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-02"});
    q.page = 4; // past the end: fine, just empty
    r = e.search(q);
    CHECK(r.ok);
    CHECK(r.matches.empty());
    CHECK(r.total == 9);
    q.page = 2147483647; // no overflow
    CHECK(e.search(q).matches.empty());
    q.page = 1;
    q.page_size = 0;
    r = e.search(q);
    CHECK(r.matches.size() == 9);
    CHECK(r.page_count == 1);
    q.sort = SortOrder::Name;
    q.page_size = 2;
    q.page = 4;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-04", "FIX-05"});
}

TEST_CASE("council, service type and id-list filters") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.radius_miles = 10;
    q.councils = {"solihull"};
    SearchResult r = e.search(q);
    REQUIRE(ids(e, r) == Ids{"FIX-10"});
    CHECK(r.matches[0].reasons ==
          std::vector<std::string>{"5 miles away", "Rated Outstanding", "In the Solihull council area"});
    q.councils = {"Birmingham", "Solihull"};
    CHECK(e.search(q).total == 11);
    q.councils = {"Essex"};
    CHECK(e.search(q).total == 0);

    q.councils = {"E08000029"};
    r = e.search(q);
    CHECK(!r.ok);
    CHECK(r.message == "We do not know a council with the code E08000029.");

    // With the geography, an ONS code (upper tier or district) names the council.
    Geography geo;
    geo.set_districts({District{"B91", "B", {52.41, -1.78}, 100}});
    geo.set_councils("B91", {CouncilShare{"E08000029", "Solihull", "E08000029", "Solihull", 1.0}});
    const SearchEngine eg(fixture(), &geo);
    q.councils = {"e08000029"};
    CHECK(ids(eg, eg.search(q)) == Ids{"FIX-10"});

    q.councils.clear();
    q.service_types = ServiceLiveIn;
    r = e.search(q);
    REQUIRE(ids(e, r) == Ids{"FIX-10"});
    CHECK(r.matches[0].reasons ==
          std::vector<std::string>{"5 miles away", "Offers live-in care", "Rated Outstanding"});
    q.service_types = ServiceHomecare | ServiceSupportedLiving;
    CHECK(ids(e, e.search(q)) == Ids{"FIX-05"});

    q.service_types = 0;
    q.location_ids = {"FIX-09", "FIX-02", "FIX-12"};
    CHECK(ids(e, e.search(q)) == Ids{"FIX-02", "FIX-09"}); // FIX-12 is in London
}

TEST_CASE("few or no results offer a wider distance or say why") {
    const SearchEngine e(fixture());
    SearchQuery q = base_query();
    q.radius_miles = 1;
    SearchResult r = e.search(q);
    CHECK(r.total == 3);
    CHECK(r.advice == "Only 3 agencies within 1 mile. Try 2 miles (9 agencies).");

    q.needs = NeedDementia | NeedPhysicalDisability;
    r = e.search(q);
    CHECK(r.total == 0);
    CHECK(r.in_radius == 3);
    CHECK(r.widen.radius_miles == 2);
    CHECK(r.advice == "No agencies within 1 mile. Try 2 miles (2 agencies).");
    CHECK(result_summary(r, 1, "B13 9AB") == "No agencies within 1 mile of B13 9AB");
    CHECK(e.count_within(q, 2) == 2);
    CHECK(e.count_within(q, 5.1) == 3); // FIX-10 at 5.038 miles

    // A short list at 5 miles counts the wider distances too: FIX-10 (5.04 miles) also fits.
    q.radius_miles = 5;
    r = e.search(q);
    CHECK(r.total == 2);
    REQUIRE(r.by_radius.size() == 5);
    CHECK(r.by_radius[3].known);
    CHECK(r.by_radius[3].count == 3);
    CHECK(r.by_radius[4].count == 3);
    CHECK(r.advice == "Only 2 agencies within 5 miles. Try 10 miles (3 agencies).");

    q.needs = 0;
    q.text = "nothing like this";
    q.min_rating = Rating::Good;
    r = e.search(q);
    CHECK(!r.can_widen);
    CHECK(r.advice == "There are 9 agencies within 5 miles, but none match everything you chose. Try a lower "
                      "minimum rating, including agencies not yet rated or fewer words in the name.");

    // Nothing within 1 mile of a point 0.06 degrees north of the centre (the nearest, FIX-09, is 0.04 degrees
    // = 2.76 miles further north). All 11 Birmingham-area agencies are within 20 miles, and none is both
    // rated Outstanding and called "far".
    q = base_query();
    q.centre = {52.51, -1.88};
    q.radius_miles = 1;
    q.min_rating = Rating::Outstanding;
    q.text = "far";
    r = e.search(q);
    CHECK(r.in_radius == 0);
    CHECK(r.advice ==
          "No agencies within 1 mile. There are 11 agencies within 20 miles, but none match everything you "
          "chose. Try a lower minimum rating, including agencies not yet rated or fewer words in the name.");

    q = base_query();
    q.centre = {50.0, -4.0}; // at sea off Cornwall: nothing near
    r = e.search(q);
    CHECK(r.advice == "No agencies in our information within 20 miles."); // 20 miles searched too, no wider
    CHECK(r.advice.find("bigger") == std::string::npos);
    q.radius_miles = 100;
    CHECK(e.search(q).advice == "No agencies in our information within 100 miles.");
}

TEST_CASE("bad queries get a plain message") {
    const SearchEngine e(fixture());
    struct Case {
        SearchQuery q;
        const char* message;
    };
    std::vector<Case> cases;
    auto add = [&](auto change, const char* message) {
        SearchQuery q = base_query();
        change(q);
        cases.push_back({q, message});
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    add(
        [&](SearchQuery& q) {
            q.centre = {nan, 0};
        },
        "We need a place to search from. Enter a postcode, like B13 9AB.");
    add(
        [](SearchQuery& q) {
            q.centre = {91, 0};
        },
        "We need a place to search from. Enter a postcode, like B13 9AB.");
    add([](SearchQuery& q) { q.radius_miles = 0; }, "Choose a distance from 0.1 to 100 miles.");
    add([](SearchQuery& q) { q.radius_miles = 100.5; }, "Choose a distance from 0.1 to 100 miles.");
    add([&](SearchQuery& q) { q.radius_miles = nan; }, "Choose a distance from 0.1 to 100 miles.");
    add([](SearchQuery& q) { q.page = 0; }, "Page numbers start at 1.");
    add([](SearchQuery& q) { q.page_size = -1; }, "Choose from 1 to 10,000 agencies a page.");
    add([](SearchQuery& q) { q.page_size = 10001; }, "Choose from 1 to 10,000 agencies a page.");
    for (const auto& c : cases) {
        const SearchResult r = e.search(c.q);
        CHECK(!r.ok);
        CHECK(r.message == c.message);
        CHECK(r.matches.empty());
        CHECK(e.count_within(c.q, 5) == 0);
    }
}

TEST_CASE("indexed search gives exactly the linear scan's answers") {
    // The fixture plus 3,000 generated points around Birmingham (synthetic, test only).
    std::vector<Provider> providers = fixture();
    std::uint64_t s = 12345;
    auto rnd = [&] {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) * (1.0 / 9007199254740992.0);
    };
    for (int i = 0; i < 3000; ++i) {
        Provider p;
        p.location_id =
            "SYN-" + std::to_string(i % 2500); // some duplicate ids, to exercise the last tie-break
        p.name = (i % 7 == 0) ? "Synthetic Café" : "Synthetic Care " + std::to_string(i % 50);
        p.location = {52.2 + 0.5 * rnd(), -2.2 + 0.7 * rnd()};
        if (i % 10 == 0) p.location = providers[static_cast<std::size_t>(i / 10) % 12].location; // exact ties
        p.precision = i % 13 == 0 ? GeoPrecision::None : GeoPrecision::Sector;
        p.overall = static_cast<Rating>(i % 5);
        p.needs = static_cast<Needs>(rnd() * 4096);
        p.service_types = static_cast<ServiceTypes>(rnd() * 4);
        providers.push_back(p);
    }
    const SearchEngine e(providers);
    for (int k = 0; k < 300; ++k) {
        SearchQuery q;
        q.centre = {52.3 + 0.3 * rnd(), -2.1 + 0.5 * rnd()};
        q.radius_miles = 0.1 + 25 * rnd() * rnd();
        q.needs = rnd() < 0.5 ? 0 : static_cast<Needs>(1u << static_cast<unsigned>(rnd() * 8));
        q.needs_match = rnd() < 0.5 ? MatchMode::All : MatchMode::Any;
        q.min_rating = static_cast<Rating>(rnd() * 5);
        q.include_not_rated = rnd() < 0.5;
        q.sort = static_cast<SortOrder>(rnd() * 3);
        q.text = rnd() < 0.2 ? "cafe" : "";
        q.page = 1 + static_cast<int>(rnd() * 3);
        q.page_size = static_cast<int>(rnd() * 30);
        const SearchResult a = e.search(q);
        const SearchResult b = e.search_linear(q);
        INFO("query " << k);
        REQUIRE(a.ok);
        REQUIRE(a.total == b.total);
        REQUIRE(a.in_radius == b.in_radius);
        REQUIRE(a.advice == b.advice);
        REQUIRE(a.matches.size() == b.matches.size());
        for (std::size_t i = 0; i < a.matches.size(); ++i) {
            REQUIRE(a.matches[i].index == b.matches[i].index);
            REQUIRE(a.matches[i].distance_km == b.matches[i].distance_km);
            REQUIRE(a.matches[i].reasons == b.matches[i].reasons);
        }
        for (std::size_t i = 0; i < a.by_radius.size(); ++i) {
            REQUIRE(a.by_radius[i].known == b.by_radius[i].known);
            REQUIRE(a.by_radius[i].count == b.by_radius[i].count);
            if (a.by_radius[i].known)
                REQUIRE(e.count_within(q, a.by_radius[i].radius_miles) == a.by_radius[i].count);
            else
                REQUIRE(a.total >= kFewResults);
        }
    }
}

TEST_CASE("top-k: every page is the slice a full sort gives, and every match is counted") {
    // 2,000 generated agencies (synthetic, test only) with many ties: shared places, names and ids.
    std::vector<Provider> providers;
    std::uint64_t s = 777;
    auto rnd = [&] {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) * (1.0 / 9007199254740992.0);
    };
    for (int i = 0; i < 2000; ++i) {
        Provider p;
        p.location_id = "SYN-" + std::to_string(i % 1700);
        p.name = (i % 5 == 0) ? "Synthetic Café" : "Synthetic Care " + std::to_string(i % 40);
        p.location = {52.3 + 0.3 * rnd(), -2.1 + 0.4 * rnd()};
        if (i % 4 == 0 && i > 0) p.location = providers[static_cast<std::size_t>(i / 8)].location;
        p.precision = GeoPrecision::Sector;
        p.overall = static_cast<Rating>(i % 5);
        p.needs = static_cast<Needs>(rnd() * 4096);
        providers.push_back(p);
    }
    const SearchEngine e(providers);
    // The documented order, written out again here: a full std::sort of every match (names folded once, not
    // in every comparison).
    std::vector<std::string> folded;
    for (const Provider& p : providers)
        folded.push_back(fold_text(p.name));
    auto full_sort = [&](std::vector<Match> all, SortOrder order) {
        auto key = [&](const Match& m) -> const std::string& { return folded[m.index]; };
        std::sort(all.begin(), all.end(), [&](const Match& a, const Match& b) {
            const Provider &pa = providers[a.index], &pb = providers[b.index];
            if (order == SortOrder::Rating && pa.overall != pb.overall) return pa.overall > pb.overall;
            if (order == SortOrder::Name && key(a) != key(b)) return key(a) < key(b);
            if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
            if (key(a) != key(b)) return key(a) < key(b);
            if (pa.location_id != pb.location_id) return pa.location_id < pb.location_id;
            return a.index < b.index;
        });
        return all;
    };
    std::size_t pages_checked = 0;
    for (int k = 0; k < 200; ++k) {
        SearchQuery q;
        q.centre = {52.35 + 0.2 * rnd(), -2.0 + 0.2 * rnd()};
        q.radius_miles = 1 + 20 * rnd();
        q.needs = rnd() < 0.5 ? 0 : static_cast<Needs>(1u << static_cast<unsigned>(rnd() * 8));
        q.sort = static_cast<SortOrder>(rnd() * 3);
        q.page_size = 0;
        const SearchResult all = e.search(q);
        REQUIRE(all.ok);
        const std::vector<Match> expected = full_sort(all.matches, q.sort);
        INFO("query " << k << ", " << all.total << " matches");
        REQUIRE(all.matches.size() == all.total);
        for (std::size_t i = 0; i < expected.size(); ++i)
            REQUIRE(all.matches[i].index == expected[i].index);
        q.page_size = 1 + static_cast<int>(rnd() * 25);
        for (q.page = 1; q.page <= 4 || (q.page - 1) * q.page_size < static_cast<int>(all.total) / 3;
             ++q.page) {
            const SearchResult page = e.search(q);
            REQUIRE(page.total == all.total);
            const std::size_t from = std::min(all.total, std::size_t(q.page - 1) * std::size_t(q.page_size));
            const std::size_t to = std::min(all.total, from + std::size_t(q.page_size));
            REQUIRE(page.matches.size() == to - from);
            for (std::size_t i = from; i < to; ++i) {
                REQUIRE(page.matches[i - from].index == expected[i].index);
                REQUIRE(page.matches[i - from].reasons == all.matches[i].reasons);
            }
            ++pages_checked;
        }
    }
    CHECK(pages_checked > 1000);
}

TEST_CASE("distance wording") {
    struct Case {
        double miles;
        const char* text;
    };
    const Case cases[] = {
        {0.0, "less than 0.1 miles"},
        {0.049, "less than 0.1 miles"},
        {0.05, "0.1 miles"},
        {0.690934, "0.7 miles"},
        {0.96, "1 mile"},
        {1.0, "1 mile"},
        {1.04, "1 mile"},
        {1.381868, "1.4 miles"},
        {2.0, "2 miles"},
        {9.94, "9.9 miles"},
        {9.95, "10 miles"},
        {99.592995, "100 miles"},
        {-1.0, "less than 0.1 miles"},
    };
    for (const auto& c : cases) {
        INFO(c.miles);
        CHECK(format_miles(c.miles) == c.text);
    }
    CHECK(distance_words(0.0, true) == "about 0.1 miles");
    CHECK(distance_words(0.0, false) == "less than 0.1 miles");
    CHECK(distance_words(1.381868, true) == "about 1.4 miles");
    CHECK(format_km(1.0) == "1 km");
    CHECK(format_km(2.223902) == "2.2 km");
    CHECK(format_km(160.279389) == "160 km");
}

TEST_CASE("sort keys and need reasons") {
    CHECK(parse_sort("Rating") == SortOrder::Rating);
    CHECK(parse_sort("name") == SortOrder::Name);
    CHECK(parse_sort("distance") == SortOrder::Distance);
    CHECK_FALSE(parse_sort("nearest"));
    CHECK(sort_key(SortOrder::Distance) == "distance");
    for (Need n : all_needs())
        CHECK(!need_reason(n).empty());
    CHECK(need_reason(NeedSensoryImpairment) == "Supports people with sight or hearing loss");
}
