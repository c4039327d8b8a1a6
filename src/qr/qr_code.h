// homecare-finder QR codes: text (a share link) to a square matrix of dark and light modules.
// Depends on: Nayuki's QR Code generator 1.8.0 (Debian source package qr-code-generator, in .deps/qrcodegen).
// SPDX-License-Identifier: MIT
//
// The kiosk shows the shortlist's share link as a QR code, so a person takes it away on their phone.
// This wrapper is the only code that includes qrcodegen. In the web app it runs in the QR module
// (src/modules/qr.module.cpp), loaded when first used; the UI gets the Matrix through ui::Platform::qr_code
// and draws it with ImGui's draw list.
#pragma once

#include <string_view>
#include <vector>

namespace hcf::qr {

// A QR symbol without its quiet zone (draw at least 4 light modules around it).
struct Matrix {
    int size = 0;           // modules a side: 21 (version 1) to 177 (version 40); 0 when nothing was made
    std::vector<bool> dark; // size x size, row by row: dark[y * size + x]
    bool at(int x, int y) const { // true for a dark module; outside the symbol is light
        return x >= 0 && y >= 0 && x < size && y < size &&
               dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                    static_cast<std::size_t>(x)];
    }
};

constexpr int kQuietZone = 4; // light modules each side, as the QR standard asks

// Encodes text (UTF-8) at error correction level M (15% of the symbol can be damaged), in the smallest
// version that holds it. Texts too long for any QR code (over 2,331 bytes) give size 0. Never throws.
Matrix encode(std::string_view text);

} // namespace hcf::qr
