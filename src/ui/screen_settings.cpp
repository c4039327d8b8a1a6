// homecare-finder UI: the settings screen — text size, high contrast, and clearing the person's information.
// Depends on: ui/app, ui/widgets, core/session.
// SPDX-License-Identifier: MIT
//
// Changing a setting takes effect on the next frame: the app rebuilds its fonts and theme from
// session().settings() itself, and keeps the settings on this device.
#include "ui/app.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <string>

namespace hcf::ui {

namespace {

// Clearing asks once more on the same screen (no pop-ups), then says it is done.
struct SettingsState {
    bool confirming = false;
    bool cleared = false;
};

} // namespace

void draw_settings(App& app) {
    core::Session& s = app.session();
    SettingsState& st = screen_state<SettingsState>(); // a fresh visit starts clean

    if (back_link()) s.back();
    title("Settings");

    heading("Text size");
    secondary("Make the words on every screen bigger.");
    const int sizes[] = {100, 125, 150, 200};
    const float w = ui().phone ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f
                               : ImGui::CalcTextSize("200%").x + 60.0f * ui().scale;
    Row sizes_row; // two by two on a phone, in one row elsewhere
    for (int size : sizes) {
        const std::string id = "text_size." + std::to_string(size);
        const std::string label = std::to_string(size) + "%";
        sizes_row.next(button_width(label, w));
        if (choice_button(id.c_str(), label, s.settings().text_size_percent == size, w, "Text size " + label))
            s.settings().text_size_percent = size;
    }

    heading("Contrast");
    bool contrast = s.settings().high_contrast;
    if (toggle("high_contrast", "High contrast: black text and thick outlines", &contrast))
        s.settings().high_contrast = contrast;
    if (app.high_contrast() && !s.settings().high_contrast)
        secondary("Your device asks for more contrast, so high contrast is on while it does.");

    heading("Your information");
    body("Your shortlist and settings are kept in this browser on this device, so they are still here next "
         "time. Nothing is sent anywhere.");
    secondary("On a shared computer, such as in a library, clear your information when you have finished.");
    if (st.cleared) {
        panel_text(
            "Your information has been cleared: your shortlist, search and settings are gone from this "
            "device.");
        note_item("cleared", "status", "Your information has been cleared");
    } else if (!st.confirming) {
        if (secondary_button("clear", "Clear my information", action_width())) st.confirming = true;
    } else {
        body("This removes your shortlist, your search and your settings from this device. You cannot undo "
             "it.");
        Row row;
        row.next(button_width("Yes, clear my information", action_width()));
        if (primary_button("clear_confirm", "Yes, clear my information", action_width())) {
            s.clear_my_information();
            app.edit = App::Edit{};       // the typed postcode and filter text go too
            s.go(core::Screen::Settings); // stay here to see that it worked
            st = SettingsState{};
            st.cleared = true;
        }
        row.next(button_width("Cancel", action_width()));
        if (secondary_button("clear_cancel", "Cancel", action_width())) st.confirming = false;
    }
}

} // namespace hcf::ui
