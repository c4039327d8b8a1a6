// homecare-finder fuzz target: council profiles from untrusted bytes.
// Depends on: hcf_core (council_profile, costs, cost_reference), libFuzzer.
// Property: load_council_profile never throws or crashes; it fails exactly when it gives an error, and the
// error starts "council profile: "; a profile it accepts keeps its promises (every source it names exists,
// rate bands are in order and in range, district shares in (0, 1], the look-ups find it); and the cost
// estimate built on an accepted profile never crashes and never shows a negative figure.
// Each input is tried twice: as a whole file, and (after its first byte) as the value of one field of a valid
// profile, so that most mutations get past the JSON parser into the field readers.
// Seed corpus: assets/councils/*.json and tests/data/councils/*.json.
// SPDX-License-Identifier: MIT
#include "core/costs.h"
#include "core/council_profile.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace hcf::core;

void check(bool ok) {
    if (!ok) std::abort();
}

const std::vector<CostReference>& refs() {
    static const std::vector<CostReference> kRefs = [] {
        auto row = [](const char* item, const char* value, const char* unit, const char* when) {
            return cost_reference_from_fields({{"item", item},
                                               {"value", value},
                                               {"unit", unit},
                                               {"applies_from", when},
                                               {"geography", "England"},
                                               {"source_name", "Fuzz source 1 Jan 2025"},
                                               {"source_url", ""},
                                               {"note", "Live-in care 900-1400 per week"}});
        };
        return std::vector<CostReference>{
            row("Domiciliary (hourly) home care average price", "28", "GBP per hour", "2025-01"),
            row("Home care average cost range", "23-34", "GBP per hour", "not stated"),
            row("Live-in care average price", "1596", "GBP per week", "2025-01"),
            row("Overnight sleeping care average price", "187 per night", "GBP", "2025-01"),
            row("Overnight waking care average price", "244 per night", "GBP", "2025-01"),
            row("Homecare Association Minimum Price for Homecare", "32.14", "GBP per hour", "2025-04"),
            row("Average council fee rate paid for homecare", "24.10", "GBP per hour", "2025-04 (2025-26)"),
        };
    }();
    return kRefs;
}

void check_profile(std::string_view text) {
    const Expected<CouncilProfile> load = load_council_profile(text);
    check(load.ok() == load.error().empty());
    if (!load.ok()) {
        check(load.error().rfind("council profile: ", 0) == 0);
        return;
    }
    const CouncilProfile& p = *load;
    check(!p.id.empty() && !p.sources.empty());
    for (const CouncilRate& r : p.rates) {
        check(find_source(p, r.source) != nullptr);
        check(r.per_hour_pence >= 0 && r.per_hour_pence <= r.per_hour_max_pence &&
              r.per_hour_max_pence <= 1'000'000);
    }
    for (const Arrangement& a : p.arrangements)
        check(find_source(p, a.source) != nullptr);
    for (const MarketFact& f : p.market_facts)
        check(find_source(p, f.source) != nullptr && is_profile_date(f.as_at));
    for (const LocalHelp& h : p.local_help)
        check(find_source(p, h.source) != nullptr);
    for (const DistrictShare& d : p.postcode_districts)
        check(d.share > 0.0 && d.share <= 1.0);

    const std::vector<CouncilProfile> all = {p};
    check(find_council_for(all, p.upper_tier_code) == &all[0]);
    check(find_council_by_id(all, p.id) == &all[0]);
    for (const DistrictShare& d : p.postcode_districts)
        check(find_council_for_district(all, d.district) == &all[0]);

    // Every kind of care, priced with this council's rates.
    for (CareType t : {CareType::Hourly, CareType::NightSleeping, CareType::NightWaking, CareType::LiveIn}) {
        CostInputs in;
        in.care_type = t;
        in.hours_per_week = 168; // the most care there can be, so any overflow would show
        in.hours_per_night = 24;
        const CostEstimate e = estimate_costs(in, refs(), &all[0]);
        check(e.ok);
        check(e.weekly_low_pence >= 0 && e.weekly_low_pence <= e.weekly_high_pence);
        for (const CostLine& l : e.lines)
            check(l.weekly_low_pence >= 0 && l.weekly_low_pence <= l.weekly_high_pence);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // 1. The bytes as a whole file.
    check_profile(text);
    // 2. The bytes (after the first) as the value of one field of a valid profile, chosen by the first byte,
    // so
    //    most mutations reach the field readers instead of stopping at the JSON parser.
    if (size < 2) return 0;
    static constexpr std::string_view kFields[] = {
        "rates",   "arrangements", "market_facts", "local_help",         "lad_codes", "postcode_districts",
        "sources", "help_line",    "areas_source", "framework_providers"};
    const std::string_view field = kFields[data[0] % (sizeof kFields / sizeof kFields[0])];
    std::string doc = R"({"schema_version": 1, "id": "fuzz", "name": "Fuzz Council", "area_name": "Fuzz",
        "upper_tier_code": "E06000099", "postcode_districts": [{"district": "FZ1", "share": 1}],
        "areas_source": "doc", "sources": [{"id": "doc", "title": "T", "publisher": "P"}])";
    // A field already in the template is replaced: nlohmann/json keeps the last of repeated keys.
    doc += ", \"" + std::string(field) + "\": " + std::string(text.substr(1)) + "}";
    check_profile(doc);
    return 0;
}
