// homecare-finder fuzz target: the app's data files (bundle.bin, details packs, manifest.json) on untrusted
// bytes.
// Depends on: hcf_core (dataset_format, manifest), libFuzzer.
// Properties: load_bundle never crashes or throws; it fails exactly when it gives a message, and then
// holds no agencies. The SHA-256 check is tried on and off (off, so mutations reach the section readers).
// A bundle the reader accepts writes back out and reads in again with the same agencies. apply_details
// never crashes and leaves the bundle untouched when it refuses a pack. read_manifest never crashes, and
// what it reads writes back out and reads in again the same.
// Seed corpus: assets/data/bundle.bin, assets/data/details/*.bin, assets/data/manifest.json and the
// output of hcf-dataset on tests/data/cqc/reference.
// SPDX-License-Identifier: MIT
#include "core/dataset_format.h"
#include "core/manifest.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace hcf::core;

void check(bool ok) {
    if (!ok) std::abort();
}

// A small valid bundle to apply details packs to.
const Bundle& base() {
    static const Bundle b = [] {
        Bundle x;
        x.info.dataset_version = "fuzz";
        x.geography.set_districts({{"B13", "B", {52.4348, -1.8829}, 1129}});
        Provider p;
        p.location_id = "1-101";
        p.name = "Alpha Home Care";
        p.postcode = "B13 9AB";
        x.providers.push_back(p);
        return x;
    }();
    return b;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    for (const bool verify : {true, false}) {
        const Expected<Bundle> l = load_bundle(bytes, {verify});
        check(l.ok() == l.error().empty());
        if (!l) continue;
        const std::string again = serialize_bundle(*l);
        const Expected<Bundle> l2 = load_bundle(again);
        check(l2.ok());
        check(l2->providers.size() == l->providers.size());
        for (std::size_t i = 0; i < l->providers.size(); ++i) {
            check(l2->providers[i].location_id == l->providers[i].location_id);
            check(l2->providers[i].name == l->providers[i].name);
            check(l2->providers[i].overall == l->providers[i].overall);
        }
    }

    Bundle b = base();
    if (const auto applied = apply_details(b, bytes, {false}); !applied) {
        check(!applied.error().empty());
        check(!b.providers[0].details_loaded || base().providers[0].details_loaded);
        check(b.details_applied.empty());
    }

    if (const Expected<Manifest> m = read_manifest(bytes)) {
        for (const auto& f : m->files)
            check(f.sha256.size() == 64 && !f.name.empty());
        const std::string text = write_manifest(*m);
        const Expected<Manifest> again = read_manifest(text);
        check(again.ok() && write_manifest(*again) == text);
    }
    return 0;
}
