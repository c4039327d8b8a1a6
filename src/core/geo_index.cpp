// homecare-finder core: grid spatial index for radius queries (see geo_index.h).
// Depends on: core/geo_index.h, core/geography.h (distance_km, cos_lat), the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/geo_index.h"

#include "core/geography.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hcf::core {

namespace {
constexpr double kEarthRadiusKm = 6371.0088; // IUGG mean radius, the same as distance_km()
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kMaxCells = 1 << 20; // keeps the offsets table under ~4 MB even for odd data
} // namespace

bool valid_lat_lng(LatLng p) {
    return std::isfinite(p.lat) && std::isfinite(p.lng) && std::abs(p.lat) <= 90.0 &&
           std::abs(p.lng) <= 180.0;
}

GeoIndex::GeoIndex(const std::vector<LatLng>& points, const std::vector<bool>& include, double cell_degrees) {
    if (!(cell_degrees > 0.0) || !std::isfinite(cell_degrees)) cell_degrees = 0.05;
    double max_lat = 0, max_lng = 0;
    bool any = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!include.empty() && (i >= include.size() || !include[i])) continue;
        const LatLng p = points[i];
        if (!valid_lat_lng(p)) continue;
        if (!any) {
            min_lat_ = max_lat = p.lat;
            min_lng_ = max_lng = p.lng;
            any = true;
        }
        min_lat_ = std::min(min_lat_, p.lat);
        max_lat = std::max(max_lat, p.lat);
        min_lng_ = std::min(min_lng_, p.lng);
        max_lng = std::max(max_lng, p.lng);
        entries_.push_back({p.lat, p.lng, cos_lat(p), static_cast<std::uint32_t>(i)});
    }
    if (!any) return;

    // Square-ish cells at the middle latitude (a degree of longitude shrinks with cos(latitude)).
    const double mid_cos = std::max(0.2, std::cos((min_lat_ + max_lat) / 2.0 * kDegToRad));
    cell_lat_ = cell_degrees;
    cell_lng_ = cell_degrees / mid_cos;
    auto extent = [](double span, double cell) { return static_cast<int>(std::floor(span / cell)) + 1; };
    while (static_cast<double>(extent(max_lat - min_lat_, cell_lat_)) *
               extent(max_lng - min_lng_, cell_lng_) >
           kMaxCells) {
        cell_lat_ *= 2;
        cell_lng_ *= 2;
    }
    rows_ = extent(max_lat - min_lat_, cell_lat_);
    cols_ = extent(max_lng - min_lng_, cell_lng_);

    auto cell_of = [&](const Entry& e) {
        const int r = std::min(rows_ - 1, static_cast<int>((e.lat - min_lat_) / cell_lat_));
        const int c = std::min(cols_ - 1, static_cast<int>((e.lng - min_lng_) / cell_lng_));
        return static_cast<std::size_t>(r) * static_cast<std::size_t>(cols_) + static_cast<std::size_t>(c);
    };
    // Counting sort by cell; entries_ is already in index order, so each cell keeps index order.
    cell_start_.assign(static_cast<std::size_t>(rows_) * static_cast<std::size_t>(cols_) + 1, 0);
    for (const Entry& e : entries_)
        ++cell_start_[cell_of(e) + 1];
    for (std::size_t k = 1; k < cell_start_.size(); ++k)
        cell_start_[k] += cell_start_[k - 1];
    std::vector<Entry> sorted(entries_.size());
    std::vector<std::uint32_t> next(cell_start_.begin(), cell_start_.end() - 1);
    for (const Entry& e : entries_)
        sorted[next[cell_of(e)]++] = e;
    entries_ = std::move(sorted);
}

std::size_t GeoIndex::within(LatLng centre, double radius_km, std::vector<Hit>& out,
                             QueryStats* stats) const {
    QueryStats local;
    QueryStats& st = stats ? *stats : local;
    st = {};
    if (entries_.empty() || !valid_lat_lng(centre) || !std::isfinite(radius_km) || radius_km < 0) return 0;

    // The query's bounding box in degrees. Latitude: the angular radius. Longitude: the widest point of a
    // spherical cap, asin(sin(d) / cos(lat)); the whole width when the cap reaches a pole.
    const double ang = radius_km / kEarthRadiusKm; // radians
    const double dlat = ang / kDegToRad + 1e-9;
    const double centre_cos = cos_lat(centre); // also kept for the distances below
    const double s = ang < std::numbers::pi / 2 ? std::sin(ang) : 1.0;
    const bool all_lng =
        centre_cos <= 0 || s >= centre_cos || centre.lat + dlat >= 90 || centre.lat - dlat <= -90;
    const double dlng = all_lng ? 360.0 : std::asin(s / centre_cos) / kDegToRad + 1e-9;

    auto clamp_index = [](double v, int n) {
        if (v < 0) return 0;
        if (v >= n - 1) return n - 1;
        return static_cast<int>(v);
    };
    const double lat_lo = centre.lat - dlat, lat_hi = centre.lat + dlat;
    const double lng_lo = centre.lng - dlng, lng_hi = centre.lng + dlng;
    if (lat_hi < min_lat_ || lng_hi < min_lng_) return 0;
    if (lat_lo > min_lat_ + rows_ * cell_lat_ || lng_lo > min_lng_ + cols_ * cell_lng_) return 0;
    const int r0 = clamp_index((lat_lo - min_lat_) / cell_lat_, rows_);
    const int r1 = clamp_index((lat_hi - min_lat_) / cell_lat_, rows_);
    const int c0 = clamp_index((lng_lo - min_lng_) / cell_lng_, cols_);
    const int c1 = clamp_index((lng_hi - min_lng_) / cell_lng_, cols_);

    const std::size_t before = out.size();
    for (int r = r0; r <= r1; ++r) {
        ++st.rows;
        const std::size_t row = static_cast<std::size_t>(r) * static_cast<std::size_t>(cols_);
        const std::uint32_t begin = cell_start_[row + static_cast<std::size_t>(c0)];
        const std::uint32_t end = cell_start_[row + static_cast<std::size_t>(c1) + 1];
        for (std::uint32_t k = begin; k < end; ++k) {
            const Entry& e = entries_[k];
            ++st.examined;
            // Cheap box test first; only points inside the box get the trigonometry.
            if (e.lat < lat_lo || e.lat > lat_hi || e.lng < lng_lo || e.lng > lng_hi) continue;
            ++st.measured;
            const double d = distance_km(centre, {e.lat, e.lng}, centre_cos, e.lat_cos);
            if (d <= radius_km) out.push_back({e.index, d});
        }
    }
    return out.size() - before;
}

} // namespace hcf::core
