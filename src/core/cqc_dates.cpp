// homecare-finder core: dates in CQC's files (see cqc_dates.h).
// Depends on: core/cqc_dates.h, core/calendar.h, core/ascii.h.
// SPDX-License-Identifier: MIT
#include "core/cqc_dates.h"

#include "core/ascii.h"
#include "core/calendar.h"

namespace hcf::core {

namespace {

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
        if (v > 100000) return v;
    }
    return v;
}

// Splits into runs of letters and runs of digits (so "02T13" gives "02", "T", "13").
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    int kind = 0; // 1 digit, 2 letter
    for (char c : s) {
        const int k = (c >= '0' && c <= '9') ? 1 : ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? 2 : 0;
        if (k != kind && !cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
        kind = k;
        if (k) cur += c;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string date_from_tokens(const std::vector<std::string>& t, std::size_t i, DateOrder order) {
    if (i + 2 >= t.size()) return {};
    const std::string &a = t[i], &b = t[i + 1], &c = t[i + 2];
    if (all_ascii_digits(a) && a.size() == 4 && all_ascii_digits(b) && b.size() <= 2 && all_ascii_digits(c) &&
        c.size() <= 2)
        return iso_date(to_int(a), to_int(b), to_int(c));
    if (const auto month = month_number(b);
        all_ascii_digits(a) && a.size() <= 2 && month && all_ascii_digits(c) && c.size() == 4)
        return iso_date(to_int(c), *month, to_int(a));
    if (all_ascii_digits(a) && a.size() <= 2 && all_ascii_digits(b) && b.size() <= 2 && all_ascii_digits(c) &&
        c.size() == 4) {
        const int x = to_int(a), y = to_int(b);
        if (x > 12) return iso_date(to_int(c), y, x);
        if (y > 12) return iso_date(to_int(c), x, y);
        return order == DateOrder::MonthFirst ? iso_date(to_int(c), x, y) : iso_date(to_int(c), y, x);
    }
    return {};
}

std::optional<std::string> unless_empty(std::string date) {
    if (date.empty()) return std::nullopt;
    return date;
}

} // namespace

std::optional<std::string> parse_cqc_date(std::string_view text, DateOrder order) {
    const std::string s(trim(text));
    if (s.empty()) return std::nullopt;
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && all_ascii_digits(s.substr(0, 4)) &&
        all_ascii_digits(s.substr(5, 2)) && all_ascii_digits(s.substr(8, 2)))
        return unless_empty(iso_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2))));
    return unless_empty(date_from_tokens(tokens(s), 0, order));
}

DateOrder detect_date_order(const std::vector<std::string>& values) {
    int day_first = 0, month_first = 0;
    for (const auto& v : values) {
        const auto t = tokens(v);
        if (t.size() < 3 || !all_ascii_digits(t[0]) || !all_ascii_digits(t[1]) || t[0].size() > 2 ||
            t[1].size() > 2)
            continue;
        if (to_int(t[0]) > 12) ++day_first;
        if (to_int(t[1]) > 12) ++month_first;
    }
    return month_first > 0 && day_first == 0 ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

std::optional<std::string> find_date_in_text(std::string_view text) {
    const auto t = tokens(text);
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        const bool word_date =
            all_ascii_digits(t[i]) && t[i].size() <= 2 && month_number(t[i + 1]).has_value();
        const bool iso = all_ascii_digits(t[i]) && t[i].size() == 4;
        if (!word_date && !iso) continue;
        if (auto d = date_from_tokens(t, i, DateOrder::DayFirst); !d.empty()) return d;
    }
    return std::nullopt;
}

} // namespace hcf::core
