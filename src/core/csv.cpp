// homecare-finder core: RFC 4180 CSV reader, header lookup by name, and file sanity checks.
// Depends on: core/csv.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/csv.h"

#include "core/ascii.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace hcf::core {
namespace {

std::string display_name(std::string_view file_name) {
    return file_name.empty() ? std::string("the CSV file") : std::string(file_name);
}

// True when every byte sequence is well-formed UTF-8 (no overlongs or surrogates checked loosely:
// enough to tell UTF-8 from Windows-1252, which almost never forms valid multi-byte sequences).
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (i + static_cast<std::size_t>(extra) >= s.size()) return false;
        for (int k = 1; k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((d & 0xC0) != 0x80) return false;
        }
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252 bytes 0x80..0x9F; the rest of the upper half is Latin-1. Undefined bytes become U+FFFD.
constexpr std::uint16_t kCp1252High[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                           0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string cp1252_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            out += ch;
        else if (c < 0xA0)
            append_utf8(out, kCp1252High[c - 0x80]);
        else
            append_utf8(out, c);
    }
    return out;
}

int line_of_offset(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
            ++line;
    }
    return line;
}

bool is_blank_record(const CsvRecord& r, bool quoted) {
    return !quoted && r.fields.size() == 1 && r.fields[0].empty();
}

} // namespace

CsvReader::CsvReader(std::string_view input, std::string_view file_name) : name_(display_name(file_name)) {
    if (input.size() >= 4 && input.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        fail(1, name_ + " is a spreadsheet (.ods or .xlsx), not a CSV file. Open it in a spreadsheet program "
                        "and save "
                        "it as \"CSV UTF-8\", then try again.");
        return;
    }
    if (input.size() >= 2 &&
        ((static_cast<unsigned char>(input[0]) == 0xFF && static_cast<unsigned char>(input[1]) == 0xFE) ||
         (static_cast<unsigned char>(input[0]) == 0xFE && static_cast<unsigned char>(input[1]) == 0xFF))) {
        fail(1, name_ + " is saved as UTF-16 text. Save it as \"CSV UTF-8\" and try again.");
        return;
    }
    if (const auto nul = input.find('\0'); nul != std::string_view::npos) {
        const int l = line_of_offset(input, nul);
        fail(l, name_ + ", line " + std::to_string(l) +
                    ": the file contains binary data, so it is damaged or is not a CSV file.");
        return;
    }
    text_ = input;
    if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") {
        had_bom_ = true;
        text_.remove_prefix(3);
    }
    if (!valid_utf8(text_)) {
        storage_ = cp1252_to_utf8(text_);
        text_ = storage_;
        converted_ = true;
    }
    ends_with_newline_ = !text_.empty() && (text_.back() == '\n' || text_.back() == '\r');
}

void CsvReader::fail(int line, std::string message) {
    error_line_ = line;
    status_ = Error{std::move(message), ""};
    pos_ = text_.size();
}

bool CsvReader::next(CsvRecord& rec) {
    const std::string_view text = text_;
    const std::size_t n = text.size();
    while (status_ && pos_ < n) {
        std::size_t i = pos_;
        rec.fields.clear();
        rec.line = line_;
        bool any_quoted = false;
        bool record_done = false;
        while (!record_done) {
            std::string field;
            if (i < n && text[i] == '"') {
                any_quoted = true;
                const int quote_line = line_;
                ++i;
                bool closed = false;
                while (i < n) {
                    // Copy the run up to the next quote or line end in one go.
                    std::size_t j = i;
                    while (j < n && text[j] != '"' && text[j] != '\n' && text[j] != '\r')
                        ++j;
                    field.append(text.substr(i, j - i));
                    i = j;
                    if (i >= n) break;
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n' || (i + 1 >= n || text[i + 1] != '\n')) ++line_;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    fail(quote_line,
                         name_ + ", line " + std::to_string(quote_line) +
                             ": a quoted value starts here and is never closed, so the file looks cut "
                             "short or damaged.");
                    rec.fields.clear();
                    return false;
                }
                // Lenient: characters between a closing quote and the next comma are kept.
                const std::size_t j = text.find_first_of(",\n\r", i);
                const std::size_t end = j == std::string_view::npos ? n : j;
                field.append(text.substr(i, end - i));
                i = end;
            } else {
                const std::size_t j = text.find_first_of(",\n\r", i);
                const std::size_t end = j == std::string_view::npos ? n : j;
                field.assign(text.substr(i, end - i));
                i = end;
            }
            rec.fields.push_back(std::move(field));
            if (i >= n) {
                record_done = true;
            } else if (text[i] == ',') {
                ++i; // a comma at the very end of the text gives one more, empty, field on the next pass
            } else { // line end
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
                ++i;
                ++line_;
                record_done = true;
            }
        }
        pos_ = i;
        if (!is_blank_record(rec, any_quoted)) return true;
    }
    rec.fields.clear();
    return false;
}

Expected<CsvParse> parse_csv(std::string_view input, std::string_view file_name) {
    CsvParse out;
    CsvReader reader(input, file_name);
    CsvRecord rec;
    while (reader.next(rec))
        out.records.push_back(rec);
    if (!reader.status()) return reader.status().failure();
    out.had_bom = reader.had_bom();
    out.converted_from_cp1252 = reader.converted_from_cp1252();
    out.ends_with_newline = reader.ends_with_newline();
    return out;
}

std::string header_key(std::string_view header) {
    std::string k;
    k.reserve(header.size());
    for (char c : header)
        if (is_ascii_letter(c) || is_ascii_digit(c)) k += ascii_lower(c);
    return k;
}

ColumnIndex::ColumnIndex(const std::vector<std::string>& header) : names_(header) {
    keys_.reserve(header.size());
    for (const auto& h : header)
        keys_.push_back(header_key(h));
}

int ColumnIndex::find(std::string_view name) const {
    const std::string k = header_key(name);
    if (k.empty()) return -1;
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == k) return static_cast<int>(i);
    return -1;
}

int ColumnIndex::find_any(const std::vector<std::string>& aliases) const {
    for (const auto& a : aliases)
        if (const int c = find(a); c >= 0) return c;
    return -1;
}

std::string missing_column_message(std::string_view file_name, const std::vector<std::string>& aliases) {
    std::string m = display_name(file_name) + ": the column \"" + (aliases.empty() ? "" : aliases.front()) +
                    "\" is missing";
    if (aliases.size() > 1) {
        m += " (also looked for: ";
        for (std::size_t i = 1; i < aliases.size(); ++i) {
            if (i > 1) m += ", ";
            m += aliases[i];
        }
        m += ")";
    }
    m += ".";
    return m;
}

CsvTableReader::CsvTableReader(std::string_view text, std::string_view file_name,
                               const std::vector<std::vector<std::string>>& must_have, int max_preamble)
    : reader_(text, file_name), name_(display_name(file_name)) {
    file_ = std::string(file_name);
    std::vector<CsvRecord> first;
    CsvRecord rec;
    while (static_cast<int>(first.size()) <= max_preamble && reader_.next(rec)) {
        const ColumnIndex idx(rec.fields);
        bool all = true;
        for (const auto& aliases : must_have)
            if (idx.find_any(aliases) < 0) all = false;
        if (all) {
            header_ = rec.fields;
            for (auto& h : header_)
                h = std::string(trim(h));
            header_line_ = rec.line;
            preamble_rows_ = static_cast<int>(first.size());
            columns_ = ColumnIndex(header_);
            found_ = true;
            return;
        }
        first.push_back(rec);
    }
    if (!reader_.status()) {
        status_ = reader_.status();
        return;
    }
    if (first.empty()) {
        status_ = Error{name_ + " is empty.", ""};
        return;
    }
    // Name the first required column the first row lacks: the likeliest cause.
    const ColumnIndex idx(first[0].fields);
    for (const auto& aliases : must_have)
        if (idx.find_any(aliases) < 0) {
            status_ = Error{missing_column_message(file_name, aliases), ""};
            return;
        }
    status_ = Error{name_ + ": could not find the row of column headings.", ""};
}

bool CsvTableReader::next(CsvRecord& row) {
    if (!found_ || !status_) return false;
    if (!reader_.next(row)) {
        if (!reader_.status()) status_ = reader_.status();
        return false;
    }
    if (reader_.at_end() && !reader_.ends_with_newline() && row.fields.size() < header_.size()) {
        status_ = Error{name_ + ", line " + std::to_string(row.line) + ": the last row has " +
                            std::to_string(row.fields.size()) + " of " + std::to_string(header_.size()) +
                            " values and no line end, so the file looks cut short. Download it again.",
                        ""};
        return false;
    }
    return true;
}

Expected<CsvTable> read_csv_table(std::string_view text, std::string_view file_name,
                                  const std::vector<std::vector<std::string>>& must_have, int max_preamble) {
    CsvTable t;
    CsvTableReader r(text, file_name, must_have, max_preamble);
    CsvRecord row;
    while (r.next(row))
        t.rows.push_back(row);
    if (!r.status()) return r.status().failure();
    t.file = r.file();
    t.header = r.header();
    t.header_line = r.header_line();
    t.preamble_rows = r.preamble_rows();
    t.columns = r.columns();
    t.converted_from_cp1252 = r.converted_from_cp1252();
    return t;
}

std::string csv_field(const CsvRecord& record, int col) {
    if (col < 0 || static_cast<std::size_t>(col) >= record.fields.size()) return {};
    return std::string(trim(record.fields[static_cast<std::size_t>(col)]));
}

std::string csv_escape(std::string_view value, CsvAudience audience) {
    std::string guarded;
    if (audience == CsvAudience::Spreadsheet && !value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
        guarded = "'" + std::string(value);
        value = guarded;
    }
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace hcf::core
