// homecare-finder tests: manifest.json — reading, writing, checking files against it (mirrors
// src/core/manifest.cpp). Fixtures: the dataset compiled from tests/data/cqc (fixtures.h), assets/data.
// SPDX-License-Identifier: MIT
#include "core/manifest.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hcf::core;
using hcf::test::find_file;

namespace {

const std::string kDamaged = "The care information file is damaged (bundle.bin). Reload the page; if it "
                             "keeps happening, tell the website owner.";

} // namespace

TEST_CASE("verify_file checks size and SHA-256 against the manifest") {
    const std::vector<DataFile> files = hcf::test::compiled_fixture_files();
    const Expected<Manifest> m = read_manifest(find_file(files, "manifest.json")->bytes);
    REQUIRE(m.ok());
    const std::string pack = hcf::test::read_fixture("cqc/reference/postcodes/B.txt");
    CHECK(verify_file(*m, "postcodes/B.txt", pack).ok());
    const Expected<void> short_pack = verify_file(*m, "postcodes/B.txt", pack.substr(1));
    CHECK_FALSE(short_pack.ok());
    CHECK(short_pack.error() == "The care information file is damaged (postcodes/B.txt). Reload the page; if "
                                "it keeps happening, tell the website owner.");
    std::string same_size = find_file(files, "bundle.bin")->bytes;
    same_size.back() = static_cast<char>(same_size.back() ^ 1);
    const Expected<void> changed = verify_file(*m, "bundle.bin", same_size);
    CHECK_FALSE(changed.ok());
    CHECK(changed.error() == kDamaged);
    const Expected<void> unknown = verify_file(*m, "postcodes/ZZ.txt", pack);
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.error() ==
          "The care information file postcodes/ZZ.txt is not part of this version of the information. "
          "Reload the page; if it keeps happening, tell the website owner.");
    const Expected<Manifest> broken = read_manifest("{not json");
    CHECK_FALSE(broken.ok());
    CHECK(broken.error() ==
          "The care information file is damaged (manifest.json). Reload the page; if it keeps happening, "
          "tell the website owner.");
}

TEST_CASE("a manifest without its file list, or with a file missing its name or SHA-256, is damaged") {
    CHECK_FALSE(read_manifest("{}").ok());
    CHECK_FALSE(read_manifest(R"({"files": {}})").ok());
    CHECK_FALSE(read_manifest(R"({"files": [{"name": "bundle.bin", "sha256": "ab"}]})").ok());
    CHECK_FALSE(read_manifest(R"({"files": [{"sha256": ")" + std::string(64, 'a') + R"("}]})").ok());
    const Expected<Manifest> minimal = read_manifest(
        R"({"files": [{"name": "bundle.bin", "bytes": 5, "sha256": ")" + std::string(64, 'a') + R"("}]})");
    REQUIRE(minimal.ok());
    CHECK(minimal->files.size() == 1);
    CHECK(minimal->files[0].bytes == 5);
    CHECK(minimal->dataset_version.empty());
    CHECK_FALSE(minimal->updated_in_browser.updated);
}

TEST_CASE("every field of the manifest round-trips: write(read(text)) is the text") {
    const std::vector<DataFile> files = hcf::test::compiled_fixture_files();
    const std::string& text = find_file(files, "manifest.json")->bytes;
    const Expected<Manifest> m = read_manifest(text);
    REQUIRE(m.ok());
    CHECK(write_manifest(*m) == text);
    CHECK(m->format == "homecare-finder dataset manifest");
    CHECK(m->format_version == 1);
    CHECK(m->counts.rows_in == 19);
    CHECK(m->counts.placed_by_unit_postcode == 4);
    REQUIRE(m->cqc_files.size() == 3);
    CHECK(m->cqc_files[0].rows > 0);
    CHECK(m->postcodes.areas_left_out == std::vector<std::string>{"EH"});
    CHECK_FALSE(m->postcodes.note.empty());

    SECTION("the committed dataset's manifest too") {
        const std::string committed = hcf::test::read_repo_file("assets/data/manifest.json");
        const Expected<Manifest> c = read_manifest(committed);
        REQUIRE(c.ok());
        CHECK(write_manifest(*c) == committed);
    }
    SECTION("with the browser's update marker") {
        Manifest updated = *m;
        updated.updated_in_browser = {true, "2026-10-02", {"a.csv", "b.csv"}};
        const Expected<Manifest> back = read_manifest(write_manifest(updated));
        REQUIRE(back.ok());
        CHECK(back->updated_in_browser.updated);
        CHECK(back->updated_in_browser.on == "2026-10-02");
        CHECK(back->updated_in_browser.files == std::vector<std::string>{"a.csv", "b.csv"});
        CHECK(write_manifest(*back) == write_manifest(updated));
    }
}
