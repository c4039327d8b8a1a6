// homecare-finder tools: reading a whole file, shared by the command-line tools (hcf, hcf-dataset,
// benchmarks). Depends on: the C++ standard library only. The core never touches files; only tools do.
// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hcf::tools {

// The file's bytes in *out; false when it cannot be opened.
inline bool read_whole_file(const std::filesystem::path& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    *out = buf.str();
    return true;
}

} // namespace hcf::tools
