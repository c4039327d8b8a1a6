// homecare-finder core: building the reference data (see reference.h).
// Depends on: core/reference.h, core/ascii.h, core/csv.h, core/postcode.h, nlohmann/json, the C++ standard
// library. SPDX-License-Identifier: MIT
#include "core/reference.h"

#include "core/ascii.h"
#include "core/csv.h"
#include "core/postcode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

namespace hcf::core {

namespace {

using nlohmann::json;

bool to_double(const std::string& s, double* out) {
    if (s.empty()) return false;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

bool to_count(const std::string& s, int* out) {
    if (s.size() > 9 || !all_ascii_digits(s)) return false;
    *out = std::atoi(s.c_str());
    return true;
}

// "Herefordshire, County of" / "Herefordshire" -> "herefordshire"; "Bath & North East Somerset" and
// "Bath and North East Somerset" match; "County Durham" -> "durham".
std::string council_key(std::string_view name) {
    std::string s = ascii_lower(name);
    std::string t;
    for (char c : s) {
        if (c == '&')
            t += " and ";
        else
            t += c;
    }
    for (const char* suffix : {", city of", ", county of"})
        if (const auto p = t.find(suffix); p != std::string::npos) t.erase(p);
    for (const char* prefix : {"city of ", "county "})
        if (t.rfind(prefix, 0) == 0) t.erase(0, std::string_view(prefix).size());
    // "Bedford Borough", "Leeds City Council": CQC sometimes adds the council's style.
    for (const char* suffix : {" metropolitan borough council", " borough council", " city council",
                               " county council", " council", " borough"})
        if (t.size() > std::string_view(suffix).size() &&
            t.compare(t.size() - std::string_view(suffix).size(), std::string::npos, suffix) == 0)
            t.erase(t.size() - std::string_view(suffix).size());
    return header_key(t);
}

} // namespace

const std::string* upper_tier_for_name(const std::vector<LadInfo>& lads, std::string_view cqc_name) {
    const std::string k = council_key(cqc_name);
    if (k.empty()) return nullptr;
    for (const auto& l : lads)
        if (council_key(l.upper_tier_name) == k) return &l.upper_tier_code;
    for (const auto& l : lads)
        if (council_key(l.name) == k) return &l.upper_tier_code;
    return nullptr;
}

Expected<ReferenceData> build_reference(const ReferenceInputs& in) {
    ReferenceData out;
    auto fail = [](const std::string& m) { return Error{m, ""}; };
    auto at = [](const char* file, int line) {
        return std::string(file) + ", line " + std::to_string(line) + ": ";
    };

    // Councils.
    const char* lt_name = "lad_to_upper_tier.csv";
    const Expected<CsvTable> lt =
        read_csv_table(in.lad_to_upper_tier_csv, lt_name,
                       {{"lad_code"}, {"lad_name"}, {"upper_tier_code"}, {"upper_tier_name"}});
    if (!lt) return lt.failure();
    std::vector<LadInfo> lads;
    std::unordered_map<std::string, std::size_t> lad_index;
    {
        const auto& c = lt->columns;
        const int code = c.find("lad_code"), name = c.find("lad_name"), utc = c.find("upper_tier_code"),
                  utn = c.find("upper_tier_name"), tier = c.find("tier");
        for (const auto& r : lt->rows) {
            LadInfo l{csv_field(r, code), csv_field(r, name), csv_field(r, utc), csv_field(r, utn),
                      csv_field(r, tier)};
            if (l.code.empty() || l.upper_tier_code.empty())
                return fail(at(lt_name, r.line) + "a council code is missing.");
            if (lad_index.count(l.code))
                return fail(at(lt_name, r.line) + "council " + l.code + " appears twice.");
            lad_index[l.code] = lads.size();
            lads.push_back(std::move(l));
        }
    }
    const char* dl_name = "postcode_district_to_lad.csv";
    const Expected<CsvTable> dl =
        read_csv_table(in.district_to_lad_csv, dl_name, {{"district"}, {"lad_code"}, {"share"}, {"rank"}});
    if (!dl) return dl.failure();
    struct ShareRow {
        int rank = 0;
        CouncilShare share;
    };
    std::map<std::string, std::vector<ShareRow>> shares;
    std::set<std::string> english_areas;
    {
        const auto& c = dl->columns;
        const int d = c.find("district"), code = c.find("lad_code"), name = c.find("lad_name"),
                  share = c.find("share"), rank = c.find("rank"), utc = c.find("upper_tier_code"),
                  utn = c.find("upper_tier_name");
        for (const auto& r : dl->rows) {
            ShareRow s;
            const std::string district = csv_field(r, d);
            s.share.lad_code = csv_field(r, code);
            if (district.empty() || s.share.lad_code.empty() ||
                !to_double(csv_field(r, share), &s.share.share) || !to_count(csv_field(r, rank), &s.rank) ||
                s.share.share < 0 || s.share.share > 1)
                return fail(at(dl_name, r.line) +
                            "a district, council code, share or rank is missing or not a number.");
            if (!lad_index.count(s.share.lad_code)) {
                // A council only in this file: take its names from here.
                lad_index[s.share.lad_code] = lads.size();
                lads.push_back(
                    {s.share.lad_code, csv_field(r, name), csv_field(r, utc), csv_field(r, utn), ""});
            }
            const LadInfo& l = lads[lad_index[s.share.lad_code]];
            s.share.lad_name = l.name;
            s.share.upper_tier_code = l.upper_tier_code;
            s.share.upper_tier_name = l.upper_tier_name;
            if (s.share.lad_code[0] == 'E') english_areas.insert(std::string(postcode_area(district)));
            shares[district].push_back(std::move(s));
        }
    }

    // Areas kept.
    std::set<std::string> keep(in.keep_areas.begin(), in.keep_areas.end());
    if (keep.empty()) keep = english_areas;

    // Districts.
    const char* dn = "postcode_districts.csv";
    const Expected<CsvTable> dt =
        read_csv_table(in.districts_csv, dn, {{"district"}, {"area"}, {"lat"}, {"lng"}});
    if (!dt) return dt.failure();
    std::vector<District> districts;
    std::set<std::string> all_areas;
    {
        const auto& c = dt->columns;
        const int d = c.find("district"), a = c.find("area"), la = c.find("lat"), ln = c.find("lng"),
                  np = c.find("n_postcodes");
        std::set<std::string> seen;
        for (const auto& r : dt->rows) {
            District x;
            x.code = csv_field(r, d);
            x.area = csv_field(r, a);
            if (x.code.empty() || x.area != postcode_area(x.code) ||
                !to_double(csv_field(r, la), &x.centre.lat) || !to_double(csv_field(r, ln), &x.centre.lng) ||
                std::abs(x.centre.lat) > 90 || std::abs(x.centre.lng) > 180)
                return fail(at(dn, r.line) + "the district, area, lat or lng is missing or wrong.");
            if (np >= 0 && !to_count(csv_field(r, np), &x.postcodes))
                return fail(at(dn, r.line) + "n_postcodes is not a whole number.");
            if (!seen.insert(x.code).second)
                return fail(at(dn, r.line) + "district " + x.code + " appears twice.");
            x.centre = {stored_position(x.centre.lat),
                        stored_position(x.centre.lng)}; // the bundle's precision
            all_areas.insert(x.area);
            if (keep.count(x.area)) districts.push_back(std::move(x));
        }
    }
    std::sort(districts.begin(), districts.end(),
              [](const District& a, const District& b) { return a.code < b.code; });
    std::set<std::string> kept_districts;
    for (const auto& d : districts)
        kept_districts.insert(d.code);

    // Sectors.
    const char* sn = "postcode_sectors.csv";
    const Expected<CsvTable> st =
        read_csv_table(in.sectors_csv, sn, {{"sector"}, {"district"}, {"lat"}, {"lng"}});
    if (!st) return st.failure();
    std::vector<Sector> sectors;
    {
        const auto& c = st->columns;
        const int s = c.find("sector"), d = c.find("district"), la = c.find("lat"), ln = c.find("lng"),
                  np = c.find("n_postcodes");
        for (const auto& r : st->rows) {
            Sector x;
            x.code = csv_field(r, s);
            x.district = csv_field(r, d);
            if (x.code.size() <= x.district.size() + 1 ||
                x.code.compare(0, x.district.size() + 1, x.district + " ") != 0 ||
                !to_double(csv_field(r, la), &x.centre.lat) || !to_double(csv_field(r, ln), &x.centre.lng) ||
                std::abs(x.centre.lat) > 90 || std::abs(x.centre.lng) > 180)
                return fail(at(sn, r.line) + "the sector, district, lat or lng is missing or wrong.");
            if (np >= 0 && !to_count(csv_field(r, np), &x.postcodes))
                return fail(at(sn, r.line) + "n_postcodes is not a whole number.");
            if (!keep.count(std::string(postcode_area(x.district)))) continue;
            x.centre = {stored_sector_position(x.centre.lat), stored_sector_position(x.centre.lng)};
            if (!kept_districts.count(x.district))
                return fail(at(sn, r.line) + "sector " + x.code + " is in district " + x.district +
                            ", which is not in postcode_districts.csv.");
            sectors.push_back(std::move(x));
        }
    }
    std::sort(sectors.begin(), sectors.end(), [](const Sector& a, const Sector& b) {
        return a.district != b.district ? a.district < b.district : a.code < b.code;
    });
    for (std::size_t i = 1; i < sectors.size(); ++i)
        if (sectors[i].code == sectors[i - 1].code)
            return fail(std::string(sn) + ": sector " + sectors[i].code + " appears twice.");

    Bundle& b = out.bundle;
    b.geography.set_districts(std::move(districts));
    b.geography.set_sectors(std::move(sectors));
    for (auto& [district, list] : shares) {
        if (!kept_districts.count(district)) continue;
        std::stable_sort(list.begin(), list.end(),
                         [](const ShareRow& x, const ShareRow& y) { return x.rank < y.rank; });
        std::vector<CouncilShare> s;
        for (auto& r : list)
            s.push_back(std::move(r.share));
        b.geography.set_councils(district, std::move(s));
    }
    b.lads = std::move(lads);

    // Costs and council profiles.
    b.cost_reference_csv = in.cost_reference_csv;
    if (!b.cost_reference_csv.empty()) {
        auto costs = parse_cost_references(b.cost_reference_csv);
        if (!costs) return fail(costs.error());
        b.costs = std::move(*costs);
    }
    for (const auto& p : in.council_profiles) {
        const json j = json::parse(p.json, nullptr, false);
        if (j.is_discarded()) return fail(p.file + " is not valid JSON.");
    }
    if (!in.council_contacts_csv.empty()) {
        auto contacts = read_council_contacts(in.council_contacts_csv, "council_contacts.csv");
        if (!contacts) return fail(contacts.error());
        b.contacts = std::move(*contacts);
    }
    b.council_profiles = in.council_profiles;
    std::sort(b.council_profiles.begin(), b.council_profiles.end(),
              [](const CouncilProfileText& x, const CouncilProfileText& y) { return x.file < y.file; });

    for (const auto& a : all_areas)
        (keep.count(a) ? out.kept_areas : out.dropped_areas).push_back(a);
    return out;
}

} // namespace hcf::core
