// homecare-finder core: the data model shared by the dataset compiler, the search and the app.
// Depends on: the C++ standard library only (no ImGui, no Emscripten).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// CQC overall or key-question rating. Order matters: a higher value is a better rating,
// so "minimum rating" filters compare with >=. NotRated sorts below every real rating.
enum class Rating : std::uint8_t {
    NotRated = 0, // "Not yet rated" (blank in CQC files, or "Not rated")
    Inadequate = 1,
    RequiresImprovement = 2,
    Good = 3,
    Outstanding = 4,
};

// The words people see ("Good", "Requires improvement", "Not yet rated").
std::string_view rating_label(Rating r);
// Stable machine key ("good", "requires_improvement", "not_rated") for JSON, URLs and the CLI.
std::string_view rating_key(Rating r);
// Parses a CQC rating in any case and spacing ("Requires Improvement", "requires improvement",
// "Not rated", "" give NotRated). nullopt for unknown text: reported, not guessed.
std::optional<Rating> parse_rating(std::string_view text);

// The fixed vocabulary the search filters use for who an agency supports (CQC "service user
// bands" and care-directory "specialisms" both map onto it). Bit flags, combined in a Needs mask.
enum Need : std::uint32_t {
    NeedOlderPeople = 1u << 0,
    NeedDementia = 1u << 1,
    NeedLearningDisability = 1u << 2,
    NeedAutism = 1u << 3,
    NeedMentalHealth = 1u << 4,
    NeedPhysicalDisability = 1u << 5,
    NeedSensoryImpairment = 1u << 6,
    NeedYoungerAdults = 1u << 7,
    NeedChildren = 1u << 8,
    NeedSubstanceMisuse = 1u << 9,
    NeedEatingDisorder = 1u << 10,
    NeedWholePopulation = 1u << 11,
};
using Needs = std::uint32_t;
constexpr int kNeedCount = 12;

// Service types CQC registers a location for, as far as home care is concerned. Bit flags.
enum ServiceType : std::uint32_t {
    ServiceHomecare = 1u << 0,        // "Domiciliary care service" / "Homecare agencies"
    ServiceSupportedLiving = 1u << 1, // "Supported living service"
    ServiceExtraCare = 1u << 2,       // "Extra Care housing services"
    ServiceLiveIn = 1u << 3,          // only where the data says so; CQC has no separate type
    ServiceReablement = 1u << 4,      // "Reablement" where a directory lists it
    ServiceNursing = 1u << 5,         // "Community health care services - Nurses Agency only"
    ServiceShared = 1u << 6,          // "Shared Lives"
};
using ServiceTypes = std::uint32_t;
constexpr int kServiceTypeCount = 7;

// Label and key for one Need / ServiceType flag (exactly one bit set).
std::string_view need_label(Need n); // "Dementia", "Learning disability", ...
std::string_view need_key(Need n);   // "dementia", "learning_disability", ...
std::string_view service_label(ServiceType s);
std::string_view service_key(ServiceType s);
// All flags in a fixed order, for iterating.
const std::vector<Need>& all_needs();
const std::vector<ServiceType>& all_service_types();

// How precisely a location (a provider's or a person's) was placed on the map.
enum class GeoPrecision : std::uint8_t {
    None = 0,     // not placed
    District = 1, // centroid of the postcode district ("HR4")
    Sector = 2,   // centroid of the postcode sector ("HR4 9")
    Unit = 3,     // the full postcode ("HR4 9AB")
};
std::string_view geo_precision_key(GeoPrecision p); // "none", "district", "sector", "unit"

struct LatLng {
    double lat = 0.0; // degrees, WGS84
    double lng = 0.0; // degrees, WGS84
};

// Ratings for the five CQC key questions.
struct KeyQuestionRatings {
    Rating safe = Rating::NotRated;
    Rating effective = Rating::NotRated;
    Rating caring = Rating::NotRated;
    Rating responsive = Rating::NotRated;
    Rating well_led = Rating::NotRated;
};

// One CQC-registered location that provides care at home. Strings are UTF-8; empty means "not in
// the data" (the UI must say so rather than invent a value).
struct Provider {
    std::string location_id;   // CQC location id, e.g. "1-2375497294"; unique in a dataset
    std::string provider_id;   // CQC provider id (the organisation)
    std::string name;          // location name
    std::string provider_name; // registered provider (organisation) name
    std::string brand;         // brand / group name where CQC lists one
    std::string address;       // street address without postcode
    std::string postcode;      // normalised "B13 9AB"
    std::string phone;
    std::string website;
    std::string local_authority; // CQC's local authority name, e.g. "Birmingham"
    std::string region;          // CQC region, e.g. "West Midlands"
    std::string cqc_url;         // https://www.cqc.org.uk/location/<id>
    std::string ownership;       // "Organisation", "Individual", "Partnership" where known
    std::string registered_date; // ISO yyyy-mm-dd, first registered (HSCA start date)
    Rating overall = Rating::NotRated;
    std::string rating_date; // ISO yyyy-mm-dd of the published overall rating; empty if not rated
    KeyQuestionRatings key_questions;
    Needs needs = 0;                      // who it supports (bit flags of Need)
    ServiceTypes service_types = 0;       // what it is registered for (bit flags of ServiceType)
    std::vector<std::string> specialisms; // the original wording from the source, for display
    LatLng location;                      // from the postcode; see precision
    GeoPrecision precision = GeoPrecision::None;
    std::string source;    // which input file(s) the record came from
    std::string data_date; // ISO date of the CQC edition the record came from
    // Appended for the dataset pipeline (issue 8):
    std::string rating_text;            // overall rating as CQC published it ("Requires Improvement",
                                        // "Not Rated", "Inspected but not rated"); "" when none
    bool rating_in_data = false;        // a CQC ratings source covered this location; false for rows found
                                        // only in the care directory (it has no ratings): the UI then says
                                        // "rating not in this data", never "not yet rated"
    bool key_questions_in_data = false; // the five key-question ratings came from the source
    std::string last_inspected; // ISO date of CQC's last inspection where the source gives only that (not the
                                // date a rating was published: that is rating_date); "" when not known
    bool details_loaded =
        true; // false after load_bundle() until the details pack of the agency's postcode
              // area is applied (address, phone, website, provider id...): core/dataset_format.h
};

} // namespace hcf::core
