// homecare-finder tests: the session's data — what it does when a data file cannot be fetched (mirrors
// src/core/session_data.cpp; the store itself is data_store_test.cpp).
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hcf::core;

namespace {

// The words of a load failure, "" when there is none.
std::string words_of(const Error* e) {
    return e ? e->message : "";
}
Bundle one_agency() {
    Bundle b;
    b.geography.set_districts({{"B13", "B", {52.43, -1.88}, 200}});
    Provider p;
    p.location_id = "1-100";
    p.name = "Alpha Care";
    p.postcode = "B13 9AA";
    p.location = {52.44, -1.88};
    p.precision = GeoPrecision::Sector;
    p.overall = Rating::Good;
    p.service_types = ServiceHomecare;
    p.details_loaded = false; // as load_bundle() leaves it until the details pack arrives
    b.providers.push_back(p);
    return b;
}

bool asks_for(Session& s, const std::string& name) {
    const auto wanted = s.take_file_requests();
    return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
}
} // namespace

TEST_CASE("a missing bundle or manifest names the file, and Try again asks for both once more") {
    for (const char* file : {"bundle.bin", "manifest.json"}) {
        Session s;
        s.receive_error(file, "HTTP 404");
        CHECK_FALSE(s.ready());
        CHECK(words_of(s.load_failure()).find(file) != std::string::npos);
        CHECK(words_of(s.load_failure()).find("error 404") != std::string::npos);
        s.receive_error(file, "TypeError: Failed to fetch");
        CHECK(words_of(s.load_failure()).find("connection was lost") != std::string::npos);
        s.receive_error(file, "HTTP 500");
        CHECK(words_of(s.load_failure()).find("error 500") != std::string::npos);
        s.retry_data();
        CHECK(s.load_failure() == nullptr);
        const auto wanted = s.take_file_requests();
        CHECK(wanted == std::vector<std::string>{"manifest.json", "bundle.bin"});
    }
}

TEST_CASE("a postcode pack that cannot be fetched is not an error") {
    Session s;
    s.set_bundle(one_agency());
    s.receive_error("postcodes/B.bin", "HTTP 404");
    CHECK(s.ready());
    CHECK(s.load_failure() == nullptr);
}

TEST_CASE("a details pack that cannot be fetched is said on the agency page, and can be asked for again") {
    Session s;
    s.set_bundle(one_agency());
    s.open_agency(0);
    const std::string pack = details_file_name(details_area(s.provider(0)));
    REQUIRE(asks_for(s, pack));
    CHECK(s.details_error().empty()); // still loading
    s.receive_error(pack, "HTTP 404");
    CHECK(s.details_error().find(pack) != std::string::npos);
    CHECK(s.ready());
    s.retry_details();
    CHECK(s.details_error().empty());
    CHECK(asks_for(s, pack));
}

TEST_CASE("news about the data kept in this browser is said plainly (issue 16, items 1 to 3 and 8)") {
    Session s;
    s.note_data("release", "");
    CHECK(s.notice().empty()); // nothing to say until the new information is in use
    Bundle b = one_agency();
    b.info.cqc_edition = "2026-11-01";
    s.set_bundle(std::move(b));
    s.note_data("release", "");
    CHECK(s.notice() == "Updated to the information of 1 November 2026.");
    s.note_data("release", "");
    CHECK(s.notice() == "Updated to the information of 1 November 2026."); // said once
    CHECK(s.updater().status().message.empty()); // a quiet line, not an update result

    Session damaged;
    damaged.note_data("update_damaged", "the saved update has no bundle.bin");
    CHECK(damaged.notice().find("could not be read, so it has been removed") != std::string::npos);
    CHECK(damaged.updater().status().message == damaged.notice());
    CHECK_FALSE(damaged.updater().status().failed);

    Session older;
    older.note_data("update_older", "2026-10-01 2026-11-01");
    CHECK(older.notice() ==
          "The information that came with this service (CQC register of 1 November 2026) is "
          "newer than the update saved in this browser (CQC register of 1 October 2026), so "
          "the update has been removed.");
    Bundle newer = one_agency();
    newer.info.cqc_edition = "2026-11-01";
    older.set_bundle(std::move(newer));
    older.note_data("release", ""); // said already, in other words
    CHECK(older.notice().find("Updated to") == std::string::npos);
    older.note_data("something else", "x");
    CHECK(older.notice().find("something") == std::string::npos);
}

TEST_CASE("Restore the bundled data is offered while the data cannot be loaded (issue 16, item 8)") {
    Session s;
    s.restore_bundled_data();
    CHECK_FALSE(s.updater().take_restore_request()); // bundled data, nothing to restore
    s.receive_file("manifest.json", "not json");
    REQUIRE(s.load_failure() != nullptr);
    s.restore_bundled_data();
    CHECK(s.updater().take_restore_request());
}

TEST_CASE("at start the session asks for the manifest and the bundle, once") {
    Session s;
    s.load_data();
    s.load_data();
    CHECK(s.take_file_requests() == std::vector<std::string>{"manifest.json", "bundle.bin"});
    CHECK(s.take_file_requests().empty());
}

TEST_CASE("a district's unit postcodes are asked for once the district is certain, before Enter") {
    Session s;
    s.set_bundle(one_agency());
    (void)s.take_file_requests();
    s.set_postcode_input("B1");
    CHECK(s.take_file_requests().empty()); // B1, B13 or B14: not yet certain
    s.set_postcode_input("B13");
    CHECK(s.take_file_requests().empty());
    s.set_postcode_input("B13 ");
    CHECK(s.take_file_requests() == std::vector<std::string>{"postcodes/B13.txt"});
    s.set_postcode_input("B13 9AA");
    CHECK(s.find_care());
    CHECK_FALSE(asks_for(s, "postcodes/B13.txt")); // asked for once
    s.set_postcode_input("ZZ9 9");
    CHECK(s.take_file_requests().empty()); // no such district
}

TEST_CASE("Enter on a pasted full postcode asks for its district's unit postcodes, not its area's") {
    Bundle b = one_agency();
    b.geography.set_districts({{"B13", "B", {52.43, -1.88}, 1}}); // B13 has one postcode, 9AA
    Session s;
    s.set_bundle(std::move(b));
    (void)s.take_file_requests();
    s.set_postcode_input("B139AA");
    CHECK(s.take_file_requests() == std::vector<std::string>{"postcodes/B13.txt"});
    CHECK(s.find_care());
    CHECK_FALSE(asks_for(s, "postcodes/B.txt"));
    CHECK(s.location().precision == GeoPrecision::District);
    // A copy with a postcode too many is refused; the search stays where it was.
    s.receive_file("postcodes/B13.txt", "#B13,524348,-18828\n9AA,123,-11\n9AB,136,-4\n");
    CHECK(s.location().precision == GeoPrecision::District);
    // The right file places the search at the postcode itself.
    s.receive_file("postcodes/B13.txt", "#B13,524348,-18828\n9AA,123,-11\n");
    CHECK(s.location().precision == GeoPrecision::Unit);
    CHECK(s.location().centre.lat == Approx(52.4471).margin(1e-9));
}
