// homecare-finder fuzz target: the CSV reader and the CQC importer on untrusted bytes.
// Depends on: hcf_core (csv, cqc_import, geography, postcode), libFuzzer.
// Properties: parse_csv never crashes; when it accepts a text, records start on strictly increasing
// lines; read_csv_table either fails with a message or gives rows after its header line; import_cqc
// either fails with a message (and no agencies) or accounts for every row (rows_in == rows_used +
// excluded), gives unique location ids, and never places an agency without a postcode.
// Seed corpus: tests/data/cqc/*.csv and assets/sources/cqc/**/*.csv.
// SPDX-License-Identifier: MIT
#include "core/cqc_import.h"
#include "core/csv.h"

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace {

using namespace hcf::core;

void check(bool ok) {
    if (!ok) std::abort();
}

const Geography& geography() {
    static const Geography g = [] {
        Geography x;
        x.set_districts({{"B13", "B", {52.4348, -1.8829}, 1129}, {"B14", "B", {52.4188, -1.8903}, 1038}});
        x.set_sectors({{"B13 9", "B13", {52.440, -1.877}, 372}});
        (void)x.add_unit_pack("B", "#B13,524348,-18828\n9AA,123,-11\n9AB,136,-4\n");
        return x;
    }();
    return g;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const Expected<CsvParse> p = parse_csv(text, "fuzz.csv");
    check(p.ok() == p.error().empty());
    if (p) {
        int prev = 0;
        for (const auto& r : p->records) {
            check(r.line > prev);
            prev = r.line;
        }
    }

    const Expected<CsvTable> t = read_csv_table(text, "fuzz.csv", {{"Location ID", "location_id"}, {"Name"}});
    check(t.ok() != !t.error().empty() || t.ok());
    if (t)
        for (const auto& r : t->rows)
            check(r.line > t->header_line);

    (void)header_key(text);
    (void)parse_cqc_date(text.substr(0, 64));
    (void)find_date_in_text(text.substr(0, 256));
    (void)split_cqc_list(text.substr(0, 256));

    CqcInput in;
    in.name = "fuzz.csv";
    in.text = std::string(text);
    in.edition = "2026-09-01";
    const Expected<CqcImport> imported = import_cqc({in}, geography());
    if (!imported) {
        check(!imported.error().empty()); // and nothing else is given: Expected holds no agencies then
        return 0;
    }
    const CqcImport& r = *imported;
    check(r.rows_in == r.rows_used + static_cast<int>(r.excluded.size()));
    std::set<std::string> ids;
    for (const auto& prov : r.providers) {
        check(ids.insert(prov.location_id).second);
        check(!prov.name.empty());
        check((prov.service_types & ServiceHomecare) != 0);
        if (prov.postcode.empty()) check(prov.precision == GeoPrecision::None);
    }
    return 0;
}
