// homecare-finder core: a spatial index (uniform lat/lng grid, points sorted by cell) for radius queries.
// Depends on: core/model.h (LatLng), core/geography.h (distance_km), the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Why a grid: England's agencies sit in a small box (about 6 by 9 degrees), so a fixed grid of ~3.5-mile
// cells is simple, deterministic and quick. Points are stored sorted by cell (row-major), so one grid row
// of a query's bounding box is one contiguous run of memory; a 5-mile query in England reads a handful of
// rows and never the whole register.
//
//   GeoIndex idx(points);                       // built once, read-only afterwards (thread-safe to read)
//   std::vector<GeoIndex::Hit> hits;
//   idx.within({52.45, -1.88}, 8.0, hits);      // every point within 8 km, exact great-circle distance
//
// Important notes: longitudes are not wrapped at +/-180 degrees (fine for the UK); points with a
// non-finite or out-of-range coordinate are left out of the index.
#pragma once

#include "core/model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hcf::core {

class GeoIndex {
  public:
    struct Hit {
        std::uint32_t index = 0; // position of the point in the vector the index was built from
        double distance_km = 0;  // great-circle distance from the query centre, km (distance_km())
    };
    // Counts from one query, for tests and the benchmark.
    struct QueryStats {
        std::size_t rows = 0;     // grid rows visited
        std::size_t examined = 0; // points whose coordinates were compared
        std::size_t measured = 0; // points whose great-circle distance was computed
    };

    GeoIndex() = default;
    // Indexes points[i] where include is empty or include[i] is true. cell_degrees is the cell height in
    // degrees of latitude (default 0.05, about 3.5 miles); cells are made roughly square at the data's mid
    // latitude. The cell size grows when the data's box would need more than about a million cells.
    explicit GeoIndex(const std::vector<LatLng>& points, const std::vector<bool>& include = {},
                      double cell_degrees = 0.05);

    // Appends to out every indexed point whose distance from centre is <= radius_km (km), in storage
    // order (by grid cell, then by index): deterministic, but callers sort for display. Returns the number
    // appended. A non-finite centre or radius, or a negative radius, finds nothing.
    std::size_t within(LatLng centre, double radius_km, std::vector<Hit>& out,
                       QueryStats* stats = nullptr) const;

    std::size_t size() const { return entries_.size(); } // indexed points
    int rows() const { return rows_; }
    int cols() const { return cols_; }
    double cell_height_degrees() const { return cell_lat_; }
    double cell_width_degrees() const { return cell_lng_; }

  private:
    struct Entry {
        double lat = 0;          // degrees
        double lng = 0;          // degrees
        double lat_cos = 0;      // cos_lat({lat, lng}), kept so a query computes one cosine, not one a point
        std::uint32_t index = 0; // into the input vector
    };
    std::vector<Entry> entries_;               // sorted by (cell, index)
    std::vector<std::uint32_t> cell_start_;    // rows_*cols_+1 offsets into entries_
    double min_lat_ = 0, min_lng_ = 0;         // degrees, the grid's south-west corner
    double cell_lat_ = 0.05, cell_lng_ = 0.05; // degrees
    int rows_ = 0, cols_ = 0;
};

// True for a usable WGS84 coordinate: finite, latitude within +/-90 and longitude within +/-180.
bool valid_lat_lng(LatLng p);

} // namespace hcf::core
