// homecare-finder QR codes (see qr_code.h).
// Depends on: qrcodegen (Nayuki, the C version: no exceptions and no streams, so the QR module stays small;
// the C++ version's error message is built with std::ostringstream, which brings in the C++ locale code).
// SPDX-License-Identifier: MIT
#include "qr/qr_code.h"

#include <qrcodegen.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace hcf::qr {

namespace {
// Version 40 at level M holds 2,331 bytes in byte mode, so any text up to this length fits.
constexpr std::size_t kMaxBytes = 2331;
} // namespace

Matrix encode(std::string_view text) {
    Matrix m;
    if (text.size() > kMaxBytes) return m;
    // Byte mode for every text (links hold lower-case letters, so the compact modes would not apply); the
    // smallest version that holds it, the mask chosen by the standard's penalty rules, and the error
    // correction raised where that costs no size (as the C++ version's encodeBinary does).
    std::vector<std::uint8_t> temp(qrcodegen_BUFFER_LEN_MAX), code(qrcodegen_BUFFER_LEN_MAX);
    if (!text.empty()) std::memcpy(temp.data(), text.data(), text.size());
    if (!qrcodegen_encodeBinary(temp.data(), text.size(), code.data(), qrcodegen_Ecc_MEDIUM,
                                qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
        return m;
    m.size = qrcodegen_getSize(code.data());
    m.dark.resize(static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size));
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x)
            m.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(m.size) +
                   static_cast<std::size_t>(x)] = qrcodegen_getModule(code.data(), x, y);
    return m;
}

} // namespace hcf::qr
