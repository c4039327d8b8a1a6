// homecare-finder core: the files of a dataset, by name — what each is and which postcode area it serves.
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
//
// The dataset is a folder of files the app fetches by name (see core/dataset_format.h for what is in them):
//   manifest.json        the list of files with sizes and SHA-256 (core/manifest.h)
//   bundle.bin           the start-up bundle, fetched first
//   details/<AREA>.bin   contact details of the agencies in one postcode area; details/none.bin for the rest
//   postcodes/<AREA>.txt unit postcodes of one area, as assets/sources/postcodes keeps them (the tools read
//                        these); the web build splits them into postcodes/<DISTRICT>.txt (B13.txt), which
//                        the app fetches, a few KB each (core/geography.h reads both)
// Every {name, bytes} the core passes about — a fetched file, a file a person picked, a file to save — is a
// DataFile.
#pragma once

#include <string>
#include <string_view>

namespace hcf::core {

struct DataFile {
    std::string name;  // as the app fetches it ("bundle.bin", "postcodes/B13.txt") or as the browser gives it
    std::string bytes; // the whole file
};

enum class DataFileKind : unsigned char { Manifest, Startup, Details, Postcodes, Other };

// From the name: "manifest.json", "bundle.bin", "details/...", "postcodes/...", anything else.
DataFileKind data_file_kind(std::string_view name);
// The manifest's word for it: "manifest", "startup", "details", "postcodes"; "" for Other.
std::string_view data_file_kind_key(DataFileKind kind);

std::string details_file_name(std::string_view area);  // "B" -> "details/B.bin"
std::string unit_file_name(std::string_view district); // "B13" -> "postcodes/B13.txt" ("B" -> the area's)
// What a details or postcodes file is for, its name without folder and extension: the area of a details
// file ("details/none.bin" -> "none"), the district or area of a postcodes file ("postcodes/B13.txt" ->
// "B13"); "" for other names.
std::string data_file_stem(std::string_view name);

} // namespace hcf::core
