// homecare-finder UI: what the screens may ask of the platform they run on (browser, headless test).
// Depends on: core/data_file.h (DataFile), qr/qr_code.h (Matrix only), the C++ standard library. src/web
// implements it for the browser.
// SPDX-License-Identifier: MIT
//
// The UI never includes Emscripten headers: anything that needs the browser (links, storage,
// printing, fetching a postcode pack) goes through this interface, like Hello ImGui's runner hooks.
#pragma once

#include "core/data_file.h"
#include "qr/qr_code.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::ui {

// A data file to keep (for "Update the data"): its name as the app fetches it ("bundle.bin") and its bytes.
using DataFile = core::DataFile;

// A QR code asked of the platform: made, still being made (its generator is loading), or not possible.
struct QrAnswer {
    enum class State : std::uint8_t { Ready, Making, Failed };
    State state = State::Failed;
    qr::Matrix matrix; // when Ready (size 0: the text is too long for a QR code)
};

class Platform {
  public:
    virtual ~Platform() = default;
    // Open a web address or a tel: link (in a new tab, with noopener).
    virtual void open_url(std::string_view url) = 0;
    // Keep a small text value across reloads (localStorage). An empty value removes the key. False when the
    // browser did not keep it (storage full or blocked: read back, it differs).
    virtual bool store(std::string_view key, std::string_view value) = 0;
    // Read a stored value; empty when there is none.
    virtual std::string load(std::string_view key) = 0;
    // Ask for a data file ("bundle.bin", "postcodes/B.txt"); it arrives later through App::receive_file.
    virtual void fetch(std::string_view name) = 0;
    // Open a printable HTML page and the browser's print dialogue.
    virtual void print_html(std::string_view html) = 0;
    // Offer a file for download (export JSON/CSV).
    virtual void download(std::string_view filename, std::string_view mime, std::string_view content) = 0;
    // Put the current state into the address bar, so refresh and share reproduce it.
    virtual void replace_url_query(std::string_view query) = 0;
    // The full address of the page with this query (for the share link and its QR code).
    virtual std::string page_url(std::string_view query) = 0;
    // Today's date as ISO yyyy-mm-dd (the core has no clock).
    virtual std::string today() = 0;

    // "Update the data" (the owner's; see core/data_update.h). Open the browser's file picker: the chosen
    // files arrive through App::receive_picked_file, then App::picked_files_done.
    virtual void choose_files() {}
    // Keep these files in place of the bundled manifest.json, bundle.bin and details/*.bin, all or nothing,
    // across reloads (the browser: IndexedDB); answer through App::data_saved.
    virtual void save_data_files(const std::vector<DataFile>& files) { (void)files; }
    // Forget the kept files (back to the bundled ones); answer through App::data_forgotten.
    virtual void forget_data_files() {}
    // "Try again" after an update that could not start (its updater did not load): the same files again.
    virtual void try_update_again() {}

    // A QR code of text (the kiosk's take-away links). The browser makes it with a module it loads on first
    // use: Making until then (the app is woken when it is there), Failed if it could not load.
    virtual QrAnswer qr_code(std::string_view text) {
        (void)text;
        return {};
    }
    // "Try again" after Failed: ask for what did not load again.
    virtual void try_loading_again() {}
};

// A platform that does nothing: for native smoke tests of the screens.
class NullPlatform final : public Platform {
  public:
    void open_url(std::string_view) override {}
    bool store(std::string_view, std::string_view) override { return true; }
    std::string load(std::string_view) override { return {}; }
    void fetch(std::string_view) override {}
    void print_html(std::string_view) override {}
    void download(std::string_view, std::string_view, std::string_view) override {}
    void replace_url_query(std::string_view) override {}
    std::string page_url(std::string_view query) override {
        return "https://example.invalid/?" + std::string(query);
    }
    std::string today() override { return "2026-01-01"; }
};

} // namespace hcf::ui
