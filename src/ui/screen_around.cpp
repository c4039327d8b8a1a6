// homecare-finder UI: the "around" screen (placeholder until it is built).
// Depends on: ui/app, ui/widgets.
// SPDX-License-Identifier: MIT
#include "ui/app.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace hcf::ui {

void draw_around(App& app) {
    if (back_link()) app.session().back();
    title("around");
}

} // namespace hcf::ui
