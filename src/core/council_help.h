// homecare-finder core: where a person can get help from their own council, and what our information holds
// for that council, for the council screen and every thin or empty result.
// Depends on: core/dataset_format.h (coverage, contacts, sources), core/geography.h, the C++ standard
// library. SPDX-License-Identifier: MIT
//
// The council is the one that runs adult social care for the person's postcode (a county, unitary,
// metropolitan or London borough). Whether our information is complete for it comes only from what the
// sources declare (DatasetInfo::coverage), never from a count of agencies.
#pragma once

#include "core/dataset_format.h"
#include "core/geography.h"

#include <string>
#include <vector>

namespace hcf::core {

inline constexpr std::string_view kCqcWebsite = "https://www.cqc.org.uk/";

struct CouncilHelp {
    bool known = false;        // false when the postcode's council is not known (nothing else is set)
    std::string code;          // ONS code of the council that runs adult social care, "E06000019"
    std::string name;          // "Herefordshire" (friendly_council_name)
    bool complete = false;     // a source declares every home care agency of this council is in our data
    std::string complete_from; // "CQC register, first half of 2026" when complete
    int agencies = 0;          // agencies in our information whose council this is
    const CouncilContact* contact = nullptr; // the council's own contacts; nullptr when none were found
    // The first thing to say where the data does not cover the council, before anything else:
    // "We do not have the agencies in Herefordshire yet." ("" when complete).
    std::string not_covered;
    // What our information holds, in words: "56 home care agencies in our information (CQC register, first
    // half of 2026)." or "Our information has only 2 of the home care agencies in Essex."
    std::string holdings;
};

// Help for the best-fit council of a located postcode (Location::councils, best first); known=false when
// there is no council.
CouncilHelp council_help(const Bundle& b, const std::vector<CouncilShare>& councils);
// The same for a council by its ONS code.
CouncilHelp council_help_for_code(const Bundle& b, std::string_view code);

} // namespace hcf::core
