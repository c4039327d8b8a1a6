// homecare-finder tests: reading CQC files into providers (mirrors src/core/cqc_import.cpp).
// Fixtures in tests/data/cqc/ are small hand-written files in the official CQC layouts; every expected
// value below can be checked by reading them.
// SPDX-License-Identifier: MIT
#include "core/cqc_import.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace hcf::core;

namespace {

std::string read_fixture(const std::string& name) {
    std::ifstream f(std::string(HCF_TEST_DATA_DIR) + "/cqc/" + name, std::ios::binary);
    REQUIRE(f.good());
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

CqcInput fixture(const std::string& name, CqcRole role = CqcRole::Auto) {
    CqcInput in;
    in.name = name;
    in.text = read_fixture(name);
    in.role = role;
    return in;
}

// B1, B13, B14 with real ONS centroids; unit postcodes B13 9AA, B13 9AB, B14 7AA only.
Geography test_geography() {
    Geography g;
    g.set_districts({{"B1", "B", {52.47961, -1.90783}, 738},
                     {"B13", "B", {52.43484, -1.88285}, 1129},
                     {"B14", "B", {52.41883, -1.89029}, 1038}});
    g.set_sectors({{"B1 1", "B1", {52.47607, -1.90357}, 279},
                   {"B13 9", "B13", {52.44009, -1.87702}, 372},
                   {"B14 7", "B14", {52.43203, -1.89408}, 267}});
    REQUIRE(g.add_unit_pack(
        "B", "#B13,524348,-18828\n9AA,123,-11\n9AB,136,-4\n#B14,524188,-18903\n7AA,174,-13\n"));
    return g;
}

const Provider* by_id(const CqcImport& r, const std::string& id) {
    for (const auto& p : r.providers)
        if (p.location_id == id) return &p;
    return nullptr;
}

const RowIssue* issue(const std::vector<RowIssue>& v, const std::string& file, int line) {
    for (const auto& i : v)
        if (i.file == file && i.line == line) return &i;
    return nullptr;
}

const std::string kDir = "01_September_2026_CQC_directory.csv";
const std::string kLoc = "01_September_2026_HSCA_Active_Locations.csv";
const std::string kOld = "cqc_sample_locations_2025-08-01.csv";

} // namespace

TEST_CASE("import_cqc joins, filters and geocodes the three fixture files") {
    const Geography geo = test_geography();
    const Expected<CqcImport> imported = import_cqc({fixture(kDir), fixture(kLoc), fixture(kOld)}, geo);
    INFO(imported.error());
    REQUIRE(imported.ok());
    const CqcImport& r = *imported;

    SECTION("files: roles and editions from the columns and the file names; header after the title lines") {
        REQUIRE(r.files.size() == 3);
        CHECK(r.files[0].role == "directory");
        CHECK(r.files[0].edition == "2026-09-01");
        CHECK(r.files[0].header_line == 5);
        CHECK(r.files[0].rows == 8);
        CHECK(r.files[0].rows_used == 3);
        CHECK(r.files[1].role == "locations");
        CHECK(r.files[1].edition == "2026-09-01");
        CHECK(r.files[1].rows == 7);
        CHECK(r.files[1].rows_used == 5);
        CHECK(r.files[2].role == "locations");
        CHECK(r.files[2].edition == "2025-08-01");
        CHECK(r.files[2].rows_used == 3);
        CHECK(r.newest_edition == "2026-09-01");
    }

    SECTION("counts: every row is used or excluded with a reason") {
        CHECK(r.rows_in == 19);
        CHECK(r.rows_used == 11);
        CHECK(r.excluded.size() == 8);
        CHECK(r.rows_in == r.rows_used + static_cast<int>(r.excluded.size()));
        CHECK(r.dormant_dropped == 1);
        CHECK(r.excluded_by_reason.at("dormant") == 2); // the directory row and the register row
        CHECK(r.excluded_by_reason.at("not_home_care") == 2);
        CHECK(r.excluded_by_reason.at("duplicate_id") == 1);
        CHECK(r.excluded_by_reason.at("malformed_row") == 1);
        CHECK(r.excluded_by_reason.at("missing_location_id") == 1);
        CHECK(r.excluded_by_reason.at("superseded") == 1);
        REQUIRE(r.providers.size() == 10);
    }

    SECTION("each rejected row names its file, line and reason") {
        const RowIssue* dup = issue(r.excluded, kDir, 9);
        REQUIRE(dup);
        CHECK(dup->reason_key == "duplicate_id");
        CHECK(dup->location_id == "1-101");
        CHECK(dup->reason == "The location id 1-101 appears again (first on line 6); this row was not used.");
        const RowIssue* bad = issue(r.excluded, kDir, 11);
        REQUIRE(bad);
        CHECK(bad->reason == "This row has 4 values but the header has 15, so it was not used.");
        // (each found before it is read: a missing one fails here, not as a crash)
        const auto reason_at = [&](const std::string& file, int line) {
            const RowIssue* i = issue(r.excluded, file, line);
            REQUIRE(i);
            return i->reason_key;
        };
        CHECK(reason_at(kDir, 12) == "missing_location_id");
        CHECK(reason_at(kDir, 8) == "not_home_care"); // Beta Care Home
        CHECK(reason_at(kDir, 14) == "dormant");
        CHECK(reason_at(kLoc, 3) == "dormant");
        CHECK(reason_at(kLoc, 8) == "not_home_care"); // Kappa: care home only
        const RowIssue* old = issue(r.excluded, kOld, 2);
        REQUIRE(old);
        CHECK(old->reason ==
              "A newer CQC edition (2026-09-01) has this location; this older row was not used.");
    }

    SECTION("sorted by name") {
        std::vector<std::string> names;
        for (const auto& p : r.providers)
            names.push_back(p.name);
        CHECK(names == std::vector<std::string>{"Alpha Home Care", "Delta Care", "Eta Care", "Gamma Care",
                                                "Iota Care", "Lambda Care", "Mu Care", "Nu Care",
                                                "Theta Care", "Zeta Care"});
    }

    SECTION("a directory row and a register row are joined on the location id") {
        const Provider* a = by_id(r, "1-101");
        REQUIRE(a);
        CHECK(a->address == "Unit 2, 10 High Street Moseley"); // the directory's (a two-line quoted cell)
        CHECK(a->phone == "0121 496 0000");                    // the directory's
        CHECK(a->website == "https://alpha.example");
        CHECK(a->postcode == "B13 9AB");
        CHECK(a->provider_id == "1-900");
        CHECK(a->provider_name == "Alpha Ltd");
        CHECK(a->brand == "Alpha Group"); // "BRAND " prefix removed
        CHECK(a->ownership == "Organisation");
        CHECK(a->overall == Rating::RequiresImprovement);
        CHECK(a->rating_text == "Requires Improvement");
        CHECK(a->rating_in_data);
        CHECK_FALSE(a->key_questions_in_data); // HSCA Active Locations has no key-question columns
        CHECK(a->rating_date == "2025-06-26");
        CHECK(a->registered_date == "2015-02-01");
        CHECK(a->service_types == (ServiceHomecare | ServiceSupportedLiving));
        CHECK(a->needs == (NeedDementia | NeedOlderPeople));
        CHECK(a->specialisms == std::vector<std::string>{"Dementia", "Caring for adults over 65 yrs"});
        CHECK(a->precision == GeoPrecision::Unit);
        CHECK(a->location.lat == Approx(52.4484).margin(1e-9));
        CHECK(a->location.lng == Approx(-1.8832).margin(1e-9));
        CHECK(a->local_authority == "Birmingham");
        CHECK(a->region == "West Midlands");
        CHECK(a->cqc_url == "https://www.cqc.org.uk/location/1-101");
        CHECK(a->data_date == "2026-09-01");
        CHECK(a->source == kLoc + " + " + kDir);
    }

    SECTION("register-only rows: one-hot columns, upper-case rating, address from its parts") {
        const Provider* z = by_id(r, "1-202");
        REQUIRE(z);
        CHECK(z->name == "Zeta Care"); // the 2026 row, not the superseded 2025 one
        CHECK(z->overall == Rating::Good);
        CHECK(z->rating_date == "2024-01-05");
        CHECK(z->registered_date == "2012-03-13");
        CHECK(z->address == "5 Zeta Road, Kings Heath, Birmingham");
        CHECK(z->brand.empty()); // "-" means none
        CHECK(z->needs == (NeedDementia | NeedOlderPeople | NeedYoungerAdults));
        CHECK(z->specialisms == std::vector<std::string>{"Dementia", "Older People", "Younger Adults"});
        CHECK(z->postcode == "B14 7AA");
        CHECK(z->precision == GeoPrecision::Unit);
        CHECK(z->location.lat == Approx(52.4362).margin(1e-9));
        CHECK(z->location.lng == Approx(-1.8916).margin(1e-9));
        CHECK(z->ownership == "Individual");
    }

    SECTION("ratings: blank is not yet rated; CQC's other wordings are kept as written") {
        const Provider* eta = by_id(r, "1-203");
        REQUIRE(eta);
        CHECK(eta->overall == Rating::NotRated);
        CHECK(eta->rating_text.empty());
        CHECK(eta->rating_in_data);
        const Provider* theta = by_id(r, "1-204");
        CHECK(theta->overall == Rating::NotRated);
        CHECK(theta->rating_text == "Inspected but not rated");
        const Provider* iota = by_id(r, "1-205");
        CHECK(iota->overall == Rating::NotRated);
        CHECK(iota->rating_text == "Excellent");
        const RowIssue* w = issue(r.warnings, kLoc, 7);
        REQUIRE(w);
        CHECK(w->reason == "The rating \"Excellent\" is not one CQC uses; it is shown as not rated.");
        CHECK(r.warnings_by_reason.at("rating_unrecognised") == 1);
    }

    SECTION("directory-only rows have no rating in the data (not 'not yet rated')") {
        const Provider* g = by_id(r, "1-104");
        REQUIRE(g);
        CHECK_FALSE(g->rating_in_data);
        CHECK(g->address == "3 \"The\" Parade");
        CHECK(g->cqc_url == "https://www.cqc.org.uk/location/1-104"); // a non-CQC link is not trusted
        CHECK(g->needs == (NeedPhysicalDisability | NeedSensoryImpairment));
    }

    SECTION("the older samples layout: month-first dates, key questions, ADASS region, mixed-case rating") {
        const Provider* l = by_id(r, "1-301");
        REQUIRE(l);
        CHECK(l->overall == Rating::RequiresImprovement);
        CHECK(l->rating_date == "2019-04-26");
        CHECK(l->key_questions_in_data);
        CHECK(l->key_questions.safe == Rating::Good);
        CHECK(l->key_questions.effective == Rating::RequiresImprovement);
        CHECK(l->key_questions.caring == Rating::Outstanding);
        CHECK(l->key_questions.responsive == Rating::Good);
        CHECK(l->key_questions.well_led == Rating::Inadequate);
        CHECK(l->region == "West Midlands");
        CHECK(l->brand == "Lambda");
        CHECK(l->needs == (NeedOlderPeople | NeedLearningDisability | NeedAutism));
        CHECK(l->data_date == "2025-08-01");
        CHECK(by_id(r, "1-302")->rating_date == "2011-11-01"); // 11/1/2011, month first like 4/26/2019
    }

    SECTION("postcodes: unit, else sector, else district; unknown ones are kept but not placed") {
        CHECK(r.by_precision[static_cast<int>(GeoPrecision::Unit)] == 4);     // Alpha, Eta, Zeta, Lambda
        CHECK(r.by_precision[static_cast<int>(GeoPrecision::Sector)] == 3);   // Gamma, Theta, Iota
        CHECK(r.by_precision[static_cast<int>(GeoPrecision::District)] == 1); // Mu (B14 9ZZ)
        CHECK(r.by_precision[static_cast<int>(GeoPrecision::None)] == 2);     // Delta (B98), Nu (none)
        const Provider* g = by_id(r, "1-104");
        CHECK(g->precision == GeoPrecision::Sector);
        CHECK(g->location.lat == Approx(52.4401).margin(1e-9)); // 52.44009, to the nearest 1e-4
        const Provider* mu = by_id(r, "1-302");
        CHECK(mu->precision == GeoPrecision::District);
        CHECK(mu->location.lng == Approx(-1.8903).margin(1e-9)); // -1.89029
        const Provider* d = by_id(r, "1-106");
        CHECK(d->precision == GeoPrecision::None);
        CHECK(d->postcode == "B98 1AA");
        CHECK(
            issue(r.warnings, kDir, 13)->reason ==
            "The postcode B98 1AA is not in the postcode lists, so this agency cannot be placed on the map.");
        CHECK(issue(r.warnings, kOld, 5)->reason_key == "postcode_missing");
        CHECK(issue(r.warnings, kDir, 10)->reason ==
              "The postcode B13 9ZZ is not in the ONS list (new or ended?); "
              "placed at the middle of its sector instead.");
        CHECK(r.warnings_by_reason.at("postcode_not_in_list") == 4); // Gamma, Theta, Iota, Mu
        CHECK(r.warnings_by_reason.at("postcode_unknown") == 1);
        CHECK(r.unmapped_terms.at("Acquired brain injury") == 1);
    }

    SECTION("a phone number that lost its leading 0 in a spreadsheet is repaired and reported") {
        CHECK(r.warnings_by_reason.at("phone_leading_zero_added") == 1);
    }
}

TEST_CASE("import_cqc: a missing required column stops the build, naming the column and the file") {
    // A failed import gives no agencies: Expected holds only the Error then.
    const Expected<CqcImport> r = import_cqc({fixture("missing_postcode.csv")}, test_geography());
    CHECK_FALSE(r.ok());
    CHECK(r.error() ==
          "missing_postcode.csv: the column \"Location Postal Code\" is missing (also looked for: "
          "Postcode, Location Post Code, Location Postcode).");
}

TEST_CASE("import_cqc: a cut-short file stops the build, naming the file and line") {
    CqcInput cut = fixture("truncated_locations.csv");
    cut.edition = "2026-09-01";
    const Expected<CqcImport> r = import_cqc({fixture(kDir), cut}, test_geography());
    CHECK_FALSE(r.ok());
    CHECK(r.error() ==
          "truncated_locations.csv, line 5: the last row has 5 of 22 values and no line end, so the file "
          "looks cut short. Download it again.");
    CqcInput q = fixture("unclosed_quote_directory.csv");
    q.edition = "2026-09-01";
    const Expected<CqcImport> r2 = import_cqc({q}, test_geography());
    CHECK_FALSE(r2.ok());
    CHECK(r2.error() ==
          "unclosed_quote_directory.csv, line 3: a quoted value starts here and is never closed, so the "
          "file looks cut short or damaged.");
}

TEST_CASE("import_cqc: a file with no date anywhere asks for one") {
    CqcInput in;
    in.name = "export.csv";
    in.text =
        "Location ID,Location Name,Location Postal Code,Service types\n1-1,A,B13 9AB,Homecare agencies\n";
    const Expected<CqcImport> r = import_cqc({in}, test_geography());
    CHECK_FALSE(r.ok());
    CHECK(r.error() ==
          "export.csv: could not tell which CQC edition (date) this file is. Give the date, for example "
          "--edition 2026-09-01, or keep CQC's file name (it starts with the date).");
    in.edition = "2026-09-01";
    const Expected<CqcImport> ok = import_cqc({in}, test_geography());
    REQUIRE(ok.ok());
    CHECK(ok->providers.size() == 1);
    CHECK_FALSE(ok->providers[0].rating_in_data); // Auto: no rating columns -> a directory file
}

// ---- London: CareGist's JSON-lines copy of CQC's register ----------------------------------------------
// tests/data/cqc/london/homecare_london_10.jsonl: 10 records copied unchanged from
// assets/sources/cqc/london/homecare_london.jsonl. Every expected value below was read off those lines.

namespace {

// The districts of the 10 records, with their real ONS centres (assets/sources/postcode_districts.csv); no
// unit postcodes, so every agency is placed at its district.
Geography london_geography() {
    Geography g;
    g.set_districts({{"CR0", "CR", {51.37327, -0.07873}, 2923},
                     {"E17", "E", {51.58638, -0.02011}, 2760},
                     {"EN1", "EN", {51.65326, -0.0706}, 1703},
                     {"EN3", "EN", {51.65794, -0.04146}, 1450},
                     {"IG2", "IG", {51.57331, 0.07945}, 657},
                     {"N14", "N", {51.6333, -0.12997}, 1171},
                     {"NW1", "NW", {51.53232, -0.14275}, 3496},
                     {"SE1", "SE", {51.49821, -0.09033}, 3677}});
    return g;
}

CqcInput london_fixture(std::string edition = "2026-06-30") {
    CqcInput in;
    in.name = "homecare_london_10.jsonl";
    in.text = read_fixture("london/homecare_london_10.jsonl");
    in.edition = std::move(edition);
    in.source_id = "cqc_london";
    return in;
}

} // namespace

TEST_CASE("import_cqc reads the London JSON-lines layout by its field names") {
    const Expected<CqcImport> imported = import_cqc({london_fixture()}, london_geography());
    INFO(imported.error());
    REQUIRE(imported.ok());
    const CqcImport& r = *imported;
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].role == "locations"); // it has ratings
    CHECK(r.files[0].rows == 10);
    CHECK(r.files[0].rows_used == 10);
    REQUIRE(r.providers.size() == 10);
    CHECK(r.unmapped_terms.empty()); // CareGist's title case maps onto the search's needs
    CHECK(r.by_precision[static_cast<std::size_t>(GeoPrecision::District)] == 10);

    SECTION("an NHS trust's location code, with all five key questions") {
        const Provider* p = by_id(r, "RJ1X8");
        REQUIRE(p);
        CHECK(p->name == "Guy's and St Thomas' NHS Foundation Trust Adult Community Services");
        CHECK(p->address == "200 Great Dover Street, St Thomas' Hospital, Westminster Bridge Road, London");
        CHECK(p->postcode == "SE1 4YB");
        CHECK(p->phone == "02071 885368");
        CHECK(p->website == "https://www.guysandstthomas.nhs.uk");
        CHECK(p->local_authority == "Southwark");
        CHECK(p->cqc_url == "https://www.cqc.org.uk/location/RJ1X8");
        CHECK(p->overall == Rating::Good);
        CHECK(p->rating_in_data);
        CHECK(p->rating_date.empty()); // the copy gives no publication date
        CHECK(p->last_inspected == "2022-09-22");
        REQUIRE(p->key_questions_in_data);
        CHECK(p->key_questions.safe == Rating::RequiresImprovement);
        CHECK(p->key_questions.effective == Rating::Good);
        CHECK(p->key_questions.caring == Rating::Outstanding);
        CHECK(p->key_questions.responsive == Rating::Good);
        CHECK(p->key_questions.well_led == Rating::Outstanding);
        CHECK(p->needs == (NeedOlderPeople | NeedYoungerAdults));
        CHECK(p->service_types == ServiceHomecare);
        CHECK(p->source == "cqc_london");
        CHECK(p->data_date == "2026-06-30");
    }
    SECTION("\"Not Yet Inspected\" in this copy means no rating in it, never \"not yet rated\"") {
        const Provider* p = by_id(r, "1-10023053398");
        REQUIRE(p);
        CHECK_FALSE(p->rating_in_data);
        CHECK(p->rating_text.empty());
        CHECK_FALSE(p->key_questions_in_data);
        CHECK(p->last_inspected == "2022-04-08");
        CHECK(p->needs ==
              (NeedOlderPeople | NeedYoungerAdults | NeedChildren | NeedDementia | NeedLearningDisability |
               NeedMentalHealth | NeedPhysicalDisability | NeedSensoryImpairment));
    }
    SECTION("a null phone stays blank; a repeated address line is shown once") {
        const Provider* golden = by_id(r, "1-11744059986");
        REQUIRE(golden);
        CHECK(golden->phone.empty());
        CHECK(golden->last_inspected.empty());
        CHECK(golden->service_types == (ServiceHomecare | ServiceSupportedLiving));
        const Provider* angel = by_id(r, "1-10325022286");
        REQUIRE(angel);
        CHECK(angel->address == "34 The Fairway, London");
    }
    SECTION("CQC's words where there is no rating: kept, with no question ratings") {
        const Provider* p = by_id(r, "RATX3");
        REQUIRE(p);
        CHECK(p->rating_in_data);
        CHECK(p->overall == Rating::NotRated);
        CHECK(p->rating_text == "Inspected But Not Rated");
        CHECK_FALSE(p->key_questions_in_data);
        CHECK(p->phone == "0300555120"); // as CQC gives it: nothing is added
        const Provider* wisdom = by_id(r, "1-10048036915");
        REQUIRE(wisdom);
        CHECK(wisdom->rating_text == "Insufficient Evidence To Rate");
        CHECK(wisdom->needs == (NeedOlderPeople | NeedYoungerAdults | NeedDementia | NeedLearningDisability |
                                NeedSubstanceMisuse));
    }
    SECTION("a rating with no inspection date") {
        const Provider* p = by_id(r, "1-25832514931");
        REQUIRE(p);
        CHECK(p->name == "Outreach");
        CHECK(p->address == "Louise House, 194 Brookscroft Road, London");
        CHECK(p->overall == Rating::Good);
        CHECK(p->key_questions.well_led == Rating::RequiresImprovement);
        CHECK(p->last_inspected.empty());
    }
}

TEST_CASE("import_cqc: for a location in several sources the newest register wins") {
    // The same London agency in a newer CQC register (September 2026) and an older sample (August 2025).
    const std::string header =
        "Location ID,Location Name,Location Postal Code,Location Latest Overall "
        "Rating,Publication Date,Dormant (Y/N),Service types,Location Local Authority\n";
    CqcInput newer{"01_September_2026_HSCA_Active_Locations.csv",
                   header +
                       "1-10012729010,Great Cambridge House,EN1 4BY,Outstanding,01/08/2026,N,Domiciliary "
                       "care service,Enfield\n",
                   CqcRole::Auto, "", "cqc_2026_09"};
    CqcInput older{"sample_2025-08-28.csv",
                   header +
                       "RJ1X8,Guy's and St Thomas',SE1 4YB,Requires improvement,01/02/2021,N,Domiciliary "
                       "care service,Southwark\n",
                   CqcRole::Auto, "", "samples_2025_08"};
    const Expected<CqcImport> imported = import_cqc({london_fixture(), newer, older}, london_geography());
    INFO(imported.error());
    REQUIRE(imported.ok());
    const CqcImport& r = *imported;
    REQUIRE(r.providers.size() == 10);
    const Provider* cambridge = by_id(r, "1-10012729010");
    REQUIRE(cambridge);
    CHECK(cambridge->overall == Rating::Outstanding); // the September 2026 register's rating
    CHECK(cambridge->rating_date == "2026-08-01");
    CHECK(cambridge->source == "cqc_2026_09");
    CHECK(cambridge->data_date == "2026-09-01");
    const Provider* guys = by_id(r, "RJ1X8");
    REQUIRE(guys);
    CHECK(guys->overall == Rating::Good); // London's copy (mid 2026) is newer than the 2025 sample
    CHECK(guys->source == "cqc_london");
    CHECK(guys->data_date == "2026-06-30");
    CHECK(r.excluded_by_reason.at("superseded") == 2);
    const RowIssue* old_row = issue(r.excluded, "sample_2025-08-28.csv", 2);
    REQUIRE(old_row);
    CHECK(old_row->reason_key == "superseded");
    CHECK(old_row->reason ==
          "A newer CQC edition (2026-06-30) has this location; this older row was not used.");
}

TEST_CASE("import_cqc: a cut-short JSON-lines file names its line, and nothing is used") {
    CqcInput in = london_fixture();
    in.text = in.text.substr(0, in.text.size() - 40); // the last record loses its end
    // Nothing is used: a failed import gives no agencies, Expected holds only the Error then.
    const Expected<CqcImport> r = import_cqc({in}, london_geography());
    CHECK_FALSE(r.ok());
    CHECK(
        r.error() ==
        "homecare_london_10.jsonl: line 10 is not a complete record (the file may be cut short or damaged).");
}

TEST_CASE("column aliases can be added as data when CQC renames a column") {
    CqcInput in;
    in.name = "renamed_2027-01-01.csv";
    in.text =
        "Location ID,Location Name,Location Postcode 2027,Service types\n1-1,A,B13 9AB,Homecare agencies\n";
    CHECK_FALSE(import_cqc({in}, test_geography()).ok());
    CqcColumns cols = default_cqc_columns();
    REQUIRE(add_cqc_column_aliases(cols, R"({"postcode": ["Location Postcode 2027"]})").ok());
    const Expected<CqcImport> r = import_cqc({in}, test_geography(), cols);
    REQUIRE(r.ok());
    CHECK(r->providers[0].postcode == "B13 9AB");
    const Expected<void> unknown = add_cqc_column_aliases(cols, R"({"colour": ["x"]})");
    CHECK_FALSE(unknown.ok());
    CHECK(unknown.error() == "The column names file names an unknown field \"colour\".");
    CHECK(add_cqc_column_aliases(cols, "[1]").error() ==
          "The column names file is not a JSON object such as {\"postcode\": [\"New name\"]}.");
    CHECK(add_cqc_column_aliases(cols, R"({"postcode": "x"})").error() ==
          "The column names for \"postcode\" must be a list of names.");
}
