// homecare-finder core: "Update the data" and "Restore the bundled data" as the About screen shows them —
// the running job, a step a frame, the files to save, and afterwards the result or the error in plain words.
// Depends on: core/update_job.h (who does the work), core/data_store.h (the data the update starts from).
// SPDX-License-Identifier: MIT
//
// The session owns one (Session::updater()) and routes to it the postcode files it asked for; the session
// itself only starts an update (it moves to the About screen) and puts the new data in use when it is kept.
#pragma once

#include "core/data_file.h"
#include "core/data_store.h"
#include "core/expected.h"
#include "core/update_job.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// What the "Update the data" section shows: progress while it runs, then the result or the error.
struct DataUpdateStatus {
    bool active = false;    // an update is running
    bool failed = false;    // message is an error (the data in use did not change)
    bool try_again = false; // failed before it started (the updater did not load): the same files may work
    double fraction = 0.0;  // progress, 0 to 1
    std::string words;      // "Step 2 of 4: fetching postcodes, district 1 of 3" while active
    std::string message;    // the result, the error, or what "Restore the bundled data" did
};

class DataUpdater {
  public:
    // Who does the work: local_update, or the web app's updater module. Without one, start() says the
    // update is not available here.
    void set_maker(UpdateMaker maker) { maker_ = std::move(maker); }

    // Starts an update of the data in use from the CQC files a person picked. False, with the reason in
    // status(), when it cannot start (one runs already, no maker, the data still loading, no files).
    bool start(std::vector<DataFile> files, const DataStore& data, std::string today);
    bool running() const { return job_ != nullptr; }
    bool can_step() const { return job_ && job_->can_step(); }
    void step(); // one step: the caller draws a frame between steps, so the progress bar moves

    // The postcode files the job fetches, and their answers (the session routes them here).
    std::vector<std::string> take_file_requests();
    bool wants_file(std::string_view name) const { return job_ && job_->wants_file(name); }
    void receive_file(std::string_view name, std::string_view bytes);
    void receive_error(std::string_view name, std::string_view message);

    std::vector<DataFile> take_files_to_save(); // once, when the new data is built
    // The platform's answer to saving them. Once they are kept, returns them to be put in use (the update
    // is then over); otherwise nothing.
    std::vector<DataFile> saved(const Expected<void>& answer);

    // "Restore the bundled data" was chosen: the platform is asked to forget the saved files
    // (take_restore_request), and restore_finished() says how it went once the data arrives again.
    void start_restore();
    bool restoring() const { return restoring_; }
    bool take_restore_request();
    // The data arrived during a restore: still_updated when the browser kept the update anyway.
    // in_use: "CQC data of 1 September 2026, 3,193 agencies", for the message.
    void restore_finished(bool still_updated, std::string_view in_use);

    // A plain message about the data saved in this browser (an update set aside), shown as the result.
    void say(std::string message);
    DataUpdateStatus status() const;

  private:
    void end_if_failed(); // a failed job: keep its reason, drop the job

    UpdateMaker maker_;
    std::unique_ptr<UpdateJob> job_;
    std::vector<std::string> requests_;
    bool save_given_ = false;
    std::string message_;
    bool failed_ = false;
    bool try_again_ = false;
    bool restore_requested_ = false;
    bool restoring_ = false;
};

} // namespace hcf::core
