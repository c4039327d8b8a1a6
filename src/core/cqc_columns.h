// homecare-finder core: what CQC's files call things — the column names of every layout CQC has published
// (plus our normalised one), and the wording of specialisms, service user bands and service types mapped
// onto the search's filters.
// Depends on: core/expected.h, core/model.h (Needs, ServiceTypes), the C++ standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/expected.h"
#include "core/model.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// Column names per field: canonical field -> aliases (first is the name used in messages).
// Data, not code: extend it with add_cqc_column_aliases() when CQC renames a column.
struct CqcColumns {
    std::map<std::string, std::vector<std::string>> aliases;
};
const CqcColumns& default_cqc_columns();
// Adds aliases from JSON such as {"postcode": ["Location Postcode (new)"]}. Unknown fields are an Error.
Expected<void> add_cqc_column_aliases(CqcColumns& columns, std::string_view json_text);

// Specialisms / service user bands wording -> search filter flags; 0 for wording known to have no filter;
// nullopt when the wording is not known at all (the import counts those).
std::optional<Needs> need_of_term(std::string_view term);
// CQC service type wording -> ServiceType flags (0 for types the app does not use, such as care homes).
ServiceTypes service_of_term(std::string_view term);
// Splits a CQC list cell on "|" or ";" and tidies each part (white space folded to one space).
std::vector<std::string> split_cqc_list(std::string_view cell);

} // namespace hcf::core
