// homecare-finder core: the words for an agency's CQC rating and its dates, one vocabulary for every screen,
// printout and export (results, agency, compare, print, CSV, Open Referral UK JSON, share text, the CLI).
// Depends on: core/model.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// The vocabulary:
//   - "rated on 4 January 2024": the date CQC published the rating (Provider::rating_date);
//   - "last inspected 7 July 2022": CQC's last inspection, where the source gives only that (last_inspected);
//   - "CQC register of 1 September 2026" / "CQC register, first half of 2026": the edition the record is
//   from.
//   - "Not yet rated" only where a CQC register says the agency has no rating; where our information has no
//     rating, always kRatingNotInOurInformation.
#pragma once

#include "core/model.h"

#include <string>
#include <string_view>

namespace hcf::core {

inline constexpr std::string_view kRatingNotInOurInformation = "Rating not in our information: see CQC";

// Whether our information holds the agency's rating (rated, or a register says it is not yet rated).
bool rating_known(const Provider& p);
// "Good", "Requires improvement", "Not yet rated", CQC's own words where it gave no rating ("Inspected but
// not rated", "Insufficient evidence to rate"), or kRatingNotInOurInformation.
std::string overall_rating_words(const Provider& p);
// "rated on 4 January 2024", else "last inspected 7 July 2022", else "".
std::string rating_date_words(const Provider& p);
// Both, for one line of text: "Good, rated on 4 January 2024"; "Rating not in our information: see CQC
// (last inspected 8 April 2022)".
std::string rating_summary(const Provider& p);
// "CQC register of 1 September 2026"; with edition_words (a source whose exact date is not known):
// "CQC register, first half of 2026"; "" when the record has no date.
std::string register_words(const Provider& p, std::string_view edition_words = {});

} // namespace hcf::core
