// homecare-finder tests: dates in CQC's files (mirrors src/core/cqc_dates.cpp).
// SPDX-License-Identifier: MIT
#include "core/cqc_dates.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("parse_cqc_date reads the date forms CQC files use") {
    CHECK(parse_cqc_date("2025-06-26") == "2025-06-26");
    CHECK(parse_cqc_date("2025-05-02T13:52:23Z") == "2025-05-02");
    CHECK(parse_cqc_date("26/06/2025") == "2025-06-26");
    CHECK(parse_cqc_date("6/26/2025") == "2025-06-26"); // unambiguous either way
    CHECK(parse_cqc_date("01/02/2015") == "2015-02-01");
    CHECK(parse_cqc_date("01/02/2015", DateOrder::MonthFirst) == "2015-01-02");
    CHECK(parse_cqc_date("09/Jan/2026 - 00:00") == "2026-01-09");
    CHECK(parse_cqc_date("1 September 2026") == "2026-09-01");
    CHECK_FALSE(parse_cqc_date("31/02/2026"));
    CHECK_FALSE(parse_cqc_date("soon"));
    CHECK_FALSE(parse_cqc_date(""));
    CHECK(detect_date_order({"4/26/2019", "11/1/2011"}) == DateOrder::MonthFirst);
    CHECK(detect_date_order({"26/4/2019", "11/1/2011"}) == DateOrder::DayFirst);
    CHECK(detect_date_order({"1/2/2019"}) == DateOrder::DayFirst);
    CHECK(find_date_in_text("01_September_2026_HSCA_Active_Locations.csv") == "2026-09-01");
    CHECK(find_date_in_text("cqc_sample_locations_2025-08-01.csv") == "2025-08-01");
    CHECK_FALSE(find_date_in_text("cqc_sample_homecare_directory_2025-08.csv"));
}
