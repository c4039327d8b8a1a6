// homecare-finder UI: the one text field every text and number box is made with.
// Depends on: Dear ImGui, ui/widgets.
// SPDX-License-Identifier: MIT
//
// A text field is drawn by ImGui and published as a "textbox" item (the accessible mirror shows it as a real
// <input>). Text can also come from outside the canvas: the mirror's <input> and a kiosk's on-screen keys
// (UiContext::queue_text) replace the whole text; the phone keyboard's hidden <input> (web/touch.js) edits
// the box being edited, with its caret. Whatever the box's state, outside text wins: a box being edited on
// the canvas takes it through ImGui's public callback API (ImGuiInputTextFlags_CallbackAlways), a box at rest
// takes it into its text before it is drawn. The caller keeps the text (a std::string, grown by ImGui's
// resize callback), so a screen holds no copies in step by hand.
#pragma once

#include "ui/widgets.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hcf::ui {

struct TextFieldOptions {
    Keys keys = Keys::Letters; // what it holds: capitals for a postcode, digits for a whole number
    bool read_only = false;    // can be selected and copied, not changed
    bool enter_submits = false;
    bool bold = false;
    bool keys_below = true; // a kiosk's keys right below it (false: the screen calls on_screen_keys(id))
    float width = 0.0f;     // device px; 0: action_width()
};

struct TextFieldResult {
    bool changed = false;   // the text changed this frame (typed, or from outside)
    bool submitted = false; // Enter was pressed in it (with enter_submits)
};

// A labelled text box holding text. The label is what the mirror says (the screen draws its own heading).
TextFieldResult text_field(std::string_view id, std::string_view label, std::string& text,
                           const TextFieldOptions& options = {});

// The postcode box: capitals, Enter searches, a kiosk's big keypad (kiosk_keypad) instead of small keys.
TextFieldResult postcode_field(std::string& text);

// A pounds box for an amount in pence ("14,250.50", "£28.50"). Its text is kept (one per id, across visits,
// like the amounts themselves); the amount follows what is typed, and the text follows the amount when it
// changes elsewhere (cleared, filled in from the cost estimate). A text that is not an amount shows
// error_words below the box and leaves the amount as it was.
struct MoneyFieldResult {
    bool changed = false; // the amount changed
    bool entered = false; // the box holds an amount (0 counts: "Enter 0 if you have none")
};
MoneyFieldResult money_field(std::string_view id, std::string_view label, std::int64_t* pence,
                             std::string_view error_words);

} // namespace hcf::ui
