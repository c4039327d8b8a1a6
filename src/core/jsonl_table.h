// homecare-finder core: a JSON-lines file (one JSON object a line) read as a table, so the dataset compiler
// finds its fields by name exactly as it finds a CSV file's columns.
// Depends on: core/csv.h (CsvTable, CsvRecord), core/expected.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// CareGist's copy of CQC's register (../shared/data/cqc/london/homecare_london.jsonl) is in this layout.
// The header is every key seen (a record's keys in alphabetical order; columns are found by name); a value is
// the string as written, a number or true/false as text, and null or a missing key as "" (so a blank means
// "not in the data", as in a CSV cell).
#pragma once

#include "core/csv.h"
#include "core/expected.h"

#include <string_view>

namespace hcf::core {

// True when the text's first character after a byte order mark and white space is '{'.
bool looks_like_json_lines(std::string_view text);

// Reads every line. Blank lines are skipped; a line that is not one JSON object (a cut-short or damaged
// file) is an Error naming the file and the line, and nothing is returned; so is a file with no records.
// Each row's line is its line in the file; header_line is 0 (the file has no header row).
Expected<CsvTable> read_jsonl_table(std::string_view text, std::string_view file_name);

} // namespace hcf::core
