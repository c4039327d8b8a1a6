// homecare-finder core: postcode geography lookups (districts, sectors, councils) and locate(); the unit
// postcodes are in geography_units.cpp.
// Depends on: core/geography.h, core/postcode.h, core/ascii.h, core/model.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/geography.h"

#include "core/postcode_near.h"

#include "core/ascii.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace hcf::core {
namespace {

int trailing_number(std::string_view district) {
    const auto letters = postcode_area(district).size();
    int n = 0;
    bool any = false;
    for (std::size_t i = letters; i < district.size() && is_ascii_digit(district[i]) && n < 1000; ++i) {
        n = n * 10 + (district[i] - '0');
        any = true;
    }
    return any ? n : -1;
}

// ---- nation at England's borders ------------------------------------------------------------------
// Share of a district's postcodes that are in England, where a district straddles a border.
// Scottish border: the ONS council lookup leaves Scottish postcodes out, so its shares cannot show
// the split. These are (postcodes in the England & Wales lookup) / (all NSPL May 2025 postcodes), from
// ../shared/data/postcode_to_council and postcode_districts.csv; TD15 (Berwick) and CA6 (Longtown) are
// mostly English, TD5, TD9 and DG16 almost wholly Scottish, TD12 (Coldstream / Cornhill) mixed.
struct BorderShare {
    std::string_view district;
    double england = 0; // 0..1 share of postcodes in England
};
constexpr BorderShare kScottishBorder[] = {
    {"CA6", 0.85}, {"DG16", 0.03}, {"TD5", 0.00}, {"TD9", 0.01}, {"TD12", 0.36}, {"TD15", 0.93},
};
// Welsh border, used only when the council lookup is not loaded: England's share among English and
// Welsh councils in postcode_district_to_lad.csv (ONS, Feb 2022 postcodes).
constexpr BorderShare kWelshBorder[] = {
    {"CH1", 0.989},  {"CH4", 0.585},  {"CH5", 0.0},    {"CH6", 0.0},    {"CH7", 0.0},    {"CH8", 0.0},
    {"GL16", 0.998}, {"HR3", 0.530},  {"HR5", 0.863},  {"LD7", 0.099},  {"LD8", 0.134},  {"LL14", 0.025},
    {"NP5", 0.035},  {"NP6", 0.104},  {"NP7", 0.002},  {"NP16", 0.214}, {"NP25", 0.051}, {"SY5", 0.973},
    {"SY7", 0.998},  {"SY9", 0.993},  {"SY10", 0.772}, {"SY13", 0.871}, {"SY14", 0.924}, {"SY15", 0.161},
    {"SY21", 0.017}, {"SY22", 0.075},
};
// A district with at least this share in England is searched (with a note if it straddles); below
// it the person is told CQC does not cover them. Either side above it: a cross-border note.
constexpr double kBorderMinority = 0.05;

struct Border {
    Nation majority = Nation::Unknown;
    double england = 0;             // share in England, 0..1
    Nation other = Nation::Unknown; // the non-English nation involved, if any
};

Border border_of(const Geography& geo, std::string_view district) {
    const Nation base = nation_of_area(district);
    Border b{base, base == Nation::England ? 1.0 : 0.0, base == Nation::England ? Nation::Unknown : base};
    if (base == Nation::NorthernIreland || base == Nation::ChannelIslands || base == Nation::IsleOfMan ||
        base == Nation::Unknown)
        return b;
    for (const auto& s : kScottishBorder)
        if (s.district == district)
            return {s.england >= 0.5 ? Nation::England : Nation::Scotland, s.england, Nation::Scotland};
    if (base == Nation::Scotland) return b;
    static const std::vector<CouncilShare> kNone;
    const std::vector<CouncilShare>* shares = geo.councils(district);
    double e = 0, w = 0;
    for (const auto& c : shares ? *shares : kNone) {
        if (c.lad_code.rfind("W", 0) == 0)
            w += c.share;
        else if (c.lad_code.rfind("E", 0) == 0)
            e += c.share;
    }
    if (e + w > 0) {
        const double share = e / (e + w);
        return {share >= 0.5 ? Nation::England : Nation::Wales, share,
                w > 0 ? Nation::Wales : Nation::Unknown};
    }
    for (const auto& s : kWelshBorder)
        if (s.district == district)
            return {s.england >= 0.5 ? Nation::England : Nation::Wales, s.england, Nation::Wales};
    return b;
}

std::string nation_adjective(Nation n) {
    switch (n) {
    case Nation::Wales:
        return "Welsh";
    case Nation::Scotland:
        return "Scottish";
    default:
        return "other";
    }
}

std::string regulator_with_article(Nation n) {
    switch (n) {
    case Nation::Wales:
        return "Care Inspectorate Wales";
    case Nation::Scotland:
        return "the Care Inspectorate";
    default:
        return std::string(regulator_for(n));
    }
}

// ---- councils -------------------------------------------------------------------------------------

// Groups a district's councils by the council that runs adult social care (the upper tier), keeping
// the largest local authority of each group as its lad_* fields. Best first; ties by code.
std::vector<CouncilShare> care_councils(const std::vector<CouncilShare>& lads) {
    std::vector<CouncilShare> out;
    for (const auto& c : lads) {
        const std::string& key = c.upper_tier_code.empty() ? c.lad_code : c.upper_tier_code;
        auto it = std::find_if(out.begin(), out.end(), [&](const CouncilShare& o) {
            return (o.upper_tier_code.empty() ? o.lad_code : o.upper_tier_code) == key;
        });
        if (it == out.end()) {
            out.push_back(c);
            if (out.back().upper_tier_code.empty()) {
                out.back().upper_tier_code = c.lad_code;
                out.back().upper_tier_name = c.lad_name;
            }
        } else {
            // The group's share is the sum; its lad_* fields name its largest local authority.
            const double sum = it->share + c.share;
            if (c.share > it->share) {
                it->lad_code = c.lad_code;
                it->lad_name = c.lad_name;
            }
            it->share = sum;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const CouncilShare& a, const CouncilShare& b) {
        if (a.share != b.share) return a.share > b.share;
        return a.upper_tier_code < b.upper_tier_code;
    });
    return out;
}

std::string percent(double share) {
    const long p = std::lround(share * 100.0);
    if (p < 1) return "less than 1%";
    return std::to_string(p) + "%";
}

std::string council_label(const CouncilShare& c) {
    const std::string name =
        friendly_council_name(c.upper_tier_name.empty() ? c.lad_name : c.upper_tier_name);
    // Every E10 code is a county council, so that name is safe to say in full.
    if (c.upper_tier_code.rfind("E10", 0) == 0) return name + " County Council";
    return name;
}

std::string place_text(std::string_view district, const std::vector<CouncilShare>& care, bool split) {
    if (care.empty()) return {};
    const std::string d(district);
    if (!split) {
        const CouncilShare& c = care.front();
        if (c.upper_tier_code.rfind("E10", 0) == 0) return d + " is in " + council_label(c) + "'s area.";
        return d + " is in " + council_label(c) + "'s council area.";
    }
    std::string s = d + " is split between ";
    for (std::size_t i = 0; i < care.size(); ++i) {
        if (i > 0) s += i + 1 == care.size() ? " and " : ", ";
        s += council_label(care[i]) + " (" + percent(care[i].share) + ")";
    }
    return s + ". Please choose your council.";
}

// ---- suggestions ----------------------------------------------------------------------------------

int edit_distance(std::string_view a, std::string_view b) {
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Known districts close to an unknown one: same area, nearest number first; if the area is unknown,
// districts one letter or digit away.
std::vector<std::string> nearby_districts(const Geography& geo, std::string_view district, std::size_t max) {
    const auto area = postcode_area(district);
    const int n = trailing_number(district);
    std::vector<std::pair<int, const District*>> cands;
    for (const auto& d : geo.districts()) {
        if (postcode_area(d.code) == area) cands.emplace_back(std::abs(trailing_number(d.code) - n), &d);
    }
    if (cands.empty()) {
        for (const auto& d : geo.districts()) {
            const int e = edit_distance(district, d.code);
            if (e <= 1) cands.emplace_back(e, &d);
        }
    }
    std::stable_sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.second->code < b.second->code;
    });
    std::vector<std::string> out;
    for (const auto& c : cands) {
        if (out.size() >= max) break;
        out.push_back(c.second->code);
    }
    return out;
}

// For a known district: the district itself, then its sectors nearest in number to the one typed.
std::vector<std::string> nearby_sectors(const Geography& geo, const ParsedPostcode& pc, std::size_t max) {
    std::vector<std::string> out{pc.district};
    const int typed = pc.sector.empty() ? 0 : pc.sector.back() - '0';
    auto sectors = geo.sectors_of(pc.district);
    std::stable_sort(sectors.begin(), sectors.end(), [&](const Sector* a, const Sector* b) {
        const int da = std::abs((a->code.back() - '0') - typed),
                  db = std::abs((b->code.back() - '0') - typed);
        if (da != db) return da < db;
        return a->code < b->code;
    });
    for (const Sector* s : sectors) {
        if (out.size() >= max) break;
        out.push_back(s->code);
    }
    return out;
}

// "HR4 9AV": after the words on what is wrong, the real postcodes of sector HR4 9 one letter away, once the
// district's unit postcodes are here (until then needs_unit_pack asks for them).
void offer_postcodes_one_letter_away(const Geography& geo, std::string_view input, Location& loc) {
    const NearMiss near = near_miss_of(input);
    if (near.sector.empty() || geo.sector(near.sector) == nullptr) return;
    if (!geo.has_units_of(near.district)) {
        loc.needs_unit_pack = true;
        loc.postcode.area = near.area;
        loc.postcode.district = near.district;
        loc.postcode.sector = near.sector;
        return;
    }
    loc.suggestions = postcodes_one_letter_away(geo, near, 3);
    if (!loc.suggestions.empty()) loc.message += " " + did_you_mean(loc.suggestions);
}

Location not_known(const Geography& geo, Location loc) {
    const ParsedPostcode& pc = loc.postcode;
    loc.ok = false;
    loc.error = PostcodeError::NotKnown;
    loc.precision = GeoPrecision::None;
    loc.centre = {};
    loc.needs_unit_pack = false;
    loc.note.clear();
    if (geo.district(pc.district) != nullptr && pc.kind != PostcodeKind::District) {
        loc.suggestions = nearby_sectors(geo, pc, 5);
        loc.message =
            "We can't find " + pc.normalised + ". Check it, or try just the first part, " + pc.district + ".";
        return loc;
    }
    loc.suggestions = nearby_districts(geo, pc.district, 5);
    if (!loc.suggestions.empty())
        loc.message = "We can't find " + pc.normalised + ". Check it, or try a nearby one, like " +
                      loc.suggestions.front() + ".";
    else
        loc.message = "We can't find " + pc.normalised + ". Check it, or try just the first part, like B13.";
    return loc;
}

} // namespace

// ---- Geography ------------------------------------------------------------------------------------

void Geography::set_districts(std::vector<District> d) {
    districts_ = std::move(d);
    district_index_.clear();
    district_index_.reserve(districts_.size());
    for (std::size_t i = 0; i < districts_.size(); ++i)
        district_index_.emplace(districts_[i].code, i);
}

void Geography::set_sectors(std::vector<Sector> s) {
    sectors_ = std::move(s);
    sector_index_.clear();
    sectors_by_district_.clear();
    sector_index_.reserve(sectors_.size());
    for (std::size_t i = 0; i < sectors_.size(); ++i) {
        if (sector_index_.emplace(sectors_[i].code, i).second)
            sectors_by_district_[sectors_[i].district].push_back(i);
    }
    for (auto& [district, list] : sectors_by_district_)
        std::sort(list.begin(), list.end(),
                  [this](std::size_t a, std::size_t b) { return sectors_[a].code < sectors_[b].code; });
}

void Geography::set_councils(std::string district, std::vector<CouncilShare> shares) {
    std::stable_sort(shares.begin(), shares.end(),
                     [](const CouncilShare& a, const CouncilShare& b) { return a.share > b.share; });
    councils_[std::move(district)] = std::move(shares);
}

const District* Geography::district(std::string_view code) const {
    const auto it = district_index_.find(std::string(code));
    return it == district_index_.end() ? nullptr : &districts_[it->second];
}

const Sector* Geography::sector(std::string_view code) const {
    const auto it = sector_index_.find(std::string(code));
    return it == sector_index_.end() ? nullptr : &sectors_[it->second];
}

const std::vector<CouncilShare>* Geography::councils(std::string_view district) const {
    const auto it = councils_.find(std::string(district));
    return it == councils_.end() ? nullptr : &it->second;
}

std::vector<const Sector*> Geography::sectors_of(std::string_view district) const {
    std::vector<const Sector*> out;
    const auto it = sectors_by_district_.find(std::string(district));
    if (it == sectors_by_district_.end()) return out;
    out.reserve(it->second.size());
    for (std::size_t i : it->second)
        out.push_back(&sectors_[i]);
    return out;
}

// ---- locate ---------------------------------------------------------------------------------------

Nation nation_of(const Geography& geo, std::string_view district) {
    return border_of(geo, district).majority;
}

Location locate(const Geography& geo, std::string_view input) {
    Location loc;
    PostcodeParse parsed = parse_postcode(input);
    if (!parsed.ok) {
        loc.error = parsed.error;
        loc.message = std::move(parsed.message);
        offer_postcodes_one_letter_away(geo, input, loc);
        return loc;
    }
    ParsedPostcode pc = std::move(parsed.postcode);
    std::string note;
    // "HR49" parses as district HR49 (see postcode.h); if no such district exists but sector HR4 9 does,
    // the person almost certainly meant the sector.
    if (pc.kind == PostcodeKind::District && geo.district(pc.district) == nullptr &&
        pc.district.size() >= 3 && is_ascii_digit(pc.district.back())) {
        const std::string as_sector =
            pc.district.substr(0, pc.district.size() - 1) + " " + pc.district.back();
        PostcodeParse alt = parse_postcode(as_sector);
        if (alt.ok && alt.postcode.kind == PostcodeKind::Sector &&
            geo.sector(alt.postcode.sector) != nullptr) {
            note = "We've read " + pc.district + " as " + alt.postcode.sector + ".";
            pc = std::move(alt.postcode);
        }
    }
    loc.postcode = pc;

    const Border border = border_of(geo, pc.district);
    if (border.majority != Nation::England && border.england < kBorderMinority) {
        loc.error = PostcodeError::OutsideEngland;
        loc.nation = border.majority;
        loc.message = outside_england_message(border.majority, pc.area);
        return loc;
    }
    loc.nation = Nation::England;
    const double other_share = 1.0 - border.england;
    if (border.other != Nation::Unknown && other_share >= kBorderMinority) {
        loc.cross_border = true;
        const std::string part = other_share >= 0.5 ? "Most of " : "Part of ";
        const std::string border_note =
            part + pc.district + " is in " + std::string(nation_name(border.other)) +
            ". CQC covers England only, so if you live in the " + nation_adjective(border.other) +
            " part, contact " + regulator_with_article(border.other) + ".";
        note = note.empty() ? border_note : note + " " + border_note;
    }

    const District* d = geo.district(pc.district);
    const Sector* s = pc.kind == PostcodeKind::District ? nullptr : geo.sector(pc.sector);
    const bool sectors_loaded = !geo.sectors().empty();
    auto use_sector = [&] {
        loc.centre = s->centre;
        loc.precision = GeoPrecision::Sector;
    };
    auto use_district = [&] {
        loc.centre = d->centre;
        loc.precision = GeoPrecision::District;
    };
    auto approx = [&](const std::string& what, const std::string& used) {
        const std::string n =
            "We can't find " + what + " exactly, so we're showing results around " + used + ".";
        note = note.empty() ? n : n + " " + note;
    };

    switch (pc.kind) {
    case PostcodeKind::Unit:
        if (geo.has_units_of(pc.district)) {
            if (const auto u = geo.unit(pc.unit)) {
                loc.centre = *u;
                loc.precision = GeoPrecision::Unit;
            } else if (s) {
                use_sector();
                approx(pc.unit, pc.sector);
            } else if (!sectors_loaded && d) {
                use_district();
                approx(pc.unit, pc.district);
            } else {
                loc.postcode = pc;
                return not_known(geo, std::move(loc));
            }
        } else {
            // The pack is fetched on demand: answer now at sector/district precision, caller may retry.
            if (s)
                use_sector();
            else if (!sectors_loaded && d)
                use_district();
            else
                return not_known(geo, std::move(loc));
            loc.needs_unit_pack = true;
        }
        break;
    case PostcodeKind::Sector:
        if (s)
            use_sector();
        else if (!sectors_loaded && d) {
            use_district();
            approx(pc.sector, pc.district);
        } else
            return not_known(geo, std::move(loc));
        break;
    case PostcodeKind::District:
        if (d)
            use_district();
        else
            return not_known(geo, std::move(loc));
        break;
    }

    loc.ok = true;
    if (const std::vector<CouncilShare>* lads = geo.councils(pc.district))
        loc.councils = care_councils(*lads);
    loc.council_split = loc.councils.size() > 1 && loc.councils.front().share < 0.9;
    loc.place = place_text(pc.district, loc.councils, loc.council_split);
    loc.note = std::move(note);
    return loc;
}

std::string friendly_council_name(std::string_view ons_name) {
    // ONS writes a few names inverted: "Herefordshire, County of", "Bristol, City of".
    for (std::string_view suffix : {std::string_view(", County of"), std::string_view(", City of")}) {
        if (ons_name.size() > suffix.size() && ons_name.substr(ons_name.size() - suffix.size()) == suffix)
            return std::string(ons_name.substr(0, ons_name.size() - suffix.size()));
    }
    return std::string(ons_name);
}

namespace {
constexpr double kDistanceRad = 3.14159265358979323846 / 180.0;
}

double cos_lat(LatLng p) {
    return std::cos(p.lat * kDistanceRad);
}

double distance_km(LatLng a, LatLng b, double cos_lat_a, double cos_lat_b) {
    constexpr double kEarthRadiusKm = 6371.0088; // IUGG mean Earth radius
    const double dlat = (b.lat - a.lat) * kDistanceRad, dlng = (b.lng - a.lng) * kDistanceRad;
    const double s1 = std::sin(dlat / 2), s2 = std::sin(dlng / 2);
    const double h = s1 * s1 + cos_lat_a * cos_lat_b * s2 * s2;
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double distance_km(LatLng a, LatLng b) {
    return distance_km(a, b, cos_lat(a), cos_lat(b));
}

double distance_miles(LatLng a, LatLng b) {
    return distance_km(a, b) / 1.609344;
}

} // namespace hcf::core
