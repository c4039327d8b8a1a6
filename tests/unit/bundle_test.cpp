// homecare-finder tests: reference data, compile, bundle/details round trip, damaged files, manifest
// (mirrors src/core/bundle.cpp). Fixtures: tests/data/cqc/*.csv and tests/data/cqc/reference/.
// SPDX-License-Identifier: MIT
#include "core/bundle.h"
#include "core/sha256.h"

#include "fixtures.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

using namespace hcf::core;

namespace {

std::string read(const std::string& rel) {
    return hcf::test::read_fixture("cqc/" + rel);
}

ReferenceInputs reference_inputs() {
    return hcf::test::reference_fixture();
}

CompileInputs compile_inputs() {
    ReferenceBuild rb = build_reference(reference_inputs());
    REQUIRE(rb.ok);
    CompileInputs in;
    in.reference = rb.bundle;
    in.dropped_areas = rb.dropped_areas;
    for (const char* f :
         {"01_September_2026_CQC_directory.csv", "01_September_2026_HSCA_Active_Locations.csv",
          "cqc_sample_locations_2025-08-01.csv"}) {
        CqcSource s;
        s.input.name = f;
        s.input.text = read(f);
        s.input.source_id = std::string(f).find("2025") != std::string::npos ? "old" : "new";
        in.cqc.push_back(s);
    }
    in.cqc[0].complete_for = {"Birmingham"};
    in.unit_packs = {{"B", read("reference/postcodes/B.txt")}, {"EH", read("reference/postcodes/EH.txt")}};
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

const OutputFile* file(const CompileResult& r, const std::string& name) {
    for (const auto& f : r.files)
        if (f.name == name) return &f;
    return nullptr;
}

// Every field of two providers.
void check_same(const Provider& a, const Provider& b) {
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

const std::string kDamaged = "The care information file is damaged (bundle.bin). Reload the page; if it "
                             "keeps happening, tell the website "
                             "owner.";

} // namespace

TEST_CASE("build_reference keeps England's postcode areas and orders council shares best first") {
    const ReferenceBuild rb = build_reference(reference_inputs());
    REQUIRE(rb.ok);
    CHECK(rb.kept_areas == std::vector<std::string>{"B"});
    CHECK(rb.dropped_areas == std::vector<std::string>{"EH"}); // no English council touches EH
    const Geography& g = rb.bundle.geography;
    CHECK(g.districts().size() == 3);
    CHECK(g.sectors().size() == 4);
    CHECK(g.district("EH1") == nullptr);
    REQUIRE(g.district("B13"));
    CHECK(g.district("B13")->centre.lat == Approx(52.4348).margin(1e-12)); // 52.43484 to 1e-4
    REQUIRE(g.sector("B13 9"));
    CHECK(g.sector("B13 9")->centre.lat == Approx(52.440).margin(1e-12)); // sectors to 1e-3
    const auto& b14 = g.councils("B14");
    REQUIRE(b14.size() == 3);
    CHECK(b14[0].lad_name == "Birmingham");
    CHECK(b14[0].share == 0.9942);
    CHECK(b14[1].lad_name == "Bromsgrove");
    CHECK(b14[1].upper_tier_name == "Worcestershire");
    CHECK(rb.bundle.lads.size() == 4);
    CHECK(rb.bundle.costs.size() == 2);
}

TEST_CASE("build_reference names the file and line of a bad row") {
    ReferenceInputs in = reference_inputs();
    in.districts_csv += "B15,B,not-a-number,-1.9,10\n";
    const ReferenceBuild rb = build_reference(in);
    CHECK_FALSE(rb.ok);
    CHECK(rb.error == "postcode_districts.csv, line 6: the district, area, lat or lng is missing or wrong.");
    ReferenceInputs in2 = reference_inputs();
    in2.sectors_csv = "sector,district,lat,lng\nB15 1,B15,52.4,-1.9\n";
    const ReferenceBuild rb2 = build_reference(in2);
    CHECK(rb2.error == "postcode_sectors.csv, line 2: sector B15 1 is in district B15, which is not in "
                       "postcode_districts.csv.");
}

TEST_CASE("upper_tier_for_name matches CQC and ONS spellings of a council") {
    const std::vector<LadInfo> lads = {
        {"E06000019", "Herefordshire, County of", "E06000019", "Herefordshire, County of", "unitary"},
        {"E07000234", "Bromsgrove", "E10000034", "Worcestershire", "district"},
        {"E06000055", "Bedford", "E06000055", "Bedford", "unitary"},
        {"E06000022", "Bath and North East Somerset", "E06000022", "Bath and North East Somerset",
         "unitary"}};
    CHECK(upper_tier_for_name(lads, "Herefordshire") == "E06000019");
    CHECK(upper_tier_for_name(lads, "Worcestershire") == "E10000034");
    CHECK(upper_tier_for_name(lads, "Bromsgrove") == "E10000034"); // a district -> its county
    CHECK(upper_tier_for_name(lads, "Bedford Borough") == "E06000055");
    CHECK(upper_tier_for_name(lads, "Bath & North East Somerset") == "E06000022");
    CHECK(upper_tier_for_name(lads, "Atlantis").empty());
}

TEST_CASE("compile_dataset builds the bundle, details, postcode files and manifest") {
    const CompileResult r = compile_dataset(compile_inputs());
    REQUIRE(r.ok);
    INFO(r.error);
    std::vector<std::string> names;
    for (const auto& f : r.files)
        names.push_back(f.name);
    // EH is left out: its districts are not in the bundle.
    CHECK(names == std::vector<std::string>{"bundle.bin", "details/B.bin", "details/none.bin",
                                            "postcodes/B.txt", "manifest.json"});
    const Bundle& b = r.bundle;
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
        const OutputFile* mf = file(r, "manifest.json");
        REQUIRE(mf);
        Manifest m;
        std::string error;
        REQUIRE(parse_manifest(mf->bytes, &m, &error));
        CHECK(m.dataset_version == b.info.dataset_version);
        REQUIRE(m.files.size() == 4);
        const ManifestFile* bf = find_manifest_file(m, "bundle.bin");
        REQUIRE(bf);
        CHECK(bf->bytes == file(r, "bundle.bin")->bytes.size());
        CHECK(bf->sha256 == sha256_hex(file(r, "bundle.bin")->bytes));
        CHECK(bf->kind == "startup");
        CHECK(find_manifest_file(m, "postcodes/B.txt")->kind == "postcodes");
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
}

TEST_CASE("round trip: compile, serialise, load, apply details gives the same records") {
    const CompileResult r = compile_dataset(compile_inputs());
    REQUIRE(r.ok);
    const BundleLoad load = load_bundle(file(r, "bundle.bin")->bytes);
    REQUIRE(load.ok);
    INFO(load.error_detail);
    Bundle b = load.bundle;
    REQUIRE(b.providers.size() == r.bundle.providers.size());

    SECTION("before details: the short record, with the CQC link") {
        const Provider& a = b.providers[0];
        CHECK(a.name == "Alpha Home Care");
        CHECK_FALSE(a.details_loaded);
        CHECK(a.address.empty());
        CHECK(a.phone.empty());
        CHECK(a.cqc_url == "https://www.cqc.org.uk/location/1-101");
        CHECK(a.overall == Rating::RequiresImprovement);
        CHECK(a.location.lat == r.bundle.providers[0].location.lat);
        CHECK(details_area(a) == "B");
    }

    SECTION("after details: every field equal") {
        std::string message;
        REQUIRE(apply_details(b, file(r, "details/B.bin")->bytes, &message));
        REQUIRE(apply_details(b, file(r, "details/none.bin")->bytes, &message));
        CHECK(b.details_applied == std::set<std::string>{"B", "none"});
        for (std::size_t i = 0; i < b.providers.size(); ++i)
            check_same(b.providers[i], r.bundle.providers[i]);
    }

    SECTION("geography, councils, costs, profiles and information come back") {
        const Geography& g = b.geography;
        const Geography& o = r.bundle.geography;
        REQUIRE(g.districts().size() == o.districts().size());
        for (std::size_t i = 0; i < g.districts().size(); ++i) {
            CHECK(g.districts()[i].code == o.districts()[i].code);
            CHECK(g.districts()[i].area == o.districts()[i].area);
            CHECK(g.districts()[i].centre.lat == o.districts()[i].centre.lat);
            CHECK(g.districts()[i].centre.lng == o.districts()[i].centre.lng);
            CHECK(g.districts()[i].postcodes == o.districts()[i].postcodes);
        }
        REQUIRE(g.sectors().size() == o.sectors().size());
        for (std::size_t i = 0; i < g.sectors().size(); ++i) {
            CHECK(g.sectors()[i].code == o.sectors()[i].code);
            CHECK(g.sectors()[i].centre.lat == o.sectors()[i].centre.lat);
            CHECK(g.sectors()[i].centre.lng == o.sectors()[i].centre.lng);
            CHECK(g.sectors()[i].postcodes == o.sectors()[i].postcodes);
        }
        const auto& s = g.councils("B14");
        REQUIRE(s.size() == 3);
        CHECK(s[2].lad_code == "E08000029");
        CHECK(s[2].share == 0.0019);
        CHECK(s[1].upper_tier_code == "E10000034");
        CHECK(b.lads.size() == 4);
        CHECK(b.costs.size() == 2);
        CHECK(b.cost_reference_csv == r.bundle.cost_reference_csv);
        REQUIRE(b.council_profiles.size() == 1);
        CHECK(b.council_profiles[0].file == "birmingham.json");
        CHECK(b.council_profiles[0].json == r.bundle.council_profiles[0].json);
        CHECK(b.info.dataset_version == r.bundle.info.dataset_version);
        CHECK(b.info.coverage_summary == r.bundle.info.coverage_summary);
        CHECK(b.info.coverage.size() == 2);
        CHECK(b.info.sources[1].edition == "2025-08-01");
    }

    SECTION("the same input always gives the same bytes") {
        const CompileResult again = compile_dataset(compile_inputs());
        CHECK(file(again, "bundle.bin")->bytes == file(r, "bundle.bin")->bytes);
        CHECK(file(again, "manifest.json")->bytes == file(r, "manifest.json")->bytes);
    }
}

TEST_CASE("a damaged, cut-short or foreign bundle gives a clear message, never a crash") {
    const CompileResult r = compile_dataset(compile_inputs());
    REQUIRE(r.ok);
    const std::string good = file(r, "bundle.bin")->bytes;

    SECTION("one changed byte") {
        std::string bad = good;
        bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x20);
        const BundleLoad l = load_bundle(bad);
        CHECK_FALSE(l.ok);
        CHECK(l.error == kDamaged);
        CHECK(l.error_detail == "checksum does not match");
        CHECK(l.bundle.providers.empty());
    }
    SECTION("cut short at every length") {
        for (std::size_t n = 0; n < good.size(); n += 97) {
            const BundleLoad l = load_bundle(std::string_view(good).substr(0, n));
            CHECK_FALSE(l.ok);
            CHECK(l.error == kDamaged);
        }
        CHECK(load_bundle(std::string_view(good).substr(0, good.size() - 1)).error_detail ==
              "length does not match (cut short or extended)");
    }
    SECTION("not a bundle at all") {
        CHECK(load_bundle("").error_detail == "not an HCFD file or too short");
        CHECK(load_bundle("<!doctype html><html>Page not found</html>").error == kDamaged);
        CHECK(load_bundle(file(r, "details/B.bin")->bytes).error_detail == "wrong kind of file");
    }
    SECTION("damaged sections behind a valid checksum (as a fuzzer would make them)") {
        // With the checksum check off, change each byte of the payload in turn: every load must either
        // fail cleanly or give a bundle, never crash or hang.
        int refused = 0;
        for (std::size_t i = 12; i + 32 < good.size(); i += 7) {
            std::string bad = good;
            bad[i] = static_cast<char>(bad[i] + 1);
            const BundleLoad l = load_bundle(bad, {false});
            if (!l.ok) {
                ++refused;
                CHECK(l.error == kDamaged);
            }
        }
        CHECK(refused > 0);
    }
}

TEST_CASE("apply_details refuses damaged packs and packs from another version") {
    const CompileResult r = compile_dataset(compile_inputs());
    REQUIRE(r.ok);
    BundleLoad l = load_bundle(file(r, "bundle.bin")->bytes);
    REQUIRE(l.ok);
    std::string message;
    std::string bad = file(r, "details/B.bin")->bytes;
    bad[20] = static_cast<char>(bad[20] ^ 1);
    CHECK_FALSE(apply_details(l.bundle, bad, &message));
    CHECK(message ==
          "The care information file is damaged (details). Reload the page; if it keeps happening, tell "
          "the website owner.");
    CHECK(l.bundle.details_applied.empty());
    l.bundle.info.dataset_version = "2020-01-01.00000000";
    CHECK_FALSE(apply_details(l.bundle, file(r, "details/B.bin")->bytes, &message));
    CHECK(message ==
          "The care details file (details/B.bin) is from a different version of the information. Reload "
          "the page.");
    CHECK_FALSE(l.bundle.providers[0].details_loaded);
}

TEST_CASE("verify_file checks size and SHA-256 against the manifest") {
    const CompileResult r = compile_dataset(compile_inputs());
    REQUIRE(r.ok);
    Manifest m;
    std::string message;
    REQUIRE(parse_manifest(file(r, "manifest.json")->bytes, &m, &message));
    const std::string pack = file(r, "postcodes/B.txt")->bytes;
    CHECK(verify_file(m, "postcodes/B.txt", pack, &message));
    CHECK_FALSE(verify_file(m, "postcodes/B.txt", pack.substr(1), &message));
    CHECK(message == "The care information file is damaged (postcodes/B.txt). Reload the page; if it keeps "
                     "happening, tell the website owner.");
    std::string same_size = file(r, "bundle.bin")->bytes;
    same_size.back() = static_cast<char>(same_size.back() ^ 1);
    CHECK_FALSE(verify_file(m, "bundle.bin", same_size, &message));
    CHECK(message == kDamaged);
    CHECK_FALSE(verify_file(m, "postcodes/ZZ.txt", pack, &message));
    CHECK(message ==
          "The care information file postcodes/ZZ.txt is not part of this version of the information. "
          "Reload the page; if it keeps happening, tell the website owner.");
    CHECK_FALSE(parse_manifest("{not json", &m, &message));
    CHECK(message ==
          "The care information file is damaged (manifest.json). Reload the page; if it keeps happening, "
          "tell the website owner.");
}

TEST_CASE("compile_dataset stops with a message naming the file and line, and produces no files") {
    SECTION("a damaged unit postcode file") {
        CompileInputs in = compile_inputs();
        in.unit_packs[0].text += "9ZZ,not,numbers\n";
        const CompileResult r = compile_dataset(std::move(in));
        CHECK_FALSE(r.ok);
        CHECK(r.files.empty());
        CHECK(r.error.rfind("postcodes/B.txt: ", 0) == 0);
        CHECK(r.error.find("line 6") != std::string::npos);
    }
    SECTION("a cut-short CQC file") {
        CompileInputs in = compile_inputs();
        in.cqc[1].input.text = read("truncated_locations.csv");
        in.cqc[1].input.name = "truncated_locations.csv";
        in.cqc[1].input.edition = "2026-09-01";
        const CompileResult r = compile_dataset(std::move(in));
        CHECK_FALSE(r.ok);
        CHECK(r.files.empty());
        CHECK(r.error ==
              "truncated_locations.csv, line 5: the last row has 5 of 22 values and no line end, so the "
              "file looks cut short. Download it again.");
    }
    SECTION("a council said to be complete that the lookup does not know") {
        CompileInputs in = compile_inputs();
        in.cqc[0].complete_for = {"Atlantis"};
        const CompileResult r = compile_dataset(std::move(in));
        CHECK_FALSE(r.ok);
        CHECK(r.error ==
              "01_September_2026_CQC_directory.csv: the council \"Atlantis\" it is said to cover completely "
              "is not in the council lookup.");
    }
}

TEST_CASE("a national CQC file makes every English council complete") {
    CompileInputs in = compile_inputs();
    in.cqc[0].complete_for.clear();
    for (auto& s : in.cqc)
        s.national = true;
    const CompileResult r = compile_dataset(std::move(in));
    REQUIRE(r.ok);
    CHECK(r.bundle.info.covers_all_england);
    CHECK(r.bundle.info.coverage_summary ==
          "This information includes every home care agency CQC lists in England.");
    // Every upper-tier council in the lookup: Herefordshire, Worcestershire, Birmingham, Solihull.
    CHECK(r.bundle.info.coverage.size() == 4);
    for (const auto& c : r.bundle.info.coverage)
        CHECK(c.complete);
}

TEST_CASE("with no council complete, the coverage sentence says so without an 'other'") {
    CompileInputs in = compile_inputs();
    for (auto& s : in.cqc)
        s.complete_for.clear();
    const CompileResult r = compile_dataset(std::move(in));
    REQUIRE(r.ok);
    CHECK(r.bundle.info.coverage_summary ==
          "This information does not include every home care agency for any council area. For 2 council "
          "areas it includes only some agencies, so an agency that is not shown may still exist: check the "
          "CQC website.");
}

TEST_CASE(
    "round trip with the London layout: question ratings, inspection dates, phones, addresses, contacts") {
    CompileInputs in = compile_inputs();
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
        read_council_contacts(hcf::test::read_fixture("councils/council_contacts_5.csv"), "c.csv").contacts;
    const CompileResult r = compile_dataset(in);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(
        r.bundle.info.coverage_summary ==
        "This information includes every home care agency CQC lists in the test borough (CQC register, first "
        "half of 2026). Elsewhere it includes only some agencies, so an agency that is not shown may still "
        "exist: check the CQC website.");
    const nlohmann::json m = nlohmann::json::parse(file(r, "manifest.json")->bytes);
    REQUIRE(m["coverage"]["complete_by_source"].size() == 1);
    CHECK(m["coverage"]["complete_by_source"][0]["source"] == "london");
    CHECK(m["coverage"]["complete_by_source"][0]["edition_words"] == "first half of 2026");
    CHECK(m["coverage"]["complete_by_source"][0]["councils"] == nlohmann::json::array({"Birmingham"}));

    BundleLoad load = load_bundle(file(r, "bundle.bin")->bytes);
    INFO(load.error_detail);
    REQUIRE(load.ok);
    Bundle& b = load.bundle;
    REQUIRE(b.contacts.size() == 5);
    CHECK(b.contacts[0].phone == "01432 260101");
    CHECK(b.info.sources[0].edition_words == "first half of 2026");
    for (const std::string& area : b.info.detail_areas) {
        std::string message;
        REQUIRE(apply_details(b, file(r, details_file_name(area))->bytes, &message));
    }
    REQUIRE(b.providers.size() == r.bundle.providers.size());
    for (std::size_t i = 0; i < b.providers.size(); ++i)
        check_same(b.providers[i], r.bundle.providers[i]);
    const auto guys = std::find_if(b.providers.begin(), b.providers.end(),
                                   [](const Provider& p) { return p.location_id == "RJ1X8"; });
    REQUIRE(guys != b.providers.end());
    CHECK(guys->last_inspected == "2022-09-22");
    CHECK(guys->key_questions.caring == Rating::Outstanding);
    CHECK(guys->phone == "02071 885368");
    CHECK(guys->address == "200 Great Dover Street, St Thomas' Hospital, Westminster Bridge Road, London");
}
