// homecare-finder core: reads CQC register files (any of the layouts CQC has published, plus our
// normalised layout) into Provider records: join on location id, keep home care, drop dormant, geocode.
// Depends on: core/cqc_columns.h (column names, wording), core/cqc_dates.h, core/model.h, core/csv.h,
//             core/expected.h, core/geography.h, core/postcode.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Layouts understood (columns are found by name, in any order; see default_cqc_columns()):
//   * CQC care directory CSV ("Name", "Also known as", "Address", "Postcode", "Phone number",
//     "Service's website (if available)", "Service types", "Date of latest check", "Specialisms/services",
//     "Provider name", "Local authority", "Region", "Location URL", "CQC Location ID (for office use only)",
//     "CQC Provider ID (for office use only)"), usually after a few title lines, which are skipped.
//   * CQC HSCA Active Locations ("Care directory with filters"), saved as CSV: "Location ID",
//     "Location Name", "Location Postal Code", "Location Latest Overall Rating", "Publication Date",
//     "Dormant (Y/N)", one "Service type - ..." and "Service user band - ..." column each (Y or blank),
//     "Brand Name", "Provider ID", "Provider Name", "Provider Ownership Type", ...
//   * The snake_case samples and normalised files in ../shared/data/cqc (location_id, name, ...), and
//     the Birmingham/Solihull file as published by caregist (location_name, rating_as_published,
//     service_user_bands separated by "; ", registration_date, source_edition, ...).
//   * CareGist's copy of CQC's register as JSON lines, one object a line (core/jsonl_table.h): id, name,
//     address_line1/2, town, postcode, phone, rating_safe ... rating_well_led, last_inspection_date,
//     inspection_report_url (../shared/data/cqc/london/). In that layout "Not Yet Inspected" means "no rating
//     in this copy" (Provider::rating_in_data false), and address_line2 is kept only when it adds something.
// Files are "directory" (contact details, no ratings) or "locations" (the register: ratings, dormancy).
// Within one CQC edition (date) a directory row and a locations row with the same location id are
// joined; across editions the newest edition wins and the older rows are reported as superseded.
#pragma once

#include "core/cqc_columns.h"
#include "core/cqc_dates.h"
#include "core/csv.h"
#include "core/expected.h"
#include "core/geography.h"
#include "core/model.h"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

enum class CqcRole : std::uint8_t {
    Auto,      // decided from the columns: ratings, dormancy or one-hot service columns -> Locations
    Directory, // contact details and specialisms; no ratings
    Locations, // the register: ratings, dormancy, service user bands, brand, ownership
};
std::string_view cqc_role_key(CqcRole r); // "auto", "directory", "locations"

// One CQC file, held in memory (so the browser can pass file texts without a file system).
struct CqcInput {
    std::string name; // file name, used in messages and the manifest
    std::string text; // the whole file
    CqcRole role = CqcRole::Auto;
    std::string edition;   // ISO yyyy-mm-dd of the CQC edition; "" = from a data_date column,
                           // the file name ("01_September_2026_...", "..._2026-09-01") or title lines
    std::string source_id; // short label for Provider::source; "" = name
};

// A row that was not used (or was used but needs checking), with where it came from.
struct RowIssue {
    std::string file;
    int line = 0;            // physical line in the file
    std::string location_id; // "" when the row had none
    std::string reason_key;  // stable key: "dormant", "not_home_care", "duplicate_id", ...
    std::string reason;      // plain sentence for people
};

struct CqcFileSummary {
    std::string file;
    std::string role;                          // "directory" or "locations"
    std::string edition;                       // ISO date
    int header_line = 0;                       // physical line of the column headings
    int rows = 0;                              // data rows read
    int rows_used = 0;                         // rows that contributed to an agency in the output
    std::vector<std::string> missing_optional; // optional fields this file has no column for
    bool converted_from_cp1252 = false;
};

struct CqcImport {
    std::vector<Provider> providers; // sorted by name (case-insensitive), then location id
    std::vector<CqcFileSummary> files;
    int rows_in = 0;                // data rows across all files
    int rows_used = 0;              // rows_in == rows_used + excluded.size()
    int dormant_dropped = 0;        // agencies (not rows) dropped because CQC marks them dormant
    std::vector<RowIssue> excluded; // every row not used, with its reason
    std::vector<RowIssue> warnings; // rows used with something a person may want to check
    std::map<std::string, int> excluded_by_reason; // reason_key -> rows
    std::map<std::string, int> warnings_by_reason; // reason_key -> rows
    std::map<std::string, int> unmapped_terms;     // specialism/band wording with no search filter -> rows
    std::array<int, 4> by_precision{};             // agencies by GeoPrecision (None, District, Sector, Unit)
    std::string newest_edition;                    // ISO date
};

// Reads, joins, filters and geocodes. geo must hold districts and sectors (and the unit packs wanted). A file
// that cannot be used at all is an Error naming the file and the line or column; nothing is returned then.
Expected<CqcImport> import_cqc(const std::vector<CqcInput>& inputs, const Geography& geo,
                               const CqcColumns& columns = default_cqc_columns());

} // namespace hcf::core
