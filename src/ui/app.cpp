// homecare-finder UI: the app shell — header, layout and keeping storage and the URL in step (see app.h).
// Depends on: Dear ImGui, core/session, core/session_state, ui/screens.
// SPDX-License-Identifier: MIT
#include "ui/app.h"

#include "ui/screens.h"
#include "ui/touch_scroll.h"

#include "core/session_state.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>

namespace hcf::ui {

namespace {
// The browser tab's title (history, screen readers): the screen's heading, then the service's name.
std::string page_title(core::Screen screen, const std::vector<UiItem>& items) {
    const std::string service = "Find home care";
    std::string h1;
    for (const UiItem& it : items)
        if (it.role == "heading" && it.level == 1) h1 = it.label;
    if (h1.empty() || h1 == service) return service;
    if (screen == core::Screen::Results) h1 = "Results: " + h1; // its heading is the summary
    return h1 + " – " + service;
}
} // namespace

App::App(Platform& platform) : platform_(platform) {}

void App::start(std::string_view url_query) {
    session_.restore_storage(platform_.load("state"));
    session_.apply_share_query(url_query);
    edit.postcode = session_.postcode_input();
    session_.load_data();
    for (const auto& name : session_.take_file_requests())
        platform_.fetch(name);
}

void App::receive_file(std::string_view name, std::string_view bytes) {
    session_.receive_file(name, bytes);
    edit.postcode = session_.postcode_input();
    redraw_ = true;
}

void App::receive_error(std::string_view name, std::string_view message) {
    session_.receive_error(name, message);
    redraw_ = true;
}

void App::receive_picked_file(std::string_view name, std::string_view bytes) {
    picked_.push_back({std::string(name), std::string(bytes)});
}

void App::picked_files_done() {
    std::vector<core::DataFile> files;
    files.swap(picked_);
    session_.start_update(std::move(files), platform_.today());
    redraw_ = true;
}

void App::data_saved(const core::Expected<void>& answer) {
    session_.update_saved(answer);
    redraw_ = true;
}

void App::data_forgotten() {
    session_.reload_data(); // asks for manifest.json and bundle.bin again
    for (const auto& name : session_.take_file_requests())
        platform_.fetch(name);
    redraw_ = true;
}

void App::data_notice(std::string_view kind, std::string_view detail) {
    session_.note_data(kind, detail);
    redraw_ = true;
}

bool App::before_frame(float pixel_ratio, float width_css) {
    UiContext& c = ui();
    c.items.clear();
    if (!c.text_for_id.empty() && ++c.text_age > 3) c.text_for_id.clear(); // no such box on screen
    if (c.text_for_id.empty() && !c.text_queue.empty()) {
        c.text_for_id = std::move(c.text_queue.front().first);
        c.text_value = std::move(c.text_queue.front().second);
        c.text_queue.pop_front();
        c.text_age = 0;
    }
    if (!c.text_for_id.empty()) redraw_ = true; // one more frame shows the box with its new text
    if (!c.activate_waiting.empty() && !c.texts_waiting()) {
        c.activate_id = std::move(c.activate_waiting);
        c.activate_waiting.clear();
    }
    c.text_active = {};
    c.keypad_seen = false;
    c.kiosk = session_.page().kiosk;
    c.pixel_ratio = pixel_ratio;
    c.width_css = width_css;
    c.phone = width_css < 640.0f;
    const float text = static_cast<float>(session_.settings().text_size_percent) / 100.0f;
    const float scale = pixel_ratio * text;
    const bool contrast = high_contrast();
    if (std::fabs(scale - built_scale_) < 0.01f && contrast == built_contrast_) return false;
    built_scale_ = scale;
    built_contrast_ = contrast;
    c.scale = scale;
    c.high_contrast = contrast;
    c.fonts = build_fonts(scale);
    apply_theme(scale, pixel_ratio, contrast);
    return true;
}

bool App::wants_redraw() {
    const bool r = redraw_ || ui().texts_waiting() || !ui().activate_waiting.empty();
    redraw_ = false;
    return r;
}

void App::record_frame_time(double build_ms, double total_ms) {
    if (frame_times_.size() < 100000) frame_times_.emplace_back(build_ms, total_ms);
}

std::vector<std::pair<double, double>> App::take_frame_times() {
    std::vector<std::pair<double, double>> out;
    out.swap(frame_times_);
    return out;
}

void App::after_frame() {
    // An update does one step a frame, so its progress bar is drawn between steps.
    if (session_.updater().can_step()) {
        session_.updater().step();
        redraw_ = true;
    }
    if (auto files = session_.updater().take_files_to_save(); !files.empty()) {
        std::vector<DataFile> keep;
        for (auto& f : files)
            keep.push_back({std::move(f.name), std::move(f.bytes)});
        platform_.save_data_files(keep);
    }
    if (session_.updater().take_restore_request()) platform_.forget_data_files();
    for (const auto& name : session_.take_file_requests())
        platform_.fetch(name);
    const std::string stored = session_.storage_json();
    if (stored != stored_) {
        stored_ = stored;
        session_.set_storage_kept(platform_.store("state", stored));
    }
    {
        const std::string q = session_.share_query();
        if (q != url_query_) {
            url_query_ = q;
            platform_.replace_url_query(q);
        }
    }
}

std::string App::state_json() const {
    nlohmann::json
        j; // what the UI adds to the session's state (joined as text: the session's is not re-parsed)
    nlohmann::json items = nlohmann::json::array();
    const float r = ui().pixel_ratio > 0 ? ui().pixel_ratio : 1.0f;
    for (const auto& it : ui().items) {
        nlohmann::json item = {{"id", it.id},
                               {"role", it.role},
                               {"label", it.label},
                               {"x", it.min.x / r},
                               {"y", it.min.y / r},
                               {"w", (it.max.x - it.min.x) / r},
                               {"h", (it.max.y - it.min.y) / r}};
        if (it.role == "checkbox" || it.role == "radio") item["checked"] = it.checked;
        if (it.level > 0) item["level"] = it.level;
        if (!it.href.empty()) item["href"] = it.href;
        if (!it.prefix.empty()) item["prefix"] = it.prefix;
        if (!it.table.empty()) {
            item["table"] = it.table;
            item["row"] = it.row;
            item["col"] = it.col;
        }
        if (it.role == "textbox") {
            item["value"] = it.value;
            if (it.read_only) item["readOnly"] = true;
        }
        items.push_back(std::move(item));
    }
    // The text box being edited (web/touch.js puts the phone keyboard's hidden <input> over it).
    nlohmann::json text_active = nullptr;
    if (const ActiveTextBox& t = ui().text_active; !t.id.empty())
        text_active = {{"id", t.id},
                       {"value", t.value},
                       {"x", t.min.x / r},
                       {"y", t.min.y / r},
                       {"w", (t.max.x - t.min.x) / r},
                       {"h", (t.max.y - t.min.y) / r},
                       {"uppercase", (t.flags & ImGuiInputTextFlags_CharsUppercase) != 0},
                       {"decimal", (t.flags & ImGuiInputTextFlags_CharsDecimal) != 0},
                       {"readOnly", (t.flags & ImGuiInputTextFlags_ReadOnly) != 0}};
    j["title"] = page_title_;
    j["ui"] = {{"items", items},
               {"postcode", edit.postcode},
               {"pixelRatio", r},
               {"phone", ui().phone},
               {"highContrast", ui().high_contrast},
               {"systemContrast", system_contrast_},
               {"contentHeight", std::round(content_height_ / r)},
               {"status", edit.status},
               {"textActive", text_active},
               {"keypadFor", ui().keypad_for},
               {"scrollY", page_scroll_ / r},
               {"scrollMaxY", page_scroll_max_ / r},
               {"gliding", touch_scroll_gliding()}};
    std::string out = core::session_state_json(session_); // an object: "{...}"
    const std::string ui = j.dump();
    out.pop_back();
    return out + (out.size() > 1 ? "," : "") + ui.substr(1);
}

void App::frame() {
    if (touch_scroll_update()) redraw_ = true; // a finger is scrolling, or the page still glides
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##main", nullptr, flags);
    ImGui::PopStyleVar();
    draw_header();

    // The page below the header scrolls vertically only: nothing is wider than the window.
    // The margins stay as they are when the text grows: large text needs the width more.
    const float pad = (ui().phone ? 15.0f : 30.0f) * ui().pixel_ratio;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    // A new screen starts at its top; going back to the results returns to the same place in the list.
    if (session_.screen() != shown_screen_) {
        ++ui().screen_visit; // each screen's own state starts afresh (screen_state)
        if (shown_screen_ == core::Screen::Results) edit.results_scroll = page_scroll_;
        ImGui::SetNextWindowScroll(
            ImVec2(0, session_.screen() == core::Screen::Results ? edit.results_scroll : 0));
        shown_screen_ = session_.screen();
    }
    ImGui::BeginChild("##page", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    page_scroll_ = ImGui::GetScrollY();
    page_scroll_max_ = ImGui::GetScrollMaxY();
    const float max_w = 960.0f * ui().scale;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > max_w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - max_w) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(std::fmin(avail, max_w));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::fmin(avail, max_w));
    if (!session_.notice().empty()) panel_text(session_.notice());
    if (!session_.page().language_available && session_.screen() == core::Screen::Start)
        panel_text("This tool is only in English at the moment.");
    const core::Screen drawn = session_.screen();
    drawn_screen_ = drawn;
    draw_screen(drawn);
    if (!ui().keypad_seen) ui().keypad_for.clear(); // its box is gone: its keys close
    if (session_.screen() == drawn) {
        page_title_ = page_title(drawn, ui().items);
    } else {
        redraw_ = true; // the screen changed while drawn: draw the new one (and its title) next
    }
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    content_height_ = ImGui::GetCursorPosY() + pad + ImGui::GetWindowPos().y - vp->WorkPos.y;
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::End();
    ui().edit_for_id.clear(); // meant for a box no longer being edited
    ui().reveal_id.clear();   // a control not drawn (the mirror's focus box follows once it is)
    ui().activate_id.clear(); // a control pressed but no longer drawn: the press is dropped, never kept to
                              // fire later when something of that name is drawn again
}

void App::draw_header() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar_h = 60.0f * ui().pixel_ratio * std::fmax(1.0f, ui().scale / ui().pixel_ratio);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetWindowWidth();
    const float pad = (ui().phone ? 15.0f : 30.0f) * ui().pixel_ratio;
    const float edge = 5.0f * ui().pixel_ratio; // the blue line under the bar
    // The buttons first (on top), the bar behind them once their height is known.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Indent(pad);
    ImGui::PushTextWrapPos(w - pad); // the header's column: nothing past its right padding
    const float top = p.y + (bar_h - edge - ui().touch()) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, top));
    // The header's buttons: the service name (home), the shortlist tray with its count, settings, about.
    const ButtonColours on_bar{IM_COL32(0, 0, 0, 0), IM_COL32(0x38, 0x3f, 0x43, 0xff), colour::white,
                               IM_COL32(0, 0, 0, 0)};
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    // Little padding above and below the words (the buttons stay 44 px or more), so the bar stays low.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, 4.0f * ui().pixel_ratio));
    const std::size_t listed = session_.shortlist().size() - session_.shortlist_missing(); // agencies only
    const std::string tray = "Shortlist (" + std::to_string(listed) + ")";
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float right_w = button_width(tray) + (ui().phone ? 0.0f : button_width("Settings") + gap);
    // On a narrow screen with large text the service name gives way to "Home"; where even then the buttons
    // do not fit on one line, the tray goes onto the next (and a long label wraps), so nothing is cut.
    const bool short_name = button_width("Find home care") + gap + right_w > w - 2 * pad;
    Row row;
    row.next(button_width(short_name ? "Home" : "Find home care"));
    if (button("home", short_name ? "Home" : "Find home care", 0, on_bar)) session_.go(core::Screen::Start);
    const float home_right = ImGui::GetItemRectMax().x;
    const bool one_line = home_right + gap + right_w <= p.x + w - pad + 0.5f;
    if (one_line) { // right-aligned on the same line
        ImGui::SameLine();
        ImGui::SetCursorScreenPos(ImVec2(p.x + w - pad - right_w, ImGui::GetCursorScreenPos().y));
    }
    if (!ui().phone) {
        if (!one_line) row.next(button_width("Settings"));
        if (button("settings", "Settings", 0, on_bar)) session_.go(core::Screen::Settings);
        if (one_line) ImGui::SameLine();
    }
    if (!one_line) row.next(button_width(tray));
    if (button("shortlist", tray, 0, on_bar)) session_.go(core::Screen::Shortlist);
    ImGui::PopStyleVar(2);
    ImGui::PopTextWrapPos();
    ImGui::Unindent(pad);
    const float h = std::fmax(bar_h, ImGui::GetItemRectMax().y - p.y + (top - p.y) + edge);
    dl->ChannelsSetCurrent(0);
    // A council may give its own header colour (?theme=, checked by the core for contrast with white).
    const std::optional<std::uint32_t> t = session_.page().header_colour;
    const ImU32 bar = t ? IM_COL32((*t >> 16) & 0xff, (*t >> 8) & 0xff, *t & 0xff, 0xff) : colour::text;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), bar);
    dl->AddRectFilled(ImVec2(p.x, p.y + h - edge), ImVec2(p.x + w, p.y + h), colour::link);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
}

void App::draw_screen(core::Screen s) {
    using core::Screen;
    switch (s) {
    case Screen::Start:
        draw_start(*this);
        break;
    case Screen::Results:
        draw_results(*this);
        break;
    case Screen::Around:
        draw_around(*this);
        break;
    case Screen::Agency:
        draw_agency(*this);
        break;
    case Screen::Shortlist:
        draw_shortlist(*this);
        break;
    case Screen::Cost:
        draw_cost(*this);
        break;
    case Screen::WhoPays:
        draw_who_pays(*this);
        break;
    case Screen::Council:
        draw_council(*this);
        break;
    case Screen::About:
        draw_about(*this);
        break;
    case Screen::Settings:
        draw_settings(*this);
        break;
    }
}

} // namespace hcf::ui
