// homecare-finder tests: the Care Act means-test guide (mirrors src/core/means_test.cpp).
// Depends on: hcf_core, Catch2. The cost reference rows are built in code with the values of
// ../shared/data/cost_reference.csv; every expected figure is worked out by hand in the comments.
// Figures used: upper capital limit £23,250, lower £14,250 (GOV.UK circular 2024-25); tariff £1 a week per
// £250 or part of £250; MIG 2025-26: £89.15 (18-24), £112.50 (25 to Pension Credit age), about £232
// (Pension Credit age, rounded in its source); disability premium £49.65, enhanced £24.25.
// SPDX-License-Identifier: MIT
#include "core/means_test.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

namespace {

CostReference row(const std::string& item, const std::string& value, const std::string& unit,
                  const std::string& applies_from, const std::string& geography,
                  const std::string& source_name, const std::string& note = "") {
    return cost_reference_from_fields({{"item", item},
                                       {"value", value},
                                       {"unit", unit},
                                       {"applies_from", applies_from},
                                       {"geography", geography},
                                       {"source_name", source_name},
                                       {"source_url", "https://example.org/" + std::to_string(item.size())},
                                       {"note", note}});
}

const std::string kCheshire = "Cheshire West and Chester Council: Capital limits";
const std::string kCircular = "GOV.UK Social care - charging for care and support: local authority circular "
                              "(published 9 Feb 2024)";
const std::string kRuils =
    "Bright Futures @Ruils: 2025/2026 Benefit and Minimum Income Guarantee rates (19 May 2025)";

std::vector<CostReference> real_refs() {
    return {
        row("Care Act upper capital limit", "23250", "GBP", "current per source page", "England", kCheshire,
            "Above this a person self-funds (may still ask council to arrange care)"),
        row("Care Act lower capital limit", "14250", "GBP", "current", "England", kCheshire,
            "Capital below this is ignored in the financial assessment"),
        row("Tariff income between capital limits", "1",
            "GBP per week per 250 GBP of capital above the lower limit", "current", "England", kCheshire),
        row("Charging reform (86000 cap; 100000 UCL; 20000 LCL)", "not implemented", "",
            "was planned Oct 2025", "England",
            "GOV.UK Adult social care charging reform: further details (updated 12 Sep 2024)"),
        row("Care Act capital limits (lower / upper)", "14250 / 23250", "GBP", "2024-04 (2024-25)", "England",
            kCircular, "Circular: limits remain at current level for 2024-25."),
        row("Care Act capital limits and tariff income (council page)",
            "14250 / 23250; 1 GBP per week per 250 GBP between limits", "GBP",
            "current per source page (undated)", "Leicestershire",
            "Leicestershire County Council: Paying for help at home - who pays for your care"),
        row("Value of main home disregarded for care at home", "disregarded", "", "current per source page",
            "England (council example)",
            "Royal Borough of Greenwich: Check how much you'll pay towards your care"),
        row("MIG single person amounts (18-24 / 25 to pension credit age / pension credit age)",
            "82.15 / 103.65 / 214.35", "GBP per week", "2023-04-06 (2023-24)", "England",
            "The Care and Support (Charging and Assessment of Resources) (Amendment) Regulations 2023 (SI "
            "2023/277) "
            "reg 2(3)"),
        row("MIG single person aged 18-24", "89.15", "GBP per week", "2025-04 (2025-26)", "England", kRuils,
            "Secondary source quoting the DHSC 2025-26 local authority circular (circular text not in stored "
            "copies)"),
        row("MIG single person aged 25 to pension credit age", "112.50", "GBP per week", "2025-04 (2025-26)",
            "England", kRuils, "Secondary source quoting the DHSC 2025-26 circular"),
        row("MIG single person of pension credit age", "232 (rounded as reported)", "GBP per week",
            "2025 (2025-26)", "England", "Waltham Forest Echo (Local Democracy Reporter) 7 May 2025",
            "News report gives 89 / 112 / 232 rounded; exact pence not seen in stored copies"),
        row("MIG disability premium (single)", "49.65", "GBP per week", "2025-04 (2025-26)", "England",
            kRuils),
        row("MIG enhanced disability premium (single)", "24.25", "GBP per week", "2025-04 (2025-26)",
            "England", kRuils),
        row("Standard Disability Related Expenditure allowance (example)", "17", "GBP per week",
            "current per source page (undated)", "Kent",
            "Kent County Council: Disability related expenditure assessment"),
        row("Standard Disability Related Expenditure allowance (example)", "10.85", "GBP per week", "2024-25",
            "Reading", "Reading Borough Council: Appendix C Disability Related Expenditure Guide 2024-2025"),
        row("Attendance Allowance lower rate", "76.70", "GBP per week", "2026-04 (2026-27)", "GB",
            "GOV.UK Proposed benefit and pension rates 2026 to 2027 (updated 12 Jan 2026)"),
        row("Attendance Allowance higher rate", "114.60", "GBP per week", "2026-04 (2026-27)", "GB",
            "GOV.UK Proposed benefit and pension rates 2026 to 2027 (updated 12 Jan 2026)"),
        row("Intermediate care and reablement free", "first 6 weeks", "", "2015-04 (in force)", "England",
            "Care and Support (Charging and Assessment of Resources) Regulations 2014 reg 3(2)(b)"),
    };
}

std::int64_t pounds(double p) {
    return static_cast<std::int64_t>(p * 100.0 + (p >= 0 ? 0.5 : -0.5));
}

MeansTestInputs person(double capital, double income, AgeBand band = AgeBand::PensionCreditAgeOrOver,
                       double cost = 0) {
    MeansTestInputs in;
    in.capital_pence = pounds(capital);
    in.weekly_income_pence = pounds(income);
    in.age_band = band;
    in.weekly_care_cost_pence = pounds(cost);
    return in;
}

} // namespace

TEST_CASE("tariff income: £1 a week for every £250 or part of £250 above £14,250") {
    const std::int64_t lower = 1425000;
    auto tariff = [&](std::int64_t capital_pence) { return tariff_income(capital_pence, lower, 25000, 100); };
    CHECK(tariff(0) == 0);
    CHECK(tariff(1424999) == 0);    // £14,249.99: below the lower limit
    CHECK(tariff(1425000) == 0);    // £14,250.00: at the limit, nothing counted
    CHECK(tariff(1425001) == 100);  // £14,250.01: 1p above is part of a £250 step -> £1
    CHECK(tariff(1450000) == 100);  // £14,500.00: exactly one step -> £1
    CHECK(tariff(1450001) == 200);  // £14,500.01: one step and part of another -> £2
    CHECK(tariff(1475000) == 200);  // £14,750: 2 steps -> £2
    CHECK(tariff(1475001) == 300);  // £14,750.01 -> £3
    CHECK(tariff(2000000) == 2300); // £20,000: £5,750 above = 23 steps -> £23
    CHECK(tariff(2300000) == 3500); // £23,000: £8,750 above = 35 steps -> £35
    CHECK(tariff(2300001) == 3600); // £23,000.01 -> £36
    CHECK(tariff(2324999) == 3600); // £23,249.99: £8,999.99 above = 35.99996 steps, rounded up -> £36
    CHECK(tariff(2325000) == 3600); // £23,250.00: £9,000 above = 36 steps -> £36
    CHECK(tariff_income(2000000, lower, 0, 100) == 0); // no step: nothing (never divide by zero)
}

TEST_CASE("the figures are read from the data with their sources") {
    const MeansTestFigures f = means_test_figures(real_refs());
    CHECK(missing_means_test_figures(f).empty());
    CHECK(f.upper_capital_limit.pence == 2325000);
    CHECK(f.lower_capital_limit.pence == 1425000);
    // The official circular's row wins over the council pages.
    CHECK(f.upper_capital_limit.source_short == "GOV.UK Social care - charging for care and support");
    CHECK(f.upper_capital_limit.when == "2024 to 2025");
    CHECK(f.tariff_income.pence == 100);
    CHECK(f.tariff_step_pence == 25000); // "per 250 GBP" in the unit
    CHECK(f.tariff_income.source_short == "Cheshire West and Chester Council");
    CHECK(f.mig_18_24.pence == 8915); // 2025-26 beats 2023-24's £82.15
    CHECK(f.mig_18_24.when == "2025 to 2026");
    CHECK(f.mig_25_to_pension_age.pence == 11250);
    CHECK(f.mig_pension_age.pence == 23200);
    CHECK(f.mig_pension_age.approximate);
    CHECK_FALSE(f.mig_18_24.approximate);
    CHECK(f.disability_premium.pence == 4965);
    CHECK(f.enhanced_disability_premium.pence == 2425);
    CHECK(f.attendance_allowance_lower.pence == 7670);
    CHECK(f.attendance_allowance_higher.pence == 11460);
    CHECK(f.home_disregarded.found);
    CHECK(f.reablement_free.found);
    CHECK(f.charging_reform.found);
    CHECK(f.disability_costs_example.pence == 1085); // Reading 2024-25 is dated; Kent's page is not

    SECTION("fallbacks: separate limit rows and the 2023-24 MIG row") {
        std::vector<CostReference> refs;
        for (const CostReference& r : real_refs())
            if (r.item.find("(lower / upper)") == std::string::npos &&
                r.item.rfind("MIG single person a", 0) != 0 && r.item.rfind("MIG single person of", 0) != 0)
                refs.push_back(r);
        refs.push_back(real_refs()[7]); // the 2023-24 "amounts" row
        const MeansTestFigures g = means_test_figures(refs);
        CHECK(missing_means_test_figures(g).empty());
        CHECK(g.upper_capital_limit.source_short == "Cheshire West and Chester Council");
        CHECK(g.upper_capital_limit.pence == 2325000);
        CHECK(g.mig_18_24.pence == 8215);
        CHECK(g.mig_25_to_pension_age.pence == 10365);
        CHECK(g.mig_pension_age.pence == 21435);
        CHECK(g.mig_pension_age.when == "2023 to 2024");
    }
}

TEST_CASE("savings in the middle band, pension age: the working step by step") {
    // £20,000 savings, £250 a week income, care costing £300 a week.
    // Tariff: £20,000 - £14,250 = £5,750 = 23 steps of £250 -> £23 a week.
    // Counted: £250 + £23 = £273. MIG (pension age): about £232. Most you could pay: £273 - £232 = £41.
    // Cost £300: you pay £41, the council £259; £259 is more than half of £300 -> council pays most.
    const MeansTestResult r =
        run_means_test(person(20000, 250, AgeBand::PensionCreditAgeOrOver, 300), real_refs());
    REQUIRE(r.ok);
    CHECK(r.tariff_income_pence == 2300);
    CHECK(r.mig_pence == 23200);
    CHECK(r.assessable_income_pence == 4100);
    CHECK(r.contribution_known);
    CHECK(r.weekly_contribution_pence == 4100);
    CHECK(r.council_pays_pence == 25900);
    CHECK(r.band == MeansBand::LikelyCouncilPaysMost);
    CHECK(r.headline == "The council is likely to pay most or all of the cost of your care.");
    CHECK(r.approximate);
    CHECK(r.disclaimer ==
          "This is guidance, not advice. Only the council's financial assessment can say what you will pay.");
    REQUIRE(r.steps.size() == 7);
    CHECK(r.steps[0].text == "The home you live in is not counted when you get care at home.");
    CHECK(r.steps[0].source_short == "Royal Borough of Greenwich");
    CHECK(r.steps[1].text == "Your savings of £20,000 are between the lower capital limit of £14,250 and the "
                             "upper capital limit of £23,250.");
    CHECK(r.steps[1].when == "2024 to 2025");
    CHECK(r.steps[2].text ==
          "Savings above £14,250 count as income of £1 a week for every £250, or part of £250: "
          "£5,750 above the limit counts as £23 a week (tariff income).");
    CHECK(r.steps[2].amount_pence == 2300);
    CHECK(r.steps[2].source_short == "Cheshire West and Chester Council");
    CHECK(r.steps[3].text == "Your income: £250 a week.");
    CHECK(r.steps[3].source_short.empty()); // the person's own figure
    CHECK(r.steps[4].text ==
          "The council must leave you at least £232 a week to live on: the minimum income "
          "guarantee for a single person at Pension Credit age or over in 2025 to 2026. This figure "
          "is rounded in its source.");
    CHECK(r.steps[4].approximate);
    CHECK(r.steps[4].source_short == "Waltham Forest Echo");
    CHECK(r.steps[5].text ==
          "So the most you could be asked to pay is about £41 a week: your income and tariff income "
          "(£273) less what the council must leave you (£232).");
    CHECK(r.steps[6].text ==
          "Your care costs £300 a week: you would pay about £41 and the council about £259.");

    REQUIRE(r.next_steps.size() == 5);
    CHECK(r.next_steps[0].text ==
          "Ask your council for a needs assessment. It is free, whatever your savings.");
    CHECK(r.next_steps[1].text ==
          "If you are over State Pension age and need help with personal care, you may be able "
          "to get Attendance Allowance: £76.70 or £114.60 a week in 2026 to 2027.");
    CHECK(r.next_steps[1].source_short == "GOV.UK Proposed benefit and pension rates 2026 to 2027");
    CHECK(r.next_steps[2].text == "If the council arranges your care, you can ask for direct payments "
                                  "instead: money to arrange your own care.");
    CHECK(r.next_steps[3].text ==
          "Tell the council about extra costs you have because of a disability. Councils allow "
          "for these: for example Reading Borough Council allows £10.85 a week as standard.");
    CHECK(r.next_steps[4].text ==
          "Care to help you get back on your feet after a hospital stay (reablement) is free "
          "for up to 6 weeks.");
    CHECK(r.next_steps[4].when == "April 2015");
    REQUIRE(r.notes.size() == 3);
    CHECK(r.notes[0] == "This guide is for one person on their own. It uses the single-person figures.");
    CHECK(r.notes[1] ==
          "The planned reform of care charges, with a cap on care costs, is not going ahead, so these "
          "rules still apply (GOV.UK Adult social care charging reform).");
    CHECK(r.notes[2] == "The minimum income guarantee used here is rounded in its source, so the amounts may "
                        "be a little different.");
}

TEST_CASE("the band against the cost of care, around half the cost") {
    // Same person: the most they could pay is £41 a week (see above).
    auto band_for = [](double cost) {
        return run_means_test(person(20000, 250, AgeBand::PensionCreditAgeOrOver, cost), real_refs()).band;
    };
    CHECK(band_for(40.99) == MeansBand::LikelyPayFullCost);     // £41 covers it all
    CHECK(band_for(41) == MeansBand::LikelyPayFullCost);        // exactly covered
    CHECK(band_for(60) == MeansBand::LikelyGetHelp);            // council £19, less than half
    CHECK(band_for(82) == MeansBand::LikelyGetHelp);            // council £41, exactly half: not "most"
    CHECK(band_for(82.01) == MeansBand::LikelyCouncilPaysMost); // council £41.01, more than half
    const MeansTestResult r =
        run_means_test(person(20000, 250, AgeBand::PensionCreditAgeOrOver, 40), real_refs());
    CHECK(r.weekly_contribution_pence == 4000); // never more than the cost
    CHECK(r.council_pays_pence == 0);
    CHECK(r.headline == "You are likely to pay the full cost of your care.");
    CHECK(r.steps.back().text ==
          "Your care costs £40 a week, which is not more than that, so you would pay it all.");
    SECTION("with no cost given") {
        const MeansTestResult n = run_means_test(person(20000, 250), real_refs());
        CHECK(n.band == MeansBand::LikelyGetHelp); // something to pay (£41), cost unknown
        CHECK(n.headline == "You are likely to get help from the council with the cost of your care.");
        CHECK_FALSE(n.contribution_known);
        CHECK(n.steps.size() == 6);
    }
}

TEST_CASE("at and around the capital limits") {
    // Income £0 so the tariff alone is counted: pension-age MIG about £232 is more, so nothing to pay below
    // the upper limit.
    SECTION("£14,250.00: at the lower limit, not counted") {
        const MeansTestResult r = run_means_test(person(14250, 0), real_refs());
        REQUIRE(r.ok);
        CHECK(r.tariff_income_pence == 0);
        CHECK(r.steps[1].text == "Your savings of £14,250 are at or below the lower capital limit of "
                                 "£14,250, so they are not counted.");
        CHECK(r.band == MeansBand::LikelyCouncilPaysMost);
    }
    SECTION("£14,250.01: £1 tariff") {
        const MeansTestResult r = run_means_test(person(14250.01, 0), real_refs());
        CHECK(r.tariff_income_pence == 100);
        CHECK(r.steps[2].text ==
              "Savings above £14,250 count as income of £1 a week for every £250, or part of £250: "
              "£0.01 above the limit counts as £1 a week (tariff income).");
    }
    SECTION("£14,500.00 and £14,500.01") {
        CHECK(run_means_test(person(14500, 0), real_refs()).tariff_income_pence == 100);
        CHECK(run_means_test(person(14500.01, 0), real_refs()).tariff_income_pence == 200);
    }
    SECTION("£23,250.00: at the upper limit, still in the middle band: £36 tariff") {
        const MeansTestResult r = run_means_test(person(23250, 0), real_refs());
        CHECK_FALSE(r.above_upper_limit);
        CHECK(r.tariff_income_pence == 3600);
        CHECK(r.assessable_income_pence == 0); // £36 - £232 is below 0
        CHECK(r.band == MeansBand::LikelyCouncilPaysMost);
    }
    SECTION("£23,250.01: over the upper limit, full cost") {
        const MeansTestResult r =
            run_means_test(person(23250.01, 0, AgeBand::PensionCreditAgeOrOver, 300), real_refs());
        REQUIRE(r.ok);
        CHECK(r.above_upper_limit);
        CHECK(r.band == MeansBand::LikelyPayFullCost);
        CHECK(r.headline == "You are likely to pay the full cost of your care.");
        CHECK(r.tariff_income_pence == 0); // not worked out: the full cost applies
        CHECK(r.weekly_contribution_pence == 30000);
        CHECK(r.council_pays_pence == 0);
        REQUIRE(r.steps.size() == 3);
        CHECK(r.steps[1].text ==
              "Your savings of £23,250.01 are more than the upper capital limit of £23,250, so you "
              "are likely to pay the full cost of your care.");
        CHECK(r.steps[2].text == "Your care costs £300 a week, and you would pay it all.");
        CHECK(r.next_steps[1].text ==
              "Even if you pay the full cost, you can ask the council to arrange your care.");
    }
    SECTION("£30,000 with no cost: full cost, amount unknown") {
        const MeansTestResult r = run_means_test(person(30000, 500), real_refs());
        CHECK(r.band == MeansBand::LikelyPayFullCost);
        CHECK_FALSE(r.contribution_known);
    }
}

TEST_CASE("income around the minimum income guarantee") {
    // Savings £0. Pension age: MIG about £232.
    CHECK(run_means_test(person(0, 232), real_refs()).assessable_income_pence == 0);
    CHECK(run_means_test(person(0, 232), real_refs()).band == MeansBand::LikelyCouncilPaysMost);
    CHECK(run_means_test(person(0, 232.01), real_refs()).assessable_income_pence == 1);
    CHECK(run_means_test(person(0, 232.01), real_refs()).band == MeansBand::LikelyGetHelp);
    const MeansTestResult low = run_means_test(person(10000, 200), real_refs());
    CHECK(low.steps.back().text ==
          "Your income (£200) is not more than what the council must leave you (£232), so "
          "you would not be asked to pay from your income.");
}

TEST_CASE("younger people, premiums and disability costs") {
    SECTION("18 to 24: MIG £89.15") {
        // £14,500.01 savings -> £2 tariff. £100 + £2 - £89.15 = £12.85.
        const MeansTestResult r = run_means_test(person(14500.01, 100, AgeBand::Age18To24), real_refs());
        CHECK(r.mig_pence == 8915);
        CHECK(r.tariff_income_pence == 200);
        CHECK(r.assessable_income_pence == 1285);
        CHECK_FALSE(r.approximate);
        CHECK(r.steps.back().text ==
              "So the most you could be asked to pay is £12.85 a week: your income and tariff "
              "income (£102) less what the council must leave you (£89.15).");
    }
    SECTION("25 to Pension Credit age with premiums") {
        MeansTestInputs in = person(14250, 200, AgeBand::Age25ToPensionCreditAge);
        in.disability_premium = true;
        // £112.50 + £49.65 = £162.15; £200 - £162.15 = £37.85.
        MeansTestResult r = run_means_test(in, real_refs());
        CHECK(r.mig_pence == 16215);
        CHECK(r.assessable_income_pence == 3785);
        CHECK(r.steps[4].text ==
              "Add the disability premium: £49.65 a week in 2025 to 2026, if the council agrees it "
              "applies.");
        in.enhanced_disability_premium = true;
        // + £24.25 = £186.40; £200 - £186.40 = £13.60.
        r = run_means_test(in, real_refs());
        CHECK(r.mig_pence == 18640);
        CHECK(r.assessable_income_pence == 1360);
        in.disability_costs_pence = 2000;
        // £200 - £186.40 - £20 = -£6.40 -> £0.
        r = run_means_test(in, real_refs());
        CHECK(r.assessable_income_pence == 0);
        CHECK(r.band == MeansBand::LikelyCouncilPaysMost);
        CHECK(r.steps[6].text ==
              "Extra costs of disability you gave, if the council allows them: £20 a week.");
    }
    SECTION("a premium missing from the data is said, not guessed") {
        std::vector<CostReference> refs;
        for (const CostReference& r : real_refs())
            if (r.item.find("disability premium") == std::string::npos) refs.push_back(r);
        MeansTestInputs in = person(0, 200, AgeBand::Age25ToPensionCreditAge);
        in.disability_premium = true;
        const MeansTestResult r = run_means_test(in, refs);
        REQUIRE(r.ok);
        CHECK(r.mig_pence == 11250);
        CHECK(r.notes[1] == "The disability premium is not in the loaded figures, so it is not added.");
    }
}

TEST_CASE("bad inputs and missing figures give plain messages") {
    MeansTestInputs in = person(-1, 100);
    CHECK(run_means_test(in, real_refs()).error ==
          "Enter your savings as an amount of money, like 12000, or 0 if you have none.");
    in = person(0, -0.01);
    CHECK(run_means_test(in, real_refs()).error ==
          "Enter your income a week as an amount of money, like 230.");
    in = person(0, 100, AgeBand::PensionCreditAgeOrOver, -5);
    CHECK(run_means_test(in, real_refs()).error ==
          "Enter the cost of care a week as an amount of money, like 300, or leave it empty.");
    in = person(0, 100);
    in.disability_costs_pence = -1;
    CHECK(run_means_test(in, real_refs()).error ==
          "Enter the extra costs of disability a week as an amount of money, like 20, or 0.");
    in = person(0, 100);
    in.capital_pence = 100'000'000'001; // more than £1,000,000,000
    CHECK_FALSE(run_means_test(in, real_refs()).ok);
    const MeansTestResult none = run_means_test(person(0, 100), std::vector<CostReference>{});
    CHECK_FALSE(none.ok);
    CHECK(none.error ==
          "The figures this guide needs are not loaded (upper capital limit, lower capital limit, tariff "
          "income, minimum income guarantee (18 to 24), minimum income guarantee (25 to Pension Credit "
          "age), minimum income guarantee (Pension Credit age)), so it cannot be shown.");
    CHECK_FALSE(none.disclaimer.empty());
}

TEST_CASE("keys for bands and age bands") {
    CHECK(means_band_key(MeansBand::LikelyPayFullCost) == "likely_pay_full_cost");
    CHECK(means_band_key(MeansBand::LikelyGetHelp) == "likely_get_help");
    CHECK(means_band_key(MeansBand::LikelyCouncilPaysMost) == "likely_council_pays_most");
    for (AgeBand b :
         {AgeBand::Age18To24, AgeBand::Age25ToPensionCreditAge, AgeBand::PensionCreditAgeOrOver}) {
        const auto back = parse_age_band(age_band_key(b));
        REQUIRE(back);
        CHECK(*back == b);
    }
    CHECK_FALSE(parse_age_band("65+"));
}
