// homecare-finder UI: a council's own help (see council_help_view.h).
// Depends on: ui/council_help_view, ui/app, ui/widgets, core/council_help, core/council_contacts.
// SPDX-License-Identifier: MIT
#include "ui/council_help_view.h"

#include "ui/app.h"
#include "ui/widgets.h"

#include <string>

namespace hcf::ui {

void phone_number(App& app, std::string_view id, const std::string& phone) {
    if (!ui().kiosk) {
        external_link(app.platform(), id, phone, tel_url(phone));
        return;
    }
    ImGui::PushFont(ui().fonts.title);
    ImGui::TextUnformatted(phone.c_str());
    ImGui::PopFont();
    note_item(std::string(id), "text", "Phone " + phone);
}

void council_contacts(App& app, const core::CouncilHelp& help) {
    if (!help.known) return;
    heading("Contact " + (help.contact ? help.contact->council : help.name + " council"));
    body("The council can tell you about home care near you, and assess what help you need. The assessment "
         "is free, whatever your savings.");
    const core::CouncilContact* c = help.contact;
    if (!c || (c->phone.empty() && c->page_url.empty() && c->directory_name.empty())) {
        body("We have not found the council's adult social care phone number or web page yet. Search for "
             "\"" +
             help.name + " council adult social care\" to find them.");
    } else {
        if (!c->phone.empty()) {
            subheading("Adult social care phone");
            phone_number(app, "council.phone", c->phone);
            secondary(core::contact_seen_words(*c) +
                      " Numbers change: check the council's website for the current number.");
        } else {
            secondary("We have not found the council's adult social care phone number yet.");
        }
        if (!c->page_url.empty())
            external_link(app.platform(), "council.page", "The council's adult social care page", c->page_url,
                          "The council's adult social care page");
        if (!c->directory_name.empty()) {
            if (!c->directory_url.empty())
                external_link(app.platform(), "council.directory",
                              c->directory_name + ": the council's directory of local services",
                              c->directory_url, c->directory_name);
            else
                body("The council's directory of local services is called " + c->directory_name + ".");
        }
    }
    external_link(app.platform(), "cqc.search", "Search for home care agencies on the CQC website",
                  std::string(core::kCqcWebsite), "CQC website");
}

} // namespace hcf::ui
