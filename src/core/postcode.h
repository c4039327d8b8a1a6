// homecare-finder core: UK postcode parsing, normalisation, nation and regulator of a postcode area.
// Depends on: the C++ standard library only (no geography; see core/geography.h for lookups).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hcf::core {

// What a person typed, once recognised: a full postcode, a sector or just the outward code.
enum class PostcodeKind : std::uint8_t {
    Unit,     // "B13 9AB"
    Sector,   // "B13 9"
    District, // "B13"
};

// Why a postcode could not be used. Each has its own plain message (see postcode_error_message).
enum class PostcodeError : std::uint8_t {
    None,
    Empty,             // nothing but spaces or punctuation
    InvalidCharacters, // something other than letters, digits, spaces and . , -
    NotAPostcodeShape, // letters and digits, but not in any UK postcode pattern
    NotKnown,          // a valid shape that is not in the geography (set by locate, never by parse)
    OutsideEngland,    // Scotland, Wales, Northern Ireland, Channel Islands, Isle of Man
};

enum class Nation : std::uint8_t {
    England,
    Wales,
    Scotland,
    NorthernIreland,
    ChannelIslands,
    IsleOfMan,
    Unknown
};

struct ParsedPostcode {
    PostcodeKind kind = PostcodeKind::Unit;
    std::string area;       // postcode area, the leading letters: "B", "HR"
    std::string district;   // outward code: "B13"
    std::string sector;     // "B13 9" (empty for a district)
    std::string unit;       // "B13 9AB" (empty unless kind == Unit)
    std::string normalised; // the canonical text for the kind parsed: unit, sector or district
};

struct PostcodeParse {
    bool ok = false;
    ParsedPostcode postcode;                   // filled when ok
    PostcodeError error = PostcodeError::None; // set when !ok
    std::string message;                       // plain words for the person when !ok
};

// Pure shape check and normalisation; no geography. Accepts any case, with or without the space,
// with stray spaces and . , - anywhere. A partial postcode is accepted: outward code ("HR4") or sector
// ("HR4 9"). Rules for where the space goes:
//  - full postcode: the inward code is always the last three characters, so the space may be anywhere
//    or missing ("B139AB", "B1 39AB" -> "B13 9AB");
//  - partial with a space: the space ends the outward code ("B1 3" is sector B1 3, never district
//    B13); anything else after the space is not a postcode shape ("HR4 99");
//  - partial without a space: a valid outward code is read as the district ("HR49" -> district HR49,
//    "B13" -> B13), else outward + one digit is a sector ("B139" -> "B13 9"). locate() reads "HR49" as
//    sector HR4 9 when district HR49 does not exist and the sector does (and says so in its note).
PostcodeParse parse_postcode(std::string_view input);

// The postcode area of a district or postcode, its leading letters: "B13" -> "B", "HR4 9AB" -> "HR"; the ONS
// files' pseudo-district "NPT" -> "NPT". Expects upper case, as normalised postcodes and the data files have.
std::string_view postcode_area(std::string_view code); // a view into code
// The outward code of a normalised postcode or sector, the part before the space: "B13 9AB" -> "B13".
std::string outward_code(std::string_view postcode);

// "b139ab" -> "B13 9AB"; "hr4" -> "HR4"; "hr4 9" -> "HR4 9"; nullopt when not a postcode shape.
std::optional<std::string> normalise_postcode(std::string_view input);

// Which nation a postcode area/district is in, by its letters and (for the border areas) its district
// number. Takes a district ("TD15"), a full postcode or just an area ("BT"). See postcode.cpp for the
// border table; core/geography.h has nation_of(), which prefers the council lookup where it exists.
Nation nation_of_area(std::string_view district);

// The care regulator for a nation: "Care Quality Commission (CQC)", "Care Inspectorate", ...
std::string_view regulator_for(Nation n);
// "England", "Wales", "Scotland", "Northern Ireland", "the Channel Islands", "the Isle of Man", "".
std::string_view nation_name(Nation n);
// Stable machine key: "england", "wales", "scotland", "northern_ireland", "channel_islands",
// "isle_of_man", "unknown".
std::string_view nation_key(Nation n);
// Stable machine key for an error: "none", "empty", "invalid_characters", "not_a_postcode_shape",
// "not_known", "outside_england".
std::string_view postcode_error_key(PostcodeError e);

// The message for an outside-England postcode: "CQC covers England only. For care in Scotland, contact
// the Care Inspectorate." Give the area ("JE", "GY") to name the right Channel Islands regulator.
// Empty for England/Unknown.
std::string outside_england_message(Nation n, std::string_view area = {});

// A soft hint for the UI while the person is still typing; "" when the text so far could still become
// a postcode (so no nagging mid-word). Only speaks up for things that can never become valid.
std::string hint_while_typing(std::string_view partial);

} // namespace hcf::core
