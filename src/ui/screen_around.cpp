// homecare-finder UI: the "Around you" screen — a schematic picture of where the agencies are.
// Depends on: ui/app, ui/widgets, core/session, core/search. No map tiles: it works offline.
// SPDX-License-Identifier: MIT
//
// The person's postcode is at the centre, north is up, rings mark 1, 2, 5 and 10 miles (and the search
// distance when it is wider). Each agency is a marker whose colour AND shape show its rating, so colour is
// never the only cue. Positions use an equirectangular projection around the centre, which is accurate to
// well under a marker's width at these distances.
#include "ui/app.h"
#include "ui/rating_view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include "core/search.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

constexpr double kMilesPerDegree = 69.17;
constexpr double kRings[] = {1, 2, 5, 10, 20, 50, 100};
constexpr ImU32 kRingColour = IM_COL32(0xb1, 0xb4, 0xb6, 0xff);
constexpr ImU32 kPlotBackground = IM_COL32(0xfa, 0xfa, 0xf9, 0xff);

struct Dot {
    ImVec2 at;             // device pixels
    std::size_t index = 0; // provider index
    double miles = 0;      // distance from the postcode
    bool approximate = false;
};

// A tap that landed on several agencies at once (the same postcode, or markers on top of each other)
// lists them under the picture instead of guessing which one was meant.
struct AroundState {
    std::vector<std::size_t> picked; // provider indices
    bool scroll_to_list = false;     // just tapped: bring the list into view (on phones it is below)
};

std::string miles_label(double miles) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g mile%s", miles, miles == 1 ? "" : "s");
    return buf;
}

// The rating a marker shows: the data's rating, or "not rated" when the data has none for the agency.
core::Rating shown_rating(const core::Provider& p) {
    return p.rating_in_data ? p.overall : core::Rating::NotRated;
}

std::string rating_words(const core::Provider& p) {
    return core::rating_summary(p);
}

// One marker: Outstanding a star, Good a circle, Requires improvement a triangle, Inadequate a square,
// not rated a hollow circle. A white (or, in high contrast, black) outline keeps it clear of the rings.
void draw_marker(ImDrawList* dl, ImVec2 c, float r, core::Rating rating) {
    const ImU32 fill = rating_colour(rating);
    const ImU32 edge = ui().high_contrast ? colour::text : colour::white;
    const float w = std::fmax(1.5f, 1.5f * ui().pixel_ratio);
    switch (rating) {
    case core::Rating::Outstanding: {
        ImVec2 pts[10];
        for (int i = 0; i < 10; ++i) {
            const float a = -1.5707963f + static_cast<float>(i) * 0.6283185f;
            const float rad = (i % 2 == 0 ? 1.45f : 0.6f) * r;
            pts[i] = ImVec2(c.x + std::cos(a) * rad, c.y + std::sin(a) * rad);
        }
        for (int i = 0; i < 10; ++i)
            dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], fill);
        dl->AddPolyline(pts, 10, edge, ImDrawFlags_Closed, w);
        break;
    }
    case core::Rating::Good:
        dl->AddCircleFilled(c, r, fill);
        dl->AddCircle(c, r, edge, 0, w);
        break;
    case core::Rating::RequiresImprovement: {
        const ImVec2 a(c.x, c.y - r * 1.25f), b(c.x + r * 1.15f, c.y + r * 0.85f),
            d(c.x - r * 1.15f, c.y + r * 0.85f);
        dl->AddTriangleFilled(a, b, d, fill);
        dl->AddTriangle(a, b, d, edge, w);
        break;
    }
    case core::Rating::Inadequate: {
        const float h = r * 0.9f;
        dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), fill);
        dl->AddRect(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), edge, 0, 0, w);
        break;
    }
    case core::Rating::NotRated:
        dl->AddCircleFilled(c, r, colour::white);
        dl->AddCircle(c, r - w, fill, 0, w * 2.0f);
        break;
    }
}

// The person's postcode: a black ring with a dot, unlike any agency marker.
void draw_centre(ImDrawList* dl, ImVec2 c, float r) {
    dl->AddCircleFilled(c, r * 1.2f, colour::white);
    dl->AddCircle(c, r * 1.2f, colour::text, 0, 3.0f * ui().pixel_ratio);
    dl->AddCircleFilled(c, r * 0.45f, colour::text);
}

// Text on a white label so it stays readable over rings and markers.
void label_at(ImDrawList* dl, ImVec2 centre, const std::string& text) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float pad = 3.0f * ui().pixel_ratio;
    const ImVec2 p(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad * 0.5f),
                      ImVec2(p.x + size.x + pad, p.y + size.y + pad * 0.5f), colour::white);
    dl->AddText(p, ui().high_contrast ? colour::text : colour::secondary, text.c_str());
}

void draw_north(ImDrawList* dl, ImVec2 top_right) {
    const float s = 10.0f * ui().scale;
    const float x = top_right.x - s * 2.0f, y = top_right.y + s * 0.8f;
    ImGui::PushFont(ui().fonts.bold);
    const ImVec2 n = ImGui::CalcTextSize("N");
    dl->AddText(ImVec2(x - n.x * 0.5f, y), colour::text, "N");
    ImGui::PopFont();
    const float y0 = y + n.y + s * 0.3f, y1 = y0 + s * 2.5f;
    dl->AddTriangleFilled(ImVec2(x, y0), ImVec2(x + s * 0.6f, y0 + s), ImVec2(x - s * 0.6f, y0 + s),
                          colour::text);
    dl->AddLine(ImVec2(x, y0 + s * 0.5f), ImVec2(x, y1), colour::text, 2.5f * ui().pixel_ratio);
}

// What a tap at `at` means: one agency when the tap clearly lands on one, else every agency in reach.
std::vector<std::size_t> dots_at(const std::vector<Dot>& dots, ImVec2 at, float reach, float marker) {
    std::vector<std::pair<float, std::size_t>> near; // (distance in pixels, position in dots)
    for (std::size_t i = 0; i < dots.size(); ++i) {
        const float d = std::hypot(dots[i].at.x - at.x, dots[i].at.y - at.y);
        if (d <= reach) near.emplace_back(d, i);
    }
    std::sort(near.begin(), near.end());
    std::vector<std::size_t> out;
    if (near.empty()) return out;
    const Dot& first = dots[near.front().second];
    int overlapping = 0; // markers drawn on top of the nearest one
    for (const auto& [d, i] : near)
        if (std::hypot(dots[i].at.x - first.at.x, dots[i].at.y - first.at.y) < marker) ++overlapping;
    if (near.size() == 1 || (near.front().first <= marker && overlapping == 1)) return {first.index};
    for (const auto& [d, i] : near)
        out.push_back(dots[i].index);
    return out;
}

void legend(const core::Session& s, bool any_approximate, std::size_t unplaced) {
    subheading("Key");
    const float r = 7.0f * ui().scale;
    const float box = std::fmax(ImGui::GetTextLineHeight(), r * 3.2f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto row = [&](auto draw, const std::string& text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(box, box));
        draw(ImVec2(p.x + box * 0.5f, p.y + box * 0.5f));
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (box - ImGui::GetTextLineHeight()) * 0.5f);
        body(text);
    };
    row([&](ImVec2 c) { draw_centre(dl, c, r); },
        "The postcode you searched" + (s.location().postcode.normalised.empty()
                                           ? std::string()
                                           : " (" + s.location().postcode.normalised + ")"));
    const core::Rating ratings[] = {core::Rating::Outstanding, core::Rating::Good,
                                    core::Rating::RequiresImprovement, core::Rating::Inadequate,
                                    core::Rating::NotRated};
    const char* shapes[] = {"star", "circle", "triangle", "square", "hollow circle"};
    for (int i = 0; i < 5; ++i) {
        const core::Rating rt = ratings[i];
        const std::string words = rt == core::Rating::NotRated
                                      ? "Not yet rated, or rating not in our information"
                                      : std::string(core::rating_label(rt));
        row([&](ImVec2 c) { draw_marker(dl, c, r, rt); }, words + " (" + shapes[i] + ")");
    }
    if (any_approximate)
        secondary("Some agencies are shown at the middle of their postcode area, because we do not have the "
                  "exact position of their postcode.");
    if (unplaced > 0)
        secondary(std::to_string(unplaced) + (unplaced == 1 ? " agency is" : " agencies are") +
                  " not shown because we could not place " + (unplaced == 1 ? "it" : "them") +
                  ". The list of results has every agency.");
}

// The agencies a tap reached, to choose from. Returns true when one was opened.
bool picked_list(core::Session& s, AroundState& st) {
    if (st.picked.empty()) return false;
    heading(std::to_string(st.picked.size()) + " agencies here");
    if (st.scroll_to_list) {
        ImGui::SetScrollHereY(0.1f);
        st.scroll_to_list = false;
    }
    secondary("These agencies are at the same place, or very close. Choose one to see it.");
    for (std::size_t index : st.picked) {
        const core::Provider& p = s.provider(index);
        if (link("pick." + p.location_id, p.name)) {
            st.picked.clear();
            s.open_agency(index);
            return true;
        }
        secondary(rating_words(p) + ". " +
                  core::distance_words(s.distance_miles_to(index), p.precision != core::GeoPrecision::Unit));
    }
    ImGui::Spacing();
    return false;
}

} // namespace

void draw_around(App& app) {
    core::Session& s = app.session();
    AroundState& st = screen_state<AroundState>(); // a fresh visit starts clean

    if (back_link()) s.back();
    title("Around you");
    if (!s.has_search() || !s.ready()) {
        body("Search for care near a postcode first. This picture then shows where the agencies are.");
        if (primary_button("find_care_first", "Find care", action_width())) s.go(core::Screen::Start);
        return;
    }
    const core::SearchResult& r = s.results();
    note_item("summary", "status", s.summary());
    if (r.total == 0 || r.matches.empty()) {
        body(s.summary() + ". There is nothing to show on the picture.");
        if (link("results", "See the list of results, where you can search further away"))
            s.go(core::Screen::Results);
        return;
    }
    body(s.summary() + ". North is at the top. Each shape is one agency: tap it to see the agency.");
    if (!s.location().note.empty()) secondary(s.location().note);

    // Project every placed agency around the centre.
    const core::LatLng centre = s.location().centre;
    const double coslat = std::cos(centre.lat * 3.14159265358979 / 180.0);
    struct Placed {
        double dx, dy; // miles east, north
        std::size_t index;
        double miles;
        bool approximate;
    };
    std::vector<Placed> placed;
    placed.reserve(r.matches.size());
    std::size_t unplaced = 0;
    bool any_approximate = false;
    double extent = s.radius();
    for (const core::Match& m : r.matches) {
        const core::Provider& p = s.provider(m.index);
        if (p.precision == core::GeoPrecision::None) {
            ++unplaced;
            continue;
        }
        const double dx = (p.location.lng - centre.lng) * coslat * kMilesPerDegree;
        const double dy = (p.location.lat - centre.lat) * kMilesPerDegree;
        extent = std::max(extent, std::hypot(dx, dy));
        any_approximate |= m.approximate;
        placed.push_back({dx, dy, m.index, m.distance_miles, m.approximate});
    }

    // A square that fits the column (no horizontal scrolling), at most about 600 CSS px.
    // The page column's width (the window may be wider than the column on large screens).
    const float avail = std::fmin(ImGui::GetContentRegionAvail().x, ImGui::CalcItemWidth());
    // Also short enough to see whole on the first screen (measured unscrolled, so it never jumps while
    // scrolling), unless that would make it too small to use.
    const float below = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y;
    const float side =
        std::fmin(std::fmin(avail, 600.0f * ui().scale), std::fmax(below, 300.0f * ui().scale));
    const bool legend_beside = avail - side >= 280.0f * ui().scale;
    const float hit = ui().touch(); // 44 CSS px across: a tap within 22 px of a marker reaches it
    const float marker = 7.0f * ui().scale;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + side, p0.y + side);
    const ImVec2 c((p0.x + p1.x) * 0.5f, (p0.y + p1.y) * 0.5f);
    // Markers stay at least half a touch target inside the edge, so every one can be tapped in full.
    const float usable = side * 0.5f - hit * 0.5f;
    const float px_per_mile = static_cast<float>(usable / extent);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(p0, p1, true);
    dl->AddRectFilled(p0, p1, kPlotBackground);
    const ImU32 ring = ui().high_contrast ? colour::text : kRingColour;
    const float ring_w = 1.5f * ui().pixel_ratio;
    std::vector<double> rings;
    for (double d : kRings)
        if (d <= extent * 1.0001 && (d <= 10 || d <= s.radius() * 1.0001)) rings.push_back(d);
    if (rings.empty() || rings.back() < s.radius() * 0.9999) rings.push_back(s.radius());
    for (double d : rings)
        dl->AddCircle(c, static_cast<float>(d) * px_per_mile, ring, 0, ring_w);
    draw_north(dl, ImVec2(p1.x, p0.y));

    std::vector<Dot> dots;
    dots.reserve(placed.size());
    for (const Placed& pl : placed)
        dots.push_back({ImVec2(c.x + static_cast<float>(pl.dx) * px_per_mile,
                               c.y - static_cast<float>(pl.dy) * px_per_mile),
                        pl.index, pl.miles, pl.approximate});
    // Worse ratings are drawn last, so a problem is never hidden under a good one.
    const core::Rating order[] = {core::Rating::NotRated, core::Rating::Good, core::Rating::Outstanding,
                                  core::Rating::RequiresImprovement, core::Rating::Inadequate};
    for (core::Rating rt : order)
        for (const Dot& d : dots)
            if (shown_rating(s.provider(d.index)) == rt) draw_marker(dl, d.at, marker, rt);
    // Ring labels on top of the markers, on the line due south, outermost first; one too close to the last is
    // left out.
    float last_label = 1e9f;
    const float line_h = ImGui::GetTextLineHeight();
    for (auto it = rings.rbegin(); it != rings.rend(); ++it) {
        const float rr = static_cast<float>(*it) * px_per_mile;
        if (last_label - rr < line_h * 1.3f || rr < line_h * 1.5f) continue;
        label_at(dl, ImVec2(c.x, c.y + rr), miles_label(*it));
        last_label = rr;
    }
    draw_centre(dl, c, marker);
    dl->AddRect(p0, p1, ui().high_contrast ? colour::text : kRingColour, 0, 0, ring_w);
    dl->PopClipRect();

    // One invisible button per marker (tests and the accessible mirror click them by id). Which agency a
    // tap means is decided from where it landed, since markers can sit on top of each other.
    std::vector<std::size_t> tapped;
    const std::size_t noted_max = 500; // the accessible list stays usable; the results list has them all
    for (std::size_t i = 0; i < dots.size(); ++i) {
        const Dot& d = dots[i];
        const core::Provider& p = s.provider(d.index);
        ImGui::SetCursorScreenPos(ImVec2(d.at.x - hit * 0.5f, d.at.y - hit * 0.5f));
        ImGui::PushID(static_cast<int>(d.index));
        const bool pressed = ImGui::InvisibleButton("##dot", ImVec2(hit, hit));
        ImGui::PopID();
        if (i < noted_max)
            note_item("dot." + p.location_id, "button",
                      p.name + ", " + rating_words(p) + ", " + core::distance_words(d.miles, d.approximate));
        if (activated_from_outside("dot." + p.location_id)) { // the accessible mirror names one agency
            tapped = {d.index};
        } else if (pressed) {
            const ImVec2 at = ImGui::GetIO().MouseClickedPos[0];
            if (ImGui::IsItemHovered()) tapped = dots_at(dots, at, hit * 0.5f, marker);
            if (tapped.empty()) tapped = {d.index}; // keyboard: the focused marker
        }
    }
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(side, side));
    note_item("around.picture", "img",
              "Picture of " + std::to_string(dots.size()) + " agencies around " +
                  s.location().postcode.normalised + ", north at the top");
    if (tapped.size() == 1) {
        st.picked.clear();
        s.open_agency(tapped.front());
        return;
    }
    if (tapped.size() > 1) {
        st.picked = tapped;
        st.scroll_to_list = true;
    }

    if (legend_beside) {
        ImGui::SameLine(0, 30.0f * ui().scale);
        ImGui::BeginGroup();
        st.scroll_to_list = false; // beside the picture, the list is already in view
        if (picked_list(s, st)) {
            ImGui::EndGroup();
            return;
        }
        legend(s, any_approximate, unplaced);
        ImGui::EndGroup();
    } else {
        if (picked_list(s, st)) return;
        legend(s, any_approximate, unplaced);
    }
    ImGui::Spacing();
    if (link("results", "See these agencies as a list")) s.go(core::Screen::Results);
}

} // namespace hcf::ui
