// homecare-finder core: councils' own adult social care contacts (phone, page, care directory), each with
// the page it was seen on and that page's date, for the council screen and every thin or empty result.
// Depends on: core/csv.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Read from ../shared/data/council_contacts/council_contacts.csv (copied to
// assets/sources/council_contacts/): council, gss_code, asc_phone, asc_phone_source, asc_page_url,
// asc_page_source, directory_name, directory_url, directory_source, notes, seen_date. Only what a person is
// shown is kept (the notes are for maintainers and stay in the file). A blank stays blank: nothing is ever
// filled in.
#pragma once

#include "core/expected.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

struct CouncilContact {
    std::string council;        // "Herefordshire Council"
    std::string code;           // ONS code of the council that runs adult social care, "E06000019"
    std::string phone;          // "01432 260101"; "" when no published page showed one
    std::string phone_seen_on;  // address of the page the number was seen on
    std::string page_url;       // the council's adult social care or paying-for-care page
    std::string directory_name; // "Talk Community Directory"
    std::string directory_url;  // "" when only the name was found
    std::string seen_date;      // ISO date (yyyy, yyyy-mm or yyyy-mm-dd) of the phone's page; "" when undated
};

// Reads the source layout above, or the compact layout write_council_contacts() makes for the bundle.
// The error names the file, and the line where there is one.
Expected<std::vector<CouncilContact>> read_council_contacts(std::string_view csv_text,
                                                            std::string_view file_name);
// The compact CSV kept in bundle.bin: only the fields of CouncilContact.
std::string write_council_contacts(const std::vector<CouncilContact>& contacts);
// The contact of the council with this ONS code; nullptr when there is none.
const CouncilContact* find_council_contact(const std::vector<CouncilContact>& contacts,
                                           std::string_view code);

// Where and when the phone number was seen, in plain words:
// "Seen on herefordshiresafeguardingboards.org.uk (the page is not dated)."
// "Seen on hinckley-bosworth.gov.uk, on a page dated 31 May 2023."
std::string contact_seen_words(const CouncilContact& c);
// The first date in a free-text "seen" note, from the part about the phone's page (before any ";"):
// "2023-05-31 (page 'Last updated')" -> "2023-05-31"; "2019-08 (bank holiday news item)" -> "2019-08";
// "phone page undated; hub count page 2023-07-31" -> nullopt (that page is undated).
std::optional<std::string> seen_date_of(std::string_view note);

} // namespace hcf::core
