// Unit tests for src/qr/qr_code.cpp: sizes by version, the fixed patterns every QR symbol has, long texts.
// Depends on: Catch2 v2, qr/qr_code. Expected values come from the QR standard (ISO/IEC 18004) by hand.
// SPDX-License-Identifier: MIT
#include "qr/qr_code.h"

#include <catch2/catch.hpp>

#include <string>

using hcf::qr::encode;
using hcf::qr::Matrix;

namespace {
// The 7x7 finder pattern with its top-left corner at (x0, y0): a dark ring, a light ring, a dark 3x3 core.
void check_finder(const Matrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            INFO("finder at " << x0 << "," << y0 << " module " << x << "," << y);
            CHECK(m.at(x0 + x, y0 + y) == (ring || core));
        }
}
} // namespace

TEST_CASE("a short link fits version 1 (21 modules); longer texts take larger versions") {
    CHECK(encode("").size == 21);
    CHECK(encode("HELLO WORLD").size == 21); // 11 bytes; version 1 at level M holds 14
    // Version 6 at level M holds 106 bytes, version 5 only 84: 4 x 6 + 17 = 41 modules.
    CHECK(encode(std::string(100, 'a')).size == 41);
    CHECK(encode(std::string(2331, 'a')).size == 177); // version 40, the largest
}

TEST_CASE("a text too long for any QR code gives an empty matrix, without throwing") {
    const Matrix m = encode(std::string(2332, 'a'));
    CHECK(m.size == 0);
    CHECK(m.dark.empty());
    CHECK_FALSE(m.at(0, 0));
}

TEST_CASE("every symbol has three finder patterns, separators, timing patterns and the dark module") {
    const std::string link = "http://127.0.0.1:8080/?pc=B13%209AB&sl=1-101692383,1-2011046522&s=shortlist";
    const Matrix m = encode(link);
    REQUIRE(m.size == 37); // 74 bytes: version 5 at level M holds 84, version 4 only 62
    REQUIRE(m.dark.size() == 37u * 37u);
    check_finder(m, 0, 0);
    check_finder(m, m.size - 7, 0);
    check_finder(m, 0, m.size - 7);
    for (int i = 0; i < 8; ++i) { // the light separators around the finders
        CHECK_FALSE(m.at(7, i));
        CHECK_FALSE(m.at(i, 7));
        CHECK_FALSE(m.at(m.size - 8, i));
        CHECK_FALSE(m.at(i, m.size - 8));
    }
    for (int i = 8; i < m.size - 8; ++i) { // timing patterns: dark on even positions
        CHECK(m.at(i, 6) == (i % 2 == 0));
        CHECK(m.at(6, i) == (i % 2 == 0));
    }
    CHECK(m.at(8, m.size - 8)); // the "dark module" every symbol has
    CHECK_FALSE(m.at(-1, 0));
    CHECK_FALSE(m.at(0, m.size));
}

TEST_CASE("the same text always gives the same symbol; different texts differ") {
    const Matrix a = encode("https://example.invalid/?sl=1-123");
    const Matrix b = encode("https://example.invalid/?sl=1-123");
    const Matrix c = encode("https://example.invalid/?sl=1-124");
    CHECK(a.size == b.size);
    CHECK(a.dark == b.dark);
    CHECK(a.dark != c.dark);
}
