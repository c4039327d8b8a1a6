// homecare-finder tests: postcode parsing, normalisation, nations and regulators (mirrors
// src/core/postcode.cpp). Depends on: core/postcode.h, Catch2 v2. SPDX-License-Identifier: MIT
#include "core/postcode.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace hcf::core;

namespace {

const std::string kEmpty = "Enter a postcode, like B13 9AB.";
const std::string kInvalid = "A postcode has only letters and numbers, like B13 9AB.";
const std::string kShape = "That doesn't look like a postcode. Postcodes look like HR4 9AB.";

struct Good {
    const char* input;
    PostcodeKind kind;
    const char* normalised;
    const char* area;
    const char* district;
    const char* sector; // "" for a district
};

struct Bad {
    const char* input;
    PostcodeError error;
};

} // namespace

TEST_CASE("every UK postcode shape parses and normalises") {
    const Good cases[] = {
        // The six shapes and GIR 0AA.
        {"M1 1AE", PostcodeKind::Unit, "M1 1AE", "M", "M1", "M1 1"},          // A9 9AA
        {"B13 9AB", PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"},      // A99 9AA
        {"W1A 0AX", PostcodeKind::Unit, "W1A 0AX", "W", "W1A", "W1A 0"},      // A9A 9AA
        {"CR2 6XH", PostcodeKind::Unit, "CR2 6XH", "CR", "CR2", "CR2 6"},     // AA9 9AA
        {"DN55 1PT", PostcodeKind::Unit, "DN55 1PT", "DN", "DN55", "DN55 1"}, // AA99 9AA
        {"EC1A 1BB", PostcodeKind::Unit, "EC1A 1BB", "EC", "EC1A", "EC1A 1"}, // AA9A 9AA
        {"GIR 0AA", PostcodeKind::Unit, "GIR 0AA", "GIR", "GIR", "GIR 0"},    // Girobank
        // Case, spacing and stray punctuation.
        {"b139ab", PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"},
        {"  b13   9ab  ", PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"},
        {"B13-9AB.", PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"},
        {"b13,9ab,", PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"},
        {"\tHR4 9AB\n", PostcodeKind::Unit, "HR4 9AB", "HR", "HR4", "HR4 9"},
        {"B13\xC2\xA0"
         "9AB",
         PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"}, // no-break space
        {"Sw1a 2aa", PostcodeKind::Unit, "SW1A 2AA", "SW", "SW1A", "SW1A 2"},
        {"ec1a1bb", PostcodeKind::Unit, "EC1A 1BB", "EC", "EC1A", "EC1A 1"},
        {"gir0aa", PostcodeKind::Unit, "GIR 0AA", "GIR", "GIR", "GIR 0"},
        // A space in the wrong place: the inward code is always the last three characters.
        {"B1 39AB", PostcodeKind::Unit, "B13 9AB", "B", "B13", "B13 9"},
        // Partial postcodes: districts and sectors.
        {"HR4", PostcodeKind::District, "HR4", "HR", "HR4", ""},
        {"hr4", PostcodeKind::District, "HR4", "HR", "HR4", ""},
        {"B1", PostcodeKind::District, "B1", "B", "B1", ""},
        {"EC1A", PostcodeKind::District, "EC1A", "EC", "EC1A", ""},
        {"W1A", PostcodeKind::District, "W1A", "W", "W1A", ""},
        {"HR4 9", PostcodeKind::Sector, "HR4 9", "HR", "HR4", "HR4 9"},
        {"hr4  9.", PostcodeKind::Sector, "HR4 9", "HR", "HR4", "HR4 9"},
        {"B1 9", PostcodeKind::Sector, "B1 9", "B", "B1", "B1 9"},
        {"B1 3", PostcodeKind::Sector, "B1 3", "B", "B1", "B1 3"},    // the typed space is respected
        {"B139", PostcodeKind::Sector, "B13 9", "B", "B13", "B13 9"}, // B139 cannot be a district
        {"EC1A1", PostcodeKind::Sector, "EC1A 1", "EC", "EC1A", "EC1A 1"},
        {"dn551", PostcodeKind::Sector, "DN55 1", "DN", "DN55", "DN55 1"},
        {"W1A0", PostcodeKind::Sector, "W1A 0", "W", "W1A", "W1A 0"},
        // Ambiguous without the space: a valid district shape wins (locate() then falls back to the
        // sector if no such district exists).
        {"HR49", PostcodeKind::District, "HR49", "HR", "HR49", ""},
    };
    for (const auto& c : cases) {
        INFO("input: '" << c.input << "'");
        const PostcodeParse p = parse_postcode(c.input);
        REQUIRE(p.ok);
        CHECK(p.error == PostcodeError::None);
        CHECK(p.message.empty());
        CHECK(p.postcode.kind == c.kind);
        CHECK(p.postcode.normalised == c.normalised);
        CHECK(p.postcode.area == c.area);
        CHECK(p.postcode.district == c.district);
        CHECK(p.postcode.sector == c.sector);
        CHECK(p.postcode.unit == (c.kind == PostcodeKind::Unit ? std::string(c.normalised) : std::string()));
        CHECK(normalise_postcode(c.input) == c.normalised);
        // Normalised text always reparses to itself.
        CHECK(normalise_postcode(p.postcode.normalised) == p.postcode.normalised);
    }
}

TEST_CASE("each failure has its own plain message") {
    const Bad cases[] = {
        {"", PostcodeError::Empty},
        {"   ", PostcodeError::Empty},
        {" .,- ", PostcodeError::Empty},
        {"\t\n", PostcodeError::Empty},
        {"B13 9AB!", PostcodeError::InvalidCharacters},
        {"B13/9AB", PostcodeError::InvalidCharacters},
        {"B13_9AB", PostcodeError::InvalidCharacters},
        {"B13 9\xC3\x85"
         "B",
         PostcodeError::InvalidCharacters}, // Å
        {"'B13 9AB'", PostcodeError::InvalidCharacters},
        {"B", PostcodeError::NotAPostcodeShape},
        {"123", PostcodeError::NotAPostcodeShape},
        {"13B 9AB", PostcodeError::NotAPostcodeShape},
        {"B13 AAB", PostcodeError::NotAPostcodeShape},
        {"B13 9A", PostcodeError::NotAPostcodeShape},    // unfinished
        {"B13 9AB 1", PostcodeError::NotAPostcodeShape}, // too long
        {"B13 99AB", PostcodeError::NotAPostcodeShape},
        {"HR4 99", PostcodeError::NotAPostcodeShape}, // partial with the space elsewhere: not guessed
        {"HR 4", PostcodeError::NotAPostcodeShape},
        {"B 13", PostcodeError::NotAPostcodeShape},
        {"SANTA1", PostcodeError::NotAPostcodeShape},
        {"GIR 0AB", PostcodeError::NotAPostcodeShape},
        // Letters not allowed in their position.
        {"QA1 1AA", PostcodeError::NotAPostcodeShape}, // Q never first
        {"VA1 1AA", PostcodeError::NotAPostcodeShape}, // V never first
        {"XA1 1AA", PostcodeError::NotAPostcodeShape}, // X never first
        {"AI1 1AA", PostcodeError::NotAPostcodeShape}, // I never second
        {"AJ1 1AA", PostcodeError::NotAPostcodeShape}, // J never second
        {"AZ1 1AA", PostcodeError::NotAPostcodeShape}, // Z never second
        {"W1I 1AA", PostcodeError::NotAPostcodeShape}, // A9A: third only ABCDEFGHJKPSTUW
        {"W1L 1AA", PostcodeError::NotAPostcodeShape},
        {"EC1C 1AA", PostcodeError::NotAPostcodeShape}, // AA9A: fourth only ABEHMNPRVWXY
        {"EC1D 1AA", PostcodeError::NotAPostcodeShape},
        {"B13 9CA", PostcodeError::NotAPostcodeShape}, // inward letters never C I K M O V
        {"B13 9AI", PostcodeError::NotAPostcodeShape},
        {"B13 9KA", PostcodeError::NotAPostcodeShape},
        {"B13 9AM", PostcodeError::NotAPostcodeShape},
        {"B13 9OA", PostcodeError::NotAPostcodeShape},
        {"B13 9AV", PostcodeError::NotAPostcodeShape},
    };
    for (const auto& c : cases) {
        INFO("input: '" << c.input << "'");
        const PostcodeParse p = parse_postcode(c.input);
        CHECK_FALSE(p.ok);
        CHECK(p.error == c.error);
        const std::string& want = c.error == PostcodeError::Empty               ? kEmpty
                                  : c.error == PostcodeError::InvalidCharacters ? kInvalid
                                                                                : kShape;
        // Inward letters that are never used are named (see the test below); every other case says kShape.
        if (p.message.rfind("The last part of a postcode never uses the letter ", 0) != 0)
            CHECK(p.message == want);
        else
            CHECK(std::string_view(c.input).substr(0, 3) == "B13");
        CHECK_FALSE(normalise_postcode(c.input));
    }
}

TEST_CASE("postcode areas map to their nation, border districts by district") {
    struct Case {
        const char* district;
        Nation nation;
    };
    const Case cases[] = {
        {"B13", Nation::England},
        {"HR4", Nation::England},
        {"LE1", Nation::England},
        {"NE1", Nation::England},
        {"CA1", Nation::England},
        {"CA6", Nation::England},
        {"GL16", Nation::England},
        {"TD15", Nation::England},
        {"CH1", Nation::England},
        {"CH4", Nation::England},
        {"SY1", Nation::England},
        {"SY14", Nation::England},
        {"EH1", Nation::Scotland},
        {"G1", Nation::Scotland},
        {"AB10", Nation::Scotland},
        {"ZE1", Nation::Scotland},
        {"KW1", Nation::Scotland},
        {"DG16", Nation::Scotland},
        {"TD1", Nation::Scotland},
        {"TD12", Nation::Scotland},
        {"HS1", Nation::Scotland},
        {"CF10", Nation::Wales},
        {"SA1", Nation::Wales},
        {"LL11", Nation::Wales},
        {"LD1", Nation::Wales},
        {"NP20", Nation::Wales},
        {"CH5", Nation::Wales},
        {"CH8", Nation::Wales},
        {"SY15", Nation::Wales},
        {"SY23", Nation::Wales},
        {"BT1", Nation::NorthernIreland},
        {"JE2", Nation::ChannelIslands},
        {"GY1", Nation::ChannelIslands},
        {"IM1", Nation::IsleOfMan},
        {"bt1 1aa", Nation::NorthernIreland},
        {"BT", Nation::NorthernIreland},
        {"", Nation::Unknown},
        {"12", Nation::Unknown},
    };
    for (const auto& c : cases) {
        INFO("district: " << c.district);
        CHECK(nation_of_area(c.district) == c.nation);
    }
}

TEST_CASE("regulators and outside-England messages name the right body") {
    CHECK(regulator_for(Nation::England) == "Care Quality Commission (CQC)");
    CHECK(regulator_for(Nation::Scotland) == "Care Inspectorate");
    CHECK(regulator_for(Nation::Wales) == "Care Inspectorate Wales");
    CHECK(regulator_for(Nation::NorthernIreland) == "Regulation and Quality Improvement Authority (RQIA)");
    CHECK(regulator_for(Nation::Unknown).empty());

    CHECK(outside_england_message(Nation::Scotland) ==
          "CQC covers England only. For care in Scotland, contact the Care Inspectorate.");
    CHECK(outside_england_message(Nation::Wales) ==
          "CQC covers England only. For care in Wales, contact Care Inspectorate Wales.");
    CHECK(outside_england_message(Nation::NorthernIreland) ==
          "CQC covers England only. For care in Northern Ireland, contact the Regulation and Quality "
          "Improvement Authority (RQIA).");
    CHECK(outside_england_message(Nation::ChannelIslands, "JE") ==
          "CQC covers England only. For care in Jersey, contact the Jersey Care Commission.");
    CHECK(outside_england_message(Nation::ChannelIslands, "GY") ==
          "CQC covers England only. For care in Guernsey, contact the States of Guernsey Committee for "
          "Health & Social Care.");
    CHECK(outside_england_message(Nation::IsleOfMan) ==
          "CQC covers England only. For care on the Isle of Man, contact the Registration and Inspection "
          "Team at the Isle of Man Department of Health and Social Care.");
    CHECK(outside_england_message(Nation::England).empty());

    CHECK(nation_name(Nation::NorthernIreland) == "Northern Ireland");
    CHECK(nation_key(Nation::IsleOfMan) == "isle_of_man");
    CHECK(postcode_error_key(PostcodeError::NotAPostcodeShape) == "not_a_postcode_shape");
    CHECK(postcode_error_key(PostcodeError::OutsideEngland) == "outside_england");
}

TEST_CASE("hints while typing stay quiet until the text can never be a postcode") {
    // Could still become a postcode: no hint.
    for (const char* s : {"", " ", "b", "B1", "B13", "B13 ", "B13 9", "B13 9A", "b139a", "EC1A 1B", "HR4 9AB",
                          "S", "SW", "SW1", "SW1A", "GIR 0A"}) {
        INFO("partial: '" << s << "'");
        CHECK(hint_while_typing(s).empty());
    }
    CHECK(hint_while_typing("B13!") == kInvalid);
    CHECK(hint_while_typing("1") == "Postcodes start with a letter, like B13 9AB.");
    CHECK(hint_while_typing("Q") == "No postcode starts with Q. Postcodes look like HR4 9AB.");
    CHECK(hint_while_typing("B13 9C") == kShape);
    CHECK(hint_while_typing("B13 9AB1") == kShape);
    CHECK(hint_while_typing("B13 9AB12") == "That's too long for a postcode. Postcodes look like HR4 9AB.");
    CHECK(hint_while_typing("BBB") == kShape);
}

TEST_CASE("a postcode wrong only in its last two letters says which letter is never used (issue 13)") {
    PostcodeParse r = parse_postcode("HR4 9AV");
    CHECK_FALSE(r.ok);
    CHECK(r.error == PostcodeError::NotAPostcodeShape);
    CHECK(r.message == "The last part of a postcode never uses the letter V, so HR4 9AV is not a postcode. "
                       "Check the last two letters.");
    r = parse_postcode("b13 9cb");
    CHECK(r.message == "The last part of a postcode never uses the letter C, so B13 9CB is not a postcode. "
                       "Check the last two letters.");
    CHECK(parse_postcode("SANTA1").message == kShape); // other shapes keep the general message
}

TEST_CASE("the area and outward code of a code in the data files") {
    CHECK(postcode_area("B13") == "B");
    CHECK(postcode_area("HR4 9AB") == "HR");
    CHECK(postcode_area("NPT") == "NPT"); // the ONS files' pseudo-district
    CHECK(postcode_area("13").empty());
    CHECK(outward_code("B13 9AB") == "B13");
    CHECK(outward_code("B13 9") == "B13");
    CHECK(outward_code("B13") == "B13");
}
