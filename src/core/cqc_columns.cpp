// homecare-finder core: CQC column names and wording (see cqc_columns.h).
// Depends on: core/cqc_columns.h, core/csv.h (header_key), core/ascii.h, nlohmann/json (alias extensions).
// SPDX-License-Identifier: MIT
#include "core/cqc_columns.h"

#include "core/ascii.h"
#include "core/csv.h"

#include <nlohmann/json.hpp>

namespace hcf::core {

namespace {

// ---- column names ---------------------------------------------------------------------------------
// Official CQC names first (the first alias is the one named in messages), then older CQC spellings,
// then the snake_case names of the samples and normalised files.
const std::vector<std::pair<std::string, std::vector<std::string>>>& default_alias_table() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> t = {
        {"location_id",
         {"Location ID", "CQC Location ID (for office use only)", "CQC Location (for office use only",
          "CQC Location ID", "location_id", "id"}},
        {"provider_id",
         {"Provider ID", "CQC Provider ID (for office use only)", "CQC Provider ID", "provider_id"}},
        {"name", {"Location Name", "Name", "location_name"}},
        {"provider_name", {"Provider Name", "provider_name"}},
        {"brand", {"Brand Name", "brand_name", "brand"}},
        {"address", {"Address"}},
        {"address_street", {"Location Street Address", "address_line1"}},
        {"address_line2", {"Location Address Line 2", "address_line2"}},
        {"address_city", {"Location City", "town"}},
        {"address_county", {"Location County"}},
        {"postcode", {"Location Postal Code", "Postcode", "Location Post Code", "Location Postcode"}},
        {"phone", {"Location Telephone Number", "Phone number", "phone", "Telephone number"}},
        {"website",
         {"Location Web Address", "Service's website (if available)", "website", "provider_website"}},
        {"local_authority", {"Location Local Authority", "Local authority", "local_authority"}},
        {"region", {"Location Region", "Region", "Location ADASS Region", "adass_region"}},
        {"service_types", {"Service types", "service_types"}},
        {"specialisms",
         {"Specialisms/services", "Service users supported", "specialisms", "service_users_supported",
          "service_user_bands"}},
        {"overall_rating",
         {"Location Latest Overall Rating", "Latest Overall Rating", "overall_rating",
          "rating_as_published"}},
        {"rating_date", {"Publication Date", "rating_publication_date", "rating_date"}},
        {"safe", {"Location safe rating", "safe", "rating_safe"}},
        {"effective", {"Location effective rating", "effective", "rating_effective"}},
        {"caring", {"Location caring rating", "caring", "rating_caring"}},
        {"responsive", {"Location responsive rating", "responsive", "rating_responsive"}},
        {"well_led", {"Location well-led rating", "well_led", "rating_well_led"}},
        {"dormant", {"Dormant (Y/N)", "Dormant"}},
        {"registered_date", {"Location HSCA start date", "hsca_start_date", "registration_date"}},
        {"ownership", {"Provider Ownership Type", "provider_ownership_type"}},
        {"cqc_url", {"Location URL", "cqc_url", "inspection_report_url"}},
        {"last_inspected", {"last_inspection_date"}},
        {"data_date", {"data_date", "source_edition"}},
    };
    return t;
}

struct TermFlags {
    std::string_view key; // header_key of the wording
    std::uint32_t flags;
};

// Specialisms (care directory), service user bands (HSCA) and the samples' wording -> Need flags.
// Entries with 0 are known wording the search has no filter for (so they are not reported as unknown).
constexpr TermFlags kNeedTerms[] = {
    {"caringforadultsover65yrs", NeedOlderPeople},
    {"olderpeople", NeedOlderPeople},
    {"caringforadultsunder65yrs", NeedYoungerAdults},
    {"youngeradults", NeedYoungerAdults},
    {"caringforchildren018yrs", NeedChildren},
    {"caringforchildren", NeedChildren},
    {"children018years", NeedChildren},
    {"dementia", NeedDementia},
    {"learningdisabilities", NeedLearningDisability},
    {"learningdisabilitiesorautisticspectrumdisorder", NeedLearningDisability | NeedAutism},
    {"autism", NeedAutism},
    {"autisticspectrumdisorder", NeedAutism},
    {"mentalhealthconditions", NeedMentalHealth},
    {"mentalhealth", NeedMentalHealth},
    {"physicaldisabilities", NeedPhysicalDisability},
    {"physicaldisability", NeedPhysicalDisability},
    {"sensoryimpairments", NeedSensoryImpairment},
    {"sensoryimpairment", NeedSensoryImpairment},
    {"substancemisuseproblems", NeedSubstanceMisuse},
    {"peoplewhomisusedrugsandalcohol", NeedSubstanceMisuse},
    {"eatingdisorders", NeedEatingDisorder},
    {"peoplewithaneatingdisorder", NeedEatingDisorder},
    {"servicesforeveryone", NeedWholePopulation},
    {"wholepopulation", NeedWholePopulation},
    // Known, deliberately without a filter: the search offers no "detained under the Mental Health Act".
    {"caringforpeoplewhoserightsarerestrictedunderthementalhealthact", 0},
    {"peopledetainedunderthementalhealthact", 0},
};

constexpr TermFlags kServiceTerms[] = {
    {"homecareagencies", ServiceHomecare},
    {"domiciliarycareservice", ServiceHomecare},
    {"domiciliarycare", ServiceHomecare},
    {"supportedliving", ServiceSupportedLiving},
    {"supportedlivingservice", ServiceSupportedLiving},
    {"extracarehousingservices", ServiceExtraCare},
    {"extracarehousing", ServiceExtraCare},
    {"communityhealthcareservicesnursesagencyonly", ServiceNursing},
    {"communityservicesnursing", ServiceNursing},
    {"sharedlives", ServiceShared},
    {"reablement", ServiceReablement},
};

} // namespace

const CqcColumns& default_cqc_columns() {
    static const CqcColumns c = [] {
        CqcColumns out;
        for (const auto& [field, names] : default_alias_table())
            out.aliases[field] = names;
        return out;
    }();
    return c;
}

Expected<void> add_cqc_column_aliases(CqcColumns& columns, std::string_view json_text) {
    auto fail = [](std::string m) { return Error{std::move(m), ""}; };
    const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail("The column names file is not a JSON object such as {\"postcode\": [\"New name\"]}.");
    for (const auto& [field, names] : j.items()) {
        if (!columns.aliases.count(field))
            return fail("The column names file names an unknown field \"" + field + "\".");
        if (!names.is_array()) return fail("The column names for \"" + field + "\" must be a list of names.");
        for (const auto& n : names) {
            if (!n.is_string()) return fail("The column names for \"" + field + "\" must be text.");
            columns.aliases[field].push_back(n.get<std::string>());
        }
    }
    return {};
}

std::optional<Needs> need_of_term(std::string_view term) {
    const std::string k = header_key(term);
    for (const auto& t : kNeedTerms)
        if (t.key == k) return t.flags;
    return std::nullopt;
}

ServiceTypes service_of_term(std::string_view term) {
    const std::string k = header_key(term);
    for (const auto& t : kServiceTerms)
        if (t.key == k) return t.flags;
    return 0;
}

std::vector<std::string> split_cqc_list(std::string_view cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= cell.size(); ++i) {
        if (i == cell.size() || cell[i] == '|' || cell[i] == ';') {
            std::string part = collapse_spaces(cell.substr(start, i - start));
            if (!part.empty()) out.push_back(std::move(part));
            start = i + 1;
        }
    }
    return out;
}

} // namespace hcf::core
