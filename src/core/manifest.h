// homecare-finder core: manifest.json — the dataset's list of files (size, SHA-256) and its record of how it
// was built (sources, CQC files read, counts, rows left out, coverage). One struct, one reader, one writer.
// Depends on: core/dataset_format.h (SourceInfo, CouncilCoverage), core/expected.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// The app checks every file it fetches against the manifest (verify_file) and reads the About screen's
// "updated in the browser" note from it; core/dataset_compiler.h fills it in; the browser's "Update the data"
// (core/data_update.h) changes it and writes it again. Every field round-trips: write_manifest of what
// read_manifest read gives the same text.
#pragma once

#include "core/dataset_format.h"
#include "core/expected.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

struct ManifestFile {
    std::string name;        // path under assets/data, e.g. "bundle.bin", "postcodes/B.txt"
    std::uint64_t bytes = 0; // size in bytes
    std::string sha256;      // 64 lower-case hex digits
    std::string kind;        // "startup", "details", "postcodes" (data_file_kind_key)
};

// One CQC file the dataset was built from.
struct ManifestCqcFile {
    std::string file;
    std::string role;    // "directory" or "locations"
    std::string edition; // ISO date
    int header_line = 0; // physical line of the column headings
    int rows = 0;        // data rows read (count)
    int rows_used = 0;   // rows that made an agency (count)
    std::vector<std::string> missing_optional_columns;
    bool converted_from_windows_1252 = false;
};

struct ManifestCounts {
    int rows_in = 0;
    int rows_used = 0;
    int rows_excluded = 0;
    std::map<std::string, int> excluded_by_reason; // reason key -> rows
    int agencies_out = 0;
    int dormant_agencies_dropped = 0;
    std::map<std::string, int> warnings_by_reason;              // reason key -> rows
    std::map<std::string, int> wording_without_a_search_filter; // CQC wording -> rows
    // Agencies by how they were placed on the map.
    int placed_by_unit_postcode = 0;
    int placed_by_postcode_sector = 0;
    int placed_by_postcode_district = 0;
    int not_placed = 0;
};

// A row left out that is worth a look (the expected bulk, other services and dormant agencies, is counted).
struct ManifestExcludedRow {
    std::string file;
    int line = 0;
    std::string location_id;
    std::string reason_key;
    std::string reason;
};

// Which councils one source declares complete, with its date.
struct ManifestCompleteBySource {
    std::string source; // SourceInfo::id
    std::string edition;
    std::string edition_words;
    std::vector<std::string> councils; // ONS names
};

struct ManifestCoverage {
    bool covers_all_england = false;
    std::string summary; // the coverage sentence people read
    std::vector<CouncilCoverage> councils;
    std::vector<ManifestCompleteBySource> complete_by_source;
    std::vector<std::string> local_authority_names_not_matched;
};

struct ManifestPostcodes {
    std::vector<std::string> unit_postcode_areas; // areas with a postcodes/<AREA>.txt
    std::vector<std::string> areas_left_out;      // areas wholly outside England
    std::string note;
};

// Written by "Update the data" (manifest key "updated_in_browser"): which files and when.
struct UpdatedInfo {
    bool updated = false;           // false: the data came with the service ("bundled")
    std::string on;                 // ISO date the update was made
    std::vector<std::string> files; // the CQC file names it was built from
};

struct Manifest {
    std::string format = "homecare-finder dataset manifest";
    int format_version = 1;
    std::string dataset_version;
    std::string cqc_edition;
    std::vector<SourceInfo> sources;
    std::vector<std::string> attribution;
    std::vector<ManifestCqcFile> cqc_files;
    ManifestCounts counts;
    std::vector<ManifestExcludedRow> excluded_rows;
    int excluded_rows_not_listed = 0; // beyond the first 1,000
    ManifestCoverage coverage;
    ManifestPostcodes postcodes;
    std::vector<ManifestFile> files; // by name
    UpdatedInfo updated_in_browser;
};

// Reads manifest.json. Text that is not a manifest (not JSON, no file list, a file without its name or
// SHA-256) is an Error: "The care information file is damaged (manifest.json). ..."; other fields that are
// missing are left empty.
Expected<Manifest> read_manifest(std::string_view json_text);
// manifest.json as the compiler writes it (one space indents, keys in order, a line end at the end).
std::string write_manifest(const Manifest& m);

const ManifestFile* find_manifest_file(const Manifest& m, std::string_view name);
// Checks a fetched file against the manifest: not listed, or a size or SHA-256 that differs, is an Error for
// the person, e.g. "The care information file is damaged (bundle.bin). Reload the page; if it keeps
// happening, tell the website owner."
Expected<void> verify_file(const Manifest& m, std::string_view name, std::string_view bytes);

} // namespace hcf::core
