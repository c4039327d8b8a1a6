// homecare-finder core: reading and writing bundle.bin and details/*.bin (see dataset_format.h).
// Depends on: core/dataset_format.h, core/dataset_sections.h, core/binary_codec.h, core/json_fields.h,
//             core/postcode.h, nlohmann/json.
// SPDX-License-Identifier: MIT
#include "core/dataset_format.h"

#include "core/binary_codec.h"
#include "core/dataset_sections.h"
#include "core/json_fields.h"
#include "core/postcode.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <unordered_map>

namespace hcf::core {

namespace {

using nlohmann::json;
using namespace sections;
namespace jf = json_fields;

json info_json(const DatasetInfo& i) {
    return json{{"dataset_version", i.dataset_version},
                {"cqc_edition", i.cqc_edition},
                {"sources", jf::sources_json(i.sources)},
                {"attributions", i.attributions},
                {"covers_all_england", i.covers_all_england},
                {"coverage_summary", i.coverage_summary},
                {"coverage", jf::coverage_list_json(i.coverage)},
                {"agencies", i.agencies},
                {"placed", i.placed},
                {"unit_areas", i.unit_areas},
                {"detail_areas", i.detail_areas}};
}

DatasetInfo info_from(const json& j) {
    DatasetInfo i;
    i.dataset_version = jf::text(j, "dataset_version");
    i.cqc_edition = jf::text(j, "cqc_edition");
    i.sources = jf::sources_from(j, "sources");
    i.attributions = jf::texts(j, "attributions");
    i.covers_all_england = jf::flag(j, "covers_all_england");
    i.coverage_summary = jf::text(j, "coverage_summary");
    i.coverage = jf::coverage_list_from(j, "coverage");
    i.agencies = jf::integer(j, "agencies");
    i.placed = jf::integer(j, "placed");
    i.unit_areas = jf::texts(j, "unit_areas");
    i.detail_areas = jf::texts(j, "detail_areas");
    return i;
}

// Fills in the providers a details pack holds; false (b untouched) when one is not in the bundle.
bool fill_details(Bundle& b, std::vector<ProviderDetails>& d) {
    std::unordered_map<std::string, std::size_t> where;
    for (std::size_t i = 0; i < b.providers.size(); ++i)
        where[b.providers[i].location_id] = i;
    for (const auto& x : d)
        if (!where.count(x.id)) return false;
    for (auto& x : d) {
        Provider& p = b.providers[where[x.id]];
        p.provider_id = std::move(x.provider_id);
        p.address = std::move(x.address);
        p.phone = std::move(x.phone);
        p.website = std::move(x.website);
        if (!x.url.empty()) p.cqc_url = std::move(x.url);
        p.ownership = std::move(x.ownership);
        p.registered_date = std::move(x.registered);
        p.specialisms = std::move(x.specialisms);
        p.details_loaded = true;
    }
    return true;
}

} // namespace

SourceInfo read_source_info(std::string_view json_object) {
    const json j = json::parse(json_object, nullptr, false);
    return j.is_object() ? jf::source_from(j) : SourceInfo{};
}

SourceInfo cqc_register_source(bool national) {
    SourceInfo s;
    s.title = national ? "CQC register: every location in England" : "CQC register files (part of England)";
    s.publisher = std::string(kCqcPublisher);
    s.licence = "Open Government Licence v3.0";
    s.licence_url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    s.attribution = "Contains public sector information licensed under the Open Government Licence v3.0 "
                    "(Care Quality Commission data). The CQC does not endorse this tool.";
    return s;
}

std::string details_area(const Provider& p) {
    const PostcodeParse pp = parse_postcode(p.postcode);
    return pp.ok && !pp.postcode.area.empty() ? pp.postcode.area : "none";
}

std::string damaged_file_words(std::string_view file) {
    return "The care information file is damaged (" + std::string(file) +
           "). Reload the page; if it keeps happening, tell the website owner.";
}

double stored_position(double degrees) {
    return static_cast<double>(std::llround(degrees * 1e4)) / 1e4;
}

double stored_sector_position(double degrees) {
    return static_cast<double>(std::llround(degrees * 1e3)) / 1e3;
}

// ---- writing -------------------------------------------------------------------------------------------

std::string serialize_bundle(const Bundle& b) {
    ByteWriter w;
    w.section(TagMeta, info_json(b.info).dump());
    w.section(TagDistricts, write_districts(b.geography));
    w.section(TagSectors, write_sectors(b.geography));
    w.section(TagCouncils, write_councils(b));
    w.section(TagCosts, b.cost_reference_csv);
    w.section(TagProfiles, write_profiles(b.council_profiles));
    w.section(TagProviders, write_providers(b));
    if (!b.contacts.empty()) w.section(TagContacts, write_council_contacts(b.contacts));
    w.section(TagInspected, write_inspected(b.providers));
    return seal_container(ContainerKind::Bundle, w.bytes());
}

std::string serialize_details(const Bundle& b, std::string_view area) {
    ByteWriter w;
    w.section(TagMeta, json{{"dataset_version", b.info.dataset_version}, {"area", std::string(area)}}.dump());
    w.section(TagDetails, write_details(b, area));
    return seal_container(ContainerKind::Details, w.bytes());
}

// ---- reading -------------------------------------------------------------------------------------------

Expected<Bundle> load_bundle(std::string_view bytes, BundleLoadOptions options) {
    auto fail = [](std::string detail) { return Error{damaged_file_words("bundle.bin"), std::move(detail)}; };
    try {
        const auto payload = open_container(bytes, ContainerKind::Bundle, options.verify_checksum);
        if (!payload) return fail(payload.error_detail());
        auto found = read_sections(*payload);
        if (!found) return fail(found.error_detail());
        auto& sec = *found;
        for (const Tag t :
             {TagMeta, TagDistricts, TagSectors, TagCouncils, TagCosts, TagProfiles, TagProviders})
            if (!sec.count(t)) return fail("section " + std::to_string(static_cast<int>(t)) + " missing");
        Bundle b;
        const json meta = json::parse(sec[TagMeta], nullptr, false);
        if (meta.is_discarded() || !meta.is_object()) return fail("information section is not JSON");
        b.info = info_from(meta);

        auto districts = read_districts(sec[TagDistricts]);
        if (!districts) return fail(districts.error_detail());
        Points& points = districts->points;
        auto sectors = read_sectors(sec[TagSectors], districts->districts);
        if (!sectors) return fail(sectors.error_detail());
        for (const auto& [code, point] : sectors->points)
            points[code] = point;
        b.geography.set_districts(std::move(districts->districts));
        b.geography.set_sectors(std::move(sectors->sectors));
        auto councils = read_councils(sec[TagCouncils], b.geography.districts());
        if (!councils) return fail(councils.error_detail());
        b.lads = std::move(councils->lads);
        for (auto& [district, shares] : councils->shares)
            b.geography.set_councils(std::move(district), std::move(shares));
        b.cost_reference_csv = std::string(sec[TagCosts]);
        if (!b.cost_reference_csv.empty()) {
            auto costs = parse_cost_references(b.cost_reference_csv);
            if (!costs) return fail("cost references: " + costs.error());
            b.costs = std::move(*costs);
        }
        auto profiles = read_profiles(sec[TagProfiles]);
        if (!profiles) return fail(profiles.error_detail());
        b.council_profiles = std::move(*profiles);
        auto providers = read_providers(sec[TagProviders], points);
        if (!providers) return fail(providers.error_detail());
        b.providers = std::move(*providers);
        if (sec.count(TagContacts)) {
            auto contacts = read_council_contacts(sec[TagContacts], "bundle.bin");
            if (!contacts) return fail("council contacts: " + contacts.error());
            b.contacts = std::move(*contacts);
        }
        if (sec.count(TagInspected)) {
            auto dates = read_inspected(sec[TagInspected], b.providers.size());
            if (!dates) return fail(dates.error_detail());
            for (std::size_t i = 0; i < b.providers.size(); ++i)
                b.providers[i].last_inspected = std::move((*dates)[i]);
        }
        return b;
    } catch (const std::exception& e) {
        return fail(std::string("unexpected: ") + e.what());
    }
}

Expected<void> apply_details(Bundle& b, std::string_view bytes, BundleLoadOptions options) {
    std::string file = details_file_name("?");
    auto fail = [](const std::string& name) { return Error{damaged_file_words(name), ""}; };
    try {
        const auto payload = open_container(bytes, ContainerKind::Details, options.verify_checksum);
        if (!payload) return Error{damaged_file_words("details"), payload.error_detail()};
        auto found = read_sections(*payload);
        if (!found || !found->count(TagMeta) || !found->count(TagDetails))
            return Error{damaged_file_words("details"), found ? "section missing" : found.error_detail()};
        auto& sec = *found;
        const json meta = json::parse(sec[TagMeta], nullptr, false);
        const std::string area = jf::text(meta, "area");
        file = details_file_name(area);
        if (jf::text(meta, "dataset_version") != b.info.dataset_version)
            return Error{"The care details file (" + file +
                             ") is from a different version of the information. Reload the page.",
                         ""};
        auto d = read_details(sec[TagDetails]);
        if (!d || !fill_details(b, *d)) return fail(file);
        b.details_applied.insert(area);
        return {};
    } catch (const std::exception&) {
        return fail(file);
    }
}

} // namespace hcf::core
