// homecare-finder tests: loads the FIXTURE providers in tests/data/search/providers.csv (tests only).
// Depends on: core/model.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/model.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace hcf::test {

// RFC 4180 fields of one file: quoted fields may hold commas, doubled quotes and newlines.
inline std::vector<std::vector<std::string>> read_csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

inline std::uint32_t fixture_flags(const std::string& keys, bool needs) {
    std::uint32_t mask = 0;
    std::stringstream ss(keys);
    std::string key;
    while (std::getline(ss, key, '|')) {
        bool found = false;
        if (needs) {
            for (auto n : core::all_needs())
                if (core::need_key(n) == key) {
                    mask |= n;
                    found = true;
                }
        } else {
            for (auto s : core::all_service_types())
                if (core::service_key(s) == key) {
                    mask |= s;
                    found = true;
                }
        }
        if (!found) throw std::runtime_error("fixture: unknown flag " + key);
    }
    return mask;
}

// The 13 fixture providers, in file order (index i is row i + 1 of the file).
inline std::vector<core::Provider> load_fixture_providers(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("fixture: cannot open " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    const auto rows = read_csv_rows(buf.str());
    std::vector<core::Provider> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& f = rows[r];
        if (f.size() != 21)
            throw std::runtime_error("fixture: row " + std::to_string(r) + " has wrong width");
        core::Provider p;
        p.location_id = f[0];
        p.provider_id = f[1];
        p.name = f[2];
        p.provider_name = f[3];
        p.brand = f[4];
        p.address = f[5];
        p.postcode = f[6];
        p.phone = f[7];
        p.website = f[8];
        p.local_authority = f[9];
        p.region = f[10];
        p.cqc_url = f[11];
        const auto rating = core::parse_rating(f[12]);
        if (!rating) throw std::runtime_error("fixture: bad rating " + f[12]);
        p.overall = *rating;
        p.rating_date = f[13];
        p.needs = fixture_flags(f[14], true);
        p.service_types = fixture_flags(f[15], false);
        if (f[18] != "none") {
            p.location = {std::stod(f[16]), std::stod(f[17])};
            p.precision = f[18] == "unit"     ? core::GeoPrecision::Unit
                          : f[18] == "sector" ? core::GeoPrecision::Sector
                                              : core::GeoPrecision::District;
        }
        p.registered_date = f[19];
        p.rating_in_data = f[20] == "Y"; // N: found only in the care directory, which has no ratings
        p.rating_text = f[12];
        p.source = "tests/data/search/providers.csv (FIXTURE)";
        p.data_date = "2026-09-01";
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace hcf::test
