// homecare-finder core: the unit postcodes of Geography — reading an area's or a district's pack (the
// format in ../shared/data/README.md) and looking a full postcode up in it. The rest is in geography.cpp.
// Depends on: core/geography.h, core/ascii.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/geography.h"

#include "core/ascii.h"

#include <algorithm>
#include <charconv>

namespace hcf::core {
namespace {

// A unit postcode packed into 7 six-bit slots: the outward code left-aligned in 4 slots (padded with
// 0), then the 3-character inward code. '0'-'9' -> 1-10, 'A'-'Z' -> 11-36, so the padding sorts first
// and key order is the plain string order of the ONS files ("B1" < "B10" < "B2"): a pack that arrives
// sorted needs no sort. 0 means "not a postcode".
std::uint64_t slot(char c) {
    if (is_ascii_digit(c)) return static_cast<std::uint64_t>(c - '0') + 1;
    if (is_ascii_upper(c)) return static_cast<std::uint64_t>(c - 'A') + 11;
    return 0;
}

// The outward code's part of a key (inward slots empty), 0 if not valid.
std::uint64_t outward_key(std::string_view outward) {
    if (outward.empty() || outward.size() > 4) return 0;
    std::uint64_t k = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::uint64_t v = i < outward.size() ? slot(outward[i]) : 0;
        if (i < outward.size() && v == 0) return 0;
        k = (k << 6) | v;
    }
    return k << 18;
}

std::uint64_t inward_key(char a, char b, char c) {
    return slot(a) << 12 | slot(b) << 6 | slot(c);
}

std::uint64_t pack_key(std::string_view outward, std::string_view inward) {
    const std::uint64_t o = outward_key(outward);
    if (o == 0 || inward.size() != 3 || slot(inward[0]) == 0 || slot(inward[1]) == 0 || slot(inward[2]) == 0)
        return 0;
    return o | inward_key(inward[0], inward[1], inward[2]);
}

// Reads an optional '-' and 1-9 digits at text[q], then the terminator: ',' or the end of the line
// ("\n", "\r\n" or the end of the text). Advances q past it. The fast path of add_unit_pack.
bool fast_int(std::string_view text, std::size_t& q, bool last, std::int32_t& out) {
    const std::size_t n = text.size();
    bool neg = false;
    if (q < n && text[q] == '-') neg = true, ++q;
    std::int32_t v = 0;
    std::size_t digits = 0;
    while (q < n && is_ascii_digit(text[q]) && digits < 9)
        v = v * 10 + (text[q++] - '0'), ++digits;
    if (digits == 0) return false;
    out = neg ? -v : v;
    if (!last) {
        if (q < n && text[q] == ',') return ++q, true;
        return false;
    }
    if (q == n) return true;
    if (text[q] == '\n') return ++q, true;
    if (text[q] == '\r' && q + 1 < n && text[q + 1] == '\n') return q += 2, true;
    return false;
}

std::string key_text(std::uint64_t k) {
    std::string s;
    for (int slot = 6; slot >= 0; --slot) {
        const auto v = static_cast<int>((k >> (6 * slot)) & 63);
        if (v != 0) s.push_back(static_cast<char>(v <= 10 ? '0' + v - 1 : 'A' + v - 11));
        if (slot == 3) s.push_back(' ');
    }
    return s;
}

bool parse_int(std::string_view s, long long limit, std::int32_t& out) {
    if (s.empty()) return false;
    long long v = 0;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end || v > limit || v < -limit) return false;
    out = static_cast<std::int32_t>(v);
    return true;
}

// Splits "a,b,c" into exactly three fields.
bool three_fields(std::string_view line, std::string_view (&f)[3]) {
    const auto c1 = line.find(',');
    if (c1 == std::string_view::npos) return false;
    const auto c2 = line.find(',', c1 + 1);
    if (c2 == std::string_view::npos || line.find(',', c2 + 1) != std::string_view::npos) return false;
    f[0] = line.substr(0, c1);
    f[1] = line.substr(c1 + 1, c2 - c1 - 1);
    f[2] = line.substr(c2 + 1);
    return true;
}

constexpr std::int32_t kMaxLat = 900000;  // 90 degrees x 1e4
constexpr std::int32_t kMaxLng = 1800000; // 180 degrees x 1e4

// Upper-cased copy ("b13" -> "B13").
std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        out.push_back(ascii_upper(c));
    return out;
}

// Whether `code` ("LE1", "EC1A"; the old Newport "NPT" has no digits) is a district of `area`.
bool district_of_area(std::string_view code, std::string_view area) {
    const auto letters = postcode_area(code);
    bool ok = code.size() <= 4 && letters == area;
    for (std::size_t i = letters.size(); ok && i < code.size(); ++i)
        ok = is_ascii_digit(code[i]) || (i > letters.size() && is_ascii_upper(code[i]));
    return ok;
}

} // namespace

Expected<void> Geography::add_unit_pack(std::string_view name_in, std::string_view text) {
    const std::string name = upper(name_in);
    // "B" is an area's pack, as the sources hold it; "B13" one district's, as the web build serves it.
    const std::string area(postcode_area(name));
    const bool one_district = !area.empty() && area.size() < name.size();
    auto fail = [&](std::size_t line, const std::string& why) -> Expected<void> {
        std::string message = "Postcode file for " + (name.empty() ? std::string("?") : name);
        if (line > 0) message += ", line " + std::to_string(line);
        return Error{message + ": " + why, ""};
    };
    if (area.empty() || area.size() > 3 || (one_district && !district_of_area(name, area)))
        return fail(0, "the name must be a postcode area like LE or a district like LE1");

    std::vector<UnitEntry> entries;
    entries.reserve(text.size() / 11);  // a line is about 11 bytes
    std::vector<std::string> districts; // in the order the pack opens them
    std::string outward;
    std::int32_t base_lat = 0, base_lng = 0;
    std::size_t line_no = 0, pos = 0;
    std::string_view f[3];
    std::uint64_t out_key = 0;
    while (pos < text.size()) {
        // Fast path for the usual line, "1AA,-13,75": parsed in place. Anything unusual (a district
        // line, a blank line, an error) falls through to the careful path below, which has the messages.
        if (out_key != 0 && pos + 4 <= text.size() && is_ascii_digit(text[pos]) &&
            is_ascii_upper(text[pos + 1]) && is_ascii_upper(text[pos + 2]) && text[pos + 3] == ',') {
            std::size_t q = pos + 4;
            std::int32_t dlat = 0, dlng = 0;
            if (fast_int(text, q, false, dlat) && fast_int(text, q, true, dlng)) {
                const std::int32_t lat = base_lat + dlat, lng = base_lng + dlng;
                if (lat <= kMaxLat && lat >= -kMaxLat && lng <= kMaxLng && lng >= -kMaxLng) {
                    entries.push_back(
                        {out_key | inward_key(text[pos], text[pos + 1], text[pos + 2]), lat, lng});
                    pos = q;
                    ++line_no;
                    continue;
                }
            }
        }
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (line.front() == '#') {
            if (!three_fields(line.substr(1), f))
                return fail(line_no, "expected a district line like #LE1,526334,-11325");
            const auto code = f[0];
            if (one_district ? code != name : !district_of_area(code, area))
                return fail(line_no, "district '" + std::string(code.substr(0, 8)) + "' is not " +
                                         (one_district ? "the file's district" : "in area " + area));
            if (!parse_int(f[1], kMaxLat, base_lat) || !parse_int(f[2], kMaxLng, base_lng))
                return fail(line_no, "district " + std::string(code) + " has a bad latitude or longitude");
            outward.assign(code);
            out_key = outward_key(outward);
            if (out_key == 0) return fail(line_no, "district '" + outward + "' is not a postcode district");
            districts.push_back(outward);
            continue;
        }
        if (outward.empty()) return fail(line_no, "a postcode comes before any district line (#...)");
        if (!three_fields(line, f)) return fail(line_no, "expected a postcode line like 1AA,-13,75");
        const auto inward = f[0];
        if (inward.size() != 3 || !is_ascii_digit(inward[0]) || !is_ascii_upper(inward[1]) ||
            !is_ascii_upper(inward[2]))
            return fail(line_no, "expected the end of a postcode like 1AA, got '" +
                                     std::string(inward.substr(0, 8)) + "'");
        std::int32_t dlat = 0, dlng = 0;
        if (!parse_int(f[1], kMaxLat * 2, dlat) || !parse_int(f[2], kMaxLng * 2, dlng))
            return fail(line_no, "postcode " + outward + " " + std::string(inward) + " has a bad position");
        const std::int32_t lat = base_lat + dlat, lng = base_lng + dlng;
        if (lat > kMaxLat || lat < -kMaxLat || lng > kMaxLng || lng < -kMaxLng)
            return fail(line_no, "postcode " + outward + " " + std::string(inward) + " is off the map");
        entries.push_back({pack_key(outward, inward), lat, lng});
    }
    if (entries.empty()) return fail(0, "the file has no postcodes");
    const auto by_key = [](const UnitEntry& a, const UnitEntry& b) { return a.key < b.key; };
    if (!std::is_sorted(entries.begin(), entries.end(), by_key))
        std::sort(entries.begin(), entries.end(), by_key);
    const auto dup =
        std::adjacent_find(entries.begin(), entries.end(),
                           [](const UnitEntry& a, const UnitEntry& b) { return a.key == b.key; });
    if (dup != entries.end()) return fail(0, "postcode " + key_text(dup->key) + " appears twice");
    // A district's file is checked against the district's postcode count in the start-up data (itself
    // checked against the manifest), so a cut-short or stale copy is refused, not half used.
    if (one_district)
        if (const District* d = district(name);
            d && d->postcodes > 0 && static_cast<std::size_t>(d->postcodes) != entries.size())
            return fail(0, "it has " + std::to_string(entries.size()) + " postcodes where " +
                               std::to_string(d->postcodes) + " were expected (a damaged or older copy)");

    // Kept per district: a district's file and its area's file fill the same places.
    std::sort(districts.begin(), districts.end());
    districts.erase(std::unique(districts.begin(), districts.end()), districts.end());
    std::unordered_map<std::uint64_t, std::vector<UnitEntry>> split;
    for (const UnitEntry& e : entries)
        split[e.key >> 18 << 18].push_back(e);
    for (const std::string& d : districts) {
        auto it = split.find(outward_key(d));
        if (it == split.end()) continue; // a district line with no postcodes under it
        it->second.shrink_to_fit();
        units_by_district_[d] = std::move(it->second);
    }
    if (!one_district) whole_areas_.insert(area);
    return {};
}

bool Geography::has_units_of(std::string_view district_in) const {
    const std::string d = upper(district_in);
    const std::string_view area = postcode_area(d);
    if (area.empty() || area.size() == d.size()) return false; // an area, or not a postcode district
    return units_by_district_.count(d) > 0 || whole_areas_.count(std::string(area)) > 0;
}

std::optional<LatLng> Geography::unit(std::string_view normalised_unit) const {
    char compact[8];
    std::size_t n = 0;
    for (char c : normalised_unit) {
        if (c == ' ') continue;
        if (n >= sizeof compact) return std::nullopt;
        compact[n++] = ascii_upper(c);
    }
    if (n < 4) return std::nullopt;
    const std::string_view cv(compact, n);
    const auto pack = units_by_district_.find(std::string(cv.substr(0, n - 3)));
    if (pack == units_by_district_.end()) return std::nullopt;
    const std::uint64_t key = pack_key(cv.substr(0, n - 3), cv.substr(n - 3));
    if (key == 0) return std::nullopt;
    const auto& v = pack->second;
    const auto it = std::lower_bound(v.begin(), v.end(), key,
                                     [](const UnitEntry& e, std::uint64_t k) { return e.key < k; });
    if (it == v.end() || it->key != key) return std::nullopt;
    return LatLng{it->lat / 1e4, it->lng / 1e4};
}

std::size_t Geography::unit_count() const {
    std::size_t n = 0;
    for (const auto& [district, v] : units_by_district_)
        n += v.size();
    return n;
}

} // namespace hcf::core
