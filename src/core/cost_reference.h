// homecare-finder core: published cost figures (prices, council rates, Care Act limits) with their sources.
// Depends on: core/expected.h, core/text_format.h (Per) and the C++ standard library (no ImGui, no
// Emscripten). SPDX-License-Identifier: MIT
//
// One CostReference is one row of data/cost_reference.csv (see ../shared/data/README.md section 3):
//   item,value,unit,applies_from,geography,source_name,source_url,note
// Every figure the cost and means-test screens show comes from these rows, never from a constant in
// code, so a new year's figures are a data change. The value column is free text in places
// ("23.84-27.24", "14250 / 23250", "187 per night (1309 per week)", "not implemented"): the raw text
// is kept, and the numbers in it are read out (see `value`, `value_high`, `values`).
//
// Usage:
//   const Expected<std::vector<CostReference>> refs = parse_cost_references(csv_text); // or
//                                                     cost_reference_from_fields
//   if (!refs) ... refs.error() ...
//   if (const CostReference* r = find_latest(*refs, "Homecare Association Minimum Price", "England"))
//       ... r->value_pence ... r->source_name ... describe_when(r->applies_from) ...
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/text_format.h"

namespace hcf::core {

struct CostReference {
    std::string item;         // what the figure is, e.g. "Homecare Association Minimum Price for Homecare"
    double value = 0.0;       // the first number in the value column (pounds, counts...); 0 when none
    std::string unit;         // e.g. "GBP per hour", "GBP per week"
    std::string applies_from; // free text, usually ISO: "2025-04 (2025-26)", "2024-03-31", "current"
    std::string geography;    // "England", "UK", "Essex", ...
    std::string source_name;  // e.g. "Homecare Association 18 Dec 2024"
    std::string source_url;   // the page the figure was read from
    std::string note;         // caveats as written in the data
    // Added to the brief's struct: the value column as written, and the numbers read from it.
    std::string value_text;            // the value column exactly, e.g. "23.84-27.24"
    bool has_value = false;            // the value column starts with a number
    double value_high = 0.0;           // the top of a range "a-b" (23.84-27.24 -> 27.24); else equal to value
    std::vector<double> values;        // the leading number of each " / "-separated part ("82.15 / 103.65")
    std::int64_t value_pence = 0;      // value as pence when it is money (rounded to the penny); else 0
    std::int64_t value_high_pence = 0; // value_high as pence
};

// The columns a cost_reference.csv must have (any order; extra columns are ignored).
const std::vector<std::string>& cost_reference_columns();

// Builds one row from its fields keyed by header name. Missing fields are empty. Never throws.
CostReference cost_reference_from_fields(const std::map<std::string, std::string>& by_header);

// Parses a whole cost_reference.csv (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a header row).
// A header with no rows is an empty list. A problem is an Error such as
// "cost reference CSV: line 3 has 7 fields but the header has 8" or
// "cost reference CSV: the header has no 'source_url' column". Blank lines are skipped.
Expected<std::vector<CostReference>> parse_cost_references(std::string_view csv_text);

// Reads the number(s) of a value column into ref (value, has_value, value_high, values, *_pence).
void read_cost_value(std::string_view value_text, CostReference* ref);

// The row whose item contains item_substring (case-insensitive) and, when geography is not empty, whose
// geography equals it (case-insensitive), with the latest applies_from (see when_sort_key); among equal
// dates the later row in the list wins (data files add newer rows below older ones). Rows without a
// number are skipped when numeric_only. nullptr when nothing matches.
const CostReference* find_latest(const std::vector<CostReference>& refs, std::string_view item_substring,
                                 std::string_view geography = "", bool numeric_only = true);
// Every row matching as above, in list order.
std::vector<const CostReference*> find_all(const std::vector<CostReference>& refs,
                                           std::string_view item_substring, std::string_view geography = "");

// What a money figure in a row is per: from the unit ("GBP per hour") or, failing that, the words after
// the first number in the value ("187 per night (1309 per week)" -> night). Per::None when neither says.
Per cost_reference_per(const CostReference& ref);

// A short name for the source to put in brackets after a figure:
//   "Homecare Association: Fee rates for state-funded homecare in 2025-26 (5 Jun 2025)" -> "Homecare
//   Association" "Homecare Association 18 Dec 2024" -> "Homecare Association"; "Lottie: Home Care Costs 2025
//   (...)" -> "Lottie"
// (the text before the first ':' or " (", less a trailing date such as "14 Dec 2023" or "Dec 2022").
std::string short_source_name(std::string_view source_name);

// Finds "<label> <a>-<b>" in free text (e.g. the note "Live-in care 900-1400 per week") and returns the
// two numbers in pence. For figures the data keeps in a note rather than in its own row.
struct PenceRange {
    std::int64_t low_pence = 0;
    std::int64_t high_pence = 0;
};
std::optional<PenceRange> find_range_in_text(std::string_view text, std::string_view label);

bool contains_case_insensitive(std::string_view haystack, std::string_view needle);

} // namespace hcf::core
