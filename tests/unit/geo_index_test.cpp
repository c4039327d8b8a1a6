// homecare-finder tests: the grid spatial index (core/geo_index) against hand-checked distances and brute
// force. Depends on: core/geo_index.h, core/geography.h (distance_km), Catch2 v2. SPDX-License-Identifier:
// MIT
#include "core/geo_index.h"
#include "core/geography.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using hcf::core::distance_km;
using hcf::core::GeoIndex;
using hcf::core::LatLng;

namespace {

std::vector<std::uint32_t> sorted_ids(const std::vector<GeoIndex::Hit>& hits) {
    std::vector<std::uint32_t> ids;
    for (const auto& h : hits)
        ids.push_back(h.index);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// A small deterministic generator (64-bit LCG, Knuth's MMIX constants), so the test is the same everywhere.
struct Lcg {
    std::uint64_t s;
    double next() { // [0, 1)
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(s >> 11) * (1.0 / 9007199254740992.0);
    }
};

} // namespace

// The test centre (52.45, -1.88) and points due north/south of it: distance = |dlat| x pi/180 x 6371.0088 km.
const LatLng kCentre{52.45, -1.88};
const std::vector<LatLng> kPoints = {
    {52.46, -1.88},  // 0: 0.01 deg north, 1.111951 km
    {52.425, -1.88}, // 1: 0.025 deg south, 2.779877 km
    {52.45, -1.85},  // 2: 0.03 deg east, 2.033047 km (haversine)
    {52.47, -1.88},  // 3: 0.02 deg north, 2.223902 km
    {52.47, -1.88},  // 4: the same point as 3
    {52.55, -1.88},  // 5: 0.1 deg north, 11.119508 km
    {51.5, -0.12},   // 6: London, 160.279389 km (haversine)
    {52.45, -1.88},  // 7: the centre itself, 0 km
};

TEST_CASE("GeoIndex finds exactly the points within the radius") {
    const GeoIndex idx(kPoints);
    REQUIRE(idx.size() == kPoints.size());

    std::vector<GeoIndex::Hit> hits;
    CHECK(idx.within(kCentre, 2.0, hits) == 2); // centre (0 km) and 0.01 deg north (1.111951 km)
    CHECK(sorted_ids(hits) == std::vector<std::uint32_t>{0, 7});
    for (const auto& h : hits) {
        if (h.index == 0) CHECK(h.distance_km == Approx(1.111951).epsilon(1e-6));
        if (h.index == 7) CHECK(h.distance_km == 0.0);
    }

    hits.clear();
    CHECK(idx.within(kCentre, 2.5, hits) == 5); // adds 2.033 (east), 2.224 (two at the same point)
    CHECK(sorted_ids(hits) == std::vector<std::uint32_t>{0, 2, 3, 4, 7});

    hits.clear();
    CHECK(idx.within(kCentre, 12.0, hits) == 7); // everything but London
    hits.clear();
    CHECK(idx.within(kCentre, 161.0, hits) == 8);
}

TEST_CASE("GeoIndex radius is inclusive at the exact distance") {
    const GeoIndex idx(kPoints);
    std::vector<GeoIndex::Hit> hits;
    const double d = distance_km(kCentre, kPoints[5]); // 11.119508 km
    CHECK(d == Approx(11.119508).epsilon(1e-6));
    idx.within(kCentre, d, hits);
    CHECK(std::count_if(hits.begin(), hits.end(), [](const auto& h) { return h.index == 5; }) == 1);
    hits.clear();
    idx.within(kCentre, std::nextafter(d, 0.0), hits);
    CHECK(std::count_if(hits.begin(), hits.end(), [](const auto& h) { return h.index == 5; }) == 0);
}

TEST_CASE("GeoIndex leaves out excluded and unusable points") {
    std::vector<LatLng> pts = kPoints;
    pts.push_back({std::numeric_limits<double>::quiet_NaN(), -1.88}); // 8
    pts.push_back({95.0, -1.88});                                     // 9: latitude out of range
    std::vector<bool> include(pts.size(), true);
    include[0] = false;
    const GeoIndex idx(pts, include);
    CHECK(idx.size() == 7); // 8 valid, minus point 0
    std::vector<GeoIndex::Hit> hits;
    idx.within(kCentre, 2.0, hits);
    CHECK(sorted_ids(hits) == std::vector<std::uint32_t>{7});
}

TEST_CASE("GeoIndex answers nothing for bad queries and an empty index") {
    const GeoIndex empty;
    std::vector<GeoIndex::Hit> hits;
    CHECK(empty.within(kCentre, 100.0, hits) == 0);
    const GeoIndex idx(kPoints);
    CHECK(idx.within({std::numeric_limits<double>::quiet_NaN(), 0}, 10.0, hits) == 0);
    CHECK(idx.within(kCentre, -1.0, hits) == 0);
    CHECK(idx.within(kCentre, std::numeric_limits<double>::infinity(), hits) == 0);
    CHECK(idx.within({10.0, 10.0}, 50.0, hits) == 0); // far outside the grid
    CHECK(hits.empty());
}

TEST_CASE("GeoIndex finds points from a centre outside its grid") {
    const GeoIndex idx(kPoints);
    std::vector<GeoIndex::Hit> hits;
    // 0.2 deg north of the northernmost point (52.55): 22.239 km away from it, 33.359 km from 52.45.
    idx.within({52.75, -1.88}, 23.0, hits);
    CHECK(sorted_ids(hits) == std::vector<std::uint32_t>{5});
}

TEST_CASE("GeoIndex visits only nearby rows, not the whole register") {
    // 20,000 points spread over England's box.
    Lcg rng{42};
    std::vector<LatLng> pts;
    for (int i = 0; i < 20000; ++i)
        pts.push_back({50.0 + 5.5 * rng.next(), -5.5 + 7.2 * rng.next()});
    const GeoIndex idx(pts);
    GeoIndex::QueryStats st;
    std::vector<GeoIndex::Hit> hits;
    idx.within(kCentre, 8.0, hits, &st); // about 5 miles
    CHECK(st.rows <= 4);                 // 16 km of latitude over 0.05-degree (5.56 km) rows
    CHECK(st.examined < pts.size() / 50);
    CHECK(st.measured >= hits.size());
}

TEST_CASE("GeoIndex matches a brute-force scan on random data") {
    Lcg rng{7};
    std::vector<LatLng> pts;
    for (int i = 0; i < 5000; ++i)
        pts.push_back({49.9 + 6.0 * rng.next(), -6.4 + 8.2 * rng.next()});
    for (double cell : {0.01, 0.05, 0.3}) {
        const GeoIndex idx(pts, {}, cell);
        for (int q = 0; q < 200; ++q) {
            const LatLng c{49.5 + 7.0 * rng.next(), -7.0 + 9.0 * rng.next()};
            const double radius = 0.5 + 80.0 * rng.next() * rng.next();
            std::vector<GeoIndex::Hit> hits;
            idx.within(c, radius, hits);
            std::vector<std::uint32_t> expected;
            for (std::uint32_t i = 0; i < pts.size(); ++i)
                if (distance_km(c, pts[i]) <= radius) expected.push_back(i);
            INFO("cell " << cell << " query " << q << " at " << c.lat << "," << c.lng << " r=" << radius);
            REQUIRE(sorted_ids(hits) == expected);
        }
    }
}

TEST_CASE("GeoIndex keeps its grid small for spread-out data") {
    // A point at (0, 0) (a common data error) with one in England and a tiny cell: the cell grows.
    const GeoIndex idx({{0.0, 0.0}, {55.0, 1.0}}, {}, 0.0001);
    CHECK(static_cast<double>(idx.rows()) * idx.cols() <= 1048576.0 * 4);
    std::vector<GeoIndex::Hit> hits;
    CHECK(idx.within({55.0, 1.0}, 1.0, hits) == 1);
    CHECK(idx.within({0.0, 0.0}, 1.0, hits) == 1);
    // Large radii near a pole take every longitude.
    const GeoIndex polar({{89.5, -170.0}, {89.5, 10.0}});
    hits.clear();
    CHECK(polar.within({89.9, 0.0}, 200.0, hits) == 2);
}
