// homecare-finder core: shortlist export as Open Referral UK JSON, CSV (RFC 4180) and plain text for
// printing. Depends on: core/model.h, core/search.h (format_miles), core/text_format.h (dates), core/sha256.h
// (ids),
//             nlohmann/json, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// JSON follows Open Referral UK 3.0 (HSDS 3.0) naming where it fits: a list with "total_items" and
// "contents"; each agency is a service with its organization, contacts (with phones),
// service_at_locations -> location -> addresses (address_type "physical"), and attributes (CQC overall
// rating with its date, needs supported, types of care). ORUK ids are UUIDs, so every id here is a
// name-based UUID (RFC 9562 version 8, from SHA-256 of the CQC id): the same agency always gets the same
// id. The CQC ids themselves are kept in location.external_identifier and organization_identifiers.
// Fields the data does not hold are left out, never filled with guesses. Values ORUK has no field for
// (distance, CQC report link, data date) sit in a "homecare_finder" object on each service.
//
// CSV: one header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF (quotes
// doubled). Cells that a spreadsheet would run as a formula (starting = + - @) get a leading apostrophe
// (csv_escape with CsvAudience::Spreadsheet, core/csv.h).
// A UTF-8 byte-order mark comes first (csv_bom) so Excel shows "Café" and "£" correctly.
#pragma once

#include "core/model.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

struct ShortlistEntry {
    const Provider* provider = nullptr; // must not be null
    double distance_miles = -1;         // miles from the person's postcode; < 0 when not known
};

struct ExportOptions {
    std::string generated_date; // ISO yyyy-mm-dd the list was made (the caller's clock; the core has none)
    std::string data_date;      // ISO date of the data (the CQC register), when the agencies do not say
    std::string place;          // what distances are measured from, e.g. "B13 9AB"; "" when none
    bool csv_bom = true;        // start the CSV with a UTF-8 byte-order mark
    // Source id -> its date in words where the exact day is not known ("first half of 2026"), so each agency
    // says which register it comes from (core/rating_words.h register_words).
    std::map<std::string, std::string> edition_words;
};

// Open Referral UK JSON, pretty-printed with 2-space indents, ending in a newline.
std::string export_json(const std::vector<ShortlistEntry>& list, const ExportOptions& opt = {});
// CSV, columns: location_id, name, provider_name, address, postcode, phone, website, distance_miles,
// cqc_rating, cqc_rating_date, last_inspected, safe, effective, caring, responsive, well_led, supports,
// care_offered, local_authority, cqc_url, data_date, source.
std::string export_csv(const std::vector<ShortlistEntry>& list, const ExportOptions& opt = {});
// Plain text for printing (UK dates, rating words, "1.2 miles"), with sources and licence at the end.
std::string export_text(const std::vector<ShortlistEntry>& list, const ExportOptions& opt = {});

// A short text to send by email or message: one line an agency (name, rating with its date, phone), then the
// link that opens the shortlist. Agencies after the tenth are counted, not listed (a mailto: body is short).
std::string export_share_text(const std::vector<ShortlistEntry>& list, std::string_view link);

// The entries for the given CQC location ids, in the order given (duplicates once). Ids not in providers
// are appended to *missing (when given) and skipped.
std::vector<ShortlistEntry> shortlist_from_ids(const std::vector<Provider>& providers,
                                               const std::vector<std::string>& location_ids,
                                               std::vector<std::string>* missing = nullptr);

// A name-based UUID (RFC 9562 version 8, variant 10) from SHA-256 of the text:
// "xxxxxxxx-xxxx-8xxx-[89ab]xxx-xxxxxxxxxxxx", lower-case.
std::string name_uuid(std::string_view text);

} // namespace hcf::core
