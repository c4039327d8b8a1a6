// homecare-finder UI: the start screen — postcode, what help is needed, distance, "Find care".
// Depends on: ui/app, ui/widgets, core/session.
// SPDX-License-Identifier: MIT
#include "ui/app.h"
#include "ui/kiosk.h"
#include "ui/load_fault.h"
#include "ui/screens.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include <cstdio>
#include <string>

namespace hcf::ui {

namespace {
constexpr const auto& kDistances = core::kWidenRadiiMiles; // the choices results offer to widen to

// "Did you mean HR4 9AW?" as buttons too, so nobody has to retype it (a kiosk's keypad, a shaky hand).
void near_postcodes(App& app, bool* submit) {
    const core::Location& loc = app.session().location();
    if (loc.error != core::PostcodeError::NotAPostcodeShape) return;
    Row row;
    for (const std::string& pc : loc.suggestions) {
        const std::string label = "Search for " + pc;
        row.next(button_width(label));
        if (secondary_button(("near." + pc).c_str(), label)) {
            app.edit.postcode = pc;
            app.edit.sent_from_box = true;
            *submit = true;
        }
    }
}

void postcode_box(App& app, bool* submit) {
    core::Session& s = app.session();
    subheading("Postcode");
    secondary(
        "The postcode of the person who needs care, like B13 9AB. The first part, like B13, works too.");
    const TextFieldResult box = postcode_field(app.edit.postcode);
    if (box.changed) s.set_postcode_input(app.edit.postcode);
    if (box.submitted) app.edit.sent_from_box = true;
    *submit |= box.submitted;
    // Soft feedback while typing; the error only after "Find care".
    // (the session keeps the first characters only of a very long text: 200 characters of junk get the error)
    // "Find care" pressed while loading: the press was not lost. Said (and read out) where it was pressed:
    // here after Enter in the box, else under "Find care" (draw_start); a failed load says why instead.
    if (s.search_waiting()) {
        if (app.edit.sent_from_box && !s.load_failure()) body(s.message(), "search_waiting", "status");
    } else if (!s.location().ok && !s.message().empty() &&
               s.postcode_input() ==
                   std::string_view(app.edit.postcode).substr(0, core::Session::kPostcodeInputMax)) {
        error_text(s.message());
        near_postcodes(app, submit);
    } else if (const std::string hint = s.hint(); !hint.empty())
        secondary(hint);
}

void help_toggles(App& app) {
    core::Session& s = app.session();
    heading("What help is needed?");
    secondary("Choose all that apply. You can change these later.");
    const bool two_columns = !ui().phone;
    if (two_columns) ImGui::Columns(2, "##help", false);
    for (const auto& o : core::help_options()) {
        bool on = s.help(o.key);
        if (toggle(("help." + std::string(o.key)).c_str(), o.label, &on)) s.set_help(o.key, on);
        if (two_columns) ImGui::NextColumn();
    }
    if (two_columns) ImGui::Columns(1);
    for (const auto& o : core::help_options())
        if (s.help(o.key) && !o.note.empty()) panel_text(o.note);
}

void distance_choice(App& app) {
    core::Session& s = app.session();
    heading("How far away?");
    Row row; // as many to a line as fit
    for (double d : kDistances) {
        char id[32], label[32];
        std::snprintf(id, sizeof id, "radius.%g", d);
        std::snprintf(label, sizeof label, "%g mile%s", d, d == 1 ? "" : "s");
        row.next(button_width(label));
        if (choice_button(id, label, s.radius() == d)) s.set_radius(d);
    }
}
} // namespace

void draw_start(App& app) {
    core::Session& s = app.session();
    title("Find home care");
    body(
        "Find care agencies that can help someone at home, with their inspection ratings and what care might "
        "cost.");
    if (const core::CouncilProfile* c = s.council()) {
        std::string line = "For people living in " + c->area_name + ".";
        if (!c->help_line.empty()) line += " " + c->name + " help line: " + c->help_line + ".";
        secondary(line);
    }
    ImGui::Spacing();
    bool submit = false;
    if (ui().kiosk) { // the choices first, then the postcode on a big keypad that ends with "Find care"
        help_toggles(app);
        distance_choice(app);
        ImGui::Spacing();
        postcode_box(app, &submit);
        bool on_keypad = false; // its last key is "Find care"
        kiosk_keypad(app, &on_keypad);
        if (on_keypad) app.edit.sent_from_box = false;
        submit |= on_keypad;
    } else {
        postcode_box(app, &submit);
        help_toggles(app);
        distance_choice(app);
        ImGui::Spacing();
        if (primary_button("find_care", "Find care", action_width())) {
            app.edit.sent_from_box = false;
            submit = true;
        }
    }
    if (submit) {
        s.set_postcode_input(app.edit.postcode);
        s.find_care();
    }
    if (!s.ready()) {
        if (s.search_waiting() && !app.edit.sent_from_box && !s.load_failure())
            body(s.message(), "search_waiting", "status"); // (see postcode_box)
        else
            load_status(app, "Loading care information...");
    } else if (const core::Bundle* b = s.bundle(); b && !b->info.covers_all_england) {
        ImGui::Spacing();
        panel_text(b->info.coverage_summary);
    }
    ImGui::Spacing();
    if (s.ready()) secondary(s.data_dated());
    if (link("about", "About this information")) s.go(core::Screen::About);
    if (ui().phone && link("settings_link", "Settings: text size and contrast")) s.go(core::Screen::Settings);
}

} // namespace hcf::ui
