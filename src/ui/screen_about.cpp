// homecare-finder UI: the "About this information" screen — coverage, sources, dates, licences, attribution.
// Depends on: ui/app, ui/widgets, ui/platform, core/session, core/dataset_format, core/text_format, ui/screens
// (draw_data_update). SPDX-License-Identifier: MIT
//
// Everything here comes from the dataset's own record of its sources (bundle()->info), so the screen can
// never claim more coverage or a newer date than the data really has.
#include "ui/app.h"
#include "ui/load_fault.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include "core/dataset_format.h"
#include "core/text_format.h"

#include <cmath>
#include <string>
#include <vector>

namespace hcf::ui {

namespace {

// "1 September 2026", or the text as written when it is not an ISO date.
std::string date_words(const std::string& iso) {
    const std::string d = core::format_date(iso);
    return d.empty() ? iso : d;
}

void sources(App& app, const core::DatasetInfo& info) {
    heading("Where the information comes from");
    int n = 0;
    for (const core::SourceInfo& src : info.sources) {
        ImGui::PushID(n++);
        subheading(src.title);
        std::string line = src.publisher;
        if (!src.edition.empty()) line += (line.empty() ? "" : ", ") + date_words(src.edition);
        if (!line.empty()) body(line);
        if (!src.note.empty()) secondary(src.note);
        if (!src.licence.empty()) {
            if (!src.licence_url.empty()) {
                external_link(app.platform(), "licence." + src.id, "Licence: " + src.licence,
                              src.licence_url);
            } else {
                secondary("Licence: " + src.licence);
            }
        }
        ImGui::PopID();
    }
}

void councils(const core::DatasetInfo& info) {
    heading("Councils with complete information");
    int complete = 0;
    for (const core::CouncilCoverage& c : info.coverage)
        if (c.complete) {
            ImGui::Bullet();
            ImGui::SameLine();
            body(c.name + ": " + core::agencies_words(static_cast<std::uint64_t>(c.agencies)));
            ++complete;
        }
    if (complete == 0) body("None yet: the information covers only part of each council's agencies.");
    int partial = 0;
    for (const core::CouncilCoverage& c : info.coverage)
        if (!c.complete) ++partial;
    if (partial > 0)
        secondary("We also have some agencies, but not all, in " + std::to_string(partial) +
                  (partial == 1 ? " other council area." : " other council areas."));
}

void attributions(const core::DatasetInfo& info) {
    heading("Attribution");
    for (const std::string& a : info.attributions)
        secondary(a);
    secondary(
        "Text is shown in Atkinson Hyperlegible, a typeface from the Braille Institute of America, used "
        "under the SIL Open Font License 1.1.");
    secondary("Built with Dear ImGui (MIT licence).");
}

} // namespace

void draw_about(App& app) {
    core::Session& s = app.session();
    if (back_link()) s.back();
    title("About this information");
    const core::Bundle* b = s.bundle();
    if (!b) {
        load_status(app, "Loading care information...");
        if (s.load_failure()) draw_restore_bundled(app);
        return;
    }
    const core::DatasetInfo& info = b->info;
    if (!info.coverage_summary.empty()) {
        panel_text(info.coverage_summary, "coverage");
    }
    body("This service gives information, not advice. It helps you find home care agencies registered with "
         "the Care Quality Commission (CQC), see their inspection ratings and get an idea of costs.");
    body("The CQC does not endorse this service. Always check an agency's latest report on the CQC website "
         "before you decide.");

    heading("How up to date it is");
    if (!info.cqc_edition.empty())
        body("The newest agencies and ratings are from the CQC register of " + date_words(info.cqc_edition) +
             ". Each source below gives its own date.");
    body(std::to_string(info.agencies) + " home care agencies. " + std::to_string(info.placed) +
         " of them have a postcode we can place, so they can be found by distance.");
    // Which data is in use: the data that came with the service, or the owner's update (and when).
    const core::UpdatedInfo& source = s.data_source();
    const std::string in_use = source.updated ? "This service is using data its owner updated on " +
                                                    date_words(source.on) + " from CQC's files."
                                              : "This service is using the data it came with.";
    body(in_use, "data_source");
    secondary("Dataset version " + info.dataset_version);
    note_item("dataset_version", "text", info.dataset_version);
    secondary("Prices and council figures each show their own source and date where they appear.");
    draw_data_update(app);

    councils(info);
    sources(app, info);
    attributions(info);
    ImGui::Spacing();
    if (link("settings_link", "Settings: text size and contrast")) s.go(core::Screen::Settings);
}

} // namespace hcf::ui
