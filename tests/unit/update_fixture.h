// homecare-finder tests: the "bundled" dataset a browser has loaded before an update (the 2025 sample, with
// postcodes/B.txt on the server), the September 2026 CQC files a person picks, and running an update.
// Depends on: core/data_update.h, core/dataset_compiler.h, core/reference.h, fixtures.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/data_update.h"
#include "core/dataset_compiler.h"
#include "core/reference.h"

#include "fixtures.h"

#include <string>
#include <vector>

namespace hcf::test::update {

using namespace hcf::core;

inline std::string read(const std::string& rel) {
    return hcf::test::read_fixture("cqc/" + rel);
}

// The "bundled" dataset a browser has loaded: the 2025 sample only, with postcodes/B.txt on the server.
struct Current {
    Bundle bundle;
    std::string bundle_bin;
    std::string manifest; // manifest.json as the server has it
    Manifest listed;      // the same, read
    std::string unit_pack_b;
};

inline Current current_dataset() {
    Expected<ReferenceData> rb = build_reference(hcf::test::reference_fixture());
    REQUIRE(rb.ok());
    CompileInputs in;
    in.reference = rb->bundle;
    in.dropped_areas = rb->dropped_areas;
    CqcSource s;
    s.input.name = "cqc_sample_locations_2025-08-01.csv";
    s.input.text = read(s.input.name);
    s.input.source_id = "old";
    in.cqc.push_back(s);
    Current c;
    c.unit_pack_b = read("reference/postcodes/B.txt");
    in.unit_packs = {{"B", c.unit_pack_b}};
    SourceInfo old;
    old.id = "old";
    old.title = "CQC sample";
    old.publisher = "Care Quality Commission";
    SourceInfo ons;
    ons.id = "ons";
    ons.title = "ONS postcodes";
    ons.publisher = "Office for National Statistics";
    in.sources = {old, ons};
    const Expected<CompiledDataset> r = compile_dataset(std::move(in));
    REQUIRE(r.ok());
    for (const auto& f : write_dataset(*r)) {
        if (f.name == "manifest.json") {
            c.manifest = f.bytes;
            Expected<Manifest> listed = read_manifest(f.bytes);
            REQUIRE(listed.ok());
            c.listed = std::move(*listed);
        }
        if (f.name == "bundle.bin") {
            c.bundle_bin = f.bytes;
            Expected<Bundle> load = load_bundle(f.bytes);
            REQUIRE(load.ok());
            c.bundle = std::move(*load);
        }
    }
    REQUIRE(c.bundle.providers.size() ==
            4); // Zeta (old name), Lambda, Mu and Nu (no postcode, kept unplaced)
    return c;
}

inline std::vector<DataFile> september() {
    return {
        {"01_September_2026_CQC_directory.csv", read("01_September_2026_CQC_directory.csv")},
        {"01_September_2026_HSCA_Active_Locations.csv", read("01_September_2026_HSCA_Active_Locations.csv")}};
}

// Runs every step that can run now; returns how many.
inline int run(DataUpdate& u) {
    int n = 0;
    while (u.can_step() && n < 100) {
        u.step();
        ++n;
    }
    return n;
}

inline const DataFile* file(const UpdateResult& r, const std::string& name) {
    return hcf::test::find_file(r.files, name);
}

} // namespace hcf::test::update
