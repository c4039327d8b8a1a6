// homecare-finder core: SHA-256 (FIPS 180-4), used to checksum the dataset files the app loads.
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hcf::core {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Incremental hashing, for large inputs fed in pieces.
class Sha256 {
  public:
    Sha256();
    void update(std::string_view bytes);
    void update(const std::uint8_t* data, std::size_t size);
    Sha256Digest finish(); // the object must not be updated again afterwards

  private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_{};
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0; // bytes waiting in buffer_
    std::uint64_t total_ = 0;  // bytes hashed so far
};

Sha256Digest sha256(std::string_view bytes);
std::string sha256_hex(std::string_view bytes); // 64 lower-case hex digits
std::string to_hex(const Sha256Digest& digest);

} // namespace hcf::core
