// homecare-finder UI: a fingerprint of what ImGui asks to draw in a frame. Two frames with the same one look
// the same, so the second need not be drawn: after each input the app draws a few frames while ImGui's
// layout settles, and most of them are copies, which software WebGL on a phone-sized canvas draws at tens of
// milliseconds each (src/web/web.main.cpp).
// Depends on: Dear ImGui (ImDrawData).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

struct ImDrawData;

namespace hcf::ui {

// A hash of every vertex, index and draw command, the clip rectangles and textures, and the display's size.
std::uint64_t draw_fingerprint(const ImDrawData& data);

} // namespace hcf::ui
