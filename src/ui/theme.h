// homecare-finder UI: the calm GOV.UK-style theme, fonts and sizes (not ImGui's debug look).
// Depends on: Dear ImGui.
// SPDX-License-Identifier: MIT
#pragma once

#include <imgui.h>

namespace hcf::ui {

// Colours from docs/design: contrast ratios measured against white are in the comments.
namespace colour {
constexpr ImU32 text = IM_COL32(0x0b, 0x0c, 0x0c, 0xff);         // 19.6:1
constexpr ImU32 secondary = IM_COL32(0x50, 0x5a, 0x5f, 0xff);    // 7.1:1, also "Not yet rated"
constexpr ImU32 link = IM_COL32(0x1d, 0x70, 0xb8, 0xff);         // 5.2:1, primary buttons (white text)
constexpr ImU32 good = IM_COL32(0x00, 0x70, 0x3c, 0xff);         // 6.2:1, Good and Outstanding
constexpr ImU32 requires_imp = IM_COL32(0xb3, 0x59, 0x00, 0xff); // 4.8:1
constexpr ImU32 inadequate = IM_COL32(0xd4, 0x35, 0x1c, 0xff);   // 4.9:1
constexpr ImU32 focus = IM_COL32(0xff, 0xdd, 0x00, 0xff);        // 14.6:1 against the text colour
constexpr ImU32 panel = IM_COL32(0xf3, 0xf2, 0xf1, 0xff);        // background only
constexpr ImU32 white = IM_COL32(0xff, 0xff, 0xff, 0xff);
} // namespace colour

struct Fonts {
    ImFont* body = nullptr;    // 19 px at 100%
    ImFont* bold = nullptr;    // 19 px bold
    ImFont* heading = nullptr; // 24 px bold
    ImFont* title = nullptr;   // 32 px bold
};

// Rebuilds the font atlas for a scale (device pixel ratio × text size setting). The caller must
// re-upload the font texture afterwards. Returns the fonts; missing font files fall back to ImGui's.
Fonts build_fonts(float scale);

// Applies colours, rounding and spacing for the scale; high_contrast gives black on white with thick
// outlines.
void apply_theme(float scale, float pixel_ratio, bool high_contrast);

} // namespace hcf::ui
