// homecare-finder tests: dataset file names (mirrors src/core/data_file.cpp).
// SPDX-License-Identifier: MIT
#include "core/data_file.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("a dataset file's kind and area come from its name") {
    CHECK(data_file_kind("manifest.json") == DataFileKind::Manifest);
    CHECK(data_file_kind("bundle.bin") == DataFileKind::Startup);
    CHECK(data_file_kind("details/B.bin") == DataFileKind::Details);
    CHECK(data_file_kind("postcodes/HR.txt") == DataFileKind::Postcodes);
    CHECK(data_file_kind("index.html") == DataFileKind::Other);
    CHECK(data_file_kind_key(DataFileKind::Startup) == "startup");
    CHECK(data_file_kind_key(DataFileKind::Postcodes) == "postcodes");
    CHECK(data_file_kind_key(DataFileKind::Other).empty());

    CHECK(details_file_name("B") == "details/B.bin");
    CHECK(unit_file_name("HR") == "postcodes/HR.txt");
    CHECK(data_file_stem("postcodes/HR.txt") == "HR");
    CHECK(data_file_stem("details/none.bin") == "none");
    CHECK(data_file_stem(unit_file_name("WC")) == "WC");
    CHECK(unit_file_name("B13") == "postcodes/B13.txt"); // a district's file, as the web build serves it
    CHECK(data_file_stem("postcodes/EC1A.txt") == "EC1A");
    CHECK(data_file_stem("bundle.bin").empty());
    CHECK(data_file_stem("postcodes/").empty());
}
