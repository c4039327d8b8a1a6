// homecare-finder tests: the in-browser "Update the data" — recognising CQC files, stages and progress, the
// postcode files it asks for, the files it keeps, and refusing bad files (mirrors src/core/data_update.cpp).
// Fixtures: tests/data/cqc/*.csv and tests/data/cqc/reference/.
// SPDX-License-Identifier: MIT
#include "core/data_update.h"
#include "core/dataset_compiler.h"
#include "core/reference.h"

#include "fixtures.h"
#include "update_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace hcf::core;
using namespace hcf::test::update;

TEST_CASE("recognise_cqc_file tells the three CQC layouts by their headings") {
    const Expected<CqcFileKind> a =
        recognise_cqc_file("a.csv", read("01_September_2026_HSCA_Active_Locations.csv"));
    REQUIRE(a.ok());
    CHECK(*a == CqcFileKind::ActiveLocations);
    const Expected<CqcFileKind> b = recognise_cqc_file("b.csv", read("01_September_2026_CQC_directory.csv"));
    REQUIRE(b.ok());
    CHECK(*b == CqcFileKind::CareDirectory);
    const Expected<CqcFileKind> n = recognise_cqc_file("c.csv", read("cqc_sample_locations_2025-08-01.csv"));
    REQUIRE(n.ok());
    CHECK(*n == CqcFileKind::Normalised);
    CHECK(cqc_file_kind_words(CqcFileKind::ActiveLocations) == "CQC HSCA Active Locations");
}

TEST_CASE("recognise_cqc_file refuses other files with a message naming the file") {
    SECTION("a CSV that is not CQC's") {
        const Expected<CqcFileKind> c = recognise_cqc_file("costs.csv", read("reference/cost_reference.csv"));
        CHECK_FALSE(c.ok());
        CHECK(c.error() ==
              "costs.csv is not one of the CQC files this service can read. Choose the CQC care "
              "directory (a CSV file) or the HSCA Active Locations spreadsheet saved as \"CSV UTF-8\".");
    }
    SECTION("the spreadsheet itself, not saved as CSV") {
        const Expected<CqcFileKind> c = recognise_cqc_file("locations.ods", std::string("PK\x03\x04rest", 8));
        CHECK_FALSE(c.ok());
        CHECK(c.error() ==
              "locations.ods is a spreadsheet (.ods or .xlsx), not a CSV file. Open it in a spreadsheet "
              "program and save it as \"CSV UTF-8\", then try again.");
    }
    SECTION("an empty file") {
        const Expected<CqcFileKind> c = recognise_cqc_file("empty.csv", "");
        CHECK_FALSE(c.ok());
        CHECK(c.error() == "empty.csv is empty.");
    }
}

TEST_CASE(
    "an update goes through its stages, asks for the postcode area it needs, and keeps the right files") {
    const Current c = current_dataset();
    DataUpdate u(september(), c.bundle, c.listed, "2026-11-23");

    UpdateProgress p = u.progress();
    CHECK(p.stage == UpdateStage::Reading);
    CHECK(p.words == "Step 1 of 4: reading file 1 of 2");
    CHECK(p.fraction == 0.0);
    REQUIRE(u.can_step());
    u.step();
    CHECK(u.progress().words == "Step 1 of 4: reading file 2 of 2");
    CHECK(u.progress().fraction == Approx(0.1)); // 1 of 3 steps of the first 30%
    u.step();
    CHECK(u.kinds() == std::vector<CqcFileKind>{CqcFileKind::CareDirectory, CqcFileKind::ActiveLocations});
    CHECK(u.progress().words == "Step 1 of 4: checking the files");
    u.step();

    // The agencies are in postcode area B, whose unit postcodes are on the server (the manifest lists them).
    REQUIRE(u.stage() == UpdateStage::Fetching);
    CHECK_FALSE(u.can_step());
    CHECK(u.districts_wanted() == std::vector<std::string>{"B1", "B13", "B14"});
    CHECK(u.take_file_requests() == kDistrictFilesAsked);
    CHECK(u.take_file_requests().empty()); // given out once
    CHECK(u.wants_file("postcodes/B13.txt"));
    CHECK(u.progress().words == "Step 2 of 4: fetching postcodes, district 1 of 3");
    CHECK(u.progress().fraction == Approx(0.3));
    u.receive_file("postcodes/B13.txt", c.district_files.at("postcodes/B13.txt"));
    CHECK_FALSE(u.wants_file("postcodes/B13.txt"));
    CHECK(u.progress().words == "Step 2 of 4: fetching postcodes, district 2 of 3");
    u.receive_file("postcodes/B14.txt", c.district_files.at("postcodes/B14.txt"));
    CHECK_FALSE(u.can_step()); // B1 is still on its way
    u.receive_error("postcodes/B1.txt", "HTTP 404");
    CHECK(u.districts_missing() == std::vector<std::string>{"B1"});
    REQUIRE(u.can_step());
    u.step();
    CHECK(u.progress().words == "Step 3 of 4: building the data");
    CHECK(u.progress().fraction == Approx(0.6));
    u.step();

    REQUIRE(u.stage() == UpdateStage::Saving);
    CHECK(u.progress().words == "Step 4 of 4: saving the data");
    CHECK_FALSE(u.can_step());
    const UpdateResult& r = u.result();
    // The two September files: Alpha, Gamma, Zeta, Eta... as compile_dataset joins them
    // (dataset_compiler_test has the same files plus the 2025 sample, which adds Lambda, Mu and Nu: 10 - 3 =
    // 7).
    CHECK(r.agencies == 7);
    CHECK(r.cqc_edition == "2026-09-01");
    CHECK_FALSE(r.national); // Birmingham and Worcestershire only, of 4 English councils in the lookup
    CHECK(r.summary == "Updated to CQC data of 1 September 2026: 7 agencies.");

    std::vector<std::string> names;
    for (const auto& f : r.files)
        names.push_back(f.name);
    // Every agency has a postcode in area B, so there is no details/none.bin; postcodes/B.txt stays the
    // server's.
    CHECK(names == std::vector<std::string>{"manifest.json", "bundle.bin", "details/B.bin"});

    SECTION("the manifest checks every kept file and still lists the server's postcode file") {
        const Expected<Manifest> m = read_manifest(file(r, "manifest.json")->bytes);
        REQUIRE(m.ok());
        CHECK(m->cqc_edition == "2026-09-01");
        CHECK(m->dataset_version == r.dataset_version);
        for (const auto& f : r.files)
            if (f.name != "manifest.json") CHECK(verify_file(*m, f.name, f.bytes).ok());
        CHECK(verify_file(*m, "postcodes/B.txt", c.unit_pack_b).ok());
        CHECK(m->files.size() == 3); // bundle.bin, details/B.bin, postcodes/B.txt
        const UpdatedInfo& info = m->updated_in_browser;
        CHECK(info.updated);
        CHECK(info.on == "2026-11-23");
        CHECK(info.files == std::vector<std::string>{"01_September_2026_CQC_directory.csv",
                                                     "01_September_2026_HSCA_Active_Locations.csv"});
        CHECK_FALSE(c.listed.updated_in_browser.updated);
        const auto j = nlohmann::json::parse(file(r, "manifest.json")->bytes);
        CHECK(j["postcodes"]["unit_postcode_areas"] == nlohmann::json::array({"B"}));
    }

    SECTION("the kept files load as the app loads them, with CQC's source replaced and the others kept") {
        Expected<Bundle> load = load_bundle(file(r, "bundle.bin")->bytes);
        REQUIRE(load.ok());
        Bundle& b = *load;
        CHECK(b.providers.size() == 7);
        CHECK(b.info.unit_areas == std::vector<std::string>{"B"});
        REQUIRE(b.info.sources.size() == 2);
        CHECK(b.info.sources[0].id == "cqc_updated");
        CHECK(b.info.sources[0].edition == "2026-09-01");
        CHECK(b.info.sources[0].title == "CQC register files (part of England)");
        CHECK(b.info.sources[1].id == "ons");
        CHECK(apply_details(b, file(r, "details/B.bin")->bytes).ok());
        for (const auto& agency : b.providers)
            CHECK(agency.details_loaded);
        int unit = 0;
        for (const auto& agency : b.providers)
            if (agency.precision == GeoPrecision::Unit) ++unit;
        CHECK(unit ==
              3); // placed by the fetched B.txt (dataset_compiler_test: 4 with Lambda from the 2025 sample)
    }

    SECTION("saving") {
        u.saved(Expected<void>());
        CHECK(u.stage() == UpdateStage::Done);
        CHECK(u.failure() == nullptr);
        CHECK(u.progress().fraction == 1.0);
        CHECK(u.progress().words == "Updated to CQC data of 1 September 2026: 7 agencies.");
    }
    SECTION("saving failed: nothing changes") {
        u.saved(Error{"QuotaExceededError", ""});
        CHECK(u.stage() == UpdateStage::Failed);
        REQUIRE(u.failure() != nullptr);
        CHECK(u.failure()->message ==
              "The new data could not be kept in this browser (QuotaExceededError), so the data was "
              "not changed.");
        CHECK(u.result().files.empty());
    }
}

TEST_CASE("a postcode file that cannot be fetched places that area's agencies by sector") {
    const Current c = current_dataset();
    DataUpdate u(september(), c.bundle, c.listed, "2026-11-23");
    run(u);
    REQUIRE(u.stage() == UpdateStage::Fetching);
    for (const std::string& name : u.take_file_requests())
        u.receive_error(name, "HTTP 404");
    run(u);
    REQUIRE(u.stage() == UpdateStage::Saving);
    CHECK(u.districts_missing() == std::vector<std::string>{"B1", "B13", "B14"});
    CHECK(u.result().agencies == 7);
    CHECK(u.result().placed == 6); // the same agencies are placed, at their sector or district
}

TEST_CASE("an area whose unit postcodes are already loaded is not fetched again") {
    Current c = current_dataset();
    REQUIRE(c.bundle.geography.add_unit_pack("B", c.unit_pack_b));
    DataUpdate u(september(), c.bundle, c.listed, "2026-11-23");
    run(u);
    CHECK(u.districts_wanted().empty());
    CHECK(u.stage() == UpdateStage::Saving);
}

TEST_CASE("a bad file stops the update with the native tool's message, and nothing is kept") {
    const Current c = current_dataset();
    auto failed = [&](std::vector<DataFile> files) {
        DataUpdate u(std::move(files), c.bundle, c.listed, "2026-11-23");
        run(u);
        CHECK(u.stage() == UpdateStage::Failed);
        CHECK(u.result().files.empty());
        REQUIRE(u.failure() != nullptr);
        CHECK(u.progress().words == u.failure()->message);
        return u.failure()->message;
    };
    SECTION("cut short") {
        auto files = september();
        files[1] = {"truncated_locations.csv", read("truncated_locations.csv")};
        files[1].name = "01_September_2026_truncated.csv";
        CHECK(failed(files) ==
              "01_September_2026_truncated.csv, line 5: the last row has 5 of 22 values and no "
              "line end, so the file looks cut short. Download it again.");
    }
    SECTION("a quoted value never closed") {
        auto files = september();
        files[0].bytes = files[0].bytes.substr(0, files[0].bytes.find("Moseley"));
        CHECK(failed(files) ==
              "01_September_2026_CQC_directory.csv, line 6: a quoted value starts here and is "
              "never closed, so the file looks cut short or damaged.");
    }
    SECTION("a required column missing") {
        CHECK(failed({{"01_September_2026_x.csv", read("missing_postcode.csv")}})
                  .rfind("01_September_2026_x.csv: the column \"Location Postal Code\" is missing", 0) == 0);
    }
    SECTION("not a CQC file") {
        CHECK(failed({september()[0], {"costs.csv", read("reference/cost_reference.csv")}})
                  .rfind("costs.csv is not one of the CQC files", 0) == 0);
    }
    SECTION("no date: the advice is about the file name, not a command-line option") {
        CHECK(
            failed({{"locations.csv", read("01_September_2026_HSCA_Active_Locations.csv")}}) ==
            "locations.csv: could not tell which CQC edition (date) this file is. Keep the name CQC gave the "
            "file: it starts with the date, for example 01_September_2026_HSCA_Active_Locations.csv.");
    }
    SECTION("the same file twice") {
        auto files = september();
        files.push_back(files[0]);
        CHECK(failed(files) ==
              "01_September_2026_CQC_directory.csv was chosen twice. Choose each file once.");
    }
    SECTION("no files") {
        CHECK(failed({}) == "No files were chosen.");
    }
}

TEST_CASE("update_fraction runs from 0 to 1 across the four stages") {
    CHECK(update_fraction(UpdateStage::Reading, 0, 3) == 0.0);
    CHECK(update_fraction(UpdateStage::Reading, 3, 3) == Approx(0.3));
    CHECK(update_fraction(UpdateStage::Fetching, 1, 2) == Approx(0.45));
    CHECK(update_fraction(UpdateStage::Fetching, 0, 0) == Approx(0.3));
    CHECK(update_fraction(UpdateStage::Building, 0, 1) == Approx(0.6));
    CHECK(update_fraction(UpdateStage::Saving, 0, 0) == Approx(0.9));
    CHECK(update_fraction(UpdateStage::Done, 0, 0) == 1.0);
    CHECK(update_fraction(UpdateStage::Failed, 0, 0) == 0.0);
}

TEST_CASE("recognise_cqc_file knows CareGist's JSON-lines copy of the register by its fields") {
    const std::string text = hcf::test::read_fixture("cqc/london/homecare_london_10.jsonl");
    const Expected<CqcFileKind> c = recognise_cqc_file("homecare_london_2026-06-30.jsonl", text);
    INFO(c.error());
    REQUIRE(c.ok());
    CHECK(*c == CqcFileKind::CareGistCopy);
    const Expected<CqcFileKind> cut = recognise_cqc_file("homecare_london.jsonl", text.substr(0, 300));
    CHECK_FALSE(cut.ok());
    CHECK(cut.error() ==
          "homecare_london.jsonl: line 1 is not a complete record (the file may be cut short or damaged).");
    CHECK(recognise_cqc_file("x.jsonl", "{\"foo\": 1}\n").error() ==
          "x.jsonl is not one of the CQC files this service can read.");
}
