// homecare-finder core: reading and writing manifest.json (see manifest.h).
// Depends on: core/manifest.h, core/json_fields.h, core/sha256.h, nlohmann/json.
// SPDX-License-Identifier: MIT
#include "core/manifest.h"

#include "core/json_fields.h"
#include "core/sha256.h"

#include <nlohmann/json.hpp>

namespace hcf::core {

namespace {

using nlohmann::json;
namespace jf = json_fields;

json counts_json(const ManifestCounts& c) {
    return {{"rows_in", c.rows_in},
            {"rows_used", c.rows_used},
            {"rows_excluded", c.rows_excluded},
            {"excluded_by_reason", c.excluded_by_reason},
            {"agencies_out", c.agencies_out},
            {"dormant_agencies_dropped", c.dormant_agencies_dropped},
            {"warnings_by_reason", c.warnings_by_reason},
            {"placed_by",
             {{"unit_postcode", c.placed_by_unit_postcode},
              {"postcode_sector", c.placed_by_postcode_sector},
              {"postcode_district", c.placed_by_postcode_district},
              {"not_placed", c.not_placed}}},
            {"wording_without_a_search_filter", c.wording_without_a_search_filter}};
}

ManifestCounts counts_from(const json& j) {
    ManifestCounts c;
    c.rows_in = jf::integer(j, "rows_in");
    c.rows_used = jf::integer(j, "rows_used");
    c.rows_excluded = jf::integer(j, "rows_excluded");
    c.excluded_by_reason = jf::counts(j, "excluded_by_reason");
    c.agencies_out = jf::integer(j, "agencies_out");
    c.dormant_agencies_dropped = jf::integer(j, "dormant_agencies_dropped");
    c.warnings_by_reason = jf::counts(j, "warnings_by_reason");
    const json& placed = jf::object(j, "placed_by");
    c.placed_by_unit_postcode = jf::integer(placed, "unit_postcode");
    c.placed_by_postcode_sector = jf::integer(placed, "postcode_sector");
    c.placed_by_postcode_district = jf::integer(placed, "postcode_district");
    c.not_placed = jf::integer(placed, "not_placed");
    c.wording_without_a_search_filter = jf::counts(j, "wording_without_a_search_filter");
    return c;
}

json coverage_json(const ManifestCoverage& c) {
    json declared = json::array();
    for (const auto& d : c.complete_by_source)
        declared.push_back({{"source", d.source},
                            {"edition", d.edition},
                            {"edition_words", d.edition_words},
                            {"councils", d.councils}});
    return {{"covers_all_england", c.covers_all_england},
            {"summary", c.summary},
            {"councils", jf::coverage_list_json(c.councils)},
            {"complete_by_source", declared},
            {"local_authority_names_not_matched", c.local_authority_names_not_matched}};
}

ManifestCoverage coverage_from(const json& j) {
    ManifestCoverage c;
    c.covers_all_england = jf::flag(j, "covers_all_england");
    c.summary = jf::text(j, "summary");
    c.councils = jf::coverage_list_from(j, "councils");
    for (const auto& d : jf::array(j, "complete_by_source"))
        c.complete_by_source.push_back({jf::text(d, "source"), jf::text(d, "edition"),
                                        jf::text(d, "edition_words"), jf::texts(d, "councils")});
    c.local_authority_names_not_matched = jf::texts(j, "local_authority_names_not_matched");
    return c;
}

} // namespace

Expected<Manifest> read_manifest(std::string_view json_text) {
    const Error damaged{damaged_file_words("manifest.json"), ""};
    const json j = json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("files") || !j["files"].is_array()) return damaged;
    Manifest m;
    for (const auto& f : j["files"]) {
        ManifestFile file{jf::text(f, "name"), jf::unsigned_integer(f, "bytes"), jf::text(f, "sha256"),
                          jf::text(f, "kind")};
        if (file.name.empty() || file.sha256.size() != 64) return damaged;
        m.files.push_back(std::move(file));
    }
    m.format = jf::text(j, "format");
    m.format_version = jf::integer(j, "format_version");
    m.dataset_version = jf::text(j, "dataset_version");
    m.cqc_edition = jf::text(j, "cqc_edition");
    m.sources = jf::sources_from(j, "sources");
    m.attribution = jf::texts(j, "attribution");
    for (const auto& f : jf::array(j, "cqc_files"))
        m.cqc_files.push_back({jf::text(f, "file"), jf::text(f, "role"), jf::text(f, "edition"),
                               jf::integer(f, "header_line"), jf::integer(f, "rows"),
                               jf::integer(f, "rows_used"), jf::texts(f, "missing_optional_columns"),
                               jf::flag(f, "converted_from_windows_1252")});
    m.counts = counts_from(jf::object(j, "counts"));
    for (const auto& e : jf::array(j, "excluded_rows"))
        m.excluded_rows.push_back({jf::text(e, "file"), jf::integer(e, "line"), jf::text(e, "location_id"),
                                   jf::text(e, "reason_key"), jf::text(e, "reason")});
    m.excluded_rows_not_listed = jf::integer(j, "excluded_rows_not_listed");
    m.coverage = coverage_from(jf::object(j, "coverage"));
    const json& postcodes = jf::object(j, "postcodes");
    m.postcodes = {jf::texts(postcodes, "unit_postcode_areas"), jf::texts(postcodes, "areas_left_out"),
                   jf::text(postcodes, "note")};
    if (j.contains("updated_in_browser") && j["updated_in_browser"].is_object()) {
        const json& u = j["updated_in_browser"];
        m.updated_in_browser = {true, jf::text(u, "on"), jf::texts(u, "files")};
    }
    return m;
}

std::string write_manifest(const Manifest& m) {
    json j;
    j["format"] = m.format;
    j["format_version"] = m.format_version;
    j["dataset_version"] = m.dataset_version;
    j["cqc_edition"] = m.cqc_edition;
    j["sources"] = jf::sources_json(m.sources);
    j["attribution"] = m.attribution;
    json cqc_files = json::array();
    for (const auto& f : m.cqc_files)
        cqc_files.push_back({{"file", f.file},
                             {"role", f.role},
                             {"edition", f.edition},
                             {"header_line", f.header_line},
                             {"rows", f.rows},
                             {"rows_used", f.rows_used},
                             {"missing_optional_columns", f.missing_optional_columns},
                             {"converted_from_windows_1252", f.converted_from_windows_1252}});
    j["cqc_files"] = cqc_files;
    j["counts"] = counts_json(m.counts);
    json rows = json::array();
    for (const auto& e : m.excluded_rows)
        rows.push_back({{"file", e.file},
                        {"line", e.line},
                        {"location_id", e.location_id},
                        {"reason_key", e.reason_key},
                        {"reason", e.reason}});
    j["excluded_rows"] = rows;
    j["excluded_rows_not_listed"] = m.excluded_rows_not_listed;
    j["coverage"] = coverage_json(m.coverage);
    j["postcodes"] = {{"unit_postcode_areas", m.postcodes.unit_postcode_areas},
                      {"areas_left_out", m.postcodes.areas_left_out},
                      {"note", m.postcodes.note}};
    json files = json::array();
    for (const auto& f : m.files)
        files.push_back({{"name", f.name}, {"bytes", f.bytes}, {"sha256", f.sha256}, {"kind", f.kind}});
    j["files"] = files;
    if (m.updated_in_browser.updated)
        j["updated_in_browser"] = {{"on", m.updated_in_browser.on}, {"files", m.updated_in_browser.files}};
    return j.dump(1) + "\n";
}

const ManifestFile* find_manifest_file(const Manifest& m, std::string_view name) {
    for (const auto& f : m.files)
        if (f.name == name) return &f;
    return nullptr;
}

Expected<void> verify_file(const Manifest& m, std::string_view name, std::string_view bytes) {
    const ManifestFile* f = find_manifest_file(m, name);
    if (!f)
        return Error{"The care information file " + std::string(name) +
                         " is not part of this version of the information. Reload the page; if it keeps "
                         "happening, tell the website owner.",
                     ""};
    if (bytes.size() != f->bytes || sha256_hex(bytes) != f->sha256)
        return Error{damaged_file_words(name), ""};
    return {};
}

} // namespace hcf::core
