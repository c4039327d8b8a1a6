// homecare-finder tools: reading and writing whole files, shared by the command-line tools (hcf,
// hcf-dataset, benchmarks). The core never touches files; only tools do.
// Depends on: core/expected.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/expected.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace hcf::tools {

// The file's bytes, or an Error "Cannot open <path>."
inline core::Expected<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error{"Cannot open " + path.string() + ".", ""};
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// Writes the bytes (making the folders it needs), or an Error "Cannot write <path>."
inline core::Expected<void> write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) return core::Error{"Cannot write " + path.string() + ".", ""};
    return {};
}

} // namespace hcf::tools
