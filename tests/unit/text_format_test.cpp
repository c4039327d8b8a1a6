// homecare-finder tests: money and date wording (mirrors src/core/text_format.cpp).
// Depends on: hcf_core, Catch2.
// SPDX-License-Identifier: MIT
#include "core/text_format.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace hcf::core;

TEST_CASE("format_money shows pence only when there are some") {
    CHECK(format_money(2853) == "£28.53");
    CHECK(format_money(2850) == "£28.50");
    CHECK(format_money(54000) == "£540");
    CHECK(format_money(5) == "£0.05");
    CHECK(format_money(0) == "£0");
    CHECK(format_money(159600) == "£1,596");
    CHECK(format_money(2325000) == "£23,250");
    CHECK(format_money(14700000000) == "£147,000,000");
    CHECK(format_money(100000) == "£1,000");
    CHECK(format_money(99999) == "£999.99");
    CHECK(format_money(-350) == "-£3.50");
    SECTION("the most negative value does not overflow") {
        CHECK(format_money(std::numeric_limits<std::int64_t>::min()) == "-£92,233,720,368,547,758.08");
    }
}

TEST_CASE("format_pounds rounds to the nearest pound, halves up") {
    CHECK(format_pounds(54049) == "£540"); // £540.49
    CHECK(format_pounds(54050) == "£541"); // £540.50 rounds up
    CHECK(format_pounds(54000) == "£540");
    CHECK(format_pounds(49) == "£0");
    CHECK(format_pounds(50) == "£1");
    CHECK(format_pounds(8299950) == "£83,000"); // £82,999.50
    CHECK(format_pounds(-150) == "-£2");
    CHECK(format_pounds(-49) == "£0"); // no "-£0"
}

TEST_CASE("money with its unit and ranges read as sentences") {
    CHECK(format_money_per(2853, Per::Hour) == "£28.53 an hour");
    CHECK(format_money_per(18700, Per::Night) == "£187 a night");
    CHECK(format_money_per(54049, Per::Week, true) == "£540 a week");
    CHECK(format_money_per(216000, Per::FourWeeks, true) == "£2,160 every 4 weeks");
    CHECK(format_money_per(2808000, Per::Year, true) == "£28,080 a year");
    CHECK(format_money_per(2853, Per::None) == "£28.53");
    CHECK(format_range(42000, 56000, Per::Week) == "£420 to £560 a week");
    CHECK(format_range(56000, 42000, Per::Week) == "£420 to £560 a week"); // larger second
    CHECK(format_range(42010, 41990, Per::Week) == "£420 a week");         // same when rounded
    CHECK(format_range(2300, 3400, Per::Hour, false) == "£23 to £34 an hour");
    CHECK(format_range(1717, 1820, Per::Hour, false) == "£17.17 to £18.20 an hour");
    CHECK(per_words(Per::Day) == "a day");
    CHECK(per_words(Per::None).empty());
}

TEST_CASE("parse_pounds reads decimal pounds exactly") {
    CHECK(parse_pounds("28.53") == 2853);
    CHECK(parse_pounds("17.2") == 1720);
    CHECK(parse_pounds("23250") == 2325000);
    CHECK(parse_pounds(" 1,596 ") == 159600);
    CHECK(parse_pounds("£12,345,678.09") == 1234567809);
    CHECK(parse_pounds("0") == 0);
    SECTION("anything else is refused") {
        CHECK_FALSE(parse_pounds(""));
        CHECK_FALSE(parse_pounds("£"));
        CHECK_FALSE(parse_pounds("28.531")); // fractions of a penny
        CHECK_FALSE(parse_pounds("28."));
        CHECK_FALSE(parse_pounds(".5"));
        CHECK_FALSE(parse_pounds("-5"));
        CHECK_FALSE(parse_pounds("12a"));
        CHECK_FALSE(parse_pounds("1,5960"));
        CHECK_FALSE(parse_pounds("1234,567"));
        CHECK_FALSE(parse_pounds(",123"));
        CHECK_FALSE(parse_pounds("10000000000")); // £10 billion
        CHECK(parse_pounds("9999999999.99") == 999999999999);
    }
}

TEST_CASE("pounds_to_pence rounds doubles to the nearest penny") {
    CHECK(pounds_to_pence(28.53) == 2853); // 28.53 * 100 is 2852.9999... in binary; rounding fixes it
    CHECK(pounds_to_pence(17.17) == 1717);
    CHECK(pounds_to_pence(0.005) == 1);
    CHECK(pounds_to_pence(0.0) == 0);
    CHECK_FALSE(pounds_to_pence(-0.01));
    CHECK_FALSE(pounds_to_pence(std::nan("")));
    CHECK_FALSE(pounds_to_pence(std::numeric_limits<double>::infinity()));
    CHECK_FALSE(pounds_to_pence(1e10));
}

TEST_CASE("ISO dates read as words") {
    CHECK(format_date("2026-09-01") == "1 September 2026");
    CHECK(format_date("2024-03-31") == "31 March 2024");
    CHECK(format_date("2025-04") == "April 2025");
    CHECK(format_date("2021") == "2021");
    CHECK(format_date("2024-02-29") == "29 February 2024"); // leap year
    SECTION("not dates give empty text") {
        CHECK(format_date("2023-02-29").empty()); // not a leap year
        CHECK(format_date("1900-02-29").empty()); // century, not a leap year
        CHECK(format_date("2000-02-29") == "29 February 2000");
        CHECK(format_date("2024-13").empty());
        CHECK(format_date("2024-00").empty());
        CHECK(format_date("2024-04-31").empty());
        CHECK(format_date("2024-4-1").empty());
        CHECK(format_date(" 2024").empty());
        CHECK(format_date("1899").empty());
        CHECK(format_date("").empty());
        CHECK(format_date("current").empty());
    }
}

TEST_CASE("describe_when reads the free-text dates of the cost reference data") {
    // Every distinct applies_from value in ../shared/data/cost_reference.csv:
    CHECK(describe_when("2023-04") == "April 2023");
    CHECK(describe_when("2024-03-31") == "31 March 2024");
    CHECK(describe_when("2025-04 (2025-26)") == "2025 to 2026");
    CHECK(describe_when("2024-04 (2024-25)") == "2024 to 2025");
    CHECK(describe_when("2023-04-06 (2023-24)") == "2023 to 2024");
    CHECK(describe_when("2025 (2025-26)") == "2025 to 2026");
    CHECK(describe_when("2026-04 (2026-27)") == "2026 to 2027");
    CHECK(describe_when("2024-25") == "2024 to 2025");
    CHECK(describe_when("2024/25") == "2024 to 2025");
    CHECK(describe_when("2024-04-08") == "8 April 2024");
    CHECK(describe_when("2025-01") == "January 2025");
    CHECK(describe_when("2015-04 (in force)") == "April 2015");
    CHECK(describe_when("2018-04-02 (2018-19)") == "2018 to 2019");
    CHECK(describe_when("framework from 2022-10 (page updated 2024-03-01)") == "October 2022");
    CHECK(describe_when("proposal May 2025") == "2025");
    CHECK(describe_when("current per source page").empty());
    CHECK(describe_when("current per source page (undated)").empty());
    CHECK(describe_when("not stated on page").empty());
    CHECK(describe_when("current").empty());
    CHECK(describe_when("").empty());
    SECTION("numbers that are not years are not dates") {
        CHECK(describe_when("12345").empty());
        CHECK(describe_when("0999").empty());
        CHECK(describe_when("2024-27").empty()); // neither a month nor the next year
    }
}

TEST_CASE("when_sort_key orders dates, months and financial years together") {
    CHECK(when_sort_key("2025-04 (2025-26)") == "2025-04");
    CHECK(when_sort_key("2024-25") == "2024-04");
    CHECK(when_sort_key("2024-03-31") == "2024-03-31");
    CHECK(when_sort_key("2025-01") == "2025-01");
    CHECK(when_sort_key("current").empty());
    CHECK(when_sort_key("2025-04 (2025-26)") > when_sort_key("2025-01"));
    CHECK(when_sort_key("2024-04 (2024-25)") > when_sort_key("2024-03-31"));
    CHECK(when_sort_key("2024-03-31") > when_sort_key("current"));
}

TEST_CASE("format_duration says hours and minutes") {
    CHECK(format_duration(840) == "14 hours");
    CHECK(format_duration(60) == "1 hour");
    CHECK(format_duration(45) == "45 minutes");
    CHECK(format_duration(1) == "1 minute");
    CHECK(format_duration(450) == "7 hours 30 minutes");
    CHECK(format_duration(61) == "1 hour 1 minute");
    CHECK(format_duration(0) == "0 minutes");
    CHECK(format_duration(-5) == "0 minutes");
}

TEST_CASE("agencies_words counts in plain words with thousands separated") {
    CHECK(agencies_words(0) == "0 agencies");
    CHECK(agencies_words(1) == "1 agency");
    CHECK(agencies_words(859) == "859 agencies");
    CHECK(agencies_words(1000) == "1,000 agencies");
    CHECK(agencies_words(15000) == "15,000 agencies");
    CHECK(agencies_words(1234567) == "1,234,567 agencies");
}
