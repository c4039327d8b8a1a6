// homecare-finder tests: reading the fixture files in tests/data, and the small dataset built from them
// (shared by the unit tests that need them).
// Depends on: core/reference.h, core/dataset_compiler.h, Catch2 (REQUIRE, CHECK), the C++ standard library;
// HCF_TEST_DATA_DIR and HCF_SOURCE_DIR come from CMake.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/dataset_compiler.h"
#include "core/reference.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hcf::test {

// The bytes of a file; the test stops if it is missing.
inline std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    INFO(path);
    REQUIRE(f.good());
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// The bytes of tests/data/<rel>.
inline std::string read_fixture(const std::string& rel) {
    return read_text(std::string(HCF_TEST_DATA_DIR) + "/" + rel);
}

// The bytes of <repository>/<rel>, e.g. "assets/councils/essex.json".
inline std::string read_repo_file(const std::string& rel) {
    return read_text(std::string(HCF_SOURCE_DIR) + "/" + rel);
}

// The small reference data in tests/data/cqc/reference/ (postcode geography, council lookup, costs, one
// council profile), as build_reference() takes it.
inline hcf::core::ReferenceInputs reference_fixture() {
    hcf::core::ReferenceInputs in;
    in.districts_csv = read_fixture("cqc/reference/postcode_districts.csv");
    in.sectors_csv = read_fixture("cqc/reference/postcode_sectors.csv");
    in.district_to_lad_csv = read_fixture("cqc/reference/postcode_district_to_lad.csv");
    in.lad_to_upper_tier_csv = read_fixture("cqc/reference/lad_to_upper_tier.csv");
    in.cost_reference_csv = read_fixture("cqc/reference/cost_reference.csv");
    in.council_profiles = {{"birmingham.json", read_fixture("cqc/reference/councils/birmingham.json")}};
    return in;
}

// The reference data plus three CQC files of tests/data/cqc (two of the new edition, one old), the unit
// postcodes of B and EH, and two sources; the directory says it covers Birmingham completely.
inline hcf::core::CompileInputs compile_fixture() {
    using namespace hcf::core;
    Expected<ReferenceData> rb = build_reference(reference_fixture());
    REQUIRE(rb.ok());
    CompileInputs in;
    in.reference = rb->bundle;
    in.dropped_areas = rb->dropped_areas;
    for (const char* f :
         {"01_September_2026_CQC_directory.csv", "01_September_2026_HSCA_Active_Locations.csv",
          "cqc_sample_locations_2025-08-01.csv"}) {
        CqcSource s;
        s.input.name = f;
        s.input.text = read_fixture(std::string("cqc/") + f);
        s.input.source_id = std::string(f).find("2025") != std::string::npos ? "old" : "new";
        in.cqc.push_back(s);
    }
    in.cqc[0].complete_for = {"Birmingham"};
    in.unit_packs = {{"B", read_fixture("cqc/reference/postcodes/B.txt")},
                     {"EH", read_fixture("cqc/reference/postcodes/EH.txt")}};
    SourceInfo cqc;
    cqc.id = "new";
    cqc.title = "Test CQC files";
    cqc.attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0 (Care "
        "Quality Commission data)";
    SourceInfo old = cqc;
    old.id = "old";
    old.edition = "2025-08-01";
    in.sources = {cqc, old};
    return in;
}

// The files of the dataset compile_fixture() makes (bundle.bin, details, manifest.json; its postcodes/B.txt
// is the fixture's cqc/reference/postcodes/B.txt).
inline std::vector<hcf::core::DataFile> compiled_fixture_files() {
    const hcf::core::Expected<hcf::core::CompiledDataset> r = hcf::core::compile_dataset(compile_fixture());
    INFO(r.error());
    REQUIRE(r.ok());
    return hcf::core::write_dataset(*r);
}

// The file of that name in a dataset's files; nullptr when there is none.
inline const hcf::core::DataFile* find_file(const std::vector<hcf::core::DataFile>& files,
                                            const std::string& name) {
    for (const auto& f : files)
        if (f.name == name) return &f;
    return nullptr;
}

// Every field of two providers is the same.
inline void check_same(const hcf::core::Provider& a, const hcf::core::Provider& b) {
    INFO(a.location_id);
    CHECK(a.location_id == b.location_id);
    CHECK(a.provider_id == b.provider_id);
    CHECK(a.name == b.name);
    CHECK(a.provider_name == b.provider_name);
    CHECK(a.brand == b.brand);
    CHECK(a.address == b.address);
    CHECK(a.postcode == b.postcode);
    CHECK(a.phone == b.phone);
    CHECK(a.website == b.website);
    CHECK(a.local_authority == b.local_authority);
    CHECK(a.region == b.region);
    CHECK(a.cqc_url == b.cqc_url);
    CHECK(a.ownership == b.ownership);
    CHECK(a.registered_date == b.registered_date);
    CHECK(a.overall == b.overall);
    CHECK(a.rating_date == b.rating_date);
    CHECK(a.key_questions.safe == b.key_questions.safe);
    CHECK(a.key_questions.effective == b.key_questions.effective);
    CHECK(a.key_questions.caring == b.key_questions.caring);
    CHECK(a.key_questions.responsive == b.key_questions.responsive);
    CHECK(a.key_questions.well_led == b.key_questions.well_led);
    CHECK(a.needs == b.needs);
    CHECK(a.service_types == b.service_types);
    CHECK(a.specialisms == b.specialisms);
    CHECK(a.location.lat == b.location.lat); // exactly: positions are stored to 1e-4 degree
    CHECK(a.location.lng == b.location.lng);
    CHECK(a.precision == b.precision);
    CHECK(a.source == b.source);
    CHECK(a.data_date == b.data_date);
    CHECK(a.rating_text == b.rating_text);
    CHECK(a.rating_in_data == b.rating_in_data);
    CHECK(a.key_questions_in_data == b.key_questions_in_data);
    CHECK(a.last_inspected == b.last_inspected);
    CHECK(a.details_loaded == b.details_loaded);
}

} // namespace hcf::test
