// homecare-finder UI: the app — owns the session and draws the screens with Dear ImGui.
// Depends on: Dear ImGui, core/session, ui/platform, ui/theme. Never on Emscripten.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/session.h"
#include "ui/platform.h"
#include "ui/theme.h"

#include <string>
#include <vector>

namespace hcf::ui {

class App {
  public:
    explicit App(Platform& platform);

    // Called by the platform's main loop, in this order, for every frame it draws.
    // before_frame returns true when the font atlas was rebuilt and must be uploaded again.
    bool before_frame(float pixel_ratio);
    void frame();
    void record_frame_time(double ms);

    // True when the app changed by itself (data arrived) and needs frames drawn.
    bool wants_redraw();
    void request_redraw() { redraw_ = true; }
    ImVec4 background_colour() const { return ImGui::ColorConvertU32ToFloat4(colour::white); }

    core::Session& session() { return session_; }
    Platform& platform() { return platform_; }
    const core::Session& session() const { return session_; }

    // State for tests and the accessible mirror: the session plus what the UI shows.
    std::string state_json() const;
    // Frame build times in ms since the last call (for the frame-time benchmark).
    std::vector<double> take_frame_times();

  private:
    void draw_start_screen();
    // Records the last ImGui item's rectangle under an id, for tests and the accessible mirror.
    void note_item(const char* id, const char* role, std::string label);

    struct UiItem {
        std::string id, role, label;
        ImVec2 min, max; // device pixels
    };
    std::vector<UiItem> items_; // what the last frame drew
    float pixel_ratio_ = 1.0f;

    Platform& platform_;
    core::Session session_;
    Fonts fonts_;
    float built_scale_ = 0.0f; // the scale the font atlas was built for
    float text_scale_ = 1.0f;  // the text size setting: 1, 1.25, 1.5 or 2
    bool high_contrast_ = false;
    bool redraw_ = true;
    char postcode_buf_[32] = {};
    std::vector<double> frame_times_;
};

} // namespace hcf::ui
