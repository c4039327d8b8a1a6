// homecare-finder core: calendar dates — ISO dates, month names, days between dates. The one copy the
// data readers (CQC files, cost references, the bundle's day numbers) and the wording share.
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hcf::core {

// An ISO date with optional month and day (0 when absent).
struct IsoDate {
    int year = 0;  // e.g. 2026
    int month = 0; // 1..12, or 0 for a year only
    int day = 0;   // 1..31, or 0 for a year or a month only
};

bool is_leap_year(int year);
int days_in_month(int year, int month); // 0 outside 1..12

// "2026-09-01" for a real calendar day of the years 1900 to 2200; "" for anything else (31 April...).
std::string iso_date(int year, int month, int day);

// Accepts exactly "yyyy", "yyyy-mm" or "yyyy-mm-dd" with a real calendar date (leap years checked),
// years 1900 to 2199. Nothing else: no spaces, no other text.
std::optional<IsoDate> parse_iso_date(std::string_view text);

std::string_view month_name(int month); // "January".."December"; "" outside 1..12
// 9 for "September", "september", "Sep" or "Sept" (any case); nullopt when the word is not a month.
std::optional<int> month_number(std::string_view word);

// Days since 1970-01-01 (proleptic Gregorian calendar), and back.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);
IsoDate civil_from_days(std::int64_t days);

} // namespace hcf::core
