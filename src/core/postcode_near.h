// homecare-finder core: real postcodes one letter away from a mistyped one ("HR4 9AV" -> "HR4 9AW"), offered
// after the message that says which part is wrong.
// Depends on: core/geography.h, core/postcode.h.
// SPDX-License-Identifier: MIT
//
// Only the last two letters are tried (the part a slip of the finger most often gets wrong, and the part the
// shape check can name), and only postcodes in the same sector, so an offer is always a near neighbour.
#pragma once

#include "core/geography.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// The typed text read as a full postcode whose outward code and sector are well formed but whose last two
// letters include one never used there, as "HR4 9" and "AV"; empty otherwise (a stray "!", a well-formed
// postcode): then no postcode is near it in this sense.
struct NearMiss {
    std::string sector;   // "HR4 9"
    std::string area;     // "HR"
    std::string district; // "HR4": whose unit postcodes hold the answers
    std::string letters;  // the two letters typed, "AV"
};
NearMiss near_miss_of(std::string_view typed);

// Real postcodes of the near miss's sector that differ from it by one of the two letters, at most `max`,
// the letter nearest on the keyboard to the one typed first ("HR4 9AV": HR4 9AB, HR4 9AF, HR4 9AG), then in
// alphabetical order. Needs the district's unit postcodes (geo.has_units_of(district)).
std::vector<std::string> postcodes_one_letter_away(const Geography& geo, const NearMiss& near,
                                                   std::size_t max);

// "Did you mean HR4 9AW?", "Did you mean HR4 9AA or HR4 9AB?"; "" for no postcodes.
std::string did_you_mean(const std::vector<std::string>& postcodes);

} // namespace hcf::core
