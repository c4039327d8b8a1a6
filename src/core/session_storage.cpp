// homecare-finder core: what the session keeps in the browser, and reading it back (issue 16, item 7).
// Depends on: core/session, nlohmann/json.
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include <nlohmann/json.hpp>

#include <string>

namespace hcf::core {

namespace {

constexpr int kStorageVersion = 1;

const std::string kStorageProblem =
    "Your saved shortlist and settings could not be read, so they have been cleared. Sorry.";
const std::string kStorageNewer =
    "Your saved shortlist was made by a newer version of this service, so it is left as it was. Changes "
    "you make here are not kept.";

std::string dropped_words(std::size_t dropped, std::size_t kept) {
    std::string out = dropped == 1
                          ? "One saved agency could not be read and was left out"
                          : std::to_string(dropped) + " saved agencies could not be read and were left out";
    if (kept > 0)
        out += kept == 1 ? "; the other one is still on your shortlist."
                         : "; the other " + std::to_string(kept) + " are still on your shortlist.";
    else
        out += ".";
    return out;
}

} // namespace

std::string Session::storage_json() const {
    if (!storage_newer_.empty()) return storage_newer_; // never overwritten by this older version
    // Nothing saved means nothing stored: a kiosk or a new visitor leaves no trace in the browser.
    if (shortlist_.empty() && settings_.text_size_percent == 100 && !settings_.high_contrast) return {};
    nlohmann::json j;
    j["version"] = kStorageVersion;
    j["shortlist"] = shortlist_;
    j["shortlistMissing"] = shortlist_missing();
    j["settings"] = {{"text_size", settings_.text_size_percent}, {"high_contrast", settings_.high_contrast}};
    return j.dump();
}

void Session::restore_storage(std::string_view text) {
    if (text.empty()) return;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    // The version is read without value(): a version that is not a number (an array, a text) would
    // throw there, and garbage in storage must only ever give the "could not be read" notice.
    const long long version = j.is_object() && j.contains("version") && j["version"].is_number_integer()
                                  ? j["version"].get<long long>()
                                  : 0;
    if (version > kStorageVersion) {
        storage_newer_ = std::string(text);
        notice_ = kStorageNewer;
        return;
    }
    if (version != kStorageVersion) {
        notice_ = kStorageProblem;
        return;
    }
    std::size_t dropped = 0;
    std::vector<std::string> ids;
    if (j.contains("shortlist") && j["shortlist"].is_array()) {
        for (const auto& id : j["shortlist"]) {
            if (!id.is_string() || !valid_location_id(id.get<std::string>()))
                ++dropped;
            else if (ids.size() < kMaxShortlist)
                ids.push_back(id.get<std::string>());
        }
    } else if (j.contains("shortlist")) {
        notice_ = kStorageProblem;
    }
    Settings settings;
    bool settings_ok = true;
    if (j.contains("settings")) {
        const auto& s = j["settings"];
        const int size = s.is_object() && s.contains("text_size") && s["text_size"].is_number_integer()
                             ? s["text_size"].get<int>()
                             : 100;
        if (size == 100 || size == 125 || size == 150 || size == 200)
            settings.text_size_percent = size;
        else
            settings_ok = false;
        if (s.is_object() && s.contains("high_contrast") && s["high_contrast"].is_boolean())
            settings.high_contrast = s["high_contrast"].get<bool>();
    }
    for (const auto& id : ids)
        if (!in_shortlist(id)) shortlist_.push_back(id);
    if (settings_ok) settings_ = settings;
    if (dropped > 0)
        notice_ = dropped_words(dropped, ids.size());
    else if (!settings_ok)
        notice_ = "Your saved text size could not be read, so it is back to normal. Your shortlist is kept.";
}

} // namespace hcf::core
