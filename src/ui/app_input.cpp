// homecare-finder UI: the page's input events handed to ImGui's IO (App's input API, ui/app.h).
// Depends on: Dear ImGui, ui/app, ui/widgets.
// SPDX-License-Identifier: MIT
#include "ui/app.h"

#include <cfloat>
#include <utility>

namespace hcf::ui {

void App::activate(std::string id) {
    ui().request_activate(std::move(id));
}

void App::reveal(std::string id) {
    ui().reveal_id = std::move(id);
}

// A box being edited takes the text in ui/widgets.cpp (note_item), another in its screen's code.
void App::set_text(std::string id, std::string text) {
    ui().queue_text(std::move(id), std::move(text));
}

void App::edit_text(std::string id, std::string text, int select_start, int select_end) {
    UiContext& u = ui();
    u.edit_for_id = std::move(id);
    u.edit_value = std::move(text);
    u.edit_select_start = select_start;
    u.edit_select_end = select_end;
}

void App::key(Key key) {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey k = key == Key::Enter    ? ImGuiKey_Enter
                       : key == Key::Escape ? ImGuiKey_Escape
                                            : ImGuiKey_Tab;
    if (key == Key::ShiftTab) io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddKeyEvent(k, true);
    io.AddKeyEvent(k, false);
    if (key == Key::ShiftTab) io.AddKeyEvent(ImGuiMod_Shift, false);
}

// Emscripten's GLFW turns touches into presses at the last mouse position, so web/touch.js sends them here,
// and ImGui is told they come from a touch screen.
void App::touch(Touch phase, float x_css, float y_css, float vy_css) {
    ImGuiIO& io = ImGui::GetIO();
    const float ratio = ui().pixel_ratio > 0 ? ui().pixel_ratio : 1.0f;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (phase != Touch::Cancel) io.AddMousePosEvent(x_css * ratio, y_css * ratio);
    if (phase == Touch::Down) io.AddMouseButtonEvent(0, true);
    if (phase == Touch::Up || phase == Touch::Cancel) {
        ui().fling_css = phase == Touch::Up ? vy_css : 0.0f;
        io.AddMouseButtonEvent(0, false);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); // a lifted finger hovers over nothing
    }
}

void App::mouse_again() {
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
}

} // namespace hcf::ui
