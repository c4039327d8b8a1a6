// homecare-finder core: the session's part in "Update the data" — starting it on the About screen and
// putting the new data in use (see session.h, [SECTION] Updating the data).
// Depends on: core/session, core/data_updater (the job and its status), core/data_store.
// SPDX-License-Identifier: MIT
#include "core/session.h"

namespace hcf::core {

bool Session::start_update(std::vector<DataFile> files, std::string today) {
    if (page_.kiosk || updater_.running()) return false;
    go(Screen::About);
    return updater_.start(std::move(files), data_, std::move(today));
}

void Session::update_saved(const Expected<void>& answer) {
    const std::vector<DataFile> files = updater_.saved(answer);
    if (!files.empty()) install_files(files);
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

void Session::restore_bundled_data() {
    if (page_.kiosk || (!data_.updated().updated && !data_.load_failure())) return;
    updater_.start_restore();
}

void Session::reload_data() {
    // The data in use stays until the new manifest and bundle arrive (the bundle waits for the manifest).
    data_.reload();
    load_data();
}

} // namespace hcf::core
