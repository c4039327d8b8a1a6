// homecare-finder UI: the app and its first screen (see app.h).
// Depends on: Dear ImGui, core/session.
// SPDX-License-Identifier: MIT
#include "ui/app.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>

namespace hcf::ui {

App::App(Platform& platform) : platform_(platform) {}

bool App::before_frame(float pixel_ratio) {
    pixel_ratio_ = pixel_ratio;
    items_.clear();
    const float scale = pixel_ratio * text_scale_;
    if (std::fabs(scale - built_scale_) < 0.01f) return false;
    built_scale_ = scale;
    fonts_ = build_fonts(scale);
    apply_theme(scale, high_contrast_);
    return true;
}

bool App::wants_redraw() {
    const bool r = redraw_;
    redraw_ = false;
    return r;
}

void App::record_frame_time(double ms) {
    if (frame_times_.size() < 100000) frame_times_.push_back(ms);
}

std::vector<double> App::take_frame_times() {
    std::vector<double> out;
    out.swap(frame_times_);
    return out;
}

void App::note_item(const char* id, const char* role, std::string label) {
    items_.push_back({id, role, std::move(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

std::string App::state_json() const {
    nlohmann::json j = nlohmann::json::parse(session_.state_json());
    nlohmann::json items = nlohmann::json::array();
    const float r = pixel_ratio_ > 0 ? pixel_ratio_ : 1.0f;
    for (const auto& it : items_)
        items.push_back({{"id", it.id},
                         {"role", it.role},
                         {"label", it.label},
                         {"x", it.min.x / r},
                         {"y", it.min.y / r},
                         {"w", (it.max.x - it.min.x) / r},
                         {"h", (it.max.y - it.min.y) / r}});
    j["ui"] = {{"items", items}, {"pixelRatio", r}};
    return j.dump();
}

void App::frame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##main", nullptr, flags);
    draw_start_screen();
    ImGui::End();
}

void App::draw_start_screen() {
    const float width = ImGui::GetContentRegionAvail().x;
    const float column = std::fmin(width, 640.0f * built_scale_);

    ImGui::PushFont(fonts_.title);
    ImGui::TextWrapped("Find home care");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::TextWrapped("Find care agencies that can help at home, with their inspection ratings.");
    ImGui::Spacing();

    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted("Postcode");
    ImGui::PopFont();
    ImGui::TextDisabled("For example, B13 9AB, or just the first part, like HR4");
    ImGui::SetNextItemWidth(std::fmin(column, 320.0f * built_scale_));
    bool submit = ImGui::InputText("##postcode", postcode_buf_, sizeof postcode_buf_,
                                   ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) session_.set_postcode_input(postcode_buf_);
    note_item("postcode", "textbox", "Postcode");
    const std::string hint = session_.hint();
    if (!hint.empty()) ImGui::TextDisabled("%s", hint.c_str());

    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour::white));
    ImGui::PushFont(fonts_.bold);
    submit |= ImGui::Button("Find care", ImVec2(std::fmin(column, 200.0f * built_scale_), 0));
    note_item("find_care", "button", "Find care");
    ImGui::PopFont();
    ImGui::PopStyleColor();
    if (submit) {
        session_.set_postcode_input(postcode_buf_);
        session_.find_care();
    }

    ImGui::Spacing();
    if (!session_.ready() && !session_.load_error().empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::inadequate), "%s",
                           session_.load_error().c_str());
    } else if (!session_.ready()) {
        ImGui::TextDisabled("Loading care information...");
    }
    if (!session_.message().empty()) {
        const bool ok = session_.location().ok;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              ImGui::ColorConvertU32ToFloat4(ok ? colour::text : colour::inadequate));
        ImGui::TextWrapped("%s", session_.message().c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
}

} // namespace hcf::ui
