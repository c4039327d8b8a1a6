// homecare-finder tests: council profiles, their loader and look-ups (mirrors src/core/council_profile.cpp).
// Depends on: hcf_core, Catch2; fixtures tests/data/councils/*.json and the real assets/councils/*.json.
// SPDX-License-Identifier: MIT
#include "core/council_profile.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace hcf::core;
using hcf::test::read_text;

namespace {

std::string fixture(const std::string& name) {
    return read_text(HCF_TEST_DATA_DIR "/councils/" + name);
}
std::string asset(const std::string& id) {
    return read_text(HCF_SOURCE_DIR "/assets/councils/" + id + ".json");
}

// The minimal valid profile with one top-level field replaced or added (raw JSON text for the value).
std::string minimal_with(const std::string& key, const std::string& value) {
    std::string base =
        R"({"schema_version": 1, "id": "t", "name": "T", "area_name": "T", "upper_tier_code": "E06000099",
        "sources": [{"id": "doc", "title": "D", "publisher": "P"}])";
    return base + ", \"" + key + "\": " + value + "}";
}

std::string error_of(const std::string& json_text) {
    const Expected<CouncilProfile> load = load_council_profile(json_text);
    CHECK_FALSE(load.ok());
    return load.error();
}

// A rate object with one field changed, inside a minimal profile.
std::string rate_with(const std::string& fields) {
    return minimal_with("rates",
                        "[{\"label\": \"L\", \"kind\": \"council_pays_provider\", \"source\": \"doc\"" +
                            fields + "}]");
}

} // namespace

TEST_CASE("a minimal profile loads with empty lists") {
    const Expected<CouncilProfile> load = load_council_profile(fixture("minimal.json"));
    REQUIRE(load.ok());
    CHECK(load.error().empty());
    const CouncilProfile& p = *load;
    CHECK(p.id == "test-council");
    CHECK(p.name == "Test Borough Council");
    CHECK(p.upper_tier_code == "E06000099");
    CHECK(p.rates.empty());
    CHECK(p.framework_providers.empty());
    CHECK(p.help_line.empty());
    REQUIRE(p.sources.size() == 1);
    CHECK(p.sources[0].date == "2024-03-31");
    CHECK(p.sources[0].url.empty());
}

TEST_CASE("every field of a full profile is read") {
    const Expected<CouncilProfile> load = load_council_profile(fixture("full.json"));
    REQUIRE(load.ok());
    const CouncilProfile& p = *load;
    CHECK(p.council_type == "county");
    CHECK(p.lad_codes == std::vector<std::string>{"E07000901", "E07000902"});
    REQUIRE(p.postcode_districts.size() == 2);
    CHECK(p.postcode_districts[1].district == "TE2");
    CHECK(p.postcode_districts[1].share == Approx(0.6));
    REQUIRE(p.postcode_districts_partly.size() == 1);
    CHECK(p.areas_source == "lookup");
    REQUIRE(p.arrangements.size() == 1);
    const Arrangement& a = p.arrangements[0];
    CHECK(a.kind == "framework");
    CHECK(a.started == "2021-08");
    CHECK(a.term_years == 4);
    CHECK(a.providers == 12);
    CHECK(a.lots == 3);
    CHECK(a.lot_kind == "zones");
    REQUIRE(a.tiers.size() == 2);
    CHECK(a.tiers[0].rule == "Good or better");
    CHECK(a.services == std::vector<std::string>{"Personal care", "Night sleep"});
    REQUIRE(p.rates.size() == 2);
    CHECK(p.rates[0].per_hour_pence == 2050);
    CHECK(p.rates[0].per_hour_max_pence == 2275);
    CHECK(p.rates[0].average_pence == 2100);
    CHECK(p.rates[0].applies_from == "2024-04");
    CHECK(p.rates[0].as_at == "2024-25");
    CHECK(p.rates[0].kind == RateKind::CouncilPaysProvider);
    CHECK(p.rates[0].care_type == CareType::Hourly);
    CHECK_FALSE(p.rates[0].historic);
    CHECK(p.rates[1].kind == RateKind::CouncilChargesClient);
    CHECK(p.rates[1].care_type == CareType::NightSleeping);
    CHECK(p.rates[1].per_hour_pence == 1200);
    CHECK(p.rates[1].per_hour_max_pence == 1200); // a single rate: max equals the rate
    CHECK(p.rates[1].historic);
    REQUIRE(p.market_facts.size() == 1);
    CHECK(p.market_facts[0].topic == "supply");
    REQUIRE(p.local_help.size() == 1);
    CHECK(p.local_help[0].url == "https://example.org/hub");
    CHECK(p.framework_providers_note == "Not named.");
    const CouncilSource* doc = find_source(p, "doc");
    REQUIRE(doc != nullptr);
    CHECK(doc->url == "https://example.org/mps");
    CHECK(find_source(p, "nope") == nullptr);
}

TEST_CASE("malformed JSON gives a clear error naming the place") {
    // nlohmann/json gives the column where the unexpected token ends: after "upper_tier_code" on line 5.
    CHECK(
        error_of(fixture("malformed.json")) ==
        "council profile: the file is not valid JSON (line 5, column 19: syntax error while parsing object - "
        "unexpected string literal; expected '}')");
    CHECK(error_of("") == "council profile: the file is not valid JSON (line 1, column 1: syntax error while "
                          "parsing value - unexpected end of input; expected '[', '{', or a literal)");
    CHECK(error_of("{\"id\": 1e999}") ==
          "council profile: the file is not valid JSON (number overflow parsing '1e999')");
    // Broken UTF-8 is refused, and the message itself stays printable ASCII.
    CHECK(error_of("{\"a\":\"\xff\"}") ==
          "council profile: the file is not valid JSON (line 1, column 7: syntax error "
          "while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"?')");
    CHECK(error_of("[1, 2]") == "council profile: the file must hold one JSON object ({...})");
    CHECK(error_of("\"text\"") == "council profile: the file must hold one JSON object ({...})");
}

TEST_CASE("each wrong field is named with what is wrong") {
    SECTION("required fields") {
        CHECK(error_of("{}") == "council profile: 'schema_version' is missing");
        CHECK(error_of(R"({"schema_version": 1})") == "council profile: 'id' is missing");
        CHECK(error_of(R"({"schema_version": 2, "id": "x"})") ==
              "council profile: 'schema_version' must be 1 (this app reads version 1 profiles)");
        CHECK(error_of(R"({"schema_version": 1, "id": "x", "name": "", "area_name": "A"})") ==
              "council profile: 'name' must not be empty");
        CHECK(
            error_of(
                R"({"schema_version": 1, "id": "x", "name": "N", "area_name": "A", "upper_tier_code": "E1"})") ==
            "council profile: 'upper_tier_code' must be an ONS code: a capital letter and 8 digits, like "
            "E10000012");
        CHECK(
            error_of(
                R"({"schema_version": 1, "id": "x", "name": "N", "area_name": "A", "upper_tier_code": "E06000001"})") ==
            "council profile: 'sources' is missing");
        CHECK(
            error_of(
                R"({"schema_version": 1, "id": "x", "name": "N", "area_name": "A", "upper_tier_code": "E06000001",
                           "sources": []})") == "council profile: 'sources' must list at least one document");
    }
    SECTION("types") {
        CHECK(error_of(R"({"schema_version": 1, "id": 5})") ==
              "council profile: 'id' must be text (in double quotes)");
        CHECK(error_of(R"({"schema_version": "1"})") ==
              "council profile: 'schema_version' must be 1 (this app reads version 1 profiles)");
        CHECK(error_of(minimal_with("lad_codes", "\"E07000066\"")) ==
              "council profile: 'lad_codes' must be a list ([...])");
        CHECK(error_of(minimal_with("lad_codes", "[\"E07000066\", 7]")) ==
              "council profile: 'lad_codes[1]' must be text (in double quotes)");
        CHECK(error_of(minimal_with("rates", "[5]")) ==
              "council profile: 'rates[0]' must be an object ({...})");
        CHECK(error_of(minimal_with("help_line", "false")) ==
              "council profile: 'help_line' must be text (in double quotes)");
    }
    SECTION("slug and codes") {
        CHECK(error_of(R"({"schema_version": 1, "id": "Waltham Forest"})") ==
              "council profile: 'id' must be lower-case letters, digits and dashes, like 'waltham-forest'");
        CHECK(error_of(minimal_with("lad_codes", "[\"E0700006\"]")) ==
              "council profile: 'lad_codes[0]' must be an ONS code: a capital letter and 8 digits, like "
              "E07000066");
    }
    SECTION("rates") {
        CHECK(error_of(rate_with(", \"per_hour\": \"17.17\"")) ==
              "council profile: 'rates[0].per_hour' must be a number");
        CHECK(error_of(rate_with("")) == "council profile: 'rates[0].per_hour' is missing");
        CHECK(error_of(rate_with(", \"per_hour\": -1")) ==
              "council profile: 'rates[0].per_hour' must be an amount in pounds from 0 to 10000");
        CHECK(load_council_profile(rate_with(", \"per_hour\": 1717")).ok()); // allowed: below £10,000
        CHECK(load_council_profile(rate_with(", \"per_hour\": 0")).ok());
        CHECK(error_of(rate_with(", \"per_hour\": 10000.01")) ==
              "council profile: 'rates[0].per_hour' must be an amount in pounds from 0 to 10000");
        CHECK(error_of(rate_with(", \"per_hour\": 18.20, \"per_hour_max\": 17.17")) ==
              "council profile: 'rates[0].per_hour_max' must not be less than 'per_hour'");
        CHECK(error_of(minimal_with(
                  "rates", R"([{"label": "L", "kind": "council", "per_hour": 1, "source": "doc"}])")) ==
              "council profile: 'rates[0].kind' must be council_pays_provider or council_charges_client");
        CHECK(
            error_of(rate_with(", \"per_hour\": 18, \"care_type\": \"daytime\"")) ==
            "council profile: 'rates[0].care_type' must be hourly, night_sleeping, night_waking or live_in");
        CHECK(
            error_of(rate_with(", \"per_hour\": 18, \"applies_from\": \"April 2024\"")) ==
            "council profile: 'rates[0].applies_from' must be a date like 2024-03-31, 2024-03 or 2024, or a "
            "financial year like 2024-25");
        CHECK(error_of(rate_with(", \"per_hour\": 18, \"as_at\": \"2024-26\"")) ==
              "council profile: 'rates[0].as_at' must be a date like 2024-03-31, 2024-03 or 2024, or a "
              "financial "
              "year like 2024-25");
        CHECK(error_of(rate_with(", \"per_hour\": 18, \"historic\": \"yes\"")) ==
              "council profile: 'rates[0].historic' must be true or false");
        CHECK(error_of(rate_with(", \"per_hour\": 18, \"perhour\": 18")) ==
              "council profile: 'rates[0]' has an unknown field 'perhour' (see assets/councils/README.md for "
              "the "
              "fields)");
    }
    SECTION("sources must exist and be unique") {
        CHECK(
            error_of(minimal_with("rates", R"([{"label": "L", "kind": "council_pays_provider", "per_hour": 1,
                                                   "source": "other"}])")) ==
            "council profile: 'rates[0].source' names 'other', which is not listed in 'sources'");
        CHECK(error_of(
                  minimal_with("market_facts",
                               R"([{"topic": "supply", "text": "T", "as_at": "2024", "source": "gone"}])")) ==
              "council profile: 'market_facts[0].source' names 'gone', which is not listed in 'sources'");
        CHECK(
            error_of(
                R"({"schema_version": 1, "id": "x", "name": "N", "area_name": "A", "upper_tier_code": "E06000001",
                           "sources": [{"id": "a", "title": "T", "publisher": "P"}, {"id": "a", "title": "T", "publisher": "P"}]})") ==
            "council profile: 'sources[1].id' repeats 'a'");
        CHECK(
            error_of(
                R"({"schema_version": 1, "id": "x", "name": "N", "area_name": "A", "upper_tier_code": "E06000001",
                           "sources": [{"id": "a", "title": "T", "publisher": "P", "url": "www.x.org"}]})") ==
            "council profile: 'sources[0].url' must start with http:// or https://");
    }
    SECTION("other lists") {
        CHECK(error_of(
                  minimal_with("market_facts",
                               R"([{"topic": "weather", "text": "T", "as_at": "2024", "source": "doc"}])")) ==
              "council profile: 'market_facts[0].topic' must be one of providers, people, spending, quality, "
              "supply, "
              "workforce, charging, services");
        CHECK(error_of(
                  minimal_with("market_facts", R"([{"topic": "supply", "text": "T", "source": "doc"}])")) ==
              "council profile: 'market_facts[0].as_at' is missing");
        CHECK(error_of(minimal_with("arrangements", R"([{"name": "F", "kind": "framework", "description": "D",
                                                           "providers": 1.5, "source": "doc"}])")) ==
              "council profile: 'arrangements[0].providers' must be a whole number");
        CHECK(error_of(minimal_with("arrangements", R"([{"name": "F", "kind": "framework", "description": "D",
                                                           "lots": -2, "source": "doc"}])")) ==
              "council profile: 'arrangements[0].lots' must be a whole number from 0 to 10000000");
        CHECK(error_of(minimal_with(
                  "arrangements",
                  R"([{"name": "F", "kind": "contract", "description": "D", "source": "doc"}])")) ==
              "council profile: 'arrangements[0].kind' must be one of framework, dynamic_purchasing_system, "
              "lead_providers, supplementary_providers, spot");
        CHECK(error_of(minimal_with("arrangements", R"([{"name": "F", "kind": "framework", "description": "D",
                                                           "tiers": [{"name": "Tier 1"}], "source": "doc"}])")) ==
              "council profile: 'arrangements[0].tiers[0].rule' is missing");
        CHECK(error_of(minimal_with("local_help", R"([{"name": "Hub", "source": "doc"}])")) ==
              "council profile: 'local_help[0].description' is missing");
        CHECK(error_of(minimal_with("postcode_districts", R"([{"district": "hr4", "share": 1}])")) ==
              "council profile: 'postcode_districts[0].district' must be a postcode district in capitals, "
              "like HR4 "
              "or CM77");
        CHECK(error_of(minimal_with("postcode_districts", R"([{"district": "HR4", "share": 1.5}])")) ==
              "council profile: 'postcode_districts[0].share' must be more than 0 and at most 1");
        CHECK(error_of(minimal_with("postcode_districts", R"([{"district": "HR4", "share": 1}])")) ==
              "council profile: 'areas_source' is missing (it names the lookup the postcode districts come "
              "from)");
        CHECK(error_of(minimal_with("shoe_size", "42")) ==
              "council profile: unknown field 'shoe_size' (see assets/councils/README.md for the fields)");
    }
}

TEST_CASE("care types and rate kinds round-trip through their keys") {
    for (CareType t : {CareType::Hourly, CareType::NightSleeping, CareType::NightWaking, CareType::LiveIn}) {
        const auto back = parse_care_type(care_type_key(t));
        REQUIRE(back);
        CHECK(*back == t);
        CHECK_FALSE(care_type_label(t).empty());
    }
    CHECK_FALSE(parse_care_type("Hourly")); // keys are exact
    const auto k = parse_rate_kind("council_charges_client");
    REQUIRE(k);
    CHECK(*k == RateKind::CouncilChargesClient);
    CHECK(rate_kind_key(*k) == "council_charges_client");
    CHECK(parse_rate_kind("council_pays_provider") == RateKind::CouncilPaysProvider);
    CHECK_FALSE(parse_rate_kind(""));
}

TEST_CASE("is_profile_date") {
    CHECK(is_profile_date("2024-03-31"));
    CHECK(is_profile_date("2024-03"));
    CHECK(is_profile_date("2024"));
    CHECK(is_profile_date("2024-25"));
    CHECK(is_profile_date("2099-00")); // financial year 2099 to 2100
    CHECK_FALSE(is_profile_date("2024-26"));
    CHECK_FALSE(is_profile_date("2024/25"));
    CHECK_FALSE(is_profile_date("31/03/2024"));
    CHECK_FALSE(is_profile_date(""));
}

// ---- the real profiles in assets/councils
// ------------------------------------------------------------------

TEST_CASE("the five seed councils' profiles load and hold the documents' figures") {
    std::vector<CouncilProfile> all;
    for (const char* id : {"waltham-forest", "leicestershire", "rotherham", "herefordshire", "essex"}) {
        INFO(id);
        const Expected<CouncilProfile> load = load_council_profile(asset(id));
        CHECK(load.error().empty());
        REQUIRE(load.ok());
        CHECK(load->id == id);                    // file name and id agree
        CHECK(load->help_line.empty());           // no seed paper states a help line
        CHECK(load->framework_providers.empty()); // no document names them
        CHECK_FALSE(load->framework_providers_note.empty());
        for (const CouncilRate& r : load->rates)
            CHECK(find_source(*load, r.source) != nullptr);
        all.push_back(*load);
    }
    // ONS upper-tier codes as in data/postcode_to_council/lad_to_upper_tier.csv.
    CHECK(find_council_for(all, "E09000031")->id == "waltham-forest");
    CHECK(find_council_for(all, "E10000018")->id == "leicestershire");
    CHECK(find_council_for(all, "E08000018")->id == "rotherham");
    CHECK(find_council_for(all, "E06000019")->id == "herefordshire");
    CHECK(find_council_for(all, "e10000012 ")->id == "essex");
    CHECK(find_council_for(all, "E06000016") == nullptr); // Leicester city is not Leicestershire
    CHECK(find_council_by_id(all, "essex")->upper_tier_code == "E10000012");
    CHECK(find_council_by_id(all, "Essex") == nullptr);

    // Best-fit districts, counted in data/postcode_to_council/README.md: 4, 21, 10, 9 and 59.
    CHECK(find_council_by_id(all, "waltham-forest")->postcode_districts.size() == 4);
    CHECK(find_council_by_id(all, "leicestershire")->postcode_districts.size() == 21);
    CHECK(find_council_by_id(all, "rotherham")->postcode_districts.size() == 10);
    CHECK(find_council_by_id(all, "herefordshire")->postcode_districts.size() == 9);
    CHECK(find_council_by_id(all, "essex")->postcode_districts.size() == 59);
    CHECK(find_council_by_id(all, "leicestershire")->lad_codes.size() == 7);
    CHECK(find_council_by_id(all, "essex")->lad_codes.size() == 12);
    CHECK(find_council_for_district(all, "hr4")->id == "herefordshire");
    CHECK(find_council_for_district(all, "E4")->id == "waltham-forest"); // 97.6% Waltham Forest
    CHECK(find_council_for_district(all, "CM1")->id == "essex");
    CHECK(find_council_for_district(all, "S60")->id == "rotherham");
    CHECK(find_council_for_district(all, "LE12")->id == "leicestershire");
    CHECK(find_council_for_district(all, "LE1") == nullptr); // Leicester
    CHECK(find_council_for_district(all, "SS1") == nullptr); // Southend-on-Sea, a unitary, not Essex
    CHECK(find_council_for_district(all, "B13") == nullptr);

    SECTION("Waltham Forest: framework rates from the market position statement, 1 March 2024") {
        const CouncilProfile& wf = *find_council_by_id(all, "waltham-forest");
        REQUIRE(wf.rates.size() >= 2);
        CHECK(wf.rates[0].per_hour_pence == 1717);
        CHECK(wf.rates[0].per_hour_max_pence == 1820);
        CHECK(wf.rates[0].applies_from == "2022-10");
        CHECK(wf.rates[1].per_hour_pence == 1538);
        CHECK(wf.rates[1].per_hour_max_pence == 1614);
        CHECK(find_source(wf, wf.rates[0].source)->date == "2024-03-01");
        REQUIRE(wf.arrangements.size() >= 1);
        CHECK(wf.arrangements[0].providers == 10);
        CHECK(wf.arrangements[0].lots == 5);
        CHECK(wf.arrangements[0].term_years == 4);
    }
    SECTION("Essex: two tiers and the Live at Home rates") {
        const CouncilProfile& e = *find_council_by_id(all, "essex");
        REQUIRE_FALSE(e.arrangements.empty());
        CHECK(e.arrangements[0].tiers.size() == 2);
        CHECK(e.arrangements[0].providers == 105);
        CHECK(e.arrangements[0].services.size() == 6);
        REQUIRE(e.rates.size() == 5);
        CHECK(e.rates[0].per_hour_pence == 2384);
        CHECK(e.rates[1].per_hour_max_pence == 2724);
        CHECK(e.rates[2].kind == RateKind::CouncilChargesClient);
        CHECK(e.rates[2].per_hour_pence == 2392);
        CHECK(e.rates[3].care_type == CareType::NightWaking);
        CHECK(e.rates[3].per_hour_pence == 2172);
        CHECK(e.rates[4].care_type == CareType::NightSleeping);
        CHECK(e.rates[4].per_hour_pence == 1284);
    }
    SECTION("Herefordshire: the only rate is marked historic; Talk Community hubs without a phone number") {
        const CouncilProfile& h = *find_council_by_id(all, "herefordshire");
        REQUIRE(h.rates.size() == 1);
        CHECK(h.rates[0].per_hour_pence == 1620);
        CHECK(h.rates[0].historic);
        REQUIRE(h.local_help.size() == 2);
        CHECK(h.local_help[0].name == "Talk Community hubs");
        CHECK(h.local_help[0].phone.empty());
        CHECK(h.local_help[0].description.find("73 Talk Community hubs") != std::string::npos);
        CHECK(h.local_help[0].source == "heref-hubs-2023");
        CHECK(h.local_help[1].name == "Talk Community Directory");
        CHECK(h.local_help[1].url == "https://www.talkcommunitydirectory.org/");
    }
    SECTION("Leicestershire: 8 lead providers over 15 lots and no published rate") {
        const CouncilProfile& l = *find_council_by_id(all, "leicestershire");
        CHECK(l.rates.empty());
        REQUIRE_FALSE(l.arrangements.empty());
        CHECK(l.arrangements[0].providers == 8);
        CHECK(l.arrangements[0].lots == 15);
        CHECK(l.arrangements[0].started == "2016-11-07");
    }
    SECTION("Rotherham: 12 providers, 7 zones; the client charge has no date on its page") {
        const CouncilProfile& r = *find_council_by_id(all, "rotherham");
        REQUIRE(r.arrangements.size() == 1);
        CHECK(r.arrangements[0].providers == 12);
        CHECK(r.arrangements[0].lots == 7);
        CHECK(r.arrangements[0].lot_kind == "zones");
        REQUIRE(r.rates.size() == 1);
        CHECK(r.rates[0].per_hour_pence == 1830);
        CHECK(r.rates[0].applies_from.empty());
        CHECK(r.rates[0].as_at.empty());
    }
}

TEST_CASE("a source says when it is a news report, and its maintainer's note is read but not kept") {
    const auto source_with = [](const std::string& fields) {
        return R"({"schema_version": 1, "id": "t", "name": "T", "area_name": "T", "upper_tier_code": "E06000099",
        "sources": [{"id": "doc", "title": "D", "publisher": "P")" +
               fields + "}]}";
    };
    const Expected<CouncilProfile> news = load_council_profile(source_with(
        R"(, "kind": "news_report", "note": "A proposal.", "maintainer_note": "Decision not seen.")"));
    REQUIRE(news.ok());
    CHECK(news->sources[0].news_report);
    CHECK(news->sources[0].note == "A proposal.");
    const Expected<CouncilProfile> paper = load_council_profile(source_with(R"(, "kind": "document")"));
    REQUIRE(paper.ok());
    CHECK_FALSE(paper->sources[0].news_report);
    CHECK(error_of(source_with(R"(, "kind": "newspaper")")) ==
          "council profile: 'sources[0].kind' must be \"document\" or \"news_report\"");
    CHECK(error_of(source_with(R"(, "maintainer_note": 3)")) ==
          "council profile: 'sources[0].maintainer_note' must be text (in double quotes)");
    // The real Waltham Forest profile marks the Echo's report as news, and no note shown to a person there is
    // a research note.
    const Expected<CouncilProfile> wf = load_council_profile(asset("waltham-forest"));
    REQUIRE(wf.ok());
    const CouncilSource* echo = find_source(*wf, "wf-echo-2025");
    REQUIRE(echo != nullptr);
    CHECK(echo->news_report);
    CHECK_FALSE(find_source(*wf, "wf-mps-2024")->news_report);
}
