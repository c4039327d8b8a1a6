// homecare-finder core: provider search over the spatial index, with reasons and widening counts.
// Depends on: core/search.h, core/geo_index.h, core/geography.h, core/text_fold.h, core/text_format.h,
//             core/ascii.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/search.h"

#include "core/ascii.h"
#include "core/geography.h"
#include "core/text_fold.h"
#include "core/text_format.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace hcf::core {

namespace {

constexpr double kKmPerMile = 1.609344; // the same conversion as distance_miles()
constexpr std::size_t kWidenCount = std::size(kWidenRadiiMiles);

// "E10000012", "E06000019": a letter and eight digits (ONS GSS code).
bool looks_like_ons_code(std::string_view s) {
    return s.size() == 9 && is_ascii_letter(s[0]) && all_ascii_digits(s.substr(1));
}

// One decimal below 10, whole numbers from 10; ".0" dropped; singular for exactly 1.
std::string format_distance(double value, std::string_view one, std::string_view many) {
    if (!(value >= 0.05)) return "less than 0.1 " + std::string(many);
    char buf[64];
    if (value < 9.95) {
        std::snprintf(buf, sizeof buf, "%.1f", value);
    } else {
        std::snprintf(buf, sizeof buf, "%.0f", std::min(value, 1e12));
    }
    std::string text = buf;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text + " " + std::string(text == "1" ? one : many);
}

std::string_view service_reason(ServiceType s) {
    switch (s) {
    case ServiceHomecare:
        return "Offers care at home";
    case ServiceSupportedLiving:
        return "Offers supported living";
    case ServiceExtraCare:
        return "Offers extra care housing";
    case ServiceLiveIn:
        return "Offers live-in care";
    case ServiceReablement:
        return "Offers reablement (short-term help to get back on your feet)";
    case ServiceNursing:
        return "Offers nursing at home";
    case ServiceShared:
        return "Offers Shared Lives";
    }
    return "";
}

std::string join_or(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += (i + 1 == parts.size()) ? " or " : ", ";
        out += parts[i];
    }
    return out;
}

} // namespace

std::string_view sort_key(SortOrder s) {
    switch (s) {
    case SortOrder::Rating:
        return "rating";
    case SortOrder::Name:
        return "name";
    case SortOrder::Distance:
        break;
    }
    return "distance";
}

std::optional<SortOrder> parse_sort(std::string_view text) {
    const std::string t = fold_text(text);
    if (t == "distance") return SortOrder::Distance;
    if (t == "rating") return SortOrder::Rating;
    if (t == "name") return SortOrder::Name;
    return std::nullopt;
}

std::string format_miles(double miles) {
    return format_distance(miles, "mile", "miles");
}
std::string format_km(double km) {
    return format_distance(km, "km", "km");
}
std::string distance_words(double miles, bool approximate) {
    return approximate ? "about " + format_miles(std::max(miles, 0.1)) : format_miles(miles);
}

std::string rating_reason(const Provider& p) {
    if (p.overall == Rating::NotRated) return overall_rating_words(p);
    return "Rated " + std::string(rating_label(p.overall));
}

std::string need_reason(Need n) {
    switch (n) {
    case NeedOlderPeople:
        return "Supports older people";
    case NeedDementia:
        return "Supports people with dementia";
    case NeedLearningDisability:
        return "Supports people with a learning disability";
    case NeedAutism:
        return "Supports autistic people";
    case NeedMentalHealth:
        return "Supports people with mental health needs";
    case NeedPhysicalDisability:
        return "Supports people with a physical disability";
    case NeedSensoryImpairment:
        return "Supports people with sight or hearing loss";
    case NeedYoungerAdults:
        return "Supports younger adults";
    case NeedChildren:
        return "Supports children";
    case NeedSubstanceMisuse:
        return "Supports people with drug or alcohol problems";
    case NeedEatingDisorder:
        return "Supports people with eating disorders";
    case NeedWholePopulation:
        return "Supports anyone";
    }
    return "";
}

std::string result_summary(const SearchResult& r, double radius_miles, std::string_view place) {
    std::string text = r.total == 0 ? "No agencies" : agencies_words(r.total);
    text += " within " + format_miles(radius_miles);
    if (!place.empty()) text += " of " + std::string(place);
    return text;
}

// ---- engine ---------------------------------------------------------------------------------------

struct SearchEngine::Prepared {
    LatLng centre;
    double radius_km = 0;
    Needs needs = 0;
    MatchMode mode = MatchMode::All;
    ServiceTypes services = 0;
    Rating min_rating = Rating::NotRated;
    bool include_not_rated = false;
    std::vector<std::string> councils;     // folded names
    std::vector<std::string> location_ids; // sorted
    std::string text;                      // folded
    std::string text_typed;                // as typed, trimmed (for the reason)
};

SearchEngine::SearchEngine(const std::vector<Provider>& providers, const Geography* geo)
    : providers_(&providers) {
    std::vector<LatLng> points(providers.size());
    placed_.resize(providers.size());
    sort_names_.reserve(providers.size());
    haystacks_.reserve(providers.size());
    councils_.reserve(providers.size());
    for (std::size_t i = 0; i < providers.size(); ++i) {
        const Provider& p = providers[i];
        points[i] = p.location;
        placed_[i] = p.precision != GeoPrecision::None && valid_lat_lng(p.location);
        sort_names_.push_back(fold_text(p.name));
        haystacks_.push_back(fold_text(p.name + " " + p.provider_name + " " + p.brand));
        councils_.push_back(fold_text(friendly_council_name(p.local_authority)));
    }
    index_ = GeoIndex(points, placed_);
    if (geo) {
        // ONS codes of upper-tier councils, and of the districts inside them, to the council's name as
        // CQC spells its local authorities (after the same friendly-name folding).
        for (const District& d : geo->districts()) {
            const std::vector<CouncilShare>* shares = geo->councils(d.code);
            if (!shares) continue;
            for (const CouncilShare& c : *shares) {
                const std::string name = fold_text(friendly_council_name(c.upper_tier_name));
                if (!c.upper_tier_code.empty()) council_codes_.emplace(ascii_upper(c.upper_tier_code), name);
                if (!c.lad_code.empty()) council_codes_.emplace(ascii_upper(c.lad_code), name);
            }
        }
    }
}

bool SearchEngine::prepare(const SearchQuery& q, Prepared& p, std::string& message) const {
    if (!valid_lat_lng(q.centre)) {
        message = "We need a place to search from. Enter a postcode, like B13 9AB.";
        return false;
    }
    if (!(q.radius_miles >= kMinRadiusMiles && q.radius_miles <= kMaxRadiusMiles)) {
        message = "Choose a distance from 0.1 to 100 miles.";
        return false;
    }
    if (q.page < 1) {
        message = "Page numbers start at 1.";
        return false;
    }
    if (q.page_size < 0 || q.page_size > kMaxPageSize) {
        message = "Choose from 1 to 10,000 agencies a page.";
        return false;
    }
    p.centre = q.centre;
    p.radius_km = q.radius_miles * kKmPerMile;
    p.needs = q.needs;
    p.mode = q.needs_match;
    p.services = q.service_types;
    p.min_rating = q.min_rating;
    p.include_not_rated = q.include_not_rated;
    for (const std::string& raw : q.councils) {
        const std::string c(trim(raw));
        if (c.empty()) continue;
        if (looks_like_ons_code(c)) {
            const auto it = council_codes_.find(ascii_upper(c));
            if (it == council_codes_.end()) {
                message = "We do not know a council with the code " + ascii_upper(c) + ".";
                return false;
            }
            p.councils.push_back(it->second);
        } else {
            p.councils.push_back(fold_text(friendly_council_name(c)));
        }
    }
    for (const std::string& id : q.location_ids) {
        std::string t(trim(id));
        if (!t.empty()) p.location_ids.push_back(std::move(t));
    }
    std::sort(p.location_ids.begin(), p.location_ids.end());
    p.text = fold_text(q.text);
    p.text_typed = std::string(trim(q.text));
    return true;
}

bool SearchEngine::passes(const Prepared& p, std::size_t i) const {
    const Provider& v = (*providers_)[i];
    if (p.needs != 0) {
        const Needs got = v.needs & p.needs;
        if (p.mode == MatchMode::All ? got != p.needs : got == 0) return false;
    }
    if ((v.service_types & p.services) != p.services) return false;
    if (p.min_rating != Rating::NotRated &&
        (v.overall == Rating::NotRated ? !p.include_not_rated : v.overall < p.min_rating))
        return false;
    if (!p.councils.empty() &&
        std::find(p.councils.begin(), p.councils.end(), councils_[i]) == p.councils.end())
        return false;
    if (!p.location_ids.empty() &&
        !std::binary_search(p.location_ids.begin(), p.location_ids.end(), v.location_id))
        return false;
    if (!p.text.empty() && !folded_match(haystacks_[i], p.text)) return false;
    return true;
}

std::size_t SearchEngine::count_within(const SearchQuery& q, double radius_miles) const {
    Prepared p;
    std::string message;
    if (!prepare(q, p, message) || !(radius_miles >= 0)) return 0;
    std::vector<GeoIndex::Hit> hits;
    index_.within(p.centre, radius_miles * kKmPerMile, hits);
    return static_cast<std::size_t>(
        std::count_if(hits.begin(), hits.end(), [&](const GeoIndex::Hit& h) { return passes(p, h.index); }));
}

SearchResult SearchEngine::search(const SearchQuery& q) const {
    return run(q, true);
}
SearchResult SearchEngine::search_linear(const SearchQuery& q) const {
    return run(q, false);
}

SearchResult SearchEngine::run(const SearchQuery& q, bool use_index) const {
    SearchResult r;
    r.page = q.page;
    r.page_size = q.page_size;
    Prepared p;
    if (!prepare(q, p, r.message)) return r;
    r.ok = true;

    // Everything within reach (the radius), through the index or by measuring every agency.
    auto gather = [&](double reach_km, std::vector<GeoIndex::Hit>& out) {
        if (use_index) {
            index_.within(p.centre, reach_km, out);
            return;
        }
        for (std::size_t i = 0; i < providers_->size(); ++i) {
            if (!placed_[i]) continue;
            const double d = distance_km(p.centre, (*providers_)[i].location);
            if (d <= reach_km) out.push_back({static_cast<std::uint32_t>(i), d});
        }
    };
    std::vector<GeoIndex::Hit> matched;
    gather(p.radius_km, matched);
    r.in_radius = matched.size();
    // Keeps the matches in place (in the order found): no second list.
    matched.erase(std::remove_if(matched.begin(), matched.end(),
                                 [&](const GeoIndex::Hit& h) { return !passes(p, h.index); }),
                  matched.end());
    r.total = matched.size();

    // Counts at the standard distances. Those up to the radius come free from the matches; wider ones cost
    // a bigger search, so they are only counted when the list is short (fewer than kFewResults), which is
    // when the person is offered a wider distance. count_within() answers any distance on request.
    std::array<double, kWidenCount> widen_km{};
    std::array<std::size_t, kWidenCount> widen_count{};
    for (std::size_t k = 0; k < kWidenCount; ++k)
        widen_km[k] = kWidenRadiiMiles[k] * kKmPerMile;
    for (const GeoIndex::Hit& h : matched)
        for (std::size_t k = 0; k < kWidenCount; ++k)
            if (h.distance_km <= widen_km[k]) ++widen_count[k];
    std::size_t any_within_widest = r.in_radius; // agencies within the widest step, before the filters
    const bool count_wider = r.total < kFewResults && p.radius_km < widen_km[kWidenCount - 1];
    if (count_wider) {
        std::vector<GeoIndex::Hit> wider;
        gather(widen_km[kWidenCount - 1], wider);
        any_within_widest = wider.size();
        for (const GeoIndex::Hit& h : wider) {
            if (h.distance_km <= p.radius_km || !passes(p, h.index)) continue;
            for (std::size_t k = 0; k < kWidenCount; ++k)
                if (h.distance_km <= widen_km[k]) ++widen_count[k];
        }
    }
    for (std::size_t k = 0; k < kWidenCount; ++k) {
        const bool known = count_wider || widen_km[k] <= p.radius_km;
        r.by_radius.push_back({kWidenRadiiMiles[k], known ? widen_count[k] : 0, known});
        if (known && !r.can_widen && widen_km[k] > p.radius_km && widen_count[k] > r.total) {
            r.can_widen = true;
            r.widen = r.by_radius.back();
        }
    }

    // Order. Every comparator ends in distance, folded name, location id, position: a total order.
    const auto& prov = *providers_;
    auto tail = [&](const GeoIndex::Hit& a, const GeoIndex::Hit& b) {
        if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
        if (int c = sort_names_[a.index].compare(sort_names_[b.index]); c != 0) return c < 0;
        if (int c = prov[a.index].location_id.compare(prov[b.index].location_id); c != 0) return c < 0;
        return a.index < b.index;
    };
    auto less = [&](const GeoIndex::Hit& a, const GeoIndex::Hit& b) {
        if (q.sort == SortOrder::Rating && prov[a.index].overall != prov[b.index].overall)
            return prov[a.index].overall > prov[b.index].overall;
        if (q.sort == SortOrder::Name) {
            if (int c = sort_names_[a.index].compare(sort_names_[b.index]); c != 0) return c < 0;
        }
        return tail(a, b);
    };

    const std::size_t size = q.page_size == 0 ? std::max<std::size_t>(r.total, 1) : std::size_t(q.page_size);
    r.page_count = static_cast<int>((r.total + size - 1) / size);
    // 64-bit so a huge page number cannot wrap round on 32-bit WebAssembly.
    const std::uint64_t start64 = static_cast<std::uint64_t>(q.page - 1) * size;
    if (start64 < r.total) {
        const auto start = static_cast<std::size_t>(start64);
        const std::size_t end = std::min(r.total, start + size);
        // Top-k: every match was counted above, but only this page is put in order. nth_element brings the
        // page's first agency to its place with all earlier ones before it (in no order), then partial_sort
        // orders just the page from what is left. less is a total order, so the page is the same as a full
        // sort's slice.
        const auto first = matched.begin() + static_cast<std::ptrdiff_t>(start);
        if (start > 0) std::nth_element(matched.begin(), first, matched.end(), less);
        std::partial_sort(first, matched.begin() + static_cast<std::ptrdiff_t>(end), matched.end(), less);
        for (std::size_t k = start; k < end; ++k) {
            const GeoIndex::Hit& h = matched[k];
            const Provider& v = prov[h.index];
            Match m;
            m.index = h.index;
            m.distance_km = h.distance_km;
            m.distance_miles = h.distance_km / kKmPerMile;
            m.approximate = v.precision != GeoPrecision::Unit;
            m.needs_covered = v.needs & q.needs;
            std::string away = distance_words(m.distance_miles, m.approximate) + " away";
            away[0] = ascii_upper(away[0]);
            if (m.approximate) away += " (we only know its postcode area)";
            m.reasons.push_back(std::move(away));
            for (Need n : all_needs())
                if (m.needs_covered & n) m.reasons.push_back(need_reason(n));
            for (ServiceType s : all_service_types())
                if (q.service_types & s) m.reasons.emplace_back(service_reason(s));
            m.reasons.push_back(rating_reason(v));
            if (!p.councils.empty())
                m.reasons.push_back("In the " + friendly_council_name(v.local_authority) + " council area");
            if (!p.text.empty()) m.reasons.push_back("Matches \"" + p.text_typed + "\"");
            r.matches.push_back(std::move(m));
        }
    }

    // Advice for an empty or short list.
    const std::string within = " within " + format_miles(q.radius_miles);
    const std::string try_wider = r.can_widen ? " Try " + format_miles(r.widen.radius_miles) + " (" +
                                                    agencies_words(r.widen.count) + ")."
                                              : "";
    if (r.total == 0) {
        std::vector<std::string> loosen; // the choices that narrowed the list, in plain words
        if (q.needs != 0) loosen.emplace_back("fewer needs");
        if (q.service_types != 0) loosen.emplace_back("fewer types of care");
        if (q.min_rating != Rating::NotRated) loosen.emplace_back("a lower minimum rating");
        if (q.min_rating != Rating::NotRated && !q.include_not_rated)
            loosen.emplace_back("including agencies not yet rated");
        if (!p.councils.empty()) loosen.emplace_back("any council area");
        if (!p.text.empty()) loosen.emplace_back("fewer words in the name");
        if (!p.location_ids.empty()) loosen.emplace_back("all agencies, not just the list");
        const std::string try_loosen = loosen.empty() ? "" : " Try " + join_or(loosen) + ".";
        auto there_are = [](std::size_t n) {
            return n == 1 ? std::string("There is 1 agency") : "There are " + agencies_words(n);
        };
        // The widest distance looked at: the radius, or the widest step (short lists count those too).
        const double searched = std::max(q.radius_miles, kWidenRadiiMiles[kWidenCount - 1]);
        if (r.can_widen) {
            r.advice = "No agencies" + within + "." + try_wider;
        } else if (r.in_radius > 0) {
            r.advice =
                there_are(r.in_radius) + within + ", but none match everything you chose." + try_loosen;
        } else if (any_within_widest > 0) {
            r.advice = "No agencies" + within + ". " + there_are(any_within_widest) + " within " +
                       format_miles(searched) + ", but none match everything you chose." + try_loosen;
        } else {
            // 20 miles is the widest the app offers: never suggest a distance that is not there.
            r.advice = "No agencies in our information within " + format_miles(searched) + ".";
        }
    } else if (r.total < kFewResults && r.can_widen) {
        r.advice = "Only " + agencies_words(r.total) + within + "." + try_wider;
    }
    return r;
}

} // namespace hcf::core
