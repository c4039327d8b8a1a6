// homecare-finder tools: where a data folder's files are. The dataset compiler writes bundle.bin, the
// details packs and manifest.json (assets/data); the unit postcode files it lists (postcodes/<AREA>.txt)
// are served as the sources hold them (assets/sources/postcodes), and a served copy such as dist/data has
// them in place.
// Depends on: core/data_file.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/data_file.h"

#include <filesystem>
#include <string_view>

namespace hcf::tools {

// The unit postcode files of a data folder that does not hold them: the sources beside it (assets/data ->
// assets/sources/postcodes).
inline std::filesystem::path default_postcodes_dir(const std::filesystem::path& data_dir) {
    return data_dir / ".." / "sources" / "postcodes";
}

// The path of a data file: in the folder, except a postcodes/<AREA>.txt the folder does not have, which is
// looked for in postcodes_dir.
inline std::filesystem::path data_file_path(const std::filesystem::path& data_dir, std::string_view name,
                                            const std::filesystem::path& postcodes_dir) {
    std::filesystem::path in_place = data_dir / name;
    std::error_code ec;
    if (core::data_file_kind(name) != core::DataFileKind::Postcodes || std::filesystem::exists(in_place, ec))
        return in_place;
    return postcodes_dir / std::filesystem::path(name).filename();
}

} // namespace hcf::tools
