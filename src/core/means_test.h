// homecare-finder core: "Who pays?" - a transparent guide to the Care Act 2014 means test for care at home
// in England, for one person. Guidance, not advice: only the council's financial assessment decides.
// Depends on: core/cost_reference.h, core/text_format.h and the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Every figure (capital limits, tariff income, minimum income guarantee, Attendance Allowance) is read from
// cost reference rows with its source and date, never written in code. The rules applied:
//   1. The home the person lives in is not counted for care at home.
//   2. Savings above the upper capital limit: the person is likely to pay the full cost.
//   3. Savings above the lower limit and up to the upper limit count as "tariff income": £1 a week for every
//      £250, or part of £250, above the lower limit. Savings at or below the lower limit are not counted.
//   4. The council leaves the person at least the minimum income guarantee (MIG) for their age, plus any
//      premiums; allowed extra costs of disability are also taken off.
//   5. The most the person can be asked to pay a week = income + tariff income - MIG - disability costs
//      (never below 0), and never more than the cost of the care.
// Bands: full cost when savings are over the upper limit or the weekly amount covers the whole cost; council
// pays most when the council's share is more than half the cost (or, with no cost given, when the person
// can be asked to pay nothing); otherwise the person is likely to get help.
//
// Usage:
//   MeansTestInputs in; in.capital_pence = 2000000; in.weekly_income_pence = 25000;
//   MeansTestResult r = run_means_test(in, refs);
//   if (!r.ok) show(r.error);
//   show(r.headline); for (const MeansStep& s : r.steps) show(s.text, s.source_short, s.when);
#pragma once

#include "core/cost_reference.h"
#include "core/text_format.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hcf::core {

// The age bands the minimum income guarantee uses (single person).
enum class AgeBand : std::uint8_t {
    Age18To24 = 0,
    Age25ToPensionCreditAge,
    PensionCreditAgeOrOver,
};
std::string_view age_band_key(AgeBand b);   // "18_24", "25_to_pension_credit_age", "pension_credit_age"
std::string_view age_band_words(AgeBand b); // "aged 18 to 24", "aged 25 up to Pension Credit age", ...
std::optional<AgeBand> parse_age_band(std::string_view key);

struct MeansTestInputs {
    std::int64_t capital_pence = 0; // savings and investments, NOT counting the home you live in (pence)
    std::int64_t weekly_income_pence = 0; // income: pensions, benefits, earnings (pence a week)
    AgeBand age_band = AgeBand::PensionCreditAgeOrOver;
    bool disability_premium = false; // add the MIG disability premium (the council decides if it applies)
    bool enhanced_disability_premium = false; // add the MIG enhanced disability premium
    std::int64_t disability_costs_pence = 0; // extra costs of disability the council may allow (pence a week)
    std::int64_t weekly_care_cost_pence =
        0; // the weekly cost of the care, if known (pence a week); 0 = not known
};

// One figure from the data, with where it comes from.
struct SourcedAmount {
    bool found = false;       // the data has it
    std::int64_t pence = 0;   // the amount (0 for rules without a figure)
    bool approximate = false; // the source gives it rounded ("232 (rounded as reported)")
    std::string item;         // the cost reference item
    std::string source_name;
    std::string source_short;
    std::string source_url;
    std::string applies_from; // as written in the data
    std::string when;         // in words: "2025 to 2026"; "" = not stated
    std::string note;         // the data's caveat
};

// The figures the guide uses, read from cost reference rows (see means_test_figures()).
struct MeansTestFigures {
    SourcedAmount upper_capital_limit;
    SourcedAmount lower_capital_limit;
    SourcedAmount tariff_income;               // pence a week per step (£1)
    std::int64_t tariff_step_pence = 0;        // capital per step (£250), read from the tariff row's unit
    SourcedAmount mig_18_24;                   // pence a week
    SourcedAmount mig_25_to_pension_age;       // pence a week
    SourcedAmount mig_pension_age;             // pence a week
    SourcedAmount disability_premium;          // pence a week
    SourcedAmount enhanced_disability_premium; // pence a week
    SourcedAmount attendance_allowance_lower;  // pence a week
    SourcedAmount attendance_allowance_higher; // pence a week
    SourcedAmount home_disregarded;            // rule: the home is not counted for care at home
    SourcedAmount reablement_free;             // rule: reablement free for up to 6 weeks
    SourcedAmount disability_costs_example;    // an example standard allowance for disability costs
    SourcedAmount charging_reform; // rule: the planned cap is not going ahead (only when the row says so)
};

// Reads the figures from the rows. Rows used (latest date first):
//   capital limits  "Care Act capital limits (lower / upper)" (England; the GOV.UK circular), else
//                   "Care Act upper capital limit" and "Care Act lower capital limit"
//   tariff          "Tariff income between capital limits" (£ a week; the step, "per 250 GBP", from its unit)
//   MIG             "MIG single person aged 18-24", "MIG single person aged 25 to pension credit age",
//                   "MIG single person of pension credit age", else the parts of "MIG single person amounts"
//   premiums        "MIG disability premium (single)", "MIG enhanced disability premium (single)"
//   benefits        "Attendance Allowance lower rate", "Attendance Allowance higher rate"
//   rules           "Value of main home disregarded for care at home", "Intermediate care and reablement
//   free",
//                   "Standard Disability Related Expenditure allowance", "Charging reform"
std::vector<std::string>
missing_means_test_figures(const MeansTestFigures& f); // e.g. {"upper capital limit"}
MeansTestFigures means_test_figures(const std::vector<CostReference>& refs);

enum class MeansBand : std::uint8_t {
    LikelyPayFullCost = 0,
    LikelyGetHelp,
    LikelyCouncilPaysMost,
};
std::string_view
means_band_key(MeansBand b); // "likely_pay_full_cost", "likely_get_help", "likely_council_pays_most"

// One step of the working, in plain words, with the figure it uses and that figure's source.
struct MeansStep {
    std::string text;        // e.g. "Savings above £14,250 count as £1 a week for every £250 ..."
    bool has_amount = false; // whether amount_pence means anything
    std::int64_t amount_pence = 0;
    bool approximate = false; // built on a rounded figure
    std::string source_short; // "" for the person's own figures
    std::string source_name;
    std::string source_url;
    std::string when; // "2024 to 2025"; "" = not stated (or the person's own figure)
    std::string note; // the source's caveat
};

// Something to do next, with its source where it carries a figure.
struct NextStep {
    std::string text;
    std::string source_short;
    std::string source_name;
    std::string source_url;
    std::string when;
};

struct MeansTestResult {
    bool ok = false;
    std::string error; // when !ok: plain words
    MeansBand band = MeansBand::LikelyPayFullCost;
    std::string headline; // "You are likely to pay the full cost of your care."
    bool above_upper_limit = false;
    std::int64_t tariff_income_pence = 0; // a week
    std::int64_t mig_pence = 0;           // a week, with premiums
    std::int64_t assessable_income_pence =
        0;                           // a week: the most the person can be asked to pay (before the cost)
    bool contribution_known = false; // a weekly cost was given (or savings are over the upper limit)
    std::int64_t weekly_contribution_pence = 0; // a week: what the person would pay, when known
    std::int64_t council_pays_pence = 0;        // a week: the council's share, when known
    bool approximate = false;                   // some figure used is rounded in its source
    std::vector<MeansStep> steps;
    std::vector<NextStep> next_steps;
    std::vector<std::string> notes; // e.g. the planned cap on care costs is not going ahead
    std::string disclaimer;         // "This is guidance, not advice. ..."
};

MeansTestResult run_means_test(const MeansTestInputs& inputs, const MeansTestFigures& figures);
MeansTestResult run_means_test(const MeansTestInputs& inputs, const std::vector<CostReference>& refs);

// Tariff income a week for `capital_pence`: steps of `step_pence` (or part of one) above `lower_pence`,
// each worth `per_step_pence`. 0 at or below the lower limit.
std::int64_t tariff_income(std::int64_t capital_pence, std::int64_t lower_pence, std::int64_t step_pence,
                           std::int64_t per_step_pence);

} // namespace hcf::core
