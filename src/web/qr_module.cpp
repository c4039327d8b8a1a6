// homecare-finder web: QR codes made by the QR module (see modules.h), through web/modules.js (hcf.modules).
// Depends on: Emscripten, ui/platform.h.
// SPDX-License-Identifier: MIT
#include "web/modules.h"

#include <emscripten.h>

#include <map>

namespace {

// clang-format off
// 0 not loaded yet (asks for it), 1 loaded, 2 could not load.
EM_JS(int, js_qr_state, (), { return hcf.modules.ask("qr"); });
// The code's size (0: too long), its modules written to `to` (one byte each, at most 177 x 177).
EM_JS(int, js_qr_encode, (const char* text, unsigned char* to), {
    const m = hcf.modules.get("qr");
    const t = UTF8ToString(text);
    const n = m.lengthBytesUTF8(t) + 1;
    const p = m._malloc(n);
    m.stringToUTF8(t, p, n);
    const size = m._qr_encode(p);
    m._free(p);
    HEAPU8.set(m.HEAPU8.subarray(m._qr_modules(), m._qr_modules() + size * size), to);
    return size;
});
EM_JS(void, js_modules_try_again, (), { hcf.modules.tryAgain(); });
// clang-format on

constexpr int kMaxSide = 177; // version 40

} // namespace

namespace hcf::web {

ui::QrAnswer module_qr_code(std::string_view text) {
    // A screen draws its code every frame: each text is encoded once (a kiosk shows one or two at a time).
    static std::map<std::string, qr::Matrix, std::less<>> made;
    ui::QrAnswer a;
    if (const auto it = made.find(text); it != made.end()) {
        a.state = ui::QrAnswer::State::Ready;
        a.matrix = it->second;
        return a;
    }
    const int st = js_qr_state();
    if (st != 1) {
        a.state = st == 0 ? ui::QrAnswer::State::Making : ui::QrAnswer::State::Failed;
        return a;
    }
    std::vector<unsigned char> modules(kMaxSide * kMaxSide);
    qr::Matrix m;
    m.size = js_qr_encode(std::string(text).c_str(), modules.data());
    m.dark.assign(modules.begin(), modules.begin() + m.size * m.size);
    if (made.size() >= 8) made.clear();
    made.emplace(std::string(text), m);
    a.state = ui::QrAnswer::State::Ready;
    a.matrix = std::move(m);
    return a;
}

void try_modules_again() {
    js_modules_try_again();
}

} // namespace hcf::web
