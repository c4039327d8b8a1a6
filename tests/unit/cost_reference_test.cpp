// homecare-finder tests: cost reference rows, their parser and look-ups (mirrors
// src/core/cost_reference.cpp). Depends on: hcf_core, Catch2; fixture tests/data/costs/cost_reference.csv (a
// copy of ../shared/data/cost_reference.csv, 45 rows) and the small CSV cases written inline below.
// SPDX-License-Identifier: MIT
#include "core/cost_reference.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace hcf::core;
using hcf::test::read_text;

namespace {

CostReference row(const std::string& item, const std::string& value, const std::string& unit,
                  const std::string& applies_from, const std::string& geography = "England") {
    return cost_reference_from_fields({{"item", item},
                                       {"value", value},
                                       {"unit", unit},
                                       {"applies_from", applies_from},
                                       {"geography", geography},
                                       {"source_name", "Test source 1 Jan 2025"},
                                       {"source_url", "https://example.org/"},
                                       {"note", ""}});
}

} // namespace

TEST_CASE("cost_reference_from_fields reads the fields and the numbers in the value") {
    SECTION("a plain hourly figure") {
        const CostReference r =
            cost_reference_from_fields({{"item", " Homecare Association Minimum Price "},
                                        {"value", "28.53"},
                                        {"unit", "GBP per hour"},
                                        {"applies_from", "2024-04"},
                                        {"geography", "England"},
                                        {"source_name", "Homecare Association 14 Dec 2023"},
                                        {"source_url", "https://x/"},
                                        {"note", "Based on National Living Wage 11.44"}});
        CHECK(r.item == "Homecare Association Minimum Price"); // trimmed
        CHECK(r.has_value);
        CHECK(r.value == Approx(28.53));
        CHECK(r.value_pence == 2853);
        CHECK(r.value_high_pence == 2853);
        CHECK(r.values == std::vector<double>{28.53});
        CHECK(r.unit == "GBP per hour");
        CHECK(r.note == "Based on National Living Wage 11.44");
        CHECK(cost_reference_per(r) == Per::Hour);
    }
    SECTION("a range") {
        const CostReference r = row("Essex Live at Home personal care price points", "23.84-27.24",
                                    "GBP per hour", "2024-03-31", "Essex");
        CHECK(r.value_pence == 2384);
        CHECK(r.value_high_pence == 2724);
        CHECK(row("Home care average cost range", "23-34", "GBP per hour", "").value_high_pence == 3400);
        CHECK(row("x", "23 - 34", "GBP per hour", "").value_high_pence == 3400);
        CHECK(row("x", "34-23", "GBP per hour", "").value_high_pence == 3400); // not a range: high < low
    }
    SECTION("parts separated by ' / '") {
        const CostReference r =
            row("MIG single person amounts", "82.15 / 103.65 / 214.35", "GBP per week", "");
        REQUIRE(r.values.size() == 3);
        CHECK(r.values[0] == Approx(82.15));
        CHECK(r.values[1] == Approx(103.65));
        CHECK(r.values[2] == Approx(214.35));
        CHECK(r.value_pence == 8215);
        CHECK(r.value_high_pence == 8215); // parts are not a range
        const CostReference limits = row(
            "Care Act capital limits", "14250 / 23250; 1 GBP per week per 250 GBP between limits", "GBP", "");
        CHECK(limits.values == std::vector<double>{14250, 23250});
    }
    SECTION("words after the number are kept in value_text") {
        const CostReference r = row("Overnight sleeping care average price", "187 per night (1309 per week)",
                                    "GBP", "2025-01", "UK");
        CHECK(r.value_pence == 18700);
        CHECK(r.value_text == "187 per night (1309 per week)");
        CHECK(cost_reference_per(r) == Per::Night); // the unit says only "GBP"
        const CostReference live_in = row("Live-in", "1596 (228 per day)", "GBP per week", "2025-01", "UK");
        CHECK(live_in.value_pence == 159600);
        CHECK(cost_reference_per(live_in) == Per::Week); // the unit wins over "(228 per day)"
        const CostReference mig = row("MIG pension age", "232 (rounded as reported)", "GBP per week", "2025");
        CHECK(mig.value_pence == 23200);
    }
    SECTION("no number, or not money") {
        const CostReference words = row("Charging reform", "not implemented", "", "was planned Oct 2025");
        CHECK_FALSE(words.has_value);
        CHECK(words.value == 0.0);
        CHECK(words.values.empty());
        CHECK(cost_reference_per(words) == Per::None);
        const CostReference count =
            row("CQC-rated home care providers (count)", "8946", "locations", "2024-08-01");
        CHECK(count.has_value);
        CHECK(count.value == 8946.0);
        CHECK(count.value_pence == 0); // not GBP
        const CostReference empty = cost_reference_from_fields({});
        CHECK(empty.item.empty());
        CHECK_FALSE(empty.has_value);
    }
    SECTION("per from the unit's first 'per'") {
        CHECK(cost_reference_per(row("Tariff", "1", "GBP per week per 250 GBP of capital", "")) == Per::Week);
        CHECK(cost_reference_per(row("St Helens", "21.81", "GBP per hour per carer", "")) == Per::Hour);
    }
}

TEST_CASE("parse_cost_references reads the real cost_reference.csv") {
    const auto parsed = parse_cost_references(read_text(HCF_TEST_DATA_DIR "/costs/cost_reference.csv"));
    CHECK(parsed.error().empty());
    REQUIRE(parsed.ok());
    const std::vector<CostReference>& refs = *parsed;
    REQUIRE(refs.size() == 45);
    CHECK(refs[0].item == "Homecare Association Minimum Price for Homecare");
    CHECK(refs[0].value_pence == 2595);
    // A quoted note with commas inside stays one field.
    CHECK(refs[0].note.find("Based on National Living Wage 10.42 (page is a mirror") == 0);
    CHECK(refs[0].source_url == "http://americaby.com/minimum-price-for-homecare-2023-24.html");
    CHECK(refs.back().item == "Essex night care charges (waking / sleeping)");
    CHECK(refs.back().values == std::vector<double>{21.72, 12.84});
    CHECK(refs.back().note == "24-hour care 12.76 per hour");

    SECTION("find_latest picks the newest year") {
        const CostReference* hca = find_latest(refs, "homecare association minimum price", "England");
        REQUIRE(hca != nullptr);
        CHECK(hca->value_pence == 3214); // 2025-26, not 2024-25 (£28.53) or 2023-24 (£25.95)
        CHECK(hca->applies_from == "2025-04");
        CHECK(describe_when(hca->applies_from) == "April 2025");
        const CostReference* fee = find_latest(refs, "Average council fee rate paid for homecare");
        REQUIRE(fee != nullptr);
        CHECK(fee->value_pence == 2410); // 2025-26 beats 2024-25's £23.26
        CHECK(describe_when(fee->applies_from) == "2025 to 2026");
        CHECK(short_source_name(fee->source_name) == "Homecare Association");
    }
    SECTION("geography filters exactly, ignoring case") {
        CHECK(find_latest(refs, "Minimum Price for Homecare", "wales")->value_pence == 2864);
        CHECK(find_latest(refs, "Minimum Price for Homecare", "Scotland") == nullptr);
        CHECK(find_all(refs, "Minimum Price for Homecare").size() == 4);
        CHECK(find_all(refs, "Minimum Price for Homecare", "England").size() == 3);
    }
    SECTION("rows without a number are skipped unless asked for") {
        CHECK(find_latest(refs, "Charging reform") == nullptr);
        const CostReference* reform = find_latest(refs, "Charging reform", "", false);
        REQUIRE(reform != nullptr);
        CHECK(reform->value_text == "not implemented");
    }
    SECTION("a range kept in a note") {
        const CostReference* range = find_latest(refs, "Home care average cost range");
        REQUIRE(range != nullptr);
        const auto band = find_range_in_text(range->note, "live-in care");
        REQUIRE(band);
        CHECK(band->low_pence == 90000);
        CHECK(band->high_pence == 140000);
        CHECK_FALSE(find_range_in_text(range->note, "nursing care"));
        CHECK_FALSE(find_range_in_text("Live-in care about 900", "Live-in care"));
    }
}

TEST_CASE("find_latest breaks ties by the later row") {
    const std::vector<CostReference> refs = {
        row("Rate", "10", "GBP per hour", "2025-04"), row("Rate", "12", "GBP per hour", "2025-04"),
        row("Rate", "11", "GBP per hour", "2024-04"), row("Rate", "99", "GBP per hour", "current")};
    CHECK(find_latest(refs, "rate")->value_pence == 1200);
    CHECK(find_latest({}, "rate") == nullptr);
}

TEST_CASE("parse_cost_references reports what is wrong") {
    const std::string header = "item,value,unit,applies_from,geography,source_name,source_url,note\n";
    SECTION("CRLF, a byte order mark, doubled quotes and blank lines") {
        const std::string csv =
            "\xEF\xBB\xBF" + header.substr(0, header.size() - 1) +
            "\r\n\r\n\"A \"\"quoted\"\" item\",1.5,GBP per hour,2025-04,England,S,U,\"a,\nb\"\r\n";
        const auto refs = parse_cost_references(csv);
        CHECK(refs.error().empty());
        REQUIRE(refs.ok());
        REQUIRE(refs->size() == 1);
        CHECK((*refs)[0].item == "A \"quoted\" item");
        CHECK((*refs)[0].value_pence == 150);
        CHECK((*refs)[0].note == "a,\nb");
    }
    SECTION("columns in another order, and extra columns") {
        const auto refs = parse_cost_references("note,extra,source_url,source_name,geography,applies_from,"
                                                "unit,value,item\nN,X,U,S,G,2025,GBP,2,Thing\n");
        REQUIRE(refs.ok());
        REQUIRE(refs->size() == 1);
        CHECK((*refs)[0].item == "Thing");
        CHECK((*refs)[0].value_pence == 200);
        CHECK((*refs)[0].note == "N");
    }
    SECTION("errors") {
        const auto empty = parse_cost_references("");
        CHECK_FALSE(empty.ok());
        CHECK(empty.error() == "cost reference CSV: the file is empty");
        const auto no_url =
            parse_cost_references("item,value,unit,applies_from,geography,source_name,note\n");
        CHECK_FALSE(no_url.ok());
        CHECK(no_url.error() == "cost reference CSV: the header has no 'source_url' column");
        const auto short_row = parse_cost_references(header + "a,1,GBP,2025,England,S,U,N\na,1,GBP\n");
        CHECK_FALSE(short_row.ok());
        CHECK(short_row.error() == "cost reference CSV: line 3 has 3 fields but the header has 8");
        const auto unclosed = parse_cost_references(header + "\"never closed,1\n");
        CHECK_FALSE(unclosed.ok());
        CHECK(unclosed.error() ==
              "cost_reference.csv, line 2: a quoted value starts here and is never closed, so the "
              "file looks cut short or damaged.");
        // A stray quote inside a value is kept as written (CQC and ONS files have them), not refused.
        const auto quoted = parse_cost_references(header + "a\"b,1,GBP,2025,England,S,U,N\n");
        REQUIRE(quoted.ok());
        REQUIRE(quoted->size() == 1);
        CHECK((*quoted)[0].item == "a\"b");
        // A header with no rows is an empty list, not a failure; a short row is a failure, not an empty list.
        const auto header_only = parse_cost_references(header);
        CHECK(header_only.ok());
        CHECK(header_only->empty());
        CHECK_FALSE(parse_cost_references(header + "a,1\n").ok());
    }
}

TEST_CASE("short_source_name keeps the publisher") {
    CHECK(short_source_name(
              "Homecare Association: Fee rates for state-funded homecare in 2025-26 (5 Jun 2025)") ==
          "Homecare Association");
    CHECK(short_source_name("Homecare Association 14 Dec 2023") == "Homecare Association");
    CHECK(short_source_name("Homecare Association Dec 2022") == "Homecare Association");
    CHECK(short_source_name("Homecare Association (1 Aug 2024)") == "Homecare Association");
    CHECK(short_source_name("Lottie: Home Care Costs 2025 (figures updated Jan 2025)") == "Lottie");
    CHECK(short_source_name("homecare.co.uk: Home care funding in England") == "homecare.co.uk");
    CHECK(short_source_name("Waltham Forest Echo (Local Democracy Reporter) 7 May 2025") ==
          "Waltham Forest Echo");
    CHECK(short_source_name(
              "Care and Support (Charging and Assessment of Resources) Regulations 2014 reg 3(2)(b)") ==
          "Care and Support (Charging and Assessment of Resources) Regulations 2014 reg 3(2)(b)");
    CHECK(short_source_name("GOV.UK Proposed benefit and pension rates 2026 to 2027 (updated 12 Jan 2026)") ==
          "GOV.UK Proposed benefit and pension rates 2026 to 2027");
    CHECK(short_source_name("Essex County Council Provider Hub: Live at Home Uplifts") ==
          "Essex County Council Provider Hub");
    CHECK(short_source_name("") == "");
    CHECK(short_source_name("May 2025").empty() == false); // nothing before the date: kept as is
}

TEST_CASE("contains_case_insensitive") {
    CHECK(contains_case_insensitive("Live-in care average price", "LIVE-IN"));
    CHECK(contains_case_insensitive("abc", ""));
    CHECK_FALSE(contains_case_insensitive("ab", "abc"));
}
