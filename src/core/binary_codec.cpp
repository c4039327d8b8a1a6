// homecare-finder core: varints, string tables and the HCFD container (see binary_codec.h).
// Depends on: core/binary_codec.h, core/sha256.h.
// SPDX-License-Identifier: MIT
#include "core/binary_codec.h"

#include "core/sha256.h"

namespace hcf::core {

namespace {
constexpr std::string_view kMagic = "HCFD";
constexpr std::uint8_t kFormatVersion = 1;
constexpr std::size_t kHeaderSize = 12; // magic, version, kind, 2 reserved, u32 payload length
constexpr std::size_t kDigestSize = 32;

Error bad(std::string detail) {
    return Error{"", std::move(detail)};
}
} // namespace

void ByteWriter::varint(std::uint64_t v) {
    while (v >= 0x80) {
        u8(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    u8(static_cast<std::uint8_t>(v));
}

std::uint8_t ByteReader::u8() {
    if (!ok_ || pos_ >= data_.size()) return fail(), 0;
    return static_cast<std::uint8_t>(data_[pos_++]);
}

std::uint64_t ByteReader::varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const std::uint8_t b = u8();
        if (!ok_) return 0;
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (!(b & 0x80)) return v;
    }
    fail();
    return 0;
}

std::string_view ByteReader::view() {
    const std::uint64_t n = varint();
    if (!ok_ || n > left()) return fail(), std::string_view{};
    const std::string_view s = data_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return s;
}

std::size_t ByteReader::count(std::size_t min_bytes) {
    const std::uint64_t n = varint();
    if (!ok_ || n > left() / std::max<std::size_t>(min_bytes, 1)) return fail(), 0;
    return static_cast<std::size_t>(n);
}

std::size_t ByteReader::index(std::size_t n) {
    const std::uint64_t i = varint();
    if (!ok_ || i >= n) return fail(), 0;
    return static_cast<std::size_t>(i);
}

std::size_t StringTable::index(const std::string& s) {
    const auto [it, fresh] = map_.try_emplace(s, list_.size());
    if (fresh) list_.push_back(s);
    return it->second;
}

void StringTable::write(ByteWriter& w) const {
    w.varint(list_.size());
    for (const auto& s : list_)
        w.str(s);
}

std::vector<std::string> read_string_table(ByteReader& r) {
    const std::size_t n = r.count();
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        out.push_back(r.str());
    if (out.empty()) r.fail(); // index 0 ("") is always present
    return out;
}

std::string seal_container(ContainerKind kind, const std::string& payload) {
    std::string out(kMagic);
    out += static_cast<char>(kFormatVersion);
    out += static_cast<char>(kind);
    out += '\0';
    out += '\0';
    const auto n = static_cast<std::uint32_t>(payload.size());
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((n >> (8 * i)) & 0xFF);
    out += payload;
    const Sha256Digest d = sha256(out);
    out.append(reinterpret_cast<const char*>(d.data()), d.size());
    return out;
}

Expected<std::string_view> open_container(std::string_view bytes, ContainerKind kind, bool verify) {
    if (bytes.size() < kHeaderSize + kDigestSize || bytes.substr(0, 4) != kMagic)
        return bad("not an HCFD file or too short");
    if (static_cast<std::uint8_t>(bytes[4]) != kFormatVersion)
        return bad("format version " + std::to_string(static_cast<int>(static_cast<std::uint8_t>(bytes[4]))));
    if (static_cast<std::uint8_t>(bytes[5]) != static_cast<std::uint8_t>(kind))
        return bad("wrong kind of file");
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i)
        n |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[8 + i])) << (8 * i);
    if (static_cast<std::uint64_t>(n) + kHeaderSize + kDigestSize != bytes.size())
        return bad("length does not match (cut short or extended)");
    if (verify) {
        const Sha256Digest d = sha256(bytes.substr(0, kHeaderSize + n));
        if (std::string_view(reinterpret_cast<const char*>(d.data()), d.size()) !=
            bytes.substr(kHeaderSize + n))
            return bad("checksum does not match");
    }
    return bytes.substr(kHeaderSize, n);
}

Expected<std::map<std::uint64_t, std::string_view>> read_sections(std::string_view payload) {
    std::map<std::uint64_t, std::string_view> out;
    ByteReader r(payload);
    while (r.ok() && !r.at_end()) {
        const std::uint64_t tag = r.varint();
        const std::string_view body = r.view();
        if (!r.ok()) break;
        if (!out.emplace(tag, body).second) return bad("section " + std::to_string(tag) + " twice");
    }
    if (!r.ok()) return bad("section table cut short");
    return out;
}

} // namespace hcf::core
