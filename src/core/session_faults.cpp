// homecare-finder core: what the session does when a data file cannot be fetched (issue 16, item 4).
// Depends on: core/session, core/data_update, core/dataset_format.
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include "core/data_update.h"

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
