// homecare-finder UI: "Update the data" on the About screen — the owner loads CQC's latest files in the
// browser. Depends on: Dear ImGui, ui/app, ui/widgets, ui/platform, core/session, core/text_format.
// SPDX-License-Identifier: MIT
//
// Hidden in kiosk mode (the kiosk's owner updates it from another browser or with scripts/build-dataset).
// Progress, result and error are published as status/alert items, so the accessible mirror reads them out.
#include "ui/app.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include "core/text_format.h"

#include <cmath>
#include <string>

namespace hcf::ui {

namespace {

void progress_bar(double fraction) {
    const float h = 24.0f * ui().scale;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = std::fmin(ImGui::GetContentRegionAvail().x, 600.0f * ui().scale);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float border = std::fmax(1.0f, 2.0f * ui().scale);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colour::panel);
    dl->AddRectFilled(p,
                      ImVec2(p.x + w * static_cast<float>(std::fmin(1.0, std::fmax(0.0, fraction))), p.y + h),
                      ui().high_contrast ? colour::text : colour::link);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), colour::text, 0.0f, 0, border);
    ImGui::Dummy(ImVec2(w, h));
}

} // namespace

void draw_data_update(App& app) {
    core::Session& s = app.session();
    if (s.page().kiosk) return;
    heading("Update the data");
    body(
        "For the owner of this service. CQC publishes new files every month. Download the HSCA Active "
        "Locations spreadsheet (saved as \"CSV UTF-8\") and the CQC care directory CSV from the CQC website, "
        "then choose them here. The agencies and ratings are replaced; postcodes, councils and costs stay.");
    const core::DataUpdateStatus st = s.updater().status();
    if (!st.active && st.words.empty()) {
        if (secondary_button("update_choose", "Choose files")) app.platform().choose_files();
        secondary("Or drag and drop the files anywhere on this page. They are read in this browser and are "
                  "not sent anywhere.");
    }
    if (st.active || !st.words.empty()) {
        if (st.active) progress_bar(st.fraction);
        body(st.words, "update_status", "status"); // read out as it changes
    } else if (!st.message.empty() && st.failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour::inadequate));
        ImGui::PushFont(ui().fonts.bold);
        ImGui::TextWrapped("%s", st.message.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        note_item("update_error", "alert", st.message);
        secondary("The data in use has not changed.");
        // The updater did not load: the same files again, once the connection is back.
        if (st.try_again && secondary_button("update_retry", "Try again")) app.platform().try_update_again();
    } else if (!st.message.empty()) {
        ImGui::PushFont(ui().fonts.bold);
        ImGui::TextWrapped("%s", st.message.c_str());
        ImGui::PopFont();
        note_item("update_status", "status", st.message);
    }
    if (s.data_source().updated && !st.active && st.words.empty()) draw_restore_bundled(app);
}

void draw_restore_bundled(App& app) {
    core::Session& s = app.session();
    if (s.page().kiosk) return;
    if (secondary_button("update_restore", "Restore the bundled data")) s.restore_bundled_data();
    secondary("This puts back the data that came with this service and forgets the updated data.");
}

} // namespace hcf::ui
