// homecare-finder core: a council's help and our coverage of it (see council_help.h).
// Depends on: core/council_help.h, core/rating_words.h, core/text_format.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/council_help.h"

#include "core/text_format.h"

namespace hcf::core {

CouncilHelp council_help_for_code(const Bundle& b, std::string_view code) {
    CouncilHelp h;
    if (code.empty()) return h;
    h.code = std::string(code);
    for (const LadInfo& l : b.lads)
        if (l.upper_tier_code == code) {
            h.name = friendly_council_name(l.upper_tier_name);
            break;
        }
    if (h.name.empty()) return CouncilHelp{};
    h.known = true;
    h.contact = find_council_contact(b.contacts, code);
    for (const CouncilCoverage& c : b.info.coverage) {
        if (c.code != code) continue;
        h.agencies = c.agencies;
        h.complete = c.complete || b.info.covers_all_england;
        for (const SourceInfo& s : b.info.sources)
            if (s.id == c.source)
                h.complete_from =
                    "CQC register, " + (s.edition_words.empty() ? format_date(s.edition) : s.edition_words);
    }
    const std::string agencies = format_count(static_cast<std::uint64_t>(h.agencies)) + " home care agenc" +
                                 (h.agencies == 1 ? "y" : "ies");
    if (h.complete) {
        h.holdings = agencies + " in our information" +
                     (h.complete_from.empty() ? "" : " (" + h.complete_from + ")") +
                     ": all that register lists for " + h.name + ".";
    } else {
        h.not_covered = "We do not have the agencies in " + h.name + " yet.";
        h.holdings = h.agencies == 0
                         ? "Our information has none of the home care agencies in " + h.name + "."
                         : "Our information has only " +
                               format_count(static_cast<std::uint64_t>(h.agencies)) +
                               " of the home care agencies in " + h.name + ", so many are missing.";
    }
    return h;
}

CouncilHelp council_help(const Bundle& b, const std::vector<CouncilShare>& councils) {
    if (councils.empty()) return CouncilHelp{};
    return council_help_for_code(b, councils.front().upper_tier_code);
}

} // namespace hcf::core
