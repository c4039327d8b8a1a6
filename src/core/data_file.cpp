// homecare-finder core: dataset file names (see data_file.h).
// Depends on: core/data_file.h.
// SPDX-License-Identifier: MIT
#include "core/data_file.h"

namespace hcf::core {

namespace {
constexpr std::string_view kDetails = "details/";
constexpr std::string_view kPostcodes = "postcodes/";

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}
} // namespace

DataFileKind data_file_kind(std::string_view name) {
    if (name == "manifest.json") return DataFileKind::Manifest;
    if (name == "bundle.bin") return DataFileKind::Startup;
    if (starts_with(name, kDetails)) return DataFileKind::Details;
    if (starts_with(name, kPostcodes)) return DataFileKind::Postcodes;
    return DataFileKind::Other;
}

std::string_view data_file_kind_key(DataFileKind kind) {
    switch (kind) {
    case DataFileKind::Manifest:
        return "manifest";
    case DataFileKind::Startup:
        return "startup";
    case DataFileKind::Details:
        return "details";
    case DataFileKind::Postcodes:
        return "postcodes";
    case DataFileKind::Other:
        break;
    }
    return "";
}

std::string details_file_name(std::string_view area) {
    return std::string(kDetails) + std::string(area) + ".bin";
}

std::string unit_file_name(std::string_view district) {
    return std::string(kPostcodes) + std::string(district) + ".txt";
}

std::string data_file_stem(std::string_view name) {
    std::string_view rest;
    if (starts_with(name, kDetails))
        rest = name.substr(kDetails.size());
    else if (starts_with(name, kPostcodes))
        rest = name.substr(kPostcodes.size());
    else
        return {};
    return std::string(rest.substr(0, rest.find('.')));
}

} // namespace hcf::core
