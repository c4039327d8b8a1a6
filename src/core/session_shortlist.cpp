// homecare-finder core: the session's agency page, shortlist, share link and exports (see session.h,
// [SECTION] Agency, shortlist, share, storage, export).
// Depends on: core/session, core/data_store, core/export, core/url_state.
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include <algorithm>

namespace hcf::core {

// ---- agency, shortlist -------------------------------------------------------------------------

void Session::open_agency(std::size_t index) {
    if (!data_.bundle() || index >= data_.bundle()->providers.size()) return;
    agency_ = index;
    data_.request_details_for(data_.bundle()->providers[index]);
    go(Screen::Agency);
}

bool Session::open_agency_id(std::string_view location_id) {
    const auto i = index_of(location_id);
    if (!i) return false;
    open_agency(*i);
    return true;
}

const Provider* Session::agency() const {
    if (!data_.bundle() || !agency_ || *agency_ >= data_.bundle()->providers.size()) return nullptr;
    return &data_.bundle()->providers[*agency_];
}

std::optional<std::size_t> Session::index_of(std::string_view location_id) const {
    if (!data_.bundle()) return std::nullopt;
    const auto& v = data_.bundle()->providers;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].location_id == location_id) return i;
    return std::nullopt;
}

bool Session::in_shortlist(std::string_view id) const {
    return std::find(shortlist_.begin(), shortlist_.end(), id) != shortlist_.end();
}

void Session::toggle_shortlist(std::string_view id) {
    const auto it = std::find(shortlist_.begin(), shortlist_.end(), id);
    if (it != shortlist_.end()) {
        shortlist_.erase(it);
    } else if (valid_location_id(id)) {
        if (shortlist_.size() >= kMaxShortlist && data_.bundle()) { // full: an id not in the data gives way
            const auto gone = std::find_if(shortlist_.begin(), shortlist_.end(),
                                           [this](const std::string& s) { return !index_of(s); });
            if (gone != shortlist_.end()) shortlist_.erase(gone);
        }
        if (shortlist_.size() >= kMaxShortlist) return;
        shortlist_.emplace_back(id);
        if (const auto i = index_of(id)) data_.request_details_for(data_.bundle()->providers[*i]);
    }
}

std::vector<std::size_t> Session::shortlist_indices() const {
    std::vector<std::size_t> out;
    for (const auto& id : shortlist_)
        if (const auto i = index_of(id)) out.push_back(*i);
    return out;
}

std::size_t Session::shortlist_missing() const {
    return data_.bundle() ? shortlist_.size() - shortlist_indices().size() : 0;
}

void Session::remove_missing_from_shortlist() {
    if (data_.bundle()) std::erase_if(shortlist_, [this](const std::string& id) { return !index_of(id); });
}

double Session::distance_miles_to(std::size_t index) const {
    if (!searched_ || !data_.bundle() || index >= data_.bundle()->providers.size()) return -1;
    const Provider& p = data_.bundle()->providers[index];
    if (p.precision == GeoPrecision::None) return -1;
    return distance_miles(location_.centre, p.location);
}

// ---- share link and storage --------------------------------------------------------------------

std::string Session::share_link_query() const {
    return encode_share_state(take_away(share_state()));
}

std::string Session::share_query() const {
    // A kiosk's address holds only how it was set up, no one's search or shortlist (issue 16, item 11).
    return encode_share_state(page_.kiosk ? page_.address : share_state());
}

ShareState Session::share_state() const {
    ShareState s;
    s.postcode = searched_ ? location_.postcode.normalised : std::string();
    s.help = help_;
    s.radius_miles = query_.radius_miles;
    s.sort = query_.sort;
    s.min_rating = query_.min_rating;
    s.include_not_rated = query_.include_not_rated;
    s.shortlist = shortlist_;
    s.council = council_id_;
    if (screen_ != Screen::Start) s.screen = std::string(screen_key(screen_));
    if (screen_ == Screen::Agency && agency()) s.agency = agency()->location_id;
    s.kiosk = page_.kiosk;
    s.idle_seconds = page_.address.idle_seconds;
    s.theme = page_.address.theme;
    s.lang = page_.address.lang;
    return s;
}

void Session::apply_share_query(std::string_view query) {
    const ShareState s = decode_share_state(query);
    page_ = page_setup(s);
    help_.clear();
    for (const auto& h : s.help)
        set_help(h, true);
    query_.radius_miles = s.radius_miles;
    query_.sort = s.sort;
    query_.min_rating = s.min_rating;
    query_.include_not_rated = s.include_not_rated;
    for (const auto& id : s.shortlist)
        if (!in_shortlist(id)) toggle_shortlist(id);
    if (!s.council.empty()) council_id_ = s.council;
    const Screen wanted = parse_screen(s.screen).value_or(Screen::Start);
    pending_agency_ = s.agency;
    if (!s.postcode.empty()) {
        postcode_input_ = s.postcode;
        search_waiting_ = !ready();
        if (ready() && find_care()) {
            screen_ = wanted;
            if (!s.agency.empty()) open_agency_id(s.agency);
            pending_agency_.clear();
        } else {
            screen_ = wanted; // applied when the data arrives (set_bundle)
        }
    } else if (wanted != Screen::Results && wanted != Screen::Around && wanted != Screen::Agency) {
        screen_ = wanted;
    }
}

void Session::clear_my_information() {
    shortlist_.clear();
    storage_newer_.clear();
    settings_ = Settings{};
    help_.clear();
    refresh_needs();
    postcode_input_.clear();
    search_waiting_ = false;
    message_.clear();
    location_ = {};
    searched_ = false;
    results_ = {};
    agency_.reset();
    history_.clear();
    screen_ = Screen::Start;
    cost_inputs_ = CostInputs{};
    means_inputs_ = MeansTestInputs{};
    query_ = SearchQuery{};
    query_.page_size = 0;
}

// ---- export ------------------------------------------------------------------------------------

std::vector<ShortlistEntry> Session::shortlist_entries() const {
    std::vector<ShortlistEntry> list;
    for (std::size_t i : shortlist_indices())
        list.push_back({&provider(i), distance_miles_to(i)});
    return list;
}

ExportOptions Session::export_options(std::string_view today) const {
    ExportOptions o;
    o.place = has_search() ? location().postcode.normalised : std::string();
    o.generated_date = std::string(today);
    if (const Bundle* b = bundle()) {
        o.data_date = b->info.cqc_edition;
        for (const SourceInfo& src : b->info.sources)
            if (!src.edition_words.empty()) o.edition_words[src.id] = src.edition_words;
    }
    return o;
}

} // namespace hcf::core
