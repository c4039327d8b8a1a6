// homecare-finder tests: CQC column names and wording (mirrors src/core/cqc_columns.cpp; adding an alias is
// tried on a whole import in cqc_import_test.cpp).
// SPDX-License-Identifier: MIT
#include "core/cqc_columns.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("specialism and service wording maps onto the search vocabulary") {
    CHECK(need_of_term("Caring for adults over 65 yrs") == NeedOlderPeople);
    CHECK(need_of_term("Learning disabilities or autistic spectrum disorder") ==
          (NeedLearningDisability | NeedAutism));
    CHECK(need_of_term("Caring for children (0 - 18yrs)") == NeedChildren);
    CHECK(need_of_term("People who misuse drugs and alcohol") == NeedSubstanceMisuse);
    // Known wording without a filter is 0; wording not known at all is nothing.
    CHECK(need_of_term("Caring for people whose rights are restricted under the Mental Health Act") ==
          Needs{0});
    CHECK_FALSE(need_of_term("Acquired brain injury").has_value());
    CHECK(service_of_term("Homecare agencies") == ServiceHomecare);
    CHECK(service_of_term("Domiciliary care service") == ServiceHomecare);
    CHECK(service_of_term("Community health care services - Nurses Agency only") == ServiceNursing);
    CHECK(service_of_term("Care home service with nursing") == 0);
    CHECK(split_cqc_list("Dementia; Older People | Younger Adults||") ==
          std::vector<std::string>{"Dementia", "Older People", "Younger Adults"});
}

TEST_CASE("every field has its names, the official CQC name first") {
    const CqcColumns& c = default_cqc_columns();
    REQUIRE(c.aliases.count("location_id") == 1);
    CHECK(c.aliases.at("location_id").front() == "Location ID");
    REQUIRE(c.aliases.count("postcode") == 1);
    CHECK_FALSE(c.aliases.at("postcode").empty());
}
