// homecare-finder UI: theme and fonts (see theme.h).
// Depends on: Dear ImGui.
// SPDX-License-Identifier: MIT
#include "ui/theme.h"

#include <cstdio>

namespace hcf::ui {

namespace {
constexpr const char* kRegular = "/fonts/AtkinsonHyperlegible-Regular.ttf";
constexpr const char* kBold = "/fonts/AtkinsonHyperlegible-Bold.ttf";
constexpr const char* kFallback = "/fonts/DejaVuSans.ttf"; // Debian's, embedded only if Atkinson is missing

bool file_exists(const char* path) {
    if (FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

ImFont* add_font(const char* path, float px, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    // Drawing glyphs twice as wide (for placing them between pixels) only shows on a plain screen at normal
    // text. From twice that size on (a phone's screen, or large text) it doubles the font texture for
    // nothing: 4096 x 4096 pixels (67 MB) at 200% text on a phone, which took half a second to start.
    cfg.OversampleH = scale < 2.0f ? 2 : 1;
    if (!file_exists(path)) path = kFallback;
    if (!file_exists(path)) {
        cfg.SizePixels = px;
        return io.Fonts->AddFontDefault(&cfg);
    }
    static const ImWchar latin[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
    // Shapes such as the Outstanding star are drawn with the draw list, so Latin text is all we need.
    // scripts/setup keeps only these glyphs in the embedded fonts (GLYPHS there): change both together.
    return io.Fonts->AddFontFromFileTTF(path, px, &cfg, latin);
}
} // namespace

Fonts build_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts f;
    f.body = add_font(kRegular, 19.0f * scale, scale);
    f.bold = add_font(kBold, 19.0f * scale, scale);
    f.heading = add_font(kBold, 24.0f * scale, scale);
    f.title = add_font(kBold, 32.0f * scale, scale);
    io.Fonts->Build();
    io.FontDefault = f.body;
    return f;
}

void apply_theme(float scale, float pixel_ratio, bool high_contrast) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(20, 20);
    style.FramePadding = ImVec2(10, 13); // 19 px text + 2 x 13: text boxes are 44 px touch targets
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(10, 5);
    style.ScrollbarSize = 20;
    style.GrabMinSize = 20;
    style.FrameRounding = 0;
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.FrameBorderSize = 2;
    style.WindowBorderSize = 0;
    style.ScaleAllSizes(scale);
    // The scroll bar is for pointing at, not reading: it keeps its width when the text grows (large text
    // needs the width more).
    style.ScrollbarSize = 20.0f * pixel_ratio;

    auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    ImVec4* col = style.Colors;
    col[ImGuiCol_Text] = c(colour::text);
    col[ImGuiCol_TextDisabled] = c(colour::secondary);
    col[ImGuiCol_WindowBg] = c(colour::white);
    col[ImGuiCol_ChildBg] = c(colour::white);
    col[ImGuiCol_PopupBg] = c(colour::white);
    col[ImGuiCol_Border] = c(colour::text);
    col[ImGuiCol_FrameBg] = c(colour::white);
    col[ImGuiCol_FrameBgHovered] = c(colour::white);
    col[ImGuiCol_FrameBgActive] = c(colour::white);
    col[ImGuiCol_Button] = c(colour::link);
    col[ImGuiCol_ButtonHovered] = c(IM_COL32(0x00, 0x3a, 0x69, 0xff));
    col[ImGuiCol_ButtonActive] = c(IM_COL32(0x00, 0x3a, 0x69, 0xff));
    col[ImGuiCol_CheckMark] = c(colour::text);
    col[ImGuiCol_Header] = c(colour::panel);
    col[ImGuiCol_HeaderHovered] = c(IM_COL32(0xe1, 0xe8, 0xf0, 0xff));
    col[ImGuiCol_HeaderActive] = c(IM_COL32(0xcc, 0xdd, 0xee, 0xff));
    col[ImGuiCol_NavHighlight] = c(colour::focus);
    col[ImGuiCol_TextSelectedBg] = c(IM_COL32(0xff, 0xdd, 0x00, 0xaa));
    col[ImGuiCol_ScrollbarBg] = c(colour::panel);
    col[ImGuiCol_ScrollbarGrab] = c(colour::secondary);
    col[ImGuiCol_Separator] = c(IM_COL32(0xb1, 0xb4, 0xb6, 0xff));
    col[ImGuiCol_TableHeaderBg] = c(colour::panel);
    col[ImGuiCol_TableBorderStrong] = c(IM_COL32(0xb1, 0xb4, 0xb6, 0xff));
    col[ImGuiCol_TableBorderLight] = c(IM_COL32(0xb1, 0xb4, 0xb6, 0xff));
    if (high_contrast) {
        style.FrameBorderSize = 3.0f * scale;
        col[ImGuiCol_TextDisabled] = c(colour::text);
        col[ImGuiCol_Button] = c(colour::text);
        col[ImGuiCol_Separator] = c(colour::text);
    }
    ImGui::GetStyle() = style;
}

} // namespace hcf::ui
