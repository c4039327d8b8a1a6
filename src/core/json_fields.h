// homecare-finder core: reading fields of JSON the data files hold without throwing, and the JSON of the
// dataset's own records (sources, council coverage). Internal: shared by dataset_format.cpp, manifest.cpp
// and dataset_compiler.cpp; nothing outside the core includes it.
// Depends on: core/dataset_format.h, nlohmann/json (forward declarations only here).
// SPDX-License-Identifier: MIT
#pragma once

#include "core/dataset_format.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hcf::core::json_fields {

// The field's value when it has that type, else "", 0, false or empty (also when j is not an object).
std::string text(const nlohmann::json& j, const char* key);
int integer(const nlohmann::json& j, const char* key);
std::uint64_t unsigned_integer(const nlohmann::json& j, const char* key);
bool flag(const nlohmann::json& j, const char* key);
std::vector<std::string> texts(const nlohmann::json& j, const char* key);    // the strings of an array
std::map<std::string, int> counts(const nlohmann::json& j, const char* key); // {"name": whole number}
// The field when it is an object or an array, else null.
const nlohmann::json& object(const nlohmann::json& j, const char* key);
const nlohmann::json& array(const nlohmann::json& j, const char* key);

nlohmann::json source_json(const SourceInfo& s);
SourceInfo source_from(const nlohmann::json& j);
nlohmann::json coverage_json(const CouncilCoverage& c);
CouncilCoverage coverage_from(const nlohmann::json& j);
// Lists of them: a JSON array out; in, the array field `key` of j (entries that are not objects read as
// empty records).
nlohmann::json sources_json(const std::vector<SourceInfo>& sources);
std::vector<SourceInfo> sources_from(const nlohmann::json& j, const char* key);
nlohmann::json coverage_list_json(const std::vector<CouncilCoverage>& councils);
std::vector<CouncilCoverage> coverage_list_from(const nlohmann::json& j, const char* key);

} // namespace hcf::core::json_fields
