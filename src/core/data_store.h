// homecare-finder core: the data the app works from, fed one file at a time — manifest.json first, then
// bundle.bin, then the details and postcode packs as they are asked for — with the search engine and the
// council profiles made from it. The browser feeds it by fetch (through core/session.h), the command-line
// tool hcf from a folder; both ask the same way (take_requests) and hand over the same way (receive).
// Depends on: core/dataset_format.h, core/manifest.h, core/search.h, core/council_profile.h.
// SPDX-License-Identifier: MIT
//
// Once the manifest is known every file is checked against it (size and SHA-256) and a damaged one is
// refused; bundle.bin waits for the manifest. A missing or damaged manifest or bundle stops the data with a
// plain message naming the file (load_failure); a details pack that cannot be had is noted for its agencies;
// a postcode pack that cannot be had only leaves places at sector precision.
#pragma once

#include "core/council_profile.h"
#include "core/dataset_format.h"
#include "core/manifest.h"
#include "core/search.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

class DataStore {
  public:
    DataStore();
    ~DataStore();
    DataStore(DataStore&&) noexcept;
    DataStore& operator=(DataStore&&) noexcept;

    // What a file that arrived changed.
    enum class Change : std::uint8_t {
        None,     // kept for later (a bundle before its manifest), or not wanted
        Manifest, // the list of files is known
        Bundle,   // new data is in use (a waiting bundle may come in with the manifest)
        UnitPack, // a district's (or an area's) unit postcodes are loaded
        Details,  // an area's contact details are filled in
    };
    // A data file arrived: "manifest.json", "bundle.bin", "postcodes/<DISTRICT>.txt" (or an area's, from the
    // tools) or "details/<AREA>.bin". What it changed, or an Error when it was refused (damaged, not listed,
    // not readable), in plain words a tool may log; the app shows what matters through load_failure() and
    // details_problem().
    Expected<Change> receive(std::string_view name, std::string_view bytes);
    // Checks a file against the manifest (size and SHA-256), except a district's postcodes, which are not
    // listed (add_unit_pack checks them against the bundle); nothing to check before the manifest is in.
    Expected<void> verify(std::string_view name, std::string_view bytes) const;
    // A data file could not be had (message: "HTTP 404", a network error, "missing").
    void receive_error(std::string_view name, std::string_view message);

    // Files to fetch, each asked for once; take_requests() gives each out once.
    void request(std::string name);
    bool asked(std::string_view name) const;
    std::vector<std::string> take_requests();
    // The details pack of this agency's area, if it is not in yet.
    void request_details_for(const Provider& p);

    // Takes an already loaded bundle (native tools and tests; no manifest needed).
    void set_bundle(Bundle bundle);
    // Stops the data with a message for the person (the data in use is dropped).
    void fail(std::string message);
    // "Try again" after a load error: forgets it and asks for manifest.json and bundle.bin once more.
    void retry();
    // Fetch the data again (after an update, or to go back to the bundled data): the manifest is forgotten
    // and every file may be asked for again; the data in use stays until the new bundle arrives.
    void reload();

    bool ready() const { return bundle_ != nullptr; }
    const Bundle* bundle() const { return bundle_.get(); }
    const SearchEngine* engine() const { return engine_.get(); }
    const Manifest* manifest() const { return manifest_.get(); }
    // Why the data could not be loaded, in plain words for the person; nullptr while it has not failed.
    const Error* load_failure() const { return load_failure_ ? &*load_failure_ : nullptr; }
    // The council profiles the bundle holds that could be read, and what was wrong with any that could not.
    const std::vector<CouncilProfile>& councils() const { return councils_; }
    const std::vector<std::string>& profile_problems() const { return profile_problems_; }
    // Whether the data in use came from "Update the data" (its manifest says so), when, from which files.
    const UpdatedInfo& updated() const { return updated_; }

    // Why an agency's address, phone and website could not be had ("" when they were not refused).
    std::string details_error(const Provider& p) const;
    // Asks for that agency's details pack once more, if it had failed.
    void retry_details(const Provider& p);

  private:
    std::unique_ptr<Manifest> manifest_;
    std::string waiting_bundle_; // bundle.bin bytes that arrived before manifest.json
    std::unique_ptr<Bundle> bundle_;
    std::unique_ptr<SearchEngine> engine_;
    std::vector<CouncilProfile> councils_;
    std::vector<std::string> profile_problems_;
    UpdatedInfo updated_;
    std::optional<Error> load_failure_;
    std::vector<std::string> requests_;                 // waiting to be fetched
    std::vector<std::string> requested_;                // asked for already (never twice)
    std::map<std::string, std::string> details_failed_; // details pack -> why it could not be had
};

} // namespace hcf::core
