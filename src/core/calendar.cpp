// homecare-finder core: calendar dates (see calendar.h).
// Depends on: core/calendar.h, core/ascii.h.
// SPDX-License-Identifier: MIT
#include "core/calendar.h"

#include "core/ascii.h"

#include <array>
#include <cstdio>

namespace hcf::core {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};

bool digits_at(std::string_view s, std::size_t pos, std::size_t count, int* value) {
    if (pos + count > s.size() || !all_ascii_digits(s.substr(pos, count))) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i)
        v = v * 10 + (s[i] - '0');
    *value = v;
    return true;
}

} // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

std::string iso_date(int year, int month, int day) {
    if (year < 1900 || year > 2200 || day < 1 || day > days_in_month(year, month)) return {};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<IsoDate> parse_iso_date(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    IsoDate d;
    if (!digits_at(text, 0, 4, &d.year) || d.year < 1900 || d.year > 2199) return std::nullopt;
    if (text.size() >= 7 &&
        (text[4] != '-' || !digits_at(text, 5, 2, &d.month) || d.month < 1 || d.month > 12))
        return std::nullopt;
    if (text.size() == 10 && (text[7] != '-' || !digits_at(text, 8, 2, &d.day) || d.day < 1 ||
                              d.day > days_in_month(d.year, d.month)))
        return std::nullopt;
    return d;
}

std::string_view month_name(int month) {
    if (month < 1 || month > 12) return "";
    return kMonths[static_cast<std::size_t>(month - 1)];
}

std::optional<int> month_number(std::string_view word) {
    if (word.size() < 3) return std::nullopt;
    const std::string w = ascii_lower(word);
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        const std::string m = ascii_lower(kMonths[i]);
        if (w == m || (w.size() == 3 && m.compare(0, 3, w) == 0) || (w == "sept" && i == 8))
            return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

IsoDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

} // namespace hcf::core
