// homecare-finder core: the bytes under bundle.bin and details/*.bin — varints, strings, string tables,
// tagged sections and the checksummed "HCFD" container. Internal to core/dataset_format and its sections.
// Depends on: core/expected.h, core/sha256.h, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Container: "HCFD", format version, kind, 2 reserved bytes, u32 payload length (little-endian), the payload
// (tagged sections: varint tag, varint length, body), then a SHA-256 of everything before it, so a damaged
// file is refused even without the manifest. Readers bound-check every length and never throw.
#pragma once

#include "core/expected.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hcf::core {

enum class ContainerKind : std::uint8_t { Bundle = 1, Details = 2 };

class ByteWriter {
  public:
    void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
    void varint(std::uint64_t v);
    void zigzag(std::int64_t v) {
        varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }
    void str(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    void section(std::uint8_t tag, const std::string& body) {
        varint(tag);
        str(body);
    }
    std::string& bytes() { return out_; }

  private:
    std::string out_;
};

// Every read is bounds-checked; the first failure sticks and later reads return zero values.
class ByteReader {
  public:
    explicit ByteReader(std::string_view data) : data_(data) {}
    bool ok() const { return ok_; }
    bool at_end() const { return pos_ >= data_.size(); }
    std::size_t left() const { return data_.size() - pos_; }
    void fail() { ok_ = false; }
    std::uint8_t u8();
    std::uint64_t varint();
    std::int64_t zigzag() {
        const std::uint64_t u = varint();
        return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
    }
    std::string_view view();
    std::string str() { return std::string(view()); }
    // A count of items each taking at least min_bytes: refuses counts the remaining bytes cannot hold,
    // so a corrupt count never causes a huge allocation.
    std::size_t count(std::size_t min_bytes = 1);
    // An index into a table of size n.
    std::size_t index(std::size_t n);

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

// Builds a string table in first-seen order with "" at index 0.
class StringTable {
  public:
    StringTable() { index(""); }
    std::size_t index(const std::string& s);
    void write(ByteWriter& w) const;

  private:
    std::unordered_map<std::string, std::size_t> map_;
    std::vector<std::string> list_;
};
// Reads a table StringTable::write made (fails the reader when it is empty: index 0 is always there).
std::vector<std::string> read_string_table(ByteReader& r);

// Wraps a payload in the container.
std::string seal_container(ContainerKind kind, const std::string& payload);
// Checks magic, version, kind, length and (when verify) the checksum, and gives the payload; the error's
// detail says what was wrong ("checksum does not match"); its message is left to the caller.
Expected<std::string_view> open_container(std::string_view bytes, ContainerKind kind, bool verify);
// The payload's sections by tag; a tag given twice, or a cut-short table, is an error (detail only).
Expected<std::map<std::uint64_t, std::string_view>> read_sections(std::string_view payload);

} // namespace hcf::core
