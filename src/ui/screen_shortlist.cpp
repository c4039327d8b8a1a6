// homecare-finder UI: the shortlist screen — compare side by side, remove, print, share and export.
// Depends on: ui/app, ui/widgets, ui/platform, core/session, core/print_page, core/search, core/text_format.
// SPDX-License-Identifier: MIT
//
// The comparison never scrolls sideways: on wide screens agencies sit side by side in tables of as many
// columns as fit (more agencies wrap into a second table below); on phones each agency is a card.
#include "ui/app.h"
#include "ui/council_help_view.h"
#include "ui/kiosk.h"
#include "ui/load_fault.h"
#include "ui/rating_view.h"
#include "ui/screens.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include "core/export.h"
#include "core/print_page.h"
#include "core/search.h"
#include "core/text_format.h"
#include "core/url_state.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

constexpr const char* kNotInData = "Not in our information";

// A short confirmation after an action ("Link copied"), forgotten when the person leaves the screen.
struct ShortlistState {
    std::string confirmation;
};

// The five questions CQC asks, as rows of the comparison.
const std::pair<core::Rating core::KeyQuestionRatings::*, const char*> kQuestions[] = {
    {&core::KeyQuestionRatings::safe, "Safe"},
    {&core::KeyQuestionRatings::effective, "Effective"},
    {&core::KeyQuestionRatings::caring, "Caring"},
    {&core::KeyQuestionRatings::responsive, "Responsive"},
    {&core::KeyQuestionRatings::well_led, "Well-led"}};

std::string needs_text(core::Needs needs) {
    std::string out;
    for (core::Need n : core::all_needs())
        if (needs & n) out += (out.empty() ? "" : ", ") + std::string(core::need_label(n));
    return out;
}

std::string address_text(const core::Provider& p) {
    if (!p.details_loaded) return "Loading...";
    std::string a = p.address;
    if (!p.postcode.empty()) a += (a.empty() ? "" : ", ") + p.postcode;
    return a;
}

std::string distance_text(const core::Session& s, std::size_t index) {
    const double miles = s.distance_miles_to(index);
    if (miles < 0) return "Search from a postcode to see distances";
    return core::distance_words(miles, s.provider(index).precision != core::GeoPrecision::Unit) + " from " +
           s.location().postcode.normalised;
}

void value_or_missing(const std::string& v) {
    if (v.empty())
        secondary(kNotInData);
    else
        body(v);
}

// The cells of one comparison, each usable in a table cell or a card.
void cell_rating(const core::Provider& p) {
    provider_rating(p, "rating." + p.location_id);
}

// One of the five questions CQC asks, for one agency.
void cell_question(const core::Provider& p, core::Rating core::KeyQuestionRatings::*q, const char* label) {
    if (!p.key_questions_in_data) {
        secondary(kNotInData);
        return;
    }
    rating_badge(p.key_questions.*q);
    note_item("rating." + p.location_id + "." + label, "text",
              std::string(label) + ": " + std::string(core::rating_label(p.key_questions.*q)));
}

void cell_phone(App& app, const core::Provider& p) {
    if (!p.details_loaded) {
        secondary("Loading...");
    } else if (p.phone.empty()) {
        secondary(kNotInData);
    } else {
        phone_number(app, "phone." + p.location_id, p.phone);
    }
}

void cell_website(App& app, const core::Provider& p) {
    if (!p.details_loaded) {
        secondary("Loading...");
    } else if (p.website.empty()) {
        secondary(kNotInData);
    } else {
        website_link(app.platform(), "website." + p.location_id, "Visit website", p.website, p.website);
    }
}

// "See details" and "Remove", stacked at full width. Returns true when the list or the screen changed.
bool cell_actions(App& app, const core::Provider& p, std::size_t index) {
    core::Session& s = app.session();
    const float w = ImGui::GetContentRegionAvail().x;
    if (secondary_button(("open." + p.location_id).c_str(), "See details", w)) {
        s.open_agency(index);
        return true;
    }
    if (secondary_button(("remove." + p.location_id).c_str(), "Remove", w)) {
        s.toggle_shortlist(p.location_id);
        app.edit.status = p.name + " removed from your shortlist";
        return true;
    }
    return false;
}

void name_text(const core::Provider& p) {
    ImGui::PushFont(ui().fonts.bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    note_item("name." + p.location_id, "text", p.name);
}

// Side by side: one row per fact, one column per agency.
bool compare_table(App& app, const std::vector<std::size_t>& indices, int table_no, float label_w,
                   float width) {
    const core::Session& s = app.session();
    const int n = static_cast<int>(indices.size());
    const std::string id = "##compare" + std::to_string(table_no);
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_SizingStretchSame;
    // Roomy cells; the padding is read per row, so it stays pushed until the table ends.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8.0f * ui().scale, 6.0f * ui().scale));
    if (!ImGui::BeginTable(id.c_str(), n + 1, flags, ImVec2(width, 0))) {
        ImGui::PopStyleVar();
        return false;
    }
    ImGui::TableSetupColumn("##fact", ImGuiTableColumnFlags_WidthFixed, label_w);
    for (int i = 0; i < n; ++i)
        ImGui::TableSetupColumn(("##agency" + std::to_string(i)).c_str(), ImGuiTableColumnFlags_WidthStretch);
    bool changed = false;
    // The accessible mirror makes the cells a real table: an agency a column, a question a row.
    ui().table = "compare" + std::to_string(table_no);
    ui().table_row = -1;
    auto row = [&](const char* label, auto draw) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ++ui().table_row;
        ui().table_col = 0;
        ImGui::PushFont(ui().fonts.bold);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(label);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (label[0] != '\0') note_item("row." + std::string(label), "text", label);
        for (int i = 0; i < n && !changed; ++i) {
            ImGui::TableSetColumnIndex(i + 1);
            ui().table_col = i + 1;
            ImGui::PushID(i);
            draw(indices[static_cast<std::size_t>(i)]);
            ImGui::PopID();
        }
    };
    row("Name", [&](std::size_t i) { name_text(s.provider(i)); });
    row("CQC rating", [&](std::size_t i) { cell_rating(s.provider(i)); });
    for (const auto& question : kQuestions) // clang 14 cannot capture structured bindings
        row(question.second,
            [&](std::size_t i) { cell_question(s.provider(i), question.first, question.second); });
    row("Distance", [&](std::size_t i) { body(distance_text(s, i)); });
    row("Phone", [&](std::size_t i) { cell_phone(app, s.provider(i)); });
    row("Website", [&](std::size_t i) { cell_website(app, s.provider(i)); });
    row("Who it supports", [&](std::size_t i) { value_or_missing(needs_text(s.provider(i).needs)); });
    row("Address", [&](std::size_t i) { value_or_missing(address_text(s.provider(i))); });
    row("", [&](std::size_t i) { changed |= cell_actions(app, s.provider(i), i); });
    ui().table.clear();
    ImGui::EndTable();
    ImGui::PopStyleVar();
    return changed;
}

// On phones: one card per agency, the facts stacked.
bool compare_cards(App& app, const std::vector<std::size_t>& indices) {
    const core::Session& s = app.session();
    for (std::size_t i : indices) {
        const core::Provider& p = s.provider(i);
        ImGui::PushID(p.location_id.c_str());
        ImGui::Separator();
        name_text(p);
        cell_rating(p);
        if (p.key_questions_in_data) key_question_rows(p, "rating." + p.location_id + ".");
        secondary(distance_text(s, i));
        cell_phone(app, p);
        cell_website(app, p);
        const std::string needs = needs_text(p.needs);
        if (!needs.empty()) secondary("Supports: " + needs);
        secondary(address_text(p).empty() ? std::string("Address: ") + kNotInData : address_text(p));
        const bool changed = cell_actions(app, p, i);
        ImGui::PopID();
        if (changed) return true;
    }
    ImGui::Separator();
    return false;
}

// A kiosk: no links, copying or downloads, but a QR code to take the shortlist away, and printing.
void kiosk_actions(App& app) {
    core::Session& s = app.session();
    heading("Take your shortlist with you");
    body("Scan this QR code with your phone's camera. It opens this shortlist on your phone, with each "
         "agency's rating, phone number and address. The list is held in the link itself.");
    qr_code(
        app, "share_qr", take_away_link(app),
        "QR code with a link to this shortlist. Scan it with your phone's camera to open the shortlist on "
        "your phone.");
    ImGui::Spacing();
    if (primary_button("print", "Print my shortlist", action_width()))
        app.platform().print_html(core::print_page_html(s, app.platform().today()));
    secondary(
        "Prints a page with each agency's rating, phone number and address, if this screen has a printer.");
}

void actions(App& app, ShortlistState& st) {
    core::Session& s = app.session();
    if (ui().kiosk) {
        kiosk_actions(app);
        return;
    }
    heading("Print, share or save");
    const float w = action_width();
    if (primary_button("print", "Print", w))
        app.platform().print_html(core::print_page_html(s, app.platform().today()));
    secondary("Opens a page to print, with each agency's rating, phone number and address.");

    subheading("Share");
    secondary("This link opens your shortlist and search on another device. Send it by email or message.");
    std::string url = app.platform().page_url(s.share_link_query());
    TextFieldOptions box;
    box.read_only = true;
    box.width = std::fmin(ImGui::GetContentRegionAvail().x, ImGui::CalcItemWidth());
    text_field("share_url", "Share link", url, box);
    Row share;
    share.next(button_width("Copy share link", w));
    if (secondary_button("copy_link", "Copy share link", w)) {
        ImGui::SetClipboardText(url.c_str());
        // Say it worked only when the clipboard really holds the link (a browser may refuse).
        const char* now = ImGui::GetClipboardText();
        const bool copied = now != nullptr && url == now;
        st.confirmation = copied ? "Link copied. Paste it into an email or message."
                                 : "The link could not be copied here. Select it in the box above and copy "
                                   "it, or email it.";
        app.edit.status = copied ? "Link copied" : "Link not copied";
    }
    share.next(button_width("Email the link", w));
    if (secondary_button("email_link", "Email the link", w))
        app.platform().open_url(
            "mailto:?subject=" + core::percent_encode("Home care agencies shortlist") +
            "&body=" + core::percent_encode(core::export_share_text(s.shortlist_entries(), url)));
    if (!st.confirmation.empty()) {
        body(st.confirmation);
        note_item("confirmation", "status", st.confirmation);
    }

    subheading("Save a copy");
    Row save;
    save.next(button_width("Download (JSON)", w));
    if (secondary_button("download_json", "Download (JSON)", w))
        app.platform().download(
            "shortlist.json", "application/json",
            core::export_json(s.shortlist_entries(), s.export_options(app.platform().today())));
    save.next(button_width("Download (spreadsheet CSV)", w));
    if (secondary_button("download_csv", "Download (spreadsheet CSV)", w))
        app.platform().download(
            "shortlist.csv", "text/csv",
            core::export_csv(s.shortlist_entries(), s.export_options(app.platform().today())));
    secondary(
        "JSON follows the Open Referral UK format, for other services. The spreadsheet opens in Excel or "
        "similar programs.");
}

} // namespace

void draw_shortlist(App& app) {
    core::Session& s = app.session();
    ShortlistState& st = screen_state<ShortlistState>(); // a fresh visit starts clean

    if (back_link()) s.back();
    title("Your shortlist");
    if (!s.ready()) {
        load_status(app, "Loading care information...");
        return;
    }
    const std::vector<std::size_t> indices = s.shortlist_indices();
    if (const std::size_t missing = s.shortlist_missing(); missing > 0) {
        panel_text(missing == 1 ? "1 agency on your shortlist is not in the information we have. It may have "
                                  "closed, or the link that added it may be wrong."
                                : std::to_string(missing) +
                                      " agencies on your shortlist are not in the information we have. They "
                                      "may have closed, or the link that added them may be wrong.");
        if (secondary_button("remove_missing", missing == 1 ? "Remove it" : "Remove them all"))
            s.remove_missing_from_shortlist();
    }
    if (indices.empty()) {
        body("Your shortlist is empty.");
        body("To add an agency, find care near a postcode, then choose \"Add to shortlist\" in the list of "
             "results or on the agency's page.");
        if (primary_button("find_care", "Find care", action_width())) s.go(core::Screen::Start);
        return;
    }
    note_item("shortlist.count", "status", std::to_string(indices.size()));
    body(core::agencies_words(indices.size()) + " on your shortlist." +
         (s.page().kiosk      ? " It goes when you leave: this screen clears itself when nobody is using it."
          : !s.storage_kept() ? " This browser is not letting us keep it: it goes when you close this page."
          : s.storage_newer() ? " Changes are not kept: a newer version of this service saved it."
                              : " It is kept on this device."));
    const bool loading = std::any_of(indices.begin(), indices.end(),
                                     [&](std::size_t i) { return !s.provider(i).details_loaded; });
    if (loading) secondary("Loading phone numbers and addresses...");

    // As many agencies side by side as fit at a readable width; a phone gets cards.
    // The page column's width (the window may be wider than the column on large screens).
    const float avail = std::fmin(ImGui::GetContentRegionAvail().x, ImGui::CalcItemWidth());
    const float label_w = ImGui::CalcTextSize("Who it supports").x + 10.0f * ui().scale;
    const int per_table = static_cast<int>((avail - label_w) / (190.0f * ui().scale));
    bool changed = false;
    if (ui().phone || per_table < 2) {
        changed = compare_cards(app, indices);
    } else {
        const std::size_t k = static_cast<std::size_t>(per_table);
        for (std::size_t from = 0; from < indices.size() && !changed; from += k) {
            const std::vector<std::size_t> part(
                indices.begin() + static_cast<std::ptrdiff_t>(from),
                indices.begin() + static_cast<std::ptrdiff_t>(std::min(indices.size(), from + k)));
            changed = compare_table(app, part, static_cast<int>(from / k), label_w, avail);
            ImGui::Spacing();
        }
    }
    if (changed) return; // the shortlist or the screen changed: draw afresh next frame
    actions(app, st);
    ImGui::Spacing();
    if (link("cost", "What will care cost?")) s.go(core::Screen::Cost);
}

} // namespace hcf::ui
