// homecare-finder benchmark: search load time, query time (median, p99) and memory; indexed vs linear scan.
// Depends on: core/search.h, core/geo_index.h, core/dataset_format.h, core/csv.h, core/postcode.h, the C++
// standard
//             library (plus <sys/resource.h> on Linux/macOS for peak memory, behind #if).
// SPDX-License-Identifier: MIT
//
//   bench-search [--data DIR] [--sectors FILE] [--queries 1000] [--seed 20260901] [--sizes
//   15000,150000,1500000]
//
// 1. The bundled dataset (DIR/bundle.bin, default assets/data): load/parse time, engine build time, then a
//    fixed set of realistic queries across England: median and p99 query time, and peak memory.
// 2. SYNTHETIC registers (benchmark only, never shown as data): N made-up agencies placed at real postcode
//    sector centroids (weighted by how many postcodes a sector has, so towns get more) with up to ~2 km of
//    jitter. For each size: indexed search() vs a linear scan (search_linear()), median and p99.
// Query centres are real English postcode sector centroids (from the bundle, else --sectors, default
// ../shared/data/postcode_sectors.csv); the generator is a fixed-seed 64-bit LCG, so every run asks the
// same questions. Portable C++ apart from the peak-memory probe, so an Emscripten build runs it under node.
#include "core/csv.h"
#include "core/dataset_format.h"
#include "core/geo_index.h"
#include "core/postcode.h"
#include "core/search.h"
#include "tools/cli_args.h"
#include "tools/file_io.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#if defined(__linux__) || defined(__APPLE__)
#include <sys/resource.h>
#endif

using namespace hcf::core;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Peak resident memory in MB, or -1 where the platform has no cheap way to ask.
double peak_memory_mb() {
#if defined(__EMSCRIPTEN__)
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0 / (1024.0 * 1024.0); // heap size
#elif defined(__linux__)
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0; // KB on Linux
#elif defined(__APPLE__)
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / (1024.0 * 1024.0); // bytes on macOS
#else
    return -1;
#endif
}

struct Lcg { // Knuth MMIX constants; deterministic on every platform
    std::uint64_t s;
    std::uint64_t next_u64() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return s;
    }
    double next() { return static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0); } // [0,1)
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() * static_cast<double>(n)); }
};

struct SectorPoint {
    LatLng centre;
    int postcodes = 1; // weight
};

// Picks sectors in proportion to their number of postcodes (a proxy for where people live).
class SectorSampler {
  public:
    explicit SectorSampler(std::vector<SectorPoint> s) : sectors_(std::move(s)) {
        double sum = 0;
        for (const auto& p : sectors_)
            cumulative_.push_back(sum += std::max(1, p.postcodes));
    }
    const SectorPoint& pick(Lcg& rng) const {
        const double x = rng.next() * cumulative_.back();
        const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
        return sectors_[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                                              sectors_.size() - 1)];
    }
    std::size_t size() const { return sectors_.size(); }

  private:
    std::vector<SectorPoint> sectors_;
    std::vector<double> cumulative_;
};

std::vector<SectorPoint> english_sectors_from_csv(const std::string& path, std::string& error) {
    const Expected<std::string> file = hcf::tools::read_file(path);
    if (!file) {
        error = "cannot read " + path;
        return {};
    }
    const std::string& text = *file;
    const Expected<CsvTable> t = read_csv_table(text, path, {{"sector"}, {"district"}, {"lat"}, {"lng"}});
    if (!t) {
        error = t.error();
        return {};
    }
    const int c_district = t->columns.find("district"), c_lat = t->columns.find("lat"),
              c_lng = t->columns.find("lng"), c_n = t->columns.find("n_postcodes");
    std::vector<SectorPoint> out;
    for (const auto& r : t->rows) {
        if (nation_of_area(csv_field(r, c_district)) != Nation::England) continue;
        SectorPoint p;
        p.centre = {std::atof(csv_field(r, c_lat).c_str()), std::atof(csv_field(r, c_lng).c_str())};
        p.postcodes = c_n >= 0 ? std::max(1, std::atoi(csv_field(r, c_n).c_str())) : 1;
        if (valid_lat_lng(p.centre)) out.push_back(p);
    }
    return out;
}

// 1,000 (or n) realistic queries: where people live, mostly 5 miles, a few needs, sometimes a minimum rating.
std::vector<SearchQuery> make_queries(const SectorSampler& sectors, std::size_t n, std::uint64_t seed) {
    Lcg rng{seed};
    const Need common[] = {NeedOlderPeople, NeedDementia, NeedPhysicalDisability, NeedLearningDisability,
                           NeedMentalHealth};
    std::vector<SearchQuery> qs;
    for (std::size_t i = 0; i < n; ++i) {
        SearchQuery q;
        q.centre = sectors.pick(rng).centre;
        const double r = rng.next();
        q.radius_miles = r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 5 : r < 0.9 ? 10 : 20;
        if (rng.next() < 0.5) {
            const int k = 1 + static_cast<int>(rng.below(2));
            for (int j = 0; j < k; ++j)
                q.needs |= common[rng.below(std::size(common))];
        }
        const double m = rng.next();
        if (m < 0.4)
            q.min_rating = Rating::Good;
        else if (m < 0.5)
            q.min_rating = Rating::RequiresImprovement;
        q.include_not_rated = q.min_rating == Rating::NotRated || rng.next() < 0.5;
        const double s = rng.next();
        q.sort = s < 0.7 ? SortOrder::Distance : s < 0.9 ? SortOrder::Rating : SortOrder::Name;
        if (rng.next() < 0.05) q.text = "care";
        q.page = 1;
        q.page_size = 20;
        qs.push_back(q);
    }
    return qs;
}

std::vector<Provider> make_synthetic(const SectorSampler& sectors, std::size_t n, std::uint64_t seed) {
    Lcg rng{seed};
    std::vector<Provider> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        Provider& p = out[i];
        p.location_id = "SYN-" + std::to_string(i);
        p.name = "Synthetic " + std::to_string(i);
        const LatLng c = sectors.pick(rng).centre;
        p.location = {c.lat + (rng.next() - 0.5) * 0.03,
                      c.lng + (rng.next() - 0.5) * 0.045}; // about +/-1.7 km
        p.precision = GeoPrecision::Sector;
        const double r = rng.next(); // roughly CQC's mix for home care
        p.overall = r < 0.03   ? Rating::Outstanding
                    : r < 0.65 ? Rating::Good
                    : r < 0.8  ? Rating::RequiresImprovement
                    : r < 0.82 ? Rating::Inadequate
                               : Rating::NotRated;
        p.rating_in_data = true;
        p.needs = static_cast<Needs>(rng.next_u64() & 0x1FFu) | NeedOlderPeople;
        p.service_types = ServiceHomecare;
        p.local_authority = "Synthetic";
    }
    return out;
}

struct Stats {
    double median = 0, p99 = 0, mean = 0, max = 0; // ms
};
struct Timing {
    Stats wall;            // elapsed time per query
    Stats cpu;             // processor time per query: leaves out time the machine gave to other programs
    double mean_total = 0; // agencies matched per query
};

Stats stats_of(std::vector<double> t) {
    Stats out;
    if (t.empty()) return out;
    double sum = 0;
    for (double v : t)
        sum += v;
    std::sort(t.begin(), t.end());
    const auto k99 = static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(t.size()))) - 1;
    out.median = t[(t.size() - 1) / 2];
    out.p99 = t[std::min(k99, t.size() - 1)];
    out.mean = sum / static_cast<double>(t.size());
    out.max = t.back();
    return out;
}

Timing time_queries(const SearchEngine& e, const std::vector<SearchQuery>& qs, bool linear) {
    std::vector<double> wall, cpu;
    wall.reserve(qs.size());
    cpu.reserve(qs.size());
    double totals = 0;
    for (const auto& q : qs) {
        const std::clock_t c0 = std::clock();
        const auto t0 = Clock::now();
        const SearchResult r = linear ? e.search_linear(q) : e.search(q);
        wall.push_back(ms_since(t0));
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        totals += static_cast<double>(r.total);
    }
    Timing out;
    out.wall = stats_of(std::move(wall));
    out.cpu = stats_of(std::move(cpu));
    out.mean_total = qs.empty() ? 0 : totals / static_cast<double>(qs.size());
    return out;
}

void print_timing(const char* label, const Timing& t, std::size_t n) {
    std::printf("  %-24s (%zu queries, %.1f matches each on average)\n", label, n, t.mean_total);
    std::printf("    wall time  median %8.4f ms   p99 %8.4f ms   mean %8.4f ms   max %8.4f ms\n",
                t.wall.median, t.wall.p99, t.wall.mean, t.wall.max);
    std::printf("    CPU time   median %8.4f ms   p99 %8.4f ms   mean %8.4f ms   max %8.4f ms\n",
                t.cpu.median, t.cpu.p99, t.cpu.mean, t.cpu.max);
}

std::vector<std::size_t> parse_sizes(const std::string& s) {
    std::vector<std::size_t> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.push_back(static_cast<std::size_t>(std::atoll(item.c_str())));
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string data_dir = "assets/data";
    std::string sectors_csv = "assets/sources/postcode_sectors.csv"; // the committed copy of ../shared/data
    std::size_t n_queries = 1000;
    std::uint64_t seed = 20260901;
    std::vector<std::size_t> sizes = {15000, 150000, 1500000};
    std::size_t linear_limit = 150000; // linear scans above this size take minutes: skipped
    try {
        const hcf::tools::Args args(argc, argv, 1);
        args.check({"data", "sectors", "queries", "seed", "sizes", "linear-limit"}, {},
                   "Usage: bench-search [--data DIR] [--sectors FILE] [--queries N] [--seed N] "
                   "[--sizes 15000,150000,1500000] [--linear-limit N]");
        if (!args.positional().empty())
            hcf::tools::usage_error("Unknown argument " + args.positional()[0] + ".");
        if (auto v = args.get("data")) data_dir = *v;
        if (auto v = args.get("sectors")) sectors_csv = *v;
        if (auto v = args.get("queries")) n_queries = static_cast<std::size_t>(std::atoll(v->c_str()));
        if (auto v = args.get("seed")) seed = static_cast<std::uint64_t>(std::atoll(v->c_str()));
        if (auto v = args.get("sizes")) sizes = parse_sizes(*v);
        if (auto v = args.get("linear-limit"))
            linear_limit = static_cast<std::size_t>(std::atoll(v->c_str()));
    } catch (const hcf::tools::UsageError& u) {
        std::fprintf(stderr, "%s\n", u.message.c_str());
        return 2;
    }
    std::printf("homecare-finder search benchmark (queries %zu, seed %llu)\n", n_queries,
                static_cast<unsigned long long>(seed));
#if defined(__EMSCRIPTEN__)
    std::printf("build: WebAssembly (Emscripten)\n");
#else
    std::printf("build: native\n");
#endif

    // ---- 1. the bundled dataset ----
    std::vector<SectorPoint> sector_points;
    std::string bundle_bytes;
    const std::string bundle_path = data_dir + "/bundle.bin";
    std::printf("\n1. Bundled dataset (%s)\n", bundle_path.c_str());
    if (Expected<std::string> file = hcf::tools::read_file(bundle_path)) bundle_bytes = std::move(*file);
    if (bundle_bytes.empty()) {
        std::printf("  No bundled dataset at %s yet: skipped (build it with the dataset tool first).\n",
                    bundle_path.c_str());
    } else {
        const auto t0 = Clock::now();
        Expected<Bundle> load = load_bundle(bundle_bytes);
        const double load_ms = ms_since(t0);
        if (!load) {
            std::printf("  The bundle did not load: %s\n", load.error().c_str());
        } else {
            const auto t1 = Clock::now();
            const SearchEngine engine(load->providers, &load->geography);
            const double build_ms = ms_since(t1);
            for (const Sector& s : load->geography.sectors())
                if (nation_of(load->geography, s.district) == Nation::England)
                    sector_points.push_back({s.centre, s.postcodes});
            std::printf("  file %.1f KB; %zu agencies (%zu placed, %zu without a location); CQC edition %s\n",
                        static_cast<double>(bundle_bytes.size()) / 1024.0, load->providers.size(),
                        engine.placed_count(), engine.unplaced_count(), load->info.cqc_edition.c_str());
            std::printf("  load/parse bundle.bin  %8.2f ms\n", load_ms);
            std::printf("  build search index     %8.2f ms\n", build_ms);
            if (!sector_points.empty()) {
                const SectorSampler sampler(sector_points);
                const auto qs = make_queries(sampler, n_queries, seed);
                print_timing("search (indexed)", time_queries(engine, qs, false), qs.size());
                print_timing("linear scan (same data)", time_queries(engine, qs, true), qs.size());
            }
            std::printf("  peak memory so far     %8.1f MB\n", peak_memory_mb());
        }
    }
    if (sector_points.empty()) {
        std::string error;
        sector_points = english_sectors_from_csv(sectors_csv, error);
        if (sector_points.empty()) {
            std::printf("\nNo postcode sectors to place queries at (%s): stopping.\n", error.c_str());
            return 1;
        }
        std::printf("\n(query centres: %zu English postcode sectors from %s)\n", sector_points.size(),
                    sectors_csv.c_str());
    }

    // ---- 2. synthetic registers ----
    const SectorSampler sampler(sector_points);
    const auto qs = make_queries(sampler, n_queries, seed);
    std::printf("\n2. SYNTHETIC registers (made-up agencies at real sector centroids, benchmark only)\n");
    double first_median = 0;
    for (std::size_t n : sizes) {
        const auto t0 = Clock::now();
        const std::vector<Provider> providers = make_synthetic(sampler, n, seed ^ n);
        const double gen_ms = ms_since(t0);
        const auto t1 = Clock::now();
        const SearchEngine engine(providers);
        const double build_ms = ms_since(t1);
        std::printf(
            "\n  %zu synthetic agencies: generated in %.0f ms, index built in %.1f ms (grid %d x %d cells)\n",
            n, gen_ms, build_ms, engine.index().rows(), engine.index().cols());
        // How much of the register one query's radius touches through the index (wider counts, done only
        // for short lists, come on top).
        std::size_t examined = 0, measured = 0;
        for (const auto& q : qs) {
            GeoIndex::QueryStats st;
            std::vector<GeoIndex::Hit> hits;
            engine.index().within(q.centre, q.radius_miles * 1.609344, hits, &st);
            examined += st.examined;
            measured += st.measured;
        }
        std::printf("  points read per query: %.0f on average (%.2f%% of the register), %.0f measured\n",
                    static_cast<double>(examined) / static_cast<double>(qs.size()),
                    100.0 * static_cast<double>(examined) / static_cast<double>(qs.size()) /
                        static_cast<double>(n),
                    static_cast<double>(measured) / static_cast<double>(qs.size()));
        const Timing indexed = time_queries(engine, qs, false);
        print_timing("search (indexed)", indexed, qs.size());
        if (first_median == 0)
            first_median = indexed.wall.median;
        else
            std::printf("  median grows %.1fx for %.0fx the agencies\n", indexed.wall.median / first_median,
                        static_cast<double>(n) / static_cast<double>(sizes.front()));
        if (n <= linear_limit) {
            // Fewer queries for big linear scans; they are slow by design.
            const std::size_t m = n > 50000 ? std::min<std::size_t>(qs.size(), 100) : qs.size();
            const std::vector<SearchQuery> sub(qs.begin(), qs.begin() + static_cast<std::ptrdiff_t>(m));
            const Timing linear = time_queries(engine, sub, true);
            print_timing("linear scan", linear, sub.size());
            const Timing indexed_sub = m == qs.size() ? indexed : time_queries(engine, sub, false);
            std::printf("  index is %.1fx faster at the median and %.1fx at p99 (wall time); %.1fx and %.1fx "
                        "(CPU time)\n",
                        linear.wall.median / indexed_sub.wall.median, linear.wall.p99 / indexed_sub.wall.p99,
                        linear.cpu.median / std::max(indexed_sub.cpu.median, 1e-6),
                        linear.cpu.p99 / std::max(indexed_sub.cpu.p99, 1e-6));
        }
        std::printf("  peak memory so far %.1f MB\n", peak_memory_mb());
    }
    return 0;
}
