// homecare-finder core: the dataset the app loads (start-up bundle, per-area details packs, manifest),
// and the compiler that builds it from file texts in memory (used by the native tool and the browser).
// Depends on: core/model.h, core/geography.h, core/cqc_import.h, core/cost_reference.h, core/csv.h,
//             core/sha256.h, nlohmann/json, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Files written to assets/data/ (all listed with size and SHA-256 in manifest.json):
//   bundle.bin           start-up bundle, one fetch: agencies (what search and the results list need),
//                        postcode districts and sectors, district -> council shares, cost references,
//                        council profiles, dataset information (sources, dates, licences, coverage).
//   details/<AREA>.bin   contact details of the agencies whose postcode is in that postcode area
//                        (address, phone, website, provider id, registration date, specialism wording);
//                        details/none.bin for agencies without a usable postcode. Fetched when needed.
//   postcodes/<AREA>.txt unit postcodes of one area, in the compact text format of
//                        ../shared/data/README.md (Geography::add_unit_pack reads it).
// bundle.bin and details/*.bin share one container: "HCFD", format version, kind, payload length,
// tagged sections, then a SHA-256 of everything before it, so a damaged file is refused even without
// the manifest. Readers bound-check every length and never throw.
#pragma once

#include "core/cost_reference.h"
#include "core/council_contacts.h"
#include "core/cqc_import.h"
#include "core/geography.h"
#include "core/model.h"

#include <cstdint>
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
SourceInfo parse_source_info(std::string_view json_object);

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

// ---- reading the app's files ----------------------------------------------------------------------

struct BundleLoadOptions {
    bool verify_checksum = true; // false only for fuzzing the section parser
};

struct BundleLoad {
    bool ok = false;
    std::string error;        // plain words for the person, when !ok
    std::string error_detail; // what exactly was wrong, for developers and logs
    Bundle bundle;
};

// Reads bundle.bin. Never throws; corrupt, truncated or foreign bytes give ok=false and a message.
BundleLoad load_bundle(std::string_view bytes, BundleLoadOptions options = {});

// Reads a details pack and fills in the matching providers of b (details_loaded = true). Returns false
// with a message (b untouched) when the pack is damaged or belongs to another dataset version.
bool apply_details(Bundle& b, std::string_view bytes, std::string* message, BundleLoadOptions options = {});

// The details pack an agency's contact details are in: its postcode area ("B", "HR"), or "none".
std::string details_area(const Provider& p);
std::string details_file_name(std::string_view area); // "details/B.bin"
std::string unit_file_name(std::string_view area);    // "postcodes/B.txt"

// ---- writing ---------------------------------------------------------------------------------------

std::string serialize_bundle(const Bundle& b); // bundle.bin bytes (details are not included)
// details/<AREA>.bin bytes for one area (providers whose details_area() is area).
std::string serialize_details(const Bundle& b, std::string_view area);

// ---- manifest ----------------------------------------------------------------------------------------

struct ManifestFile {
    std::string name;        // path under assets/data, e.g. "bundle.bin", "postcodes/B.txt"
    std::uint64_t bytes = 0; // size in bytes
    std::string sha256;      // 64 lower-case hex digits
    std::string kind;        // "startup", "details", "postcodes"
};

struct Manifest {
    std::string dataset_version;
    std::string cqc_edition;
    std::vector<ManifestFile> files;
};

// Reads manifest.json (only what the app needs to check files). Never throws.
bool parse_manifest(std::string_view json_text, Manifest* out, std::string* error);
const ManifestFile* find_manifest_file(const Manifest& m, std::string_view name);
// Checks a fetched file against the manifest. On failure *message is for the person, e.g.
// "The care information file is damaged (bundle.bin). Reload the page; if it keeps happening, tell the
// website owner."
bool verify_file(const Manifest& m, std::string_view name, std::string_view bytes, std::string* message);

// ---- building ----------------------------------------------------------------------------------------

// The reference data as file texts (ONS postcode geography, council lookup, costs, council profiles).
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

struct ReferenceBuild {
    bool ok = false;
    std::string error;                      // names the file and line
    Bundle bundle;                          // no providers yet
    std::vector<std::string> kept_areas;    // postcode areas kept
    std::vector<std::string> dropped_areas; // areas in the ONS files that were left out
};
ReferenceBuild build_reference(const ReferenceInputs& in);

// One CQC file and what it covers.
struct CqcSource {
    CqcInput input;
    bool national = false;                 // CQC's full register for England (every council complete)
    std::vector<std::string> complete_for; // council names this file covers completely (e.g. "Birmingham")
};

struct UnitPackText {
    std::string area; // "B"
    std::string text; // compact unit postcode text
};

struct CompileInputs {
    Bundle reference;           // from build_reference(), or a loaded bundle (its providers are ignored)
    std::vector<CqcSource> cqc; // at least one
    std::vector<UnitPackText> unit_packs; // used to place agencies; written out as postcodes/<AREA>.txt
    std::vector<SourceInfo> sources;      // every source, for the About screen and manifest
    CqcColumns columns = default_cqc_columns();
    std::vector<std::string> dropped_areas; // for the manifest's note (from build_reference)
};

struct OutputFile {
    std::string name; // path under assets/data
    std::string bytes;
    std::string kind; // "startup", "details", "postcodes", "manifest"
};

struct CompileResult {
    bool ok = false;
    std::string error;             // names the file and line or column; no files are produced then
    CqcImport report;              // counts, exclusions and warnings
    Bundle bundle;                 // the compiled dataset with every detail filled in
    std::vector<OutputFile> files; // manifest.json last
    std::vector<std::string> unmatched_local_authorities; // CQC names not found in the council lookup
    std::string summary;                                  // several plain lines for the tool to print
};

// Builds everything from texts in memory: no file system, so the browser can run it on files a person
// picked. Never throws.
CompileResult compile_dataset(CompileInputs inputs);

// The upper-tier council for a CQC "Local authority" name (ONS spellings and CQC's both match, e.g.
// "Herefordshire" and "Herefordshire, County of"), via the council lookup; "" when not found.
std::string upper_tier_for_name(const std::vector<LadInfo>& lads, std::string_view cqc_name);

} // namespace hcf::core
