// homecare-finder core: indicative weekly, four-weekly and yearly costs of care at home, every figure
// sourced. Depends on: core/cost_reference.h, core/council_profile.h, core/text_format.h and the C++ standard
// library. SPDX-License-Identifier: MIT
//
// An estimate is never a quote. Its range comes from published private prices (or the agency's own price
// when the person has one); the council's rates and the sector's benchmarks are shown beside it, each with
// its source and date, and are never presented as a price to the person.
//
// Usage:
//   CostInputs in;
//   in.visits_per_day = 2; in.minutes_per_visit = 30; in.days_per_week = 7;   // 7 hours a week
//   CostEstimate e = estimate_costs(in, refs, find_council_by_id(councils, "essex"));
//   if (!e.ok) show(e.error);    // plain words, e.g. "Enter between 1 and 7 days a week."
//   show(e.summary);             // "Indicative cost of 7 hours of care a week: £161 to £238 a week."
//   for (const CostLine& line : e.lines) show(line.label, line.explanation);
//
// Which cost_reference rows are read (by item name, latest date first):
//   private prices   "Domiciliary (hourly) home care average price" (Lottie), "Home care average cost range"
//                    (homecare.co.uk; its note also holds "Live-in care 900-1400 per week"),
//                    "Live-in care average price", "Overnight sleeping care average price",
//                    "Overnight waking care average price"
//   benchmarks       "Homecare Association Minimum Price for Homecare" (England), "Average council fee rate
//   paid
//                    for homecare"
// No source gives a premium for weekends, evenings, nights or bank holidays, so none is added (see
// premium_note).
#pragma once

#include "core/cost_reference.h"
#include "core/council_profile.h"
#include "core/text_format.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hcf::core {

struct CostInputs {
    CareType care_type = CareType::Hourly; // what kind of care
    // Hourly care: either hours a week directly...
    double hours_per_week = 0.0; // hours a week; when more than 0 it is used and the visits are ignored
    // ...or visits.
    int visits_per_day = 0;      // visits a day
    int minutes_per_visit = 0;   // minutes a visit
    int days_per_week = 7;       // days a week with visits
    double unsocial_share = 0.0; // 0 to 1: part of the hours at weekends, in the evening or at night (no
                                 // extra charge is added: no source gives one; the share is reported back)
    // Night care.
    int nights_per_week = 7;      // nights a week, for sleeping or waking nights
    double hours_per_night = 0.0; // hours a night; only used to turn councils' hourly night rates into a
                                  // figure a night; 0 = not known (those rates are then shown without totals)
    // The agency's own price, when the person has one. It then sets the range.
    std::int64_t provider_rate_pence =
        0;                     // pence an hour (hourly), a night (night care) or a week (live-in); 0 = none
    std::string provider_name; // the agency's name, for the label; "" = "the agency"
    std::string provider_rate_date; // ISO date the price was given; "" if not known
};

enum class CostLineKind : std::uint8_t {
    ProviderRate = 0,     // the agency's own price, from the person
    PrivatePrice,         // a published typical price for people paying for themselves
    SectorBenchmark,      // Homecare Association minimum price, average council fee rate
    CouncilPaysProvider,  // from the council profile: what the council pays agencies (not a price to you)
    CouncilChargesClient, // from the council profile: what the council charges for care it arranges
};
std::string_view
cost_line_kind_key(CostLineKind k); // "provider_rate", "private_price", "sector_benchmark", ...

// One sourced figure, with what it comes to for the care asked about.
struct CostLine {
    CostLineKind kind = CostLineKind::PrivatePrice;
    std::string label;       // the sentence to show: figure, date and source, e.g. "Councils paid agencies on
                             // average £24.10 an hour in 2025 to 2026 (Homecare Association)"
    std::string explanation; // one plain sentence on what the figure is (and is not)
    std::int64_t rate_low_pence = 0;     // the rate, or the bottom of a band, in pence per `per`
    std::int64_t rate_high_pence = 0;    // the top of a band (== rate_low_pence for one rate)
    std::int64_t rate_average_pence = 0; // an average the source gives; 0 when none
    Per per = Per::Hour;                 // what the rate is per: Hour, Night or Week
    bool has_weekly = false;             // whether the rate could be applied to this care
    std::int64_t weekly_low_pence = 0;   // pence a week for this care at rate_low_pence
    std::int64_t weekly_high_pence = 0;  // pence a week at rate_high_pence
    bool in_range = false;               // counted in the estimate's range (prices to the person only)
    bool historic = false;               // out of date; shown only because nothing newer is published
    std::string source_name;             // full source name as in the data
    std::string source_short;            // short name used in the label's brackets
    std::string source_url;              // "" when not known
    std::string applies_from;            // the date as written in the data ("2025-04 (2025-26)")
    std::string when;                    // the date in words ("2025 to 2026"); "" = not stated
    std::string note;                    // caveats from the data, as written
};

struct CostEstimate {
    bool ok = false;
    std::string error; // when !ok: what to change, in plain words
    CareType care_type = CareType::Hourly;
    std::int64_t minutes_per_week = 0; // hourly care: minutes of care a week
    std::int64_t unsocial_minutes_per_week =
        0;                   // of which at weekends, evenings or nights (from unsocial_share)
    int nights_per_week = 0; // night care: nights a week
    // The indicative range (prices to the person). Four weeks = 4 x a week; a year = 52 x a week.
    std::int64_t weekly_low_pence = 0;
    std::int64_t weekly_high_pence = 0;
    std::int64_t four_weekly_low_pence = 0;
    std::int64_t four_weekly_high_pence = 0;
    std::int64_t yearly_low_pence = 0;
    std::int64_t yearly_high_pence = 0;
    std::vector<CostLine> lines; // the agency's price, private prices, benchmarks, then the council's rates
    std::string summary;         // "Indicative cost of 14 hours of care a week: £322 to £476 a week."
    std::string range_basis;     // which figures the range comes from
    std::string gap_explanation; // one sentence: why council rates are lower than private prices
    std::string premium_note;    // weekends/evenings: no published premium, ask the agency
    std::string indicative_note; // "These figures are indicative, not a quote. ..."
};

// Works out the estimate. Never throws. The council is optional (nullptr: no council lines).
CostEstimate estimate_costs(const CostInputs& inputs, const std::vector<CostReference>& refs,
                            const CouncilProfile* council = nullptr);

// Pence for `minutes` of care at `pence_per_hour`, rounded to the nearest penny (halves up).
std::int64_t cost_for_minutes(std::int64_t pence_per_hour, std::int64_t minutes);

// Minutes of care a week from the inputs (hours directly, else visits x minutes x days); 0 when not set.
std::int64_t care_minutes_per_week(const CostInputs& inputs);

} // namespace hcf::core
