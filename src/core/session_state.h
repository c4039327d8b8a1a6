// homecare-finder core: the session as JSON, for the browser tests (window.hcf.state()) and the accessible
// mirror of the canvas — everything a test checks is a fact about the session, not about pixels.
// Depends on: core/session.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/session.h"

#include <string>

namespace hcf::core {

// {"ready", "loadError", "screen", "input", "message", "notice", "storage", "help", "kiosk",
//  "shareLinkQuery", "dataDated", "embed", "location", "council", "search", "agency", "councilHelp",
//  "shortlist", "shortlistMissing", "settings", "means", "data" (once loaded), "update"}
std::string session_state_json(const Session& s);

} // namespace hcf::core
