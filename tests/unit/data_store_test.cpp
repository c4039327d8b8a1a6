// homecare-finder tests: the data the app works from, fed file by file (mirrors src/core/data_store.cpp).
// Fixtures: the dataset compiled from tests/data/cqc (fixtures.h).
// SPDX-License-Identifier: MIT
#include "core/data_store.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hcf::core;
using hcf::test::find_file;

namespace {

// The words of a load failure, "" when there is none.
std::string words_of(const Error* e) {
    return e ? e->message : "";
}

// The file was taken, and changed this.
bool is(const Expected<DataStore::Change>& r, DataStore::Change c) {
    return r.ok() && *r == c;
}

const std::string& bytes_of(const std::vector<DataFile>& files, const std::string& name) {
    const DataFile* f = find_file(files, name);
    REQUIRE(f);
    return f->bytes;
}

// A bundle of one Hereford agency whose details are still to come.
Bundle one_agency_bundle() {
    Bundle b;
    b.info.dataset_version = "v";
    Provider p;
    p.location_id = "1-100";
    p.postcode = "HR4 9AB";
    p.details_loaded = false;
    b.providers.push_back(p);
    return b;
}

} // namespace

TEST_CASE("the bundle waits for the manifest, then every file is checked against it") {
    const std::vector<DataFile> files = hcf::test::compiled_fixture_files();
    DataStore d;
    CHECK(is(d.receive("bundle.bin", bytes_of(files, "bundle.bin")), DataStore::Change::None));
    CHECK_FALSE(d.ready());
    CHECK(is(d.receive("manifest.json", bytes_of(files, "manifest.json")), DataStore::Change::Bundle));
    REQUIRE(d.ready());
    REQUIRE(d.manifest());
    CHECK(d.bundle()->providers.size() == 10);
    REQUIRE(d.engine());
    // The fixture's birmingham.json is only a stand-in (no profile fields): said, not loaded.
    CHECK(d.councils().empty());
    REQUIRE(d.profile_problems().size() == 1);
    CHECK(d.profile_problems()[0].rfind("birmingham.json: ", 0) == 0);
    CHECK_FALSE(d.updated().updated);

    SECTION("a postcode pack and a details pack") {
        CHECK(is(d.receive("postcodes/B.txt", hcf::test::read_fixture("cqc/reference/postcodes/B.txt")),
                 DataStore::Change::UnitPack));
        CHECK(d.bundle()->geography.has_units_of("B13"));
        CHECK(d.bundle()->geography.has_units_of("B14"));
        CHECK(is(d.receive("details/B.bin", bytes_of(files, "details/B.bin")), DataStore::Change::Details));
        CHECK(d.bundle()->details_applied.count("B") == 1);
    }
    SECTION("a district's postcodes, as the web build serves them, need no listing but must be whole") {
        // The fixture's B13 has 2 postcodes (postcode_districts.csv), as its block of B.txt holds.
        const std::string b13 = "#B13,524348,-18828\n9AA,123,-11\n9AB,136,-4\n";
        CHECK(is(d.receive("postcodes/B13.txt", b13), DataStore::Change::UnitPack));
        CHECK(d.bundle()->geography.has_units_of("B13"));
        CHECK_FALSE(d.bundle()->geography.has_units_of("B14"));
        const Expected<DataStore::Change> cut = d.receive("postcodes/B14.txt", "#B14,524188,-18903\n");
        CHECK_FALSE(cut);
        CHECK(cut.error() == "postcodes/B14.txt: Postcode file for B14: the file has no postcodes");
        const Expected<DataStore::Change> other = d.receive("postcodes/B14.txt", b13);
        CHECK_FALSE(other);
        CHECK(other.error() ==
              "postcodes/B14.txt: Postcode file for B14, line 1: district 'B13' is not the file's district");
        CHECK_FALSE(d.bundle()->geography.has_units_of("B14"));
        // An area's file must still be the one the manifest lists.
        CHECK_FALSE(d.receive("postcodes/EH.txt", b13));
    }
    SECTION("a damaged pack is refused with the reason, and the data stays in use") {
        const std::string pack = hcf::test::read_fixture("cqc/reference/postcodes/B.txt");
        const Expected<DataStore::Change> r = d.receive("postcodes/B.txt", pack.substr(1));
        CHECK_FALSE(r);
        CHECK(r.error() == "The care information file is damaged (postcodes/B.txt). Reload the page; if it "
                           "keeps happening, tell the website owner.");
        CHECK(d.ready());
        CHECK_FALSE(d.bundle()->geography.has_units_of("B13"));
        const std::string details = bytes_of(files, "details/B.bin");
        CHECK_FALSE(d.receive("details/B.bin", details.substr(0, details.size() - 1)));
        Provider in_b;
        in_b.postcode = "B13 9AB";
        in_b.details_loaded = false;
        CHECK(d.details_error(in_b).find("details/B.bin") != std::string::npos);
    }
    SECTION("a damaged bundle stops the data with a message naming it") {
        std::string bad = bytes_of(files, "bundle.bin");
        bad[40] = static_cast<char>(bad[40] ^ 1);
        CHECK_FALSE(d.receive("bundle.bin", bad));
        CHECK_FALSE(d.ready());
        CHECK(words_of(d.load_failure()).find("(bundle.bin)") != std::string::npos);
    }
    SECTION("reloading keeps the data in use until the new bundle is in") {
        d.request("details/B.bin");
        d.reload();
        CHECK(d.manifest() == nullptr);
        CHECK(d.ready());
        CHECK_FALSE(d.asked("details/B.bin")); // may be asked for again
        CHECK(is(d.receive("bundle.bin", bytes_of(files, "bundle.bin")), DataStore::Change::None));
        CHECK(is(d.receive("manifest.json", bytes_of(files, "manifest.json")), DataStore::Change::Bundle));
    }
}

TEST_CASE("a damaged manifest stops the data") {
    DataStore d;
    const Expected<DataStore::Change> r = d.receive("manifest.json", "{not json");
    CHECK_FALSE(r);
    CHECK(words_of(d.load_failure()) ==
          "The list of care information files is damaged (manifest.json). Reload the page; "
          "if it keeps happening, tell the website owner.");
    CHECK(r.error() == words_of(d.load_failure()));
}

TEST_CASE("each file is asked for once, and Try again asks for the manifest and bundle once more") {
    DataStore d;
    d.request("manifest.json");
    d.request("manifest.json");
    CHECK(d.asked("manifest.json"));
    CHECK(d.take_requests() == std::vector<std::string>{"manifest.json"});
    CHECK(d.take_requests().empty());
    d.retry(); // no load error: nothing to try again
    CHECK(d.take_requests().empty());
    d.receive_error("manifest.json", "HTTP 404");
    CHECK(words_of(d.load_failure()) ==
          "The care information could not be loaded (manifest.json): it is missing from the "
          "website (error 404). Check your internet connection and try again; if it keeps "
          "happening, tell the website owner.");
    d.retry();
    CHECK(d.load_failure() == nullptr);
    CHECK(d.take_requests() == std::vector<std::string>{"manifest.json", "bundle.bin"});
}

TEST_CASE("an agency's details pack is asked for until it is in, and again after it failed") {
    Bundle b = one_agency_bundle();
    const Provider p = b.providers[0];
    CouncilProfileText broken{"broken.json", "{"};
    b.council_profiles.push_back(broken);
    DataStore d;
    d.set_bundle(b);
    CHECK(d.councils().empty());
    REQUIRE(d.profile_problems().size() == 1);
    CHECK(d.profile_problems()[0].rfind("broken.json: ", 0) == 0);
    d.request_details_for(p);
    CHECK(d.take_requests() == std::vector<std::string>{"details/HR.bin"});
    CHECK(d.details_error(p).empty()); // still on its way
    d.receive_error("details/HR.bin", "TypeError: Failed to fetch");
    CHECK(d.details_error(p) == "The address, phone number and website could not be loaded (details/HR.bin): "
                                "the connection was lost while it was loading.");
    d.retry_details(p);
    CHECK(d.details_error(p).empty());
    CHECK(d.take_requests() == std::vector<std::string>{"details/HR.bin"});
    d.receive_error("postcodes/HR.txt", "HTTP 500"); // not fatal
    CHECK(d.ready());
    d.fail("Stopped.");
    CHECK_FALSE(d.ready());
    CHECK(words_of(d.load_failure()) == "Stopped.");
}

TEST_CASE("a details pack that arrives but cannot be read is a failure its agency's page can show") {
    Bundle b = one_agency_bundle();
    const Provider p = b.providers[0];
    DataStore d; // no manifest: as the hcf tool reads an older folder
    d.set_bundle(b);
    d.request_details_for(p);
    CHECK(d.take_requests() == std::vector<std::string>{"details/HR.bin"});
    const Expected<DataStore::Change> r = d.receive("details/HR.bin", "not a details container");
    CHECK_FALSE(r);
    CHECK_FALSE(d.details_error(p).empty()); // the page offers "Try again" instead of "Loading..." for ever
    CHECK(d.details_error(p) == r.error());
    d.retry_details(p);
    CHECK(d.take_requests() == std::vector<std::string>{"details/HR.bin"});
}
