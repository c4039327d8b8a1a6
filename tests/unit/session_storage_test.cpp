// homecare-finder tests: what a session keeps in the browser and reads back (mirrors
// src/core/session_storage.cpp).
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include "session_fixture.h"

#include <catch2/catch.hpp>

using namespace hcf::core;
using hcf::test::tiny_bundle;

TEST_CASE("one bad entry in a saved shortlist keeps the good ones and says what was dropped") {
    Session s;
    s.restore_storage(R"({"version":1,"shortlist":["1-100",42,"not an id","1-200"]})");
    CHECK(s.shortlist() == std::vector<std::string>{"1-100", "1-200"});
    CHECK(s.notice().find("2 saved agencies could not be read") != std::string::npos);
    CHECK(s.notice().find("other 2 are still on your shortlist") != std::string::npos);
}

TEST_CASE("a bad text size keeps the shortlist") {
    Session s;
    s.restore_storage(R"({"version":1,"shortlist":["1-100"],"settings":{"text_size":7}})");
    CHECK(s.shortlist() == std::vector<std::string>{"1-100"});
    CHECK(s.notice().find("text size") != std::string::npos);
}

TEST_CASE("a store from a newer version is kept exactly as it was, even after a change") {
    const std::string saved = R"({"version":2,"lists":[{"name":"Mum","ids":["1-100"]}]})";
    Session s;
    s.restore_storage(saved);
    CHECK(s.storage_newer());
    CHECK(s.notice().find("newer version") != std::string::npos);
    CHECK(s.storage_json() == saved);
    s.toggle_shortlist("1-200");
    CHECK(s.storage_json() == saved);
    s.clear_my_information(); // the person asked for everything to go
    CHECK(s.storage_json().empty());
}

TEST_CASE("something that is not a saved state at all is cleared with a notice") {
    Session s;
    s.restore_storage("{not json");
    CHECK(s.shortlist().empty());
    CHECK(s.notice().find("could not be read") != std::string::npos);
}

TEST_CASE("a saved state whose version is not a number is cleared with a notice, never a crash") {
    // Found by fuzz_storage: value("version", 0) threw on an array.
    for (const char* saved : {R"({"version":["1-105","1-200"],"settings":{"e":1}})", R"({"version":"1"})",
                              R"({"version":null,"shortlist":["1-100"]})"}) {
        Session s;
        REQUIRE_NOTHROW(s.restore_storage(saved));
        CHECK(s.shortlist().empty());
        CHECK(s.notice().find("could not be read") != std::string::npos);
    }
}

TEST_CASE("the shortlist survives a reload through storage, and a corrupt store is reset with a notice") {
    Session s;
    s.set_bundle(tiny_bundle());
    CHECK(s.storage_json().empty()); // nothing saved, nothing stored
    s.toggle_shortlist("1-200");
    s.toggle_shortlist("1-100");
    s.toggle_shortlist("not-an-id");
    s.settings().text_size_percent = 150;
    CHECK(s.shortlist() == std::vector<std::string>{"1-200", "1-100"});

    Session reloaded;
    reloaded.restore_storage(s.storage_json());
    CHECK(reloaded.shortlist() == std::vector<std::string>{"1-200", "1-100"});
    CHECK(reloaded.settings().text_size_percent == 150);
    CHECK(reloaded.notice().empty());

    // (one bad entry among good ones: session_storage_test.cpp)
    for (const char* bad : {"{", "[]", R"({"version":0,"shortlist":[]})"}) {
        Session corrupt;
        corrupt.restore_storage(bad);
        CHECK(corrupt.shortlist().empty());
        CHECK(corrupt.take_notice() ==
              "Your saved shortlist and settings could not be read, so they have been cleared. Sorry.");
    }
    s.clear_my_information();
    CHECK(s.shortlist().empty());
    CHECK(s.settings().text_size_percent == 100);
}
