// homecare-finder core: one person's session — what they typed, what the app found, what it says.
// Depends on: core/geography (and through it postcode, model). No ImGui, no Emscripten.
// SPDX-License-Identifier: MIT
//
// The UI reads and changes the app only through a Session, and JavaScript tests read it through
// state_json(), so everything a test checks is a fact about the session, not about pixels.
#pragma once

#include "core/geography.h"

#include <string>
#include <string_view>

namespace hcf::core {

class Session {
  public:
    // Data. Until set, the session is not ready and find_care() says the information is loading.
    void set_geography(Geography geo);
    bool ready() const { return ready_; }
    const Geography& geography() const { return geography_; }
    // The data could not be loaded: the message is shown instead of the search.
    void set_load_error(std::string message);
    const std::string& load_error() const { return load_error_; }

    // The postcode box. hint() is the soft, as-you-type feedback; message() is set by find_care().
    void set_postcode_input(std::string_view text);
    const std::string& postcode_input() const { return postcode_input_; }
    std::string hint() const;

    // "Find care": checks the postcode and places it. Returns true when it was found.
    bool find_care();
    const std::string& message() const { return message_; }
    const Location& location() const { return location_; }

    // Everything tests need, as JSON: {"ready", "input", "message", "location": {...}}.
    std::string state_json() const;

  private:
    Geography geography_;
    bool ready_ = false;
    std::string load_error_;
    std::string postcode_input_;
    std::string message_;
    Location location_;
};

} // namespace hcf::core
