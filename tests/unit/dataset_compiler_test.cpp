// homecare-finder tests: compiling a dataset and writing its files (mirrors src/core/dataset_compiler.cpp).
// Fixtures: tests/data/cqc/*.csv, tests/data/cqc/london/, tests/data/cqc/reference/.
// SPDX-License-Identifier: MIT
#include "core/dataset_compiler.h"
#include "core/sha256.h"

#include "fixtures.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace hcf::core;
using hcf::test::compile_fixture;
using hcf::test::find_file;

TEST_CASE("compile_dataset builds the bundle, details, postcode files and manifest") {
    const Expected<CompiledDataset> r = compile_dataset(compile_fixture());
    INFO(r.error());
    REQUIRE(r.ok());
    const std::vector<DataFile> files = write_dataset(*r);
    std::vector<std::string> names;
    for (const auto& f : files)
        names.push_back(f.name);
    // The unit postcode files are listed, not written (they are served as the sources hold them).
    CHECK(names ==
          std::vector<std::string>{"bundle.bin", "details/B.bin", "details/none.bin", "manifest.json"});
    const Bundle& b = r->bundle;
    CHECK(b.providers.size() == 10);
    CHECK(b.info.cqc_edition == "2026-09-01");
    CHECK(b.info.dataset_version.substr(0, 11) == "2026-09-01.");
    CHECK(b.info.dataset_version.size() == 19);
    CHECK(b.info.agencies == 10);
    CHECK(b.info.placed == 8);
    CHECK(b.info.unit_areas == std::vector<std::string>{"B"});
    CHECK(b.info.detail_areas == std::vector<std::string>{"B", "none"});
    // The source given without an edition takes the newest edition of its files.
    REQUIRE(b.info.sources.size() == 2);
    CHECK(b.info.sources[0].edition == "2026-09-01");
    CHECK(b.info.sources[1].edition == "2025-08-01");
    CHECK(b.info.attributions.size() == 1);

    SECTION("coverage: Birmingham complete; Worcestershire (Delta Care's council) partial") {
        CHECK_FALSE(b.info.covers_all_england);
        REQUIRE(b.info.coverage.size() == 2);
        CHECK(b.info.coverage[0].name == "Birmingham");
        CHECK(b.info.coverage[0].code == "E08000025");
        CHECK(b.info.coverage[0].agencies == 9);
        CHECK(b.info.coverage[0].complete);
        CHECK(b.info.coverage[0].source == b.info.sources[0].id); // the source that declares it complete
        CHECK(b.info.coverage[1].name == "Worcestershire");
        CHECK(b.info.coverage[1].agencies == 1);
        CHECK_FALSE(b.info.coverage[1].complete);
        CHECK(b.info.coverage[1].source.empty());
        CHECK(b.info.coverage_summary ==
              "This information includes every home care agency CQC lists in Birmingham (CQC register, 1 "
              "September 2026). Elsewhere it includes only some agencies, so an agency that is not shown may "
              "still exist: check the CQC website.");
    }

    SECTION("the manifest lists every file with its size and SHA-256, and the counts") {
        const DataFile* mf = find_file(files, "manifest.json");
        REQUIRE(mf);
        const Expected<Manifest> m = read_manifest(mf->bytes);
        REQUIRE(m.ok());
        CHECK(m->dataset_version == b.info.dataset_version);
        REQUIRE(m->files.size() == 4);
        const ManifestFile* bf = find_manifest_file(*m, "bundle.bin");
        REQUIRE(bf);
        CHECK(bf->bytes == find_file(files, "bundle.bin")->bytes.size());
        CHECK(bf->sha256 == sha256_hex(find_file(files, "bundle.bin")->bytes));
        CHECK(bf->kind == "startup");
        const ManifestFile* units = find_manifest_file(*m, "postcodes/B.txt");
        REQUIRE(units);
        CHECK(units->kind == "postcodes");
        const std::string b_txt = hcf::test::read_fixture("cqc/reference/postcodes/B.txt");
        CHECK(units->bytes == b_txt.size());
        CHECK(units->sha256 == sha256_hex(b_txt));
        // EH is left out: its districts are not in the bundle.
        CHECK(find_manifest_file(*m, "postcodes/EH.txt") == nullptr);
        const auto j = nlohmann::json::parse(mf->bytes);
        CHECK(j["counts"]["rows_in"] == 19);
        CHECK(j["counts"]["rows_used"] == 11);
        CHECK(j["counts"]["rows_excluded"] == 8);
        CHECK(j["counts"]["dormant_agencies_dropped"] == 1);
        CHECK(j["counts"]["excluded_by_reason"]["duplicate_id"] == 1);
        CHECK(j["counts"]["placed_by"]["unit_postcode"] == 4);
        // Row-level problems are listed with file and line; the expected bulk is only counted.
        CHECK(j["excluded_rows"].size() == 3); // duplicate, malformed, missing id
        CHECK(j["excluded_rows"][0]["line"] == 9);
        CHECK(j["excluded_rows"][0]["reason_key"] == "duplicate_id");
        CHECK(j["postcodes"]["areas_left_out"] == nlohmann::json::array({"EH"}));
    }

    SECTION("the same input always gives the same bytes") {
        const Expected<CompiledDataset> again = compile_dataset(compile_fixture());
        REQUIRE(again.ok());
        const std::vector<DataFile> files_again = write_dataset(*again);
        CHECK(find_file(files_again, "bundle.bin")->bytes == find_file(files, "bundle.bin")->bytes);
        CHECK(find_file(files_again, "manifest.json")->bytes == find_file(files, "manifest.json")->bytes);
    }

    SECTION("the summary for people, with the files' sizes") {
        CHECK(r->summary.rfind("CQC edition 2026-09-01, dataset version " + b.info.dataset_version + "\n",
                               0) == 0);
        CHECK(r->summary.find("Rows in: 19, used: 11, not used: 8\n") != std::string::npos);
        const std::string sizes = files_summary(*r, files);
        CHECK(sizes.rfind("Files: bundle.bin ", 0) == 0);
        CHECK(sizes.find(", 2 details files ") != std::string::npos);
        CHECK(sizes.find(", 1 postcode files ") != std::string::npos);
    }
}

TEST_CASE("write_dataset keeps the manifest's entries for files it does not write") {
    Expected<CompiledDataset> r = compile_dataset(compile_fixture());
    REQUIRE(r.ok());
    r->unit_packs.clear(); // as in the browser: the server's postcode files are not listed again
    r->manifest.files = {{"postcodes/HR.txt", 12, std::string(64, 'a'), "postcodes"},
                         {"bundle.bin", 1, std::string(64, 'b'), "startup"}}; // replaced: written here
    const std::vector<DataFile> files = write_dataset(*r);
    const Expected<Manifest> m = read_manifest(files.back().bytes);
    REQUIRE(m.ok());
    std::vector<std::string> names;
    for (const auto& f : m->files)
        names.push_back(f.name);
    CHECK(names ==
          std::vector<std::string>{"bundle.bin", "details/B.bin", "details/none.bin", "postcodes/HR.txt"});
    CHECK(find_manifest_file(*m, "postcodes/HR.txt")->bytes == 12);
    CHECK(find_manifest_file(*m, "bundle.bin")->bytes == find_file(files, "bundle.bin")->bytes.size());
}

TEST_CASE("compile_dataset stops with a message naming the file and line, and produces nothing") {
    SECTION("a damaged unit postcode file") {
        CompileInputs in = compile_fixture();
        in.unit_packs[0].text += "9ZZ,not,numbers\n";
        const Expected<CompiledDataset> r = compile_dataset(std::move(in));
        CHECK_FALSE(r.ok());
        CHECK(r.error().rfind("postcodes/B.txt: ", 0) == 0);
        CHECK(r.error().find("line 6") != std::string::npos);
    }
    SECTION("a cut-short CQC file") {
        CompileInputs in = compile_fixture();
        in.cqc[1].input.text = hcf::test::read_fixture("cqc/truncated_locations.csv");
        in.cqc[1].input.name = "truncated_locations.csv";
        in.cqc[1].input.edition = "2026-09-01";
        const Expected<CompiledDataset> r = compile_dataset(std::move(in));
        CHECK_FALSE(r.ok());
        CHECK(r.error() ==
              "truncated_locations.csv, line 5: the last row has 5 of 22 values and no line end, so the "
              "file looks cut short. Download it again.");
    }
    SECTION("a council said to be complete that the lookup does not know") {
        CompileInputs in = compile_fixture();
        in.cqc[0].complete_for = {"Atlantis"};
        const Expected<CompiledDataset> r = compile_dataset(std::move(in));
        CHECK_FALSE(r.ok());
        CHECK(r.error() ==
              "01_September_2026_CQC_directory.csv: the council \"Atlantis\" it is said to cover completely "
              "is not in the council lookup.");
    }
    SECTION("no CQC file") {
        CompileInputs in = compile_fixture();
        in.cqc.clear();
        CHECK(compile_dataset(std::move(in)).error() == "No CQC files were given.");
    }
}

TEST_CASE("a national CQC file makes every English council complete") {
    CompileInputs in = compile_fixture();
    in.cqc[0].complete_for.clear();
    for (auto& s : in.cqc)
        s.national = true;
    const Expected<CompiledDataset> r = compile_dataset(std::move(in));
    REQUIRE(r.ok());
    CHECK(r->bundle.info.covers_all_england);
    CHECK(r->bundle.info.coverage_summary ==
          "This information includes every home care agency CQC lists in England.");
    // Every upper-tier council in the lookup: Herefordshire, Worcestershire, Birmingham, Solihull.
    CHECK(r->bundle.info.coverage.size() == 4);
    for (const auto& c : r->bundle.info.coverage)
        CHECK(c.complete);
}

TEST_CASE("with no council complete, the coverage sentence says so without an 'other'") {
    CompileInputs in = compile_fixture();
    for (auto& s : in.cqc)
        s.complete_for.clear();
    const Expected<CompiledDataset> r = compile_dataset(std::move(in));
    REQUIRE(r.ok());
    CHECK(r->bundle.info.coverage_summary ==
          "This information does not include every home care agency for any council area. For 2 council "
          "areas it includes only some agencies, so an agency that is not shown may still exist: check the "
          "CQC website.");
}

TEST_CASE(
    "round trip with the London layout: question ratings, inspection dates, phones, addresses, contacts") {
    CompileInputs in = compile_fixture();
    CqcSource london;
    london.input.name = "homecare_london_10.jsonl";
    london.input.text = hcf::test::read_fixture("cqc/london/homecare_london_10.jsonl");
    london.input.edition = "2026-06-30";
    london.input.source_id = "london";
    london.complete_for = {
        "Birmingham"}; // the reference fixture's only council; the point is the declaration
    in.cqc.insert(in.cqc.begin(), london);
    in.cqc[1].complete_for.clear();
    SourceInfo src;
    src.id = "london";
    src.edition = "2026-06-30";
    src.edition_words = "first half of 2026";
    src.coverage_words = "the test borough";
    in.sources.insert(in.sources.begin(), src);
    in.reference.contacts =
        *read_council_contacts(hcf::test::read_fixture("councils/council_contacts_5.csv"), "c.csv");
    const Expected<CompiledDataset> r = compile_dataset(in);
    INFO(r.error());
    REQUIRE(r.ok());
    CHECK(
        r->bundle.info.coverage_summary ==
        "This information includes every home care agency CQC lists in the test borough (CQC register, first "
        "half of 2026). Elsewhere it includes only some agencies, so an agency that is not shown may still "
        "exist: check the CQC website.");
    const std::vector<DataFile> files = write_dataset(*r);
    const nlohmann::json m = nlohmann::json::parse(find_file(files, "manifest.json")->bytes);
    REQUIRE(m["coverage"]["complete_by_source"].size() == 1);
    CHECK(m["coverage"]["complete_by_source"][0]["source"] == "london");
    CHECK(m["coverage"]["complete_by_source"][0]["edition_words"] == "first half of 2026");
    CHECK(m["coverage"]["complete_by_source"][0]["councils"] == nlohmann::json::array({"Birmingham"}));

    Expected<Bundle> load = load_bundle(find_file(files, "bundle.bin")->bytes);
    INFO(load.error_detail());
    REQUIRE(load.ok());
    Bundle& b = *load;
    REQUIRE(b.contacts.size() == 5);
    CHECK(b.contacts[0].phone == "01432 260101");
    CHECK(b.info.sources[0].edition_words == "first half of 2026");
    for (const std::string& area : b.info.detail_areas) {
        const Expected<void> applied = apply_details(b, find_file(files, details_file_name(area))->bytes);
        REQUIRE(applied.ok());
    }
    REQUIRE(b.providers.size() == r->bundle.providers.size());
    for (std::size_t i = 0; i < b.providers.size(); ++i)
        hcf::test::check_same(b.providers[i], r->bundle.providers[i]);
    const auto guys = std::find_if(b.providers.begin(), b.providers.end(),
                                   [](const Provider& p) { return p.location_id == "RJ1X8"; });
    REQUIRE(guys != b.providers.end());
    CHECK(guys->last_inspected == "2022-09-22");
    CHECK(guys->key_questions.caring == Rating::Outstanding);
    CHECK(guys->phone == "02071 885368");
    CHECK(guys->address == "200 Great Dover Street, St Thomas' Hospital, Westminster Bridge Road, London");
}
