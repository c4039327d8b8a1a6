// homecare-finder tool hcf: the JSON of its answers — a place, a council's help, a cost line, the data's
// record, flag lists. Blanks are left out, never filled in.
// Depends on: core/geography.h, core/council_help.h, core/costs.h, core/dataset_format.h, core/model.h,
//             core/text_format.h, nlohmann/json.
// SPDX-License-Identifier: MIT
//
// Only hcf.main.cpp includes it (hence the namespace-wide using of the core below).
#pragma once

#include "core/costs.h"
#include "core/council_help.h"
#include "core/dataset_format.h"
#include "core/geography.h"
#include "core/model.h"
#include "core/text_format.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace hcf::tools {

using ojson = nlohmann::ordered_json;
using namespace hcf::core;

// The register date in words for a source ("first half of 2026"), "" when the source gives an exact date.
inline std::string edition_words_of(const DatasetInfo& info, const std::string& source) {
    for (const SourceInfo& s : info.sources)
        if (s.id == source) return s.edition_words;
    return {};
}

// The council's own contacts and what our information holds for it; blanks are left out, never filled.
inline ojson council_help_json(const CouncilHelp& h) {
    if (!h.known) return nullptr;
    ojson j;
    j["code"] = h.code;
    j["name"] = h.name;
    j["complete"] = h.complete;
    j["agencies_in_data"] = h.agencies;
    if (!h.not_covered.empty()) j["not_covered"] = h.not_covered;
    j["holdings"] = h.holdings;
    j["cqc_website"] = kCqcWebsite;
    if (const CouncilContact* c = h.contact) {
        ojson k;
        k["council"] = c->council;
        if (!c->phone.empty()) k["phone"] = c->phone;
        if (!c->phone_seen_on.empty()) k["phone_seen_on"] = c->phone_seen_on;
        if (!c->seen_date.empty()) k["seen_date"] = c->seen_date;
        if (const std::string seen = contact_seen_words(*c); !seen.empty()) k["seen"] = seen;
        if (!c->page_url.empty()) k["adult_social_care_page"] = c->page_url;
        if (!c->directory_name.empty()) k["directory_name"] = c->directory_name;
        if (!c->directory_url.empty()) k["directory_url"] = c->directory_url;
        j["contact"] = k;
    }
    return j;
}

// Rounded to `places` decimals so JSON shows 0.82, not 0.8200000000000001 (divide, never multiply by 0.01).
inline double round_to(double v, int places) {
    const double scale = std::pow(10.0, places);
    return std::round(v * scale) / scale;
}

inline ojson location_json(const Location& loc, const std::string& input) {
    ojson j;
    j["ok"] = loc.ok;
    j["input"] = input;
    if (!loc.ok) {
        j["error"] = loc.message; // the same shape as every other failure: {"ok": false, "error": ...}
        j["error_key"] = postcode_error_key(loc.error);
    }
    if (!loc.postcode.normalised.empty()) {
        j["normalised"] = loc.postcode.normalised;
        j["kind"] = loc.postcode.kind == PostcodeKind::Unit     ? "unit"
                    : loc.postcode.kind == PostcodeKind::Sector ? "sector"
                                                                : "district";
        j["area"] = loc.postcode.area;
        j["district"] = loc.postcode.district;
        if (!loc.postcode.sector.empty()) j["sector"] = loc.postcode.sector;
        if (!loc.postcode.unit.empty()) j["unit"] = loc.postcode.unit;
    }
    j["nation"] = nation_key(loc.nation);
    if (loc.ok) {
        j["precision"] = geo_precision_key(loc.precision);
        j["centre"] = {{"lat", loc.centre.lat}, {"lng", loc.centre.lng}};
        j["place"] = loc.place;
        if (!loc.note.empty()) j["note"] = loc.note;
        ojson councils = ojson::array();
        for (const CouncilShare& c : loc.councils)
            councils.push_back({{"upper_tier_code", c.upper_tier_code},
                                {"upper_tier_name", friendly_council_name(c.upper_tier_name)},
                                {"lad_code", c.lad_code},
                                {"lad_name", c.lad_name},
                                {"share", round_to(c.share, 3)}});
        j["councils"] = councils;
        j["council_split"] = loc.council_split;
        j["needs_unit_pack"] = loc.needs_unit_pack;
    }
    if (!loc.suggestions.empty()) j["suggestions"] = loc.suggestions;
    return j;
}

inline ojson data_json(const Bundle& b) {
    ojson j;
    j["dataset_version"] = b.info.dataset_version;
    j["cqc_edition"] = b.info.cqc_edition;
    j["coverage"] = b.info.coverage_summary;
    j["attributions"] = b.info.attributions;
    return j;
}

inline std::vector<std::string> flag_keys_needs(Needs mask) {
    std::vector<std::string> out;
    for (Need n : all_needs())
        if (mask & n) out.emplace_back(need_key(n));
    return out;
}
inline std::vector<std::string> flag_keys_services(ServiceTypes mask) {
    std::vector<std::string> out;
    for (ServiceType s : all_service_types())
        if (mask & s) out.emplace_back(service_key(s));
    return out;
}

inline ojson cost_line_json(const CostLine& l) {
    ojson j;
    j["kind"] = cost_line_kind_key(l.kind);
    j["label"] = l.label;
    j["explanation"] = l.explanation;
    j["per"] = per_words(l.per);
    j["rate_low"] = format_money(l.rate_low_pence);
    j["rate_high"] = format_money(l.rate_high_pence);
    j["rate_low_pence"] = l.rate_low_pence;
    j["rate_high_pence"] = l.rate_high_pence;
    if (l.rate_average_pence) j["rate_average_pence"] = l.rate_average_pence;
    if (l.has_weekly) {
        j["weekly"] = format_range(l.weekly_low_pence, l.weekly_high_pence, Per::Week);
        j["weekly_low_pence"] = l.weekly_low_pence;
        j["weekly_high_pence"] = l.weekly_high_pence;
    }
    j["in_range"] = l.in_range;
    j["historic"] = l.historic;
    j["source"] = l.source_name;
    if (!l.source_url.empty()) j["source_url"] = l.source_url;
    j["applies_from"] = l.applies_from;
    j["when"] = l.when;
    if (!l.note.empty()) j["note"] = l.note;
    return j;
}

} // namespace hcf::tools
