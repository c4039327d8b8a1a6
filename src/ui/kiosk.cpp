// homecare-finder UI: the kiosk's keypad and QR code (see kiosk.h).
// Depends on: Dear ImGui, ui/app, ui/widgets, ui/platform (QR codes), core/session, qr/qr_code.h (Matrix).
// SPDX-License-Identifier: MIT
#include "ui/kiosk.h"

#include "qr/qr_code.h"
#include "ui/app.h"
#include "ui/platform.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace hcf::ui {

namespace {
constexpr std::size_t kMaxPostcode = 8; // "EC1A 1BB": the longest UK postcode with its space
constexpr const char* kKeys = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ";
} // namespace

namespace {
// Dark on white with a dark edge, like a keyboard's keys (19.6:1), not text on the blue of actions.
struct KeyStyle {
    KeyStyle() {
        ImGui::PushFont(ui().fonts.heading);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        const auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
        ImGui::PushStyleColor(ImGuiCol_Button, c(colour::white));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c(colour::panel));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, c(IM_COL32(0xdd, 0xdd, 0xdd, 0xff)));
        ImGui::PushStyleColor(ImGuiCol_Text, c(colour::text));
        ImGui::PushStyleColor(ImGuiCol_Border, c(colour::text));
    }
    ~KeyStyle() {
        ImGui::PopStyleColor(5);
        ImGui::PopStyleVar();
        ImGui::PopFont();
    }
    KeyStyle(const KeyStyle&) = delete;
    KeyStyle& operator=(const KeyStyle&) = delete;
};

// The keys' sizes for the space there is: as many a row as fit at a comfortable size, between 6 and 10.
struct KeyGrid {
    float avail, gap, key_w, key_h;
    int cols;
    KeyGrid() {
        gap = ImGui::GetStyle().ItemSpacing.x;
        avail = std::fmin(ImGui::GetContentRegionAvail().x, ImGui::CalcItemWidth());
        const float min_key = std::fmax(ui().touch(), 56.0f * ui().pixel_ratio);
        cols = std::clamp(static_cast<int>((avail + gap) / (min_key + gap)), 6, 10);
        key_w = std::floor((avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
        key_h = std::fmax(ui().touch(), 64.0f * ui().pixel_ratio);
    }
    float half() const { return std::floor((avail - gap) * 0.5f); }
};

// One key, published as a button with the given id ("key.7"), so the mirror and tests press it too.
bool key(const std::string& id, const char* label, float w, float h) {
    ImGui::PushID(id.c_str());
    const bool pressed = ImGui::Button(label, ImVec2(w, h)) || activated_from_outside(id);
    ImGui::PopID();
    note_item(id, "button", label);
    return pressed;
}

// A row of character keys, wrapped at the grid's width. Returns the character pressed, or 0.
char char_keys(const KeyGrid& g, const char* chars) {
    char pressed = 0;
    const int n = static_cast<int>(std::strlen(chars));
    for (int i = 0; i < n; ++i) {
        const char letter[2] = {chars[i], 0};
        if (i % g.cols != 0) ImGui::SameLine();
        const std::string id = chars[i] == '.' ? std::string("key.point") : std::string("key.") + letter;
        if (key(id, letter, g.key_w, g.key_h)) pressed = chars[i];
    }
    return pressed;
}
} // namespace

void kiosk_keypad(App& app, bool* submit) {
    const KeyGrid g;
    std::string postcode = ui().pending_text("postcode", app.edit.postcode);
    bool changed = false;
    {
        const KeyStyle style;
        if (const char c = char_keys(g, kKeys); c != 0 && postcode.size() < kMaxPostcode) {
            postcode += c;
            changed = true;
        }
        // Space and Delete share a row; "Find care" takes the next, full width.
        if (key("key.space", "Space", g.half(), g.key_h) && !postcode.empty() && postcode.back() != ' ' &&
            postcode.size() < kMaxPostcode) {
            postcode += ' ';
            changed = true;
        }
        ImGui::SameLine();
        if (key("key.delete", "Delete", g.half(), g.key_h) && !postcode.empty()) {
            postcode.pop_back();
            changed = true;
        }
    }
    if (changed) ui().queue_text("postcode", postcode); // the box takes it like the mirror's typing
    ImGui::Spacing();
    *submit |= primary_button("find_care", "Find care", g.avail);
}

void on_screen_keys(std::string_view id) {
    UiContext& c = ui();
    if (!c.kiosk || c.keypad_for != id) return;
    // The box's text with what was typed on the keys and not yet in the box.
    std::string text = c.pending_text(id, c.keypad_value);
    const std::string before = text;
    const KeyGrid g;
    ImGui::Spacing();
    {
        const KeyStyle style;
        const char* chars = c.keypad_keys == Keys::Money   ? "1234567890."
                            : c.keypad_keys == Keys::Whole ? "1234567890"
                                                           : "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        if (const char ch = char_keys(g, chars); ch != 0 && text.size() < 40) {
            // A name is typed as written ("Avery Homecare"): capitals start its words.
            const bool capital = text.empty() || text.back() == ' ';
            text += c.keypad_keys == Keys::Letters && !capital
                        ? static_cast<char>(std::tolower(static_cast<unsigned char>(ch)))
                        : ch;
        }
        if (c.keypad_keys == Keys::Letters) {
            if (key("key.space", "Space", g.avail, g.key_h) && !text.empty() && text.back() != ' ')
                text += ' ';
        }
        if (key("key.delete", "Delete", g.half(), g.key_h) && !text.empty()) text.pop_back();
        ImGui::SameLine();
        if (key("key.done", "Done", g.half(), g.key_h)) c.keypad_for.clear();
    }
    ImGui::Spacing();
    if (text != before) c.queue_text(std::string(id), text);
}

void qr_code(App& app, std::string_view id, const std::string& text, std::string_view label, float max_css) {
    // The platform makes the code (the browser with a module it loads on first use; kiosks load it at start).
    const QrAnswer a = app.platform().qr_code(text);
    if (a.state == QrAnswer::State::Making) {
        body("Making the QR code...", std::string(id) + "_status", "status");
        return;
    }
    if (a.state == QrAnswer::State::Failed) {
        const std::string why = "The QR code could not be made: part of this service did not download.";
        body(why, std::string(id) + "_error", "alert");
        const std::string retry = std::string(id) + "_retry";
        if (secondary_button(retry.c_str(), "Try again")) app.platform().try_loading_again();
        return;
    }
    const qr::Matrix& m = a.matrix;
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
