// homecare-finder core: bundle/details binary format, manifest, reference data and the dataset compiler.
// Depends on: core/bundle.h, core/csv.h, core/sha256.h, core/cqc_import.h, core/geography.h,
//             core/cost_reference.h, nlohmann/json, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/bundle.h"

#include "core/csv.h"
#include "core/postcode.h"
#include "core/sha256.h"
#include "core/text_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>

namespace hcf::core {
namespace {

using nlohmann::json;

constexpr std::string_view kMagic = "HCFD";
constexpr std::uint8_t kFormatVersion = 1;
constexpr std::uint8_t kKindBundle = 1;
constexpr std::uint8_t kKindDetails = 2;
constexpr std::size_t kHeaderSize = 12; // magic, version, kind, 2 reserved, u32 payload length
constexpr std::size_t kDigestSize = 32;

enum Tag : std::uint8_t {
    TagMeta = 1,
    TagDistricts = 2,
    TagSectors = 3,
    TagCouncils = 4,
    TagCosts = 5,
    TagProfiles = 6,
    TagProviders = 7,
    TagDetails = 8,
    // Added after the first release; a bundle without them still loads (the fields stay empty).
    TagContacts = 9,   // council contacts, compact CSV (core/council_contacts.h)
    TagInspected = 10, // providers' last inspection dates, in provider order
};

std::string damaged(std::string_view file) {
    return "The care information file is damaged (" + std::string(file) +
           "). Reload the page; if it keeps happening, tell the website owner.";
}

// ---- byte writer / reader ------------------------------------------------------------------------

class Writer {
  public:
    void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            u8(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        u8(static_cast<std::uint8_t>(v));
    }
    void zigzag(std::int64_t v) {
        varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }
    void str(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    void section(std::uint8_t tag, const std::string& body) {
        varint(tag);
        str(body);
    }
    std::string& bytes() { return out_; }

  private:
    std::string out_;
};

// Every read is bounds-checked; the first failure sticks and later reads return zero values.
class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}
    bool ok() const { return ok_; }
    bool at_end() const { return pos_ >= data_.size(); }
    std::size_t left() const { return data_.size() - pos_; }
    void fail() { ok_ = false; }
    std::uint8_t u8() {
        if (!ok_ || pos_ >= data_.size()) return fail(), 0;
        return static_cast<std::uint8_t>(data_[pos_++]);
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const std::uint8_t b = u8();
            if (!ok_) return 0;
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        fail();
        return 0;
    }
    std::int64_t zigzag() {
        const std::uint64_t u = varint();
        return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
    }
    std::string_view view() {
        const std::uint64_t n = varint();
        if (!ok_ || n > left()) return fail(), std::string_view{};
        const std::string_view s = data_.substr(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return s;
    }
    std::string str() { return std::string(view()); }
    // A count of items each taking at least min_bytes: refuses counts the remaining bytes cannot hold,
    // so a corrupt count never causes a huge allocation.
    std::size_t count(std::size_t min_bytes = 1) {
        const std::uint64_t n = varint();
        if (!ok_ || n > left() / std::max<std::size_t>(min_bytes, 1)) return fail(), 0;
        return static_cast<std::size_t>(n);
    }
    // An index into a table of size n.
    std::size_t index(std::size_t n) {
        const std::uint64_t i = varint();
        if (!ok_ || i >= n) return fail(), 0;
        return static_cast<std::size_t>(i);
    }

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

std::string container(std::uint8_t kind, const std::string& payload) {
    std::string out(kMagic);
    out += static_cast<char>(kFormatVersion);
    out += static_cast<char>(kind);
    out += '\0';
    out += '\0';
    const auto n = static_cast<std::uint32_t>(payload.size());
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((n >> (8 * i)) & 0xFF);
    out += payload;
    const Sha256Digest d = sha256(out);
    out.append(reinterpret_cast<const char*>(d.data()), d.size());
    return out;
}

// Opens a container: checks magic, version, kind, length and (optionally) the checksum.
// Returns the payload, or sets *detail and returns nullopt-like empty with ok=false.
bool open_container(std::string_view bytes, std::uint8_t kind, bool verify, std::string_view* payload,
                    std::string* detail) {
    if (bytes.size() < kHeaderSize + kDigestSize || bytes.substr(0, 4) != kMagic) {
        *detail = "not an HCFD file or too short";
        return false;
    }
    if (static_cast<std::uint8_t>(bytes[4]) != kFormatVersion) {
        *detail = "format version " + std::to_string(static_cast<int>(static_cast<std::uint8_t>(bytes[4])));
        return false;
    }
    if (static_cast<std::uint8_t>(bytes[5]) != kind) {
        *detail = "wrong kind of file";
        return false;
    }
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i)
        n |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[8 + i])) << (8 * i);
    if (static_cast<std::uint64_t>(n) + kHeaderSize + kDigestSize != bytes.size()) {
        *detail = "length does not match (cut short or extended)";
        return false;
    }
    if (verify) {
        const Sha256Digest d = sha256(bytes.substr(0, kHeaderSize + n));
        if (std::string_view(reinterpret_cast<const char*>(d.data()), d.size()) !=
            bytes.substr(kHeaderSize + n)) {
            *detail = "checksum does not match";
            return false;
        }
    }
    *payload = bytes.substr(kHeaderSize, n);
    return true;
}

bool read_sections(std::string_view payload, std::map<std::uint64_t, std::string_view>* out,
                   std::string* detail) {
    Reader r(payload);
    while (r.ok() && !r.at_end()) {
        const std::uint64_t tag = r.varint();
        const std::string_view body = r.view();
        if (!r.ok()) break;
        if (!out->emplace(tag, body).second) {
            *detail = "section " + std::to_string(tag) + " twice";
            return false;
        }
    }
    if (!r.ok()) *detail = "section table cut short";
    return r.ok();
}

// ---- small helpers --------------------------------------------------------------------------------

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

// Days since 1970-01-01 (proleptic Gregorian), for ISO dates; the inverse below.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2)), m, d);
    return buf;
}

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
    std::string d = civil_from_days(static_cast<std::int64_t>(v) - 1 - 100000);
    return encode_date(d) == v ? d : std::string(); // only dates the writer can write
}

std::string outward_of(std::string_view postcode) {
    const auto sp = postcode.find(' ');
    return std::string(sp == std::string_view::npos ? postcode : postcode.substr(0, sp));
}

std::string area_of(std::string_view code) {
    std::size_t n = 0;
    while (n < code.size() && code[n] >= 'A' && code[n] <= 'Z')
        ++n;
    return std::string(code.substr(0, n));
}

// Builds a string table in first-seen order with "" at index 0.
class Dict {
  public:
    Dict() { index(""); }
    std::size_t index(const std::string& s) {
        const auto [it, fresh] = map_.try_emplace(s, list_.size());
        if (fresh) list_.push_back(s);
        return it->second;
    }
    void write(Writer& w) const {
        w.varint(list_.size());
        for (const auto& s : list_)
            w.str(s);
    }

  private:
    std::unordered_map<std::string, std::size_t> map_;
    std::vector<std::string> list_;
};

std::vector<std::string> read_dict(Reader& r) {
    const std::size_t n = r.count();
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        out.push_back(r.str());
    if (out.empty()) r.fail(); // index 0 ("") is always present
    return out;
}

// ---- JSON (never throwing) --------------------------------------------------------------------------

std::string jstr(const json& j, const char* key) {
    if (!j.is_object()) return {};
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int jint(const json& j, const char* key) {
    if (!j.is_object()) return 0;
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}
bool jbool(const json& j, const char* key) {
    if (!j.is_object()) return false;
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}
std::vector<std::string> jstrings(const json& j, const char* key) {
    std::vector<std::string> out;
    if (!j.is_object()) return out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

json source_to_json(const SourceInfo& s) {
    return json{{"id", s.id},
                {"title", s.title},
                {"publisher", s.publisher},
                {"edition", s.edition},
                {"licence", s.licence},
                {"licence_url", s.licence_url},
                {"attribution", s.attribution},
                {"origin", s.origin},
                {"note", s.note},
                {"files", s.files},
                {"coverage_words", s.coverage_words},
                {"edition_words", s.edition_words}};
}

SourceInfo source_from_json(const json& j) {
    SourceInfo s;
    s.id = jstr(j, "id");
    s.title = jstr(j, "title");
    s.publisher = jstr(j, "publisher");
    s.edition = jstr(j, "edition");
    s.licence = jstr(j, "licence");
    s.licence_url = jstr(j, "licence_url");
    s.attribution = jstr(j, "attribution");
    s.origin = jstr(j, "origin");
    s.note = jstr(j, "note");
    s.files = jstrings(j, "files");
    s.coverage_words = jstr(j, "coverage_words");
    s.edition_words = jstr(j, "edition_words");
    return s;
}

json info_to_json(const DatasetInfo& i) {
    json sources = json::array();
    for (const auto& s : i.sources)
        sources.push_back(source_to_json(s));
    json coverage = json::array();
    for (const auto& c : i.coverage)
        coverage.push_back({{"code", c.code},
                            {"name", c.name},
                            {"agencies", c.agencies},
                            {"complete", c.complete},
                            {"source", c.source}});
    return json{{"dataset_version", i.dataset_version},
                {"cqc_edition", i.cqc_edition},
                {"sources", sources},
                {"attributions", i.attributions},
                {"covers_all_england", i.covers_all_england},
                {"coverage_summary", i.coverage_summary},
                {"coverage", coverage},
                {"agencies", i.agencies},
                {"placed", i.placed},
                {"unit_areas", i.unit_areas},
                {"detail_areas", i.detail_areas}};
}

DatasetInfo info_from_json(const json& j) {
    DatasetInfo i;
    i.dataset_version = jstr(j, "dataset_version");
    i.cqc_edition = jstr(j, "cqc_edition");
    if (j.contains("sources") && j["sources"].is_array())
        for (const auto& s : j["sources"])
            i.sources.push_back(source_from_json(s));
    i.attributions = jstrings(j, "attributions");
    i.covers_all_england = jbool(j, "covers_all_england");
    i.coverage_summary = jstr(j, "coverage_summary");
    if (j.contains("coverage") && j["coverage"].is_array())
        for (const auto& c : j["coverage"])
            i.coverage.push_back({jstr(c, "code"), jstr(c, "name"), jint(c, "agencies"), jbool(c, "complete"),
                                  jstr(c, "source")});
    i.agencies = jint(j, "agencies");
    i.placed = jint(j, "placed");
    i.unit_areas = jstrings(j, "unit_areas");
    i.detail_areas = jstrings(j, "detail_areas");
    return i;
}

// ---- sections ------------------------------------------------------------------------------------------

std::string write_districts(const Geography& g) {
    Writer w;
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

struct PointE4 {
    std::int64_t lat = 0;
    std::int64_t lng = 0;
};

bool read_districts(std::string_view body, std::vector<District>* out,
                    std::unordered_map<std::string, PointE4>* points) {
    Reader r(body);
    const std::size_t n = r.count(4);
    out->resize(n);
    for (auto& x : *out) {
        x.code = r.str();
        x.area = area_of(x.code);
    }
    std::int64_t lat = 0, lng = 0;
    std::vector<PointE4> c(n);
    for (std::size_t i = 0; i < n; ++i)
        c[i].lat = lat += r.zigzag();
    for (std::size_t i = 0; i < n; ++i)
        c[i].lng = lng += r.zigzag();
    for (std::size_t i = 0; i < n; ++i) {
        auto& x = (*out)[i];
        x.postcodes = static_cast<int>(std::min<std::uint64_t>(r.varint(), 10000000));
        x.centre = {from_e4(c[i].lat), from_e4(c[i].lng)};
        // The writer sorts districts by code: anything else (or a repeat) is damage.
        if (x.code.empty() || (i > 0 && !((*out)[i - 1].code < x.code)) || std::abs(c[i].lat) > kMaxLatE4 ||
            std::abs(c[i].lng) > kMaxLngE4)
            r.fail();
        if (r.ok()) (*points)[x.code] = c[i];
    }
    return r.ok() && r.at_end();
}

// Sector centres are kept to 1/1000th of a degree (about 110 m; a sector spans kilometres), stored
// against their district's centre. The sector code is its district plus one digit, nearly always.
std::int64_t e3(double v) {
    return std::llround(v * 1e3);
}
// The district centre as a reader of the file sees it (1e-4 precision), in 1e-3 units.
std::int64_t district_e3(double v) {
    return e3(from_e4(e4(v)));
}

std::string write_sectors(const Geography& g) {
    std::unordered_map<std::string, std::size_t> di;
    for (std::size_t i = 0; i < g.districts().size(); ++i)
        di[g.districts()[i].code] = i;
    Writer w;
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

bool read_sectors(std::string_view body, const std::vector<District>& districts,
                  std::unordered_map<std::string, PointE4>* points, std::vector<Sector>* out) {
    Reader r(body);
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
        (*points)[x.code] = {la * 10, ln * 10};
    }
    return r.ok() && r.at_end();
}

// District -> shares, with the councils table. Districts are referred to by their index in the district
// table (delta-coded; 0 means "not in the table", then the code follows). Shares are in 1/10000ths, the
// lookup's precision.
std::string write_councils(const Bundle& b,
                           const std::vector<std::pair<std::string, std::vector<CouncilShare>>>& shares) {
    Writer w;
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

bool read_councils(std::string_view body, const std::vector<District>& districts, std::vector<LadInfo>* lads,
                   Geography* g) {
    Reader r(body);
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
        if (r.ok()) g->set_councils(std::move(district), std::move(list));
    }
    return r.ok() && r.at_end();
}

// Shares as the geography holds them, for every district that has any, in district-code order.
std::vector<std::pair<std::string, std::vector<CouncilShare>>>
council_table(const Geography& g, const std::vector<std::string>& districts) {
    std::vector<std::pair<std::string, std::vector<CouncilShare>>> out;
    for (const auto& d : districts)
        if (const auto& s = g.councils(d); !s.empty()) out.emplace_back(d, s);
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

KeyQuestionRatings unpack_kq(std::uint64_t v, Reader& r) {
    if (v >= (1u << 15)) r.fail();
    for (int i = 0; i < 5; ++i)
        if (((v >> (3 * i)) & 7) > 4) r.fail();
    return {rating_of(v & 7), rating_of((v >> 3) & 7), rating_of((v >> 6) & 7), rating_of((v >> 9) & 7),
            rating_of((v >> 12) & 7)};
}

// The point an agency's position is stored against: the centre of its postcode sector, else of its
// district (both are in the bundle), else 0. Most agencies are then a byte or two away from it.
PointE4 reference_point(const std::unordered_map<std::string, PointE4>& points, const std::string& postcode) {
    const auto sp = postcode.find(' ');
    if (sp != std::string::npos && sp + 1 < postcode.size())
        if (const auto it = points.find(postcode.substr(0, sp + 2)); it != points.end()) return it->second;
    const auto it = points.find(outward_of(postcode));
    return it == points.end() ? PointE4{} : it->second;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

std::unordered_map<std::string, PointE4> points_of(const Geography& g) {
    std::unordered_map<std::string, PointE4> points;
    points.reserve(g.districts().size() + g.sectors().size());
    for (const auto& d : g.districts())
        points[d.code] = {e4(d.centre.lat), e4(d.centre.lng)};
    for (const auto& s : g.sectors())
        points[s.code] = {e3(s.centre.lat) * 10, e3(s.centre.lng) * 10}; // as read back
    return points;
}

// Agencies, column by column. Names are front-coded (sorted names share their start with the one
// before), provider names against the agency's own name ("Alpha Care" / "Alpha Care Ltd").
std::string write_providers(const Bundle& b) {
    const auto points = points_of(b.geography);
    const auto& ps = b.providers;
    Dict la, region, brand, rating_text, edition;
    std::vector<std::size_t> ila, iregion, ibrand, irt, ied;
    for (const auto& p : ps) {
        ila.push_back(la.index(p.local_authority));
        iregion.push_back(region.index(p.region));
        ibrand.push_back(brand.index(p.brand));
        irt.push_back(rating_text.index(p.rating_text));
        ied.push_back(edition.index(p.source + '\n' + p.data_date));
    }
    Writer w;
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

bool read_providers(std::string_view body, const std::unordered_map<std::string, PointE4>& points,
                    std::vector<Provider>* out) {
    Reader r(body);
    const std::size_t n = r.count(12);
    const auto la = read_dict(r), region = read_dict(r), brand = read_dict(r), rating_text = read_dict(r),
               edition = read_dict(r);
    if (!r.ok()) return false;
    std::vector<Provider>& ps = *out;
    ps.assign(n, Provider{});
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
    return r.ok() && r.at_end();
}

std::string write_details(const Bundle& b, std::string_view area) {
    std::vector<const Provider*> ps;
    for (const auto& p : b.providers)
        if (details_area(p) == area) ps.push_back(&p);
    Dict ownership, terms;
    Writer w;
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

// ---- reference CSV parsing -------------------------------------------------------------------------------

bool to_double(const std::string& s, double* out) {
    if (s.empty()) return false;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

bool to_count(const std::string& s, int* out) {
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    *out = std::atoi(s.c_str());
    return true;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "Herefordshire, County of" / "Herefordshire" -> "herefordshire"; "Bath & North East Somerset" and
// "Bath and North East Somerset" match; "County Durham" -> "durham".
std::string council_key(std::string_view name) {
    std::string s = lower(name);
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

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

std::string kb(std::size_t bytes) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

// The coverage sentence, from what the sources declare: "This information includes every home care agency CQC
// lists in the 33 London boroughs (CQC register, first half of 2026) and in Birmingham and Solihull (CQC
// register, 1 September 2026). Elsewhere it includes only some agencies, so ..."
std::string coverage_sentence(const DatasetInfo& info, int partial) {
    if (info.covers_all_england)
        return "This information includes every home care agency CQC lists in England.";
    std::vector<std::string> parts;
    for (const SourceInfo& src : info.sources) {
        std::vector<std::string> names;
        for (const CouncilCoverage& c : info.coverage)
            if (c.complete && c.source == src.id) names.push_back(friendly_council_name(c.name));
        if (names.empty()) continue;
        std::sort(names.begin(), names.end());
        const std::string when = !src.edition_words.empty() ? src.edition_words : format_date(src.edition);
        parts.push_back((src.coverage_words.empty() ? join_names(names) : src.coverage_words) +
                        (when.empty() ? "" : " (CQC register, " + when + ")"));
    }
    // Councils declared complete by a source the list does not describe (a file given without a source).
    std::vector<std::string> others;
    for (const CouncilCoverage& c : info.coverage)
        if (c.complete && std::none_of(info.sources.begin(), info.sources.end(),
                                       [&](const SourceInfo& src) { return src.id == c.source; }))
            others.push_back(friendly_council_name(c.name));
    if (!others.empty()) parts.push_back(join_names(others));
    std::string out;
    if (parts.empty()) {
        out = "This information does not include every home care agency for any council area.";
    } else {
        out = "This information includes every home care agency CQC lists in ";
        for (std::size_t i = 0; i < parts.size(); ++i)
            out += (i == 0 ? "" : i + 1 == parts.size() ? " and in " : ", in ") + parts[i];
        out += ".";
    }
    if (partial > 0)
        out += parts.empty()
                   ? " For " + std::to_string(partial) + " council area" + (partial == 1 ? "" : "s") +
                         " it includes only some agencies, so an agency that is not shown may still "
                         "exist: check the CQC website."
                   : " Elsewhere it includes only some agencies, so an agency that is not shown may "
                     "still exist: check the CQC website.";
    return out;
}

} // namespace

SourceInfo parse_source_info(std::string_view json_object) {
    const json j = json::parse(json_object, nullptr, false);
    return j.is_object() ? source_from_json(j) : SourceInfo{};
}

// ---- public: names --------------------------------------------------------------------------------------

std::string details_area(const Provider& p) {
    const PostcodeParse pp = parse_postcode(p.postcode);
    return pp.ok && !pp.postcode.area.empty() ? pp.postcode.area : "none";
}

std::string details_file_name(std::string_view area) {
    return "details/" + std::string(area) + ".bin";
}

std::string unit_file_name(std::string_view area) {
    return "postcodes/" + std::string(area) + ".txt";
}

// ---- public: serialise ---------------------------------------------------------------------------------

std::string serialize_bundle(const Bundle& b) {
    std::vector<std::string> district_codes;
    for (const auto& d : b.geography.districts())
        district_codes.push_back(d.code);
    Writer w;
    w.section(TagMeta, info_to_json(b.info).dump());
    w.section(TagDistricts, write_districts(b.geography));
    w.section(TagSectors, write_sectors(b.geography));
    w.section(TagCouncils, write_councils(b, council_table(b.geography, district_codes)));
    w.section(TagCosts, b.cost_reference_csv);
    Writer profiles;
    profiles.varint(b.council_profiles.size());
    for (const auto& p : b.council_profiles) {
        profiles.str(p.file);
        profiles.str(p.json);
    }
    w.section(TagProfiles, profiles.bytes());
    w.section(TagProviders, write_providers(b));
    if (!b.contacts.empty()) w.section(TagContacts, write_council_contacts(b.contacts));
    Writer inspected;
    for (const auto& p : b.providers)
        inspected.varint(encode_date(p.last_inspected));
    w.section(TagInspected, inspected.bytes());
    return container(kKindBundle, w.bytes());
}

std::string serialize_details(const Bundle& b, std::string_view area) {
    Writer w;
    w.section(TagMeta, json{{"dataset_version", b.info.dataset_version}, {"area", std::string(area)}}.dump());
    w.section(TagDetails, write_details(b, area));
    return container(kKindDetails, w.bytes());
}

// ---- public: load ----------------------------------------------------------------------------------------

BundleLoad load_bundle(std::string_view bytes, BundleLoadOptions options) {
    BundleLoad out;
    auto fail = [&](const std::string& detail) {
        out = BundleLoad{};
        out.error = damaged("bundle.bin");
        out.error_detail = detail;
        return out;
    };
    try {
        std::string_view payload;
        std::string detail;
        if (!open_container(bytes, kKindBundle, options.verify_checksum, &payload, &detail))
            return fail(detail);
        std::map<std::uint64_t, std::string_view> sec;
        if (!read_sections(payload, &sec, &detail)) return fail(detail);
        for (const Tag t :
             {TagMeta, TagDistricts, TagSectors, TagCouncils, TagCosts, TagProfiles, TagProviders})
            if (!sec.count(t)) return fail("section " + std::to_string(static_cast<int>(t)) + " missing");
        Bundle& b = out.bundle;
        const json meta = json::parse(sec[TagMeta], nullptr, false);
        if (meta.is_discarded() || !meta.is_object()) return fail("information section is not JSON");
        b.info = info_from_json(meta);

        std::vector<District> districts;
        std::unordered_map<std::string, PointE4> points;
        points.reserve(32768);
        if (!read_districts(sec[TagDistricts], &districts, &points)) return fail("districts");
        std::vector<Sector> sectors;
        if (!read_sectors(sec[TagSectors], districts, &points, &sectors)) return fail("sectors");
        b.geography.set_districts(std::move(districts));
        b.geography.set_sectors(std::move(sectors));
        if (!read_councils(sec[TagCouncils], b.geography.districts(), &b.lads, &b.geography))
            return fail("councils");
        b.cost_reference_csv = std::string(sec[TagCosts]);
        if (!b.cost_reference_csv.empty()) {
            std::string error;
            b.costs = parse_cost_references(b.cost_reference_csv, &error);
            if (!error.empty()) return fail("cost references: " + error);
        }
        Reader pr(sec[TagProfiles]);
        const std::size_t np = pr.count(2);
        for (std::size_t i = 0; i < np && pr.ok(); ++i) {
            CouncilProfileText t;
            t.file = pr.str();
            t.json = pr.str();
            b.council_profiles.push_back(std::move(t));
        }
        if (!pr.ok() || !pr.at_end()) return fail("council profiles");
        if (!read_providers(sec[TagProviders], points, &b.providers)) return fail("providers");
        if (sec.count(TagContacts)) {
            CouncilContactsRead contacts = read_council_contacts(sec[TagContacts], "bundle.bin");
            if (!contacts.ok) return fail("council contacts: " + contacts.error);
            b.contacts = std::move(contacts.contacts);
        }
        if (sec.count(TagInspected)) {
            Reader ir(sec[TagInspected]);
            for (auto& p : b.providers)
                p.last_inspected = decode_date(ir.varint());
            if (!ir.ok() || !ir.at_end()) return fail("inspection dates");
        }
        out.ok = true;
        return out;
    } catch (const std::exception& e) {
        return fail(std::string("unexpected: ") + e.what());
    }
}

bool apply_details(Bundle& b, std::string_view bytes, std::string* message, BundleLoadOptions options) {
    std::string detail;
    std::string area = "?";
    auto fail = [&](const std::string& m) {
        if (message) *message = m;
        return false;
    };
    try {
        std::string_view payload;
        std::map<std::uint64_t, std::string_view> sec;
        if (!open_container(bytes, kKindDetails, options.verify_checksum, &payload, &detail) ||
            !read_sections(payload, &sec, &detail) || !sec.count(TagMeta) || !sec.count(TagDetails))
            return fail(damaged("details"));
        const json meta = json::parse(sec[TagMeta], nullptr, false);
        area = jstr(meta, "area");
        const std::string file = details_file_name(area);
        if (jstr(meta, "dataset_version") != b.info.dataset_version)
            return fail("The care details file (" + file +
                        ") is from a different version of the information. Reload the page.");
        Reader r(sec[TagDetails]);
        const std::size_t n = r.count(8);
        const auto ownership = read_dict(r), terms = read_dict(r);
        if (!r.ok()) return fail(damaged(file));
        struct D {
            std::string id, provider_id, address, phone, website, url, ownership, registered;
            std::vector<std::string> specialisms;
        };
        std::vector<D> d(n);
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
        if (!r.ok() || !r.at_end()) return fail(damaged(file));
        std::unordered_map<std::string, std::size_t> where;
        for (std::size_t i = 0; i < b.providers.size(); ++i)
            where[b.providers[i].location_id] = i;
        for (const auto& x : d)
            if (!where.count(x.id)) return fail(damaged(file));
        for (auto& x : d) {
            Provider& p = b.providers[where[x.id]];
            p.provider_id = std::move(x.provider_id);
            p.address = std::move(x.address);
            p.phone = std::move(x.phone);
            p.website = std::move(x.website);
            if (!x.url.empty()) p.cqc_url = std::move(x.url);
            p.ownership = std::move(x.ownership);
            p.registered_date = std::move(x.registered);
            p.specialisms = std::move(x.specialisms);
            p.details_loaded = true;
        }
        b.details_applied.insert(area);
        return true;
    } catch (const std::exception&) {
        return fail(damaged(details_file_name(area)));
    }
}

// ---- public: manifest ----------------------------------------------------------------------------------

bool parse_manifest(std::string_view json_text, Manifest* out, std::string* error) {
    *out = Manifest{};
    const json j = json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("files") || !j["files"].is_array()) {
        if (error) *error = damaged("manifest.json");
        return false;
    }
    out->dataset_version = jstr(j, "dataset_version");
    out->cqc_edition = jstr(j, "cqc_edition");
    for (const auto& f : j["files"]) {
        ManifestFile m;
        m.name = jstr(f, "name");
        m.sha256 = jstr(f, "sha256");
        m.kind = jstr(f, "kind");
        if (f.is_object() && f.contains("bytes") && f["bytes"].is_number_unsigned())
            m.bytes = f["bytes"].get<std::uint64_t>();
        if (m.name.empty() || m.sha256.size() != 64) {
            if (error) *error = damaged("manifest.json");
            *out = Manifest{};
            return false;
        }
        out->files.push_back(std::move(m));
    }
    return true;
}

const ManifestFile* find_manifest_file(const Manifest& m, std::string_view name) {
    for (const auto& f : m.files)
        if (f.name == name) return &f;
    return nullptr;
}

bool verify_file(const Manifest& m, std::string_view name, std::string_view bytes, std::string* message) {
    const ManifestFile* f = find_manifest_file(m, name);
    if (!f) {
        if (message)
            *message =
                "The care information file " + std::string(name) +
                " is not part of this version of the information. Reload the page; if it keeps happening, "
                "tell the website owner.";
        return false;
    }
    if (bytes.size() != f->bytes || sha256_hex(bytes) != f->sha256) {
        if (message) *message = damaged(name);
        return false;
    }
    return true;
}

// ---- public: reference data ------------------------------------------------------------------------------

std::string upper_tier_for_name(const std::vector<LadInfo>& lads, std::string_view cqc_name) {
    const std::string k = council_key(cqc_name);
    if (k.empty()) return {};
    for (const auto& l : lads)
        if (council_key(l.upper_tier_name) == k) return l.upper_tier_code;
    for (const auto& l : lads)
        if (council_key(l.name) == k) return l.upper_tier_code;
    return {};
}

ReferenceBuild build_reference(const ReferenceInputs& in) {
    ReferenceBuild out;
    auto fail = [&](const std::string& m) {
        out = ReferenceBuild{};
        out.error = m;
        return out;
    };
    auto at = [](const char* file, int line) {
        return std::string(file) + ", line " + std::to_string(line) + ": ";
    };

    // Councils.
    const char* lt_name = "lad_to_upper_tier.csv";
    const CsvTableRead lt =
        read_csv_table(in.lad_to_upper_tier_csv, lt_name,
                       {{"lad_code"}, {"lad_name"}, {"upper_tier_code"}, {"upper_tier_name"}});
    if (!lt.ok) return fail(lt.error);
    std::vector<LadInfo> lads;
    std::unordered_map<std::string, std::size_t> lad_index;
    {
        const auto& c = lt.table.columns;
        const int code = c.find("lad_code"), name = c.find("lad_name"), utc = c.find("upper_tier_code"),
                  utn = c.find("upper_tier_name"), tier = c.find("tier");
        for (const auto& r : lt.table.rows) {
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
    const CsvTableRead dl =
        read_csv_table(in.district_to_lad_csv, dl_name, {{"district"}, {"lad_code"}, {"share"}, {"rank"}});
    if (!dl.ok) return fail(dl.error);
    struct ShareRow {
        int rank = 0;
        CouncilShare share;
    };
    std::map<std::string, std::vector<ShareRow>> shares;
    std::set<std::string> english_areas;
    {
        const auto& c = dl.table.columns;
        const int d = c.find("district"), code = c.find("lad_code"), name = c.find("lad_name"),
                  share = c.find("share"), rank = c.find("rank"), utc = c.find("upper_tier_code"),
                  utn = c.find("upper_tier_name");
        for (const auto& r : dl.table.rows) {
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
            if (s.share.lad_code[0] == 'E') english_areas.insert(area_of(district));
            shares[district].push_back(std::move(s));
        }
    }

    // Areas kept.
    std::set<std::string> keep(in.keep_areas.begin(), in.keep_areas.end());
    if (keep.empty()) keep = english_areas;

    // Districts.
    const char* dn = "postcode_districts.csv";
    const CsvTableRead dt = read_csv_table(in.districts_csv, dn, {{"district"}, {"area"}, {"lat"}, {"lng"}});
    if (!dt.ok) return fail(dt.error);
    std::vector<District> districts;
    std::set<std::string> all_areas;
    {
        const auto& c = dt.table.columns;
        const int d = c.find("district"), a = c.find("area"), la = c.find("lat"), ln = c.find("lng"),
                  np = c.find("n_postcodes");
        std::set<std::string> seen;
        for (const auto& r : dt.table.rows) {
            District x;
            x.code = csv_field(r, d);
            x.area = csv_field(r, a);
            if (x.code.empty() || x.area != area_of(x.code) || !to_double(csv_field(r, la), &x.centre.lat) ||
                !to_double(csv_field(r, ln), &x.centre.lng) || std::abs(x.centre.lat) > 90 ||
                std::abs(x.centre.lng) > 180)
                return fail(at(dn, r.line) + "the district, area, lat or lng is missing or wrong.");
            if (np >= 0 && !to_count(csv_field(r, np), &x.postcodes))
                return fail(at(dn, r.line) + "n_postcodes is not a whole number.");
            if (!seen.insert(x.code).second)
                return fail(at(dn, r.line) + "district " + x.code + " appears twice.");
            x.centre = {from_e4(e4(x.centre.lat)), from_e4(e4(x.centre.lng))}; // the bundle's precision
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
    const CsvTableRead st = read_csv_table(in.sectors_csv, sn, {{"sector"}, {"district"}, {"lat"}, {"lng"}});
    if (!st.ok) return fail(st.error);
    std::vector<Sector> sectors;
    {
        const auto& c = st.table.columns;
        const int s = c.find("sector"), d = c.find("district"), la = c.find("lat"), ln = c.find("lng"),
                  np = c.find("n_postcodes");
        for (const auto& r : st.table.rows) {
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
            if (!keep.count(area_of(x.district))) continue;
            x.centre = {static_cast<double>(e3(x.centre.lat)) / 1e3,
                        static_cast<double>(e3(x.centre.lng)) / 1e3};
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
        std::string error;
        b.costs = parse_cost_references(b.cost_reference_csv, &error);
        if (!error.empty()) return fail(error);
    }
    for (const auto& p : in.council_profiles) {
        const json j = json::parse(p.json, nullptr, false);
        if (j.is_discarded()) return fail(p.file + " is not valid JSON.");
    }
    if (!in.council_contacts_csv.empty()) {
        CouncilContactsRead contacts = read_council_contacts(in.council_contacts_csv, "council_contacts.csv");
        if (!contacts.ok) return fail(contacts.error);
        b.contacts = std::move(contacts.contacts);
    }
    b.council_profiles = in.council_profiles;
    std::sort(b.council_profiles.begin(), b.council_profiles.end(),
              [](const CouncilProfileText& x, const CouncilProfileText& y) { return x.file < y.file; });

    for (const auto& a : all_areas)
        (keep.count(a) ? out.kept_areas : out.dropped_areas).push_back(a);
    out.ok = true;
    return out;
}

// ---- public: compile -------------------------------------------------------------------------------------

CompileResult compile_dataset(CompileInputs inputs) {
    CompileResult out;
    auto fail = [&](const std::string& m) {
        out = CompileResult{};
        out.error = m;
        return out;
    };
    try {
        if (inputs.cqc.empty()) return fail("No CQC files were given.");
        Bundle b = std::move(inputs.reference);
        b.providers.clear();
        b.details_applied.clear();

        // Unit postcodes: only for areas whose districts the bundle holds.
        std::set<std::string> areas;
        for (const auto& d : b.geography.districts())
            areas.insert(d.area);
        std::vector<const UnitPackText*> packs;
        for (const auto& u : inputs.unit_packs) {
            if (!areas.count(u.area)) continue;
            std::string error;
            if (!b.geography.add_unit_pack(u.area, u.text, &error))
                return fail(unit_file_name(u.area) + ": " + error);
            packs.push_back(&u);
        }
        std::sort(packs.begin(), packs.end(),
                  [](const UnitPackText* x, const UnitPackText* y) { return x->area < y->area; });

        std::vector<CqcInput> files;
        for (const auto& s : inputs.cqc)
            files.push_back(s.input);
        CqcImport report = import_cqc(files, b.geography, inputs.columns);
        if (!report.ok) return fail(report.error);

        // Coverage per upper-tier council.
        std::map<std::string, std::string> ut_names; // code -> name (English upper tiers)
        for (const auto& l : b.lads)
            if (!l.upper_tier_code.empty() && l.upper_tier_code[0] == 'E')
                ut_names[l.upper_tier_code] = l.upper_tier_name;
        std::map<std::string, int> agencies;
        std::set<std::string> unmatched;
        std::unordered_map<std::string, std::string> name_cache;
        for (const auto& p : report.providers) {
            std::string code;
            if (!p.local_authority.empty()) {
                auto [it, fresh] = name_cache.try_emplace(p.local_authority);
                if (fresh) it->second = upper_tier_for_name(b.lads, p.local_authority);
                code = it->second;
                if (code.empty()) unmatched.insert(p.local_authority);
            }
            if (code.empty())
                if (const auto& s = b.geography.councils(outward_of(p.postcode)); !s.empty())
                    code = s.front().upper_tier_code;
            if (!code.empty()) ++agencies[code];
        }
        std::map<std::string, std::string> complete; // council code -> source id that declares it complete
        bool national = false;
        std::string national_source;
        for (const auto& s : inputs.cqc) {
            const std::string& source = s.input.source_id.empty() ? s.input.name : s.input.source_id;
            if (s.national && !national) national_source = source;
            national = national || s.national;
            for (const auto& name : s.complete_for) {
                const std::string code = upper_tier_for_name(b.lads, name);
                if (code.empty())
                    return fail(s.input.name + ": the council \"" + name +
                                "\" it is said to cover completely is not in the council lookup.");
                complete.try_emplace(code, source);
            }
        }
        if (national)
            for (const auto& [code, name] : ut_names)
                complete.try_emplace(code, national_source);

        DatasetInfo& info = b.info;
        info = DatasetInfo{};
        info.cqc_edition = report.newest_edition;
        info.sources = inputs.sources;
        // A CQC source given without an edition takes the newest edition read from its files.
        for (auto& src : info.sources) {
            if (!src.edition.empty()) continue;
            for (std::size_t i = 0; i < inputs.cqc.size() && i < report.files.size(); ++i)
                if (inputs.cqc[i].input.source_id == src.id)
                    src.edition = std::max(src.edition, report.files[i].edition);
        }
        for (const auto& s : info.sources)
            if (!s.attribution.empty() && std::find(info.attributions.begin(), info.attributions.end(),
                                                    s.attribution) == info.attributions.end())
                info.attributions.push_back(s.attribution);
        info.covers_all_england = national;
        int partial = 0;
        for (const auto& [code, name] : ut_names) {
            const int n = agencies.count(code) ? agencies[code] : 0;
            const auto full = complete.find(code);
            if (n == 0 && full == complete.end()) continue;
            info.coverage.push_back({code, name, n, full != complete.end(),
                                     full != complete.end() ? full->second : std::string()});
            if (full == complete.end()) ++partial;
        }
        std::sort(info.coverage.begin(), info.coverage.end(),
                  [](const CouncilCoverage& x, const CouncilCoverage& y) { return x.name < y.name; });
        info.coverage_summary = coverage_sentence(info, partial);
        info.agencies = static_cast<int>(report.providers.size());
        info.placed = info.agencies - report.by_precision[0];
        for (const auto* u : packs)
            info.unit_areas.push_back(u->area);
        std::set<std::string> detail_areas;
        for (const auto& p : report.providers)
            detail_areas.insert(details_area(p));
        info.detail_areas.assign(detail_areas.begin(), detail_areas.end());

        b.providers = report.providers;
        for (auto& p : b.providers)
            p.details_loaded = true;

        // Version: newest edition + hash of the content.
        const std::string draft = serialize_bundle(b);
        info.dataset_version = info.cqc_edition + "." + sha256_hex(draft).substr(0, 8);

        std::vector<OutputFile> files_out;
        files_out.push_back({"bundle.bin", serialize_bundle(b), "startup"});
        for (const auto& a : info.detail_areas)
            files_out.push_back({details_file_name(a), serialize_details(b, a), "details"});
        for (const auto* u : packs)
            files_out.push_back({unit_file_name(u->area), u->text, "postcodes"});

        // Manifest.
        json m;
        m["format"] = "homecare-finder dataset manifest";
        m["format_version"] = 1;
        m["dataset_version"] = info.dataset_version;
        m["cqc_edition"] = info.cqc_edition;
        json sources = json::array();
        for (const auto& s : info.sources)
            sources.push_back(source_to_json(s));
        m["sources"] = sources;
        m["attribution"] = info.attributions;
        json cqc_files = json::array();
        for (const auto& f : report.files)
            cqc_files.push_back({{"file", f.file},
                                 {"role", f.role},
                                 {"edition", f.edition},
                                 {"header_line", f.header_line},
                                 {"rows", f.rows},
                                 {"rows_used", f.rows_used},
                                 {"missing_optional_columns", f.missing_optional},
                                 {"converted_from_windows_1252", f.converted_from_cp1252}});
        m["cqc_files"] = cqc_files;
        json counts;
        counts["rows_in"] = report.rows_in;
        counts["rows_used"] = report.rows_used;
        counts["rows_excluded"] = report.excluded.size();
        counts["excluded_by_reason"] = report.excluded_by_reason;
        counts["agencies_out"] = report.providers.size();
        counts["dormant_agencies_dropped"] = report.dormant_dropped;
        counts["warnings_by_reason"] = report.warnings_by_reason;
        counts["placed_by"] = {{"unit_postcode", report.by_precision[3]},
                               {"postcode_sector", report.by_precision[2]},
                               {"postcode_district", report.by_precision[1]},
                               {"not_placed", report.by_precision[0]}};
        counts["wording_without_a_search_filter"] = report.unmapped_terms;
        m["counts"] = counts;
        // Every excluded row except the expected bulk (other services, dormant, superseded), which are
        // counted.
        json rows = json::array();
        std::size_t listed = 0, omitted = 0;
        for (const auto& e : report.excluded) {
            if (e.reason_key == "not_home_care" || e.reason_key == "dormant" || e.reason_key == "superseded")
                continue;
            if (listed >= 1000) {
                ++omitted;
                continue;
            }
            ++listed;
            rows.push_back({{"file", e.file},
                            {"line", e.line},
                            {"location_id", e.location_id},
                            {"reason_key", e.reason_key},
                            {"reason", e.reason}});
        }
        m["excluded_rows"] = rows;
        m["excluded_rows_not_listed"] = omitted;
        json coverage;
        coverage["covers_all_england"] = info.covers_all_england;
        coverage["summary"] = info.coverage_summary;
        json councils = json::array();
        for (const auto& c : info.coverage)
            councils.push_back({{"code", c.code},
                                {"name", c.name},
                                {"agencies", c.agencies},
                                {"complete", c.complete},
                                {"source", c.source}});
        coverage["councils"] = councils;
        json declared = json::array(); // which source declares which councils complete, with its date
        for (const auto& src : info.sources) {
            std::vector<std::string> names;
            for (const auto& c : info.coverage)
                if (c.complete && c.source == src.id) names.push_back(c.name);
            if (!names.empty())
                declared.push_back({{"source", src.id},
                                    {"edition", src.edition},
                                    {"edition_words", src.edition_words},
                                    {"councils", names}});
        }
        coverage["complete_by_source"] = declared;
        coverage["local_authority_names_not_matched"] =
            std::vector<std::string>(unmatched.begin(), unmatched.end());
        m["coverage"] = coverage;
        json areas_json;
        areas_json["unit_postcode_areas"] = info.unit_areas;
        areas_json["areas_left_out"] = inputs.dropped_areas;
        areas_json["note"] =
            "Unit postcodes, districts and sectors are kept for postcode areas with any part in an "
            "English council. Areas wholly in Scotland, Wales or Northern Ireland are left out: CQC "
            "covers England only.";
        m["postcodes"] = areas_json;
        json flist = json::array();
        std::sort(files_out.begin(), files_out.end(),
                  [](const OutputFile& x, const OutputFile& y) { return x.name < y.name; });
        for (const auto& f : files_out)
            flist.push_back({{"name", f.name},
                             {"bytes", f.bytes.size()},
                             {"sha256", sha256_hex(f.bytes)},
                             {"kind", f.kind}});
        m["files"] = flist;
        files_out.push_back({"manifest.json", m.dump(1) + "\n", "manifest"});

        // Summary for people.
        std::string s;
        s += "CQC edition " + info.cqc_edition + ", dataset version " + info.dataset_version + "\n";
        for (const auto& f : report.files)
            s += "  read " + f.file + " (" + f.role + ", edition " + f.edition +
                 "): " + std::to_string(f.rows) + " rows, " + std::to_string(f.rows_used) + " used\n";
        s += "Rows in: " + std::to_string(report.rows_in) + ", used: " + std::to_string(report.rows_used) +
             ", not used: " + std::to_string(report.excluded.size()) + "\n";
        for (const auto& [k, n] : report.excluded_by_reason)
            s += "  " + k + ": " + std::to_string(n) + "\n";
        s += "Dormant agencies dropped: " + std::to_string(report.dormant_dropped) + "\n";
        s += "Agencies out: " + std::to_string(report.providers.size()) + " (placed by full postcode " +
             std::to_string(report.by_precision[3]) + ", by sector " +
             std::to_string(report.by_precision[2]) + ", by district " +
             std::to_string(report.by_precision[1]) + ", not placed " +
             std::to_string(report.by_precision[0]) + ")\n";
        if (!report.warnings_by_reason.empty()) {
            s += "Warnings (rows used, worth checking):\n";
            for (const auto& [k, n] : report.warnings_by_reason)
                s += "  " + k + ": " + std::to_string(n) + "\n";
        }
        s += "Coverage: " + info.coverage_summary + "\n";
        if (!unmatched.empty()) {
            std::vector<std::string> u(unmatched.begin(), unmatched.end());
            s += "Local authority names not found in the council lookup: " + join_names(u) + "\n";
        }
        std::size_t details_bytes = 0, unit_bytes = 0, ndetails = 0;
        for (const auto& f : files_out) {
            if (f.kind == "details") details_bytes += f.bytes.size(), ++ndetails;
            if (f.kind == "postcodes") unit_bytes += f.bytes.size();
        }
        std::size_t bundle_bytes = 0;
        for (const auto& f : files_out)
            if (f.kind == "startup") bundle_bytes = f.bytes.size();
        s += "Files: bundle.bin " + kb(bundle_bytes) + ", " + std::to_string(ndetails) + " details files " +
             kb(details_bytes) + ", " + std::to_string(packs.size()) + " postcode files " + kb(unit_bytes) +
             "\n";

        out.ok = true;
        out.report = std::move(report);
        out.bundle = std::move(b);
        out.files = std::move(files_out);
        out.unmatched_local_authorities.assign(unmatched.begin(), unmatched.end());
        out.summary = std::move(s);
        return out;
    } catch (const std::exception& e) {
        return fail(std::string("The data could not be built: ") + e.what());
    }
}

} // namespace hcf::core
