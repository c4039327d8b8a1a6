// homecare-finder tests: the "bundled" dataset a browser has loaded before an update (the 2025 sample, with
// its postcodes on the server), the September 2026 CQC files a person picks, and running an update.
// Depends on: core/data_update.h, core/dataset_compiler.h, core/reference.h, fixtures.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/data_file.h"
#include "core/data_update.h"
#include "core/dataset_compiler.h"
#include "core/reference.h"

#include "fixtures.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace hcf::test::update {

using namespace hcf::core;

inline std::string read(const std::string& rel) {
    return hcf::test::read_fixture("cqc/" + rel);
}

// The "bundled" dataset a browser has loaded: the 2025 sample only, with area B's postcodes on the server.
struct Current {
    Bundle bundle;
    std::string bundle_bin;
    std::string manifest; // manifest.json as the server has it
    Manifest listed;      // the same, read
    std::string unit_pack_b;
    // The server's postcode files as the web build serves them, a district at a time ("postcodes/B13.txt",
    // cut from unit_pack_b at its "#" lines); B1, whose agencies the fixture has, has none.
    std::map<std::string, std::string> district_files;
};

// Answers what an update asks for from c.district_files, and "HTTP 404" for the rest (B1).
template <class Job> void serve_postcodes(Job& job, const Current& c) {
    for (const std::string& name : job.take_file_requests()) {
        const auto it = c.district_files.find(name);
        if (it == c.district_files.end())
            job.receive_error(name, "HTTP 404");
        else
            job.receive_file(name, it->second);
    }
}

inline const std::vector<std::string> kDistrictFilesAsked = {"postcodes/B1.txt", "postcodes/B13.txt",
                                                             "postcodes/B14.txt"};

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
    for (std::size_t at = 0; at < c.unit_pack_b.size();) {
        const std::size_t next = std::min(c.unit_pack_b.find("\n#", at), c.unit_pack_b.size() - 1) + 1;
        const std::string block = c.unit_pack_b.substr(at, next - at);
        c.district_files[unit_file_name(block.substr(1, block.find(',') - 1))] = block;
        at = next;
    }
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
