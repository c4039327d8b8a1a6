// homecare-finder tests: SHA-256 against the FIPS 180-4 / NIST example vectors (mirrors src/core/sha256.cpp).
// SPDX-License-Identifier: MIT
#include "core/sha256.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hcf::core;

TEST_CASE("sha256 matches the FIPS 180-4 example vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // 896-bit message (two blocks after padding).
    CHECK(sha256_hex(
              "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
              "rsmnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256 of one million 'a' bytes, fed in uneven pieces") {
    Sha256 s;
    const std::string chunk(999, 'a');
    std::size_t left = 1000000;
    while (left > 0) {
        const std::size_t n = left < chunk.size() ? left : chunk.size();
        s.update(std::string_view(chunk).substr(0, n));
        left -= n;
    }
    CHECK(to_hex(s.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 across the 55/56/64-byte padding edges") {
    // Known values: 55, 56 and 64 'a' characters.
    CHECK(sha256_hex(std::string(55, 'a')) ==
          "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) ==
          "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) ==
          "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
