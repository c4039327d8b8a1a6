// homecare-finder UI: widgets (see widgets.h).
// Depends on: Dear ImGui, core/model, core/text_format.
// SPDX-License-Identifier: MIT
#include "ui/widgets.h"

#include "core/text_format.h"
#include "core/url_state.h"

#include <imgui_internal.h> // the current text wrap position

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <string>

namespace hcf::ui {

UiContext& ui() {
    static UiContext ctx;
    return ctx;
}

namespace {
// Scrolls the window the item was drawn in so the item shows with a margin (a keyboard user sees where
// focus went). The header never scrolls, so nothing is needed there.
void reveal(const ImVec2& min, const ImVec2& max) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->ScrollMax.y <= 0.0f) return;
    const float top = w->InnerRect.Min.y, bottom = w->InnerRect.Max.y;
    const float margin = std::fmin(120.0f * ui().pixel_ratio, (bottom - top) / 6.0f);
    float dy = 0.0f;
    if (max.y - min.y > bottom - top - 2 * margin || min.y < top + margin)
        dy = min.y - (top + margin);
    else if (max.y > bottom - margin)
        dy = max.y - (bottom - margin);
    if (std::fabs(dy) >= 1.0f) ImGui::SetScrollY(std::clamp(w->Scroll.y + dy, 0.0f, w->ScrollMax.y));
}
} // namespace

void note(UiItem item) {
    UiContext& c = ui();
    item.min = ImGui::GetItemRectMin();
    item.max = ImGui::GetItemRectMax();
    if (!c.reveal_id.empty() && c.reveal_id == item.id) {
        reveal(item.min, item.max);
        c.reveal_id.clear();
    }
    if (!c.table.empty()) {
        item.table = c.table;
        item.row = c.table_row;
        item.col = c.table_col;
    }
    c.items.push_back(std::move(item));
}

void note_item(std::string id, std::string role, std::string label, bool checked, int level) {
    UiItem item;
    item.id = std::move(id);
    item.role = std::move(role);
    item.label = std::move(label);
    item.checked = checked;
    item.level = level;
    note(std::move(item));
}

bool activated_from_outside(std::string_view id) {
    if (ui().activate_id.empty() || ui().activate_id != id) return false;
    ui().activate_id.clear();
    return true;
}

float column_left() {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    return w->Pos.x + w->DC.Indent.x + w->DC.ColumnsOffset.x;
}

float column_right() {
    // The page's column (the wrap position the app sets) or the window's or cell's edge, whichever is nearer.
    const float page_wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const float edge = ImGui::GetContentRegionMax().x;
    return ImGui::GetWindowPos().x + (page_wrap > 0 ? std::fmin(page_wrap, edge) : edge);
}

bool fits_beside(float width) {
    return ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= column_right() + 0.5f;
}

void Row::next(float width) {
    if (!first_ && fits_beside(width)) ImGui::SameLine();
    first_ = false;
}

namespace {
ImVec4 col(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

void wrapped_with(ImFont* font, ImU32 colour, std::string_view text) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col(colour));
    ImGui::PushTextWrapPos(column_right() - ImGui::GetWindowPos().x);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

float min_height() {
    return ui().touch();
}

// Text broken into lines no wider than width (at word breaks; a word wider than a line is broken too).
std::vector<std::string_view> wrap_lines(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::vector<std::string_view> lines;
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        const char* e = font->CalcWordWrapPositionA(scale, s, end, std::fmax(1.0f, width));
        if (e <= s) { // at least one whole UTF-8 character a line
            e = s + 1;
            while (e < end && (static_cast<unsigned char>(*e) & 0xC0) == 0x80)
                ++e;
        }
        std::string_view line(s, static_cast<std::size_t>(e - s));
        while (!line.empty() && line.back() == ' ')
            line.remove_suffix(1);
        lines.push_back(line);
        s = e;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    return lines;
}

// The part of a button's label that is drawn ("##less" draws nothing; ImGui hides what follows "##").
std::string_view shown_part(std::string_view label) {
    return label.substr(0, std::min(label.size(), label.find("##")));
}

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

bool button_with(const char* id, std::string_view label, float width, const ButtonColours& c,
                 std::string_view said, std::string_view role = "button", bool checked = false) {
    const float w = button_width(label, width);
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Button, col(c.bg));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(c.hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, col(c.hover));
    ImGui::PushStyleColor(ImGuiCol_Text, col(c.text));
    ImGui::PushStyleColor(ImGuiCol_Border, col(c.border));
    ImGui::PushFont(ui().fonts.bold);
    const std::string text(label);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    // The words on as many lines as they need inside the button (most labels take one).
    const std::string_view shown = shown_part(label);
    const std::vector<std::string_view> lines =
        text_width(shown) > w - pad.x * 2 ? wrap_lines(shown, w - pad.x * 2) : std::vector{shown};
    const float text_h =
        ImGui::GetTextLineHeight() * static_cast<float>(std::max<std::size_t>(1, lines.size()));
    // At least a 44 px touch target, taller when the text size setting makes the label bigger.
    const ImVec2 size(w, std::fmax(min_height(), text_h + pad.y * 2));
    bool pressed;
    if (lines.size() <= 1) {
        pressed = ImGui::Button(text.c_str(), size);
    } else {
        pressed = ImGui::Button("##wrapped", size);
        const ImVec2 at = ImGui::GetItemRectMin();
        float y = at.y + (size.y - text_h) * 0.5f;
        for (std::string_view line : lines) {
            ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + (w - text_width(line)) * 0.5f, y), c.text,
                                                line.data(), line.data() + line.size());
            y += ImGui::GetTextLineHeight();
        }
    }
    pressed |= activated_from_outside(id);
    ImGui::PopFont();
    ImGui::PopStyleColor(5);
    ImGui::PopID();
    note_item(id, std::string(role), said.empty() ? text : std::string(said), checked);
    return pressed;
}

ButtonColours filled() {
    const ImU32 c = ui().high_contrast ? colour::text : colour::link;
    return {c, IM_COL32(0x00, 0x3a, 0x69, 0xff), colour::white, c};
}
ButtonColours outlined() {
    const ImU32 c = ui().high_contrast ? colour::text : colour::link;
    return {colour::white, colour::panel, c, c};
}
} // namespace

float button_width(std::string_view label, float width) {
    ImGui::PushFont(ui().fonts.bold);
    const float own = text_width(shown_part(label)) + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PopFont();
    return std::fmin(width > 0 ? width : own, std::fmax(1.0f, column_right() - column_left()));
}

bool button(const char* id, std::string_view label, float width, const ButtonColours& colours,
            std::string_view said) {
    return button_with(id, label, width, colours, said);
}

void title(std::string_view text) {
    wrapped_with(ui().fonts.title, colour::text, text);
    note_item("title", "heading", std::string(text), false, 1);
}
void heading(std::string_view text) {
    ImGui::Dummy(ImVec2(0, 5.0f * ui().scale));
    wrapped_with(ui().fonts.heading, colour::text, text);
    note_item("h2." + std::string(text), "heading", std::string(text), false, 2);
}
void subheading(std::string_view text) {
    wrapped_with(ui().fonts.bold, colour::text, text);
    note_item("h3." + std::string(text), "heading", std::string(text), false, 3);
}
// Body text goes to the accessible mirror too, as paragraphs in drawing order.
void body(std::string_view text, std::string_view id, std::string_view role) {
    wrapped_with(nullptr, colour::text, text);
    note_item(std::string(id), std::string(role), std::string(text));
}
void secondary(std::string_view text, std::string_view said) {
    wrapped_with(nullptr, ui().high_contrast ? colour::text : colour::secondary, text);
    note_item("text", "text", std::string(said.empty() ? text : said));
}
void error_text(std::string_view text) {
    wrapped_with(ui().fonts.bold, colour::inadequate, text);
    note_item("error", "alert", std::string(text));
}

void panel_text(std::string_view text, std::string_view id, std::string_view role) {
    const float pad = 10.0f * ui().scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    const ImVec2 end(ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x,
                     ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, colour::panel);
    dl->AddRectFilled(start, ImVec2(start.x + 5.0f * ui().scale, end.y), colour::link);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
    ImGui::Dummy(ImVec2(0, pad * 0.5f));
    note_item(std::string(id), std::string(role), std::string(text));
}

bool primary_button(const char* id, std::string_view label, float width, std::string_view said) {
    return button_with(id, label, width, filled(), said);
}
bool secondary_button(const char* id, std::string_view label, float width, std::string_view said) {
    return button_with(id, label, width, outlined(), said);
}
bool choice_button(const char* id, std::string_view label, bool selected, float width,
                   std::string_view said) {
    return button_with(id, label, width, selected ? filled() : outlined(), said, "radio", selected);
}

namespace {
// A link, published with the address it opens when it leaves the app (href; empty for the app's own).
bool link_to(std::string_view id_view, std::string_view label, std::string_view said, std::string href) {
    // Wraps onto as many lines as it needs, so long links never run off a phone screen.
    const std::string id(id_view), text(label);
    const std::vector<std::string_view> lines =
        wrap_lines(text, std::fmax(1.0f, column_right() - ImGui::GetCursorScreenPos().x));
    const float lh = ImGui::GetTextLineHeight();
    float w = 1.0f;
    for (std::string_view line : lines)
        w = std::fmax(w, text_width(line));
    const float text_h = lh * static_cast<float>(lines.size());
    const float h = std::fmax(ui().touch(), text_h);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.c_str());
    // At least 44 px wide too, so a short link ("Avi") is still easy to tap.
    const bool pressed =
        ImGui::InvisibleButton("##link", ImVec2(std::fmax(w, ui().touch()), h)) || activated_from_outside(id);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const ImU32 c =
        ui().high_contrast ? colour::text : (hovered ? IM_COL32(0x00, 0x3a, 0x69, 0xff) : colour::link);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = pos.y + (h - text_h) * 0.5f;
    for (std::string_view line : lines) {
        const float lw = text_width(line);
        dl->AddText(ImVec2(pos.x, y), c, line.data(), line.data() + line.size());
        dl->AddLine(ImVec2(pos.x, y + ImGui::GetFontSize()), ImVec2(pos.x + lw, y + ImGui::GetFontSize()), c,
                    hovered ? 3.0f : 1.5f);
        y += lh;
    }
    if (ImGui::IsItemFocused())
        dl->AddRect(ImVec2(pos.x - 3, pos.y), ImVec2(pos.x + w + 3, pos.y + h), colour::focus, 0, 0, 3.0f);
    UiItem item;
    item.id = id;
    item.role = "link";
    item.label = said.empty() ? text : std::string(said);
    item.href = std::move(href);
    note(std::move(item));
    return pressed;
}
} // namespace

bool link(std::string_view id, std::string_view label, std::string_view said) {
    return link_to(id, label, said, {});
}

bool back_link(const char* id) {
    const bool pressed = link(id, "< Back");
    return pressed;
}

bool toggle(const char* id, std::string_view label, bool* value) {
    const std::string text(label);
    ImGui::PushID(id);
    const float box = min_height() * 0.8f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float text_w = avail - box - 10.0f * ui().scale;
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_w);
    const float h = std::fmax(min_height(), text_size.y + 6.0f * ui().scale);
    const bool pressed = ImGui::InvisibleButton("##toggle", ImVec2(avail, h)) || activated_from_outside(id);
    if (pressed) *value = !*value;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b0(pos.x, pos.y + (h - box) * 0.5f), b1(b0.x + box, b0.y + box);
    dl->AddRectFilled(b0, b1, colour::white);
    dl->AddRect(b0, b1, colour::text, 0, 0, 2.0f * ui().pixel_ratio);
    if (*value) { // a tick drawn as two strokes
        const float t = box;
        dl->AddLine(ImVec2(b0.x + t * 0.22f, b0.y + t * 0.52f), ImVec2(b0.x + t * 0.42f, b0.y + t * 0.72f),
                    colour::text, 4.0f * ui().pixel_ratio);
        dl->AddLine(ImVec2(b0.x + t * 0.42f, b0.y + t * 0.72f), ImVec2(b0.x + t * 0.80f, b0.y + t * 0.28f),
                    colour::text, 4.0f * ui().pixel_ratio);
    }
    if (ImGui::IsItemFocused() || ImGui::IsItemHovered())
        dl->AddRect(ImVec2(b0.x - 3, b0.y - 3), ImVec2(b1.x + 3, b1.y + 3),
                    ImGui::IsItemFocused() ? colour::focus : colour::secondary, 0, 0, 3.0f);
    const ImVec2 text_pos(b1.x + 10.0f * ui().scale, pos.y + (h - text_size.y) * 0.5f);
    dl->AddText(nullptr, 0.0f, text_pos, colour::text, text.c_str(), nullptr, text_w);
    ImGui::PopID();
    note_item(id, "checkbox", text, *value);
    return pressed;
}

bool choice(std::string_view id_view, std::string_view label, bool selected) {
    const std::string id(id_view);
    const std::string text(label);
    ImGui::PushID(id.c_str());
    const float d = ui().touch() * 0.6f;
    const float gap = 12.0f * ui().scale;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float text_w = avail - d - gap;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_w);
    const float h = std::fmax(ui().touch(), ts.y + 8.0f * ui().scale);
    const bool pressed = ImGui::InvisibleButton("##choice", ImVec2(avail, h)) || activated_from_outside(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + d * 0.5f, pos.y + h * 0.5f);
    dl->AddCircleFilled(c, d * 0.5f, colour::white);
    dl->AddCircle(c, d * 0.5f, colour::text, 0, 2.0f * ui().pixel_ratio);
    if (selected) dl->AddCircleFilled(c, d * 0.27f, colour::text);
    if (ImGui::IsItemFocused() || ImGui::IsItemHovered())
        dl->AddCircle(c, d * 0.5f + 3.0f, ImGui::IsItemFocused() ? colour::focus : colour::secondary, 0,
                      3.0f);
    dl->AddText(nullptr, 0.0f, ImVec2(pos.x + d + gap, pos.y + (h - ts.y) * 0.5f), colour::text, text.c_str(),
                nullptr, text_w);
    ImGui::PopID();
    note_item(id, "radio", text, selected);
    return pressed;
}

void same_line_at(float screen_x) {
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(screen_x, ImGui::GetCursorScreenPos().y));
}

void external_link(Platform& platform, std::string_view id, std::string_view label, const std::string& url,
                   std::string_view kiosk_label) {
    if (ui().kiosk) {
        // As text: the label, and the address when the label does not already say it.
        std::string text(kiosk_label.empty() ? label : kiosk_label);
        std::string where = url;
        for (const char* scheme : {"https://", "http://", "mailto:", "tel:"})
            if (where.rfind(scheme, 0) == 0) where.erase(0, std::string_view(scheme).size());
        while (!where.empty() && where.back() == '/')
            where.pop_back();
        if (url.rfind("tel:", 0) != 0 && text.find(where) == std::string::npos) text += ": " + where;
        body(text, id); // one item, with the link's id
        return;
    }
    if (link_to(id, label, {}, url)) platform.open_url(url);
}

std::string tel_url(const std::string& phone) {
    std::string out = "tel:";
    for (char c : phone)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') out += c;
    return out;
}

void website_link(Platform& platform, std::string_view id, std::string_view label, const std::string& site,
                  std::string_view kiosk_label) {
    const std::string url = core::website_link(site);
    if (!url.empty()) return external_link(platform, id, label, url, kiosk_label);
    body(site); // not a web address (javascript:, data: ...): shown as it is, never opened
    ui().items.back().id = std::string(id);
}

float action_width() {
    const float avail = ImGui::GetContentRegionAvail().x;
    return ui().phone ? avail : std::fmin(avail, 320.0f * ui().scale);
}

} // namespace hcf::ui
