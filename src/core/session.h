// homecare-finder core: one person's session — what they asked, what the app found, what it says.
// Depends on: core/data_store, core/dataset_format, core/manifest, core/search, core/costs, core/means_test,
// core/council_profile, core/export, core/url_state. No ImGui, no Emscripten. SPDX-License-Identifier: MIT
//
// The UI reads and changes the app only through a Session, and the browser tests read it through
// session_state_json() (core/session_state.h), so everything a test checks is a fact about the session, not
// about pixels. The data itself is a core/data_store.h the session feeds and reads; the printable page is
// core/print_page.h.
//
// [SECTION] Data: the files the platform fetches on request, into the DataStore (session_data.cpp)
// [SECTION] Navigation between screens
// [SECTION] Start: postcode, help needed, distance, "Find care"
// [SECTION] Results: sort, filters, widen
// [SECTION] Agency, shortlist, share link, storage, export (session_shortlist.cpp, session_storage.cpp)
// [SECTION] What will it cost? and Who pays?
// [SECTION] Updating the data: the owner's CQC files, compiled in the browser (core/data_update,
//           session_update.cpp)
#pragma once

#include "core/costs.h"
#include "core/council_help.h"
#include "core/council_profile.h"
#include "core/data_file.h"
#include "core/data_store.h"
#include "core/data_updater.h"
#include "core/dataset_format.h"
#include "core/export.h"
#include "core/manifest.h"
#include "core/means_test.h"
#include "core/search.h"
#include "core/update_job.h"
#include "core/url_state.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

enum class Screen : std::uint8_t {
    Start,
    Results,
    Around,
    Agency,
    Shortlist,
    Cost,
    WhoPays,
    Council,
    About,
    Settings
};
std::string_view screen_key(Screen s); // "start", "results", "around", ...
std::optional<Screen> parse_screen(std::string_view key);

// "What help is needed", in the person's words. Some map onto CQC's service-user bands (and then
// filter the results); the others every home care agency offers, or the data cannot tell, and the
// option says so instead of filtering.
struct HelpOption {
    std::string_view key;   // "dementia"
    std::string_view label; // "Dementia"
    Needs needs = 0;        // the CQC bands that cover it (any of them); 0 = does not filter
    std::string_view note;  // shown when the option is on, e.g. why it does not filter
};
const std::vector<HelpOption>& help_options();
const HelpOption* find_help_option(std::string_view key);

struct Settings {
    int text_size_percent = 100; // 100, 125, 150 or 200
    bool high_contrast = false;  // black on white with thick outlines
};

class Session {
  public:
    Session();
    ~Session();
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;

    // ---- [SECTION] Data ---------------------------------------------------------------------
    // bundle.bin arrived. A damaged or foreign file is refused with a plain message (ready() stays false;
    // message() gives the same words after find_care).
    Expected<void> load_bundle(std::string_view bytes);
    // Asks for manifest.json and bundle.bin (take_file_requests gives them out), at start.
    void load_data();
    // Takes an already loaded bundle (native tools and tests).
    void set_bundle(Bundle bundle);
    // A data file arrived: "manifest.json", "bundle.bin", "postcodes/<AREA>.txt" or "details/<AREA>.bin"
    // (names as core/data_file.h gives them). Once the manifest is known every file is checked against it,
    // and a damaged one is refused with a plain message; the bundle waits for the manifest.
    void receive_file(std::string_view name, std::string_view bytes);
    // A data file could not be fetched (message: "HTTP 404", a network error). A missing manifest or bundle
    // stops the app with a plain message naming the file (see core/data_store.h); a details pack is noted
    // for its agency page; a postcode pack only leaves results at sector precision.
    void receive_error(std::string_view name, std::string_view message);
    // "Try again" after a load error: forgets it and asks for manifest.json and bundle.bin once more.
    void retry_data();
    // What the page found out about the data this browser holds (session_data.cpp), said in plain words:
    // "release" (the first load of a release that brought new information; said once the data is in use),
    // "update_damaged" (the owner's update saved in this browser could not be read and was removed; detail:
    // what was wrong), "update_older" (this service's own information is newer than the owner's saved update,
    // which was removed; detail: "<update's CQC edition> <the service's CQC edition>").
    void note_data(std::string_view kind, std::string_view detail);
    // Why the open agency's address, phone and website could not be loaded ("" when they were not refused).
    std::string details_error() const;
    // "Try again" on the agency page: asks for the open agency's details pack once more.
    void retry_details();
    // Files the session wants fetched (unit postcode packs, details packs). Each is asked for once.
    std::vector<std::string> take_file_requests();
    void set_load_error(std::string message);
    bool ready() const { return data_.ready(); }
    const Error* load_failure() const { return data_.load_failure(); } // nullptr while not failed
    const Bundle* bundle() const { return data_.bundle(); }
    const std::vector<CouncilProfile>& councils() const { return data_.councils(); }
    const DataStore& data() const { return data_; }

    // ---- [SECTION] Navigation ---------------------------------------------------------------
    Screen screen() const { return screen_; }
    void go(Screen s);
    void back(); // to where the person came from (results keep their scroll position in the UI)
    // A short message for the whole app (e.g. "Your saved shortlist could not be read ..."); cleared on read.
    std::string take_notice();
    const std::string& notice() const { return notice_; }

    // ---- [SECTION] Start --------------------------------------------------------------------
    // What was typed in the postcode box, its first kPostcodeInputMax characters (more is never a postcode).
    static constexpr std::size_t kPostcodeInputMax = 40;
    void set_postcode_input(std::string_view text);
    const std::string& postcode_input() const { return postcode_input_; }
    std::string hint() const; // soft feedback while typing; "" when nothing to say
    void set_help(std::string_view key, bool on);
    bool help(std::string_view key) const;
    const std::vector<std::string>& help_keys() const { return help_; }
    void set_radius(double miles); // re-runs the search when there is one
    double radius() const { return query_.radius_miles; }
    // The council whose profile is shown (from ?council=, the postcode, or the person's choice).
    void set_council(std::string_view id);
    const CouncilProfile* council() const;
    // The person's council's own contacts and what our information holds for it: the searched postcode's
    // council, else the profile's (?council=); known=false when there is neither.
    CouncilHelp council_help() const;
    // "Find care": checks and places the postcode, searches, and moves to the results. Before the data is in
    // it returns false and the search waits for the data (search_waiting(), message() kSearchWaiting); typing
    // other words cancels the wait.
    bool find_care();
    static constexpr std::string_view kSearchWaiting =
        "Your search will start as soon as the care information has loaded.";
    bool search_waiting() const { return search_waiting_; }
    const std::string& message() const { return message_; } // the postcode's message (errors, place)
    const Location& location() const { return location_; }
    bool has_search() const { return searched_; }

    // ---- [SECTION] Results ------------------------------------------------------------------
    void set_sort(SortOrder s);
    void set_min_rating(Rating r, bool include_not_rated);
    void set_text_filter(std::string_view text);
    const SearchQuery& query() const { return query_; }
    const SearchResult& results() const { return results_; }
    std::string summary() const; // "23 agencies within 5 miles of B13 9AB"
    // How old the data is, for offline users above all: "Information dated 1 September 2026 (CQC register)."
    // "" before the data is loaded.
    std::string data_dated() const;
    bool widen(); // to the next distance that finds more; false if none does
    // The agency at an index this session gave out (Match::index, shortlist_entries). Not a lookup: the
    // index is the session's own, so this always returns an agency; one it does not hold (no data, or an
    // index from before the data changed) is an empty Provider, never an exception.
    const Provider& provider(std::size_t index) const;
    // The register an agency's record comes from: "CQC register of 1 September 2026", "CQC register, first
    // half of 2026" (core/rating_words.h).
    std::string register_of(const Provider& p) const;

    // ---- [SECTION] Agency, shortlist, share, storage, export --------------------------------
    void open_agency(std::size_t index);
    bool open_agency_id(std::string_view location_id);
    const Provider* agency() const;
    std::optional<std::size_t> agency_index() const { return agency_; }
    std::optional<std::size_t> index_of(std::string_view location_id) const;
    bool in_shortlist(std::string_view location_id) const;
    void toggle_shortlist(std::string_view location_id);
    const std::vector<std::string>& shortlist() const { return shortlist_; }
    std::vector<std::size_t> shortlist_indices() const; // those still in the data, in shortlist order
    // Ids on the shortlist that the data does not hold (closed, or from a tampered link): shown only as "may
    // have closed", never counted as agencies, and the first to go when the shortlist is full. 0 until the
    // data has loaded.
    std::size_t shortlist_missing() const;
    void remove_missing_from_shortlist();
    // Distance from the searched place, when there is one; negative when not known.
    double distance_miles_to(std::size_t index) const;

    // The URL query that reproduces the search and shortlist; apply it at start (validated).
    // share_query() is for the address bar (it keeps how the page is embedded: kiosk, idle, theme, lang; in
    // kiosk mode nothing else);
    // share_link_query() is for a link the person takes away (no kiosk mode, no idle time).
    std::string share_query() const;
    std::string share_link_query() const;
    void apply_share_query(std::string_view query);
    // How the page was set up by its address (url_state.h): kiosk mode, idle time, header colour, language.
    const PageSetup& page() const { return page_; }

    // What is kept across reloads (only the shortlist and the settings; "" when both are empty or default,
    // so nothing is stored); restore it at start (session_storage.cpp). A saved entry that cannot be read
    // is left out with a notice saying so, and the good ones kept; a store written by a newer version of
    // the app (version 2 and later) is kept as it was: storage_json() gives it back unchanged.
    std::string storage_json() const;
    void restore_storage(std::string_view json);
    // Whether the browser kept the last write (a full or blocked storage does not): the shortlist then says
    // it is not kept, instead of "It is kept on this device".
    void set_storage_kept(bool kept) { storage_kept_ = kept; }
    bool storage_kept() const { return storage_kept_; }
    bool storage_newer() const { return !storage_newer_.empty(); }
    void clear_my_information(); // shortlist, settings, search: all gone

    // The shortlist's agencies still in the data (with their distance), and what every export says about
    // them: the place searched, the day, the data's date. today: the caller's date (ISO yyyy-mm-dd), the day
    // the list is made or printed (the core has no clock). The files and the email are core/export.h's
    // (export_json, export_csv, export_share_text), the printable page core/print_page.h's.
    std::vector<ShortlistEntry> shortlist_entries() const;
    ExportOptions export_options(std::string_view today) const;

    // ---- [SECTION] Cost and who pays --------------------------------------------------------
    CostInputs& cost_inputs() { return cost_inputs_; }
    CostEstimate cost_estimate() const;
    MeansTestInputs& means_inputs() { return means_inputs_; }
    const MeansTestInputs& means_inputs() const { return means_inputs_; }
    MeansTestResult means_result() const;

    Settings& settings() { return settings_; }
    const Settings& settings() const { return settings_; }

    // ---- [SECTION] Updating the data ---------------------------------------------------------
    // "Update the data" and "Restore the bundled data" (core/data_updater.h): the app steps the update once a
    // frame while updater().can_step(), hands updater().take_files_to_save() to the platform and reports
    // update_saved(); the About screen shows updater().status().
    DataUpdater& updater() { return updater_; }
    const DataUpdater& updater() const { return updater_; }
    // Starts an update from CQC files a person picked (refused in kiosk mode) and shows the About screen,
    // where its progress is.
    bool start_update(std::vector<DataFile> files, std::string today);
    void update_saved(const Expected<void>& answer); // the platform's: fine, or its reason as the Error
    // The data in use came from "Update the data" (its manifest says so), and when and from which files.
    const UpdatedInfo& data_source() const { return data_.updated(); }
    // "Restore the bundled data": asks the app to forget the saved files (updater().take_restore_request),
    // which then calls reload_data(): it asks for manifest.json and bundle.bin again; the current data stays
    // until then. Offered with an update in use, and while the data cannot be loaded.
    void restore_bundled_data();
    void reload_data();

  private:
    ShareState share_state() const; // what share_query() and share_link_query() encode
    void run_search();
    void refresh_needs();
    void request_details_for_results();
    void relocate_after_unit_pack();
    void data_arrived(); // new data is in use: say so after a restore, carry out a waiting share link
    void install_files(const std::vector<DataFile>& files);

    DataStore data_;

    Screen screen_ = Screen::Start;
    std::vector<Screen> history_;
    std::string notice_;
    bool storage_kept_ = true;
    std::string storage_newer_; // a newer version's saved state, kept exactly as it was

    std::string postcode_input_;
    std::string
        mistyped_input_; // a mistyped postcode waiting for its district's units to say "Did you mean ...?"
    std::vector<std::string> help_;
    std::string council_id_;
    std::string message_;
    Location location_;
    bool searched_ = false;
    bool search_waiting_ = false; // "Find care" (or a share link) before the data: searched on its arrival
    SearchQuery query_;
    SearchResult results_;
    std::optional<std::size_t> agency_;
    std::vector<std::string> shortlist_;
    std::string pending_agency_; // from a share link, opened once the data is there
    PageSetup page_;

    CostInputs cost_inputs_;
    MeansTestInputs means_inputs_;
    Settings settings_;

    DataUpdater updater_;
};

} // namespace hcf::core
