// homecare-finder core: one person's session (see session.h).
// Depends on: core/bundle, core/search, core/costs, core/means_test, core/export, core/url_state,
// nlohmann/json. SPDX-License-Identifier: MIT
#include "core/session.h"

#include "core/data_update.h"
#include "core/export.h"
#include "core/text_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace hcf::core {

// ---- screens and help options ----------------------------------------------------------------

namespace {
constexpr std::pair<Screen, std::string_view> kScreens[] = {
    {Screen::Start, "start"},       {Screen::Results, "results"},     {Screen::Around, "around"},
    {Screen::Agency, "agency"},     {Screen::Shortlist, "shortlist"}, {Screen::Cost, "cost"},
    {Screen::WhoPays, "who_pays"},  {Screen::Council, "council"},     {Screen::About, "about"},
    {Screen::Settings, "settings"},
};

} // namespace

std::string_view screen_key(Screen s) {
    for (const auto& [screen, key] : kScreens)
        if (screen == s) return key;
    return "start";
}

bool parse_screen(std::string_view key, Screen* out) {
    for (const auto& [screen, k] : kScreens)
        if (k == key) {
            *out = screen;
            return true;
        }
    return false;
}

const std::vector<HelpOption>& help_options() {
    static const std::vector<HelpOption> options = {
        {"personal_care", "Help with washing and dressing", 0,
         "Every home care agency helps with washing and dressing (personal care)."},
        {"medication", "Help with medicines", 0,
         "Most agencies can help with medicines. Ask each agency how they do it."},
        {"dementia", "Dementia", NeedDementia, ""},
        {"learning_autism", "Learning disability or autism", NeedLearningDisability, ""},
        {"mental_health", "Mental health", NeedMentalHealth, ""},
        {"physical", "Physical disability", NeedPhysicalDisability, ""},
        {"sensory", "Sight or hearing loss", NeedSensoryImpairment, ""},
        {"night", "Night care", 0,
         "The care register does not say which agencies offer night care. Ask each agency."},
        {"live_in", "Live-in care", 0,
         "The care register does not say which agencies offer live-in care. Ask each agency."},
        {"after_hospital", "Short-term help after hospital", 0,
         "Short-term help after hospital (reablement) is usually free for up to 6 weeks. Ask the "
         "hospital or your council first."},
    };
    return options;
}

const HelpOption* find_help_option(std::string_view key) {
    for (const auto& o : help_options())
        if (o.key == key) return &o;
    return nullptr;
}

// ---- data ------------------------------------------------------------------------------------

Session::Session() {
    query_.page_size = 0; // the UI lists every result (with a list clipper)
}
Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

bool Session::load_bundle(std::string_view bytes, std::string* message) {
    Expected<Bundle> load = core::load_bundle(bytes);
    if (!load) {
        set_load_error(load.error());
        if (message) *message = load.error();
        return false;
    }
    set_bundle(std::move(*load));
    return true;
}

void Session::set_bundle(Bundle bundle) {
    bundle_ = std::make_unique<Bundle>(std::move(bundle));
    engine_ = std::make_unique<SearchEngine>(bundle_->providers, &bundle_->geography);
    councils_.clear();
    for (const auto& text : bundle_->council_profiles) {
        CouncilProfileLoad p = load_council_profile(text.json);
        if (p.ok) councils_.push_back(std::move(p.profile));
    }
    load_error_.clear();
    if (restoring_ && updated_.updated) { // the browser could not forget the updated data
        restoring_ = false;
        update_failed_ = true;
        update_message_ =
            "The updated data could not be removed from this browser. Clear this site's data in "
            "the browser's settings to go back to the data that came with this service.";
    } else if (restoring_) {
        restoring_ = false;
        update_failed_ = false;
        update_message_ = "The data that came with this service is back in use: CQC data of " +
                          format_date(bundle_->info.cqc_edition) + ", " +
                          agencies_words(bundle_->info.agencies) + ".";
    }
    // A share link may have arrived before the data: carry it out now.
    if (!postcode_input_.empty()) {
        const Screen wanted = screen_;
        const std::string agency = pending_agency_;
        if (find_care()) {
            if (wanted != Screen::Start) screen_ = wanted;
            if (!agency.empty()) open_agency_id(agency);
        }
    } else if (!pending_agency_.empty()) {
        open_agency_id(pending_agency_);
    }
    pending_agency_.clear();
}

void Session::receive_file(std::string_view name, std::string_view bytes) {
    std::string error;
    if (update_ && update_->wants_file(name)) {
        // A postcode file the update asked for; the session keeps it too only if it asked for it as well.
        if (const auto checked = manifest_ ? verify_file(*manifest_, name, bytes) : Expected<void>();
            !checked)
            update_->receive_error(name, checked.error());
        else
            update_->receive_file(name, bytes);
        if (std::find(requested_.begin(), requested_.end(), name) == requested_.end()) return;
    }
    if (name == "manifest.json") {
        Expected<Manifest> m = read_manifest(bytes);
        if (!m) {
            set_load_error(
                "The list of care information files is damaged (manifest.json). Reload the page; if "
                "it keeps happening, tell the website owner.");
            return;
        }
        manifest_ = std::make_unique<Manifest>(std::move(*m));
        updated_ = manifest_->updated_in_browser;
        if (!waiting_bundle_.empty()) {
            std::string waiting;
            waiting.swap(waiting_bundle_);
            receive_file("bundle.bin", waiting);
        }
        return;
    }
    if (name == "bundle.bin" && !manifest_) {
        waiting_bundle_ = std::string(bytes);
        return;
    }
    if (const auto checked = manifest_ ? verify_file(*manifest_, name, bytes) : Expected<void>(); !checked) {
        if (name == "bundle.bin") set_load_error(checked.error());
        if (name.rfind("details/", 0) == 0) details_failed_[std::string(name)] = checked.error();
        return; // a damaged postcode pack is ignored: the app keeps working at lower precision
    }
    if (name == "bundle.bin") {
        load_bundle(bytes);
        return;
    }
    if (!bundle_) return;
    if (name.rfind("postcodes/", 0) == 0) {
        if (!bundle_->geography.add_unit_pack(data_file_area(name), bytes, &error))
            return; // sector precision
        relocate_after_unit_pack();
    } else if (name.rfind("details/", 0) == 0) {
        (void)apply_details(*bundle_, bytes); // on failure the agencies keep their short record
    }
}

std::vector<std::string> Session::take_file_requests() {
    std::vector<std::string> out;
    out.swap(requests_);
    return out;
}

void Session::request(std::string name) {
    if (std::find(requested_.begin(), requested_.end(), name) != requested_.end()) return;
    requested_.push_back(name);
    requests_.push_back(std::move(name));
}

void Session::set_load_error(std::string message) {
    bundle_.reset();
    engine_.reset();
    load_error_ = std::move(message);
}

// ---- navigation --------------------------------------------------------------------------------

void Session::go(Screen s) {
    if (s == screen_) return;
    history_.push_back(screen_);
    if (history_.size() > 20) history_.erase(history_.begin());
    screen_ = s;
}

void Session::back() {
    if (history_.empty()) {
        screen_ = Screen::Start;
        return;
    }
    screen_ = history_.back();
    history_.pop_back();
}

std::string Session::take_notice() {
    std::string n;
    n.swap(notice_);
    return n;
}

// ---- start -------------------------------------------------------------------------------------

void Session::set_postcode_input(std::string_view text) {
    postcode_input_ = std::string(text.substr(0, 40));
}

std::string Session::hint() const {
    return hint_while_typing(postcode_input_);
}

void Session::set_help(std::string_view key, bool on) {
    if (!find_help_option(key)) return;
    const auto it = std::find(help_.begin(), help_.end(), key);
    if (on && it == help_.end()) help_.emplace_back(key);
    if (!on && it != help_.end()) help_.erase(it);
    refresh_needs();
    if (searched_) run_search();
}

bool Session::help(std::string_view key) const {
    return std::find(help_.begin(), help_.end(), key) != help_.end();
}

void Session::refresh_needs() {
    query_.needs = 0;
    for (const auto& key : help_)
        if (const HelpOption* o = find_help_option(key)) query_.needs |= o->needs;
}

void Session::set_radius(double miles) {
    query_.radius_miles = std::clamp(miles, kMinRadiusMiles, kMaxRadiusMiles);
    if (searched_) run_search();
}

void Session::set_council(std::string_view id) {
    council_id_ = std::string(id);
}

const CouncilProfile* Session::council() const {
    return find_council_by_id(councils_, council_id_);
}

CouncilHelp Session::council_help() const {
    if (!bundle_) return {};
    if (searched_ && !location_.councils.empty()) return core::council_help(*bundle_, location_.councils);
    if (const CouncilProfile* c = council()) return council_help_for_code(*bundle_, c->upper_tier_code);
    return {};
}

bool Session::find_care() {
    if (!ready()) {
        message_ = load_error_.empty() ? "The care information is still loading. Please wait a moment."
                                       : load_error_;
        return false;
    }
    location_ = locate(bundle_->geography, postcode_input_);
    if (!location_.ok) {
        message_ = location_.message;
        searched_ = false;
        results_ = {};
        return false;
    }
    if (location_.needs_unit_pack) request(unit_file_name(location_.postcode.area));
    message_ = location_.place.empty() ? location_.postcode.normalised : location_.place;
    if (!location_.councils.empty())
        if (const CouncilProfile* c = find_council_for(councils_, location_.councils.front().upper_tier_code))
            council_id_ = c->id;
    searched_ = true;
    run_search();
    go(Screen::Results);
    return true;
}

void Session::relocate_after_unit_pack() {
    if (!searched_ || location_.precision == GeoPrecision::Unit || !location_.needs_unit_pack) return;
    Location again = locate(bundle_->geography, postcode_input_);
    if (again.ok && again.precision != GeoPrecision::Unit) return; // still approximate: keep the search
    if (!again.ok) {
        // The full postcode is not in its area's list after all: say so, back on the start screen.
        location_ = std::move(again);
        message_ = location_.message;
        searched_ = false;
        results_ = {};
        if (screen_ == Screen::Results || screen_ == Screen::Around) {
            history_.clear();
            screen_ = Screen::Start;
        }
        return;
    }
    location_ = std::move(again);
    run_search();
}

// ---- results -----------------------------------------------------------------------------------

void Session::run_search() {
    if (!engine_ || !searched_) return;
    query_.centre = location_.centre;
    query_.page = 1;
    query_.page_size = 0;
    results_ = engine_->search(query_);
    request_details_for_results();
}

void Session::request_details_for_results() {
    // Contact details come in per-area packs: fetch those the first screenful of results needs.
    const std::size_t n = std::min<std::size_t>(results_.matches.size(), 200);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string area = details_area(bundle_->providers[results_.matches[i].index]);
        if (!bundle_->details_applied.count(area)) request(details_file_name(area));
    }
}

void Session::set_sort(SortOrder s) {
    query_.sort = s;
    run_search();
}

void Session::set_min_rating(Rating r, bool include_not_rated) {
    query_.min_rating = r;
    query_.include_not_rated = include_not_rated;
    run_search();
}

void Session::set_text_filter(std::string_view text) {
    query_.text = std::string(text.substr(0, 100));
    run_search();
}

std::string Session::summary() const {
    if (!searched_) return {};
    return result_summary(results_, query_.radius_miles, location_.postcode.normalised);
}

std::string Session::data_dated() const {
    if (!bundle_ || bundle_->info.cqc_edition.empty()) return {};
    // Sources whose exact date is not known say their own ("the 33 London boroughs: first half of 2026").
    std::string others;
    for (const SourceInfo& src : bundle_->info.sources)
        if (!src.edition_words.empty() && !src.coverage_words.empty())
            others += "; " + src.coverage_words + ": " + src.edition_words;
    return "Information dated " + format_date(bundle_->info.cqc_edition) + " (CQC register" + others + ").";
}

std::string Session::register_of(const Provider& p) const {
    if (bundle_)
        for (const SourceInfo& src : bundle_->info.sources)
            if (src.id == p.source) return register_words(p, src.edition_words);
    return register_words(p);
}

bool Session::widen() {
    if (!results_.can_widen) return false;
    set_radius(results_.widen.radius_miles);
    return true;
}

const Provider& Session::provider(std::size_t index) const {
    return bundle_->providers.at(index);
}

// ---- agency, shortlist -------------------------------------------------------------------------

void Session::open_agency(std::size_t index) {
    if (!bundle_ || index >= bundle_->providers.size()) return;
    agency_ = index;
    const std::string area = details_area(bundle_->providers[index]);
    if (!bundle_->details_applied.count(area)) request(details_file_name(area));
    go(Screen::Agency);
}

bool Session::open_agency_id(std::string_view location_id) {
    const auto i = index_of(location_id);
    if (!i) return false;
    open_agency(*i);
    return true;
}

const Provider* Session::agency() const {
    if (!bundle_ || !agency_ || *agency_ >= bundle_->providers.size()) return nullptr;
    return &bundle_->providers[*agency_];
}

std::optional<std::size_t> Session::index_of(std::string_view location_id) const {
    if (!bundle_) return std::nullopt;
    const auto& v = bundle_->providers;
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
        if (shortlist_.size() >= kMaxShortlist && bundle_) { // full: an id not in the data gives way
            const auto gone = std::find_if(shortlist_.begin(), shortlist_.end(),
                                           [this](const std::string& s) { return !index_of(s); });
            if (gone != shortlist_.end()) shortlist_.erase(gone);
        }
        if (shortlist_.size() >= kMaxShortlist) return;
        shortlist_.emplace_back(id);
        if (const auto i = index_of(id)) {
            const std::string area = details_area(bundle_->providers[*i]);
            if (!bundle_->details_applied.count(area)) request(details_file_name(area));
        }
    }
}

std::vector<std::size_t> Session::shortlist_indices() const {
    std::vector<std::size_t> out;
    for (const auto& id : shortlist_)
        if (const auto i = index_of(id)) out.push_back(*i);
    return out;
}

std::size_t Session::shortlist_missing() const {
    return bundle_ ? shortlist_.size() - shortlist_indices().size() : 0;
}

void Session::remove_missing_from_shortlist() {
    if (bundle_) std::erase_if(shortlist_, [this](const std::string& id) { return !index_of(id); });
}

double Session::distance_miles_to(std::size_t index) const {
    if (!searched_ || !bundle_ || index >= bundle_->providers.size()) return -1;
    const Provider& p = bundle_->providers[index];
    if (p.precision == GeoPrecision::None) return -1;
    return distance_miles(location_.centre, p.location);
}

// ---- share link and storage --------------------------------------------------------------------

std::string Session::share_link_query() const {
    return encode_share_state(take_away(share_state()));
}

bool Session::language_available() const {
    return embed_.lang.empty() || core::language_available(embed_.lang);
}

std::string Session::share_query() const {
    return encode_share_state(share_state());
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
    s.kiosk = kiosk_;
    s.idle_seconds = embed_.idle_seconds;
    s.theme = embed_.theme;
    s.lang = embed_.lang;
    return s;
}

void Session::apply_share_query(std::string_view query) {
    const ShareState s = decode_share_state(query);
    kiosk_ = s.kiosk;
    embed_.idle_seconds = s.idle_seconds;
    embed_.theme = s.theme;
    embed_.lang = s.lang;
    theme_rgb_ = 0;
    if (!s.theme.empty()) parse_theme_colour(s.theme, &theme_rgb_);
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
    Screen wanted = Screen::Start;
    if (!s.screen.empty()) parse_screen(s.screen, &wanted);
    pending_agency_ = s.agency;
    if (!s.postcode.empty()) {
        postcode_input_ = s.postcode;
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

namespace {
std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}
} // namespace

namespace {
std::vector<ShortlistEntry> entries_for(const Session& s) {
    std::vector<ShortlistEntry> list;
    for (std::size_t i : s.shortlist_indices())
        list.push_back({&s.provider(i), s.distance_miles_to(i)});
    return list;
}
ExportOptions options_for(const Session& s, std::string_view today) {
    ExportOptions o;
    o.place = s.has_search() ? s.location().postcode.normalised : std::string();
    o.generated_date = std::string(today);
    if (s.bundle()) {
        o.data_date = s.bundle()->info.cqc_edition;
        for (const SourceInfo& src : s.bundle()->info.sources)
            if (!src.edition_words.empty()) o.edition_words[src.id] = src.edition_words;
    }
    return o;
}
} // namespace

std::string Session::export_json(std::string_view today) const {
    return core::export_json(entries_for(*this), options_for(*this, today));
}
std::string Session::export_csv(std::string_view today) const {
    return core::export_csv(entries_for(*this), options_for(*this, today));
}

std::string Session::share_text(std::string_view link) const {
    return export_share_text(entries_for(*this), link);
}

std::string Session::print_html(std::string_view today) const {
    // A plain, printable page built from the core's text export, escaped so no data can inject markup.
    const std::string text = export_text(entries_for(*this), options_for(*this, today));
    return "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Your shortlist of home "
           "care agencies</title><style>body{font-family:'Atkinson Hyperlegible',Arial,sans-serif;margin:2cm;"
           "color:#0b0c0c}h1{font-size:24pt}pre{white-space:pre-wrap;font-family:inherit;font-size:13pt;"
           "line-height:1.4}</style></head><body><h1>Your shortlist of home care agencies</h1><pre>" +
           html_escape(text) + "</pre></body></html>";
}

// ---- cost and who pays -------------------------------------------------------------------------

CostEstimate Session::cost_estimate() const {
    if (!bundle_) {
        CostEstimate e;
        e.error = "The cost information is still loading.";
        return e;
    }
    return estimate_costs(cost_inputs_, bundle_->costs, council());
}

MeansTestResult Session::means_result() const {
    if (!bundle_) {
        MeansTestResult r;
        r.error = "The information is still loading.";
        return r;
    }
    return run_means_test(means_inputs_, means_test_figures(bundle_->costs));
}

// ---- updating the data ---------------------------------------------------------------------------

bool Session::start_update(std::vector<DataFile> files, std::string today) {
    if (kiosk_ || update_) return false;
    go(Screen::About);
    update_failed_ = false;
    update_message_.clear();
    if (!bundle_ || !manifest_) {
        update_failed_ = true;
        update_message_ =
            "The care information is still loading. Wait a moment, then choose the files again.";
        return false;
    }
    update_ = std::make_unique<DataUpdate>(std::move(files), *bundle_, *manifest_, std::move(today));
    update_save_given_ = false;
    end_update(); // an update with no files has already failed
    return update_ != nullptr;
}

bool Session::update_can_step() const {
    return update_ && update_->can_step();
}

void Session::step_update() {
    if (!update_) return;
    update_->step();
    // The update's postcode files are fetched even if the session asked for them already (it may still be
    // waiting for them, and each request is answered once).
    for (auto& name : update_->take_file_requests())
        requests_.push_back(std::move(name));
    end_update();
}

void Session::end_update() {
    if (!update_ || update_->stage() != UpdateStage::Failed) return;
    update_failed_ = true;
    update_message_ = update_->error();
    update_.reset();
}

std::vector<DataFile> Session::take_files_to_save() {
    if (!update_ || !update_->ready_to_save() || update_save_given_) return {};
    update_save_given_ = true;
    return update_->result().files;
}

void Session::update_saved(bool ok, std::string_view message) {
    if (!update_ || !update_->ready_to_save()) return;
    update_->saved(ok, message);
    if (update_->stage() == UpdateStage::Done) {
        update_message_ = update_->result().summary;
        install_files(update_->result().files);
        update_.reset();
        return;
    }
    end_update();
}

void Session::install_files(const std::vector<DataFile>& files) {
    // The new data replaces the old as if it had just been fetched; the person stays where they are.
    const Screen screen = screen_;
    const std::vector<Screen> history = history_;
    manifest_.reset();
    waiting_bundle_.clear();
    requested_.clear();
    agency_.reset();
    for (const char* first : {"manifest.json", "bundle.bin"})
        for (const auto& f : files)
            if (f.name == first) receive_file(f.name, f.bytes);
    for (const auto& f : files)
        if (data_file_kind(f.name) == DataFileKind::Details) receive_file(f.name, f.bytes);
    screen_ = screen;
    history_ = history;
}

DataUpdateStatus Session::update_status() const {
    DataUpdateStatus st;
    if (update_) {
        const UpdateProgress p = update_->progress();
        st.active = true;
        st.fraction = p.fraction;
        st.words = p.words;
        return st;
    }
    st.failed = update_failed_;
    st.message = update_message_;
    if (restoring_) st.words = "Restoring the data that came with this service...";
    return st;
}

void Session::restore_bundled_data() {
    if (kiosk_ || update_ || !updated_.updated || restoring_) return;
    restore_requested_ = true;
    restoring_ = true;
    update_failed_ = false;
    update_message_.clear();
}

bool Session::take_restore_request() {
    const bool r = restore_requested_;
    restore_requested_ = false;
    return r;
}

void Session::reload_data() {
    // The data in use stays until the new manifest and bundle arrive (the bundle waits for the manifest).
    manifest_.reset();
    waiting_bundle_.clear();
    requested_.clear();
}

// ---- state for tests and the accessible mirror ------------------------------------------------

std::string Session::state_json() const {
    using nlohmann::json;
    json j;
    j["ready"] = ready();
    j["loadError"] = load_error_;
    j["screen"] = std::string(screen_key(screen_));
    j["input"] = postcode_input_;
    j["message"] = message_;
    j["notice"] = notice_;
    j["storage"] = {{"kept", storage_kept_}, {"newer", storage_newer()}};
    j["help"] = help_;
    j["kiosk"] = kiosk_;
    j["shareLinkQuery"] = share_link_query();
    j["dataDated"] = data_dated();
    j["embed"] = {{"idle", embed_.idle_seconds},
                  {"theme", embed_.theme},
                  {"lang", embed_.lang},
                  {"langAvailable", language_available()}};
    j["location"] = {{"ok", location_.ok},
                     {"postcode", location_.postcode.normalised},
                     {"precision", std::string(geo_precision_key(location_.precision))},
                     {"lat", location_.centre.lat},
                     {"lng", location_.centre.lng},
                     {"place", location_.place},
                     {"error", std::string(postcode_error_key(location_.error))}};
    const CouncilProfile* c = council();
    j["council"] = c ? json{{"id", c->id}, {"name", c->name}} : json(nullptr);
    json search = {{"active", searched_},
                   {"radius", query_.radius_miles},
                   {"sort", std::string(sort_key(query_.sort))},
                   {"minRating", std::string(rating_key(query_.min_rating))},
                   {"includeNotRated", query_.include_not_rated},
                   {"total", results_.total},
                   {"summary", summary()},
                   {"advice", results_.advice},
                   {"canWiden", results_.can_widen},
                   {"widenTo", results_.can_widen ? results_.widen.radius_miles : 0.0}};
    json rows = json::array();
    for (std::size_t i = 0; i < results_.matches.size() && i < 100; ++i) {
        const Match& m = results_.matches[i];
        const Provider& p = bundle_->providers[m.index];
        rows.push_back({{"id", p.location_id},
                        {"name", p.name},
                        {"miles", m.distance_miles},
                        {"rating", std::string(rating_key(p.overall))}});
    }
    search["results"] = rows;
    j["search"] = search;
    if (const Provider* a = agency()) {
        j["agency"] = {{"id", a->location_id},
                       {"name", a->name},
                       {"phone", a->phone},
                       {"website", a->website},
                       {"address", a->address},
                       {"detailsLoaded", a->details_loaded},
                       {"detailsError", details_error()},
                       {"rating", overall_rating_words(*a)},
                       {"ratingWhen", rating_date_words(*a)},
                       {"register", register_of(*a)}};
        if (a->key_questions_in_data) {
            const KeyQuestionRatings& k = a->key_questions;
            j["agency"]["keyQuestions"] = {{"safe", rating_key(k.safe)},
                                           {"effective", rating_key(k.effective)},
                                           {"caring", rating_key(k.caring)},
                                           {"responsive", rating_key(k.responsive)},
                                           {"wellLed", rating_key(k.well_led)}};
        }
    } else {
        j["agency"] = nullptr;
    }
    if (const CouncilHelp h = council_help(); h.known) {
        json help = {{"code", h.code},
                     {"name", h.name},
                     {"complete", h.complete},
                     {"agencies", h.agencies},
                     {"notCovered", h.not_covered},
                     {"holdings", h.holdings}};
        if (h.contact)
            help["contact"] = {{"phone", h.contact->phone},
                               {"page", h.contact->page_url},
                               {"directory", h.contact->directory_name},
                               {"directoryUrl", h.contact->directory_url},
                               {"seen", contact_seen_words(*h.contact)}};
        j["councilHelp"] = help;
    } else {
        j["councilHelp"] = nullptr;
    }
    j["shortlist"] = shortlist_;
    j["shortlistMissing"] = shortlist_missing();
    j["settings"] = {{"textSize", settings_.text_size_percent}, {"highContrast", settings_.high_contrast}};
    // What "Who pays?" was given and worked out (pence), so tests check figures, not words on the canvas.
    json means = {{"savingsPence", means_inputs_.capital_pence},
                  {"incomePence", means_inputs_.weekly_income_pence}};
    if (bundle_) {
        const MeansTestResult r = means_result();
        means["ok"] = r.ok;
        means["tariffPence"] = r.tariff_income_pence;
        means["aboveUpperLimit"] = r.above_upper_limit;
    }
    j["means"] = means;
    if (bundle_)
        j["data"] = {{"edition", bundle_->info.cqc_edition},
                     {"agencies", bundle_->info.agencies},
                     {"source", updated_.updated ? "updated" : "bundled"},
                     {"updatedOn", updated_.on},
                     {"files", updated_.files}};
    const DataUpdateStatus u = update_status();
    j["update"] = {{"active", u.active},
                   {"failed", u.failed},
                   {"fraction", u.fraction},
                   {"words", u.words},
                   {"message", u.message}};
    return j.dump();
}

} // namespace hcf::core
