// homecare-finder core: the session's part in "Update the data" — starting it, a step a frame, handing the
// files to the platform and putting the new data in use (see session.h, [SECTION] Updating the data).
// Depends on: core/session, core/update_job (not the compiler itself: see update_job.h), core/data_store.
// SPDX-License-Identifier: MIT
#include "core/session.h"

namespace hcf::core {

bool Session::start_update(std::vector<DataFile> files, std::string today) {
    if (kiosk_ || update_) return false;
    go(Screen::About);
    update_failed_ = false;
    update_try_again_ = false;
    update_message_.clear();
    if (!update_maker_) {
        update_failed_ = true;
        update_message_ = "The data cannot be updated here.";
        return false;
    }
    if (!data_.bundle() || !data_.manifest()) {
        update_failed_ = true;
        update_message_ =
            "The care information is still loading. Wait a moment, then choose the files again.";
        return false;
    }
    update_ = update_maker_(std::move(files), *data_.bundle(), *data_.manifest(), std::move(today));
    update_save_given_ = false;
    end_update(); // an update with no files has already failed
    return update_ != nullptr;
}

bool Session::update_can_step() const {
    return update_ && update_->can_step();
}

void Session::step_update() {
    if (!update_) return;
    update_->step();
    for (auto& name : update_->take_file_requests())
        update_requests_.push_back(std::move(name));
    end_update();
}

void Session::end_update() {
    if (!update_ || update_->stage() != UpdateStage::Failed) return;
    update_failed_ = true;
    update_try_again_ = update_->can_try_again();
    const Error* why = update_->failure();
    update_message_ = why ? why->message : std::string();
    update_.reset();
}

std::vector<DataFile> Session::take_files_to_save() {
    if (!update_ || !update_->ready_to_save() || update_save_given_) return {};
    update_save_given_ = true;
    return update_->result().files;
}

void Session::update_saved(const Expected<void>& answer) {
    if (!update_ || !update_->ready_to_save()) return;
    update_->saved(answer);
    if (update_->stage() == UpdateStage::Done) {
        update_message_ = update_->result().summary;
        install_files(update_->result().files);
        update_.reset();
        return;
    }
    end_update();
}

void Session::install_files(const std::vector<DataFile>& files) {
    // The new data replaces the old as if it had just been fetched; the person stays where they are.
    const Screen screen = screen_;
    const std::vector<Screen> history = history_;
    data_.reload();
    agency_.reset();
    for (const char* first : {"manifest.json", "bundle.bin"})
        for (const auto& f : files)
            if (f.name == first) receive_file(f.name, f.bytes);
    for (const auto& f : files)
        if (data_file_kind(f.name) == DataFileKind::Details) receive_file(f.name, f.bytes);
    screen_ = screen;
    history_ = history;
}

DataUpdateStatus Session::update_status() const {
    DataUpdateStatus st;
    if (update_) {
        const UpdateProgress p = update_->progress();
        st.active = true;
        st.fraction = p.fraction;
        st.words = p.words;
        return st;
    }
    st.failed = update_failed_;
    st.try_again = update_failed_ && update_try_again_;
    st.message = update_message_;
    if (restoring_) st.words = "Restoring the data that came with this service...";
    return st;
}

void Session::restore_bundled_data() {
    // Offered with an update in use, and while the data cannot be loaded (a saved update may be the cause).
    if (kiosk_ || update_ || restoring_ || (!data_.updated().updated && !data_.load_failure())) return;
    restore_requested_ = true;
    restoring_ = true;
    update_failed_ = false;
    update_try_again_ = false;
    update_message_.clear();
}

bool Session::take_restore_request() {
    const bool r = restore_requested_;
    restore_requested_ = false;
    return r;
}

void Session::reload_data() {
    // The data in use stays until the new manifest and bundle arrive (the bundle waits for the manifest).
    data_.reload();
    load_data();
}

} // namespace hcf::core
