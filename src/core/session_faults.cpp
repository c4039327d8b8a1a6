// homecare-finder core: what the session does when a data file cannot be fetched (issue 16, item 4), and
// what it says about the data kept in this browser (a new release, an owner's update set aside).
// Depends on: core/session, core/bundle.
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include "core/text_format.h"

#include <string>

namespace hcf::core {

namespace {

// Plain words for why a fetch failed: the page passes "HTTP 404", "HTTP 500" or a network error.
std::string why(std::string_view message) {
    if (message.find("HTTP 404") != std::string_view::npos)
        return "it is missing from the website (error 404)";
    if (const auto at = message.find("HTTP "); at != std::string_view::npos)
        return "the website could not send it (error " + std::string(message.substr(at + 5, 3)) + ")";
    return "the connection was lost while it was loading";
}

} // namespace

void Session::receive_error(std::string_view name, std::string_view message) {
    if (update_ && update_->wants_file(name)) update_->receive_error(name, message);
    if (name == "manifest.json" || name == "bundle.bin") {
        set_load_error("The care information could not be loaded (" + std::string(name) +
                       "): " + why(message) +
                       ". Check your internet connection and try again; if it keeps happening, tell the "
                       "website owner.");
    } else if (name.rfind("details/", 0) == 0) {
        details_failed_[std::string(name)] = "The address, phone number and website could not be loaded (" +
                                             std::string(name) + "): " + why(message) + ".";
    }
    // A postcode pack that cannot be fetched is not fatal: results stay at sector precision.
}

namespace {
// The owner's notice and the About screen's status say the same (the owner may be on any screen).
void add_sentence(std::string* to, const std::string& sentence) {
    if (to->find(sentence) == std::string::npos) *to += (to->empty() ? "" : " ") + sentence;
}
} // namespace

void Session::note_data(std::string_view kind, std::string_view detail) {
    std::string said;
    if (kind == "release") {
        // Quiet, and only about the information in use: an owner's own update is not what changed, and an
        // owner just told that this release's information replaced their update has heard it already.
        if (!bundle_ || updated_.updated || bundle_->info.cqc_edition.empty() || !update_message_.empty())
            return;
        said = "Updated to the information of " + format_date(bundle_->info.cqc_edition) + ".";
    } else if (kind == "update_damaged") {
        said = "The updated information saved in this browser could not be read, so it has been removed. The "
               "information that came with this service is in use; you can update it again on the About "
               "screen.";
    } else if (kind == "update_older") {
        const std::size_t space = detail.find(' ');
        const std::string kept = format_date(detail.substr(0, space));
        const std::string bundled =
            space == std::string_view::npos ? "" : format_date(detail.substr(space + 1));
        said = "The information that came with this service" +
               (bundled.empty() ? std::string() : " (CQC register of " + bundled + ")") +
               " is newer than the update saved in this browser" +
               (kept.empty() ? std::string() : " (CQC register of " + kept + ")") +
               ", so the update has been removed.";
    } else {
        return;
    }
    add_sentence(&notice_, said);
    if (kind != "release") {
        update_failed_ = false;
        update_message_ = said;
    }
}

void Session::retry_data() {
    if (load_error_.empty()) return;
    load_error_.clear();
    reload_data();
    request("manifest.json");
    request("bundle.bin");
}

std::string Session::details_error() const {
    const Provider* a = agency();
    if (!a || a->details_loaded) return {};
    const auto it = details_failed_.find(details_file_name(details_area(*a)));
    return it == details_failed_.end() ? std::string() : it->second;
}

void Session::retry_details() {
    const Provider* a = agency();
    if (!a) return;
    const std::string name = details_file_name(details_area(*a));
    if (details_failed_.erase(name) == 0) return;
    std::erase(requested_, name);
    request(name);
}

} // namespace hcf::core
