// homecare-finder UI: one function per screen, each in its own file (screen_<name>.cpp).
// Depends on: ui/app. Screens read and change the app only through app.session() (the core's API).
// SPDX-License-Identifier: MIT
#pragma once

namespace hcf::ui {

class App;

void draw_start(App& app);     // postcode, help needed, distance, "Find care"
void draw_results(App& app);   // count, summary, sort, filters, list, widen
void draw_around(App& app);    // schematic picture of where the agencies are
void draw_agency(App& app);    // everything the data holds about one agency, questions to ask
void draw_shortlist(App& app); // compare side by side, print, share, export
void draw_cost(App& app);      // what will it cost?
void draw_who_pays(App& app);  // the Care Act means-test guide
void draw_council(App& app);   // your council: how it buys care, what it pays, where to get help
void draw_about(App& app);     // sources, dates, coverage, licences
void draw_settings(App& app);  // text size, contrast, clear my information

// On the About screen: the owner's "Update the data" (about_update.cpp).
void draw_data_update(App& app);
// "Restore the bundled data": also offered while the data cannot be loaded (a saved update may be why).
void draw_restore_bundled(App& app);

} // namespace hcf::ui
