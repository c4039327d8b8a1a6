// homecare-finder UI: scrolling by dragging a finger, with a glide after the finger lifts (ImGui 1.90 has
// none). Depends on: Dear ImGui (internal API: windows, scroll, active id), ui/widgets (pixel ratio, reduced
// motion). SPDX-License-Identifier: MIT
//
// Touches reach ImGui as a mouse with io.MouseSource == ImGuiMouseSource_TouchScreen (web/touch.js sends
// them). A press that moves less than 10 CSS px stays a tap; past that the window under the finger scrolls
// with it and the press is cancelled, so the button where the drag began or ended does not act.
#pragma once

namespace hcf::ui {

// Call every frame after ImGui::NewFrame() and before any window is drawn. Returns true while a drag or a
// glide is under way (the caller keeps drawing frames).
bool touch_scroll_update();

// Where the last touch drag or glide left things, for tests: true while gliding.
bool touch_scroll_gliding();

} // namespace hcf::ui
