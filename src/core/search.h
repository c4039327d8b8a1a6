// homecare-finder core: provider search (radius, needs, services, rating, council, name) with reasons.
// Depends on: core/model.h, core/geo_index.h, core/geography.h (distance_km, Geography for council
//             codes), core/text_fold.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
//   SearchEngine engine(providers);            // once; providers must outlive the engine
//   SearchQuery q;                             // every field has a default
//   q.centre = location.centre; q.radius_miles = 5; q.needs = NeedDementia | NeedOlderPeople;
//   SearchResult r = engine.search(q);         // r.total, r.matches (this page), r.by_radius, r.advice
//
// Matching rules (decided here, shown to people through Match::reasons):
//  - Needs: by default an agency must support EVERY need ticked (someone with dementia and a physical
//    disability needs both); needs_match = Any shows agencies supporting at least one. "Anyone"
//    (NeedWholePopulation) is taken literally: it does not stand in for other needs.
//  - Service types: an agency must be registered for every type asked for.
//  - Rating: min_rating NotRated means "no minimum": every agency, rated or not. With a minimum, a rated
//    agency is shown when its overall rating >= min_rating, and an agency not yet rated only when
//    include_not_rated is on (off by default: "Good or Outstanding" means just that). An agency whose
//    rating is not in the data (Provider::rating_in_data false, e.g. from the care directory only) is
//    treated like one not yet rated, but its reason says "Rating not in this data", never "Not yet rated".
//  - Councils: the agency's CQC local authority must be one of those listed (names in any case, or ONS
//    council codes when the engine was given the geography).
//  - Text: every word typed must appear in the agency's name, provider name or brand, ignoring case
//    and accents ("cafe" finds "Café Care").
//  - Distance: great-circle distance from the centre to the agency's postcode, <= radius (inclusive).
//    Agencies with no known location are never in a radius search (see unplaced_count()).
// Order: Distance = nearest first; Rating = best first, then nearest; Name = A to Z (folded). Ties always
// fall back to distance, then name, then CQC location id, then position: results never depend on the
// index's internal order.
#pragma once

#include "core/geo_index.h"
#include "core/model.h"
#include "core/rating_words.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hcf::core {

class Geography;

enum class SortOrder : std::uint8_t { Distance, Rating, Name };
std::string_view sort_key(SortOrder s); // "distance", "rating", "name"
// Parses "distance", "rating" or "name" (any case); nullopt for anything else.
std::optional<SortOrder> parse_sort(std::string_view text);

enum class MatchMode : std::uint8_t {
    All, // the agency supports every need asked for
    Any, // the agency supports at least one of them
};

constexpr double kMinRadiusMiles = 0.1;   // miles
constexpr double kMaxRadiusMiles = 100.0; // miles
constexpr int kMaxPageSize = 10000;       // agencies a page
// The distances offered when widening a search ("Try 5 miles (14 agencies)"), and on the start screen, miles.
constexpr double kWidenRadiiMiles[] = {1, 2, 5, 10, 20};
// Fewer matches than this and the search also counts the wider distances and offers one.
constexpr std::size_t kFewResults = 5;

struct SearchQuery {
    LatLng centre;                          // degrees WGS84, from locate()
    double radius_miles = 5.0;              // miles, kMinRadiusMiles..kMaxRadiusMiles
    Needs needs = 0;                        // Need flags asked for; 0 = any agency
    MatchMode needs_match = MatchMode::All; // see the rules above
    ServiceTypes service_types = 0;         // ServiceType flags; all must match; 0 = any
    Rating min_rating = Rating::NotRated;   // lowest overall rating shown; NotRated = no minimum
    bool include_not_rated = false;         // with a minimum rating, also show agencies not yet rated
    std::vector<std::string> councils;      // CQC local authority names or ONS codes; empty = anywhere
    std::vector<std::string> location_ids; // only these CQC location ids (e.g. a framework list); empty = all
    std::string text;                      // words in the name, provider name or brand; "" = any
    SortOrder sort = SortOrder::Distance;  // result order
    int page = 1;                          // 1-based page number
    int page_size = 20;                    // agencies a page, 1..kMaxPageSize; 0 = all on one page
};

struct Match {
    std::size_t index = 0;            // position in the providers vector the engine was built from
    double distance_miles = 0;        // miles (distance_km / 1.609344)
    double distance_km = 0;           // km, great circle
    bool approximate = false;         // placed at its postcode sector/district centre, not its own postcode
    Needs needs_covered = 0;          // the needs asked for that this agency supports
    std::vector<std::string> reasons; // why it is listed, plain words: "1.2 miles away", "Rated Good"
};

struct RadiusCount {
    double radius_miles = 0; // miles
    std::size_t count = 0;   // agencies matching every other choice within that distance
    bool known = true;       // false: not counted (a wider distance when the list was long enough)
};

struct SearchResult {
    bool ok = false;
    std::string message;        // when !ok: what to change ("Choose a distance from 0.1 to 100 miles.")
    std::size_t total = 0;      // agencies matching everything within the radius
    std::size_t in_radius = 0;  // agencies within the radius before needs/rating/council/text filters
    int page = 1;               // the page returned (1-based)
    int page_size = 20;         // as asked (0 = all)
    int page_count = 0;         // pages in total (0 when total is 0)
    std::vector<Match> matches; // this page, in order
    std::vector<RadiusCount> by_radius; // the same choices at each of kWidenRadiiMiles; distances above the
                                        // radius are counted only when total < kFewResults (else known=false)
    bool can_widen = false;             // a wider distance in by_radius finds more agencies
    RadiusCount widen;                  // the smallest such distance and its count (when can_widen)
    std::string advice;                 // "" or e.g. "No agencies within 2 miles. Try 5 miles (14 agencies)."
};

class SearchEngine {
  public:
    // Builds the spatial index and the folded names once. The providers vector must outlive the engine
    // and stay unchanged. geo (optional) lets queries name councils by ONS code ("E10000012").
    explicit SearchEngine(const std::vector<Provider>& providers, const Geography* geo = nullptr);

    SearchResult search(const SearchQuery& q) const;
    // The same answers without the spatial index: every provider is measured. For tests (results must
    // be identical to search()) and the benchmark's comparison.
    SearchResult search_linear(const SearchQuery& q) const;
    // Agencies matching q's choices within radius_miles instead of q.radius_miles (0 if q is not valid).
    std::size_t count_within(const SearchQuery& q, double radius_miles) const;

    const std::vector<Provider>& providers() const { return *providers_; }
    const GeoIndex& index() const { return index_; }
    std::size_t placed_count() const { return index_.size(); } // agencies with a usable location
    std::size_t unplaced_count() const { return providers_->size() - index_.size(); }

  private:
    struct Prepared; // a query checked and folded
    bool prepare(const SearchQuery& q, Prepared& p, std::string& message) const;
    bool passes(const Prepared& p, std::size_t i) const;
    SearchResult run(const SearchQuery& q, bool use_index) const;

    const std::vector<Provider>* providers_;
    GeoIndex index_;
    std::vector<bool> placed_;            // has a usable location (what the index holds)
    std::vector<std::string> sort_names_; // fold_text(name)
    std::vector<std::string> haystacks_;  // fold_text(name + provider name + brand)
    std::vector<std::string> councils_;   // fold_text(friendly_council_name(local_authority))
    std::unordered_map<std::string, std::string> council_codes_; // ONS code -> folded council name
};

// "1.2 miles", "1 mile", "12 miles" (whole miles from 10), "less than 0.1 miles".
std::string format_miles(double miles);
// "1.9 km", "1 km", "16 km", "less than 0.1 km".
std::string format_km(double km);
// A distance for people: format_miles(), or for an agency placed only by its postcode sector/district
// (approximate) "about 1.2 miles" (never below "about 0.1 miles": the true distance is not known).
std::string distance_words(double miles, bool approximate);
// "23 agencies within 5 miles of B13 9AB", "1 agency within 1 mile of HR4", "No agencies within 2 miles of
// B13 9AB". Without a place: "23 agencies within 5 miles".
std::string result_summary(const SearchResult& r, double radius_miles, std::string_view place = {});
// The sentence for one need in Match::reasons: "Supports people with dementia".
std::string need_reason(Need n);
// "Rated Good", "Not yet rated", CQC's words ("Inspected but not rated"), or kRatingNotInOurInformation.
std::string rating_reason(const Provider& p);

} // namespace hcf::core
