// homecare-finder UI: the person's council's own help, drawn the same on the council screen and under every
// thin or empty result: its adult social care phone (a tel: link; on a kiosk, the number in large type) with
// where and when it was seen, its web page and care directory, and the CQC website.
// Depends on: ui/app, ui/widgets, core/council_help.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/council_help.h"

#include <string_view>

namespace hcf::ui {

class App;

// A phone number: a tel: link, or on a kiosk the number in large type (a kiosk cannot ring anyone).
void phone_number(App& app, std::string_view id, const std::string& phone);

// "Contact <council>": whatever the contacts hold, nothing invented where a field is blank. Draws nothing
// when the council is not known.
void council_contacts(App& app, const core::CouncilHelp& help);

} // namespace hcf::ui
