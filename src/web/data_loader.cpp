// homecare-finder web: data files for the browser (see data_loader.h).
// Depends on: core/geography, ui/app.
// SPDX-License-Identifier: MIT
#include "web/data_loader.h"

#include <charconv>

namespace hcf::web {

namespace {
constexpr std::string_view kDistricts = "data/postcode_districts.csv";

// First version: the district centroids straight from ONS's postcode_districts.csv
// (district,area,lat,lng,n_postcodes; no quoted fields). The dataset bundle replaces this.
core::Geography geography_from_district_csv(std::string_view text) {
    std::vector<core::District> districts;
    std::size_t pos = text.find('\n'); // skip the header
    while (pos != std::string_view::npos && pos + 1 < text.size()) {
        const std::size_t end = text.find('\n', pos + 1);
        std::string_view line = text.substr(pos + 1, end == std::string_view::npos ? end : end - pos - 1);
        pos = end;
        std::string_view f[5];
        for (int i = 0; i < 5; ++i) {
            const std::size_t comma = line.find(',');
            f[i] = line.substr(0, comma);
            line = comma == std::string_view::npos ? std::string_view{} : line.substr(comma + 1);
        }
        core::District d;
        d.code = std::string(f[0]);
        d.area = std::string(f[1]);
        d.centre.lat = std::strtod(std::string(f[2]).c_str(), nullptr);
        d.centre.lng = std::strtod(std::string(f[3]).c_str(), nullptr);
        std::from_chars(f[4].data(), f[4].data() + f[4].size(), d.postcodes);
        if (!d.code.empty()) districts.push_back(std::move(d));
    }
    core::Geography geo;
    geo.set_districts(std::move(districts));
    return geo;
}
} // namespace

std::vector<std::string> startup_files() {
    return {std::string(kDistricts)};
}

std::string unit_pack_file(std::string_view area) {
    return "data/postcodes/" + std::string(area) + ".txt";
}

void receive_file(ui::App& app, std::string_view name, std::string_view bytes) {
    if (name == kDistricts) {
        core::Geography geo = geography_from_district_csv(bytes);
        if (geo.districts().empty())
            app.session().set_load_error(
                "The postcode information could not be read. Please reload the page.");
        else
            app.session().set_geography(std::move(geo));
    }
}

void receive_error(ui::App& app, std::string_view, std::string_view) {
    app.session().set_load_error(
        "The care information could not be loaded. Check your connection and reload the page.");
}

} // namespace hcf::web
