// homecare-finder core: the dataset the app loads — what bundle.bin and details/<AREA>.bin hold, reading them
// (load and apply) and writing them. Built by core/dataset_compiler.h, listed by core/manifest.h.
// Depends on: core/expected.h, core/data_file.h, core/model.h, core/geography.h, core/cost_reference.h,
//             core/council_contacts.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Files (names in core/data_file.h, all listed with size and SHA-256 in manifest.json):
//   bundle.bin           start-up bundle, one fetch: agencies (what search and the results list need),
//                        postcode districts and sectors, district -> council shares, cost references,
//                        council profiles, council contacts, dataset information (sources, dates, licences,
//                        coverage).
//   details/<AREA>.bin   contact details of the agencies whose postcode is in that postcode area
//                        (address, phone, website, provider id, registration date, specialism wording);
//                        details/none.bin for agencies without a usable postcode. Fetched when needed.
//   postcodes/<AREA>.txt unit postcodes of one area, in the compact text format of
//                        ../shared/data/README.md (Geography::add_unit_pack reads it).
// bundle.bin and details/*.bin share one container (core/binary_codec.h): a damaged file is refused even
// without the manifest. Readers bound-check every length and never throw.
#pragma once

#include "core/cost_reference.h"
#include "core/council_contacts.h"
#include "core/data_file.h"
#include "core/expected.h"
#include "core/geography.h"
#include "core/model.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// One source of the data, for the "About this information" screen and the manifest.
struct SourceInfo {
    std::string id;        // short stable id, e.g. "cqc_birmingham_solihull"
    std::string title;     // e.g. "CQC HSCA Active Locations: Birmingham and Solihull"
    std::string publisher; // e.g. "Care Quality Commission"
    std::string edition;   // ISO date (yyyy-mm-dd, or yyyy-mm where only the month is known)
    std::string licence;   // e.g. "Open Government Licence v3.0"
    std::string licence_url;
    std::string attribution;        // the line that must be shown
    std::string origin;             // where this copy came from
    std::string note;               // caveats in plain words
    std::vector<std::string> files; // files under assets/sources/ it was read from
    // How coverage sentences name this source's complete councils (CqcSource::complete_for declares them):
    // "the 33 London boroughs"; "" = the council names joined. And the register's date in words where the
    // exact day is not known ("first half of 2026"; "" = the edition as a date).
    std::string coverage_words;
    std::string edition_words;
};

// One source as written in assets/sources/sources.json or a manifest (a JSON object); missing fields are "".
// Text that is not a JSON object gives a SourceInfo with every field "".
SourceInfo read_source_info(std::string_view json_object);

// CQC's register as a source: publisher, licence and the attribution CQC asks for, with the title for the
// whole register of England (national) or for part of it. The caller adds id, origin, note and files.
constexpr std::string_view kCqcPublisher = "Care Quality Commission";
SourceInfo cqc_register_source(bool national);

// How much of one council's home care the bundle holds. Councils are the upper tier (the council that
// runs adult social care: a county, unitary, metropolitan or London borough).
struct CouncilCoverage {
    std::string code;      // ONS code, e.g. "E08000025"
    std::string name;      // ONS name, e.g. "Birmingham"
    int agencies = 0;      // agencies in the bundle whose CQC local authority is this council (count)
    bool complete = false; // a source holds every active home care agency CQC lists for this council
    std::string source;    // SourceInfo::id of the source that declares it complete; "" when not complete
};

struct DatasetInfo {
    std::string dataset_version; // newest CQC edition + "." + 8 hex digits of content hash
    std::string cqc_edition;     // newest CQC edition in the bundle, ISO date
    std::vector<SourceInfo> sources;
    std::vector<std::string> attributions; // distinct attribution lines, in source order
    bool covers_all_england = false;
    std::string coverage_summary;          // plain sentence for people (see compile_dataset)
    std::vector<CouncilCoverage> coverage; // councils with agencies or complete data, by name
    int agencies = 0;                      // count
    int placed = 0;                        // agencies with a map position (count)
    std::vector<std::string> unit_areas;   // postcode areas with a postcodes/<AREA>.txt file
    std::vector<std::string> detail_areas; // areas with a details/<AREA>.bin file ("none" included)
};

// A council (local authority district) and the upper-tier council that runs its adult social care.
struct LadInfo {
    std::string code;            // "E07000235"
    std::string name;            // "Malvern Hills"
    std::string upper_tier_code; // "E10000034"
    std::string upper_tier_name; // "Worcestershire"
    std::string tier;            // as in lad_to_upper_tier.csv: "unitary", "district", ...
};

struct CouncilProfileText {
    std::string file; // e.g. "birmingham.json"
    std::string json; // the profile as written (core/council_profile.h parses it)
};

struct Bundle {
    DatasetInfo info;
    std::vector<Provider> providers; // sorted by name; after load_bundle details_loaded is false
    Geography geography;             // districts, sectors, council shares (unit packs are added later)
    std::vector<LadInfo> lads;       // every council in the council lookup
    std::string cost_reference_csv;  // cost_reference.csv as written
    std::vector<CostReference> costs;
    std::vector<CouncilProfileText> council_profiles;
    std::vector<CouncilContact> contacts;  // councils' adult social care contacts (core/council_contacts.h)
    std::set<std::string> details_applied; // areas whose details pack has been applied
};

// ---- reading -----------------------------------------------------------------------------------------

struct BundleLoadOptions {
    bool verify_checksum = true; // false only for fuzzing the section parser
};

// Reads bundle.bin. Corrupt, truncated or foreign bytes give an Error: plain words for the person, and
// the detail ("checksum does not match", "providers") for developers.
Expected<Bundle> load_bundle(std::string_view bytes, BundleLoadOptions options = {});

// Reads a details pack and fills in the matching providers of b (details_loaded = true). A damaged pack,
// or one from another dataset version, is an Error and leaves b untouched.
Expected<void> apply_details(Bundle& b, std::string_view bytes, BundleLoadOptions options = {});

// The details pack an agency's contact details are in: its postcode area ("B", "HR"), or "none".
std::string details_area(const Provider& p);

// "The care information file is damaged (bundle.bin). Reload the page; if it keeps happening, tell the
// website owner." — the words for any damaged data file.
std::string damaged_file_words(std::string_view file);

// Positions as bundle.bin keeps them: districts and agencies to 1/10000th of a degree (about 11 m, the
// precision of the ONS unit postcode files), sector centres to 1/1000th (about 110 m; a sector spans
// kilometres). The reference build and the CQC import round to these, so a bundle reads back exactly
// what was built.
double stored_position(double degrees);
double stored_sector_position(double degrees);

// ---- writing -----------------------------------------------------------------------------------------

std::string serialize_bundle(const Bundle& b); // bundle.bin bytes (details are not included)
// details/<AREA>.bin bytes for one area (providers whose details_area() is area).
std::string serialize_details(const Bundle& b, std::string_view area);

} // namespace hcf::core
