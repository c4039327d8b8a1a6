// homecare-finder tests: the data model's enums (mirrors src/core/model.cpp).
// SPDX-License-Identifier: MIT
#include "core/model.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("parse_rating folds case and spacing") {
    CHECK(parse_rating("Requires Improvement") == Rating::RequiresImprovement);
    CHECK(parse_rating("requires improvement") == Rating::RequiresImprovement);
    CHECK(parse_rating(" GOOD ") == Rating::Good);
    CHECK(parse_rating("Outstanding") == Rating::Outstanding);
    CHECK(parse_rating("Inadequate") == Rating::Inadequate);
    CHECK(parse_rating("") == Rating::NotRated);
    CHECK(parse_rating("Not rated") == Rating::NotRated);
    SECTION("unknown text is reported, not guessed") {
        CHECK_FALSE(parse_rating("Excellent"));
    }
}

TEST_CASE("ratings order from worst to best so minimum-rating filters can compare") {
    CHECK(Rating::NotRated < Rating::Inadequate);
    CHECK(Rating::Inadequate < Rating::RequiresImprovement);
    CHECK(Rating::RequiresImprovement < Rating::Good);
    CHECK(Rating::Good < Rating::Outstanding);
}

TEST_CASE("labels use the words people see") {
    CHECK(rating_label(Rating::NotRated) == "Not yet rated");
    CHECK(rating_label(Rating::RequiresImprovement) == "Requires improvement");
    CHECK(rating_key(Rating::RequiresImprovement) == "requires_improvement");
    CHECK(need_key(NeedDementia) == "dementia");
    CHECK(service_key(ServiceHomecare) == "homecare");
    CHECK(all_needs().size() == kNeedCount);
    CHECK(all_service_types().size() == kServiceTypeCount);
    CHECK(geo_precision_key(GeoPrecision::Sector) == "sector");
}
