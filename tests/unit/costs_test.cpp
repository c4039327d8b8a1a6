// homecare-finder tests: indicative costs (mirrors src/core/costs.cpp).
// Depends on: hcf_core, Catch2; the real council profiles in assets/councils/. The cost reference rows are
// built in code below with the values of ../shared/data/cost_reference.csv, so every expected figure
// can be checked by hand from them.
// SPDX-License-Identifier: MIT
#include "core/costs.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

using namespace hcf::core;
using hcf::test::read_text;

namespace {

CostReference row(const std::string& item, const std::string& value, const std::string& unit,
                  const std::string& applies_from, const std::string& geography,
                  const std::string& source_name, const std::string& url, const std::string& note = "") {
    return cost_reference_from_fields({{"item", item},
                                       {"value", value},
                                       {"unit", unit},
                                       {"applies_from", applies_from},
                                       {"geography", geography},
                                       {"source_name", source_name},
                                       {"source_url", url},
                                       {"note", note}});
}

// The rows costs.cpp reads, as in cost_reference.csv (older years included, so "latest" is tested).
std::vector<CostReference> real_refs() {
    const std::string hca_2025 =
        "https://homecareassociation.org.uk/resource/the-homecare-association-releases-its-"
        "minimum-price-for-homecare-2025-26.html";
    const std::string lottie = "https://lottie.org/home-care-services-guides/care-at-home-costs";
    return {
        row("Homecare Association Minimum Price for Homecare", "28.53", "GBP per hour", "2024-04", "England",
            "Homecare Association 14 Dec 2023", "https://www.homecareassociation.org.uk/x.html",
            "Based on National Living Wage 11.44"),
        row("Homecare Association Minimum Price for Homecare", "32.14", "GBP per hour", "2025-04", "England",
            "Homecare Association 18 Dec 2024", hca_2025,
            "Based on National Living Wage 12.21 and employer NI 15%"),
        row("Homecare Association Minimum Price for Homecare (Wales)", "28.64", "GBP per hour", "2023-04",
            "Wales", "Homecare Association Dec 2022", "http://americaby.com/wales.html", "Wales only"),
        row("Domiciliary (hourly) home care average price", "28", "GBP per hour", "2025-01", "UK",
            "Lottie: Home Care Costs 2025 (figures updated Jan 2025)", lottie,
            "Lottie internal data; varies by area and need"),
        row("Live-in care average price", "1596 (228 per day)", "GBP per week", "2025-01", "UK",
            "Lottie: Home Care Costs 2025 (figures updated Jan 2025)", lottie, "7 days a week"),
        row("Overnight sleeping care average price", "187 per night (1309 per week)", "GBP", "2025-01", "UK",
            "Lottie: Home Care Costs 2025 (figures updated Jan 2025)", lottie),
        row("Overnight waking care average price", "244 per night (1708 per week)", "GBP", "2025-01", "UK",
            "Lottie: Home Care Costs 2025 (figures updated Jan 2025)", lottie),
        row("Home care average cost range", "23-34", "GBP per hour", "not stated on page", "England",
            "homecare.co.uk: Home care funding in England",
            "https://homecare.co.uk/advice/home-care-funding-in-england",
            "Live-in care 900-1400 per week (specialist/nursing nearer 2000)"),
        row("Average council fee rate paid for homecare", "24.10", "GBP per hour", "2025-04 (2025-26)", "UK",
            "Homecare Association: Fee rates for state-funded homecare in 2025-26 (5 Jun 2025)",
            "https://www.homecareassociation.org.uk/resource/"
            "fee-rates-for-state-funded-homecare-in-2025-26.html"),
        row("Average council fee rate paid for homecare", "23.26", "GBP per hour", "2024-04 (2024-25)", "UK",
            "Homecare Association (1 Aug 2024)", "https://homecareassociation.org.uk/resource/report.html"),
    };
}

CouncilProfile council(const std::string& id) {
    const Expected<CouncilProfile> load =
        load_council_profile(read_text(HCF_SOURCE_DIR "/assets/councils/" + id + ".json"));
    REQUIRE(load.ok());
    return *load;
}

const CostLine* line_of(const CostEstimate& e, CostLineKind kind, std::size_t nth = 0) {
    for (const CostLine& l : e.lines)
        if (l.kind == kind && nth-- == 0) return &l;
    return nullptr;
}

CostInputs visits(int per_day, int minutes, int days) {
    CostInputs in;
    in.visits_per_day = per_day;
    in.minutes_per_visit = minutes;
    in.days_per_week = days;
    return in;
}

} // namespace

TEST_CASE("cost_for_minutes rounds to the nearest penny") {
    CHECK(cost_for_minutes(2800, 60) == 2800);
    CHECK(cost_for_minutes(2800, 420) == 19600); // £28 x 7 hours = £196
    CHECK(cost_for_minutes(2853, 15) == 713);    // £28.53 / 4 = £7.1325 -> £7.13
    CHECK(cost_for_minutes(2853, 10) == 476);    // £28.53 / 6 = £4.755 -> £4.76 (half up)
    CHECK(cost_for_minutes(2853, 0) == 0);
}

TEST_CASE("care minutes a week come from hours or from visits") {
    CHECK(care_minutes_per_week(visits(2, 30, 7)) == 420);
    CHECK(care_minutes_per_week(visits(4, 45, 5)) == 900);
    CostInputs in = visits(2, 30, 7);
    in.hours_per_week = 10.5; // hours win over visits
    CHECK(care_minutes_per_week(in) == 630);
    in.hours_per_week = 1.0 / 3.0; // 20 minutes
    CHECK(care_minutes_per_week(in) == 20);
    CHECK(care_minutes_per_week(CostInputs{}) == 0);
}

TEST_CASE("two 30-minute visits a day, every day: 7 hours a week") {
    const CostEstimate e = estimate_costs(visits(2, 30, 7), real_refs());
    REQUIRE(e.ok);
    CHECK(e.error.empty());
    CHECK(e.minutes_per_week == 420);
    // Range from private prices: homecare.co.uk £23 x 7 = £161 up to £34 x 7 = £238 (Lottie's £28 x 7 = £196
    // is inside it).
    CHECK(e.weekly_low_pence == 16100);
    CHECK(e.weekly_high_pence == 23800);
    CHECK(e.four_weekly_low_pence == 64400);  // £161 x 4
    CHECK(e.four_weekly_high_pence == 95200); // £238 x 4
    CHECK(e.yearly_low_pence == 837200);      // £161 x 52
    CHECK(e.yearly_high_pence == 1237600);    // £238 x 52
    CHECK(e.summary == "Indicative cost of 7 hours of care a week: £161 to £238 a week.");
    CHECK(e.indicative_note.find("indicative") != std::string::npos);
    CHECK(e.gap_explanation ==
          "Councils usually pay agencies less than people who pay for their own care: on average "
          "£24.10 an hour in 2025 to 2026, against a typical private price of £28 an hour in "
          "January 2025.");
    CHECK(e.premium_note ==
          "Some agencies charge more at weekends, in the evening or on bank holidays. We found no "
          "published figure for how much more, so nothing is added here: ask each agency.");
    REQUIRE(e.lines.size() == 4); // no council given: 2 private prices + 2 benchmarks

    const CostLine* lottie = line_of(e, CostLineKind::PrivatePrice, 0);
    REQUIRE(lottie != nullptr);
    CHECK(lottie->label == "A typical private price was £28 an hour in January 2025 (Lottie)");
    CHECK(lottie->rate_low_pence == 2800);
    CHECK(lottie->weekly_low_pence == 19600);
    CHECK(lottie->in_range);
    CHECK(lottie->when == "January 2025");
    CHECK(lottie->source_url == "https://lottie.org/home-care-services-guides/care-at-home-costs");

    const CostLine* range = line_of(e, CostLineKind::PrivatePrice, 1);
    REQUIRE(range != nullptr);
    CHECK(range->label ==
          "Private home care usually costs £23 to £34 an hour (homecare.co.uk, date not stated)");
    CHECK(range->when.empty());
    CHECK(range->weekly_low_pence == 16100);
    CHECK(range->weekly_high_pence == 23800);

    const CostLine* minimum = line_of(e, CostLineKind::SectorBenchmark, 0);
    REQUIRE(minimum != nullptr);
    CHECK(minimum->label == "The minimum price for home care in England was £32.14 an hour from April 2025 "
                            "(Homecare Association)"); // 2025-26, not 2024-25's £28.53, not Wales
    CHECK(minimum->weekly_low_pence == 22498);         // £32.14 x 7 = £224.98
    CHECK_FALSE(minimum->in_range);                    // a benchmark, not a price to the person
    CHECK(minimum->note == "Based on National Living Wage 12.21 and employer NI 15%");

    const CostLine* fee = line_of(e, CostLineKind::SectorBenchmark, 1);
    REQUIRE(fee != nullptr);
    CHECK(fee->label ==
          "Councils paid agencies on average £24.10 an hour in 2025 to 2026 (Homecare Association)");
    CHECK(fee->weekly_low_pence == 16870); // £24.10 x 7 = £168.70
    CHECK_FALSE(fee->in_range);
}

TEST_CASE("hours a week given directly, with a share at weekends") {
    CostInputs in;
    in.hours_per_week = 10.5;
    in.unsocial_share = 2.0 / 7.0; // weekends: 2 of 7 days
    const CostEstimate e = estimate_costs(in, real_refs());
    REQUIRE(e.ok);
    CHECK(e.minutes_per_week == 630);
    CHECK(e.unsocial_minutes_per_week == 180); // 630 x 2/7 = 180 minutes = 3 hours
    CHECK(e.weekly_low_pence == 24150);        // £23 x 10.5 = £241.50
    CHECK(e.weekly_high_pence == 35700);       // £34 x 10.5 = £357
    CHECK(e.summary ==
          "Indicative cost of 10 hours 30 minutes of care a week: £242 to £357 a week."); // £241.50 -> £242
    // No premium is invented: the range is the same as without the weekend share.
    CHECK(e.premium_note.rfind(
              "At weekends, in the evening or at night: 3 hours of the 10 hours 30 minutes a week. "
              "Some agencies charge more",
              0) == 0);
}

TEST_CASE("the agency's own price sets the range") {
    CostInputs in = visits(2, 30, 7);
    in.provider_rate_pence = 2650;
    in.provider_name = "Example Care Ltd";
    in.provider_rate_date = "2026-09-01";
    const CostEstimate e = estimate_costs(in, real_refs());
    REQUIRE(e.ok);
    CHECK(e.weekly_low_pence == 18550); // £26.50 x 7 = £185.50
    CHECK(e.weekly_high_pence == 18550);
    CHECK(e.summary == "Indicative cost of 7 hours of care a week: £186 a week."); // one figure, rounded
    CHECK(e.range_basis == "This uses the agency's own price.");
    REQUIRE_FALSE(e.lines.empty());
    CHECK(e.lines[0].kind == CostLineKind::ProviderRate);
    CHECK(e.lines[0].label == "Price from Example Care Ltd: £26.50 an hour, given on 1 September 2026");
    CHECK(e.lines[0].in_range);
    const CostLine* lottie = line_of(e, CostLineKind::PrivatePrice);
    REQUIRE(lottie != nullptr);
    CHECK_FALSE(lottie->in_range); // still shown, for comparison
    CHECK(lottie->weekly_low_pence == 19600);
}

TEST_CASE("the council's rates are shown, never as a price to the person") {
    SECTION("Essex: framework rates and the council's charge") {
        const CouncilProfile essex = council("essex");
        const CostEstimate e = estimate_costs(visits(2, 30, 7), real_refs(), &essex);
        REQUIRE(e.ok);
        CHECK(e.weekly_low_pence == 16100); // unchanged by council lines
        CHECK(e.weekly_high_pence == 23800);
        const CostLine* lowest = line_of(e, CostLineKind::CouncilPaysProvider, 0);
        REQUIRE(lowest != nullptr);
        CHECK(lowest->label ==
              "Live at Home framework, lowest rate: Essex County Council pays agencies £23.84 an "
              "hour from 31 March 2024 (Provider Hub: Live at Home Uplifts)");
        CHECK(lowest->explanation == "What the council pays agencies, not a price to you.");
        CHECK(lowest->weekly_low_pence == 16688); // £23.84 x 7 = £166.88
        CHECK_FALSE(lowest->in_range);
        CHECK(lowest->source_url ==
              "https://www.essexproviderhub.org/domiciliary-care-hub/home-care/contracts/rate-uplifts/");
        const CostLine* points = line_of(e, CostLineKind::CouncilPaysProvider, 1);
        REQUIRE(points != nullptr);
        CHECK(points->weekly_low_pence == 16688);
        CHECK(points->weekly_high_pence == 19068); // £27.24 x 7 = £190.68
        CHECK(points->note == "£28.44 in Epping.");
        const CostLine* charge = line_of(e, CostLineKind::CouncilChargesClient, 0);
        REQUIRE(charge != nullptr);
        CHECK(charge->label ==
              "Charge for home support the council arranges (normal hours, one carer): Essex County "
              "Council charges £23.92 an hour in 2024 to 2025 (Council care charges)");
        CHECK(charge->weekly_low_pence == 16744); // £23.92 x 7 = £167.44
        // Night rates are not shown for daytime visits.
        CHECK(line_of(e, CostLineKind::CouncilChargesClient, 1) == nullptr);
    }
    SECTION("Waltham Forest: bands with averages, 'as at' dates") {
        const CouncilProfile wf = council("waltham-forest");
        const CostEstimate e = estimate_costs(visits(2, 30, 7), real_refs(), &wf);
        REQUIRE(e.ok);
        const CostLine* framework = line_of(e, CostLineKind::CouncilPaysProvider, 0);
        REQUIRE(framework != nullptr);
        CHECK(framework->label ==
              "Homecare framework, new referrals: London Borough of Waltham Forest pays agencies "
              "£17.17 to £18.20 an hour from October 2022 (Market position statement: "
              "Home-Based Support Services)");
        CHECK(framework->weekly_low_pence == 12019);  // £17.17 x 7 = £120.19
        CHECK(framework->weekly_high_pence == 12740); // £18.20 x 7 = £127.40
        const CostLine* all = line_of(e, CostLineKind::CouncilPaysProvider, 3);
        REQUIRE(all != nullptr);
        CHECK(all->label ==
              "All agencies, range actually paid: London Borough of Waltham Forest pays agencies £11.81 "
              "to £22.95 an hour (£16.34 on average) at 1 January 2024 (Market position statement: "
              "Home-Based Support Services)");
        CHECK(all->rate_average_pence == 1634);
    }
    SECTION("Herefordshire: the historic rate says so") {
        const CouncilProfile h = council("herefordshire");
        const CostEstimate e = estimate_costs(visits(1, 60, 7), real_refs(), &h);
        REQUIRE(e.ok);
        const CostLine* old = line_of(e, CostLineKind::CouncilPaysProvider);
        REQUIRE(old != nullptr);
        CHECK(old->historic);
        CHECK(old->label ==
              "Contracted care at home, 60-minute rate (urban and rural): Herefordshire Council paid "
              "agencies £16.20 an hour from 2 April 2018 (Decision: Care Provider fee increase for "
              "2018-2019)");
        CHECK(old->explanation == "What the council pays agencies, not a price to you. This rate is out of "
                                  "date: no newer one is published.");
        CHECK(old->weekly_low_pence == 11340); // £16.20 x 7
    }
    SECTION("Rotherham: an undated charge says the date is not stated") {
        const CouncilProfile r = council("rotherham");
        const CostEstimate e = estimate_costs(visits(1, 60, 7), real_refs(), &r);
        const CostLine* charge = line_of(e, CostLineKind::CouncilChargesClient);
        REQUIRE(charge != nullptr);
        CHECK(charge->label ==
              "Charge for home care the council arranges: Rotherham Metropolitan Borough Council "
              "charges £18.30 an hour (Paying for Adult Care Services, date not stated)");
        CHECK(charge->when.empty());
    }
    SECTION("Leicestershire publishes no rate: no council lines") {
        const CouncilProfile l = council("leicestershire");
        const CostEstimate e = estimate_costs(visits(1, 60, 7), real_refs(), &l);
        REQUIRE(e.ok);
        CHECK(line_of(e, CostLineKind::CouncilPaysProvider) == nullptr);
        CHECK(line_of(e, CostLineKind::CouncilChargesClient) == nullptr);
    }
}

TEST_CASE("night care is priced by the night") {
    SECTION("7 sleeping nights: Lottie's £187 a night") {
        CostInputs in;
        in.care_type = CareType::NightSleeping;
        const CostEstimate e = estimate_costs(in, real_refs());
        REQUIRE(e.ok);
        CHECK(e.nights_per_week == 7);
        CHECK(e.weekly_low_pence == 130900); // £187 x 7 = £1,309, as the source's own weekly figure
        CHECK(e.weekly_high_pence == 130900);
        CHECK(e.yearly_low_pence == 6806800); // £1,309 x 52 = £68,068
        CHECK(e.summary == "Indicative cost of 7 sleeping nights a week: £1,309 a week.");
        REQUIRE(e.lines.size() == 1); // no hourly benchmarks for night care
        CHECK(e.lines[0].label ==
              "A typical private price for a sleeping night was £187 a night in January 2025 (Lottie)");
        CHECK(e.lines[0].per == Per::Night);
    }
    SECTION("5 waking nights") {
        CostInputs in;
        in.care_type = CareType::NightWaking;
        in.nights_per_week = 5;
        const CostEstimate e = estimate_costs(in, real_refs());
        REQUIRE(e.ok);
        CHECK(e.weekly_low_pence == 122000); // £244 x 5
        CHECK(e.four_weekly_low_pence == 488000);
        CHECK(e.summary == "Indicative cost of 5 waking nights a week: £1,220 a week.");
    }
    SECTION("Essex's hourly night charges need the hours a night") {
        const CouncilProfile essex = council("essex");
        CostInputs in;
        in.care_type = CareType::NightSleeping;
        in.nights_per_week = 1;
        CostEstimate e = estimate_costs(in, real_refs(), &essex);
        REQUIRE(e.ok);
        const CostLine* charge = line_of(e, CostLineKind::CouncilChargesClient);
        REQUIRE(charge != nullptr);
        CHECK(charge->label ==
              "Charge for a sleeping night: Essex County Council charges £12.84 an hour in 2024 to "
              "2025 (Council care charges)");
        CHECK_FALSE(charge->has_weekly); // hours a night not given
        CHECK(e.summary == "Indicative cost of 1 sleeping night a week: £187 a week.");
        in.hours_per_night = 10;
        e = estimate_costs(in, real_refs(), &essex);
        charge = line_of(e, CostLineKind::CouncilChargesClient);
        REQUIRE(charge != nullptr);
        CHECK(charge->has_weekly);
        CHECK(charge->weekly_low_pence == 12840); // £12.84 x 10 hours x 1 night
        CHECK_FALSE(charge->in_range);
        CHECK(e.weekly_low_pence == 18700); // still Lottie's £187
    }
    SECTION("the agency's own price for a night") {
        CostInputs in;
        in.care_type = CareType::NightWaking;
        in.nights_per_week = 2;
        in.provider_rate_pence = 21000;
        const CostEstimate e = estimate_costs(in, real_refs());
        REQUIRE(e.ok);
        CHECK(e.weekly_low_pence == 42000); // £210 x 2
        CHECK(e.lines[0].label == "Price from the agency: £210 a night");
    }
}

TEST_CASE("live-in care is priced by the week") {
    CostInputs in;
    in.care_type = CareType::LiveIn;
    const CostEstimate e = estimate_costs(in, real_refs());
    REQUIRE(e.ok);
    // homecare.co.uk £900 to £1,400 (from its note) and Lottie £1,596: £900 to £1,596.
    CHECK(e.weekly_low_pence == 90000);
    CHECK(e.weekly_high_pence == 159600);
    CHECK(e.four_weekly_low_pence == 360000);
    CHECK(e.four_weekly_high_pence == 638400);
    CHECK(e.yearly_low_pence == 4680000);  // £900 x 52 = £46,800
    CHECK(e.yearly_high_pence == 8299200); // £1,596 x 52 = £82,992
    CHECK(e.summary == "Indicative cost of live-in care: £900 to £1,596 a week.");
    REQUIRE(e.lines.size() == 2);
    CHECK(e.lines[0].label ==
          "A typical private price for live-in care was £1,596 a week in January 2025 (Lottie)");
    CHECK(e.lines[1].label ==
          "Private live-in care usually costs £900 to £1,400 a week (homecare.co.uk, date not stated)");
}

TEST_CASE("inputs a person might type are checked with plain messages") {
    auto error = [](const CostInputs& in) {
        const CostEstimate e = estimate_costs(in, real_refs());
        CHECK_FALSE(e.ok);
        CHECK(e.lines.empty());
        return e.error;
    };
    CHECK(error(CostInputs{}) ==
          "Enter the hours of care a week, or the visits a day and how long each visit is.");
    CHECK(error(visits(0, 30, 7)) == "Enter between 1 and 24 visits a day.");
    CHECK(error(visits(25, 30, 7)) == "Enter between 1 and 24 visits a day.");
    CHECK(error(visits(2, 0, 7)) == "Enter how long each visit is, from 1 to 1,440 minutes.");
    CHECK(error(visits(2, -15, 7)) == "Enter how long each visit is, from 1 to 1,440 minutes.");
    CHECK(error(visits(2, 30, 0)) == "Enter between 1 and 7 days a week.");
    CHECK(error(visits(2, 30, 8)) == "Enter between 1 and 7 days a week.");
    CHECK(error(visits(4, 361, 7)) ==
          "The visits add up to more than 24 hours a day. Check the number of visits and their length.");
    CHECK(estimate_costs(visits(4, 360, 7), real_refs()).ok); // exactly 24 hours a day
    CostInputs in;
    in.hours_per_week = 168.01;
    CHECK(error(in) == "Enter up to 168 hours a week: there are 168 hours in a week.");
    in.hours_per_week = 168;
    CHECK(estimate_costs(in, real_refs()).ok);
    in.hours_per_week = -1;
    CHECK(error(in) == "Enter the hours of care a week as a number, like 10 or 7.5.");
    in.hours_per_week = std::nan("");
    CHECK(error(in) == "Enter the hours of care a week as a number, like 10 or 7.5.");
    in.hours_per_week = std::numeric_limits<double>::infinity();
    CHECK(error(in) == "Enter up to 168 hours a week: there are 168 hours in a week.");
    in.hours_per_week = 0.001;
    CHECK(error(in) == "Enter at least 1 minute of care a week.");
    in.hours_per_week = 7;
    in.unsocial_share = 1.5;
    CHECK(error(in) ==
          "The part of the care at weekends, in the evening or at night must be between 0% and 100%.");
    in.unsocial_share = 0;
    in.provider_rate_pence = -1;
    CHECK(error(in) == "The agency's price must be between £0 and £100,000.");
    CostInputs night;
    night.care_type = CareType::NightWaking;
    night.nights_per_week = 0;
    CHECK(error(night) == "Enter between 1 and 7 nights a week.");
    night.nights_per_week = 3;
    night.hours_per_night = 25;
    CHECK(error(night) == "Enter the hours a night from 0 to 24.");
}

TEST_CASE("without price data there is no estimate, rather than a guess") {
    const CostEstimate e = estimate_costs(visits(2, 30, 7), {});
    CHECK_FALSE(e.ok);
    CHECK(e.error ==
          "No published prices for this kind of care are loaded, so no estimate can be shown. Ask agencies "
          "for their prices.");
    SECTION("but the agency's own price alone is enough") {
        CostInputs in = visits(2, 30, 7);
        in.provider_rate_pence = 2500;
        const CostEstimate p = estimate_costs(in, {});
        REQUIRE(p.ok);
        CHECK(p.weekly_low_pence == 17500);
        CHECK(p.gap_explanation ==
              "Councils usually pay agencies less than people who pay for their own care.");
    }
}

TEST_CASE("cost line kinds have stable keys") {
    CHECK(cost_line_kind_key(CostLineKind::ProviderRate) == "provider_rate");
    CHECK(cost_line_kind_key(CostLineKind::PrivatePrice) == "private_price");
    CHECK(cost_line_kind_key(CostLineKind::SectorBenchmark) == "sector_benchmark");
    CHECK(cost_line_kind_key(CostLineKind::CouncilPaysProvider) == "council_pays_provider");
    CHECK(cost_line_kind_key(CostLineKind::CouncilChargesClient) == "council_charges_client");
}
