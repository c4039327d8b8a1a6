// homecare-finder UI: touch scrolling with a glide (see touch_scroll.h).
// Depends on: Dear ImGui internals, ui/widgets.
// SPDX-License-Identifier: MIT
#include "ui/touch_scroll.h"

#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace hcf::ui {

namespace {
constexpr float kSlopCss = 10.0f;     // a finger moving less than this is still a tap (CSS px)
constexpr float kGlideTau = 0.325f;   // seconds for the glide to slow to 37% (like phones' own lists)
constexpr float kMinSpeedCss = 30.0f; // CSS px a second: slower than this, the glide stops

struct TouchDrag {
    ImGuiID window = 0; // the scrollable window under the finger
    bool pressed = false, dragging = false, gliding = false;
    float start_y = 0, start_scroll = 0; // finger and scroll where the drag began (device px)
    float velocity = 0; // scroll speed while gliding, device px a second (positive: towards the end)
};
TouchDrag& drag() {
    static TouchDrag d;
    return d;
}

ImGuiWindow* scrollable_from(ImGuiWindow* w) {
    for (; w != nullptr; w = w->ParentWindow)
        if (w->ScrollMax.y > 0.0f) return w;
    return nullptr;
}

float clamp_scroll(ImGuiWindow* w, float y) {
    return y < 0.0f ? 0.0f : (y > w->ScrollMax.y ? w->ScrollMax.y : y);
}
} // namespace

bool touch_scroll_update() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiIO& io = g.IO;
    TouchDrag& d = drag();
    const float px = ui().pixel_ratio > 0 ? ui().pixel_ratio : 1.0f;

    if (io.MouseClicked[0]) { // any press stops a glide; a touch press may become a drag
        d.gliding = false;
        d.dragging = false;
        d.pressed = io.MouseSource == ImGuiMouseSource_TouchScreen;
        ImGuiWindow* w = d.pressed ? scrollable_from(g.HoveredWindow) : nullptr;
        d.window = w ? w->ID : 0;
        d.start_y = io.MousePos.y;
        d.start_scroll = w ? w->Scroll.y : 0.0f;
        d.velocity = 0;
    }
    if (d.pressed && d.window == 0 && io.MouseDown[0]) { // (no window under the finger yet at the press)
        ImGuiWindow* under = scrollable_from(g.HoveredWindow);
        d.window = under ? under->ID : 0;
    }
    ImGuiWindow* w = d.window ? ImGui::FindWindowByID(d.window) : nullptr;
    if (!w) {
        if (!io.MouseDown[0]) d.pressed = false;
        d.dragging = d.gliding = false;
        return false;
    }

    if (d.pressed && io.MouseDown[0]) {
        const float y = io.MousePos.y;
        if (!d.dragging && std::fabs(y - d.start_y) > kSlopCss * px &&
            g.ActiveId != ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y)) {
            d.dragging = true;
            // Follow the finger from the slop's edge: no jump by the slop, and no distance lost when several
            // moves arrive in one frame (a busy phone, or a fast swipe).
            d.start_y += (y > d.start_y ? 1.0f : -1.0f) * kSlopCss * px;
            d.start_scroll = w->Scroll.y;
            ImGui::ClearActiveID(); // the button under the finger must not act when it lifts
        }
        if (d.dragging) ImGui::SetScrollY(w, clamp_scroll(w, d.start_scroll - (y - d.start_y)));
    } else if (d.pressed) { // lifted
        d.pressed = false;
        if (d.dragging) {
            d.dragging = false;
            // The browser knows the finger's speed better than frames do (they come unevenly): web/touch.js
            // measures it from the touch events' own times.
            d.velocity = -ui().fling_css * px;
            d.gliding = !ui().reduced_motion && std::fabs(d.velocity) > kMinSpeedCss * px;
        }
    }

    if (d.gliding) {
        const float dt = io.DeltaTime > 0 ? (io.DeltaTime < 0.1f ? io.DeltaTime : 0.1f) : 0.016f;
        const float target = w->Scroll.y + d.velocity * dt;
        d.velocity *= std::exp(-dt / kGlideTau);
        const float clamped = clamp_scroll(w, target);
        ImGui::SetScrollY(w, clamped);
        if (clamped != target || std::fabs(d.velocity) < kMinSpeedCss * px) d.gliding = false;
    }
    return d.dragging || d.gliding;
}

bool touch_scroll_gliding() {
    return drag().gliding;
}

} // namespace hcf::ui
