// homecare-finder core: council profile loading and look-ups (see council_profile.h; schema in
// assets/councils/README.md).
// Depends on: nlohmann/json, core/text_format.h and the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/council_profile.h"

#include "core/text_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>

namespace hcf::core {

namespace {

using nlohmann::json;

// The largest hourly rate a profile may hold: £10,000 an hour is far beyond any real rate, so a bigger
// number is a typing mistake (a missing decimal point, or pence instead of pounds).
constexpr double kMaxHourlyPounds = 10000.0;
constexpr std::int64_t kMaxCount = 10'000'000; // agencies, lots, years: far above any real count

char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// ONS GSS code: a letter, then 8 digits ("E10000012", "W06000023").
bool is_ons_code(std::string_view s) {
    if (s.size() != 9 || s[0] < 'A' || s[0] > 'Z') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Outward code: 1-2 letters, a digit, then an optional digit or letter ("E4", "HR4", "CM77", "EC1A").
bool is_district(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z')
        ++i;
    if (i < 1 || i > 2 || i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    ++i;
    if (i == s.size()) return true;
    const char c = s[i];
    return i + 1 == s.size() && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
}

std::string normalise_district(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t') out += upper(c);
    return out;
}

// Reads fields with their path for error messages; keeps only the first error.
class Reader {
  public:
    std::string error;

    bool failed() const { return !error.empty(); }

    void fail(const std::string& path, const std::string& what) {
        if (error.empty()) error = "council profile: '" + path + "' " + what;
    }

    static std::string at(const std::string& prefix, std::string_view key) {
        return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
    }
    static std::string index(const std::string& prefix, std::size_t i) {
        return prefix + "[" + std::to_string(i) + "]";
    }

    // Checks that obj (at path) is an object with only the given keys.
    bool object(const json& obj, const std::string& path, std::initializer_list<std::string_view> keys) {
        if (failed()) return false;
        if (!obj.is_object()) {
            fail(path, "must be an object ({...})");
            return false;
        }
        for (const auto& item : obj.items()) {
            if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
                if (error.empty()) {
                    error = path.empty()
                                ? "council profile: unknown field '" + item.key() + "'"
                                : "council profile: '" + path + "' has an unknown field '" + item.key() + "'";
                    error += " (see assets/councils/README.md for the fields)";
                }
                return false;
            }
        }
        return true;
    }

    const json* field(const json& obj, const std::string& prefix, std::string_view key, bool required) {
        if (failed()) return nullptr;
        const auto it = obj.find(std::string(key));
        if (it == obj.end() || it->is_null()) {
            if (required) fail(at(prefix, key), "is missing");
            return nullptr;
        }
        return &*it;
    }

    std::string text(const json& obj, const std::string& prefix, std::string_view key, bool required) {
        const json* v = field(obj, prefix, key, required);
        if (v == nullptr) return "";
        if (!v->is_string()) {
            fail(at(prefix, key), "must be text (in double quotes)");
            return "";
        }
        std::string s = v->get<std::string>();
        if (required && s.empty()) fail(at(prefix, key), "must not be empty");
        return s;
    }

    std::string date(const json& obj, const std::string& prefix, std::string_view key, bool required) {
        std::string s = text(obj, prefix, key, required);
        if (!s.empty() && !is_profile_date(s))
            fail(at(prefix, key),
                 "must be a date like 2024-03-31, 2024-03 or 2024, or a financial year like 2024-25");
        return s;
    }

    int count(const json& obj, const std::string& prefix, std::string_view key) {
        const json* v = field(obj, prefix, key, false);
        if (v == nullptr) return 0;
        if (!v->is_number_integer()) {
            fail(at(prefix, key), "must be a whole number");
            return 0;
        }
        // is_number_integer covers unsigned too; compare as doubles so huge unsigned values are caught.
        const double d = v->get<double>();
        if (d < 0 || d > static_cast<double>(kMaxCount)) {
            fail(at(prefix, key), "must be a whole number from 0 to 10000000");
            return 0;
        }
        return static_cast<int>(v->get<std::int64_t>());
    }

    bool flag(const json& obj, const std::string& prefix, std::string_view key) {
        const json* v = field(obj, prefix, key, false);
        if (v == nullptr) return false;
        if (!v->is_boolean()) {
            fail(at(prefix, key), "must be true or false");
            return false;
        }
        return v->get<bool>();
    }

    // Pounds an hour as a JSON number, to pence.
    std::int64_t pounds(const json& obj, const std::string& prefix, std::string_view key, bool required) {
        const json* v = field(obj, prefix, key, required);
        if (v == nullptr) return 0;
        if (!v->is_number()) {
            fail(at(prefix, key), "must be a number");
            return 0;
        }
        const double d = v->get<double>();
        const auto pence = d >= 0.0 && d <= kMaxHourlyPounds ? pounds_to_pence(d) : std::nullopt;
        if (!pence) {
            fail(at(prefix, key), "must be an amount in pounds from 0 to 10000");
            return 0;
        }
        return *pence;
    }

    std::vector<std::string> texts(const json& obj, const std::string& prefix, std::string_view key) {
        std::vector<std::string> out;
        const json* v = field(obj, prefix, key, false);
        if (v == nullptr) return out;
        if (!v->is_array()) {
            fail(at(prefix, key), "must be a list ([...])");
            return out;
        }
        for (std::size_t i = 0; i < v->size() && !failed(); ++i) {
            const json& e = (*v)[i];
            if (!e.is_string()) {
                fail(index(at(prefix, key), i), "must be text (in double quotes)");
                break;
            }
            out.push_back(e.get<std::string>());
        }
        return out;
    }

    // The list at key, or nullptr (also when it is not a list: then an error is set).
    const json* list(const json& obj, const std::string& prefix, std::string_view key, bool required) {
        const json* v = field(obj, prefix, key, required);
        if (v == nullptr) return nullptr;
        if (!v->is_array()) {
            fail(at(prefix, key), "must be a list ([...])");
            return nullptr;
        }
        return v;
    }
};

std::vector<DistrictShare> read_districts(Reader& r, const json& obj, std::string_view key) {
    std::vector<DistrictShare> out;
    const json* list = r.list(obj, "", key, false);
    if (list == nullptr) return out;
    for (std::size_t i = 0; i < list->size() && !r.failed(); ++i) {
        const std::string path = Reader::index(std::string(key), i);
        const json& e = (*list)[i];
        if (!r.object(e, path, {"district", "share"})) break;
        DistrictShare d;
        d.district = r.text(e, path, "district", true);
        if (!r.failed() && !is_district(d.district))
            r.fail(Reader::at(path, "district"), "must be a postcode district in capitals, like HR4 or CM77");
        const json* share = r.field(e, path, "share", true);
        if (share != nullptr) {
            if (!share->is_number()) {
                r.fail(Reader::at(path, "share"), "must be a number");
            } else {
                d.share = share->get<double>();
                if (!(d.share > 0.0 && d.share <= 1.0))
                    r.fail(Reader::at(path, "share"), "must be more than 0 and at most 1");
            }
        }
        out.push_back(std::move(d));
    }
    return out;
}

CouncilSource read_source(Reader& r, const json& e, const std::string& path) {
    CouncilSource s;
    if (!r.object(e, path, {"id", "title", "publisher", "kind", "date", "url", "note", "maintainer_note"}))
        return s;
    s.id = r.text(e, path, "id", true);
    s.title = r.text(e, path, "title", true);
    s.publisher = r.text(e, path, "publisher", true);
    s.date = r.date(e, path, "date", false);
    s.url = r.text(e, path, "url", false);
    s.note = r.text(e, path, "note", false);
    r.text(e, path, "maintainer_note", false); // checked as text, kept for whoever updates the file
    const std::string kind = r.text(e, path, "kind", false);
    if (!r.failed() && !kind.empty() && kind != "news_report" && kind != "document")
        r.fail(Reader::at(path, "kind"), "must be \"document\" or \"news_report\"");
    s.news_report = kind == "news_report";
    if (!r.failed() && !s.url.empty() && s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0)
        r.fail(Reader::at(path, "url"), "must start with http:// or https://");
    return s;
}

Arrangement read_arrangement(Reader& r, const json& e, const std::string& path) {
    Arrangement a;
    if (!r.object(e, path,
                  {"name", "kind", "started", "term_years", "providers", "lots", "lot_kind", "description",
                   "tiers", "services", "source"}))
        return a;
    a.name = r.text(e, path, "name", true);
    a.kind = r.text(e, path, "kind", true);
    static const std::set<std::string> kKinds = {"framework", "dynamic_purchasing_system", "lead_providers",
                                                 "supplementary_providers", "spot"};
    if (!r.failed() && kKinds.count(a.kind) == 0)
        r.fail(Reader::at(path, "kind"), "must be one of framework, dynamic_purchasing_system, "
                                         "lead_providers, supplementary_providers, spot");
    a.started = r.date(e, path, "started", false);
    a.term_years = r.count(e, path, "term_years");
    a.providers = r.count(e, path, "providers");
    a.lots = r.count(e, path, "lots");
    a.lot_kind = r.text(e, path, "lot_kind", false);
    a.description = r.text(e, path, "description", true);
    if (const json* tiers = r.list(e, path, "tiers", false)) {
        for (std::size_t i = 0; i < tiers->size() && !r.failed(); ++i) {
            const std::string tpath = Reader::index(Reader::at(path, "tiers"), i);
            if (!r.object((*tiers)[i], tpath, {"name", "rule"})) break;
            FrameworkTier t;
            t.name = r.text((*tiers)[i], tpath, "name", true);
            t.rule = r.text((*tiers)[i], tpath, "rule", true);
            a.tiers.push_back(std::move(t));
        }
    }
    a.services = r.texts(e, path, "services");
    a.source = r.text(e, path, "source", true);
    return a;
}

CouncilRate read_rate(Reader& r, const json& e, const std::string& path) {
    CouncilRate rate;
    if (!r.object(e, path,
                  {"label", "kind", "care_type", "per_hour", "per_hour_max", "average", "applies_from",
                   "as_at", "historic", "note", "source"}))
        return rate;
    rate.label = r.text(e, path, "label", true);
    const std::string kind = r.text(e, path, "kind", true);
    if (const auto k = parse_rate_kind(kind))
        rate.kind = *k;
    else if (!r.failed())
        r.fail(Reader::at(path, "kind"), "must be council_pays_provider or council_charges_client");
    const std::string care = r.text(e, path, "care_type", false);
    if (const auto t = parse_care_type(care))
        rate.care_type = *t;
    else if (!r.failed() && !care.empty())
        r.fail(Reader::at(path, "care_type"), "must be hourly, night_sleeping, night_waking or live_in");
    rate.per_hour_pence = r.pounds(e, path, "per_hour", true);
    rate.per_hour_max_pence = rate.per_hour_pence;
    if (!r.failed() && r.field(e, path, "per_hour_max", false) != nullptr) {
        rate.per_hour_max_pence = r.pounds(e, path, "per_hour_max", true);
        if (!r.failed() && rate.per_hour_max_pence < rate.per_hour_pence)
            r.fail(Reader::at(path, "per_hour_max"), "must not be less than 'per_hour'");
    }
    rate.average_pence = r.pounds(e, path, "average", false);
    rate.applies_from = r.date(e, path, "applies_from", false);
    rate.as_at = r.date(e, path, "as_at", false);
    rate.historic = r.flag(e, path, "historic");
    rate.note = r.text(e, path, "note", false);
    rate.source = r.text(e, path, "source", true);
    return rate;
}

MarketFact read_fact(Reader& r, const json& e, const std::string& path) {
    MarketFact f;
    if (!r.object(e, path, {"topic", "text", "as_at", "source"})) return f;
    f.topic = r.text(e, path, "topic", true);
    static const std::set<std::string> kTopics = {"providers", "people",    "spending", "quality",
                                                  "supply",    "workforce", "charging", "services"};
    if (!r.failed() && kTopics.count(f.topic) == 0)
        r.fail(Reader::at(path, "topic"),
               "must be one of providers, people, spending, quality, supply, workforce, charging, services");
    f.text = r.text(e, path, "text", true);
    f.as_at = r.date(e, path, "as_at", true);
    f.source = r.text(e, path, "source", true);
    return f;
}

LocalHelp read_help(Reader& r, const json& e, const std::string& path) {
    LocalHelp h;
    if (!r.object(e, path, {"name", "description", "phone", "url", "source"})) return h;
    h.name = r.text(e, path, "name", true);
    h.description = r.text(e, path, "description", true);
    h.phone = r.text(e, path, "phone", false);
    h.url = r.text(e, path, "url", false);
    h.source = r.text(e, path, "source", true);
    return h;
}

template <typename T, typename Fn>
std::vector<T> read_list(Reader& r, const json& doc, std::string_view key, bool required, Fn read_one) {
    std::vector<T> out;
    const json* list = r.list(doc, "", key, required);
    if (list == nullptr) return out;
    for (std::size_t i = 0; i < list->size() && !r.failed(); ++i)
        out.push_back(read_one(r, (*list)[i], Reader::index(std::string(key), i)));
    return out;
}

void check_source_ref(Reader& r, const std::set<std::string>& ids, const std::string& path,
                      const std::string& id) {
    if (!r.failed() && ids.count(id) == 0)
        r.fail(path, "names '" + id + "', which is not listed in 'sources'");
}

CouncilProfile read_profile(Reader& r, const json& doc) {
    CouncilProfile p;
    if (!doc.is_object()) {
        r.error = "council profile: the file must hold one JSON object ({...})";
        return p;
    }
    if (!r.object(doc, "",
                  {"schema_version", "id", "name", "area_name", "ons_name", "upper_tier_code", "council_type",
                   "lad_codes", "postcode_districts", "postcode_districts_partly", "areas_source",
                   "arrangements", "rates", "market_facts", "local_help", "help_line", "framework_providers",
                   "framework_providers_note", "sources"}))
        return p;
    const json* version = r.field(doc, "", "schema_version", true);
    if (version != nullptr && !(version->is_number_integer() && version->get<double>() == 1.0))
        r.fail("schema_version", "must be 1 (this app reads version 1 profiles)");
    p.id = r.text(doc, "", "id", true);
    if (!r.failed() && !is_slug(p.id))
        r.fail("id", "must be lower-case letters, digits and dashes, like 'waltham-forest'");
    p.name = r.text(doc, "", "name", true);
    p.area_name = r.text(doc, "", "area_name", true);
    p.ons_name = r.text(doc, "", "ons_name", false);
    p.upper_tier_code = r.text(doc, "", "upper_tier_code", true);
    if (!r.failed() && !is_ons_code(p.upper_tier_code))
        r.fail("upper_tier_code", "must be an ONS code: a capital letter and 8 digits, like E10000012");
    p.council_type = r.text(doc, "", "council_type", false);
    p.lad_codes = r.texts(doc, "", "lad_codes");
    for (std::size_t i = 0; i < p.lad_codes.size() && !r.failed(); ++i)
        if (!is_ons_code(p.lad_codes[i]))
            r.fail(Reader::index("lad_codes", i),
                   "must be an ONS code: a capital letter and 8 digits, like E07000066");
    p.sources = read_list<CouncilSource>(r, doc, "sources", true, read_source);
    if (!r.failed() && p.sources.empty()) r.fail("sources", "must list at least one document");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < p.sources.size() && !r.failed(); ++i)
        if (!ids.insert(p.sources[i].id).second)
            r.fail(Reader::index("sources", i) + ".id", "repeats '" + p.sources[i].id + "'");
    p.postcode_districts = read_districts(r, doc, "postcode_districts");
    p.postcode_districts_partly = read_districts(r, doc, "postcode_districts_partly");
    p.areas_source = r.text(doc, "", "areas_source", false);
    if (!p.areas_source.empty()) check_source_ref(r, ids, "areas_source", p.areas_source);
    if (!r.failed() && p.areas_source.empty() &&
        !(p.postcode_districts.empty() && p.postcode_districts_partly.empty()))
        r.fail("areas_source", "is missing (it names the lookup the postcode districts come from)");
    p.arrangements = read_list<Arrangement>(r, doc, "arrangements", false, read_arrangement);
    p.rates = read_list<CouncilRate>(r, doc, "rates", false, read_rate);
    p.market_facts = read_list<MarketFact>(r, doc, "market_facts", false, read_fact);
    p.local_help = read_list<LocalHelp>(r, doc, "local_help", false, read_help);
    p.help_line = r.text(doc, "", "help_line", false);
    p.framework_providers = r.texts(doc, "", "framework_providers");
    p.framework_providers_note = r.text(doc, "", "framework_providers_note", false);
    for (std::size_t i = 0; i < p.arrangements.size(); ++i)
        check_source_ref(r, ids, Reader::index("arrangements", i) + ".source", p.arrangements[i].source);
    for (std::size_t i = 0; i < p.rates.size(); ++i)
        check_source_ref(r, ids, Reader::index("rates", i) + ".source", p.rates[i].source);
    for (std::size_t i = 0; i < p.market_facts.size(); ++i)
        check_source_ref(r, ids, Reader::index("market_facts", i) + ".source", p.market_facts[i].source);
    for (std::size_t i = 0; i < p.local_help.size(); ++i)
        check_source_ref(r, ids, Reader::index("local_help", i) + ".source", p.local_help[i].source);
    return p;
}

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." -> "line 3, column 5:
// syntax error ..." (the part a person can act on).
// nlohmann/json quotes the bytes it last read, which may be broken UTF-8: keep printable ASCII only, so the
// message is always safe to show or to put in JSON.
std::string parse_error_detail(const char* what) {
    std::string s = what;
    const std::string marker = "parse error at ";
    const std::size_t pos = s.find(marker);
    if (pos != std::string::npos) {
        s = s.substr(pos + marker.size());
    } else if (const std::size_t bracket = s.find("] "); bracket != std::string::npos) {
        s = s.substr(bracket + 2);
    }
    for (char& c : s)
        if (c < 0x20 || c > 0x7e) c = '?';
    return s;
}

} // namespace

std::string_view care_type_key(CareType t) {
    switch (t) {
    case CareType::NightSleeping:
        return "night_sleeping";
    case CareType::NightWaking:
        return "night_waking";
    case CareType::LiveIn:
        return "live_in";
    case CareType::Hourly:
        break;
    }
    return "hourly";
}

std::string_view care_type_label(CareType t) {
    switch (t) {
    case CareType::NightSleeping:
        return "Sleeping night (a carer sleeps in your home)";
    case CareType::NightWaking:
        return "Waking night (a carer stays awake all night)";
    case CareType::LiveIn:
        return "Live-in care";
    case CareType::Hourly:
        break;
    }
    return "Visits during the day";
}

std::optional<CareType> parse_care_type(std::string_view key) {
    for (CareType t : {CareType::Hourly, CareType::NightSleeping, CareType::NightWaking, CareType::LiveIn})
        if (care_type_key(t) == key) return t;
    return std::nullopt;
}

std::string_view rate_kind_key(RateKind k) {
    return k == RateKind::CouncilChargesClient ? "council_charges_client" : "council_pays_provider";
}

std::optional<RateKind> parse_rate_kind(std::string_view key) {
    if (key == "council_pays_provider") return RateKind::CouncilPaysProvider;
    if (key == "council_charges_client") return RateKind::CouncilChargesClient;
    return std::nullopt;
}

bool is_profile_date(std::string_view text) {
    if (parse_iso_date(text)) return true;
    // Financial year "2024-25": the second part is the next year.
    if (text.size() != 7 || text[4] != '-') return false;
    if (!parse_iso_date(text.substr(0, 4))) return false;
    const char a = text[5];
    const char b = text[6];
    if (a < '0' || a > '9' || b < '0' || b > '9') return false;
    const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    return (a - '0') * 10 + (b - '0') == (year + 1) % 100;
}

Expected<CouncilProfile> load_council_profile(std::string_view json_text) {
    try {
        const json doc = json::parse(json_text.begin(), json_text.end());
        Reader r;
        CouncilProfile p = read_profile(r, doc);
        if (r.failed()) return Error{r.error, {}};
        return p;
    } catch (const json::parse_error& e) {
        return Error{"council profile: the file is not valid JSON (" + parse_error_detail(e.what()) + ")",
                     {}};
    } catch (const json::exception& e) {
        // e.g. a number too large to hold ("out_of_range.406").
        return Error{"council profile: the file is not valid JSON (" + parse_error_detail(e.what()) + ")",
                     {}};
    } catch (const std::exception& e) {
        // Any other problem (for example running out of memory) is reported, never thrown to the caller.
        return Error{std::string("council profile: could not be read (") + e.what() + ")", {}};
    }
}

const CouncilSource* find_source(const CouncilProfile& profile, std::string_view source_id) {
    for (const CouncilSource& s : profile.sources)
        if (s.id == source_id) return &s;
    return nullptr;
}

const CouncilProfile* find_council_for(const std::vector<CouncilProfile>& profiles,
                                       std::string_view upper_tier_code) {
    std::string code;
    for (char c : upper_tier_code)
        if (c != ' ') code += upper(c);
    for (const CouncilProfile& p : profiles)
        if (p.upper_tier_code == code) return &p;
    return nullptr;
}

const CouncilProfile* find_council_by_id(const std::vector<CouncilProfile>& profiles, std::string_view id) {
    for (const CouncilProfile& p : profiles)
        if (p.id == id) return &p;
    return nullptr;
}

const CouncilProfile* find_council_for_district(const std::vector<CouncilProfile>& profiles,
                                                std::string_view district) {
    const std::string d = normalise_district(district);
    for (const CouncilProfile& p : profiles)
        for (const DistrictShare& s : p.postcode_districts)
            if (s.district == d) return &p;
    return nullptr;
}

} // namespace hcf::core
