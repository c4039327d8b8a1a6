// homecare-finder UI: a fingerprint of ImGui's draw data (see draw_fingerprint.h).
// SPDX-License-Identifier: MIT
#include "ui/draw_fingerprint.h"

#include "imgui.h"

#include <cstring>

namespace hcf::ui {

namespace {

// FNV-1a over 64-bit words (and the last few bytes one by one): fast enough to run over a frame's few
// hundred kilobytes of vertices in well under a millisecond.
struct Hash {
    std::uint64_t h = 1469598103934665603ull;
    void add(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (; n >= 8; n -= 8, b += 8) {
            std::uint64_t w;
            std::memcpy(&w, b, 8);
            h = (h ^ w) * 1099511628211ull;
        }
        for (; n > 0; --n, ++b)
            h = (h ^ *b) * 1099511628211ull;
    }
    template <class T> void add(const T& v) { add(&v, sizeof v); }
};

} // namespace

std::uint64_t draw_fingerprint(const ImDrawData& data) {
    Hash h;
    h.add(data.DisplayPos);
    h.add(data.DisplaySize);
    h.add(data.FramebufferScale);
    h.add(data.CmdListsCount);
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        h.add(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        h.add(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : list.CmdBuffer) {
            h.add(c.ClipRect);
            h.add(c.TextureId);
            h.add(c.VtxOffset);
            h.add(c.IdxOffset);
            h.add(c.ElemCount);
            h.add(c.UserCallback);
        }
    }
    return h.h;
}

} // namespace hcf::ui
