// homecare-finder core: the sections of bundle.bin and details/*.bin, one writer and one reader each.
// Internal to core/dataset_format (which puts them in the container); public only for its tests.
// Depends on: core/binary_codec.h, core/dataset_format.h, core/expected.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Each section is column by column (all names, then all postcodes, ...), delta-coded where neighbours are
// alike, so it compresses well. Every reader gives Expected<T>: what the section holds, or an Error on
// anything the writer could not have written (its detail names the section, "districts", as load_bundle
// reports it).
#pragma once

#include "core/binary_codec.h"
#include "core/dataset_format.h"
#include "core/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hcf::core::sections {

enum Tag : std::uint8_t {
    TagMeta = 1,
    TagDistricts = 2,
    TagSectors = 3,
    TagCouncils = 4,
    TagCosts = 5,
    TagProfiles = 6,
    TagProviders = 7,
    TagDetails = 8,
    // Added after the first release; a bundle without them still loads (the fields stay empty).
    TagContacts = 9,   // council contacts, compact CSV (core/council_contacts.h)
    TagInspected = 10, // providers' last inspection dates, in provider order
};

// A position in 1/10000ths of a degree; districts and sectors by code, the points agencies are stored
// against (see write_providers).
struct PointE4 {
    std::int64_t lat = 0;
    std::int64_t lng = 0;
};
using Points = std::unordered_map<std::string, PointE4>;

// ISO yyyy-mm-dd as a day number + 1 (0 = no date); anything else is stored as no date.
std::uint64_t encode_date(const std::string& iso);
std::string decode_date(std::uint64_t v); // "" for 0 and for numbers the writer cannot make

// The districts, sorted by code, with the point each is stored against.
struct DistrictSection {
    std::vector<District> districts;
    Points points;
};
std::string write_districts(const Geography& g);
Expected<DistrictSection> read_districts(std::string_view body);
// The sectors (of the districts read before), with the point each is stored against.
struct SectorSection {
    std::vector<Sector> sectors;
    Points points;
};
std::string write_sectors(const Geography& g);
Expected<SectorSection> read_sectors(std::string_view body, const std::vector<District>& districts);
// District -> council shares, with the councils table.
struct CouncilSection {
    std::vector<LadInfo> lads;
    std::vector<std::pair<std::string, std::vector<CouncilShare>>> shares; // per district, in section order
};
std::string write_councils(const Bundle& b);
Expected<CouncilSection> read_councils(std::string_view body, const std::vector<District>& districts);
std::string write_profiles(const std::vector<CouncilProfileText>& profiles);
Expected<std::vector<CouncilProfileText>> read_profiles(std::string_view body);
std::string write_providers(const Bundle& b);
Expected<std::vector<Provider>> read_providers(std::string_view body, const Points& points);
// The providers' last inspection dates, in provider order: one for each of `providers` ("" for none).
std::string write_inspected(const std::vector<Provider>& providers);
Expected<std::vector<std::string>> read_inspected(std::string_view body, std::size_t providers);

// The contact details of one details pack, in the pack's order.
struct ProviderDetails {
    std::string id, provider_id, address, phone, website, url, ownership, registered;
    std::vector<std::string> specialisms;
};
std::string write_details(const Bundle& b, std::string_view area);
Expected<std::vector<ProviderDetails>> read_details(std::string_view body);

} // namespace hcf::core::sections
