// homecare-finder tests: bundle.bin and details packs — round trip, damaged files (mirrors
// src/core/dataset_format.cpp). Fixtures: the dataset compiled from tests/data/cqc (fixtures.h).
// SPDX-License-Identifier: MIT
#include "core/dataset_format.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace hcf::core;
using hcf::test::find_file;

namespace {

const std::string kDamaged = "The care information file is damaged (bundle.bin). Reload the page; if it "
                             "keeps happening, tell the website "
                             "owner.";

// The fixture dataset, compiled once and written to files.
struct Compiled {
    CompiledDataset dataset;
    std::vector<DataFile> files;
    const std::string& bytes(const std::string& name) const {
        const DataFile* f = find_file(files, name);
        REQUIRE(f);
        return f->bytes;
    }
};

Compiled compiled() {
    Expected<CompiledDataset> r = compile_dataset(hcf::test::compile_fixture());
    INFO(r.error());
    REQUIRE(r.ok());
    Compiled c{std::move(*r), {}};
    c.files = write_dataset(c.dataset);
    return c;
}

} // namespace

TEST_CASE("round trip: compile, serialise, load, apply details gives the same records") {
    const Compiled c = compiled();
    const Bundle& original = c.dataset.bundle;
    const Expected<Bundle> load = load_bundle(c.bytes("bundle.bin"));
    INFO(load.error_detail());
    REQUIRE(load.ok());
    Bundle b = *load;
    REQUIRE(b.providers.size() == original.providers.size());

    SECTION("before details: the short record, with the CQC link") {
        const Provider& a = b.providers[0];
        CHECK(a.name == "Alpha Home Care");
        CHECK_FALSE(a.details_loaded);
        CHECK(a.address.empty());
        CHECK(a.phone.empty());
        CHECK(a.cqc_url == "https://www.cqc.org.uk/location/1-101");
        CHECK(a.overall == Rating::RequiresImprovement);
        CHECK(a.location.lat == original.providers[0].location.lat);
        CHECK(details_area(a) == "B");
    }

    SECTION("after details: every field equal") {
        REQUIRE(apply_details(b, c.bytes("details/B.bin")).ok());
        REQUIRE(apply_details(b, c.bytes("details/none.bin")).ok());
        CHECK(b.details_applied == std::set<std::string>{"B", "none"});
        for (std::size_t i = 0; i < b.providers.size(); ++i)
            hcf::test::check_same(b.providers[i], original.providers[i]);
    }

    SECTION("geography, councils, costs, profiles and information come back") {
        const Geography& g = b.geography;
        const Geography& o = original.geography;
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
        REQUIRE(g.councils("B14"));
        const auto& s = *g.councils("B14");
        REQUIRE(s.size() == 3);
        CHECK(s[2].lad_code == "E08000029");
        CHECK(s[2].share == 0.0019);
        CHECK(s[1].upper_tier_code == "E10000034");
        CHECK(b.lads.size() == 4);
        CHECK(b.costs.size() == 2);
        CHECK(b.cost_reference_csv == original.cost_reference_csv);
        REQUIRE(b.council_profiles.size() == 1);
        CHECK(b.council_profiles[0].file == "birmingham.json");
        CHECK(b.council_profiles[0].json == original.council_profiles[0].json);
        CHECK(b.info.dataset_version == original.info.dataset_version);
        CHECK(b.info.coverage_summary == original.info.coverage_summary);
        CHECK(b.info.coverage.size() == 2);
        CHECK(b.info.sources[1].edition == "2025-08-01");
    }

    SECTION("writing what was read gives the same bytes") {
        CHECK(serialize_bundle(*load) == c.bytes("bundle.bin"));
        CHECK(serialize_details(original, "B") == c.bytes("details/B.bin"));
    }
}

TEST_CASE("a damaged, cut-short or foreign bundle gives a clear message, never a crash") {
    const Compiled c = compiled();
    const std::string good = c.bytes("bundle.bin");

    SECTION("one changed byte") {
        std::string bad = good;
        bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x20);
        const Expected<Bundle> l = load_bundle(bad);
        CHECK_FALSE(l.ok());
        CHECK(l.error() == kDamaged);
        CHECK(l.error_detail() == "checksum does not match");
    }
    SECTION("cut short at every length") {
        for (std::size_t n = 0; n < good.size(); n += 97) {
            const Expected<Bundle> l = load_bundle(std::string_view(good).substr(0, n));
            CHECK_FALSE(l.ok());
            CHECK(l.error() == kDamaged);
        }
        CHECK(load_bundle(std::string_view(good).substr(0, good.size() - 1)).error_detail() ==
              "length does not match (cut short or extended)");
    }
    SECTION("not a bundle at all") {
        CHECK(load_bundle("").error_detail() == "not an HCFD file or too short");
        CHECK(load_bundle("<!doctype html><html>Page not found</html>").error() == kDamaged);
        CHECK(load_bundle(c.bytes("details/B.bin")).error_detail() == "wrong kind of file");
    }
    SECTION("damaged sections behind a valid checksum (as a fuzzer would make them)") {
        // With the checksum check off, change each byte of the payload in turn: every load must either
        // fail cleanly or give a bundle, never crash or hang.
        int refused = 0;
        for (std::size_t i = 12; i + 32 < good.size(); i += 7) {
            std::string bad = good;
            bad[i] = static_cast<char>(bad[i] + 1);
            const Expected<Bundle> l = load_bundle(bad, {false});
            if (!l.ok()) {
                ++refused;
                CHECK(l.error() == kDamaged);
            }
        }
        CHECK(refused > 0);
    }
}

TEST_CASE("apply_details refuses damaged packs and packs from another version") {
    const Compiled c = compiled();
    Expected<Bundle> l = load_bundle(c.bytes("bundle.bin"));
    REQUIRE(l.ok());
    std::string bad = c.bytes("details/B.bin");
    bad[20] = static_cast<char>(bad[20] ^ 1);
    const Expected<void> damaged = apply_details(*l, bad);
    CHECK_FALSE(damaged.ok());
    CHECK(damaged.error() ==
          "The care information file is damaged (details). Reload the page; if it keeps happening, tell "
          "the website owner.");
    CHECK(l->details_applied.empty());
    l->info.dataset_version = "2020-01-01.00000000";
    const Expected<void> other = apply_details(*l, c.bytes("details/B.bin"));
    CHECK_FALSE(other.ok());
    CHECK(other.error() ==
          "The care details file (details/B.bin) is from a different version of the information. Reload "
          "the page.");
    CHECK_FALSE(l->providers[0].details_loaded);
}

TEST_CASE("an agency's details are in the pack of its postcode area, or in none") {
    Provider p;
    p.postcode = "B13 9AB";
    CHECK(details_area(p) == "B");
    p.postcode = "hr4 9ab";
    CHECK(details_area(p) == "HR");
    p.postcode = "";
    CHECK(details_area(p) == "none");
    p.postcode = "not a postcode";
    CHECK(details_area(p) == "none");
}

TEST_CASE("positions are kept to 1e-4 degree, sector centres to 1e-3") {
    CHECK(stored_position(52.43484) == 52.4348);
    CHECK(stored_position(-1.88295) == Approx(-1.8830).margin(1e-12));
    CHECK(stored_sector_position(52.43984) == 52.44);
}

TEST_CASE("a source reads from its JSON, and CQC's register carries its licence") {
    const SourceInfo s =
        read_source_info(R"({"id": "x", "title": "T", "files": ["a.csv", 3], "edition": 7})");
    CHECK(s.id == "x");
    CHECK(s.title == "T");
    CHECK(s.files == std::vector<std::string>{"a.csv"}); // only the strings
    CHECK(s.edition.empty());                            // not a string
    CHECK(read_source_info("[1, 2]").id.empty());
    CHECK(read_source_info("{not json").title.empty());
    const SourceInfo national = cqc_register_source(true);
    CHECK(national.title == "CQC register: every location in England");
    CHECK(national.publisher == kCqcPublisher);
    CHECK(national.licence == "Open Government Licence v3.0");
    CHECK(national.attribution.find("(Care Quality Commission data). The CQC does not endorse this tool.") !=
          std::string::npos);
    CHECK(cqc_register_source(false).title == "CQC register files (part of England)");
    CHECK(damaged_file_words("x.bin") ==
          "The care information file is damaged (x.bin). Reload the page; if it keeps happening, tell the "
          "website owner.");
}
