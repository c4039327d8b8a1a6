// homecare-finder core: the dataset compiler — reference data plus CQC files in, a Bundle and its Manifest
// out (compile_dataset), then the files themselves (write_dataset). All in memory, no file system, so the
// browser's "Update the data" runs the same compiler as the native tool hcf-dataset.
// Depends on: core/dataset_format.h, core/manifest.h, core/cqc_import.h, core/expected.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/cqc_import.h"
#include "core/data_file.h"
#include "core/dataset_format.h"
#include "core/expected.h"
#include "core/manifest.h"

#include <string>
#include <vector>

namespace hcf::core {

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
    std::vector<UnitPackText> unit_packs; // place agencies; listed in the manifest as postcodes/<AREA>.txt
    std::vector<SourceInfo> sources;      // every source, for the About screen and manifest
    CqcColumns columns = default_cqc_columns();
    std::vector<std::string> dropped_areas; // for the manifest's note (from build_reference)
};

struct CompiledDataset {
    Bundle bundle;     // the compiled dataset with every detail filled in
    Manifest manifest; // everything but the file list, which write_dataset() makes
    std::vector<UnitPackText>
        unit_packs;   // the packs of areas the bundle holds, by area (listed, not written)
    CqcImport report; // counts, exclusions and warnings
    std::vector<std::string> unmatched_local_authorities; // CQC names not found in the council lookup
    std::string summary; // several plain lines for the tool to print (files_summary() adds the sizes)
};

// Builds the dataset. A bad input is an Error naming the file and line or column; nothing is built then.
Expected<CompiledDataset> compile_dataset(CompileInputs inputs);

// The dataset's files: bundle.bin, details/<AREA>.bin, then manifest.json, whose file list is made here from
// them and from the unit postcode files (postcodes/<AREA>.txt), which are not written again: they are served
// as the sources hold them (assets/sources/postcodes/, copied beside the data by the web build). Files the
// manifest already lists that are not made here keep their entries (an update in the browser keeps the
// server's postcode files; see core/data_update.h).
std::vector<DataFile> write_dataset(const CompiledDataset& d);

// "Files: bundle.bin 400.0 KB, 72 details files 812.3 KB, 104 postcode files 26000.0 KB"
std::string files_summary(const CompiledDataset& d, const std::vector<DataFile>& files);

} // namespace hcf::core
