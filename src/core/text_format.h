// homecare-finder core: money and date wording for people ("£28.53 an hour", "1 September 2026").
// Depends on: core/calendar.h (dates), the C++ standard library (no ImGui, no Emscripten).
// SPDX-License-Identifier: MIT
//
// Money is held as whole pence in std::int64_t everywhere in the core, so sums never drift.
// Rules (GOV.UK style, see ../shared/design.md):
//   format_money(2853)    -> "£28.53"    exact; pence shown only when there are any ("£540", not "£540.00")
//   format_money(159600)  -> "£1,596"    thousands separated with commas
//   format_pounds(54049)  -> "£540"      rounded to the nearest pound (half a pound rounds up), for
//                                        indicative weekly / four-weekly / yearly totals
//   format_range(42000, 56000, Per::Week) -> "£420 to £560 a week"
// Dates are stored as ISO text: "2026-09-01", "2025-04" (a month) or "2025" (a year).
//   format_date("2026-09-01") -> "1 September 2026", format_date("2025-04") -> "April 2025"
//   describe_when("2025-04 (2025-26)") -> "2025 to 2026" (the free-text dates in cost_reference.csv)
#pragma once

#include "core/calendar.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hcf::core {

// What a money figure is "per", for the words after it.
enum class Per : std::uint8_t {
    None = 0,  // no words: "£28.53"
    Hour,      // "an hour"
    Night,     // "a night"
    Day,       // "a day"
    Week,      // "a week"
    FourWeeks, // "every 4 weeks"
    Year,      // "a year"
};
std::string_view per_words(Per per); // "an hour", "" for Per::None

// Exact amount: "£28.53", "£540", "£1,596", "-£3.50", "£0".
std::string format_money(std::int64_t pence);
// Rounded to the nearest whole pound (halves round away from zero): "£540", "£1,596".
std::string format_pounds(std::int64_t pence);
// "£28.53 an hour" (exact) or, with whole_pounds, "£540 a week".
std::string format_money_per(std::int64_t pence, Per per, bool whole_pounds = false);
// "£420 to £560 a week"; a single figure when both ends show the same ("£420 a week").
// The larger figure is always shown second.
std::string format_range(std::int64_t low_pence, std::int64_t high_pence, Per per, bool whole_pounds = true);

// A length of time in plain words: "14 hours", "1 hour", "45 minutes", "7 hours 30 minutes", "0 minutes".
std::string format_duration(std::int64_t minutes);

// Pounds written as a decimal ("28.53", "17.17", "23250", "1,596", "0.5") to pence, exactly (no floating
// point). Leading/trailing spaces are allowed; a leading "£" is allowed. nullopt for anything else, for
// more than 2 decimal places, or for amounts of £10 billion or more.
std::optional<std::int64_t> parse_pounds(std::string_view text);
// A double holding pounds (e.g. 28.53 from a JSON number) to pence, rounded to the nearest penny.
// nullopt for NaN, infinities, negatives and amounts of £10 billion or more.
std::optional<std::int64_t> pounds_to_pence(double pounds);

// A count with thousands separated by commas: 15000 -> "15,000".
std::string format_count(std::uint64_t n);
// A count of agencies in plain words: "1 agency", "859 agencies", "15,000 agencies".
std::string agencies_words(std::uint64_t n);

// "1 September 2026", "April 2025", "2025"; "" when the text is not a date parse_iso_date accepts
// (core/calendar.h).
std::string format_date(std::string_view iso);

// Wording for the free-text "applies from" dates in the cost reference data:
//   "2024-03-31" -> "31 March 2024"      "2025-01" -> "January 2025"       "2024" -> "2024"
//   "2025-04 (2025-26)" -> "2025 to 2026" "2024-25" or "2024/25" -> "2024 to 2025"
//   "framework from 2022-10 (page updated 2024-03-01)" -> "October 2022" (the first date in the text)
//   "current per source page", "not stated on page" -> "" (no date: the caller says "date not stated")
// A financial year (yyyy-yy or yyyy/yy where yy is the next year) wins over a bare month.
std::string describe_when(std::string_view applies_from);
// A key that sorts the same way as the dates above ("2025-04", "2024-03-31"); a financial year sorts as
// April of its first year. "" when there is no date, which sorts first.
std::string when_sort_key(std::string_view applies_from);

} // namespace hcf::core
