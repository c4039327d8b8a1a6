// homecare-finder core: published cost figures with their sources (see cost_reference.h).
// Depends on: core/ascii.h, core/csv.h, core/text_format.h and the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/cost_reference.h"

#include "core/ascii.h"
#include "core/csv.h"

#include <array>
#include <cstdlib>

namespace hcf::core {

namespace {

bool equals_case_insensitive(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// Reads "123" or "123.45" at the start of s. Returns the characters used (0 when s does not start so).
std::size_t read_number(std::string_view s, double* out) {
    std::size_t i = 0;
    while (i < s.size() && is_ascii_digit(s[i]))
        ++i;
    if (i == 0 || i > 15) return 0; // more digits than any figure we hold; refuse rather than lose precision
    std::size_t end = i;
    if (end < s.size() && s[end] == '.') {
        std::size_t j = end + 1;
        while (j < s.size() && is_ascii_digit(s[j]))
            ++j;
        if (j > end + 1 && j - end - 1 <= 6) end = j;
    }
    *out = std::strtod(std::string(s.substr(0, end)).c_str(), nullptr);
    return end;
}

std::int64_t to_pence_or_zero(double pounds) {
    return pounds_to_pence(pounds).value_or(0);
}

std::string_view last_word(std::string_view s, std::string_view* rest) {
    const std::size_t sp = s.rfind(' ');
    if (sp == std::string_view::npos) {
        *rest = {};
        return s;
    }
    *rest = trim(s.substr(0, sp));
    return s.substr(sp + 1);
}

// Removes a trailing "14 Dec 2023", "Dec 2022" or "7 May 2025". Returns whether it removed one.
bool strip_trailing_date(std::string_view* s) {
    std::string_view rest;
    const std::string_view year = last_word(*s, &rest);
    if (year.size() != 4 || !all_ascii_digits(year) || rest.empty()) return false;
    std::string_view before_month;
    const std::string_view month = last_word(rest, &before_month);
    if (!month_number(month) || before_month.empty()) return false;
    std::string_view before_day;
    const std::string_view day = last_word(before_month, &before_day);
    if (day.size() <= 2 && all_ascii_digits(day) && !before_day.empty()) before_month = before_day;
    *s = before_month;
    return true;
}

// Removes a trailing " (...)" group. Returns whether it removed one.
bool strip_trailing_brackets(std::string_view* s) {
    if (s->empty() || s->back() != ')') return false;
    // Find the '(' that matches the final ')'; it must follow a space ("... (b)" but not "3(2)(b)").
    int depth = 0;
    for (std::size_t i = s->size(); i-- > 0;) {
        if ((*s)[i] == ')') ++depth;
        if ((*s)[i] == '(' && --depth == 0) {
            if (i < 2 || (*s)[i - 1] != ' ') return false;
            *s = trim(s->substr(0, i - 1));
            return true;
        }
    }
    return false;
}

} // namespace

bool contains_case_insensitive(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (equals_case_insensitive(haystack.substr(i, needle.size()), needle)) return true;
    return false;
}

const std::vector<std::string>& cost_reference_columns() {
    static const std::vector<std::string> kColumns = {
        "item", "value", "unit", "applies_from", "geography", "source_name", "source_url", "note"};
    return kColumns;
}

void read_cost_value(std::string_view value_text, CostReference* ref) {
    ref->value_text = std::string(value_text);
    ref->has_value = false;
    ref->value = ref->value_high = 0.0;
    ref->values.clear();
    const std::string_view v = trim(value_text);
    double first = 0.0;
    const std::size_t used = read_number(v, &first);
    if (used > 0) {
        ref->has_value = true;
        ref->value = ref->value_high = first;
        // A range: "23.84-27.24", "23 - 34".
        std::string_view after = trim(v.substr(used));
        if (!after.empty() && after.front() == '-') {
            double high = 0.0;
            if (read_number(trim(after.substr(1)), &high) > 0 && high >= first) ref->value_high = high;
        }
    }
    // Parts: "82.15 / 103.65 / 214.35".
    std::string_view rest = v;
    while (true) {
        const std::size_t sep = rest.find(" / ");
        const std::string_view part = trim(rest.substr(0, sep));
        double x = 0.0;
        if (read_number(part, &x) > 0) ref->values.push_back(x);
        if (sep == std::string_view::npos) break;
        rest = rest.substr(sep + 3);
    }
    const bool money = ref->unit.rfind("GBP", 0) == 0;
    ref->value_pence = money && ref->has_value ? to_pence_or_zero(ref->value) : 0;
    ref->value_high_pence = money && ref->has_value ? to_pence_or_zero(ref->value_high) : 0;
}

CostReference cost_reference_from_fields(const std::map<std::string, std::string>& by_header) {
    auto get = [&](const char* key) {
        const auto it = by_header.find(key);
        return it == by_header.end() ? std::string() : std::string(trim(it->second));
    };
    CostReference r;
    r.item = get("item");
    r.unit = get("unit");
    r.applies_from = get("applies_from");
    r.geography = get("geography");
    r.source_name = get("source_name");
    r.source_url = get("source_url");
    r.note = get("note");
    read_cost_value(get("value"), &r); // after unit: the unit says whether it is money
    return r;
}

Expected<std::vector<CostReference>> parse_cost_references(std::string_view csv_text) {
    auto fail = [](const std::string& message) { return Error{"cost reference CSV: " + message, ""}; };
    const Expected<CsvParse> parsed = parse_csv(csv_text, "cost_reference.csv");
    if (!parsed) return parsed.failure(); // the reader's message already names the file and line
    const CsvParse& csv = *parsed;
    if (csv.records.empty()) return fail("the file is empty");
    const std::vector<std::string>& header = csv.records.front().fields;
    for (const std::string& column : cost_reference_columns()) {
        bool found = false;
        for (const std::string& h : header)
            found = found || trim(h) == column;
        if (!found) return fail("the header has no '" + column + "' column");
    }
    std::vector<CostReference> out;
    out.reserve(csv.records.size() - 1);
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
        const CsvRecord& row = csv.records[r];
        if (row.fields.size() != header.size())
            return fail("line " + std::to_string(row.line) + " has " + std::to_string(row.fields.size()) +
                        " fields but the header has " + std::to_string(header.size()));
        std::map<std::string, std::string> by_header;
        for (std::size_t c = 0; c < header.size(); ++c)
            by_header[std::string(trim(header[c]))] = row.fields[c];
        out.push_back(cost_reference_from_fields(by_header));
    }
    return out;
}

std::vector<const CostReference*> find_all(const std::vector<CostReference>& refs,
                                           std::string_view item_substring, std::string_view geography) {
    std::vector<const CostReference*> out;
    for (const CostReference& r : refs) {
        if (!contains_case_insensitive(r.item, item_substring)) continue;
        if (!geography.empty() && !equals_case_insensitive(r.geography, geography)) continue;
        out.push_back(&r);
    }
    return out;
}

const CostReference* find_latest(const std::vector<CostReference>& refs, std::string_view item_substring,
                                 std::string_view geography, bool numeric_only) {
    const CostReference* best = nullptr;
    std::string best_key;
    for (const CostReference* r : find_all(refs, item_substring, geography)) {
        if (numeric_only && !r->has_value) continue;
        std::string key = when_sort_key(r->applies_from);
        if (best == nullptr || key >= best_key) {
            best = r;
            best_key = std::move(key);
        }
    }
    return best;
}

Per cost_reference_per(const CostReference& ref) {
    struct Word {
        std::string_view text;
        Per per;
    };
    static constexpr std::array<Word, 5> kWords = {{{"per hour", Per::Hour},
                                                    {"per night", Per::Night},
                                                    {"per day", Per::Day},
                                                    {"per week", Per::Week},
                                                    {"per year", Per::Year}}};
    auto earliest = [](std::string_view text) {
        std::size_t best_pos = std::string_view::npos;
        Per best = Per::None;
        for (const Word& w : kWords) {
            const std::size_t pos = text.find(w.text);
            if (pos < best_pos) {
                best_pos = pos;
                best = w.per;
            }
        }
        return best;
    };
    const Per from_unit = earliest(ref.unit);
    if (from_unit != Per::None) return from_unit;
    // "187 per night (1309 per week)": the words straight after the first number.
    const std::string_view v = trim(ref.value_text);
    double ignored = 0.0;
    const std::size_t used = read_number(v, &ignored);
    if (used == 0) return Per::None;
    const std::string_view after = trim(v.substr(used));
    for (const Word& w : kWords)
        if (after.rfind(w.text, 0) == 0) return w.per;
    return Per::None;
}

std::string short_source_name(std::string_view source_name) {
    std::string_view s = trim(source_name);
    const std::size_t colon = s.find(':');
    if (colon != std::string_view::npos && colon > 0) s = trim(s.substr(0, colon));
    while (strip_trailing_brackets(&s) || strip_trailing_date(&s)) {
    }
    return std::string(s);
}

std::optional<PenceRange> find_range_in_text(std::string_view text, std::string_view label) {
    if (label.empty() || label.size() > text.size()) return std::nullopt;
    for (std::size_t i = 0; i + label.size() <= text.size(); ++i) {
        if (!equals_case_insensitive(text.substr(i, label.size()), label)) continue;
        const std::string_view after = trim(text.substr(i + label.size()));
        double low = 0.0;
        const std::size_t used = read_number(after, &low);
        if (used == 0) continue;
        const std::string_view dash = trim(after.substr(used));
        if (dash.empty() || dash.front() != '-') continue;
        double high = 0.0;
        if (read_number(trim(dash.substr(1)), &high) == 0 || high < low) continue;
        const auto lp = pounds_to_pence(low);
        const auto hp = pounds_to_pence(high);
        if (!lp || !hp) return std::nullopt;
        return PenceRange{*lp, *hp};
    }
    return std::nullopt;
}

} // namespace hcf::core
