// homecare-finder web: data file addresses (see data_loader.h).
// Depends on: the standard library.
// SPDX-License-Identifier: MIT
#include "web/data_loader.h"

namespace hcf::web {

namespace {
constexpr std::string_view kPrefix = "data/";
}

std::string data_url(std::string_view name) {
    return std::string(kPrefix) + std::string(name);
}

std::optional<std::string> data_name(std::string_view url) {
    if (url.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    return std::string(url.substr(kPrefix.size()));
}

} // namespace hcf::web
