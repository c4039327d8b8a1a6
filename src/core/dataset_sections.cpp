// homecare-finder core: the sections of bundle.bin and details/*.bin (see dataset_sections.h).
// Depends on: core/dataset_sections.h, core/binary_codec.h, core/calendar.h, core/postcode.h, the C++
// standard library. SPDX-License-Identifier: MIT
#include "core/dataset_sections.h"

#include "core/calendar.h"
#include "core/postcode.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace hcf::core::sections {

namespace {

// Positions are stored in 1/10000ths of a degree (about 11 m), the precision of the ONS unit postcode
// files; build_reference() and import_cqc() round to it, so a bundle reads back exactly what was built.
std::int64_t e4(double v) {
    return std::llround(v * 1e4);
}
double from_e4(std::int64_t v) {
    return static_cast<double>(v) / 1e4;
}
constexpr std::int64_t kMaxLatE4 = 900000;
constexpr std::int64_t kMaxLngE4 = 1800000;

// A section the writer could not have written; the detail names it, as load_bundle reports it.
Error damaged(const char* section) {
    return Error{"The " + std::string(section) + " section is damaged.", section};
}

// The value when the reader read the whole body and all was well.
template <class T> Expected<T> checked(const ByteReader& r, T value, const char* section) {
    if (!r.ok() || !r.at_end()) return damaged(section);
    return value;
}

} // namespace

// ISO yyyy-mm-dd -> days + 1 (0 = no date). Anything else is stored as no date.
std::uint64_t encode_date(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
    const int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
              d = std::atoi(iso.substr(8, 2).c_str());
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return static_cast<std::uint64_t>(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) +
                                      1 + 100000); // offset keeps pre-1970 dates positive
}

std::string decode_date(std::uint64_t v) {
    if (v == 0 || v > 200000) return {};
    const IsoDate c = civil_from_days(static_cast<std::int64_t>(v) - 1 - 100000);
    std::string d = iso_date(c.year, c.month, c.day);
    return encode_date(d) == v ? d : std::string(); // only dates the writer can write
}

namespace {

// Sector centres are kept to 1/1000th of a degree (about 110 m; a sector spans kilometres), stored
// against their district's centre. The sector code is its district plus one digit, nearly always.
std::int64_t e3(double v) {
    return std::llround(v * 1e3);
}
// The district centre as a reader of the file sees it (1e-4 precision), in 1e-3 units.
std::int64_t district_e3(double v) {
    return e3(from_e4(e4(v)));
}

// Shares as the geography holds them, for every district that has any, in district-code order.
std::vector<std::pair<std::string, std::vector<CouncilShare>>> council_table(const Geography& g) {
    std::vector<std::pair<std::string, std::vector<CouncilShare>>> out;
    for (const auto& d : g.districts())
        if (const auto* s = g.councils(d.code); s && !s->empty()) out.emplace_back(d.code, *s);
    return out;
}

// Flags byte of a provider.
constexpr std::uint8_t kRatingInData = 1u << 3;
constexpr std::uint8_t kKeyQuestions = 1u << 4;

std::uint64_t pack_kq(const KeyQuestionRatings& k) {
    auto v = [](Rating r) { return static_cast<std::uint64_t>(r) & 7; };
    return v(k.safe) | v(k.effective) << 3 | v(k.caring) << 6 | v(k.responsive) << 9 | v(k.well_led) << 12;
}

Rating rating_of(std::uint64_t v) {
    return v <= 4 ? static_cast<Rating>(v) : Rating::NotRated;
}

KeyQuestionRatings unpack_kq(std::uint64_t v, ByteReader& r) {
    if (v >= (1u << 15)) r.fail();
    for (int i = 0; i < 5; ++i)
        if (((v >> (3 * i)) & 7) > 4) r.fail();
    return {rating_of(v & 7), rating_of((v >> 3) & 7), rating_of((v >> 6) & 7), rating_of((v >> 9) & 7),
            rating_of((v >> 12) & 7)};
}

// The point an agency's position is stored against: the centre of its postcode sector, else of its
// district (both are in the bundle), else 0. Most agencies are then a byte or two away from it.
PointE4 reference_point(const Points& points, const std::string& postcode) {
    const auto sp = postcode.find(' ');
    if (sp != std::string::npos && sp + 1 < postcode.size())
        if (const auto it = points.find(postcode.substr(0, sp + 2)); it != points.end()) return it->second;
    const auto it = points.find(outward_code(postcode));
    return it == points.end() ? PointE4{} : it->second;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

Points points_of(const Geography& g) {
    Points points;
    points.reserve(g.districts().size() + g.sectors().size());
    for (const auto& d : g.districts())
        points[d.code] = {e4(d.centre.lat), e4(d.centre.lng)};
    for (const auto& s : g.sectors())
        points[s.code] = {e3(s.centre.lat) * 10, e3(s.centre.lng) * 10}; // as read back
    return points;
}

} // namespace

// ---- geography -------------------------------------------------------------------------------------

std::string write_districts(const Geography& g) {
    ByteWriter w;
    const auto& d = g.districts();
    w.varint(d.size());
    for (const auto& x : d)
        w.str(x.code);
    std::int64_t prev = 0;
    for (const auto& x : d) {
        w.zigzag(e4(x.centre.lat) - prev);
        prev = e4(x.centre.lat);
    }
    prev = 0;
    for (const auto& x : d) {
        w.zigzag(e4(x.centre.lng) - prev);
        prev = e4(x.centre.lng);
    }
    for (const auto& x : d)
        w.varint(static_cast<std::uint64_t>(std::max(x.postcodes, 0)));
    return w.bytes();
}

Expected<DistrictSection> read_districts(std::string_view body) {
    ByteReader r(body);
    DistrictSection out;
    out.points.reserve(32768);
    const std::size_t n = r.count(4);
    out.districts.resize(n);
    for (auto& x : out.districts) {
        x.code = r.str();
        x.area = std::string(postcode_area(x.code));
    }
    std::int64_t lat = 0, lng = 0;
    std::vector<PointE4> c(n);
    for (std::size_t i = 0; i < n; ++i)
        c[i].lat = lat += r.zigzag();
    for (std::size_t i = 0; i < n; ++i)
        c[i].lng = lng += r.zigzag();
    for (std::size_t i = 0; i < n; ++i) {
        auto& x = out.districts[i];
        x.postcodes = static_cast<int>(std::min<std::uint64_t>(r.varint(), 10000000));
        x.centre = {from_e4(c[i].lat), from_e4(c[i].lng)};
        // The writer sorts districts by code: anything else (or a repeat) is damage.
        if (x.code.empty() || (i > 0 && !(out.districts[i - 1].code < x.code)) ||
            std::abs(c[i].lat) > kMaxLatE4 || std::abs(c[i].lng) > kMaxLngE4)
            r.fail();
        if (r.ok()) out.points[x.code] = c[i];
    }
    return checked(r, std::move(out), "districts");
}

std::string write_sectors(const Geography& g) {
    std::unordered_map<std::string, std::size_t> di;
    for (std::size_t i = 0; i < g.districts().size(); ++i)
        di[g.districts()[i].code] = i;
    ByteWriter w;
    const auto& s = g.sectors();
    w.varint(s.size());
    std::size_t prev = 0;
    for (const auto& x : s) {
        const std::size_t i = di.at(x.district);
        w.varint(i - prev);
        prev = i;
    }
    for (const auto& x : s) {
        const std::string_view suffix = std::string_view(x.code).substr(x.district.size() + 1);
        if (suffix.size() == 1 && suffix[0] >= '0' && suffix[0] <= '9') {
            w.varint(static_cast<std::uint64_t>(suffix[0] - '0') + 1);
        } else {
            w.varint(0);
            w.str(suffix);
        }
    }
    for (const auto& x : s)
        w.zigzag(e3(x.centre.lat) - district_e3(g.districts()[di.at(x.district)].centre.lat));
    for (const auto& x : s)
        w.zigzag(e3(x.centre.lng) - district_e3(g.districts()[di.at(x.district)].centre.lng));
    for (const auto& x : s)
        w.varint(static_cast<std::uint64_t>(std::max(x.postcodes, 0)));
    return w.bytes();
}

Expected<SectorSection> read_sectors(std::string_view body, const std::vector<District>& districts) {
    ByteReader r(body);
    SectorSection section;
    std::vector<Sector>* out = &section.sectors;
    const std::size_t n = r.count(5);
    out->resize(n);
    std::uint64_t di = 0;
    std::vector<std::size_t> idx(n);
    for (std::size_t i = 0; i < n; ++i) {
        di += r.varint();
        if (di >= districts.size()) {
            r.fail();
            break;
        }
        idx[i] = static_cast<std::size_t>(di);
        (*out)[i].district = districts[idx[i]].code;
    }
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        const std::uint64_t d = r.varint();
        if (d > 10) r.fail();
        (*out)[i].code =
            (*out)[i].district + " " + (d > 0 ? std::string(1, static_cast<char>('0' + d - 1)) : r.str());
        // Sorted by district, then code, with no repeats, as the writer makes them.
        if (i > 0 && idx[i] == idx[i - 1] && !((*out)[i - 1].code < (*out)[i].code)) r.fail();
    }
    std::vector<std::int64_t> lat(n), lng(n);
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        lat[i] = r.zigzag();
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        lng[i] = r.zigzag();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        auto& x = (*out)[i];
        x.postcodes = static_cast<int>(std::min<std::uint64_t>(r.varint(), 10000000));
        const District& d = districts[idx[i]];
        const std::int64_t la = district_e3(d.centre.lat) + lat[i], ln = district_e3(d.centre.lng) + lng[i];
        if (std::abs(la) > kMaxLatE4 / 10 || std::abs(ln) > kMaxLngE4 / 10) r.fail();
        x.centre = {static_cast<double>(la) / 1e3, static_cast<double>(ln) / 1e3};
        section.points[x.code] = {la * 10, ln * 10};
    }
    return checked(r, std::move(section), "sectors");
}

// District -> shares, with the councils table. Districts are referred to by their index in the district
// table (delta-coded; 0 means "not in the table", then the code follows). Shares are in 1/10000ths, the
// lookup's precision.
std::string write_councils(const Bundle& b) {
    const auto shares = council_table(b.geography);
    ByteWriter w;
    std::unordered_map<std::string, std::size_t> li, di;
    for (std::size_t i = 0; i < b.geography.districts().size(); ++i)
        di[b.geography.districts()[i].code] = i;
    w.varint(b.lads.size());
    for (std::size_t i = 0; i < b.lads.size(); ++i) {
        const auto& l = b.lads[i];
        li[l.code] = i;
        w.str(l.code);
        w.str(l.name);
        w.str(l.upper_tier_code);
        w.str(l.upper_tier_name);
        w.str(l.tier);
    }
    w.varint(shares.size());
    std::size_t prev = 0;
    for (const auto& [district, list] : shares) {
        if (const auto it = di.find(district); it != di.end() && it->second >= prev) {
            w.varint(it->second - prev + 1);
            prev = it->second;
        } else {
            w.varint(0);
            w.str(district);
        }
        w.varint(list.size());
        for (const auto& s : list) {
            w.varint(li.at(s.lad_code));
            w.varint(static_cast<std::uint64_t>(std::llround(std::clamp(s.share, 0.0, 1.0) * 1e4)));
        }
    }
    return w.bytes();
}

Expected<CouncilSection> read_councils(std::string_view body, const std::vector<District>& districts) {
    ByteReader r(body);
    CouncilSection out;
    std::vector<LadInfo>* lads = &out.lads;
    const std::size_t n = r.count(5);
    lads->resize(n);
    std::set<std::string> seen;
    for (auto& l : *lads) {
        l.code = r.str();
        if (!seen.insert(l.code).second) r.fail();
        l.name = r.str();
        l.upper_tier_code = r.str();
        l.upper_tier_name = r.str();
        l.tier = r.str();
    }
    const std::size_t m = r.count(2);
    std::uint64_t prev = 0;
    for (std::size_t i = 0; i < m && r.ok(); ++i) {
        std::string district;
        if (const std::uint64_t d = r.varint(); d > 0) {
            prev += d - 1;
            if (prev >= districts.size()) {
                r.fail();
                break;
            }
            district = districts[static_cast<std::size_t>(prev)].code;
        } else {
            district = r.str();
        }
        const std::size_t k = r.count(2);
        std::vector<CouncilShare> list;
        for (std::size_t j = 0; j < k && r.ok(); ++j) {
            const LadInfo& l = (*lads)[r.index(n)];
            const std::uint64_t share = r.varint();
            if (share > 10000) r.fail();
            list.push_back(
                {l.code, l.name, l.upper_tier_code, l.upper_tier_name, static_cast<double>(share) / 1e4});
        }
        if (r.ok()) out.shares.emplace_back(std::move(district), std::move(list));
    }
    return checked(r, std::move(out), "councils");
}

// Agencies, column by column. Names are front-coded (sorted names share their start with the one
// before), provider names against the agency's own name ("Alpha Care" / "Alpha Care Ltd").
std::string write_providers(const Bundle& b) {
    const auto points = points_of(b.geography);
    const auto& ps = b.providers;
    StringTable la, region, brand, rating_text, edition;
    std::vector<std::size_t> ila, iregion, ibrand, irt, ied;
    for (const auto& p : ps) {
        ila.push_back(la.index(p.local_authority));
        iregion.push_back(region.index(p.region));
        ibrand.push_back(brand.index(p.brand));
        irt.push_back(rating_text.index(p.rating_text));
        ied.push_back(edition.index(p.source + '\n' + p.data_date));
    }
    ByteWriter w;
    w.varint(ps.size());
    la.write(w);
    region.write(w);
    brand.write(w);
    rating_text.write(w);
    edition.write(w);
    for (const auto& p : ps)
        w.str(p.location_id);
    std::string_view prev;
    for (const auto& p : ps) {
        const std::size_t k = common_prefix(prev, p.name);
        w.varint(k);
        w.str(std::string_view(p.name).substr(k));
        prev = p.name;
    }
    for (const auto& p : ps) {
        const std::size_t k = common_prefix(p.name, p.provider_name);
        w.varint(k);
        w.str(std::string_view(p.provider_name).substr(k));
    }
    for (const auto& p : ps)
        w.str(p.postcode);
    for (const auto& p : ps) {
        std::uint8_t f = static_cast<std::uint8_t>(static_cast<std::uint8_t>(p.overall) & 7);
        if (p.rating_in_data) f |= kRatingInData;
        if (p.key_questions_in_data) f |= kKeyQuestions;
        f = static_cast<std::uint8_t>(f | ((static_cast<std::uint8_t>(p.precision) & 3) << 5));
        w.u8(f);
    }
    for (const auto& p : ps)
        if (p.key_questions_in_data) w.varint(pack_kq(p.key_questions));
    for (std::size_t i = 0; i < ps.size(); ++i)
        w.varint(irt[i]);
    for (const auto& p : ps)
        w.varint(encode_date(p.rating_date));
    for (const auto& p : ps)
        w.varint(p.needs);
    for (const auto& p : ps)
        w.varint(p.service_types);
    for (auto v : ila)
        w.varint(v);
    for (auto v : iregion)
        w.varint(v);
    for (auto v : ibrand)
        w.varint(v);
    for (auto v : ied)
        w.varint(v);
    std::vector<PointE4> refs(ps.size());
    for (std::size_t i = 0; i < ps.size(); ++i)
        if (ps[i].precision != GeoPrecision::None) refs[i] = reference_point(points, ps[i].postcode);
    for (std::size_t i = 0; i < ps.size(); ++i)
        if (ps[i].precision != GeoPrecision::None) w.zigzag(e4(ps[i].location.lat) - refs[i].lat);
    for (std::size_t i = 0; i < ps.size(); ++i)
        if (ps[i].precision != GeoPrecision::None) w.zigzag(e4(ps[i].location.lng) - refs[i].lng);
    return w.bytes();
}

Expected<std::vector<Provider>> read_providers(std::string_view body, const Points& points) {
    ByteReader r(body);
    const std::size_t n = r.count(12);
    const auto la = read_string_table(r), region = read_string_table(r), brand = read_string_table(r),
               rating_text = read_string_table(r), edition = read_string_table(r);
    if (!r.ok()) return damaged("providers");
    std::vector<Provider> ps(n);
    for (auto& p : ps)
        p.location_id = r.str();
    const std::string* prev = nullptr;
    for (auto& p : ps) {
        const std::uint64_t k = r.varint();
        if (k > (prev ? prev->size() : 0)) r.fail();
        if (!r.ok()) break;
        p.name = prev ? prev->substr(0, static_cast<std::size_t>(k)) : std::string();
        p.name += r.view();
        prev = &p.name;
    }
    for (auto& p : ps) {
        const std::uint64_t k = r.varint();
        if (k > p.name.size()) r.fail();
        if (!r.ok()) break;
        p.provider_name = p.name.substr(0, static_cast<std::size_t>(k));
        p.provider_name += r.view();
    }
    for (auto& p : ps)
        p.postcode = r.str();
    for (auto& p : ps) {
        const std::uint8_t f = r.u8();
        if ((f & 7) > 4 || (f & 0x80)) r.fail();
        p.overall = rating_of(f & 7);
        p.rating_in_data = f & kRatingInData;
        p.key_questions_in_data = f & kKeyQuestions;
        p.precision = static_cast<GeoPrecision>((f >> 5) & 3);
    }
    for (auto& p : ps)
        if (p.key_questions_in_data) p.key_questions = unpack_kq(r.varint(), r);
    for (auto& p : ps)
        p.rating_text = rating_text[r.index(rating_text.size())];
    for (auto& p : ps)
        p.rating_date = decode_date(r.varint());
    for (auto& p : ps)
        p.needs = static_cast<Needs>(r.varint() & ((1u << kNeedCount) - 1));
    for (auto& p : ps)
        p.service_types = static_cast<ServiceTypes>(r.varint() & ((1u << kServiceTypeCount) - 1));
    for (auto& p : ps)
        p.local_authority = la[r.index(la.size())];
    for (auto& p : ps)
        p.region = region[r.index(region.size())];
    for (auto& p : ps)
        p.brand = brand[r.index(brand.size())];
    for (auto& p : ps) {
        const std::string& e = edition[r.index(edition.size())];
        const auto nl = e.find('\n');
        p.source = e.substr(0, nl);
        p.data_date = nl == std::string::npos ? std::string() : e.substr(nl + 1);
    }
    // One look-up per agency for the point its position is stored against.
    std::vector<PointE4> refs(n);
    for (std::size_t i = 0; i < n; ++i)
        if (ps[i].precision != GeoPrecision::None) refs[i] = reference_point(points, ps[i].postcode);
    for (std::size_t i = 0; i < n; ++i)
        if (ps[i].precision != GeoPrecision::None) ps[i].location.lat = from_e4(refs[i].lat + r.zigzag());
    for (std::size_t i = 0; i < n; ++i)
        if (ps[i].precision != GeoPrecision::None) ps[i].location.lng = from_e4(refs[i].lng + r.zigzag());
    for (auto& p : ps) {
        p.cqc_url = "https://www.cqc.org.uk/location/" + p.location_id;
        p.details_loaded = false;
        if (p.location_id.empty() || std::abs(p.location.lat) > 90 || std::abs(p.location.lng) > 180)
            r.fail();
    }
    return checked(r, std::move(ps), "providers");
}

std::string write_details(const Bundle& b, std::string_view area) {
    std::vector<const Provider*> ps;
    for (const auto& p : b.providers)
        if (details_area(p) == area) ps.push_back(&p);
    StringTable ownership, terms;
    ByteWriter w;
    w.varint(ps.size());
    std::vector<std::size_t> io;
    std::vector<std::vector<std::size_t>> it;
    for (const Provider* p : ps) {
        io.push_back(ownership.index(p->ownership));
        it.emplace_back();
        for (const auto& s : p->specialisms)
            it.back().push_back(terms.index(s));
    }
    ownership.write(w);
    terms.write(w);
    for (const Provider* p : ps)
        w.str(p->location_id);
    for (const Provider* p : ps)
        w.str(p->provider_id);
    for (const Provider* p : ps)
        w.str(p->address);
    for (const Provider* p : ps)
        w.str(p->phone);
    for (const Provider* p : ps)
        w.str(p->website);
    for (const Provider* p : ps)
        w.str(p->cqc_url == "https://www.cqc.org.uk/location/" + p->location_id ? std::string_view()
                                                                                : p->cqc_url);
    for (auto v : io)
        w.varint(v);
    for (const Provider* p : ps)
        w.varint(encode_date(p->registered_date));
    for (const auto& list : it) {
        w.varint(list.size());
        for (auto v : list)
            w.varint(v);
    }
    return w.bytes();
}

Expected<std::vector<ProviderDetails>> read_details(std::string_view body) {
    ByteReader r(body);
    const std::size_t n = r.count(8);
    const auto ownership = read_string_table(r), terms = read_string_table(r);
    if (!r.ok()) return damaged("details");
    std::vector<ProviderDetails> d(n);
    for (auto& x : d)
        x.id = r.str();
    for (auto& x : d)
        x.provider_id = r.str();
    for (auto& x : d)
        x.address = r.str();
    for (auto& x : d)
        x.phone = r.str();
    for (auto& x : d)
        x.website = r.str();
    for (auto& x : d)
        x.url = r.str();
    for (auto& x : d)
        x.ownership = ownership[r.index(ownership.size())];
    for (auto& x : d)
        x.registered = decode_date(r.varint());
    for (auto& x : d) {
        const std::size_t k = r.count(1);
        for (std::size_t j = 0; j < k && r.ok(); ++j)
            x.specialisms.push_back(terms[r.index(terms.size())]);
    }
    return checked(r, std::move(d), "details");
}

// ---- council profiles and inspection dates ------------------------------------------------------------

std::string write_profiles(const std::vector<CouncilProfileText>& profiles) {
    ByteWriter w;
    w.varint(profiles.size());
    for (const auto& p : profiles) {
        w.str(p.file);
        w.str(p.json);
    }
    return w.bytes();
}

Expected<std::vector<CouncilProfileText>> read_profiles(std::string_view body) {
    ByteReader r(body);
    std::vector<CouncilProfileText> out;
    const std::size_t n = r.count(2);
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        CouncilProfileText t;
        t.file = r.str();
        t.json = r.str();
        out.push_back(std::move(t));
    }
    return checked(r, std::move(out), "council profiles");
}

std::string write_inspected(const std::vector<Provider>& providers) {
    ByteWriter w;
    for (const auto& p : providers)
        w.varint(encode_date(p.last_inspected));
    return w.bytes();
}

Expected<std::vector<std::string>> read_inspected(std::string_view body, std::size_t providers) {
    ByteReader r(body);
    std::vector<std::string> dates(providers);
    for (auto& d : dates)
        d = decode_date(r.varint());
    return checked(r, std::move(dates), "inspection dates");
}

} // namespace hcf::core::sections
