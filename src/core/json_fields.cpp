// homecare-finder core: never-throwing JSON field reads, and sources and coverage as JSON (see
// json_fields.h). Depends on: core/json_fields.h, nlohmann/json. SPDX-License-Identifier: MIT
#include "core/json_fields.h"

#include <nlohmann/json.hpp>

namespace hcf::core::json_fields {

using nlohmann::json;

namespace {
const json& field(const json& j, const char* key) {
    static const json none;
    if (!j.is_object()) return none;
    const auto it = j.find(key);
    return it == j.end() ? none : *it;
}
} // namespace

std::string text(const json& j, const char* key) {
    const json& v = field(j, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

int integer(const json& j, const char* key) {
    const json& v = field(j, key);
    return v.is_number_integer() ? v.get<int>() : 0;
}

std::uint64_t unsigned_integer(const json& j, const char* key) {
    const json& v = field(j, key);
    return v.is_number_unsigned() ? v.get<std::uint64_t>() : 0;
}

bool flag(const json& j, const char* key) {
    const json& v = field(j, key);
    return v.is_boolean() && v.get<bool>();
}

std::vector<std::string> texts(const json& j, const char* key) {
    std::vector<std::string> out;
    for (const auto& v : array(j, key))
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::map<std::string, int> counts(const json& j, const char* key) {
    std::map<std::string, int> out;
    for (const auto& [k, v] : object(j, key).items())
        if (v.is_number_integer()) out[k] = v.get<int>();
    return out;
}

const json& object(const json& j, const char* key) {
    static const json none = json::object();
    const json& v = field(j, key);
    return v.is_object() ? v : none;
}

const json& array(const json& j, const char* key) {
    static const json none = json::array();
    const json& v = field(j, key);
    return v.is_array() ? v : none;
}

json source_json(const SourceInfo& s) {
    return json{{"id", s.id},
                {"title", s.title},
                {"publisher", s.publisher},
                {"edition", s.edition},
                {"licence", s.licence},
                {"licence_url", s.licence_url},
                {"attribution", s.attribution},
                {"origin", s.origin},
                {"note", s.note},
                {"files", s.files},
                {"coverage_words", s.coverage_words},
                {"edition_words", s.edition_words}};
}

SourceInfo source_from(const json& j) {
    SourceInfo s;
    s.id = text(j, "id");
    s.title = text(j, "title");
    s.publisher = text(j, "publisher");
    s.edition = text(j, "edition");
    s.licence = text(j, "licence");
    s.licence_url = text(j, "licence_url");
    s.attribution = text(j, "attribution");
    s.origin = text(j, "origin");
    s.note = text(j, "note");
    s.files = texts(j, "files");
    s.coverage_words = text(j, "coverage_words");
    s.edition_words = text(j, "edition_words");
    return s;
}

json coverage_json(const CouncilCoverage& c) {
    return {{"code", c.code},
            {"name", c.name},
            {"agencies", c.agencies},
            {"complete", c.complete},
            {"source", c.source}};
}

CouncilCoverage coverage_from(const json& j) {
    return {text(j, "code"), text(j, "name"), integer(j, "agencies"), flag(j, "complete"), text(j, "source")};
}

json sources_json(const std::vector<SourceInfo>& sources) {
    json out = json::array();
    for (const auto& s : sources)
        out.push_back(source_json(s));
    return out;
}

std::vector<SourceInfo> sources_from(const json& j, const char* key) {
    std::vector<SourceInfo> out;
    for (const auto& s : array(j, key))
        out.push_back(source_from(s));
    return out;
}

json coverage_list_json(const std::vector<CouncilCoverage>& councils) {
    json out = json::array();
    for (const auto& c : councils)
        out.push_back(coverage_json(c));
    return out;
}

std::vector<CouncilCoverage> coverage_list_from(const json& j, const char* key) {
    std::vector<CouncilCoverage> out;
    for (const auto& c : array(j, key))
        out.push_back(coverage_from(c));
    return out;
}

} // namespace hcf::core::json_fields
