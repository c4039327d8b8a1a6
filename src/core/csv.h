// homecare-finder core: an RFC 4180 CSV reader with header lookup by name, for the dataset compiler.
// Depends on: core/expected.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Handles quoted fields, "" escapes, commas and newlines inside quotes, a UTF-8 byte order mark, CRLF,
// LF or lone CR line ends, and ragged rows (returned as they are; the caller decides and reports).
// Text that is not valid UTF-8 is read as Windows-1252 (what Excel writes) and converted, with a note.
// Every record remembers the physical line it starts on, so errors can name the line a person sees
// in a text editor or spreadsheet.
#pragma once

#include "core/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0; // physical line (1-based) where the record starts
};

// What parse_csv read.
struct CsvParse {
    std::vector<CsvRecord> records; // blank lines are skipped
    bool had_bom = false;
    bool ends_with_newline = false;     // false for an empty text
    bool converted_from_cp1252 = false; // the bytes were not UTF-8 and were converted
};

// Reads one record at a time, so a large file never has all its cells in memory at once. The text must
// outlive the reader (unless it is converted from Windows-1252, when the reader keeps its own copy).
// Streaming readers say how it went one way: status(), an Expected<void> (docs/architecture.md, "Errors").
class CsvReader {
  public:
    // Checks the whole text up front: a spreadsheet, UTF-16 or binary data fail at once (status() an Error).
    CsvReader(std::string_view text, std::string_view file_name);
    // The next non-blank record; false at the end or on an error (then status() says why).
    bool next(CsvRecord& record);
    // Fine so far, or the Error naming the file and line; stays failed once it has failed.
    const Expected<void>& status() const { return status_; }
    int error_line() const { return error_line_; } // the line status() names; 0 while it is fine
    bool at_end() const { return pos_ >= text_.size(); }
    bool had_bom() const { return had_bom_; }
    bool converted_from_cp1252() const { return converted_; }
    bool ends_with_newline() const { return ends_with_newline_; }

  private:
    void fail(int line, std::string message);
    std::string name_;
    std::string storage_; // the converted text, when the input was Windows-1252
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    Expected<void> status_;
    int error_line_ = 0;
    bool had_bom_ = false;
    bool converted_ = false;
    bool ends_with_newline_ = false;
};

// Parses the whole text. Fails (an Error naming the file, and the line where it can) only when the file
// cannot be a CSV text: a quoted value never closed (a cut-short or damaged file), a NUL byte (binary data),
// a ZIP/ODS/XLSX spreadsheet, or UTF-16 text. file_name is used in messages only.
Expected<CsvParse> parse_csv(std::string_view text, std::string_view file_name);

// The key a header is matched on: lower-case letters and digits only, so "Service's website (if
// available)" and "services website if available" match, as do "Location ID", "location_id" and
// "LOCATION  ID".
std::string header_key(std::string_view header);

// Finds columns in a header row by name, trying each alias in turn.
class ColumnIndex {
  public:
    ColumnIndex() = default;
    explicit ColumnIndex(const std::vector<std::string>& header);
    int find(std::string_view name) const;                       // -1 when absent
    int find_any(const std::vector<std::string>& aliases) const; // first alias present; -1 when none
    const std::vector<std::string>& names() const { return names_; }
    std::size_t size() const { return names_.size(); }

  private:
    std::vector<std::string> names_; // as written in the file
    std::vector<std::string> keys_;  // header_key of each
};

// A CSV file with its header row found and the data rows after it.
struct CsvTable {
    std::string file;                // name used in messages
    std::vector<std::string> header; // the header row as written
    int header_line = 0;             // physical line of the header row
    int preamble_rows = 0;           // non-blank rows before the header (CQC files start with a title)
    ColumnIndex columns;
    std::vector<CsvRecord> rows; // data rows, in file order
    bool converted_from_cp1252 = false;
};

// Streams a CSV file with its header row found (the rules of read_csv_table below). Check status() after
// construction and after next() returns false.
class CsvTableReader {
  public:
    CsvTableReader(std::string_view text, std::string_view file_name,
                   const std::vector<std::vector<std::string>>& must_have = {}, int max_preamble = 30);
    bool next(CsvRecord& row); // the next data row; false at the end or on an error (status() says which)
    // Fine so far, or the Error naming the file (and the line or column).
    const Expected<void>& status() const { return status_; }
    const std::string& file() const { return file_; }
    const std::vector<std::string>& header() const { return header_; }
    int header_line() const { return header_line_; }
    int preamble_rows() const { return preamble_rows_; }
    const ColumnIndex& columns() const { return columns_; }
    bool converted_from_cp1252() const { return reader_.converted_from_cp1252(); }

  private:
    CsvReader reader_;
    std::string name_;
    std::string file_;
    Expected<void> status_;
    std::vector<std::string> header_;
    ColumnIndex columns_;
    int header_line_ = 0;
    int preamble_rows_ = 0;
    bool found_ = false;
};

// Parses text and finds the header: the first of the first max_preamble+1 non-blank rows that has,
// for each entry of must_have, at least one of its aliases. With must_have empty the first row is the
// header. A final row that is short and has no line end means the file was cut short: that is an error
// naming the line. Other short or long rows are kept for the caller to report.
// The first alias of each must_have entry is the name used in the "missing column" message. An Error names
// the file (and the line or column).
Expected<CsvTable> read_csv_table(std::string_view text, std::string_view file_name,
                                  const std::vector<std::vector<std::string>>& must_have = {},
                                  int max_preamble = 30);

// The message for a required column that is missing, e.g.
// "homecare.csv: the column \"Service types\" is missing (also looked for: service_types, Service Types)."
std::string missing_column_message(std::string_view file_name, const std::vector<std::string>& aliases);

// The field at col, trimmed of spaces and tabs; "" when col is -1 or past the end of a short row.
std::string csv_field(const CsvRecord& record, int col);

// Who reads a CSV we write: a program (the value as it is), or a person in a spreadsheet, where a value
// starting with = + - or @ would run as a formula, so it is written with a ' in front.
enum class CsvAudience : std::uint8_t { Program, Spreadsheet };
// Quotes a value for writing CSV when it holds a comma, quote, CR or LF (the one CSV writer).
std::string csv_escape(std::string_view value, CsvAudience audience = CsvAudience::Program);

} // namespace hcf::core
