// homecare-finder fuzz target: postcode parsing, typing hints, locate() and unit-pack loading on any bytes.
// Depends on: core/postcode.h, core/geography.h, libFuzzer (clang -fsanitize=fuzzer).
// SPDX-License-Identifier: MIT
#include "core/geography.h"
#include "core/postcode.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

using namespace hcf::core;

namespace {

// Properties are checked with abort() so libFuzzer records the input that broke them.
void require(bool ok) {
    if (!ok) std::abort();
}

// A tiny geography with a split district, a border district and one unit pack.
const Geography& tiny() {
    static const Geography geo = [] {
        Geography g;
        g.set_districts({{"LE1", "LE", {52.63344, -1.13247}, 1707},
                         {"B36", "B", {52.50452, -1.78011}, 719},
                         {"HR3", "HR", {52.09209, -3.06835}, 502},
                         {"HR4", "HR", {52.08483, -2.76108}, 1205},
                         {"TD12", "TD", {55.65287, -2.24189}, 270}});
        g.set_sectors({{"LE1 1", "LE1", {52.63401, -1.12804}, 215},
                       {"LE1 2", "LE1", {52.63974, -1.12314}, 141},
                       {"HR4 9", "HR4", {52.06599, -2.72407}, 359}});
        g.set_councils("LE1", {{"E06000016", "Leicester", "E06000016", "Leicester", 0.9642},
                               {"E07000129", "Blaby", "E10000018", "Leicestershire", 0.0358}});
        g.set_councils("B36", {{"E08000029", "Solihull", "E08000029", "Solihull", 0.6011},
                               {"E08000025", "Birmingham", "E08000025", "Birmingham", 0.3989}});
        g.set_councils(
            "HR3", {{"E06000019", "Herefordshire, County of", "E06000019", "Herefordshire, County of", 0.53},
                    {"W06000023", "Powys", "W06000023", "Powys", 0.47}});
        if (!g.add_unit_pack("LE", "#LE1,526334,-11325\n1AA,-13,75\n1AB,-6,72\n")) std::abort();
        return g;
    }();
    return geo;
}

void check_parse(std::string_view s) {
    const PostcodeParse p = parse_postcode(s);
    const std::optional<std::string> norm = normalise_postcode(s);
    if (!p.ok) {
        require(!p.message.empty() && p.error != PostcodeError::None && !norm);
        return;
    }
    require(p.message.empty() && p.error == PostcodeError::None && norm == p.postcode.normalised);
    // The canonical text reparses to itself, as the same kind, with the same parts.
    const PostcodeParse again = parse_postcode(p.postcode.normalised);
    require(again.ok && again.postcode.normalised == p.postcode.normalised &&
            again.postcode.kind == p.postcode.kind && again.postcode.district == p.postcode.district &&
            again.postcode.sector == p.postcode.sector && again.postcode.unit == p.postcode.unit &&
            again.postcode.area == p.postcode.area);
    require(p.postcode.normalised.size() >= 2 && p.postcode.normalised.size() <= 8);
    // Something that parses is never nagged about while typing.
    require(hint_while_typing(s).empty());
}

void check_locate(const Geography& geo, std::string_view s) {
    const Location l = locate(geo, s);
    if (l.ok) {
        require(l.message.empty() && l.precision != GeoPrecision::None && l.nation == Nation::England);
        require(l.centre.lat >= -90 && l.centre.lat <= 90 && l.centre.lng >= -180 && l.centre.lng <= 180);
        require(!l.council_split || l.councils.size() > 1);
    } else {
        require(!l.message.empty() && l.precision == GeoPrecision::None && l.error != PostcodeError::None);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    check_parse(s);
    (void)hint_while_typing(s);
    (void)nation_of_area(s);
    check_locate(tiny(), s);

    // Unit packs from arbitrary bytes: the first byte picks the area, the rest is the pack.
    if (size > 0) {
        static const char* const kAreas[] = {"LE", "B", "HR", "NPT", "le", "", "LE1", "TD"};
        const char* area = kAreas[data[0] % 8];
        Geography g = tiny();
        const Expected<void> added = g.add_unit_pack(area, s.substr(1));
        require(added.ok() == added.error().empty());
        if (added) {
            // A new LE pack replaces district LE1's two postcodes when it holds LE1; any other adds to them.
            const bool replaces = std::string_view(area) == "LE" || std::string_view(area) == "le";
            require(g.unit_count() >= (replaces ? 1u : 3u));
        } else {
            require(g.unit_count() == 2); // the old pack is untouched
        }
        // Look up what the pack may have defined, and the input itself.
        (void)g.unit(s.substr(0, 16));
        check_locate(g, s.substr(0, 16));
        check_locate(g, "LE1 1AA");
    }
    return 0;
}
