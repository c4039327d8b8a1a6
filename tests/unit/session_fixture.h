// homecare-finder tests: a tiny dataset for session tests (three agencies near B13), and reading a session's
// results. Depends on: core/session.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/session.h"

#include <string>
#include <vector>

namespace hcf::test {

using namespace hcf::core;

inline hcf::core::Provider agency(std::string id, std::string name, LatLng at, Rating r, Needs needs) {
    Provider p;
    p.location_id = std::move(id);
    p.name = std::move(name);
    p.postcode = "B13 9AA";
    p.location = at;
    p.precision = GeoPrecision::Sector;
    p.overall = r;
    p.needs = needs;
    p.service_types = ServiceHomecare;
    return p;
}

// Two districts and three agencies. B13's centre is 52.43 N, 1.88 W; 0.01 degrees of latitude is
// 0.691 miles, so the agencies sit about 0.7, 1.4 and 6.9 miles north of it.
inline hcf::core::Bundle tiny_bundle() {
    Bundle b;
    b.geography.set_districts({{"HR4", "HR", {52.07, -2.76}, 100}, {"B13", "B", {52.43, -1.88}, 200}});
    b.providers.push_back(
        agency("1-100", "Alpha Care", {52.44, -1.88}, Rating::Good, NeedDementia | NeedOlderPeople));
    b.providers.push_back(
        agency("1-200", "Beta <Care>", {52.45, -1.88}, Rating::Outstanding, NeedOlderPeople));
    b.providers.push_back(
        agency("1-300", "Gamma Care", {52.53, -1.88}, Rating::RequiresImprovement, NeedDementia));
    b.info.cqc_edition = "2026-09-01";
    return b;
}

inline std::vector<std::string> result_ids(const hcf::core::Session& s) {
    std::vector<std::string> ids;
    for (const auto& m : s.results().matches)
        ids.push_back(s.provider(m.index).location_id);
    return ids;
}

} // namespace hcf::test
