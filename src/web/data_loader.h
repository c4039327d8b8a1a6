// homecare-finder web: which data files the browser fetches, and handing them to the app.
// Depends on: ui/app.
// SPDX-License-Identifier: MIT
#pragma once

#include "ui/app.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcf::web {

// Files fetched at start, relative to the page.
std::vector<std::string> startup_files();
// The file holding one postcode area's unit postcodes ("B" -> "data/postcodes/B.txt").
std::string unit_pack_file(std::string_view area);
// A fetched file arrived / could not be fetched.
void receive_file(ui::App& app, std::string_view name, std::string_view bytes);
void receive_error(ui::App& app, std::string_view name, std::string_view message);

} // namespace hcf::web
