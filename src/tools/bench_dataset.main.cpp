// homecare-finder tool bench-dataset: load times of the real bundle, and the size of a bundle for a
// generated (synthetic) register of 15,000 agencies, against the 600 KB start-up budget.
// Depends on: core/dataset_format.h, core/manifest.h, core/dataset_compiler.h (UnitPackText), core/sha256.h,
// the C++ standard library. SPDX-License-Identifier: MIT
//
// Usage: bench-dataset --data DIR --sources DIR --synthetic-out DIR [--loads N] [--agencies N]
// The synthetic register is made up here, from word pools taken from the real data, only to measure
// sizes; it is written to --synthetic-out (a temporary folder) and never committed. scripts/bench-dataset
// adds the gzip sizes.
#include "core/dataset_compiler.h"
#include "core/dataset_format.h"
#include "core/manifest.h"
#include "tools/cli_args.h"
#include "tools/data_folder.h"
#include "tools/file_io.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hcf::core;

namespace {

template <class F> double median_ms(int n, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < n; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        const auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

// Deterministic on every compiler (std distributions are not).
struct Rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1e6; }
    std::string digits(int n) {
        std::string d;
        for (int i = 0; i < n; ++i)
            d += static_cast<char>('0' + below(10));
        return d;
    }
};

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

std::string join(const std::vector<std::string>& w) {
    std::string out;
    for (const auto& x : w)
        out += (out.empty() ? "" : " ") + x;
    return out;
}

struct Unit {
    std::string postcode;
    double lat = 0, lng = 0;
};

// Every unit postcode of the given packs (compact format of ../shared/data/README.md).
std::vector<Unit> units_of(const std::vector<UnitPackText>& packs) {
    std::vector<Unit> out;
    for (const auto& p : packs) {
        std::istringstream in(p.text);
        std::string line, district;
        long lat0 = 0, lng0 = 0;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            const auto c1 = line.find(','), c2 = line.rfind(',');
            if (c1 == std::string::npos || c2 == c1) continue;
            if (line[0] == '#') {
                district = line.substr(1, c1 - 1);
                lat0 = std::stol(line.substr(c1 + 1, c2 - c1 - 1));
                lng0 = std::stol(line.substr(c2 + 1));
            } else {
                out.push_back({district + " " + line.substr(0, c1),
                               static_cast<double>(lat0 + std::stol(line.substr(c1 + 1, c2 - c1 - 1))) / 1e4,
                               static_cast<double>(lng0 + std::stol(line.substr(c2 + 1))) / 1e4});
            }
        }
    }
    return out;
}

// A register of n made-up agencies with the shape of the real ones: names recombined from real name
// words, real unit postcodes, ratings, needs and services in roughly the real proportions.
std::vector<Provider> synthetic(const Bundle& real, const Geography& geo, const std::vector<Unit>& units,
                                int n) {
    Rng rng;
    std::vector<std::vector<std::string>> names;
    std::vector<std::string> pool, addresses, brands;
    std::map<std::string, std::string> region_of;
    for (const auto& p : real.providers) {
        names.push_back(words(p.name));
        for (const auto& w : names.back())
            pool.push_back(w);
        if (!p.address.empty()) addresses.push_back(p.address);
        if (!p.brand.empty()) brands.push_back(p.brand);
        if (!p.region.empty()) region_of[p.local_authority] = p.region;
    }
    if (addresses.empty()) addresses.push_back("1 High Street, Town");
    for (int i = 0; i < 60; ++i)
        brands.push_back(join({pool[rng.below(pool.size())], "Care Group"}));
    const char* kTerms[] = {"Caring for adults over 65 yrs",
                            "Caring for adults under 65 yrs",
                            "Dementia",
                            "Physical disabilities",
                            "Sensory impairments",
                            "Mental health conditions",
                            "Learning disabilities",
                            "Caring for children (0 - 18yrs)",
                            "Substance misuse problems",
                            "Eating disorders"};
    const Needs kTermNeeds[] = {
        NeedOlderPeople,  NeedYoungerAdults,      NeedDementia, NeedPhysicalDisability, NeedSensoryImpairment,
        NeedMentalHealth, NeedLearningDisability, NeedChildren, NeedSubstanceMisuse,    NeedEatingDisorder};
    const double kTermShare[] = {0.9, 0.85, 0.75, 0.8, 0.6, 0.6, 0.55, 0.2, 0.1, 0.1};
    std::vector<Provider> out;
    std::set<std::string> ids;
    for (int i = 0; i < n; ++i) {
        Provider p;
        do
            p.location_id =
                "1-" + std::to_string(1 + rng.below(3)) + rng.digits(9 + static_cast<int>(rng.below(2)));
        while (!ids.insert(p.location_id).second);
        p.provider_id = "1-" + std::to_string(1 + rng.below(3)) + rng.digits(9);
        auto w = names[rng.below(names.size())];
        if (!w.empty()) w[rng.below(w.size())] = pool[rng.below(pool.size())];
        if (rng.chance(0.5)) w.insert(w.begin(), pool[rng.below(pool.size())]);
        p.name = join(w);
        if (rng.chance(0.4))
            p.provider_name = p.name;
        else if (rng.chance(0.6))
            p.provider_name = p.name + (rng.chance(0.5) ? " Ltd" : " Limited");
        else
            p.provider_name = join(names[rng.below(names.size())]) + " Ltd";
        if (rng.chance(0.06)) p.brand = brands[rng.below(brands.size())];
        const Unit& u = units[rng.below(units.size())];
        p.postcode = u.postcode;
        p.location = {u.lat, u.lng};
        p.precision = GeoPrecision::Unit;
        const auto* shares = geo.councils(u.postcode.substr(0, u.postcode.find(' ')));
        p.local_authority =
            !shares || shares->empty() ? "" : friendly_council_name(shares->front().upper_tier_name);
        p.region = region_of.count(p.local_authority) ? region_of[p.local_authority] : "England";
        const std::size_t r = rng.below(100);
        p.rating_in_data = true;
        p.overall = r < 60   ? Rating::Good
                    : r < 72 ? Rating::RequiresImprovement
                    : r < 75 ? Rating::Outstanding
                    : r < 76 ? Rating::Inadequate
                             : Rating::NotRated;
        p.rating_text = p.overall == Rating::NotRated ? "" : std::string(rating_label(p.overall));
        if (p.overall != Rating::NotRated) {
            p.rating_date = std::to_string(2016 + rng.below(11)) + "-0" + std::to_string(1 + rng.below(9)) +
                            "-1" + std::to_string(rng.below(10));
            p.key_questions_in_data = true; // the worst case for size: every rated agency has them
            p.key_questions = {p.overall, p.overall, rng.chance(0.2) ? Rating::Outstanding : Rating::Good,
                               p.overall, p.overall};
        }
        for (int t = 0; t < 10; ++t)
            if (rng.chance(kTermShare[t])) {
                p.needs |= kTermNeeds[t];
                p.specialisms.emplace_back(kTerms[t]);
            }
        p.service_types = ServiceHomecare;
        if (rng.chance(0.3)) p.service_types |= ServiceSupportedLiving;
        if (rng.chance(0.03)) p.service_types |= ServiceExtraCare;
        p.address = std::to_string(1 + rng.below(300)) + " " + addresses[rng.below(addresses.size())];
        p.phone = "01" + rng.digits(3) + " " + rng.digits(6);
        if (rng.chance(0.7)) {
            std::string slug;
            for (char c : p.name)
                if (std::isalnum(static_cast<unsigned char>(c))) slug += static_cast<char>(std::tolower(c));
            p.website = "https://www." + slug + ".co.uk";
        }
        p.ownership = rng.chance(0.95) ? "Organisation" : "Individual";
        p.registered_date = std::to_string(2010 + rng.below(16)) + "-1" + std::to_string(rng.below(3)) +
                            "-0" + std::to_string(1 + rng.below(9));
        p.cqc_url = "https://www.cqc.org.uk/location/" + p.location_id;
        p.source = "cqc_synthetic";
        p.data_date = "2026-09-01";
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const Provider& a, const Provider& b) {
        return a.name != b.name ? a.name < b.name : a.location_id < b.location_id;
    });
    return out;
}

} // namespace

// For the browser measurement: scripts/bench-dataset also builds this file with em++ and calls these
// from a page in Chromium. Median milliseconds of `loads` calls of load_bundle on the bytes given.
extern "C" double hcf_bench_load(const char* data, int size, int loads) {
    const std::string_view bytes(data, static_cast<std::size_t>(std::max(size, 0)));
    return median_ms(std::max(loads, 1), [&] { (void)load_bundle(bytes); });
}
// Agencies in the bundle given, or -1 when it does not load.
extern "C" int hcf_bench_agencies(const char* data, int size) {
    const auto l = load_bundle(std::string_view(data, static_cast<std::size_t>(std::max(size, 0))));
    return l ? static_cast<int>(l->providers.size()) : -1;
}

int main(int argc, char** argv) {
    fs::path data = "assets/data", sources = "assets/sources", synth_out;
    int loads = 21, agencies = 15000;
    try {
        const hcf::tools::Args args(argc, argv, 1);
        args.check({"data", "sources", "synthetic-out", "loads", "agencies"}, {}, "");
        if (auto v = args.get("data")) data = *v;
        if (auto v = args.get("sources")) sources = *v;
        if (auto v = args.get("synthetic-out")) synth_out = *v;
        if (auto v = args.get("loads")) loads = std::max(1, hcf::tools::parse_int(*v, "loads", "21"));
        if (auto v = args.get("agencies"))
            agencies = std::max(1, hcf::tools::parse_int(*v, "agencies", "15000"));
    } catch (const hcf::tools::UsageError& u) {
        std::cerr << "bench-dataset: " << u.message << "\n";
        return 2;
    }
    // Every file read must be there: a benchmark of missing data measures nothing.
    auto read_all = [](const fs::path& p) {
        Expected<std::string> bytes = hcf::tools::read_file(p);
        if (!bytes) {
            std::cerr << "bench-dataset: " << bytes.error() << "\n";
            std::exit(1);
        }
        return std::move(*bytes);
    };
    const std::string bytes = read_all(data / "bundle.bin");
    Expected<Bundle> loaded = load_bundle(bytes);
    if (!loaded) {
        std::cerr << "bench-dataset: " << loaded.error() << " (" << loaded.error_detail() << ")\n";
        return 1;
    }
    const Bundle& first = *loaded;
    std::cout << "real_agencies " << first.providers.size() << "\n";
    std::cout << "real_bundle_bytes " << bytes.size() << "\n";
    std::cout << "real_load_ms_median " << median_ms(loads, [&] { (void)load_bundle(bytes); }) << "\n";
    // Details: all packs applied to one loaded bundle.
    std::vector<std::string> details;
    for (const auto& a : first.info.detail_areas)
        details.push_back(read_all(data / details_file_name(a)));
    std::cout << "real_details_all_ms_median " << median_ms(loads, [&] {
        Bundle b = first;
        for (const auto& d : details)
            (void)apply_details(b, d);
    }) << "\n";
    const std::string bpack =
        read_all(hcf::tools::data_file_path(data, unit_file_name("B"), sources / "postcodes"));
    std::cout << "unit_pack_B_bytes " << bpack.size() << "\n";
    std::cout << "unit_pack_B_add_ms_median " << median_ms(loads, [&] {
        Geography g;
        (void)g.add_unit_pack("B", bpack);
    }) << "\n";
    std::cout << "manifest_verify_bundle_ms_median " << median_ms(loads, [&] {
        const Expected<Manifest> m = read_manifest(read_all(data / "manifest.json"));
        if (m) (void)verify_file(*m, "bundle.bin", bytes);
    }) << "\n";

    if (synth_out.empty()) return 0;
    // Reference data and unit postcodes from the sources, real agencies (with details) for word pools.
    Bundle real = first;
    for (const auto& d : details)
        (void)apply_details(real, d);
    std::vector<UnitPackText> packs;
    for (const auto& a : real.info.unit_areas)
        packs.push_back(
            {a, read_all(hcf::tools::data_file_path(data, unit_file_name(a), sources / "postcodes"))});
    const std::vector<Unit> units = units_of(packs);
    Bundle s = real;
    s.providers = synthetic(real, real.geography, units, agencies);
    s.info.dataset_version = "synthetic";
    s.info.agencies = agencies;
    s.info.placed = agencies;
    s.info.sources.clear();
    s.info.attributions = {
        "SYNTHETIC register made up by scripts/bench-dataset to measure sizes; not real agencies."};
    std::set<std::string> areas;
    for (const auto& p : s.providers)
        areas.insert(details_area(p));
    s.info.detail_areas.assign(areas.begin(), areas.end());
    const std::string sb = serialize_bundle(s);
    (void)hcf::tools::write_file(synth_out / "bundle.bin", sb);
    std::size_t details_bytes = 0;
    for (const auto& a : areas) {
        const std::string d = serialize_details(s, a);
        details_bytes += d.size();
        (void)hcf::tools::write_file(synth_out / details_file_name(a), d);
    }
    // The same register with no agencies: what the geography, costs and profiles take on their own.
    Bundle empty = s;
    empty.providers.clear();
    (void)hcf::tools::write_file(synth_out / "bundle-without-agencies.bin", serialize_bundle(empty));
    std::cout << "synthetic_agencies " << agencies << "\n";
    std::cout << "synthetic_bundle_bytes " << sb.size() << "\n";
    std::cout << "synthetic_details_files " << areas.size() << "\n";
    std::cout << "synthetic_details_bytes " << details_bytes << "\n";
    std::cout << "synthetic_load_ms_median "
              << median_ms(std::max(1, loads / 4), [&] { (void)load_bundle(sb); }) << "\n";
    return 0;
}
