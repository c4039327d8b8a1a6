// homecare-finder core: the reference data of a dataset — ONS postcode geography, the council lookup, cost
// references, council profiles and contacts — built from their file texts into a Bundle without agencies.
// Depends on: core/dataset_format.h, core/expected.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// core/dataset_compiler.h adds the CQC agencies to what build_reference() makes. Positions are rounded to
// the bundle's precision here (stored_position), so a bundle reads back exactly what was built.
#pragma once

#include "core/dataset_format.h"
#include "core/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// The reference data as file texts (assets/sources/, see sources.json "reference").
struct ReferenceInputs {
    std::string districts_csv;         // postcode_districts.csv: district,area,lat,lng,n_postcodes
    std::string sectors_csv;           // postcode_sectors.csv: sector,district,lat,lng,n_postcodes
    std::string district_to_lad_csv;   // postcode_district_to_lad.csv
    std::string lad_to_upper_tier_csv; // lad_to_upper_tier.csv
    std::string cost_reference_csv;    // cost_reference.csv
    std::vector<CouncilProfileText> council_profiles;
    std::string council_contacts_csv; // council_contacts.csv; "" for none
    // Postcode areas to keep districts, sectors and unit postcodes for. Empty: every area with at least
    // one district in an English council (England plus the Welsh and Scottish border areas it shares).
    std::vector<std::string> keep_areas;
};

struct ReferenceData {
    Bundle bundle;                          // no providers yet
    std::vector<std::string> kept_areas;    // postcode areas kept
    std::vector<std::string> dropped_areas; // areas in the ONS files that were left out
};

// A bad row is an Error naming the file and line, e.g. "postcode_districts.csv, line 6: the district, area,
// lat or lng is missing or wrong."
Expected<ReferenceData> build_reference(const ReferenceInputs& in);

// The upper-tier council's code for a CQC "Local authority" name (ONS spellings and CQC's both match, e.g.
// "Herefordshire" and "Herefordshire, County of"), via the council lookup: the code held in lads, nullptr
// when not found.
const std::string* upper_tier_for_name(const std::vector<LadInfo>& lads, std::string_view cqc_name);

} // namespace hcf::core
