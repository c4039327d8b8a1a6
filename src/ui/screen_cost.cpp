// homecare-finder UI: the "What will it cost?" screen — care type, how much care, and an indicative range
// with every figure's source and date. Depends on: ui/app, ui/widgets, ui/platform, core/session, core/costs,
// core/text_format. SPDX-License-Identifier: MIT
//
// The estimate is the core's (session().cost_estimate()); this screen only gathers the inputs and shows the
// result. Council rates are shown apart from prices and always said to be what the council pays agencies,
// never a price the person can get.
#include "ui/app.h"
#include "ui/load_fault.h"
#include "ui/screens.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include "core/costs.h"
#include "core/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

// A bold minus or plus drawn on the button just made (the font's signs are too small to aim at).
void sign(bool plus) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    const float r = (b.y - a.y) * 0.22f;
    const float w = 3.0f * ui().pixel_ratio;
    const ImU32 col = ui().high_contrast ? colour::text : colour::link;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), col, w);
    if (plus) dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), col, w);
}

// A number with big "fewer" and "more" buttons either side, and the number itself editable.
bool stepper(const std::string& id, std::string_view label, std::string_view unit, int* value, int lo, int hi,
             int step) {
    ImGui::PushFont(ui().fonts.bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    bool changed = false;
    const float box_w = ImGui::CalcTextSize("0000").x + 20.0f * ui().scale;
    // Square buttons where the row has room for them, 44 px wide where it does not.
    const float square = std::fmax(ui().touch(), ImGui::GetFontSize() + ImGui::GetStyle().FramePadding.y * 2);
    const float b = 2 * square + box_w + 2 * ImGui::GetStyle().ItemSpacing.x <= column_right() - column_left()
                        ? square
                        : ui().touch();
    Row row; // the unit goes below when the row is too narrow for it
    row.next(b);
    if (secondary_button((id + ".less").c_str(), "##less", b, "Less: " + std::string(label))) {
        *value = std::max(lo, *value - step);
        changed = true;
    }
    sign(false);
    std::string text = std::to_string(*value);
    TextFieldOptions o;
    o.keys = Keys::Whole;
    o.keys_below = false; // below the whole row
    o.width = box_w;
    row.next(o.width);
    if (text_field(id, label, text, o).changed) {
        char* end = nullptr;
        const long v = std::strtol(text.c_str(), &end, 10);
        if (end != text.c_str()) {
            *value = static_cast<int>(std::clamp<long>(v, lo, hi));
            changed = true;
        }
    }
    row.next(b);
    if (secondary_button((id + ".more").c_str(), "##more", b, "More: " + std::string(label))) {
        *value = std::min(hi, *value + step);
        changed = true;
    }
    sign(true);
    row.next(ImGui::CalcTextSize(unit.data(), unit.data() + unit.size()).x);
    body(unit);
    on_screen_keys(id); // a kiosk's keys, below the whole row
    return changed;
}

void care_type_choice(core::CostInputs& in) {
    heading("What kind of care?");
    for (core::CareType t : {core::CareType::Hourly, core::CareType::NightSleeping,
                             core::CareType::NightWaking, core::CareType::LiveIn})
        if (choice("care." + std::string(core::care_type_key(t)), core::care_type_label(t),
                   in.care_type == t))
            in.care_type = t;
}

void how_much_care(core::CostInputs& in) {
    heading("How much care?");
    if (in.care_type == core::CareType::Hourly) {
        const bool by_hours = in.hours_per_week > 0.0;
        if (choice("amount.visits", "Visits: how many a day, how long, how many days", !by_hours) && by_hours)
            in.hours_per_week = 0.0;
        if (choice("amount.hours", "Hours a week in total", by_hours) && !by_hours)
            in.hours_per_week =
                std::max(1.0, std::round(static_cast<double>(core::care_minutes_per_week(in)) / 60.0));
        if (in.hours_per_week > 0.0) {
            int hours = static_cast<int>(std::lround(in.hours_per_week));
            if (stepper("hours", "Hours of care a week", "hours a week", &hours, 1, 168, 1))
                in.hours_per_week = hours;
        } else {
            stepper("visits", "Visits a day", "visits a day", &in.visits_per_day, 1, 6, 1);
            stepper("minutes", "Minutes a visit", "minutes", &in.minutes_per_visit, 15, 240, 15);
            stepper("days", "Days a week", "days a week", &in.days_per_week, 1, 7, 1);
        }
    } else if (in.care_type == core::CareType::LiveIn) {
        body("A carer lives in the home and is there day and night, priced by the week.");
    } else {
        stepper("nights", "Nights a week", "nights a week", &in.nights_per_week, 1, 7, 1);
        int hours = static_cast<int>(std::lround(in.hours_per_night));
        if (stepper("night_hours", "Hours a night, if you know", "hours (0 if not known)", &hours, 0, 14, 1))
            in.hours_per_night = hours;
    }
}

// The agency's own price, when the person has been given one: it then sets the range.
void agency_price(core::CostInputs& in) {
    subheading("If an agency has told you its price (you can leave this empty)");
    const char* per = in.care_type == core::CareType::Hourly
                          ? "pounds an hour"
                          : (in.care_type == core::CareType::LiveIn ? "pounds a week" : "pounds a night");
    secondary(std::string("In ") + per + ", like 28.50");
    money_field("agency_price", std::string("Agency's price in ") + per, &in.provider_rate_pence,
                "Enter the price in pounds, like 28.50");
}

std::string source_words(const core::CostLine& l) {
    std::string s = "Source: " + (l.source_name.empty() ? l.source_short : l.source_name);
    s += l.when.empty() ? ", date not stated" : ", " + l.when;
    return s;
}

void cost_line(App& app, const core::CostLine& l, int n) {
    ImGui::PushID(n);
    body(l.label);
    if (!l.explanation.empty()) secondary(l.explanation);
    if (l.has_weekly)
        secondary((l.in_range ? "For this care: " : "At this rate, this care would be ") +
                  core::format_range(l.weekly_low_pence, l.weekly_high_pence, core::Per::Week) + ".");
    if (l.historic) secondary("This figure is out of date. It is shown because nothing newer is published.");
    // The data's notes (l.note) are for whoever keeps the figures, not for the person: they stay in the data.
    if (!l.source_url.empty()) {
        external_link(app.platform(), "source." + std::to_string(n), source_words(l), l.source_url);
    } else {
        secondary(source_words(l));
    }
    ImGui::Dummy(ImVec2(0, 5.0f * ui().scale));
    ImGui::PopID();
}

void figures(App& app, const core::CostEstimate& e, const core::CouncilProfile* council) {
    heading("Where the figures come from");
    const std::string council_name = council ? council->name : std::string("The council");
    struct Group {
        core::CostLineKind a, b;
        std::string title, intro;
    };
    const Group groups[] = {
        {core::CostLineKind::ProviderRate, core::CostLineKind::PrivatePrice,
         "Prices for people who pay for their own care", ""},
        {core::CostLineKind::SectorBenchmark, core::CostLineKind::SectorBenchmark,
         "Figures for the care sector",
         "These are not prices to you. They show what care costs agencies to provide, and what councils "
         "pay."},
        {core::CostLineKind::CouncilPaysProvider, core::CostLineKind::CouncilPaysProvider,
         "What " + council_name + " pays agencies",
         "This is what the council pays agencies for care it arranges. It is not a price you can get."},
        {core::CostLineKind::CouncilChargesClient, core::CostLineKind::CouncilChargesClient,
         "What " + council_name + " charges for care it arranges",
         "This is what the council charges people for care it arranges, after a needs assessment."},
    };
    int n = 0;
    for (const Group& g : groups) {
        bool any = false;
        for (const core::CostLine& l : e.lines)
            any |= l.kind == g.a || l.kind == g.b;
        if (!any) continue;
        subheading(g.title);
        if (!g.intro.empty()) panel_text(g.intro);
        for (const core::CostLine& l : e.lines)
            if (l.kind == g.a || l.kind == g.b) cost_line(app, l, n++);
    }
    if (!council) secondary("Search by postcode to also see what your council pays agencies.");
}

void estimate(App& app, const core::CostEstimate& e, const core::CouncilProfile* council) {
    heading("Your estimate");
    if (!e.ok) {
        error_text(e.error);
        return;
    }
    panel_text(e.summary, "cost.summary", "status");
    const std::pair<const char*, std::string> rows[] = {
        {"A week", core::format_range(e.weekly_low_pence, e.weekly_high_pence, core::Per::Week)},
        {"Every 4 weeks",
         core::format_range(e.four_weekly_low_pence, e.four_weekly_high_pence, core::Per::FourWeeks)},
        {"A year", core::format_range(e.yearly_low_pence, e.yearly_high_pence, core::Per::Year)}};
    const char* ids[] = {"cost.weekly", "cost.four_weekly", "cost.yearly"};
    float label_w = 0;
    for (const auto& [label, value] : rows)
        label_w = std::max(label_w, ImGui::CalcTextSize(label).x);
    for (int i = 0; i < 3; ++i) {
        const float x0 = ImGui::GetCursorScreenPos().x;
        ImGui::PushFont(ui().fonts.bold);
        ImGui::TextUnformatted(rows[i].first);
        ImGui::PopFont();
        if (!ui().phone) same_line_at(x0 + label_w + 20.0f * ui().scale);
        ImGui::PushFont(ui().fonts.heading);
        body(rows[i].second);
        ImGui::PopFont();
        note_item(ids[i], "status", std::string(rows[i].first) + ": " + rows[i].second);
    }
    secondary(e.range_basis);
    if (!e.premium_note.empty()) secondary(e.premium_note);
    figures(app, e, council);
    if (!e.gap_explanation.empty()) panel_text(e.gap_explanation);
    if (!e.indicative_note.empty()) body(e.indicative_note + " This is information, not advice.");
}

} // namespace

void draw_cost(App& app) {
    core::Session& s = app.session();
    if (back_link()) s.back();
    title("What will it cost?");
    body("An idea of what care at home costs each week if you pay for it yourself.");
    if (!s.ready()) {
        load_status(app, "Loading cost information...");
        return;
    }
    core::CostInputs& in = s.cost_inputs();
    // A common starting point (two half-hour visits a day) so the figures show at once; every number can
    // be changed.
    if (in.hours_per_week <= 0.0 && in.visits_per_day == 0 && in.minutes_per_visit == 0) {
        in.visits_per_day = 2;
        in.minutes_per_visit = 30;
        in.days_per_week = 7;
    }
    care_type_choice(in);
    how_much_care(in);
    agency_price(in);
    estimate(app, s.cost_estimate(), s.council());

    ImGui::Spacing();
    body("The council may help pay. Find out how the means test works.");
    if (primary_button("who_pays", "Who pays?", action_width())) s.go(core::Screen::WhoPays);
    if (link("council", "Your council and where to get help")) s.go(core::Screen::Council);
}

} // namespace hcf::ui
