// homecare-finder core: the owner's "Update the data" in the browser — CQC files a person picked, checked and
// compiled into a new dataset in small steps (so the page can draw a progress bar between them).
// Depends on: core/dataset_compiler.h, core/manifest.h, core/cqc_import.h, core/expected.h, the C++ standard
//             library.
// SPDX-License-Identifier: MIT
//
// The same compiler as the native tool (compile_dataset), with the currently loaded dataset as the reference
// (postcode geography, councils, costs, council profiles stay as they are; only the CQC agencies change).
// Stages: 1 reading the files (one step per file, then one step checking them all), 2 fetching the unit
// postcodes of the districts needed to place the agencies (postcodes/<DISTRICT>.txt, asked of the platform;
// they do not change with a CQC update), 3 building, 4 saving (done by the platform, which reports back). A
// bad file stops it with the native tool's message (file and line); nothing is produced then, so the current
// data stays in use.
#pragma once

#include "core/cqc_import.h"
#include "core/data_file.h"
#include "core/dataset_format.h"
#include "core/expected.h"
#include "core/manifest.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// Which CQC file a picked file is, told by its column headings.
enum class CqcFileKind : std::uint8_t {
    Unknown,
    ActiveLocations, // CQC "HSCA Active Locations" (care directory with filters) saved as CSV
    CareDirectory,   // CQC care directory CSV ("..._CQC_directory.csv")
    Normalised,      // snake_case layout (location_id, name, ..., data_date), e.g.
                     // cqc/extra/homecare_locations.csv
    CareGistCopy, // CareGist's copy of CQC's register, one JSON object a line (id, name, rating_safe, ...),
                  // e.g. cqc/london/homecare_london.jsonl; its date must be in the file name
};
std::string_view cqc_file_kind_words(CqcFileKind k); // "CQC HSCA Active Locations", ...

// Looks at the file's bytes and headings only (the rows are read later): the kind of CQC file, or an Error in
// plain words naming the file. Damaged text (a spreadsheet, UTF-16, binary data, a quoted value never closed
// before the headings) gives the native tool's message; a file without CQC's location id and name columns is
// "not one of the CQC files".
Expected<CqcFileKind> recognise_cqc_file(std::string_view name, std::string_view bytes,
                                         const CqcColumns& columns = default_cqc_columns());

// The files a compiled update keeps, and what it holds.
struct UpdateResult {
    std::vector<DataFile> files; // manifest.json, bundle.bin, details/*.bin (never postcodes/*.txt)
    std::string cqc_edition;     // ISO date of the newest CQC edition read
    std::string dataset_version;
    int agencies = 0;      // count
    int placed = 0;        // agencies with a map position (count)
    int rows_in = 0;       // data rows read across the files (count)
    int rows_not_used = 0; // rows left out (not home care, dormant, damaged rows...) (count)
    bool national = false; // taken as CQC's full register for England
    std::string summary;   // "Updated to CQC data of 1 September 2026: 353 agencies."
};

enum class UpdateStage : std::uint8_t { Reading, Fetching, Building, Saving, Done, Failed };

struct UpdateProgress {
    UpdateStage stage = UpdateStage::Reading;
    int stage_number = 1;  // 1 to 4 (4 while saving, and when done)
    int stages = 4;        // count
    int done = 0;          // steps done within this stage (count)
    int of = 0;            // steps in this stage (count; 0 when it has no steps to count)
    double fraction = 0.0; // of the whole update, 0 to 1
    std::string words;     // "Step 2 of 4: fetching postcodes, district 1 of 3"
};

// Values in [0, 1] of the whole update: reading 0-0.3, fetching 0.3-0.6, building 0.6-0.9, saving 0.9-1.
// Part of UpdateProgress; public for tests.
double update_fraction(UpdateStage stage, int done, int of);

class DataUpdate {
  public:
    // files: as the person picked them (the browser's file names). current: the loaded dataset (copied: its
    // providers are replaced, everything else kept). current_manifest: its manifest.json (its postcodes/*.txt
    // entries are kept, so the app can still check the postcode files it fetches). today: ISO date, written
    // into the new manifest.
    DataUpdate(std::vector<DataFile> files, const Bundle& current, const Manifest& current_manifest,
               std::string today);
    ~DataUpdate();
    DataUpdate(const DataUpdate&) = delete;
    DataUpdate& operator=(const DataUpdate&) = delete;

    // True while there is work to do now (not waiting for postcode files or for saving, not finished).
    bool can_step() const;
    // Does one step: one file read, the check, or the build. Cheap to call when there is nothing to do.
    void step();

    // Postcode files to fetch ("postcodes/B13.txt"); each is given out once.
    std::vector<std::string> take_file_requests();
    bool wants_file(std::string_view name) const; // asked for and not yet arrived
    // A postcode file arrived (already checked against the manifest by the caller), or could not be fetched:
    // then the agencies of that area are placed at the middle of their postcode sector instead.
    void receive_file(std::string_view name, std::string_view bytes);
    void receive_error(std::string_view name, std::string_view message);

    // Once built (stage Saving): the files for the platform to keep, then saved() with its answer: fine, or
    // an Error whose message is the platform's reason ("QuotaExceededError").
    bool ready_to_save() const { return stage_ == UpdateStage::Saving; }
    const UpdateResult& result() const { return result_; }
    void saved(const Expected<void>& answer);

    UpdateProgress progress() const;
    UpdateStage stage() const { return stage_; }
    bool finished() const { return stage_ == UpdateStage::Done || stage_ == UpdateStage::Failed; }
    // Why it failed, in plain words: when stage() is Failed, else nullptr.
    const Error* failure() const { return stage_ == UpdateStage::Failed ? &failure_ : nullptr; }
    const std::vector<CqcFileKind>& kinds() const { return kinds_; } // per file, once read
    const std::vector<std::string>& districts_wanted() const { return districts_; }
    const std::vector<std::string>& districts_missing() const { return missing_; } // fetches that failed

  private:
    void fail(std::string message);
    void check_all();
    void build();

    std::vector<DataFile> files_;
    std::unique_ptr<Bundle> reference_;
    Manifest manifest_;
    std::string today_;
    std::vector<CqcFileKind> kinds_;
    std::vector<std::string> districts_; // postcode districts asked for
    std::vector<std::string> pending_;   // asked for, not arrived
    std::vector<std::string> requests_;  // not yet given out
    std::vector<std::string> missing_;   // could not be fetched
    std::size_t next_file_ = 0;
    bool national_ = false;
    UpdateStage stage_ = UpdateStage::Reading;
    Error failure_;
    UpdateResult result_;
};

} // namespace hcf::core
