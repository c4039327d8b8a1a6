// homecare-finder core: postcode geography (district/sector centroids, unit packs, councils) and locate().
// Depends on: core/expected.h, core/model.h (LatLng, GeoPrecision), core/postcode.h, the C++ standard
// library. SPDX-License-Identifier: MIT
#pragma once

#include "core/expected.h"
#include "core/model.h"
#include "core/postcode.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace hcf::core {

struct District {
    std::string code;  // outward code, "LE1"
    std::string area;  // "LE"
    LatLng centre;     // mean of its unit postcodes, degrees WGS84
    int postcodes = 0; // number of unit postcodes (count)
};

struct Sector {
    std::string code;     // "LE1 1"
    std::string district; // "LE1"
    LatLng centre;        // degrees WGS84
    int postcodes = 0;    // count
};

// One council a postcode district lies in, with its share of the district's postcodes.
struct CouncilShare {
    std::string lad_code;        // local authority district, "E07000235"
    std::string lad_name;        // ONS name, "Malvern Hills"
    std::string upper_tier_code; // the council running adult social care, "E10000034"
    std::string upper_tier_name; // ONS name, "Worcestershire"
    double share = 0;            // fraction of the district's postcodes, 0..1
};

// The postcode geography the app and the CLI look people up in. Filled once (by the dataset loader),
// then read-only; every lookup is a hash-map or binary search, never a scan.
class Geography {
  public:
    void set_districts(std::vector<District> d);
    void set_sectors(std::vector<Sector> s);
    void set_councils(std::string district, std::vector<CouncilShare> shares); // sorted best first

    // A unit-postcode pack (format in ../shared/data/README.md): "#LE1,526334,-11325" opens a district
    // (lat, lng x 1e4), then "1AA,-13,75" per postcode (deltas). `name` says what the pack holds: an area
    // ("LE", every district in it, as assets/sources/postcodes keeps them) or one district ("LE1", as the
    // web build serves them: postcodes/LE1.txt). A district's pack must hold as many postcodes as
    // district(name)->postcodes says. Blank lines and CRLF are tolerated. A malformed pack is an Error
    // naming the line, and the postcodes loaded before stay as they were.
    Expected<void> add_unit_pack(std::string_view name, std::string_view compact_text);
    // "LE1": its unit postcodes are loaded (its own file, or its area's, which holds all the area has).
    bool has_units_of(std::string_view district) const;

    const District* district(std::string_view code) const;              // "LE1"; nullptr if unknown
    const Sector* sector(std::string_view code) const;                  // "LE1 1"; nullptr if unknown
    std::optional<LatLng> unit(std::string_view normalised_unit) const; // "LE1 1AA" (its district loaded)
    const std::vector<CouncilShare>* councils(std::string_view district) const; // nullptr if unknown
    const std::vector<District>& districts() const { return districts_; }
    const std::vector<Sector>& sectors() const { return sectors_; }

    // The sectors of one district, in code order (indices into sectors()).
    std::vector<const Sector*> sectors_of(std::string_view district) const;
    std::size_t unit_count() const; // unit postcodes across all loaded districts
    std::size_t council_district_count() const { return councils_.size(); }

  private:
    struct UnitEntry {
        std::uint64_t key = 0; // packed postcode without space, see postcode key in geography.cpp
        std::int32_t lat = 0;  // degrees x 1e4
        std::int32_t lng = 0;  // degrees x 1e4
    };
    std::vector<District> districts_;
    std::vector<Sector> sectors_;
    std::unordered_map<std::string, std::size_t> district_index_;
    std::unordered_map<std::string, std::size_t> sector_index_;
    std::unordered_map<std::string, std::vector<std::size_t>> sectors_by_district_; // sorted by code
    std::unordered_map<std::string, std::vector<CouncilShare>> councils_;
    std::unordered_map<std::string, std::vector<UnitEntry>> units_by_district_; // sorted by key
    std::unordered_set<std::string> whole_areas_; // areas whose own file was loaded
};

struct Location {
    bool ok = false;
    PostcodeError error = PostcodeError::None;
    std::string message; // plain, kind words for the person, shown as-is by the app and CLI
    ParsedPostcode postcode;
    LatLng centre; // degrees WGS84
    GeoPrecision precision = GeoPrecision::None;
    std::string place;                    // e.g. "HR4 is in Herefordshire's council area"
    std::vector<CouncilShare> councils;   // which council(s); >1 when the district is split
    bool council_split = false;           // best fit below 90%: the app asks the person to choose
    std::vector<std::string> suggestions; // nearest known sectors/districts when not known; for a mistyped
                                          // postcode ("HR4 9AV"), real ones one letter away ("HR4 9AW")
    // A full postcode (or a mistyped one, whose near neighbours are wanted) needs the unit postcodes of
    // postcode.district, which are not loaded: fetch unit_file_name(postcode.district) and locate again.
    bool needs_unit_pack = false;
    Nation nation = Nation::Unknown; // England when ok; the other nation when error == OutsideEngland
    bool cross_border = false;       // the district straddles England's border (see note)
    std::string note; // when ok: plain words on an approximation or a border ("HR49" read as "HR4 9")
};

// Parse, check the nation, then place: unit (from a loaded pack) else sector else district centroid.
// `councils` is grouped by the council that runs adult social care (upper tier), best first; the
// ONS local-authority-level list is *geo.councils(district). council_split is true when the best of
// those has under 90% of the district's postcodes. `message` is set only when !ok; `note` only when ok.
Location locate(const Geography& geo, std::string_view input);

// Nation of a district, preferring the council lookup (W06 -> Wales, E06-E10 -> England) and falling
// back to nation_of_area()'s table.
Nation nation_of(const Geography& geo, std::string_view district);

// A readable council name from ONS spellings: "Herefordshire, County of" -> "Herefordshire",
// "Bristol, City of" -> "Bristol", "St. Helens" -> "St. Helens".
std::string friendly_council_name(std::string_view ons_name);

// Great-circle distance (haversine), Earth radius 6371.0088 km (IUGG mean radius).
double distance_km(LatLng a, LatLng b);
// distance_km() with cos(latitude in radians) of both points already known (a spatial index keeps them):
// the same arithmetic, so the same bits, without two cosines. cos_lat(p) gives the value to keep.
double distance_km(LatLng a, LatLng b, double cos_lat_a, double cos_lat_b);
double cos_lat(LatLng p);
double distance_miles(LatLng a, LatLng b); // km / 1.609344

} // namespace hcf::core
