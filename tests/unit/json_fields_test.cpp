// homecare-finder tests: reading JSON fields without throwing (mirrors src/core/json_fields.cpp).
// SPDX-License-Identifier: MIT
#include "core/json_fields.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;
namespace jf = hcf::core::json_fields;

TEST_CASE("a field of the wrong type, or missing, reads as empty") {
    const auto j = nlohmann::json::parse(
        R"({"s": "text", "i": 3, "u": 12, "neg": -1, "b": true, "a": ["x", 2, "y"], "o": {"k": 4, "bad": "5"}})");
    CHECK(jf::text(j, "s") == "text");
    CHECK(jf::text(j, "i").empty());
    CHECK(jf::integer(j, "i") == 3);
    CHECK(jf::integer(j, "s") == 0);
    CHECK(jf::unsigned_integer(j, "u") == 12);
    CHECK(jf::unsigned_integer(j, "neg") == 0);
    CHECK(jf::flag(j, "b"));
    CHECK_FALSE(jf::flag(j, "i"));
    CHECK(jf::texts(j, "a") == std::vector<std::string>{"x", "y"});
    CHECK(jf::texts(j, "s").empty());
    CHECK(jf::counts(j, "o") == std::map<std::string, int>{{"k", 4}});
    CHECK(jf::object(j, "a").empty());
    CHECK(jf::array(j, "o").empty());
    const auto not_object = nlohmann::json::parse("[1]");
    CHECK(jf::text(not_object, "s").empty());
    CHECK(jf::counts(not_object, "o").empty());
}

TEST_CASE("sources and council coverage round-trip through JSON") {
    SourceInfo s;
    s.id = "cqc";
    s.files = {"a.csv"};
    s.edition_words = "first half of 2026";
    const SourceInfo back = jf::source_from(jf::source_json(s));
    CHECK(back.id == "cqc");
    CHECK(back.files == s.files);
    CHECK(back.edition_words == s.edition_words);
    const CouncilCoverage c{"E08000025", "Birmingham", 9, true, "new"};
    const CouncilCoverage c2 = jf::coverage_from(jf::coverage_json(c));
    CHECK(c2.code == c.code);
    CHECK(c2.agencies == 9);
    CHECK(c2.complete);
    CHECK(c2.source == "new");
}
