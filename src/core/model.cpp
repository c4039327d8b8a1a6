// homecare-finder core: labels and parsing for the data model's enums.
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
#include "model.h"

#include <cctype>

namespace hcf::core {

std::string_view rating_label(Rating r) {
    switch (r) {
    case Rating::Outstanding:
        return "Outstanding";
    case Rating::Good:
        return "Good";
    case Rating::RequiresImprovement:
        return "Requires improvement";
    case Rating::Inadequate:
        return "Inadequate";
    case Rating::NotRated:
        break;
    }
    return "Not yet rated";
}

std::string_view rating_key(Rating r) {
    switch (r) {
    case Rating::Outstanding:
        return "outstanding";
    case Rating::Good:
        return "good";
    case Rating::RequiresImprovement:
        return "requires_improvement";
    case Rating::Inadequate:
        return "inadequate";
    case Rating::NotRated:
        break;
    }
    return "not_rated";
}

std::optional<Rating> parse_rating(std::string_view text) {
    // Fold to lower-case letters only, so "Requires Improvement", "requires_improvement" and
    // " requires  improvement " all match.
    std::string folded;
    for (char c : text)
        if (std::isalpha(static_cast<unsigned char>(c)))
            folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (folded == "outstanding") return Rating::Outstanding;
    if (folded == "good") return Rating::Good;
    if (folded == "requiresimprovement") return Rating::RequiresImprovement;
    if (folded == "inadequate") return Rating::Inadequate;
    if (folded.empty() || folded == "notrated" || folded == "notyetrated" ||
        folded == "insufficientevidencetorate")
        return Rating::NotRated;
    return std::nullopt;
}

namespace {
struct FlagText {
    std::uint32_t flag;
    std::string_view key;
    std::string_view label;
};
constexpr FlagText kNeedText[] = {
    {NeedOlderPeople, "older_people", "Older people"},
    {NeedDementia, "dementia", "Dementia"},
    {NeedLearningDisability, "learning_disability", "Learning disability"},
    {NeedAutism, "autism", "Autism"},
    {NeedMentalHealth, "mental_health", "Mental health"},
    {NeedPhysicalDisability, "physical_disability", "Physical disability"},
    {NeedSensoryImpairment, "sensory_impairment", "Sight or hearing loss"},
    {NeedYoungerAdults, "younger_adults", "Younger adults"},
    {NeedChildren, "children", "Children"},
    {NeedSubstanceMisuse, "substance_misuse", "Drug or alcohol problems"},
    {NeedEatingDisorder, "eating_disorder", "Eating disorders"},
    {NeedWholePopulation, "whole_population", "Anyone"},
};
constexpr FlagText kServiceText[] = {
    {ServiceHomecare, "homecare", "Care at home"},
    {ServiceSupportedLiving, "supported_living", "Supported living"},
    {ServiceExtraCare, "extra_care", "Extra care housing"},
    {ServiceLiveIn, "live_in", "Live-in care"},
    {ServiceReablement, "reablement", "Reablement"},
    {ServiceNursing, "nursing", "Nursing at home"},
    {ServiceShared, "shared_lives", "Shared Lives"},
};
template <std::size_t N> const FlagText* find_flag(const FlagText (&table)[N], std::uint32_t flag) {
    for (const auto& t : table)
        if (t.flag == flag) return &t;
    return nullptr;
}
} // namespace

std::string_view need_label(Need n) {
    const auto* t = find_flag(kNeedText, n);
    return t ? t->label : "";
}
std::string_view need_key(Need n) {
    const auto* t = find_flag(kNeedText, n);
    return t ? t->key : "";
}
std::string_view service_label(ServiceType s) {
    const auto* t = find_flag(kServiceText, s);
    return t ? t->label : "";
}
std::string_view service_key(ServiceType s) {
    const auto* t = find_flag(kServiceText, s);
    return t ? t->key : "";
}

const std::vector<Need>& all_needs() {
    static const std::vector<Need> v = [] {
        std::vector<Need> out;
        for (const auto& t : kNeedText)
            out.push_back(static_cast<Need>(t.flag));
        return out;
    }();
    return v;
}
const std::vector<ServiceType>& all_service_types() {
    static const std::vector<ServiceType> v = [] {
        std::vector<ServiceType> out;
        for (const auto& t : kServiceText)
            out.push_back(static_cast<ServiceType>(t.flag));
        return out;
    }();
    return v;
}

std::string_view geo_precision_key(GeoPrecision p) {
    switch (p) {
    case GeoPrecision::District:
        return "district";
    case GeoPrecision::Sector:
        return "sector";
    case GeoPrecision::Unit:
        return "unit";
    case GeoPrecision::None:
        break;
    }
    return "none";
}

} // namespace hcf::core
