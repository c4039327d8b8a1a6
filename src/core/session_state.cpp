// homecare-finder core: the session as JSON — what the browser tests and the accessible mirror read
// (see session_state.h).
// Depends on: core/session_state.h, core/session.h, nlohmann/json.
// SPDX-License-Identifier: MIT
#include "core/session_state.h"

#include <nlohmann/json.hpp>

namespace hcf::core {

std::string session_state_json(const Session& s) {
    using nlohmann::json;
    json j;
    j["ready"] = s.ready();
    j["loadError"] = s.load_failure() ? s.load_failure()->message : "";
    j["screen"] = std::string(screen_key(s.screen()));
    j["input"] = s.postcode_input();
    j["message"] = s.message();
    j["notice"] = s.notice();
    j["storage"] = {{"kept", s.storage_kept()}, {"newer", s.storage_newer()}};
    j["help"] = s.help_keys();
    j["kiosk"] = s.page().kiosk;
    j["shareLinkQuery"] = s.share_link_query();
    j["dataDated"] = s.data_dated();
    const PageSetup& page = s.page();
    j["embed"] = {{"idle", page.address.idle_seconds},
                  {"idleSeconds", page.idle_seconds},
                  {"theme", page.address.theme},
                  {"lang", page.lang},
                  {"langAvailable", page.language_available}};
    j["location"] = {{"ok", s.location().ok},
                     {"postcode", s.location().postcode.normalised},
                     {"precision", std::string(geo_precision_key(s.location().precision))},
                     {"lat", s.location().centre.lat},
                     {"lng", s.location().centre.lng},
                     {"place", s.location().place},
                     {"error", std::string(postcode_error_key(s.location().error))}};
    const CouncilProfile* c = s.council();
    j["council"] = c ? json{{"id", c->id}, {"name", c->name}} : json(nullptr);
    json search = {{"active", s.has_search()},
                   {"radius", s.query().radius_miles},
                   {"sort", std::string(sort_key(s.query().sort))},
                   {"minRating", std::string(rating_key(s.query().min_rating))},
                   {"includeNotRated", s.query().include_not_rated},
                   {"total", s.results().total},
                   {"summary", s.summary()},
                   {"advice", s.results().advice},
                   {"canWiden", s.results().can_widen},
                   {"widenTo", s.results().can_widen ? s.results().widen.radius_miles : 0.0}};
    json rows = json::array();
    for (std::size_t i = 0; i < s.results().matches.size() && i < 100; ++i) {
        const Match& m = s.results().matches[i];
        const Provider& p = s.provider(m.index);
        rows.push_back({{"id", p.location_id},
                        {"name", p.name},
                        {"miles", m.distance_miles},
                        {"rating", std::string(rating_key(p.overall))}});
    }
    search["results"] = rows;
    j["search"] = search;
    if (const Provider* a = s.agency()) {
        j["agency"] = {{"id", a->location_id},
                       {"name", a->name},
                       {"phone", a->phone},
                       {"website", a->website},
                       {"address", a->address},
                       {"detailsLoaded", a->details_loaded},
                       {"detailsError", s.details_error()},
                       {"rating", overall_rating_words(*a)},
                       {"ratingWhen", rating_date_words(*a)},
                       {"register", s.register_of(*a)}};
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
    if (const CouncilHelp h = s.council_help(); h.known) {
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
    j["shortlist"] = s.shortlist();
    j["shortlistMissing"] = s.shortlist_missing();
    j["settings"] = {{"textSize", s.settings().text_size_percent},
                     {"highContrast", s.settings().high_contrast}};
    // What "Who pays?" was given and worked out (pence), so tests check figures, not words on the canvas.
    json means = {{"savingsPence", s.means_inputs().capital_pence},
                  {"incomePence", s.means_inputs().weekly_income_pence}};
    if (s.bundle()) {
        const MeansTestResult r = s.means_result();
        means["ok"] = r.ok;
        means["tariffPence"] = r.tariff_income_pence;
        means["aboveUpperLimit"] = r.above_upper_limit;
    }
    j["means"] = means;
    if (const Bundle* b = s.bundle())
        j["data"] = {{"edition", b->info.cqc_edition},
                     {"agencies", b->info.agencies},
                     {"source", s.data_source().updated ? "updated" : "bundled"},
                     {"updatedOn", s.data_source().on},
                     {"files", s.data_source().files}};
    const DataUpdateStatus u = s.updater().status();
    j["update"] = {{"active", u.active},
                   {"failed", u.failed},
                   {"fraction", u.fraction},
                   {"words", u.words},
                   {"message", u.message}};
    return j.dump();
}

} // namespace hcf::core
