// homecare-finder UI: the "Who pays?" screen — the Care Act means-test guide with its working and next steps.
// Depends on: ui/app, ui/widgets, ui/platform, core/session, core/means_test, core/text_format.
// SPDX-License-Identifier: MIT
//
// The working is the core's (session().means_result()); every figure it uses carries its source and date.
// The guide is shown once the savings are entered and, where it changes the answer, the income: savings over
// the upper capital limit answer at once (the income is not asked). A headline for blank boxes would mislead.
#include "ui/app.h"
#include "ui/load_fault.h"
#include "ui/screens.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include "core/means_test.h"
#include "core/text_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

// What the boxes hold: an amount each (0 counts), and whether the care cost came from the estimate once.
struct WhoPaysState {
    bool savings = false, income = false; // the box holds an amount
    bool offered_cost = false;            // the care cost was filled in from the cost estimate once
};
WhoPaysState& who_pays_state() {
    static WhoPaysState s;
    return s;
}

// A labelled pounds box with its heading and hint. Returns whether it holds an amount.
bool pounds(const char* id, std::string_view label, std::string_view hint, std::int64_t* pence) {
    subheading(label);
    if (!hint.empty()) secondary(hint);
    return money_field(id, label, pence, "Enter an amount in pounds, like 250 or 14,250.50").entered;
}

std::string source_words(std::string_view name, std::string_view short_name, std::string_view when) {
    std::string s = "Source: " + std::string(name.empty() ? short_name : name);
    s += when.empty() ? ", date not stated" : ", " + std::string(when);
    return s;
}

// "Source: ..." as a link when the source has an address.
void source(App& app, const std::string& id, const std::string& name, const std::string& short_name,
            const std::string& url, const std::string& when) {
    if (name.empty() && short_name.empty()) return;
    const std::string words = source_words(name, short_name, when);
    if (!url.empty()) {
        external_link(app.platform(), id, words, url);
    } else {
        secondary(words);
    }
}

// Savings over the upper capital limit: the answer is the same whatever the income.
bool income_irrelevant(core::Session& s, const WhoPaysState& st) {
    return st.savings && s.means_result().above_upper_limit;
}

void inputs(App& app, WhoPaysState& st) {
    core::Session& s = app.session();
    core::MeansTestInputs& in = s.means_inputs();
    heading("About your money");
    st.savings = pounds("savings", "Savings and investments", "In pounds. Do not count the home you live in.",
                        &in.capital_pence);
    if (income_irrelevant(s, st))
        secondary("With savings over the upper capital limit, your income does not change the answer, so you "
                  "do not need to enter it.");
    else
        st.income = pounds(
            "income", "Income a week",
            "In pounds a week: pensions, benefits and earnings, before anything is taken off for care.",
            &in.weekly_income_pence);

    subheading("Age of the person who needs care");
    for (core::AgeBand b : {core::AgeBand::Age18To24, core::AgeBand::Age25ToPensionCreditAge,
                            core::AgeBand::PensionCreditAgeOrOver}) {
        std::string words(core::age_band_words(b));
        words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
        if (choice("age." + std::string(core::age_band_key(b)), words, in.age_band == b)) in.age_band = b;
    }
    bool premium = in.disability_premium;
    if (toggle(
            "disability_premium",
            "Add the disability premium (for some people who get disability benefits: the council decides)",
            &premium))
        in.disability_premium = premium;

    // The weekly cost of care, from the cost estimate if the person made one, once.
    bool from_estimate = false;
    if (!st.offered_cost && in.weekly_care_cost_pence == 0) {
        const core::CostEstimate e = s.cost_estimate();
        if (e.ok && e.weekly_low_pence > 0) {
            in.weekly_care_cost_pence = e.weekly_low_pence;
            from_estimate = true;
            st.offered_cost = true; // once: a box the person empties stays empty
        }
    }
    pounds("care_cost", "Cost of the care a week, if you know it",
           "In pounds a week. You can leave this empty.", &in.weekly_care_cost_pence);
    if (from_estimate ||
        (in.weekly_care_cost_pence > 0 && in.weekly_care_cost_pence == s.cost_estimate().weekly_low_pence))
        secondary("Filled in from your cost estimate (its lower figure). You can change it.");
}

void result(App& app, const core::MeansTestResult& r) {
    heading("What this means for you");
    if (!r.ok) {
        error_text(r.error);
        return;
    }
    panel_text(r.headline, "means.headline", "status");
    if (r.contribution_known) {
        const std::string line =
            "You would pay " + std::string(r.approximate ? "about " : "") +
            core::format_money_per(r.weekly_contribution_pence, core::Per::Week) +
            (r.council_pays_pence > 0 ? " and the council " + std::string(r.approximate ? "about " : "") +
                                            core::format_money_per(r.council_pays_pence, core::Per::Week)
                                      : std::string()) +
            ".";
        body(line);
        note_item("means.contribution", "status", line);
    }

    heading("How this is worked out");
    int n = 0;
    for (const core::MeansStep& step : r.steps) {
        ImGui::PushID(n);
        ++n;
        const float x0 = ImGui::GetCursorScreenPos().x;
        const std::string num = std::to_string(n) + ".";
        ImGui::PushFont(ui().fonts.bold);
        ImGui::TextUnformatted(num.c_str());
        ImGui::PopFont();
        same_line_at(x0 + ImGui::CalcTextSize("00.").x + 5.0f * ui().scale);
        ImGui::BeginGroup();
        body(step.text);
        note_item("means.step." + std::to_string(n), "text", step.text);
        // The data's notes (step.note) are for whoever keeps the figures; the person gets a plain caveat.
        if (step.approximate)
            secondary("This figure is rounded in its source: the exact amount may differ by a few pence. "
                      "Check with the council.");
        source(app, "means.source." + std::to_string(n), step.source_name, step.source_short, step.source_url,
               step.when);
        ImGui::EndGroup();
        ImGui::PopID();
    }
    for (const std::string& note : r.notes)
        secondary(note);
}

void next_steps(App& app, const core::MeansTestResult& r) {
    if (r.next_steps.empty()) return;
    heading("What to do next");
    int n = 0;
    for (const core::NextStep& step : r.next_steps) {
        ImGui::PushID(n++);
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        body(step.text);
        source(app, "next.source." + std::to_string(n), step.source_name, step.source_short, step.source_url,
               step.when);
        ImGui::EndGroup();
        ImGui::PopID();
    }
}

} // namespace

void draw_who_pays(App& app) {
    core::Session& s = app.session();
    WhoPaysState& st = who_pays_state();
    if (back_link()) s.back();
    title("Who pays?");
    body("Your council may help pay for care at home. It looks at your savings and your income: this is "
         "called a means test. This guide shows roughly how it works for one person.");
    if (!s.ready()) {
        load_status(app, "Loading...");
        return;
    }
    inputs(app, st);
    const core::MeansTestResult r = s.means_result();
    if (st.savings && (r.above_upper_limit || st.income)) {
        result(app, r);
    } else {
        heading("What this means for you");
        secondary(st.savings ? "Enter your income a week above to see the guide. Enter 0 if you have none."
                             : "Enter your savings above to see the guide. Enter 0 if you have none.");
    }
    next_steps(app, r);
    ImGui::Spacing();
    if (!r.disclaimer.empty()) panel_text(r.disclaimer);
    if (link("council", "Your council and where to get help")) s.go(core::Screen::Council);
    if (link("cost", "What will care cost?")) s.go(core::Screen::Cost);
}

} // namespace hcf::ui
