// homecare-finder core: one person's session (see session.h).
// Depends on: core/geography, nlohmann/json.
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include <nlohmann/json.hpp>

namespace hcf::core {

void Session::set_geography(Geography geo) {
    geography_ = std::move(geo);
    ready_ = true;
    load_error_.clear();
}

void Session::set_load_error(std::string message) {
    ready_ = false;
    load_error_ = std::move(message);
}

void Session::set_postcode_input(std::string_view text) {
    postcode_input_ = std::string(text);
}

std::string Session::hint() const {
    return hint_while_typing(postcode_input_);
}

bool Session::find_care() {
    if (!ready_) {
        message_ = load_error_.empty() ? "The care information is still loading. Please wait a moment."
                                       : load_error_;
        return false;
    }
    location_ = locate(geography_, postcode_input_);
    if (location_.ok)
        message_ = location_.place.empty() ? location_.postcode.normalised : location_.place;
    else
        message_ = location_.message;
    return location_.ok;
}

std::string Session::state_json() const {
    nlohmann::json j;
    j["ready"] = ready_;
    j["input"] = postcode_input_;
    j["message"] = message_;
    j["loadError"] = load_error_;
    nlohmann::json loc;
    loc["ok"] = location_.ok;
    loc["postcode"] = location_.postcode.normalised;
    loc["precision"] = std::string(geo_precision_key(location_.precision));
    loc["lat"] = location_.centre.lat;
    loc["lng"] = location_.centre.lng;
    loc["error"] = std::string(postcode_error_key(location_.error));
    j["location"] = loc;
    return j.dump();
}

} // namespace hcf::core
