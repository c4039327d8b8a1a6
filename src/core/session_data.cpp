// homecare-finder core: the session's data — the files the platform fetches go into its DataStore, and the
// session follows what they change (see session.h, [SECTION] Data, and core/data_store.h).
// Depends on: core/session, core/data_store, core/data_update, core/dataset_format, core/text_format.
// SPDX-License-Identifier: MIT
#include "core/session.h"

#include "core/data_update.h"
#include "core/text_format.h"

namespace hcf::core {

Expected<void> Session::load_bundle(std::string_view bytes) {
    Expected<Bundle> load = core::load_bundle(bytes);
    if (!load) {
        set_load_error(load.error());
        return load.failure();
    }
    set_bundle(std::move(*load));
    return {};
}

void Session::load_data() {
    data_.request("manifest.json");
    data_.request("bundle.bin");
}

void Session::set_bundle(Bundle bundle) {
    data_.set_bundle(std::move(bundle));
    data_arrived();
}

void Session::data_arrived() {
    const Bundle& b = *data_.bundle();
    if (updater_.restoring())
        updater_.restore_finished(data_.updated().updated,
                                  "CQC data of " + format_date(b.info.cqc_edition) + ", " +
                                      agencies_words(static_cast<std::uint64_t>(b.info.agencies)));
    // A search asked for before the data (a share link, "Find care" pressed while it loaded), or the one on
    // screen when the data changed: carry it out now. A postcode only typed is left for the person to send.
    if (search_waiting_ || (searched_ && !postcode_input_.empty())) {
        const Screen wanted = screen_;
        const std::string agency = pending_agency_;
        if (find_care()) {
            if (wanted != Screen::Start) screen_ = wanted;
            if (!agency.empty()) open_agency_id(agency);
        }
    } else if (!pending_agency_.empty()) {
        open_agency_id(pending_agency_);
    }
    pending_agency_.clear();
}

void Session::receive_file(std::string_view name, std::string_view bytes) {
    if (updater_.wants_file(name)) {
        // A postcode file the update asked for; the session keeps it too only if it asked for it as well.
        if (const Expected<void> checked = data_.verify(name, bytes); !checked)
            updater_.receive_error(name, checked.error());
        else
            updater_.receive_file(name, bytes);
        if (!data_.asked(name)) return;
    }
    const Expected<DataStore::Change> change = data_.receive(name, bytes);
    switch (change ? *change : DataStore::Change::None) { // a refused file changes nothing here
    case DataStore::Change::Bundle:
        data_arrived();
        break;
    case DataStore::Change::UnitPack:
        relocate_after_unit_pack();
        break;
    default:
        break;
    }
}

void Session::receive_error(std::string_view name, std::string_view message) {
    if (updater_.wants_file(name)) updater_.receive_error(name, message);
    data_.receive_error(name, message);
}

std::vector<std::string> Session::take_file_requests() {
    std::vector<std::string> out = data_.take_requests();
    // The update's postcode files are fetched even if the session asked for them already (it may still be
    // waiting for them, and each request is answered once).
    for (auto& name : updater_.take_file_requests())
        out.push_back(std::move(name));
    return out;
}

void Session::set_load_error(std::string message) {
    data_.fail(std::move(message));
}

void Session::retry_data() {
    data_.retry();
}

std::string Session::details_error() const {
    const Provider* a = agency();
    return a ? data_.details_error(*a) : std::string();
}

void Session::retry_details() {
    if (const Provider* a = agency()) data_.retry_details(*a);
}

namespace {
// The owner's notice and the About screen's status say the same (the owner may be on any screen).
void add_sentence(std::string* to, const std::string& sentence) {
    if (to->find(sentence) == std::string::npos) *to += (to->empty() ? "" : " ") + sentence;
}
} // namespace

// What the page found out about the data this browser holds (a new release, an owner's update set aside).
void Session::note_data(std::string_view kind, std::string_view detail) {
    std::string said;
    const Bundle* bundle = data_.bundle();
    if (kind == "release") {
        // Quiet, and only about the information in use: an owner's own update is not what changed, and an
        // owner just told that this release's information replaced their update has heard it already.
        if (!bundle || data_.updated().updated || bundle->info.cqc_edition.empty() ||
            !updater_.status().message.empty())
            return;
        said = "Updated to the information of " + format_date(bundle->info.cqc_edition) + ".";
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
    if (kind != "release") updater_.say(said);
}

} // namespace hcf::core
