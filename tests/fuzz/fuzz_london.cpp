// homecare-finder fuzz target: the dataset compiler's reader for CareGist's London copy of the CQC register
// (JSON lines, ../shared/data/cqc/london/) on untrusted bytes.
// Depends on: hcf_core (jsonl_table, cqc_import, geography), libFuzzer.
// Properties: read_jsonl_table never crashes and fails exactly when it gives a message; its rows are on
// strictly increasing lines. import_cqc either fails with a message (and no agencies) or accounts for
// every row, gives unique location ids, never places an agency without a postcode, and claims the five
// key-question ratings only for an agency the source rated.
// Seed corpus: tests/fuzz/corpus/fuzz_london/ and tests/data/cqc/london/*.jsonl.
// SPDX-License-Identifier: MIT
#include "core/cqc_import.h"
#include "core/jsonl_table.h"

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
        x.set_districts({{"E17", "E", {51.5901, -0.0159}, 2000}, {"SE1", "SE", {51.4980, -0.0900}, 1500}});
        x.set_sectors({{"E17 4", "E17", {51.5905, -0.0120}, 400}});
        (void)x.add_unit_pack("E", "#E17,515901,-159\n4PP,12,-3\n4AA,20,8\n");
        return x;
    }();
    return g;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const Expected<CsvTable> t = read_jsonl_table(text, "fuzz.jsonl");
    check(t.ok() == t.error().empty());
    if (t) {
        int prev = 0;
        for (const auto& r : t->rows) {
            check(r.line > prev);
            prev = r.line;
        }
    }

    CqcInput in;
    in.name = "fuzz.jsonl";
    in.text = std::string(text);
    in.edition = "2026-06-30";
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
        if (prov.postcode.empty()) check(prov.precision == GeoPrecision::None);
        if (prov.key_questions_in_data) check(prov.rating_in_data);
    }
    return 0;
}
