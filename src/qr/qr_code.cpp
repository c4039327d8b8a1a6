// homecare-finder QR codes (see qr_code.h).
// Depends on: qrcodegen (Nayuki, C++ version).
// SPDX-License-Identifier: MIT
#include "qr/qr_code.h"

#include <qrcodegen.hpp>

#include <cstdint>
#include <vector>

namespace hcf::qr {

namespace {
// Version 40 at level M holds 2,331 bytes in byte mode, so any text up to this length fits. Checked before
// encoding because the WebAssembly build cannot catch the exception qrcodegen throws for longer texts.
constexpr std::size_t kMaxBytes = 2331;
} // namespace

Matrix encode(std::string_view text) {
    Matrix m;
    if (text.size() > kMaxBytes) return m;
    // Byte mode for every text (links hold lower-case letters, so the compact modes would not apply).
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    const qrcodegen::QrCode code = qrcodegen::QrCode::encodeBinary(bytes, qrcodegen::QrCode::Ecc::MEDIUM);
    m.size = code.getSize();
    m.dark.resize(static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size));
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x)
            m.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(m.size) +
                   static_cast<std::size_t>(x)] = code.getModule(x, y);
    return m;
}

} // namespace hcf::qr
