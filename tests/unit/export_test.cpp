// homecare-finder tests: shortlist export (core/export) against golden files and hand-checked fields.
// Depends on: core/export.h, core/search.h, tests/data/search/fixture.h, nlohmann/json, Catch2 v2.
// SPDX-License-Identifier: MIT
//
// The golden files in tests/data/search/ were written by this test with HCF_UPDATE_GOLDEN=1 and then read
// and checked by hand; a change in output fails the test until the goldens are regenerated and re-read.
#include "core/export.h"
#include "core/search.h"

#include "../data/search/fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

using namespace hcf::core;

namespace {

const std::vector<Provider>& fixture() {
    static const std::vector<Provider> p =
        hcf::test::load_fixture_providers(HCF_TEST_DATA_DIR "/search/providers.csv");
    return p;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = HCF_TEST_DATA_DIR "/search/" + name;
    if (std::getenv("HCF_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("wrote " << path);
    }
    const std::string expected = read_file(path);
    INFO("golden file " << path << " (regenerate with HCF_UPDATE_GOLDEN=1, then read it)");
    CHECK(actual == expected);
}

// The shortlist the goldens use: a search around (52.45, -1.88), then four picks with their distances.
std::vector<ShortlistEntry> golden_list() {
    const SearchEngine e(fixture());
    SearchQuery q;
    q.centre = {52.45, -1.88};
    q.radius_miles = 5;
    q.page_size = 0;
    const SearchResult r = e.search(q);
    std::vector<ShortlistEntry> list;
    for (const char* id : {"FIX-03", "FIX-01", "FIX-07", "FIX-11"})
        for (const Match& m : r.matches)
            if (fixture()[m.index].location_id == id) list.push_back({&fixture()[m.index], m.distance_miles});
    return list;
}

ExportOptions golden_options() {
    ExportOptions o;
    o.generated_date = "2026-09-01";
    o.place = "B13 9AB";
    return o;
}

} // namespace

TEST_CASE("export goldens: JSON, CSV and text") {
    const auto list = golden_list();
    REQUIRE(list.size() == 4);
    check_golden("export_golden.json", export_json(list, golden_options()));
    check_golden("export_golden.csv", export_csv(list, golden_options()));
    check_golden("export_golden.txt", export_text(list, golden_options()));
}

TEST_CASE("JSON export uses Open Referral UK names and keeps CQC ids") {
    const auto doc = nlohmann::json::parse(export_json(golden_list(), golden_options()));
    CHECK(doc["total_items"] == 4);
    CHECK(doc["empty"] == false);
    const auto& cafe = doc["contents"][0];
    CHECK(cafe["name"] == "Café Care (Fixture)");
    CHECK(cafe["status"] == "active");
    CHECK(cafe["organization"]["name"] == "Fixture Café, Tea & Care Ltd");
    CHECK(cafe["organization"]["organization_identifiers"][0]["identifier"] == "FIXP-3");
    CHECK(cafe["contacts"][0]["phones"][0]["number"] == "0121 000 0003");
    const auto& loc = cafe["service_at_locations"][0]["location"];
    CHECK(loc["external_identifier"] == "FIX-03");
    CHECK(loc["addresses"][0]["address_1"] == "3 Fixture Lane, Moseley");
    CHECK(loc["addresses"][0]["postal_code"] == "B13 9AD");
    CHECK(loc["addresses"][0]["address_type"] == "physical");
    CHECK(cafe["attributes"][0]["link_type"] == "cqc_overall_rating");
    CHECK(cafe["attributes"][0]["value"] == "requires_improvement");
    CHECK(cafe["attributes"][0]["label"] == "Requires improvement, rated on 30 November 2022");
    CHECK(cafe["homecare_finder"]["distance_miles"] == 1.26); // 1.263277 miles, README table
    CHECK(cafe["homecare_finder"]["distance"] == "1.3 miles");
    CHECK(cafe.find("url") == cafe.end()); // no website in the data: left out, not guessed

    const auto& zoe = doc["contents"][3];
    CHECK(zoe.find("contacts") == zoe.end()); // no phone
    CHECK(zoe["homecare_finder"]["distance"] == "about 0.1 miles");
    CHECK(zoe["homecare_finder"]["location_precision"] == "district");

    // Every id is a version-8 UUID, and ids are unique.
    std::set<std::string> ids;
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (it.key() == "id") {
                    CHECK(std::regex_match(it.value().get<std::string>(), uuid));
                    if (!it.value().get<std::string>().empty()) ids.insert(it.value().get<std::string>());
                }
                walk(it.value());
            }
        } else if (j.is_array()) {
            for (const auto& v : j)
                walk(v);
        }
    };
    walk(doc);
    CHECK(ids.size() > 20);
}

TEST_CASE("empty shortlist") {
    const auto doc = nlohmann::json::parse(export_json({}, {}));
    CHECK(doc["total_items"] == 0);
    CHECK(doc["empty"] == true);
    CHECK(doc["contents"].empty());
    CHECK(export_csv({}, {}) ==
          "\xEF\xBB\xBF"
          "location_id,name,provider_name,address,postcode,phone,website,"
          "distance_miles,cqc_rating,cqc_rating_date,last_inspected,safe,effective,caring,responsive,"
          "well_led,supports,care_offered,local_authority,cqc_url,data_date,source\r\n");
    CHECK(export_text({}, {}) ==
          "Home care shortlist\n\nYour shortlist is empty.\n\nAbout this information\n"
          "Agency details and ratings are from the Care Quality Commission (CQC).\n"
          "Ratings change: check each agency's CQC page before you choose.\n"
          "Contains public sector information licensed under the Open Government Licence "
          "v3.0 (Care Quality Commission data). The CQC does not endorse this tool.\n"
          "This list gives information, not advice.\n");
}

TEST_CASE("shortlist_from_ids keeps the order given and reports unknown ids") {
    std::vector<std::string> missing;
    const auto list =
        shortlist_from_ids(fixture(), {"FIX-09", "FIX-01", "NOPE", "FIX-09", "FIX-13"}, &missing);
    REQUIRE(list.size() == 3);
    CHECK(list[0].provider->location_id == "FIX-09");
    CHECK(list[1].provider->location_id == "FIX-01");
    CHECK(list[2].provider->location_id == "FIX-13");
    CHECK(list[0].distance_miles < 0);
    CHECK(missing == std::vector<std::string>{"NOPE"});
    // Without a distance, the text leaves the distance line out.
    const std::string text = export_text({list[2]}, {});
    CHECK(text.find("Distance") == std::string::npos);
    CHECK(
        text.find(
            "1. Fixture Unplaced Care\n   Run by: Fixture Unplaced Ltd\n   Address: not in the CQC data\n") !=
        std::string::npos);
    CHECK(text.find("   CQC rating: Rating not in our information: see CQC\n") != std::string::npos);
    // The JSON makes no rating claim for it, and the CSV says the rating is not in the data.
    const auto doc = nlohmann::json::parse(export_json({list[2]}, {}));
    const auto& s = doc["contents"][0];
    CHECK(s["homecare_finder"]["rating_in_data"] == false);
    CHECK(s["homecare_finder"].find("cqc_overall_rating") == s["homecare_finder"].end());
    for (const auto& a : s["attributes"])
        CHECK(a["link_type"] != "cqc_overall_rating");
    CHECK(export_csv({list[2]}, {}).find(",Rating not in our information: see CQC,") != std::string::npos);
}

TEST_CASE("name_uuid is stable and well formed") {
    CHECK(name_uuid("service:FIX-01") == name_uuid("service:FIX-01"));
    CHECK(name_uuid("service:FIX-01") != name_uuid("service:FIX-02"));
    const std::string u = name_uuid("");
    REQUIRE(u.size() == 36);
    CHECK(u[14] == '8');
    CHECK(std::string("89ab").find(u[19]) != std::string::npos);
}

TEST_CASE("exports carry the five question ratings, the last inspection and the register's date") {
    // Guy's and St Thomas' adult community services as in the London fixture (tests/data/cqc/london/).
    Provider p;
    p.location_id = "RJ1X8";
    p.name = "Guy's and St Thomas' NHS Foundation Trust Adult Community Services";
    p.phone = "02071 885368";
    p.overall = Rating::Good;
    p.rating_in_data = true;
    p.key_questions_in_data = true;
    p.key_questions = {Rating::RequiresImprovement, Rating::Good, Rating::Outstanding, Rating::Good,
                       Rating::Outstanding};
    p.last_inspected = "2022-09-22";
    p.source = "london";
    p.data_date = "2026-06-30";
    ExportOptions opt;
    opt.edition_words = {{"london", "first half of 2026"}};
    const std::string text = export_text({{&p, -1}}, opt);
    CHECK(text.find("   CQC rating: Good, last inspected 22 September 2022\n") != std::string::npos);
    CHECK(
        text.find("   Each question CQC asks: Safe Requires improvement, Effective Good, Caring Outstanding, "
                  "Responsive Good, Well-led Outstanding\n") != std::string::npos);
    CHECK(text.find("   Information from: CQC register, first half of 2026\n") != std::string::npos);
    const std::string csv = export_csv({{&p, -1}}, opt);
    CHECK(csv.find(",Good,,2022-09-22,Requires improvement,Good,Outstanding,Good,Outstanding,") !=
          std::string::npos);
    CHECK(csv.find(",CQC register, first half of 2026") == std::string::npos); // a comma: quoted
    CHECK(csv.find(",\"CQC register, first half of 2026\"\r\n") != std::string::npos);
    const auto doc = nlohmann::json::parse(export_json({{&p, -1}}, opt));
    const auto& ext = doc["contents"][0]["homecare_finder"];
    CHECK(ext["cqc_last_inspected"] == "2022-09-22");
    CHECK(ext["cqc_key_question_ratings"]["caring"] == "outstanding");
    CHECK(ext["cqc_key_question_ratings"]["safe"] == "requires_improvement");
    CHECK(ext["register"] == "CQC register, first half of 2026");
}

TEST_CASE("export_share_text: one line an agency with its rating and phone, then the link") {
    const auto list = shortlist_from_ids(fixture(), {"FIX-01", "FIX-13"});
    REQUIRE(list.size() == 2);
    const std::string t = export_share_text(list, "https://example.org/?sl=FIX-01,FIX-13");
    CHECK(t == "My shortlist of home care agencies:\n"
               "1. Fixture Care A (Good, rated on 4 January 2024). Phone 0121 000 0001\n"
               "2. Fixture Unplaced Care (Rating not in our information: see CQC). Phone 0121 000 0013\n"
               "Open the list, with addresses and websites: https://example.org/?sl=FIX-01,FIX-13\n");
}

TEST_CASE("CSV without a byte order mark starts with the header") {
    ExportOptions no_bom;
    no_bom.csv_bom = false;
    CHECK(export_csv({}, no_bom).rfind("location_id,", 0) == 0);
}
