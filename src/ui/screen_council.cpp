// homecare-finder UI: the "Your council" screen — how the council buys home care, what it pays and charges,
// the local market, where to get help, and the sources. Depends on: ui/app, ui/widgets, ui/platform,
// core/session, core/council_profile, core/geography, core/text_format. SPDX-License-Identifier: MIT
//
// Everything comes from the council's profile as written; agencies are named only where the profile's
// documents name them, and every rate says whose money it is (paid to agencies, or charged to people).
#include "ui/app.h"
#include "ui/council_help_view.h"
#include "ui/load_fault.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include "core/council_profile.h"
#include "core/geography.h"
#include "core/text_format.h"

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

void bullet(std::string_view text) {
    ImGui::Bullet();
    ImGui::SameLine();
    body(text);
}

// "Source: Provider Hub: domiciliary care market position, Essex County Council, 30 September 2024" (a link
// when the document has an address). `figures_for` is the figure's own date, added when the caller does not
// show it elsewhere.
void source_line(App& app, const core::CouncilProfile& c, const std::string& source_id,
                 const std::string& figures_for, const std::string& id) {
    const core::CouncilSource* src = core::find_source(c, source_id);
    if (!src) return;
    std::string words = "Source: ";
    if (src->news_report) words += "a news report, not the council's own papers: ";
    words += src->title;
    if (!src->publisher.empty()) words += ", " + src->publisher;
    const std::string date = core::describe_when(src->date);
    words += date.empty() ? " (undated)" : ", " + date;
    const std::string figures = core::describe_when(figures_for);
    if (!figures.empty() && figures != date) words += ". Figures for " + figures;
    if (!src->url.empty()) {
        external_link(app.platform(), id, words, src->url);
    } else {
        secondary(words);
    }
}

void arrangements(App& app, const core::CouncilProfile& c) {
    if (c.arrangements.empty()) return;
    heading("How the council buys home care");
    int n = 0;
    for (const core::Arrangement& a : c.arrangements) {
        ImGui::PushID(n++);
        subheading(a.name);
        if (!a.description.empty()) body(a.description);
        std::string facts;
        auto add = [&](const std::string& f) { facts += (facts.empty() ? "" : ". ") + f; };
        if (!a.started.empty()) add("Started " + core::describe_when(a.started));
        if (a.term_years > 0)
            add("Runs for " + std::to_string(a.term_years) + (a.term_years == 1 ? " year" : " years"));
        if (a.providers > 0) add(core::agencies_words(static_cast<std::uint64_t>(a.providers)));
        if (a.lots > 0) add(std::to_string(a.lots) + " " + (a.lot_kind.empty() ? "lots" : a.lot_kind));
        if (!facts.empty()) secondary(facts + ".");
        for (const core::FrameworkTier& t : a.tiers)
            bullet(t.name + ": " + t.rule);
        if (!a.services.empty()) {
            std::string list;
            for (const auto& s : a.services)
                list += (list.empty() ? "" : ", ") + s;
            secondary("Covers: " + list + ".");
        }
        source_line(app, c, a.source, "", "arrangement.source." + std::to_string(n));
        ImGui::PopID();
    }
}

std::string rate_money(const core::CouncilRate& r) {
    std::string m = r.per_hour_max_pence > r.per_hour_pence
                        ? core::format_range(r.per_hour_pence, r.per_hour_max_pence, core::Per::Hour, false)
                        : core::format_money_per(r.per_hour_pence, core::Per::Hour);
    if (r.average_pence > 0)
        m += " (on average " + core::format_money_per(r.average_pence, core::Per::Hour) + ")";
    return m;
}

void rates(App& app, const core::CouncilProfile& c) {
    if (c.rates.empty()) return;
    heading("What the council pays and charges");
    const std::pair<core::RateKind, const char*> kinds[] = {
        {core::RateKind::CouncilPaysProvider,
         "What the council pays agencies for care it arranges. This is not a price you can get."},
        {core::RateKind::CouncilChargesClient, "What the council charges people for care it arranges. What "
                                               "you pay depends on a financial assessment."}};
    int n = 0;
    for (const auto& [kind, intro] : kinds) {
        bool any = false;
        for (const core::CouncilRate& r : c.rates)
            any |= r.kind == kind;
        if (!any) continue;
        subheading(kind == core::RateKind::CouncilPaysProvider ? "Paid to agencies" : "Charged to people");
        panel_text(intro);
        for (const core::CouncilRate& r : c.rates) {
            if (r.kind != kind) continue;
            ImGui::PushID(n++);
            body(r.label + ": " + rate_money(r));
            note_item("rate." + std::to_string(n), "text", r.label + ": " + rate_money(r));
            std::string when;
            if (r.care_type != core::CareType::Hourly)
                when = std::string(core::care_type_label(r.care_type)) + ". ";
            if (!r.applies_from.empty())
                when += "From " + core::describe_when(r.applies_from) + ".";
            else if (!r.as_at.empty())
                when += "As at " + core::describe_when(r.as_at) + ".";
            if (!when.empty()) secondary(when);
            if (r.historic)
                secondary("This rate is out of date. It is shown because nothing newer is published.");
            if (!r.note.empty()) secondary(r.note);
            source_line(app, c, r.source, "", // the rate's date is on the line above
                        "rate.source." + std::to_string(n));
            ImGui::Dummy(ImVec2(0, 5.0f * ui().scale));
            ImGui::PopID();
        }
    }
}

// The council's own figures beside what our information holds for it.
void market(App& app, const core::CouncilProfile& c, const core::CouncilHelp& help) {
    if (c.market_facts.empty() && !help.known) return;
    heading("Home care in " + c.area_name);
    if (help.known) {
        body(help.holdings);
        note_item("holdings", "text", help.holdings);
        ImGui::Dummy(ImVec2(0, 5.0f * ui().scale));
    }
    int n = 0;
    for (const core::MarketFact& f : c.market_facts) {
        ImGui::PushID(n++);
        body(f.text);
        source_line(app, c, f.source, f.as_at, "fact.source." + std::to_string(n));
        ImGui::Dummy(ImVec2(0, 5.0f * ui().scale));
        ImGui::PopID();
    }
}

void local_help(App& app, const core::CouncilProfile& c) {
    heading("Where to get help");
    body("Ask the council for a needs assessment: it is free, whatever your savings.");
    if (!c.help_line.empty()) {
        body("Council help line:");
        external_link(app.platform(), "help_line", c.help_line, tel_url(c.help_line));
    }
    int n = 0;
    for (const core::LocalHelp& h : c.local_help) {
        ImGui::PushID(n++);
        subheading(h.name);
        if (!h.description.empty()) body(h.description);
        if (!h.phone.empty())
            external_link(app.platform(), "help.phone." + std::to_string(n), "Phone " + h.phone,
                          tel_url(h.phone));
        if (!h.url.empty())
            external_link(app.platform(), "help.web." + std::to_string(n), "Open the web page", h.url,
                          "Web page");
        const core::CouncilSource* src = core::find_source(c, h.source);
        if (!src || src->url != h.url) // the link above is the source already
            source_line(app, c, h.source, "", "help.source." + std::to_string(n));
        ImGui::PopID();
    }
}

void framework_providers(const core::CouncilProfile& c) {
    heading("Agencies the council works with");
    if (c.framework_providers.empty()) {
        body(c.framework_providers_note.empty() ? "The council's documents we have do not name the agencies."
                                                : c.framework_providers_note);
        return;
    }
    if (!c.framework_providers_note.empty()) secondary(c.framework_providers_note);
    for (const auto& name : c.framework_providers)
        bullet(name);
}

void sources(App& app, const core::CouncilProfile& c) {
    heading("Sources");
    int n = 0;
    for (const core::CouncilSource& src : c.sources) {
        ImGui::PushID(n++);
        std::string line = src.news_report ? "News report: " + src.title : src.title;
        if (!src.publisher.empty()) line += ", " + src.publisher;
        const std::string date = core::describe_when(src.date);
        line += date.empty() ? " (undated)" : ", " + date;
        if (!src.url.empty()) {
            external_link(app.platform(), "source." + src.id, line, src.url);
        } else {
            body(line);
        }
        if (!src.note.empty()) secondary(src.note);
        ImGui::PopID();
    }
}

// The other councils we have profiles for, to choose from.
void other_councils(core::Session& s, const core::CouncilProfile* current) {
    if (s.councils().empty()) return;
    heading(current ? "Not your council?" : "Councils we have information about");
    for (const core::CouncilProfile& c : s.councils()) {
        if (current && c.id == current->id) continue;
        if (link("choose." + c.id, c.name)) s.set_council(c.id);
    }
}

void no_profile(App& app, core::Session& s) {
    const core::Location& loc = s.location();
    if (s.has_search() && loc.ok && !loc.councils.empty()) {
        const core::CouncilHelp help = s.council_help();
        if (!help.not_covered.empty()) body(help.not_covered);
        const std::string name = core::friendly_council_name(loc.councils.front().upper_tier_name);
        body("The council for " + name + " looks after adult social care for " + loc.postcode.normalised +
             ".");
        if (loc.councils.size() > 1) {
            std::string others;
            for (std::size_t i = 1; i < loc.councils.size(); ++i)
                others += (others.empty() ? "" : ", ") +
                          core::friendly_council_name(loc.councils[i].upper_tier_name);
            secondary("Part of " + loc.postcode.district + " is in another council's area: " + others + ".");
        }
        body("We do not have information yet about how " + name +
             " council buys home care. Its website explains how to ask for a needs assessment, which is "
             "free.");
        if (help.known) secondary(help.holdings);
        council_contacts(app, help);
    } else {
        body("Search for care near a postcode, and we will show which council covers it.");
        if (primary_button("find_care", "Find care", action_width())) s.go(core::Screen::Start);
    }
}

} // namespace

void draw_council(App& app) {
    core::Session& s = app.session();
    if (back_link()) s.back();
    if (!s.ready()) {
        title("Your council");
        load_status(app, "Loading...");
        return;
    }
    const core::CouncilProfile* c = s.council();
    if (!c) {
        title("Your council");
        no_profile(app, s);
        other_councils(s, nullptr);
        return;
    }
    const core::CouncilHelp help = core::council_help_for_code(*s.bundle(), c->upper_tier_code);
    title(c->name);
    if (!help.not_covered.empty()) body(help.not_covered); // before anything else
    std::string kind = c->council_type.empty() ? "" : c->council_type + " council. ";
    if (!kind.empty()) kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
    secondary(kind + "It runs adult social care for " + c->area_name + ".");
    council_contacts(app, help); // how to reach the council first: it is what most people came for
    arrangements(app, *c);
    rates(app, *c);
    market(app, *c, help);
    local_help(app, *c);
    framework_providers(*c);
    sources(app, *c);
    other_councils(s, c);
}

} // namespace hcf::ui
