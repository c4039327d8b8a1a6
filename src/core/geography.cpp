// homecare-finder core: postcode geography lookups and locate() (stub; full version follows).
// Depends on: core/geography.h, core/postcode.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/geography.h"

namespace hcf::core {

void Geography::set_districts(std::vector<District> d) {
    districts_ = std::move(d);
}
void Geography::set_sectors(std::vector<Sector> s) {
    sectors_ = std::move(s);
}
void Geography::set_councils(std::string district, std::vector<CouncilShare> shares) {
    councils_[std::move(district)] = std::move(shares);
}
bool Geography::add_unit_pack(std::string_view, std::string_view, std::string*) {
    return false;
}
bool Geography::has_unit_pack(std::string_view) const {
    return false;
}
const District* Geography::district(std::string_view) const {
    return nullptr;
}
const Sector* Geography::sector(std::string_view) const {
    return nullptr;
}
std::optional<LatLng> Geography::unit(std::string_view) const {
    return std::nullopt;
}
const std::vector<CouncilShare>& Geography::councils(std::string_view) const {
    static const std::vector<CouncilShare> empty;
    return empty;
}
std::vector<const Sector*> Geography::sectors_of(std::string_view) const {
    return {};
}
std::size_t Geography::unit_count() const {
    return 0;
}
Location locate(const Geography&, std::string_view) {
    return {};
}
Nation nation_of(const Geography&, std::string_view) {
    return Nation::Unknown;
}
std::string friendly_council_name(std::string_view n) {
    return std::string(n);
}
double distance_km(LatLng, LatLng) {
    return 0;
}
double distance_miles(LatLng, LatLng) {
    return 0;
}

} // namespace hcf::core
