// homecare-finder core: RFC 4180 CSV reader, header lookup by name, and file sanity checks.
// Depends on: core/csv.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/csv.h"

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

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return std::string(s.substr(b, e - b));
}

} // namespace

CsvParse parse_csv(std::string_view input, std::string_view file_name) {
    CsvParse out;
    const std::string name = display_name(file_name);
    if (input.size() >= 4 && input.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        out.error = name +
                    " is a spreadsheet (.ods or .xlsx), not a CSV file. Open it in a spreadsheet program "
                    "and save it as \"CSV UTF-8\", then try again.";
        out.error_line = 1;
        return out;
    }
    if (input.size() >= 2 &&
        ((static_cast<unsigned char>(input[0]) == 0xFF && static_cast<unsigned char>(input[1]) == 0xFE) ||
         (static_cast<unsigned char>(input[0]) == 0xFE && static_cast<unsigned char>(input[1]) == 0xFF))) {
        out.error = name + " is saved as UTF-16 text. Save it as \"CSV UTF-8\" and try again.";
        out.error_line = 1;
        return out;
    }
    if (const auto nul = input.find('\0'); nul != std::string_view::npos) {
        out.error_line = line_of_offset(input, nul);
        out.error = name + ", line " + std::to_string(out.error_line) +
                    ": the file contains binary data, so it is damaged or is not a CSV file.";
        return out;
    }
    std::string converted;
    std::string_view text = input;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        out.had_bom = true;
        text.remove_prefix(3);
    }
    if (!valid_utf8(text)) {
        converted = cp1252_to_utf8(text);
        text = converted;
        out.converted_from_cp1252 = true;
    }
    out.ends_with_newline = !text.empty() && (text.back() == '\n' || text.back() == '\r');

    int line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        bool any_quoted = false;
        std::string field;
        bool record_done = false;
        while (!record_done) {
            field.clear();
            if (i < n && text[i] == '"') {
                any_quoted = true;
                const int quote_line = line;
                ++i;
                bool closed = false;
                while (i < n) {
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
                    if (c == '\n')
                        ++line;
                    else if (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))
                        ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    out.error_line = quote_line;
                    out.error = name + ", line " + std::to_string(quote_line) +
                                ": a quoted value starts here and is never closed, so the file looks cut "
                                "short or damaged.";
                    out.records.clear();
                    return out;
                }
                // Lenient: characters between a closing quote and the next comma are kept.
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    field += text[i++];
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    field += text[i++];
            }
            rec.fields.push_back(field);
            if (i >= n) {
                record_done = true;
            } else if (text[i] == ',') {
                ++i; // a comma at the very end of the text gives one more, empty, field on the next pass
            } else { // line end
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                record_done = true;
            }
        }
        if (!is_blank_record(rec, any_quoted)) out.records.push_back(std::move(rec));
    }
    out.ok = true;
    return out;
}

std::string header_key(std::string_view header) {
    std::string k;
    k.reserve(header.size());
    for (char c : header) {
        if (c >= 'A' && c <= 'Z')
            k += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            k += c;
    }
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

CsvTableRead read_csv_table(std::string_view text, std::string_view file_name,
                            const std::vector<std::vector<std::string>>& must_have, int max_preamble) {
    CsvTableRead out;
    const std::string name = display_name(file_name);
    CsvParse p = parse_csv(text, file_name);
    if (!p.ok) {
        out.error = p.error;
        return out;
    }
    if (p.records.empty()) {
        out.error = name + " is empty.";
        return out;
    }
    std::size_t header_at = p.records.size();
    const std::size_t limit = std::min(p.records.size(), static_cast<std::size_t>(max_preamble) + 1);
    for (std::size_t r = 0; r < limit && header_at == p.records.size(); ++r) {
        const ColumnIndex idx(p.records[r].fields);
        bool all = true;
        for (const auto& aliases : must_have)
            if (idx.find_any(aliases) < 0) all = false;
        if (all) header_at = r;
    }
    if (header_at == p.records.size()) {
        // Name the first required column the first row lacks: the likeliest cause.
        const ColumnIndex first(p.records[0].fields);
        for (const auto& aliases : must_have)
            if (first.find_any(aliases) < 0) {
                out.error = missing_column_message(file_name, aliases);
                return out;
            }
        out.error = name + ": could not find the row of column headings.";
        return out;
    }
    CsvTable& t = out.table;
    t.file = std::string(file_name);
    t.header = p.records[header_at].fields;
    for (auto& h : t.header)
        h = trim(h);
    t.header_line = p.records[header_at].line;
    t.preamble_rows = static_cast<int>(header_at);
    t.columns = ColumnIndex(t.header);
    t.converted_from_cp1252 = p.converted_from_cp1252;
    t.rows.assign(std::make_move_iterator(p.records.begin() + static_cast<std::ptrdiff_t>(header_at) + 1),
                  std::make_move_iterator(p.records.end()));
    if (!t.rows.empty() && !p.ends_with_newline && t.rows.back().fields.size() < t.header.size()) {
        out.error = name + ", line " + std::to_string(t.rows.back().line) + ": the last row has " +
                    std::to_string(t.rows.back().fields.size()) + " of " + std::to_string(t.header.size()) +
                    " values and no line end, so the file looks cut short. Download it again.";
        out.table = CsvTable{};
        return out;
    }
    out.ok = true;
    return out;
}

std::string csv_field(const CsvRecord& record, int col) {
    if (col < 0 || static_cast<std::size_t>(col) >= record.fields.size()) return {};
    return trim(record.fields[static_cast<std::size_t>(col)]);
}

std::string csv_escape(std::string_view value) {
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
