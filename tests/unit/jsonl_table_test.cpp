// homecare-finder tests: JSON lines read as a table (mirrors src/core/jsonl_table.cpp).
// SPDX-License-Identifier: MIT
#include "core/jsonl_table.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("read_jsonl_table: keys become columns, null and missing keys are blank") {
    const std::string text = "\xEF\xBB\xBF{\"id\":\"1-1\",\"name\":\"A\",\"phone\":null,\"beds\":0}\n"
                             "\n"
                             "{\"id\":\"RJ1X8\",\"name\":\"B\",\"website\":\"https://b.example\"}\r\n";
    CHECK(looks_like_json_lines(text));
    const Expected<CsvTable> r = read_jsonl_table(text, "x.jsonl");
    INFO(r.error());
    REQUIRE(r.ok());
    const CsvTable& t = *r;
    // Keys in each record's alphabetical order, new keys after (columns are found by name, not position).
    REQUIRE(t.header == std::vector<std::string>{"beds", "id", "name", "phone", "website"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].line == 1);
    CHECK(t.rows[0].fields == std::vector<std::string>{"0", "1-1", "A", "", ""});
    CHECK(t.rows[1].line == 3); // the blank line is skipped but counted
    CHECK(t.rows[1].fields == std::vector<std::string>{"", "RJ1X8", "B", "", "https://b.example"});
    CHECK(t.columns.find("Website") == 4);
}

TEST_CASE("read_jsonl_table refuses a damaged line by number") {
    // Nothing is returned: Expected holds only the Error then.
    const Expected<CsvTable> r = read_jsonl_table("{\"id\":\"1\"}\n{\"id\":\"2\",\"na", "x.jsonl");
    CHECK_FALSE(r.ok());
    CHECK(r.error() == "x.jsonl: line 2 is not a complete record (the file may be cut short or damaged).");
    CHECK_FALSE(read_jsonl_table("[1,2]\n", "x.jsonl").ok());
    CHECK(read_jsonl_table("", "x.jsonl").error() == "x.jsonl: the file has no records.");
    CHECK_FALSE(looks_like_json_lines("Location ID,Name\n"));
}
