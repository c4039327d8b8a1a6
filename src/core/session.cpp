// homecare-finder core: one person's session — screens, navigation, the search, cost and who pays (see
// session.h; the data, shortlist, storage and update parts are in session_*.cpp).
// Depends on: core/session, core/data_store, core/data_update (its destructor), core/search, core/costs,
// core/means_test, core/text_format. SPDX-License-Identifier: MIT
#include "core/session.h"

#include "core/data_update.h"
#include "core/text_format.h"

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

std::optional<Screen> parse_screen(std::string_view key) {
    for (const auto& [screen, k] : kScreens)
        if (k == key) return screen;
    return std::nullopt;
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

// ---- the session itself ------------------------------------------------------------------------

Session::Session() {
    query_.page_size = 0; // the UI lists every result (with a list clipper)
}
Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

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
    const std::string typed_now(text.substr(0, kPostcodeInputMax));
    if (typed_now != postcode_input_) search_waiting_ = false; // a search asked for before is of other words
    postcode_input_ = typed_now;
    // Once the district is certain ("B13 " or "B13 9"), its unit postcodes are fetched while the rest is
    // typed, so Enter on the full postcode finds them here.
    if (!data_.bundle()) return;
    const PostcodeParse typed = parse_postcode(postcode_input_);
    if (!typed.ok) return;
    const bool district_complete =
        typed.postcode.kind != PostcodeKind::District || postcode_input_.back() == ' ';
    const Geography& geo = data_.bundle()->geography;
    if (const District* d = geo.district(typed.postcode.district);
        district_complete && d && d->postcodes > 0 && !geo.has_units_of(d->code))
        data_.request(unit_file_name(d->code));
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
    return find_council_by_id(data_.councils(), council_id_);
}

CouncilHelp Session::council_help() const {
    if (!data_.bundle()) return {};
    if (searched_ && !location_.councils.empty())
        return core::council_help(*data_.bundle(), location_.councils);
    if (const CouncilProfile* c = council())
        return council_help_for_code(*data_.bundle(), c->upper_tier_code);
    return {};
}

bool Session::find_care() {
    if (!ready()) {
        // On a slow connection the start screen works before the data is in: the search waits for it
        // (data_arrived) instead of asking the person to press again.
        search_waiting_ = !data_.load_failure();
        message_ = data_.load_failure() ? data_.load_failure()->message : std::string(kSearchWaiting);
        return false;
    }
    search_waiting_ = false;
    location_ = locate(data_.bundle()->geography, postcode_input_);
    if (!location_.ok) {
        message_ = location_.message;
        // "HR4 9AV": the district's postcodes tell which real ones are one letter away; the words come first.
        if (location_.needs_unit_pack) {
            data_.request(unit_file_name(location_.postcode.district));
            mistyped_input_ = postcode_input_;
        }
        searched_ = false;
        results_ = {};
        return false;
    }
    if (location_.needs_unit_pack) data_.request(unit_file_name(location_.postcode.district));
    message_ = location_.place.empty() ? location_.postcode.normalised : location_.place;
    if (!location_.councils.empty())
        if (const CouncilProfile* c =
                find_council_for(data_.councils(), location_.councils.front().upper_tier_code))
            council_id_ = c->id;
    searched_ = true;
    run_search();
    go(Screen::Results);
    return true;
}

void Session::relocate_after_unit_pack() {
    // The message for a mistyped postcode gains "Did you mean ...?" once its district's units are here (and
    // the person has not typed or searched since).
    if (!mistyped_input_.empty() && !searched_ && mistyped_input_ == postcode_input_) {
        Location again = locate(data_.bundle()->geography, postcode_input_);
        if (again.needs_unit_pack) return; // another district's units
        location_ = std::move(again);
        message_ = location_.message;
        mistyped_input_.clear();
        return;
    }
    mistyped_input_.clear();
    if (!searched_ || location_.precision == GeoPrecision::Unit || !location_.needs_unit_pack) return;
    Location again = locate(data_.bundle()->geography, postcode_input_);
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
    if (!data_.engine() || !searched_) return;
    query_.centre = location_.centre;
    query_.page = 1;
    query_.page_size = 0;
    results_ = data_.engine()->search(query_);
    request_details_for_results();
}

void Session::request_details_for_results() {
    // Contact details come in per-area packs: fetch those the first screenful of results needs.
    const std::size_t n = std::min<std::size_t>(results_.matches.size(), 200);
    for (std::size_t i = 0; i < n; ++i) {
        data_.request_details_for(data_.bundle()->providers[results_.matches[i].index]);
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
    if (!data_.bundle() || data_.bundle()->info.cqc_edition.empty()) return {};
    // Sources whose exact date is not known say their own ("the 33 London boroughs: first half of 2026").
    std::string others;
    for (const SourceInfo& src : data_.bundle()->info.sources)
        if (!src.edition_words.empty() && !src.coverage_words.empty())
            others += "; " + src.coverage_words + ": " + src.edition_words;
    return "Information dated " + format_date(data_.bundle()->info.cqc_edition) + " (CQC register" + others +
           ").";
}

std::string Session::register_of(const Provider& p) const {
    if (data_.bundle())
        for (const SourceInfo& src : data_.bundle()->info.sources)
            if (src.id == p.source) return register_words(p, src.edition_words);
    return register_words(p);
}

bool Session::widen() {
    if (!results_.can_widen) return false;
    set_radius(results_.widen.radius_miles);
    return true;
}

const Provider& Session::provider(std::size_t index) const {
    static const Provider kNone; // a stale index draws an empty row; it never throws out of the core
    const Bundle* b = data_.bundle();
    return b != nullptr && index < b->providers.size() ? b->providers[index] : kNone;
}

// ---- cost and who pays -------------------------------------------------------------------------

CostEstimate Session::cost_estimate() const {
    if (!data_.bundle()) {
        CostEstimate e;
        e.error = "The cost information is still loading.";
        return e;
    }
    return estimate_costs(cost_inputs_, data_.bundle()->costs, council());
}

MeansTestResult Session::means_result() const {
    if (!data_.bundle()) {
        MeansTestResult r;
        r.error = "The information is still loading.";
        return r;
    }
    return run_means_test(means_inputs_, means_test_figures(data_.bundle()->costs));
}

} // namespace hcf::core
