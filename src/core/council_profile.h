// homecare-finder core: council profiles (how a council buys home care, what it pays, where to get help).
// Depends on: the C++ standard library; the .cpp also uses nlohmann/json and core/text_format.h.
// SPDX-License-Identifier: MIT
//
// A profile is one JSON file, assets/councils/<id>.json; assets/councils/README.md documents the schema
// and where each figure comes from. Every rate and fact names a document in the profile's "sources" list
// and carries its date, so the app can always say where a figure comes from and when.
//
// Usage:
//   Expected<CouncilProfile> load = load_council_profile(json_text); // never throws
//   if (!load) show(load.error()); // e.g. "council profile: 'rates[0].per_hour' must be a number"
//   const CouncilProfile* c = find_council_for(profiles, "E10000012");     // by ONS upper-tier code
//   const CouncilProfile* c = find_council_for_district(profiles, "CM1");  // best-fit council of a district
#pragma once

#include "core/expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// The kinds of care the cost screens price. Councils publish rates for some of them.
enum class CareType : std::uint8_t {
    Hourly = 0,    // visits or hours of care in the day ("help with washing and dressing")
    NightSleeping, // a carer sleeps in the home and can be woken
    NightWaking,   // a carer stays awake all night
    LiveIn,        // a carer lives in, priced by the week
};
std::string_view care_type_key(CareType t);   // "hourly", "night_sleeping", "night_waking", "live_in"
std::string_view care_type_label(CareType t); // "Visits during the day", "Sleeping night", ...
std::optional<CareType> parse_care_type(std::string_view key);

// Whose money a council rate is about.
enum class RateKind : std::uint8_t {
    CouncilPaysProvider = 0, // what the council pays agencies: a benchmark, never a price to the person
    CouncilChargesClient,    // what the council charges people for care it arranges
};
std::string_view rate_kind_key(RateKind k); // "council_pays_provider", "council_charges_client"
std::optional<RateKind> parse_rate_kind(std::string_view key);

// A document the profile's figures come from.
struct CouncilSource {
    std::string id;           // short key the facts use, e.g. "essex-mps-2024"
    std::string title;        // e.g. "Provider Hub: domiciliary care market position"
    std::string publisher;    // e.g. "Essex County Council"
    std::string date;         // ISO (or a financial year "2024-25"); "" when the document is undated
    std::string url;          // "" when the document's address is not known (never guessed)
    std::string note;         // a caveat for the person, in plain words ("This was a proposal; ...")
    bool news_report = false; // "kind": "news_report": a newspaper's account, not the council's own paper
    // "maintainer_note" (how the figures were checked, what was not found) stays in the file: never shown.
};

// A postcode district and the share of its postcodes that lie in this council's area.
struct DistrictShare {
    std::string district; // outward code, e.g. "HR4"
    double share = 0.0;   // 0 to 1, by count of postcodes (ONS lookup, see the README)
};

// A tier of a framework (Essex has two).
struct FrameworkTier {
    std::string name; // "Tier 1"
    std::string rule; // in plain words
};

// One way the council buys care: a framework, an older contract, lead providers, spot purchase.
struct Arrangement {
    std::string name;                  // "Live at Home framework"
    std::string kind;                  // "framework", "dynamic_purchasing_system", "lead_providers", "spot"
    std::string started;               // ISO date or ""
    int term_years = 0;                // years; 0 when not stated
    int providers = 0;                 // number of agencies; 0 when not stated
    int lots = 0;                      // geographical lots or zones; 0 when none or not stated
    std::string lot_kind;              // "geographical lots", "zones"
    std::string description;           // plain words
    std::vector<FrameworkTier> tiers;  // empty when there are no tiers
    std::vector<std::string> services; // service types it covers, as the document names them
    std::string source;                // CouncilSource::id
};

// An hourly rate band the council published.
struct CouncilRate {
    std::string label; // e.g. "Homecare framework, new referrals"
    RateKind kind = RateKind::CouncilPaysProvider;
    CareType care_type = CareType::Hourly;
    std::int64_t per_hour_pence = 0; // pence an hour: the rate, or the bottom of the band
    std::int64_t per_hour_max_pence =
        0;                          // pence an hour: the top of the band (== per_hour_pence for one rate)
    std::int64_t average_pence = 0; // pence an hour: the average paid where published; 0 when not
    std::string applies_from;       // ISO / financial year the rate applies from; "" if not stated
    std::string as_at;              // ISO / financial year the document gives the rate at; "" if not stated
    bool historic = false;          // out of date, kept only because nothing newer is published
    std::string note;               // caveats in plain words
    std::string source;             // CouncilSource::id
};

// A fact about the local market, in plain words with its figure(s) written in the text.
struct MarketFact {
    std::string topic;  // "providers", "people", "spending", "quality", "supply", "workforce", "charging"
    std::string text;   // e.g. "388 agencies provide home care in Essex, for 15,240 adults."
    std::string as_at;  // ISO date or financial year the figure is for
    std::string source; // CouncilSource::id
};

// Somewhere to get local help. Phone numbers only where a source states them.
struct LocalHelp {
    std::string name;        // "Talk Community hubs"
    std::string description; // plain words
    std::string phone;       // "" unless a source gives it
    std::string url;         // "" unless a source gives it
    std::string source;      // CouncilSource::id
};

struct CouncilProfile {
    int schema_version = 1;
    std::string id;              // slug, e.g. "waltham-forest" (also the file name and ?council= value)
    std::string name;            // "London Borough of Waltham Forest"
    std::string area_name;       // "Waltham Forest"
    std::string ons_name;        // ONS spelling, e.g. "Herefordshire, County of"
    std::string upper_tier_code; // ONS code of the council that runs adult social care, e.g. "E09000031"
    std::string council_type;    // "county", "unitary", "metropolitan district", "London borough"
    std::vector<std::string> lad_codes;            // ONS district codes in the area (counties: several)
    std::vector<DistrictShare> postcode_districts; // districts where this council is the best fit
    std::vector<DistrictShare> postcode_districts_partly; // districts it touches where another is best fit
    std::string areas_source;                             // CouncilSource::id of the postcode lookup
    std::vector<Arrangement> arrangements;
    std::vector<CouncilRate> rates;
    std::vector<MarketFact> market_facts;
    std::vector<LocalHelp> local_help;
    std::string help_line;                        // phone, only when a source states one; else ""
    std::vector<std::string> framework_providers; // named only where a document names them
    std::string framework_providers_note;         // e.g. "The document does not name the agencies."
    std::vector<CouncilSource> sources;
};

// Parses and checks one profile. Never throws. Unknown fields are errors (they are usually typos). The
// error: "council profile: ..." naming the field and what is wrong.
Expected<CouncilProfile> load_council_profile(std::string_view json_text);

// The source a fact names, or nullptr.
const CouncilSource* find_source(const CouncilProfile& profile, std::string_view source_id);

// Look-ups over loaded profiles; nullptr when none matches.
const CouncilProfile* find_council_for(const std::vector<CouncilProfile>& profiles,
                                       std::string_view upper_tier_code);
const CouncilProfile* find_council_by_id(const std::vector<CouncilProfile>& profiles, std::string_view id);
// The council that is the best fit for a postcode district ("HR4"; case and spaces ignored).
const CouncilProfile* find_council_for_district(const std::vector<CouncilProfile>& profiles,
                                                std::string_view district);

// Accepts an ISO date ("2024-03-31", "2024-03", "2024") or a financial year ("2024-25").
bool is_profile_date(std::string_view text);

} // namespace hcf::core
