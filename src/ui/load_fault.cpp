// homecare-finder UI: load status and "Try again" (see load_fault.h).
// Depends on: ui/app, ui/widgets, core/session.
// SPDX-License-Identifier: MIT
#include "ui/load_fault.h"

#include "ui/app.h"
#include "ui/widgets.h"

#include <string>

namespace hcf::ui {

void load_status(App& app, std::string_view loading) {
    core::Session& s = app.session();
    const core::Error* failed = s.load_failure();
    if (!failed) {
        secondary(loading);
        return;
    }
    error_text(failed->message);
    if (secondary_button("retry_load", "Try again")) s.retry_data();
}

void details_status(App& app) {
    core::Session& s = app.session();
    const std::string why = s.details_error();
    if (why.empty()) {
        secondary("Loading the address, phone number and website...");
        return;
    }
    error_text(why);
    if (secondary_button("retry_details", "Try again")) s.retry_details();
}

} // namespace hcf::ui
