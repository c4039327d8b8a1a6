// homecare-finder UI: the app — owns the session, lays out the screens, keeps storage and URL in step.
// Depends on: Dear ImGui, core/session, ui/platform, ui/theme, ui/widgets. Never on Emscripten.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/session.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <string>
#include <vector>

namespace hcf::ui {

class App {
  public:
    explicit App(Platform& platform);

    // Start-up: what the page was opened with (URL query) and what was stored last time.
    void start(std::string_view url_query);
    // A data file arrived, or could not be fetched.
    void receive_file(std::string_view name, std::string_view bytes);
    void receive_error(std::string_view name, std::string_view message);
    // "Update the data": a picked file's bytes (one call each), then the end of the list; the platform's
    // answers to save_data_files and forget_data_files.
    void receive_picked_file(std::string_view name, std::string_view bytes);
    void picked_files_done();
    void data_saved(const core::Expected<void>& answer);
    void data_forgotten();
    // What the page learnt about the data this browser holds (see core::Session::note_data).
    void data_notice(std::string_view kind, std::string_view detail);
    // How this platform builds an update (the browser: in a module loaded when used).
    void set_update_maker(core::UpdateMaker maker) { session_.updater().set_maker(std::move(maker)); }

    // Called by the platform's main loop, in this order, for every frame it draws.
    // before_frame returns true when the font atlas was rebuilt and must be uploaded again.
    bool before_frame(float pixel_ratio, float width_css);
    void frame();
    void after_frame(); // storage, URL and file requests follow the session
    // Time to build the frame's UI (NewFrame to Render) and the whole frame with GL drawing, in ms.
    void record_frame_time(double build_ms, double total_ms);
    // The device asks for more contrast (prefers-contrast: more): high contrast is on without being stored.
    void set_system_contrast(bool more) {
        system_contrast_ = more;
        redraw_ = true;
    }
    bool high_contrast() const { return system_contrast_ || session_.settings().high_contrast; }

    // Input from the page (src/web/js_bridge.cpp): the only way the browser's events reach ImGui's IO.
    void activate(std::string id);                   // a UI item, by id (the mirror, tests)
    void reveal(std::string id);                     // scroll the page so this control shows
    void set_text(std::string id, std::string text); // a text box's whole text
    // The phone keyboard's hidden <input>: its text and caret or selection, in UTF-16 units (-1: the end).
    void edit_text(std::string id, std::string text, int select_start, int select_end);
    enum class Key { Enter, Tab, ShiftTab, Escape }; // keys the hidden <input> does not handle
    void key(Key key);
    enum class Touch { Down, Move, Up, Cancel };
    // A finger on the canvas, in CSS px; vy_css: on lifting, its speed (CSS px a second, down positive).
    void touch(Touch phase, float x_css, float y_css, float vy_css);
    void mouse_again(); // a mouse is used again after touches
    void set_reduced_motion(bool reduce) { ui().reduced_motion = reduce; }

    // True when the app changed by itself (data arrived) and needs frames drawn.
    bool wants_redraw();
    void request_redraw() { redraw_ = true; }
    ImVec4 background_colour() const { return ImGui::ColorConvertU32ToFloat4(colour::white); }

    core::Session& session() { return session_; }
    const core::Session& session() const { return session_; }
    Platform& platform() { return platform_; }

    // State for tests and the accessible mirror: the session plus what the UI shows.
    std::string state_json() const;
    // False when the last frame's drawing moved to another screen: its items belong to the old screen, so
    // that state is not published (the new screen is drawn next frame, with items that match it).
    bool frame_matches_screen() const { return drawn_screen_ == session_.screen(); }
    // Frame times since the last call, as {build_ms, total_ms} pairs (for scripts/bench-frames.mjs).
    std::vector<std::pair<double, double>> take_frame_times();

    // UI-only state the screens share (text being edited, scroll positions).
    struct Edit {
        std::string postcode;
        std::string text_filter;
        bool filters_open = false;
        bool results_more = false; // a phone shows where, coverage and date on the results screen
        float results_scroll = 0.0f;
        bool sent_from_box =
            false;          // "Find care" came from the postcode box (Enter, "Search for ..."), not below
        std::string status; // a short message after an action ("Link copied", "Added to your shortlist")
    } edit;

  private:
    void draw_header();
    void draw_screen(core::Screen s);

    Platform& platform_;
    core::Session session_;
    float built_scale_ = 0.0f; // the scale the font atlas was built for
    bool built_contrast_ = false;
    bool redraw_ = true;
    core::Screen drawn_screen_ = core::Screen::Start; // the screen the last frame drew
    bool system_contrast_ = false;
    std::string stored_;    // what storage holds, to write only on change
    std::string url_query_; // what the address bar holds
    std::vector<std::pair<double, double>> frame_times_;
    std::vector<core::DataFile> picked_;              // files arriving for an update
    core::Screen shown_screen_ = core::Screen::Start; // the screen the last frame drew
    std::string page_title_ = "Find home care";       // the browser tab's title for the screen shown
    float content_height_ = 0.0f;  // header + page content, device pixels (for hosts sizing a frame)
    float page_scroll_ = 0.0f;     // its scroll position
    float page_scroll_max_ = 0.0f; // how far it can scroll
};

} // namespace hcf::ui
