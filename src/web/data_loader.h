// homecare-finder web: where the browser finds the data files the app asks for.
// Depends on: nothing but the standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hcf::web {

// The address of a data file relative to the page: "bundle.bin" -> "data/bundle.bin".
std::string data_url(std::string_view name);
// The other way round, for files that arrive; nullopt when the address is not a data file.
std::optional<std::string> data_name(std::string_view url);

} // namespace hcf::web
