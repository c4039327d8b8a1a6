// homecare-finder core: shortlist export (Open Referral UK JSON, CSV, printable text). See export.h.
// Depends on: core/export.h, core/csv.h (csv_escape), core/search.h, core/text_format.h, core/sha256.h,
// nlohmann/json, the C++ std library. SPDX-License-Identifier: MIT
#include "core/export.h"

#include "core/csv.h"
#include "core/rating_words.h"

#include "core/search.h"
#include "core/sha256.h"
#include "core/text_format.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace hcf::core {

namespace {

using ojson = nlohmann::ordered_json;

constexpr std::string_view kAttribution =
    "Contains public sector information licensed under the Open Government "
    "Licence v3.0 (Care Quality Commission data). The CQC does not endorse "
    "this tool.";

std::vector<std::string_view> need_labels(Needs needs) {
    std::vector<std::string_view> out;
    for (Need n : all_needs())
        if (needs & n) out.push_back(need_label(n));
    return out;
}
std::vector<std::string_view> service_labels(ServiceTypes types) {
    std::vector<std::string_view> out;
    for (ServiceType s : all_service_types())
        if (types & s) out.push_back(service_label(s));
    return out;
}
std::string join(const std::vector<std::string_view>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += sep;
        out += parts[i];
    }
    return out;
}

// Two decimal places as a number ("0.69"), for JSON and CSV.
double round2(double v) {
    return std::round(v * 100.0) / 100.0;
}
std::string two_dp(double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// The register an agency's record comes from, in words ("CQC register, first half of 2026").
std::string register_of(const Provider& p, const ExportOptions& opt) {
    const auto it = opt.edition_words.find(p.source);
    return register_words(p,
                          it == opt.edition_words.end() ? std::string_view() : std::string_view(it->second));
}

// The five key questions, as (key, label, rating), when the data has them.
struct KeyQuestion {
    const char* key;
    const char* label;
    Rating rating;
};
std::vector<KeyQuestion> key_questions(const Provider& p) {
    if (!p.key_questions_in_data) return {};
    const KeyQuestionRatings& k = p.key_questions;
    return {{"safe", "Safe", k.safe},
            {"effective", "Effective", k.effective},
            {"caring", "Caring", k.caring},
            {"responsive", "Responsive", k.responsive},
            {"well_led", "Well-led", k.well_led}};
}

bool approximate(const Provider& p) {
    return p.precision != GeoPrecision::Unit;
}

// "1 September 2026" for each distinct CQC data date, joined with " and ".
std::string data_dates(const std::vector<ShortlistEntry>& list) {
    std::set<std::string> iso;
    for (const auto& e : list)
        if (!e.provider->data_date.empty()) iso.insert(e.provider->data_date);
    std::vector<std::string> words;
    for (const auto& d : iso) {
        const std::string w = format_date(d);
        words.push_back(w.empty() ? d : w);
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : " and ") + words[i];
    return out;
}

void put_if(ojson& obj, const char* key, const std::string& value) {
    if (!value.empty()) obj[key] = value;
}

ojson taxonomy_attribute(const std::string& owner, std::string_view link_type, std::string_view taxonomy,
                         std::string_view key, std::string_view label, const std::string& value_label) {
    ojson a;
    a["id"] = name_uuid("attribute:" + std::string(link_type) + ":" + std::string(key) + ":" + owner);
    a["link_type"] = link_type;
    a["value"] = key;
    a["label"] = value_label;
    ojson term;
    term["id"] = name_uuid("taxonomy_term:" + std::string(link_type) + ":" + std::string(key));
    term["name"] = label;
    term["term"] = key;
    term["taxonomy"] = taxonomy;
    a["taxonomy_term"] = term;
    return a;
}

ojson service_json(const ShortlistEntry& e, const ExportOptions& opt) {
    const Provider& p = *e.provider;
    const std::string& id = p.location_id;
    ojson s;
    s["id"] = name_uuid("service:" + id);
    s["name"] = p.name;
    put_if(s, "url", p.website);
    s["status"] = "active";
    put_if(s, "assured_date", p.data_date);

    ojson org;
    const std::string org_key = p.provider_id.empty() ? "location:" + id : p.provider_id;
    org["id"] = name_uuid("organization:" + org_key);
    org["name"] = p.provider_name.empty() ? p.name : p.provider_name;
    put_if(org, "website", p.website);
    if (!p.provider_id.empty()) {
        ojson ident;
        ident["id"] = name_uuid("organization_identifier:" + p.provider_id);
        ident["identifier_type"] = "CQC provider ID";
        ident["identifier"] = p.provider_id;
        org["organization_identifiers"] = ojson::array({ident});
    }
    s["organization"] = org;

    if (!p.phone.empty()) {
        ojson phone;
        phone["id"] = name_uuid("phone:" + id);
        phone["number"] = p.phone;
        ojson contact;
        contact["id"] = name_uuid("contact:" + id);
        contact["name"] = p.name;
        contact["phones"] = ojson::array({phone});
        s["contacts"] = ojson::array({contact});
    }

    ojson loc;
    loc["id"] = name_uuid("location:" + id);
    loc["location_type"] = "physical";
    loc["name"] = p.name;
    if (p.precision != GeoPrecision::None) {
        loc["latitude"] = p.location.lat;
        loc["longitude"] = p.location.lng;
    }
    loc["external_identifier"] = id;
    loc["external_identifier_type"] = "CQC location ID";
    if (!p.address.empty() || !p.postcode.empty()) {
        ojson addr;
        addr["id"] = name_uuid("address:" + id);
        put_if(addr, "address_1", p.address);
        put_if(addr, "region", p.region);
        put_if(addr, "postal_code", p.postcode);
        addr["country"] = "GB";
        addr["address_type"] = "physical";
        loc["addresses"] = ojson::array({addr});
    }
    ojson at;
    at["id"] = name_uuid("service_at_location:" + id);
    at["location"] = loc;
    s["service_at_locations"] = ojson::array({at});

    ojson attrs = ojson::array();
    if (rating_known(p)) // never claim "not rated" when the data simply has no rating
        attrs.push_back(taxonomy_attribute(id, "cqc_overall_rating", "CQC overall rating",
                                           rating_key(p.overall), rating_label(p.overall),
                                           rating_summary(p)));
    for (const KeyQuestion& q : key_questions(p))
        attrs.push_back(taxonomy_attribute(id, std::string("cqc_") + q.key + "_rating",
                                           std::string("CQC rating: ") + q.label, rating_key(q.rating),
                                           rating_label(q.rating), std::string(rating_label(q.rating))));
    for (Need n : all_needs())
        if (p.needs & n)
            attrs.push_back(taxonomy_attribute(id, "service_user_group", "homecare-finder needs", need_key(n),
                                               need_label(n), std::string(need_label(n))));
    for (ServiceType t : all_service_types())
        if (p.service_types & t)
            attrs.push_back(taxonomy_attribute(id, "service_type", "homecare-finder types of care",
                                               service_key(t), service_label(t),
                                               std::string(service_label(t))));
    s["attributes"] = attrs;

    ojson ext;
    ext["cqc_location_id"] = id;
    put_if(ext, "cqc_provider_id", p.provider_id);
    put_if(ext, "cqc_url", p.cqc_url);
    ext["rating_in_data"] = rating_known(p);
    if (rating_known(p)) ext["cqc_overall_rating"] = rating_key(p.overall);
    put_if(ext, "cqc_rating_date", p.rating_date);
    put_if(ext, "cqc_last_inspected", p.last_inspected);
    ext["cqc_rating_words"] = rating_summary(p);
    if (p.key_questions_in_data) {
        ojson kq;
        for (const KeyQuestion& q : key_questions(p))
            kq[q.key] = rating_key(q.rating);
        ext["cqc_key_question_ratings"] = kq;
    }
    if (e.distance_miles >= 0) {
        ext["distance_miles"] = round2(e.distance_miles);
        ext["distance"] = distance_words(e.distance_miles, approximate(p));
        put_if(ext, "distance_from", opt.place);
    }
    ext["location_precision"] = geo_precision_key(p.precision);
    put_if(ext, "local_authority", p.local_authority);
    put_if(ext, "data_date", p.data_date);
    put_if(ext, "source", p.source);
    put_if(ext, "register", register_of(p, opt));
    s["homecare_finder"] = ext;
    return s;
}

} // namespace

std::string name_uuid(std::string_view text) {
    Sha256Digest d = sha256("homecare-finder:" + std::string(text));
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x80); // version 8
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80); // variant 10
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[d[static_cast<std::size_t>(i)] >> 4];
        out += kHex[d[static_cast<std::size_t>(i)] & 0x0F];
    }
    return out;
}

std::string export_json(const std::vector<ShortlistEntry>& list, const ExportOptions& opt) {
    ojson doc;
    doc["title"] = "Home care shortlist";
    put_if(doc, "generated", opt.generated_date);
    put_if(doc, "distances_from", opt.place);
    doc["naming"] = "Open Referral UK 3.0 (HSDS 3.0) field names where they fit";
    doc["attribution"] = kAttribution;
    doc["total_items"] = list.size();
    doc["total_pages"] = 1;
    doc["page_number"] = 1;
    doc["size"] = list.size();
    doc["first_page"] = true;
    doc["last_page"] = true;
    doc["empty"] = list.empty();
    ojson contents = ojson::array();
    for (const auto& e : list)
        contents.push_back(service_json(e, opt));
    doc["contents"] = contents;
    return doc.dump(2) + "\n";
}

std::string export_csv(const std::vector<ShortlistEntry>& list, const ExportOptions& opt) {
    std::string out = opt.csv_bom ? "\xEF\xBB\xBF" : "";
    out += "location_id,name,provider_name,address,postcode,phone,website,distance_miles,cqc_rating,"
           "cqc_rating_date,last_inspected,safe,effective,caring,responsive,well_led,supports,care_offered,"
           "local_authority,cqc_url,data_date,source\r\n";
    for (const auto& e : list) {
        const Provider& p = *e.provider;
        auto kq = [&](Rating KeyQuestionRatings::*q) {
            return p.key_questions_in_data ? std::string(rating_label(p.key_questions.*q)) : std::string();
        };
        const std::string fields[] = {
            p.location_id,
            p.name,
            p.provider_name,
            p.address,
            p.postcode,
            p.phone,
            p.website,
            e.distance_miles >= 0 ? two_dp(e.distance_miles) : "",
            overall_rating_words(p),
            p.rating_date,
            p.last_inspected,
            kq(&KeyQuestionRatings::safe),
            kq(&KeyQuestionRatings::effective),
            kq(&KeyQuestionRatings::caring),
            kq(&KeyQuestionRatings::responsive),
            kq(&KeyQuestionRatings::well_led),
            join(need_labels(p.needs), "; "),
            join(service_labels(p.service_types), "; "),
            p.local_authority,
            p.cqc_url,
            p.data_date,
            register_of(p, opt),
        };
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out += ',';
            first = false;
            out += csv_escape(f, CsvAudience::Spreadsheet);
        }
        out += "\r\n";
    }
    return out;
}

std::string export_text(const std::vector<ShortlistEntry>& list, const ExportOptions& opt) {
    const std::string missing = "not in the CQC data";
    std::string out = "Home care shortlist\n";
    const std::string made = format_date(opt.generated_date);
    if (!made.empty()) out += "Made on " + made + ".";
    if (!opt.place.empty())
        out += std::string(made.empty() ? "" : " ") + "Distances are from " + opt.place + ".";
    if (!made.empty() || !opt.place.empty()) out += "\n";
    out += "\n";
    if (list.empty()) out += "Your shortlist is empty.\n\n";
    int n = 0;
    for (const auto& e : list) {
        const Provider& p = *e.provider;
        out += std::to_string(++n) + ". " + p.name + "\n";
        if (!p.provider_name.empty() && p.provider_name != p.name)
            out += "   Run by: " + p.provider_name + "\n";
        std::string address = p.address;
        if (!p.postcode.empty()) address += (address.empty() ? "" : ", ") + p.postcode;
        out += "   Address: " + (address.empty() ? missing : address) + "\n";
        out += "   Phone: " + (p.phone.empty() ? missing : p.phone) + "\n";
        out += "   Website: " + (p.website.empty() ? missing : p.website) + "\n";
        if (e.distance_miles >= 0) {
            out += "   Distance: " + distance_words(e.distance_miles, approximate(p));
            out += opt.place.empty() ? "\n" : " from " + opt.place + "\n";
        }
        out += "   CQC rating: " + rating_summary(p) + "\n";
        if (p.key_questions_in_data) {
            std::string kq;
            for (const KeyQuestion& q : key_questions(p))
                kq += (kq.empty() ? "" : ", ") + std::string(q.label) + " " +
                      std::string(rating_label(q.rating));
            out += "   Each question CQC asks: " + kq + "\n";
        }
        const auto needs = need_labels(p.needs);
        out += "   Supports: " + (needs.empty() ? missing : join(needs, ", ")) + "\n";
        const auto types = service_labels(p.service_types);
        out += "   Care offered: " + (types.empty() ? missing : join(types, ", ")) + "\n";
        if (!p.cqc_url.empty()) out += "   CQC page: " + p.cqc_url + "\n";
        if (const std::string reg = register_of(p, opt); !reg.empty())
            out += "   Information from: " + reg + "\n";
        out += "\n";
    }
    out += "About this information\n";
    std::string dates = data_dates(list);
    if (dates.empty() && !opt.data_date.empty()) dates = format_date(opt.data_date);
    out += "Agency details and ratings are from the Care Quality Commission (CQC)";
    out += dates.empty() ? ".\n" : ", data of " + dates + ".\n";
    out += "Ratings change: check each agency's CQC page before you choose.\n";
    out += std::string(kAttribution) + "\n";
    out += "This list gives information, not advice.\n";
    return out;
}

std::string export_share_text(const std::vector<ShortlistEntry>& list, std::string_view link) {
    std::string out = "My shortlist of home care agencies:\n";
    std::size_t n = 0;
    for (const auto& e : list) {
        if (++n > 10) break;
        const Provider& p = *e.provider;
        out += std::to_string(n) + ". " + p.name + " (" + rating_summary(p) + ")";
        if (!p.phone.empty()) out += ". Phone " + p.phone;
        out += "\n";
    }
    if (list.size() > 10) out += "and " + std::to_string(list.size() - 10) + " more.\n";
    out += "Open the list, with addresses and websites: " + std::string(link) + "\n";
    return out;
}

std::vector<ShortlistEntry> shortlist_from_ids(const std::vector<Provider>& providers,
                                               const std::vector<std::string>& location_ids,
                                               std::vector<std::string>* missing) {
    std::unordered_map<std::string_view, std::size_t> by_id;
    for (std::size_t i = 0; i < providers.size(); ++i)
        by_id.emplace(providers[i].location_id, i);
    std::vector<ShortlistEntry> out;
    std::set<std::string> seen;
    for (const std::string& id : location_ids) {
        if (!seen.insert(id).second) continue;
        const auto it = by_id.find(id);
        if (it == by_id.end()) {
            if (missing) missing->push_back(id);
            continue;
        }
        out.push_back({&providers[it->second], -1});
    }
    return out;
}

} // namespace hcf::core
