// homecare-finder tests: varints, string tables, sections and the HCFD container (mirrors
// src/core/binary_codec.cpp).
// SPDX-License-Identifier: MIT
#include "core/binary_codec.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace hcf::core;

TEST_CASE("varints, zigzags and strings read back as written") {
    ByteWriter w;
    for (const std::uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 40, ~0ull})
        w.varint(v);
    for (const std::int64_t v : {0ll, -1ll, 1ll, -64ll, 64ll, -(1ll << 40)})
        w.zigzag(v);
    w.str("Alpha Home Care");
    w.str("");
    CHECK(std::string_view(w.bytes()).substr(0, 4) == std::string("\x00\x01\x7f\x80", 4));
    ByteReader r(w.bytes());
    for (const std::uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 40, ~0ull})
        CHECK(r.varint() == v);
    for (const std::int64_t v : {0ll, -1ll, 1ll, -64ll, 64ll, -(1ll << 40)})
        CHECK(r.zigzag() == v);
    CHECK(r.str() == "Alpha Home Care");
    CHECK(r.str().empty());
    CHECK(r.ok());
    CHECK(r.at_end());
}

TEST_CASE("a reader refuses what the bytes cannot hold, and the failure sticks") {
    ByteWriter w;
    w.varint(1000); // a string of 1,000 bytes ... that is not there
    ByteReader r(w.bytes());
    CHECK(r.view().empty());
    CHECK_FALSE(r.ok());
    CHECK(r.varint() == 0); // later reads give zero values

    ByteWriter counts;
    counts.varint(50); // 50 items of at least 4 bytes each, in 0 bytes
    ByteReader c(counts.bytes());
    CHECK(c.count(4) == 0);
    CHECK_FALSE(c.ok());

    ByteWriter index;
    index.varint(3);
    ByteReader i(index.bytes());
    CHECK(i.index(3) == 0);
    CHECK_FALSE(i.ok());

    const std::string never_ends(11, '\xff'); // a varint whose bytes all say "more follows"
    ByteReader endless(never_ends);
    CHECK(endless.varint() == 0);
    CHECK_FALSE(endless.ok());
}

TEST_CASE("a string table keeps first-seen order with the empty string first") {
    StringTable t;
    CHECK(t.index("Birmingham") == 1);
    CHECK(t.index("Solihull") == 2);
    CHECK(t.index("Birmingham") == 1);
    CHECK(t.index("") == 0);
    ByteWriter w;
    t.write(w);
    ByteReader r(w.bytes());
    CHECK(read_string_table(r) == std::vector<std::string>{"", "Birmingham", "Solihull"});
    ByteReader empty("\x00");
    CHECK(read_string_table(empty).empty());
    CHECK_FALSE(empty.ok());
}

TEST_CASE("the container is refused when damaged, cut short, extended or of another kind") {
    ByteWriter sections;
    sections.section(1, "meta");
    sections.section(7, "providers");
    const std::string sealed = seal_container(ContainerKind::Bundle, sections.bytes());
    CHECK(sealed.substr(0, 6) == std::string("HCFD\x01\x01", 6));
    const auto payload = open_container(sealed, ContainerKind::Bundle, true);
    REQUIRE(payload.ok());
    const auto found = read_sections(*payload);
    REQUIRE(found.ok());
    CHECK(found->size() == 2);
    CHECK(found->at(7) == "providers");

    CHECK(open_container(sealed, ContainerKind::Details, true).error_detail() == "wrong kind of file");
    CHECK(open_container(sealed + "x", ContainerKind::Bundle, true).error_detail() ==
          "length does not match (cut short or extended)");
    CHECK(open_container("HCFD", ContainerKind::Bundle, true).error_detail() ==
          "not an HCFD file or too short");
    std::string flipped = sealed;
    flipped[14] = static_cast<char>(flipped[14] ^ 1);
    CHECK(open_container(flipped, ContainerKind::Bundle, true).error_detail() == "checksum does not match");
    CHECK(open_container(flipped, ContainerKind::Bundle, false).ok()); // for fuzzing the sections
    std::string newer = sealed;
    newer[4] = 2;
    CHECK(open_container(newer, ContainerKind::Bundle, false).error_detail() == "format version 2");

    ByteWriter twice;
    twice.section(1, "a");
    twice.section(1, "b");
    CHECK(read_sections(twice.bytes()).error_detail() == "section 1 twice");
    CHECK(read_sections(std::string("\x01\x05", 2)).error_detail() == "section table cut short");
}
