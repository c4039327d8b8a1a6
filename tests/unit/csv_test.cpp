// homecare-finder tests: the RFC 4180 CSV reader and header lookup (mirrors src/core/csv.cpp).
// SPDX-License-Identifier: MIT
#include "core/csv.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hcf::core;

TEST_CASE("parse_csv reads quoted fields, doubled quotes, embedded commas and newlines") {
    const std::string text = "id,name,address\n"
                             "1-1,\"Smith, Jones & Co\",\"Flat 2\n10 High St\"\n"
                             "1-2,\"The \"\"Best\"\" Care\",\n";
    const Expected<CsvParse> p = parse_csv(text, "a.csv");
    REQUIRE(p.ok());
    REQUIRE(p->records.size() == 3);
    CHECK(p->records[0].line == 1);
    CHECK(p->records[1].fields == std::vector<std::string>{"1-1", "Smith, Jones & Co", "Flat 2\n10 High St"});
    CHECK(p->records[1].line == 2);
    // The record after a two-line quoted value starts on physical line 4.
    CHECK(p->records[2].line == 4);
    CHECK(p->records[2].fields == std::vector<std::string>{"1-2", "The \"Best\" Care", ""});
    CHECK(p->ends_with_newline);
}

TEST_CASE("parse_csv strips a UTF-8 byte order mark and accepts CRLF, LF and CR line ends") {
    const Expected<CsvParse> p = parse_csv("\xEF\xBB\xBF"
                                           "a,b\r\n1,2\r\n3,4\n5,6\r7,8",
                                           "bom.csv");
    REQUIRE(p.ok());
    CHECK(p->had_bom);
    REQUIRE(p->records.size() == 5);
    CHECK(p->records[0].fields[0] == "a"); // not "\xEF\xBB\xBFa"
    CHECK(p->records[4].fields == std::vector<std::string>{"7", "8"});
    CHECK(p->records[4].line == 5);
    CHECK_FALSE(p->ends_with_newline);
}

TEST_CASE("parse_csv skips blank lines but keeps counting them") {
    const Expected<CsvParse> p = parse_csv("a,b\n\n\n1,2\n", "x.csv");
    REQUIRE(p.ok());
    REQUIRE(p->records.size() == 2);
    CHECK(p->records[1].line == 4);
}

TEST_CASE("parse_csv keeps ragged rows for the caller to report") {
    const Expected<CsvParse> p = parse_csv("a,b,c\n1,2\n1,2,3,4\n", "r.csv");
    REQUIRE(p.ok());
    CHECK(p->records[1].fields.size() == 2);
    CHECK(p->records[2].fields.size() == 4);
}

TEST_CASE("parse_csv: a trailing comma is an empty last field") {
    const Expected<CsvParse> p = parse_csv("a,b,", "t.csv");
    REQUIRE(p.ok());
    CHECK(p->records[0].fields == std::vector<std::string>{"a", "b", ""});
}

TEST_CASE("parse_csv refuses files that cannot be CSV, naming file and line") {
    SECTION("an unclosed quote (a cut-short file)") {
        const Expected<CsvParse> p = parse_csv("a,b\n1,2\n3,\"never closed\n4,5\n", "cut.csv");
        CHECK_FALSE(p.ok());
        CHECK(p.error() ==
              "cut.csv, line 3: a quoted value starts here and is never closed, so the file looks "
              "cut short or damaged.");
        // The streaming reader says the same, and the line as a number.
        CsvReader reader("a,b\n1,2\n3,\"never closed\n4,5\n", "cut.csv");
        CsvRecord rec;
        while (reader.next(rec)) {
        }
        CHECK_FALSE(reader.status().ok());
        CHECK(reader.status().error() == p.error());
        CHECK(reader.error_line() == 3);
    }
    SECTION("binary data") {
        const Expected<CsvParse> p = parse_csv(std::string("a,b\n1,\0\n", 8), "bin.csv");
        CHECK_FALSE(p.ok());
        CHECK(p.error() ==
              "bin.csv, line 2: the file contains binary data, so it is damaged or is not a CSV file.");
    }
    SECTION("a spreadsheet") {
        const Expected<CsvParse> p = parse_csv(std::string("PK\x03\x04rest", 8), "HSCA.ods");
        CHECK_FALSE(p.ok());
        CHECK(p.error() ==
              "HSCA.ods is a spreadsheet (.ods or .xlsx), not a CSV file. Open it in a spreadsheet "
              "program and save it as \"CSV UTF-8\", then try again.");
    }
    SECTION("UTF-16") {
        const Expected<CsvParse> p = parse_csv(std::string("\xFF\xFE"
                                                           "a\0",
                                                           4),
                                               "u16.csv");
        CHECK_FALSE(p.ok());
        CHECK(p.error() == "u16.csv is saved as UTF-16 text. Save it as \"CSV UTF-8\" and try again.");
    }
}

TEST_CASE("parse_csv reads Windows-1252 text (as Excel saves it) into UTF-8") {
    const Expected<CsvParse> p = parse_csv("name\nCaf\xE9 \x93"
                                           "Care\x94\n",
                                           "cp.csv");
    REQUIRE(p.ok());
    CHECK(p->converted_from_cp1252);
    CHECK(p->records[1].fields[0] == "Caf\xC3\xA9 \xE2\x80\x9C"
                                     "Care\xE2\x80\x9D");
}

TEST_CASE("header_key ignores case, spaces and punctuation") {
    CHECK(header_key("Service's website (if available)") == "serviceswebsiteifavailable");
    CHECK(header_key("Location ID") == header_key("location_id"));
    CHECK(header_key(" LOCATION  ID ") == "locationid");
}

TEST_CASE("ColumnIndex finds columns by any alias, in any order") {
    const ColumnIndex idx({"Postcode", "Location ID", "Name"});
    CHECK(idx.find("location id") == 1);
    CHECK(idx.find_any({"CQC Location ID (for office use only)", "Location ID"}) == 1);
    CHECK(idx.find_any({"Phone number", "phone"}) == -1);
}

TEST_CASE("read_csv_table finds the header after a title preamble") {
    const std::string text =
        "Care directory\n\nData as at 1 September 2026\n\nName,CQC Location ID (for office use "
        "only),Postcode\nAcme Care,1-100,B1 1AA\n";
    const Expected<CsvTable> r =
        read_csv_table(text, "dir.csv", {{"Location ID", "CQC Location ID (for office use only)"}});
    REQUIRE(r.ok());
    CHECK(r->header_line == 5);
    CHECK(r->preamble_rows == 2);
    REQUIRE(r->rows.size() == 1);
    CHECK(r->rows[0].line == 6);
    CHECK(csv_field(r->rows[0], r->columns.find("postcode")) == "B1 1AA");
}

TEST_CASE("read_csv_table names a missing required column and the file") {
    const Expected<CsvTable> r = read_csv_table("Name,Postcode\nA,B1 1AA\n", "dir.csv",
                                                {{"Service types", "service_types"}, {"Name"}});
    CHECK_FALSE(r.ok());
    CHECK(r.error() == "dir.csv: the column \"Service types\" is missing (also looked for: service_types).");
}

TEST_CASE("read_csv_table: a short last row without a line end means the file was cut short") {
    const Expected<CsvTable> r = read_csv_table("a,b,c\n1,2,3\n4,5", "short.csv");
    CHECK_FALSE(r.ok());
    CHECK(r.error() ==
          "short.csv, line 3: the last row has 2 of 3 values and no line end, so the file looks cut "
          "short. Download it again.");
    // The same row with a line end is a ragged row for the caller to report, not a broken file.
    const Expected<CsvTable> ok = read_csv_table("a,b,c\n1,2,3\n4,5\n", "short.csv");
    CHECK(ok.ok());
}

TEST_CASE("csv_field trims and tolerates short rows; csv_escape quotes when needed") {
    CsvRecord r;
    r.fields = {" a ", "b"};
    CHECK(csv_field(r, 0) == "a");
    CHECK(csv_field(r, 5).empty());
    CHECK(csv_field(r, -1).empty());
    CHECK(csv_escape("plain") == "plain");
    CHECK(csv_escape("a,\"b\"") == "\"a,\"\"b\"\"\"");
    // For a spreadsheet, a value that would run as a formula is written as text.
    CHECK(csv_escape("=1+1", CsvAudience::Spreadsheet) == "'=1+1");
    CHECK(csv_escape("-3,4", CsvAudience::Spreadsheet) == "\"'-3,4\"");
    CHECK(csv_escape("=1+1") == "=1+1");
    CHECK(csv_escape("", CsvAudience::Spreadsheet).empty());
}

TEST_CASE("CsvReader streams the same records as parse_csv, one at a time") {
    const std::string text = "\xEF\xBB\xBFid,name\r\n1,\"A, B\"\r\n\r\n2,\"two\nlines\"\r\n3,C";
    const Expected<CsvParse> all = parse_csv(text, "s.csv");
    REQUIRE(all.ok());
    CsvReader reader(text, "s.csv");
    CsvRecord rec;
    std::size_t i = 0;
    while (reader.next(rec)) {
        REQUIRE(i < all->records.size());
        CHECK(rec.fields == all->records[i].fields);
        CHECK(rec.line == all->records[i].line);
        ++i;
    }
    CHECK(reader.status().ok());
    CHECK(reader.error_line() == 0);
    CHECK(reader.at_end());
    CHECK(i == 4);
    CHECK(all->records[3].line == 6);
}

TEST_CASE("CsvTableReader streams data rows after the header and stops at a cut-short end") {
    CsvTableReader r("Title\nLocation ID,Name\n1-1,A\n1-2", "t.csv", {{"Location ID"}, {"Name"}});
    REQUIRE(r.status().ok());
    CHECK(r.header_line() == 2);
    CHECK(r.preamble_rows() == 1);
    CsvRecord row;
    REQUIRE(r.next(row));
    CHECK(row.fields == std::vector<std::string>{"1-1", "A"});
    CHECK_FALSE(r.next(row));
    CHECK_FALSE(r.status().ok());
    CHECK(r.status().error() ==
          "t.csv, line 4: the last row has 1 of 2 values and no line end, so the file looks cut short. "
          "Download it again.");
}

namespace {
std::string csv_spreadsheet(std::string_view value) {
    return csv_escape(value, CsvAudience::Spreadsheet);
}
} // namespace

TEST_CASE("CSV fields follow RFC 4180 and never run as formulas") {
    CHECK(csv_spreadsheet("plain") == "plain");
    CHECK(csv_spreadsheet("") == "");
    CHECK(csv_spreadsheet("a,b") == "\"a,b\"");
    CHECK(csv_spreadsheet("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_spreadsheet("two\nlines") == "\"two\nlines\"");
    CHECK(csv_spreadsheet("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv_spreadsheet("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_spreadsheet("+44 121") == "'+44 121");
    CHECK(csv_spreadsheet("-1") == "'-1");
    CHECK(csv_spreadsheet("@cmd") == "'@cmd");
    CHECK(csv_spreadsheet("=1,2") == "\"'=1,2\"");
}
