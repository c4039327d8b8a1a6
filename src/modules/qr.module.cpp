// homecare-finder QR module: Nayuki's QR Code generator as a WebAssembly module of its own (qr.js and
// qr.wasm), loaded only where a QR code is drawn (kiosk mode, which loads it at start so it works offline).
// Depends on: qr/qr_code.h. Driven by web/modules.js for src/web/qr_module.cpp.
// SPDX-License-Identifier: MIT
//
// Exported by cmake/web.cmake (-sEXPORTED_FUNCTIONS), so this file needs no Emscripten header.
#include "qr/qr_code.h"

#include <string>

namespace {
std::string g_modules; // the last code, one byte a module (1 dark, 0 light), row by row
} // namespace

extern "C" {

// Encodes text (UTF-8, zero-terminated) as hcf::qr::encode does; returns its size (0: too long for a QR
// code). The modules are then at qr_modules(), size x size bytes.
int qr_encode(const char* text) {
    const hcf::qr::Matrix m = hcf::qr::encode(text);
    g_modules.assign(m.dark.begin(), m.dark.end());
    return m.size;
}
const char* qr_modules() {
    return g_modules.data();
}

} // extern "C"
