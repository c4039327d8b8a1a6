// homecare-finder core: the data the app works from, file by file (see data_store.h).
// Depends on: core/data_store.h, core/dataset_format.h, core/manifest.h, core/council_profile.h.
// SPDX-License-Identifier: MIT
#include "core/data_store.h"

#include "core/postcode.h"

#include <algorithm>

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

// "postcodes/B13.txt", not an area's "postcodes/B.txt".
bool is_district_file(std::string_view name) {
    const std::string stem = data_file_stem(name);
    return postcode_area(stem).size() < stem.size();
}

} // namespace

DataStore::DataStore() = default;
DataStore::~DataStore() = default;
DataStore::DataStore(DataStore&&) noexcept = default;
DataStore& DataStore::operator=(DataStore&&) noexcept = default;

Expected<DataStore::Change> DataStore::receive(std::string_view name, std::string_view bytes) {
    const DataFileKind kind = data_file_kind(name);
    if (kind == DataFileKind::Manifest) {
        Expected<Manifest> m = read_manifest(bytes);
        if (!m) {
            fail(
                "The list of care information files is damaged (manifest.json). Reload the page; if it keeps "
                "happening, tell the website owner.");
            return *load_failure_;
        }
        manifest_ = std::make_unique<Manifest>(std::move(*m));
        updated_ = manifest_->updated_in_browser;
        if (waiting_bundle_.empty()) return Change::Manifest;
        std::string waiting;
        waiting.swap(waiting_bundle_);
        return receive("bundle.bin", waiting);
    }
    if (kind == DataFileKind::Startup && !manifest_) {
        waiting_bundle_ = std::string(bytes);
        return Change::None;
    }
    if (manifest_)
        if (const Expected<void> checked = verify(name, bytes); !checked) {
            if (kind == DataFileKind::Startup) fail(checked.error());
            if (kind == DataFileKind::Details) details_failed_[std::string(name)] = checked.error();
            return checked.failure(); // a damaged postcode pack: places stay approximate
        }
    if (kind == DataFileKind::Startup) {
        Expected<Bundle> b = load_bundle(bytes);
        if (!b) {
            fail(b.error());
            return b.failure();
        }
        set_bundle(std::move(*b));
        return Change::Bundle;
    }
    if (!bundle_) return Change::None;
    if (kind == DataFileKind::Postcodes) {
        if (const Expected<void> added = bundle_->geography.add_unit_pack(data_file_stem(name), bytes);
            !added)
            return Error{std::string(name) + ": " + added.error(), ""};
        return Change::UnitPack;
    }
    if (kind == DataFileKind::Details) {
        // On failure the agencies keep their short record, and their pages say so (with "Try again").
        if (const Expected<void> applied = apply_details(*bundle_, bytes); !applied) {
            details_failed_[std::string(name)] = applied.error();
            return applied.failure();
        }
        return Change::Details;
    }
    return Change::None;
}

Expected<void> DataStore::verify(std::string_view name, std::string_view bytes) const {
    // A district's postcodes (postcodes/B13.txt, split from the area's file by the web build) are not
    // listed, there being thousands: add_unit_pack checks them against the district's count in the bundle.
    if (!manifest_ || (data_file_kind(name) == DataFileKind::Postcodes && is_district_file(name))) return {};
    return verify_file(*manifest_, name, bytes);
}

void DataStore::receive_error(std::string_view name, std::string_view message) {
    const DataFileKind kind = data_file_kind(name);
    if (kind == DataFileKind::Manifest || kind == DataFileKind::Startup) {
        fail(
            "The care information could not be loaded (" + std::string(name) + "): " + why(message) +
            ". Check your internet connection and try again; if it keeps happening, tell the website owner.");
    } else if (kind == DataFileKind::Details) {
        details_failed_[std::string(name)] = "The address, phone number and website could not be loaded (" +
                                             std::string(name) + "): " + why(message) + ".";
    }
    // A postcode pack that cannot be had is not fatal: places stay at sector precision.
}

void DataStore::request(std::string name) {
    if (asked(name)) return;
    requested_.push_back(name);
    requests_.push_back(std::move(name));
}

bool DataStore::asked(std::string_view name) const {
    return std::find(requested_.begin(), requested_.end(), name) != requested_.end();
}

std::vector<std::string> DataStore::take_requests() {
    std::vector<std::string> out;
    out.swap(requests_);
    return out;
}

void DataStore::request_details_for(const Provider& p) {
    if (!bundle_) return;
    const std::string area = details_area(p);
    if (!bundle_->details_applied.count(area)) request(details_file_name(area));
}

void DataStore::set_bundle(Bundle bundle) {
    bundle_ = std::make_unique<Bundle>(std::move(bundle));
    engine_ = std::make_unique<SearchEngine>(bundle_->providers, &bundle_->geography);
    councils_.clear();
    profile_problems_.clear();
    for (const auto& text : bundle_->council_profiles) {
        Expected<CouncilProfile> p = load_council_profile(text.json);
        if (p)
            councils_.push_back(std::move(*p));
        else
            profile_problems_.push_back(text.file + ": " + p.error());
    }
    load_failure_.reset();
}

void DataStore::fail(std::string message) {
    bundle_.reset();
    engine_.reset();
    load_failure_ = Error{std::move(message), ""};
}

void DataStore::retry() {
    if (!load_failure_) return;
    load_failure_.reset();
    reload();
    request("manifest.json");
    request("bundle.bin");
}

void DataStore::reload() {
    manifest_.reset();
    waiting_bundle_.clear();
    requested_.clear();
}

std::string DataStore::details_error(const Provider& p) const {
    if (p.details_loaded) return {};
    const auto it = details_failed_.find(details_file_name(details_area(p)));
    return it == details_failed_.end() ? std::string() : it->second;
}

void DataStore::retry_details(const Provider& p) {
    const std::string name = details_file_name(details_area(p));
    if (details_failed_.erase(name) == 0) return;
    std::erase(requested_, name);
    request(name);
}

} // namespace hcf::core
