// homecare-finder UI: the "council" screen (placeholder until it is built).
// Depends on: ui/app, ui/widgets.
// SPDX-License-Identifier: MIT
#include "ui/app.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace hcf::ui {

void draw_council(App& app) {
    if (back_link()) app.session().back();
    title("council");
}

} // namespace hcf::ui
