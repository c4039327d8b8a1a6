// homecare-finder UI: what a screen says while the care information loads, or why it could not be loaded.
// Depends on: ui/app, ui/widgets.
// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace hcf::ui {

class App;

// While the data is loading: `loading` in secondary text. Once loading failed: the session's plain message
// naming the file and a "Try again" button (id "retry_load") that asks for the data again.
void load_status(App& app, std::string_view loading);

// On an agency page whose contact details are not there yet: "Loading ..." or, once the details pack could
// not be fetched, why, and a "Try again" button (id "retry_details").
void details_status(App& app);

} // namespace hcf::ui
