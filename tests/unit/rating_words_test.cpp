// homecare-finder tests: one vocabulary for ratings and dates (mirrors src/core/rating_words.cpp).
// SPDX-License-Identifier: MIT
#include "core/rating_words.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

namespace {
Provider rated(Rating r, std::string date = "") {
    Provider p;
    p.overall = r;
    p.rating_in_data = true;
    p.rating_date = std::move(date);
    return p;
}
} // namespace

TEST_CASE("overall_rating_words: 'not yet rated' only where a register says so") {
    CHECK(overall_rating_words(rated(Rating::Good)) == "Good");
    CHECK(overall_rating_words(rated(Rating::RequiresImprovement)) == "Requires improvement");
    CHECK(overall_rating_words(rated(Rating::NotRated)) == "Not yet rated");
    Provider words = rated(Rating::NotRated);
    words.rating_text = "Inspected But Not Rated";
    CHECK(overall_rating_words(words) == "Inspected but not rated");
    words.rating_text = "Not rated";
    CHECK(overall_rating_words(words) == "Not yet rated");
    Provider unknown; // a directory row, or CareGist's "Not Yet Inspected": no rating in our information
    CHECK_FALSE(rating_known(unknown));
    CHECK(overall_rating_words(unknown) == "Rating not in our information: see CQC");
}

TEST_CASE("rating dates: 'rated on' is a rating's publication, 'last inspected' the inspection") {
    CHECK(rating_date_words(rated(Rating::Good, "2024-01-04")) == "rated on 4 January 2024");
    CHECK(rating_summary(rated(Rating::Good, "2024-01-04")) == "Good, rated on 4 January 2024");
    Provider p = rated(Rating::Good);
    p.last_inspected = "2022-07-07";
    CHECK(rating_date_words(p) == "last inspected 7 July 2022");
    CHECK(rating_summary(p) == "Good, last inspected 7 July 2022");
    Provider unknown;
    unknown.last_inspected = "2022-04-08";
    CHECK(rating_summary(unknown) == "Rating not in our information: see CQC (last inspected 8 April 2022)");
    CHECK(rating_summary(rated(Rating::Outstanding)) == "Outstanding");
}

TEST_CASE("register_words names the register's edition") {
    Provider p;
    p.data_date = "2026-09-01";
    CHECK(register_words(p) == "CQC register of 1 September 2026");
    CHECK(register_words(p, "first half of 2026") == "CQC register, first half of 2026");
    CHECK(register_words(Provider{}).empty());
}
