// homecare-finder tests: calendar dates (mirrors src/core/calendar.cpp).
// SPDX-License-Identifier: MIT
#include "core/calendar.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("ISO dates are read only when they are real days, months or years") {
    const auto d = parse_iso_date("2025-04");
    REQUIRE(d);
    CHECK(d->year == 2025);
    CHECK(d->month == 4);
    CHECK(d->day == 0);
    CHECK(parse_iso_date("2024-02-29"));
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK_FALSE(parse_iso_date("1900-02-29"));
    CHECK_FALSE(parse_iso_date("2024-04-31"));
    CHECK_FALSE(parse_iso_date("2200"));
    CHECK_FALSE(parse_iso_date(" 2024"));
    CHECK(parse_iso_date("2026-09-01")->day == 1);
    CHECK(iso_date(2026, 9, 1) == "2026-09-01");
    CHECK(iso_date(2024, 2, 29) == "2024-02-29");
    CHECK(iso_date(2025, 2, 29).empty());
    CHECK(iso_date(2026, 13, 1).empty());
    CHECK(iso_date(1899, 12, 31).empty());
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2026, 0) == 0);
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
}

TEST_CASE("month names both ways") {
    CHECK(month_name(12) == "December");
    CHECK(month_name(0).empty());
    CHECK(month_number("September") == 9);
    CHECK(month_number("sept") == 9);
    CHECK(month_number("SEP") == 9);
    CHECK(month_number("Jan") == 1);
    CHECK(month_number("December") == 12);
    CHECK_FALSE(month_number("ja"));
    CHECK_FALSE(month_number("Janu"));
    CHECK_FALSE(month_number("Smarch"));
}

TEST_CASE("days since 1970 and back") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2026, 9, 1) - days_from_civil(2026, 8, 31) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    const IsoDate back = civil_from_days(days_from_civil(2024, 2, 29));
    CHECK(back.year == 2024);
    CHECK(back.month == 2);
    CHECK(back.day == 29);
    CHECK(civil_from_days(-1).year == 1969);
}
