// homecare-finder core: money and date wording (see text_format.h for the rules).
// Depends on: core/ascii.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/text_format.h"

#include "core/ascii.h"

#include <array>
#include <cmath>

namespace hcf::core {

namespace {

// £10 billion in pence: far above any care cost, and keeps every sum we do well inside int64.
constexpr std::int64_t kMaxPence = 1'000'000'000'000;

std::string group_thousands(std::uint64_t whole) {
    std::string digits = std::to_string(whole);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

std::string format_count(std::uint64_t n) {
    return group_thousands(n);
}

std::string agencies_words(std::uint64_t n) {
    return format_count(n) + (n == 1 ? " agency" : " agencies");
}

namespace {

std::uint64_t magnitude(std::int64_t v) {
    // Safe for INT64_MIN too: negate in unsigned arithmetic.
    return v < 0 ? (~static_cast<std::uint64_t>(v) + 1u) : static_cast<std::uint64_t>(v);
}

int digits_value(std::string_view s, std::size_t pos, std::size_t count) {
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool all_digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size()) return false;
    for (std::size_t i = pos; i < pos + count; ++i)
        if (!is_ascii_digit(s[i])) return false;
    return true;
}

// A date-like token found in free text.
struct WhenToken {
    bool found = false;
    bool financial_year = false; // "2025-26": April 2025 to March 2026
    IsoDate date;                // for a financial year: year = first year, month = 4
};

// Reads the token starting at pos (four digits not preceded by a digit), if it is one.
WhenToken read_token(std::string_view s, std::size_t pos, std::size_t* length) {
    WhenToken t;
    if (!all_digits(s, pos, 4) || (pos > 0 && is_ascii_digit(s[pos - 1]))) return t;
    const int year = digits_value(s, pos, 4);
    if (year < 1900 || year > 2199) return t;
    auto ends_at = [&](std::size_t end) { return end >= s.size() || !is_ascii_digit(s[end]); };
    std::size_t p = pos + 4;
    if (p < s.size() && (s[p] == '-' || s[p] == '/') && all_digits(s, p + 1, 2) && ends_at(p + 3)) {
        const int second = digits_value(s, p + 1, 2);
        const bool next_year = second == (year + 1) % 100;
        const bool month_ok = s[p] == '-' && second >= 1 && second <= 12;
        // "yyyy-mm-dd"
        if (month_ok && p + 3 < s.size() && s[p + 3] == '-' && all_digits(s, p + 4, 2) && ends_at(p + 6)) {
            const int day = digits_value(s, p + 4, 2);
            if (day >= 1 && day <= days_in_month(year, second)) {
                t = {true, false, {year, second, day}};
                *length = 10;
                return t;
            }
        }
        if (month_ok && !(next_year && s[p] == '/')) {
            t = {true, false, {year, second, 0}};
            *length = 7;
            return t;
        }
        if (next_year) {
            t = {true, true, {year, 4, 0}};
            *length = 7;
            return t;
        }
        return t;
    }
    if (!ends_at(p)) return t;
    t = {true, false, {year, 0, 0}};
    *length = 4;
    return t;
}

// The token that describes a free-text date: the first financial year if any, else the first date.
WhenToken find_when(std::string_view text) {
    WhenToken first_date;
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        std::size_t len = 0;
        WhenToken t = read_token(text, i, &len);
        if (!t.found) continue;
        if (t.financial_year) return t;
        if (!first_date.found) first_date = t;
        i += len - 1;
    }
    return first_date;
}

std::string two_digits(int v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

} // namespace

std::string_view per_words(Per per) {
    switch (per) {
    case Per::Hour:
        return "an hour";
    case Per::Night:
        return "a night";
    case Per::Day:
        return "a day";
    case Per::Week:
        return "a week";
    case Per::FourWeeks:
        return "every 4 weeks";
    case Per::Year:
        return "a year";
    case Per::None:
        break;
    }
    return "";
}

std::string format_money(std::int64_t pence) {
    const std::uint64_t m = magnitude(pence);
    std::string out = pence < 0 ? "-£" : "£";
    out += group_thousands(m / 100);
    if (m % 100 != 0) {
        out += '.';
        out += two_digits(static_cast<int>(m % 100));
    }
    return out;
}

std::string format_pounds(std::int64_t pence) {
    const std::uint64_t m = magnitude(pence);
    const std::uint64_t pounds = (m + 50) / 100; // halves round away from zero
    std::string out = (pence < 0 && pounds > 0) ? "-£" : "£";
    out += group_thousands(pounds);
    return out;
}

std::string format_money_per(std::int64_t pence, Per per, bool whole_pounds) {
    std::string out = whole_pounds ? format_pounds(pence) : format_money(pence);
    const std::string_view words = per_words(per);
    if (!words.empty()) {
        out += ' ';
        out += words;
    }
    return out;
}

std::string format_range(std::int64_t low_pence, std::int64_t high_pence, Per per, bool whole_pounds) {
    if (low_pence > high_pence) std::swap(low_pence, high_pence);
    const std::string low = whole_pounds ? format_pounds(low_pence) : format_money(low_pence);
    const std::string high = whole_pounds ? format_pounds(high_pence) : format_money(high_pence);
    std::string out = low == high ? low : low + " to " + high;
    const std::string_view words = per_words(per);
    if (!words.empty()) {
        out += ' ';
        out += words;
    }
    return out;
}

std::string format_duration(std::int64_t minutes) {
    if (minutes < 0) minutes = 0;
    const std::int64_t hours = minutes / 60;
    const std::int64_t rest = minutes % 60;
    std::string out;
    if (hours > 0) out = std::to_string(hours) + (hours == 1 ? " hour" : " hours");
    if (rest > 0 || hours == 0) {
        if (!out.empty()) out += ' ';
        out += std::to_string(rest) + (rest == 1 ? " minute" : " minutes");
    }
    return out;
}

std::optional<std::int64_t> parse_pounds(std::string_view text) {
    text = trim(text);
    if (text.substr(0, 2) == "£") text.remove_prefix(2); // "£" is two bytes in UTF-8
    if (text.empty()) return std::nullopt;
    std::int64_t whole = 0;
    std::size_t i = 0;
    std::size_t digits = 0;
    bool grouped = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ',') {
            // A comma must separate groups of exactly three digits: "1,596", "12,345,678".
            if (digits == 0 || (!grouped && digits > 3) || !all_digits(text, i + 1, 3) ||
                (i + 4 < text.size() && is_ascii_digit(text[i + 4])))
                return std::nullopt;
            grouped = true;
            continue;
        }
        if (!is_ascii_digit(c)) break;
        whole = whole * 10 + (c - '0');
        if (whole * 100 >= kMaxPence) return std::nullopt;
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    std::int64_t fraction = 0;
    if (i < text.size()) {
        if (text[i] != '.') return std::nullopt;
        const std::string_view decimals = text.substr(i + 1);
        if (decimals.empty() || decimals.size() > 2 || !all_digits(decimals, 0, decimals.size()))
            return std::nullopt;
        fraction = digits_value(decimals, 0, decimals.size());
        if (decimals.size() == 1) fraction *= 10;
    }
    return whole * 100 + fraction;
}

std::optional<std::int64_t> pounds_to_pence(double pounds) {
    if (!std::isfinite(pounds) || pounds < 0.0 || pounds * 100.0 >= static_cast<double>(kMaxPence))
        return std::nullopt;
    return std::llround(pounds * 100.0);
}

namespace {
std::string words_for(const IsoDate& d) {
    std::string out;
    if (d.day > 0) out += std::to_string(d.day) + " ";
    if (d.month > 0) {
        out += month_name(d.month);
        out += ' ';
    }
    out += std::to_string(d.year);
    return out;
}
} // namespace

std::string format_date(std::string_view iso) {
    const std::optional<IsoDate> d = parse_iso_date(iso);
    return d ? words_for(*d) : std::string();
}

std::string describe_when(std::string_view applies_from) {
    const WhenToken t = find_when(trim(applies_from));
    if (!t.found) return "";
    if (t.financial_year) return std::to_string(t.date.year) + " to " + std::to_string(t.date.year + 1);
    return words_for(t.date);
}

std::string when_sort_key(std::string_view applies_from) {
    const WhenToken t = find_when(trim(applies_from));
    if (!t.found) return "";
    std::string key = std::to_string(t.date.year);
    if (t.date.month > 0) key += "-" + two_digits(t.date.month);
    if (t.date.day > 0) key += "-" + two_digits(t.date.day);
    return key;
}

} // namespace hcf::core
