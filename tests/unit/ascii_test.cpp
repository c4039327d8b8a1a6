// homecare-finder tests: ASCII character tests, case and trimming (mirrors src/core/ascii.cpp).
// SPDX-License-Identifier: MIT
#include "core/ascii.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("ASCII tests and case leave other bytes alone") {
    CHECK(is_ascii_digit('0'));
    CHECK(is_ascii_digit('9'));
    CHECK_FALSE(is_ascii_digit('a'));
    CHECK(is_ascii_upper('Q'));
    CHECK_FALSE(is_ascii_upper('q'));
    CHECK(is_ascii_letter('z'));
    CHECK_FALSE(is_ascii_letter('\xc3'));
    CHECK(ascii_lower("Herefordshire, County OF") == "herefordshire, county of");
    CHECK(ascii_upper("e10000012 caf\xc3\xa9") == "E10000012 CAF\xc3\xa9"); // UTF-8 bytes untouched
    CHECK(ascii_lower('A') == 'a');
    CHECK(ascii_upper('-') == '-');
    CHECK(all_ascii_digits("0123"));
    CHECK_FALSE(all_ascii_digits(""));
    CHECK_FALSE(all_ascii_digits("12a"));
}

TEST_CASE("trim takes white space off both ends only") {
    CHECK(trim("  B13 9AB \t") == "B13 9AB");
    CHECK(trim("\r\n a b \n") == "a b");
    CHECK(trim("   ").empty());
    CHECK(trim("").empty());
    CHECK(trim("x") == "x");
}

TEST_CASE("collapse_spaces trims and folds runs of white space to one space") {
    CHECK(collapse_spaces("  12 High\r\n  Street\t ") == "12 High Street");
    CHECK(collapse_spaces("a") == "a");
    CHECK(collapse_spaces(" \n ").empty());
}
