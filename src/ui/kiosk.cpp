// homecare-finder UI: the kiosk's keypad and QR code (see kiosk.h).
// Depends on: Dear ImGui, ui/app, ui/widgets, core/session, qr/qr_code.
// SPDX-License-Identifier: MIT
#include "ui/kiosk.h"

#include "qr/qr_code.h"
#include "ui/app.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace hcf::ui {

namespace {
constexpr std::size_t kMaxPostcode = 8; // "EC1A 1BB": the longest UK postcode with its space
constexpr const char* kKeys = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ";
} // namespace

void kiosk_keypad(App& app, bool* submit) {
    core::Session& s = app.session();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const float avail = std::fmin(ImGui::GetContentRegionAvail().x, ImGui::CalcItemWidth());
    const float min_key = std::fmax(ui().touch(), 56.0f * ui().pixel_ratio);
    // As many keys a row as fit at a comfortable size, between 6 and 10 (ten digits on one row).
    const int cols = std::clamp(static_cast<int>((avail + gap) / (min_key + gap)), 6, 10);
    const float key_w = std::floor((avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
    const float key_h = std::fmax(ui().touch(), 64.0f * ui().pixel_ratio);

    std::string postcode = app.edit.postcode;
    bool changed = false;
    ImGui::PushFont(ui().fonts.heading);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
    // Dark on white with a dark edge, like a keyboard's keys (19.6:1), not text on the blue of actions.
    const auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    ImGui::PushStyleColor(ImGuiCol_Button, c(colour::white));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c(colour::panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c(IM_COL32(0xdd, 0xdd, 0xdd, 0xff)));
    ImGui::PushStyleColor(ImGuiCol_Text, c(colour::text));
    ImGui::PushStyleColor(ImGuiCol_Border, c(colour::text));
    auto key = [&](const std::string& id, const char* label, float w) {
        ImGui::PushID(id.c_str());
        const bool pressed = ImGui::Button(label, ImVec2(w, key_h)) || activated_from_outside(id);
        ImGui::PopID();
        note_item(id, "button", label);
        return pressed;
    };
    const int n = static_cast<int>(std::strlen(kKeys));
    for (int i = 0; i < n; ++i) {
        const char letter[2] = {kKeys[i], 0};
        if (i % cols != 0) ImGui::SameLine();
        if (key(std::string("key.") + letter, letter, key_w) && postcode.size() < kMaxPostcode) {
            postcode += letter[0];
            changed = true;
        }
    }
    // Space and Delete share a row; "Find care" takes the next, full width.
    const float half = std::floor((avail - gap) * 0.5f);
    if (key("key.space", "Space", half) && !postcode.empty() && postcode.back() != ' ' &&
        postcode.size() < kMaxPostcode) {
        postcode += ' ';
        changed = true;
    }
    ImGui::SameLine();
    if (key("key.delete", "Delete", half) && !postcode.empty()) {
        postcode.pop_back();
        changed = true;
    }
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar();
    ImGui::PopFont();
    if (changed) {
        std::snprintf(app.edit.postcode, sizeof app.edit.postcode, "%s", postcode.c_str());
        s.set_postcode_input(app.edit.postcode);
    }
    ImGui::Spacing();
    *submit |= primary_button("find_care", "Find care", avail);
}

void qr_code(std::string_view id, const std::string& text, std::string_view label, float max_css) {
    const qr::Matrix m = qr::encode(text);
    if (m.size == 0) {
        secondary("This link is too long for a QR code.");
        return;
    }
    const int total = m.size + 2 * qr::kQuietZone;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float want = std::fmin(avail, max_css * ui().pixel_ratio);
    // Whole device pixels a module, so every module has sharp edges a phone camera can find.
    const float module = std::fmax(2.0f, std::floor(want / static_cast<float>(total)));
    const float side = module * static_cast<float>(total);
    ImVec2 p = ImGui::GetCursorScreenPos();
    p = ImVec2(std::floor(p.x), std::floor(p.y));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), colour::white);
    const float x0 = p.x + module * static_cast<float>(qr::kQuietZone);
    const float y0 = p.y + module * static_cast<float>(qr::kQuietZone);
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size;) { // one rectangle for each run of dark modules
            if (!m.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < m.size && m.at(end, y))
                ++end;
            dl->AddRectFilled(
                ImVec2(x0 + module * static_cast<float>(x), y0 + module * static_cast<float>(y)),
                ImVec2(x0 + module * static_cast<float>(end), y0 + module * static_cast<float>(y + 1)),
                IM_COL32(0, 0, 0, 255));
            x = end;
        }
    ImGui::Dummy(ImVec2(side, side));
    note_item(std::string(id), "img", std::string(label));
}

std::string take_away_link(App& app) {
    return app.platform().page_url(app.session().share_link_query()); // no kiosk mode, no idle time
}

} // namespace hcf::ui
