// homecare-finder UI: the results screen — count and summary, sort, filters, the list, widen.
// Depends on: ui/app, ui/widgets, core/session, core/search.
// SPDX-License-Identifier: MIT
#include "ui/app.h"
#include "ui/council_help_view.h"
#include "ui/rating_view.h"
#include "ui/screens.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include "core/search.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

std::string needs_covered(const core::Session& s, const core::Match& m) {
    std::string out;
    for (core::Need n : core::all_needs())
        if (m.needs_covered & n)
            out += (out.empty() ? "Supports: " : ", ") + std::string(core::need_label(n));
    if (out.empty()) {
        const core::Provider& p = s.provider(m.index);
        for (core::Need n : core::all_needs())
            if (p.needs & n) out += (out.empty() ? "Supports: " : ", ") + std::string(core::need_label(n));
    }
    return out;
}

void sort_choices(core::Session& s) {
    secondary("Sort by");
    const std::pair<core::SortOrder, const char*> sorts[] = {{core::SortOrder::Distance, "Distance"},
                                                             {core::SortOrder::Rating, "Rating"},
                                                             {core::SortOrder::Name, "Name"}};
    Row row;
    for (const auto& [order, label] : sorts) {
        const std::string id = "sort." + std::string(core::sort_key(order));
        row.next(button_width(label));
        if (choice_button(id.c_str(), label, s.query().sort == order)) s.set_sort(order);
    }
}

// A phone keeps the sort order with the filters, behind one button, so the list starts higher.
void sort_and_filters(App& app) {
    core::Session& s = app.session();
    const bool phone = ui().phone;
    if (!phone) sort_choices(s);
    const char* closed = phone ? "Sort and filter" : "Filters: rating and distance";
    if (secondary_button("filters",
                         app.edit.filters_open ? (phone ? "Hide sort and filter" : "Hide filters") : closed))
        app.edit.filters_open = !app.edit.filters_open;
    if (!app.edit.filters_open) return;
    if (phone) sort_choices(s);
    subheading("Lowest rating to show");
    const std::pair<core::Rating, const char*> mins[] = {
        {core::Rating::NotRated, "Any rating"},
        {core::Rating::RequiresImprovement, "Requires improvement or better"},
        {core::Rating::Good, "Good or Outstanding"}};
    Row ratings;
    for (const auto& [r, label] : mins) {
        const std::string id = "min." + std::string(core::rating_key(r));
        ratings.next(button_width(label));
        if (choice_button(id.c_str(), label, s.query().min_rating == r))
            s.set_min_rating(r, s.query().include_not_rated);
    }
    if (s.query().min_rating != core::Rating::NotRated) { // "Any rating" already lists every agency
        bool not_rated = s.query().include_not_rated;
        if (toggle("include_not_rated", "Also show agencies not yet rated", &not_rated))
            s.set_min_rating(s.query().min_rating, not_rated);
    }
    subheading("Distance");
    Row distances;
    for (double d : core::kWidenRadiiMiles) {
        char id[32], label[32];
        std::snprintf(id, sizeof id, "filter_radius.%g", d);
        std::snprintf(label, sizeof label, "%g mile%s", d, d == 1 ? "" : "s");
        distances.next(button_width(label));
        if (choice_button(id, label, s.radius() == d)) s.set_radius(d);
    }
    subheading("Name of agency");
    if (text_field("text_filter", "Name of agency", app.edit.text_filter).changed)
        s.set_text_filter(app.edit.text_filter);
}

void result_row(App& app, const core::Match& m, float width) {
    core::Session& s = app.session();
    const core::Provider& p = s.provider(m.index);
    ImGui::PushID(p.location_id.c_str());
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ui().fonts.bold);
    if (link(("result." + p.location_id).c_str(), p.name)) s.open_agency(m.index); // whole, wrapped
    ImGui::PopFont();
    provider_rating(p, "rating." + p.location_id);
    secondary(core::distance_words(m.distance_miles, m.approximate) +
              (p.phone.empty() ? std::string() : "  |  Phone " + p.phone));
    secondary(needs_covered(s, m));
    const bool listed = s.in_shortlist(p.location_id);
    if (secondary_button(("add." + p.location_id).c_str(),
                         listed ? "Remove from shortlist" : "Add to shortlist")) {
        s.toggle_shortlist(p.location_id);
        app.edit.status =
            listed ? p.name + " removed from your shortlist" : p.name + " added to your shortlist";
    }
    const ImVec2 end(top.x + width, ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(top.x, end.y), end, IM_COL32(0xb1, 0xb4, 0xb6, 0xff), 1.0f);
    ImGui::Dummy(ImVec2(0, 5.0f * ui().scale));
    ImGui::PopID();
}

// The rows' heights as last drawn, for the list as shown (its agencies, width and text size). Rows differ
// (names and lines wrap where they need to), and only the rows in view are drawn, so thousands of rows
// scroll smoothly: a row not drawn yet counts as the average of those that have been.
struct RowHeights {
    std::uint64_t key = 0;
    std::vector<float> height; // 0: not drawn yet
};

std::uint64_t list_key(const core::Session& s, const core::SearchResult& r, float width) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a over the agencies in order, the width and text size
    const auto mix = [&h](std::string_view bytes) {
        for (char c : bytes)
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    };
    for (const core::Match& m : r.matches)
        mix(s.provider(m.index).location_id);
    mix(std::to_string(width) + "/" + std::to_string(ui().scale));
    return h;
}

void result_list(App& app, const core::SearchResult& r) {
    static RowHeights rows;
    const float width = ImGui::GetContentRegionAvail().x;
    const std::uint64_t key = list_key(app.session(), r, width);
    if (key != rows.key) rows = {key, std::vector<float>(r.matches.size(), 0.0f)};
    float known = 0.0f;
    int counted = 0;
    for (float h : rows.height)
        if (h > 0) {
            known += h;
            ++counted;
        }
    const float guess = counted > 0 ? known / static_cast<float>(counted)
                                    : ui().touch() * 3.0f + ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
    // A result's link or button pressed in the accessible mirror just as late data reordered the list may
    // now be out of view: its row is drawn anyway (clipped), so the press opens or adds that agency.
    const std::string& pressed = ui().activate_id;
    const auto pressed_in = [&](const core::Match& m) {
        if (pressed.empty()) return false;
        const std::string& id = app.session().provider(m.index).location_id;
        return pressed == "result." + id || pressed == "add." + id;
    };
    float y = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < r.matches.size(); ++i) {
        const float h = rows.height[i] > 0 ? rows.height[i] : guess;
        if ((y + h < top || y > bottom) && !pressed_in(r.matches[i])) { // out of view: only its place is kept
            y += h;
            continue;
        }
        ImGui::SetCursorPosY(y);
        result_row(app, r.matches[i], width);
        rows.height[i] = ImGui::GetCursorPosY() - y;
        y += rows.height[i];
    }
    ImGui::SetCursorPosY(y);
    ImGui::Dummy(ImVec2(0, 0)); // the page is as long as the whole list
}

} // namespace

void draw_results(App& app) {
    core::Session& s = app.session();
    if (back_link()) s.back();
    const core::SearchResult& r = s.results();
    // Where our information does not cover the person's council, that comes before anything else.
    const core::CouncilHelp help = s.council_help();
    if (help.known && !help.complete) {
        title(help.not_covered);
        subheading(s.summary());
    } else {
        title(s.summary().empty() ? "Care agencies" : s.summary());
    }
    note_item("summary", "status", s.summary());
    // Where, what the data holds and its date. A phone folds them into one short line with "More", so the
    // list starts higher on the first screen.
    const core::Bundle* b = s.bundle();
    const bool partial = help.known ? !help.complete : (b && !b->info.covers_all_england);
    if (!ui().phone || app.edit.results_more) {
        if (!s.location().place.empty()) secondary(s.location().place);
        if (!s.location().note.empty()) secondary(s.location().note);
        // What our information holds for the person's council; the general sentence where it is not known.
        if (help.known)
            secondary(help.holdings);
        else if (partial)
            secondary(b->info.coverage_summary);
        secondary(s.data_dated());
    }
    if (ui().phone &&
        link("results_more", app.edit.results_more ? "Less about this list"
                                                   : (partial ? "Not every agency is in our information. More"
                                                              : "More about this list")))
        app.edit.results_more = !app.edit.results_more;

    if (!r.advice.empty()) panel_text(r.advice);
    if (r.can_widen) {
        char label[96];
        std::snprintf(label, sizeof label, "Show agencies within %g miles (%zu)", r.widen.radius_miles,
                      r.widen.count);
        if (primary_button("widen", label, action_width())) s.widen();
    }
    const bool thin = r.total < core::kFewResults;
    if (r.total == 0 && secondary_button("change_search", "Change your search")) s.go(core::Screen::Start);
    if (thin) council_contacts(app, help); // a thin or empty list: the council's own help, at once
    sort_and_filters(app);
    if (r.total > 0) {
        if (link("around", "See where they are on a picture")) s.go(core::Screen::Around);
        if (link("cost", "What will care cost?")) s.go(core::Screen::Cost);
    }
    ImGui::Spacing();

    result_list(app, r);
}

} // namespace hcf::ui
