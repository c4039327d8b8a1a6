// homecare-finder tools: where a data folder's files are. The dataset compiler writes bundle.bin, the
// details packs and manifest.json (assets/data); the unit postcode files it lists (postcodes/<AREA>.txt)
// are kept in the sources (assets/sources/postcodes), and the web build serves them split by district
// (dist/data/postcodes/<DISTRICT>.txt). A tool asking for a district's file is given the district's own
// where the folder has it, else its area's whole file.
// Depends on: core/data_file.h, core/postcode.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/data_file.h"
#include "core/postcode.h"

#include <filesystem>
#include <string>
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

// The file to answer a request with: `name` itself, except a district's postcodes ("postcodes/B13.txt") that
// the folder does not have, for which its area's file ("postcodes/B.txt") is given: it holds the district
// and the store takes all of the area's.
inline std::string data_file_held(const std::filesystem::path& data_dir, const std::string& name,
                                  const std::filesystem::path& postcodes_dir) {
    std::error_code ec;
    if (core::data_file_kind(name) != core::DataFileKind::Postcodes ||
        std::filesystem::exists(data_file_path(data_dir, name, postcodes_dir), ec))
        return name;
    return core::unit_file_name(core::postcode_area(core::data_file_stem(name)));
}

} // namespace hcf::tools
