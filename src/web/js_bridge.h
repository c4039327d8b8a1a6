// homecare-finder web: the bridge between the browser (JavaScript) and the app.
// Depends on: Emscripten (in the .cpp only), ui/app, ui/platform.
// SPDX-License-Identifier: MIT
//
// JavaScript side: web/index.html. The app state is pushed to window.hcf.publish(json) after each drawn frame
// that changed it (window.hcf.state() in tests; modules hcf.subscribe()), and window.hcf.loopIdle(idle) when
// the main loop goes idle or wakes (hcf.settled()). Exported functions (called by JS):
//   hcf_receive_file(name, bytes, size)   <- a data file JS fetched for the app
//   hcf_receive_error(name, message)      <- a data file could not be fetched
//   hcf_data_notice(kind, detail)         <- news about the data kept in this browser (a new release...)
//   hcf_wake()                            <- an input event: draw a few frames (web.main.cpp)
#pragma once

#include "ui/app.h"
#include "ui/platform.h"

namespace hcf::web {

// The browser's implementation of ui::Platform.
ui::Platform& platform();
// Registers the app with the bridge and asks JavaScript for the data files.
void start(ui::App& app);
// Called after each drawn frame (publishes state changes to JavaScript).
void after_frame(ui::App& app);
// The main loop has drawn every frame it owed and gone idle (true), or woke up again (false): with no data
// file on its way, the page is then settled (window.hcf.settled() in web/index.html; tests wait on it).
void loop_idle(bool idle);

} // namespace hcf::web
