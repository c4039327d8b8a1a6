// homecare-finder UI: the agency screen — everything the data holds about one agency, and questions to ask.
// Depends on: ui/app, ui/widgets, ui/platform, core/session, core/search, core/text_format.
// SPDX-License-Identifier: MIT
//
// Empty fields are said out loud ("Not in our information") rather than hidden, so a missing phone
// number is never mistaken for a page that failed to draw.
#include "ui/app.h"
#include "ui/council_help_view.h"
#include "ui/kiosk.h"
#include "ui/load_fault.h"
#include "ui/rating_view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include "core/search.h"
#include "core/text_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

constexpr const char* kNotInData = "Not in our information";

// A fact as a summary row: the bold label beside its value on wide screens, above it on phones.
template <class Draw> void fact_row(std::string_view label, Draw&& value) {
    ImGui::Dummy(ImVec2(0, 2.0f * ui().scale));
    const bool beside = !ui().phone && ImGui::GetContentRegionAvail().x > 600.0f * ui().scale;
    const float x = ImGui::GetCursorPosX(); // window-local, for the wrap position
    const float x0 = ImGui::GetCursorScreenPos().x;
    const float label_w = 280.0f * ui().scale;
    ImGui::PushFont(ui().fonts.bold);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(beside ? x + label_w - 20.0f * ui().scale : 0.0f);
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::PopFont();
    if (beside) same_line_at(x0 + label_w);
    ImGui::BeginGroup();
    const std::size_t first = ui().items.size();
    value();
    ImGui::EndGroup();
    // A screen reader hears the label with its value, as one: "Address: 2a Connaught Avenue, London".
    if (first < ui().items.size()) {
        UiItem& it = ui().items[first];
        if (it.role == "text")
            it.label = std::string(label) + ": " + it.label;
        else
            it.prefix = std::string(label);
    }
}

void fact(std::string_view label, const std::string& value) {
    fact_row(label, [&] {
        if (value.empty())
            secondary(kNotInData);
        else
            body(value);
    });
}

void bullet(std::string_view text) {
    ImGui::Bullet();
    ImGui::SameLine();
    body(text);
}

std::string needs_text(core::Needs needs) {
    std::string out;
    for (core::Need n : core::all_needs())
        if (needs & n) out += (out.empty() ? "" : ", ") + std::string(core::need_label(n));
    return out;
}

std::string services_text(core::ServiceTypes types) {
    std::string out;
    for (core::ServiceType t : core::all_service_types())
        if (types & t) out += (out.empty() ? "" : ", ") + std::string(core::service_label(t));
    return out;
}

void rating_section(const core::Provider& p) {
    heading("Inspection rating");
    provider_rating(p, "rating");
    if (!core::rating_known(p)) body("The CQC page has the agency's current rating and its reports.");
    secondary("Ratings are given by the Care Quality Commission (CQC), which inspects care in England.");
    if (!core::rating_known(p)) return;
    if (p.key_questions_in_data) {
        subheading("Rating for each question CQC asks");
        key_question_rows(p, "rating.");
    } else {
        secondary(
            "The ratings for each question CQC asks (safe, effective, caring, responsive, well-led) are "
            "not in our information. The CQC page has them.");
    }
}

void contact_section(App& app, const core::Provider& p) {
    heading("Contact");
    if (!p.details_loaded) {
        details_status(app);
        return;
    }
    std::string address = p.address;
    if (!p.postcode.empty()) address += (address.empty() ? "" : ", ") + p.postcode;
    fact("Address", address);
    fact_row("Phone", [&] {
        if (p.phone.empty())
            secondary(kNotInData);
        else
            phone_number(app, "phone", p.phone);
    });
    fact_row("Website", [&] {
        if (p.website.empty())
            secondary(kNotInData);
        else
            website_link(app.platform(), "website", p.website, p.website);
    });
}

void questions_to_ask() {
    heading("Questions to ask an agency");
    body("Before you agree a contract, ask:");
    bullet("What times will the carers visit, and how flexible can the times be?");
    bullet("Will the same carers come each time?");
    bullet("What happens when a carer is ill or on holiday?");
    bullet("How much notice do I need to give to end the contract?");
    bullet("How do you charge for short visits, evenings, weekends and bank holidays?");
    bullet("How do I complain if something goes wrong?");
    secondary(
        "If you pay for your own care and a complaint to the agency does not sort things out, the Local "
        "Government and Social Care Ombudsman can look at it. It is free.");
}

} // namespace

void draw_agency(App& app) {
    core::Session& s = app.session();
    if (back_link()) s.back();
    const core::Provider* found = s.agency();
    if (!found) {
        title("Agency not found");
        body("We could not find this agency in the information we have. It may have closed, or the link may "
             "be out of date.");
        if (primary_button("find_care", "Find care", action_width())) s.go(core::Screen::Start);
        return;
    }
    const core::Provider& p = *found;
    const std::size_t index = *s.agency_index();
    title(p.name);
    const double miles = s.distance_miles_to(index);
    if (miles >= 0)
        secondary(core::distance_words(miles, p.precision != core::GeoPrecision::Unit) + " from " +
                  s.location().postcode.normalised);

    const bool listed = s.in_shortlist(p.location_id);
    if (primary_button("shortlist_toggle", listed ? "Remove from shortlist" : "Add to shortlist",
                       action_width())) {
        s.toggle_shortlist(p.location_id);
        app.edit.status =
            listed ? p.name + " removed from your shortlist" : p.name + " added to your shortlist";
    }
    if (s.in_shortlist(p.location_id)) {
        secondary("On your shortlist (" + std::to_string(s.shortlist().size()) + ").");
        if (link("see_shortlist", "See your shortlist")) s.go(core::Screen::Shortlist);
    }

    rating_section(p);
    const std::string report =
        !p.cqc_url.empty()
            ? p.cqc_url
            : (p.location_id.empty() ? "" : "https://www.cqc.org.uk/location/" + p.location_id);
    if (!report.empty())
        external_link(app.platform(), "cqc_report", "Read the CQC report", report, "CQC report");

    contact_section(app, p);
    if (ui().kiosk && p.details_loaded) { // no links on a kiosk: the person takes the page away instead
        subheading("Take these details with you");
        secondary("Scan this QR code with your phone's camera to open this page on your phone.");
        qr_code(
            app, "agency_qr", take_away_link(app),
            "QR code with a link to this agency's page. Scan it with your phone's camera to open it on your "
            "phone.",
            240.0f);
    }

    heading("What the agency does");
    fact("Registered with CQC for", services_text(p.service_types));
    fact("Who it supports", needs_text(p.needs));
    if (!p.specialisms.empty()) {
        fact_row("What the agency says it specialises in", [&] {
            for (const auto& sp : p.specialisms)
                bullet(sp);
        });
    }

    heading("Who runs it");
    fact("Provider (the organisation registered with CQC)", p.provider_name);
    if (!p.brand.empty()) fact("Group or brand", p.brand);
    if (!p.registered_date.empty()) fact("Registered since", core::format_date(p.registered_date));
    if (!p.local_authority.empty()) fact("Council area", p.local_authority);

    questions_to_ask();

    ImGui::Spacing();
    if (link("cost", "What will care cost?")) s.go(core::Screen::Cost);
    if (link("council", "Your council and where to get help")) s.go(core::Screen::Council);
    if (const std::string reg = s.register_of(p); !reg.empty())
        secondary("Information from the " + reg + ". Ratings change: check the CQC page before you choose.");
}

} // namespace hcf::ui
