// homecare-finder core: "Update the data" and "Restore the bundled data" (see data_updater.h).
// Depends on: core/data_updater, core/update_job (not the compiler itself: see update_job.h).
// SPDX-License-Identifier: MIT
#include "core/data_updater.h"

namespace hcf::core {

bool DataUpdater::start(std::vector<DataFile> files, const DataStore& data, std::string today) {
    if (job_) return false;
    failed_ = false;
    try_again_ = false;
    message_.clear();
    if (!maker_) {
        failed_ = true;
        message_ = "The data cannot be updated here.";
        return false;
    }
    if (!data.bundle() || !data.manifest()) {
        failed_ = true;
        message_ = "The care information is still loading. Wait a moment, then choose the files again.";
        return false;
    }
    job_ = maker_(std::move(files), *data.bundle(), *data.manifest(), std::move(today));
    save_given_ = false;
    end_if_failed(); // an update with no files has already failed
    return job_ != nullptr;
}

void DataUpdater::step() {
    if (!job_) return;
    job_->step();
    for (auto& name : job_->take_file_requests())
        requests_.push_back(std::move(name));
    end_if_failed();
}

void DataUpdater::end_if_failed() {
    if (!job_ || job_->stage() != UpdateStage::Failed) return;
    failed_ = true;
    try_again_ = job_->can_try_again();
    const Error* why = job_->failure();
    message_ = why ? why->message : std::string();
    job_.reset();
}

std::vector<std::string> DataUpdater::take_file_requests() {
    std::vector<std::string> out;
    out.swap(requests_);
    return out;
}

void DataUpdater::receive_file(std::string_view name, std::string_view bytes) {
    if (job_) job_->receive_file(name, bytes);
}

void DataUpdater::receive_error(std::string_view name, std::string_view message) {
    if (job_) job_->receive_error(name, message);
}

std::vector<DataFile> DataUpdater::take_files_to_save() {
    if (!job_ || !job_->ready_to_save() || save_given_) return {};
    save_given_ = true;
    return job_->result().files;
}

std::vector<DataFile> DataUpdater::saved(const Expected<void>& answer) {
    if (!job_ || !job_->ready_to_save()) return {};
    job_->saved(answer);
    if (job_->stage() == UpdateStage::Done) {
        message_ = job_->result().summary;
        std::vector<DataFile> files = job_->result().files;
        job_.reset();
        return files;
    }
    end_if_failed();
    return {};
}

void DataUpdater::start_restore() {
    if (job_ || restoring_) return;
    restore_requested_ = true;
    restoring_ = true;
    failed_ = false;
    try_again_ = false;
    message_.clear();
}

bool DataUpdater::take_restore_request() {
    const bool r = restore_requested_;
    restore_requested_ = false;
    return r;
}

void DataUpdater::restore_finished(bool still_updated, std::string_view in_use) {
    if (!restoring_) return;
    restoring_ = false;
    failed_ = still_updated;
    message_ = still_updated
                   ? "The updated data could not be removed from this browser. Clear this site's "
                     "data in the browser's settings to go back to the data that came with this "
                     "service."
                   : "The data that came with this service is back in use: " + std::string(in_use) + ".";
}

void DataUpdater::say(std::string message) {
    failed_ = false;
    message_ = std::move(message);
}

DataUpdateStatus DataUpdater::status() const {
    DataUpdateStatus st;
    if (job_) {
        const UpdateProgress p = job_->progress();
        st.active = true;
        st.fraction = p.fraction;
        st.words = p.words;
        return st;
    }
    st.failed = failed_;
    st.try_again = failed_ && try_again_;
    st.message = message_;
    if (restoring_) st.words = "Restoring the data that came with this service...";
    return st;
}

} // namespace hcf::core
