// homecare-finder UI: the few widgets every screen uses, sized for touch and low vision.
// Depends on: Dear ImGui, core/model, ui/theme.
// SPDX-License-Identifier: MIT
//
// Every interactive widget takes a stable id ("find_care", "result.1-123") and records its rectangle,
// role and label in the frame's item list. Tests click by id, and the accessible mirror (issue 7) is
// built from the same list, so what a screen reader hears matches what is drawn.
#pragma once

#include "core/model.h"
#include "ui/platform.h"
#include "ui/theme.h"

#include <imgui.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::ui {

// The on-screen keys a kiosk shows for a text box (a kiosk has no keyboard): digits and a decimal point for
// money, digits for a whole number, letters (and digits) for a name. The postcode has its own big keypad on
// the start screen (kiosk_keypad).
enum class Keys { Letters, Money, Whole, Postcode };

// One thing drawn this frame that a person can read or operate.
struct UiItem {
    std::string id;    // stable id, e.g. "find_care", "result.1-123"
    std::string role;  // "button", "link", "textbox", "checkbox", "heading", "text", "status", "listitem"
    std::string label; // what it says
    ImVec2 min, max;   // device pixels
    bool checked = false;
    int level = 0;          // heading level
    std::string href;       // an external link's address ("https://...", "tel:..."); empty otherwise
    std::string value;      // a text box's text (the accessible mirror shows it in a real <input>)
    bool read_only = false; // a text box that can be selected and copied but not changed
    std::string prefix;     // said before the label, as one ("Address" for "Address: 2a Connaught Avenue")
    std::string table;      // a cell of this table (the mirror builds a real <table>); empty otherwise
    int row = -1, col = -1; // the cell: row 0 holds the column headers, column 0 the row headers
};

// The text box being edited this frame (touch.js puts a hidden real <input> over it for the phone keyboard).
struct ActiveTextBox {
    std::string id;    // our id ("postcode"); empty when no text box is active
    ImVec2 min, max;   // device pixels
    std::string value; // its text as being edited
    int flags = 0;     // ImGuiInputTextFlags (uppercase, decimal, read-only)
};

// What widgets need to know about the frame: fonts, sizes, and where to record items.
struct UiContext {
    Fonts fonts;
    float scale = 1.0f;       // device pixel ratio x text size
    float pixel_ratio = 1.0f; // device pixels per CSS pixel
    float width_css = 0.0f;   // window width in CSS pixels
    bool phone = false;       // narrow layout (under 640 CSS px)
    bool high_contrast = false;
    bool kiosk = false;          // ?kiosk=1: no external links, an on-screen keypad, a QR code to take away
    bool reduced_motion = false; // prefers-reduced-motion: no glide after a touch scroll
    float fling_css = 0.0f; // the finger's speed as it lifted, CSS px a second (positive: down the screen)
    std::vector<UiItem> items;
    ActiveTextBox text_active;
    // Items noted while these are set are cells of a table (see UiItem::table).
    std::string table;
    int table_row = -1, table_col = -1;
    // Kiosk: the text box whose on-screen keys are shown (the one last tapped), its keys and its text.
    std::string keypad_for;
    Keys keypad_keys = Keys::Letters;
    std::string keypad_value;
    bool keypad_seen = false; // the box was drawn this frame (otherwise its keys close)
    // Set from outside the canvas (the accessible DOM mirror, tests): the widget with this id acts as if
    // clicked in the next frame; a text box with text_for_id takes text_value.
    std::string activate_id;
    std::string text_for_id, text_value;
    // Keyboard focus in the mirror moved to the control with this id: the page scrolls it into view.
    std::string reveal_id;
    // Texts set from outside wait here, one taken per frame (the mirror may fill two boxes at once); a text
    // for a box that is not drawn is dropped after a few frames. queue_text() adds; App::before_frame takes.
    std::deque<std::pair<std::string, std::string>> text_queue;
    int text_age = 0; // frames text_for_id has waited
    // Each text is a box's whole text, so a newer one for the same box replaces one still waiting: however
    // fast the mirror's box is typed into, the box ends with exactly what was typed last.
    void queue_text(std::string id, std::string value) {
        if (text_for_id == id) {
            text_value = std::move(value);
            return;
        }
        for (auto& [queued_id, queued_value] : text_queue)
            if (queued_id == id) {
                queued_value = std::move(value);
                return;
            }
        text_queue.emplace_back(std::move(id), std::move(value));
    }
    // An activation from outside waits until the texts set before it are in their boxes ("Find care" after
    // typing searches what was typed). request_activate() asks; App::before_frame passes it on.
    std::string activate_waiting;
    void request_activate(std::string id) { activate_waiting = std::move(id); }
    bool texts_waiting() const { return !text_for_id.empty() || !text_queue.empty(); }
    // A box's text with what was set from outside and is not in it yet (keys tapped faster than frames).
    std::string pending_text(std::string_view id, std::string current) const {
        if (text_for_id == id) current = text_value;
        for (const auto& [queued_id, queued_value] : text_queue)
            if (queued_id == id) current = queued_value;
        return current;
    }
    std::string active_box; // the text field being edited on the canvas last frame (ui/text_field.cpp)
    int screen_visit = 0;   // counts screen changes (App::frame), for screen_state()
    // The phone keyboard's hidden <input> (web/touch.js) edits the box being edited: its whole text and
    // caret.
    std::string edit_for_id, edit_value;
    int edit_select_start = -1, edit_select_end = -1;   // UTF-16 units, -1: the end
    float touch() const { return 44.0f * pixel_ratio; } // minimum touch target, device pixels
};
UiContext& ui();

// State a screen keeps while it is shown (a confirmation, the dots picked): made afresh each time a screen is
// opened, so a fresh visit starts clean. One T per screen (each screen has its own struct).
template <class T> T& screen_state() {
    static T state;
    static int visit = -1;
    if (visit != ui().screen_visit) {
        state = T{};
        visit = ui().screen_visit;
    }
    return state;
}

// Call right after drawing the widget: records it (with the last item's rectangle) for the mirror and tests.
void note_item(std::string id, std::string role, std::string label, bool checked = false, int level = 0);
void note(UiItem item); // the same for an item with more to say (a text box's value); fills in the rectangle
// Kiosk: the keys of this text box if it is the one being typed into (defined in kiosk.cpp).
void on_screen_keys(std::string_view id);
// True once when the mirror asked to activate this id (consumes the request).
bool activated_from_outside(std::string_view id);

// Text.
void title(std::string_view text);      // 32 px, the screen's one h1
void heading(std::string_view text);    // 24 px, h2
void subheading(std::string_view text); // bold body, h3
// Wrapped body text; id and role say what it is where it matters ("update_status", "status").
void body(std::string_view text, std::string_view id = "text", std::string_view role = "text");
void secondary(std::string_view text, std::string_view said = {}); // secondary colour (sources, dates)
void error_text(std::string_view text);                            // wrapped, red, for a field's message
// A grey panel with wrapped text (notes, notices); id and role say what it is ("cost.summary", "status").
void panel_text(std::string_view text, std::string_view id = "note", std::string_view role = "note");

// Layout. Nothing is drawn past the page column's right edge: rows wrap, and a button's words wrap onto more
// lines when the button would be wider than the column.
float column_left();  // the column's edges on screen (device px)
float column_right(); //
// How wide a button with this label is drawn (width: asked for; 0 for the label's own width).
float button_width(std::string_view label, float width = 0);
// True when a widget this wide fits on the line after the last one drawn.
bool fits_beside(float width);
// A row of widgets left to right, each on the line of the one before where it fits, on the next where not
// (distances, sort orders, a stepper's buttons). Call next(width) before each widget, with its width.
class Row {
  public:
    void next(float width);

  private:
    bool first_ = true;
};

// Buttons and links. Each returns true when activated. said: what the mirror reads, where the drawn label
// says less ("Less: Visits a day" for a minus sign, "Text size 200%" for "200%").
struct ButtonColours {
    ImU32 bg, hover, text, border;
};
bool button(const char* id, std::string_view label, float width, const ButtonColours& colours,
            std::string_view said = {});
bool primary_button(const char* id, std::string_view label, float width = 0, std::string_view said = {});
bool secondary_button(const char* id, std::string_view label, float width = 0, std::string_view said = {});
// One of a row of choices drawn as buttons (a distance, a sort order): filled when chosen; a "radio" item.
bool choice_button(const char* id, std::string_view label, bool selected, float width = 0,
                   std::string_view said = {});
bool link(std::string_view id, std::string_view label, std::string_view said = {}); // wraps onto more lines
bool choice(std::string_view id, std::string_view label, bool selected); // a radio row; true when picked
void same_line_at(float screen_x); // next item on this line at an absolute x (SameLine(x) counts from groups)
bool toggle(const char* id, std::string_view label, bool* value); // big checkbox
bool back_link(const char* id = "back");                          // "Back"

// A link that leaves the app (a website, a licence, "tel:"): opens url through the platform. In kiosk mode it
// is plain text instead (the label and the address), since a kiosk must not send people elsewhere.
// kiosk_label, if given, replaces the label there ("Website" for "Visit website").
void external_link(Platform& platform, std::string_view id, std::string_view label, const std::string& url,
                   std::string_view kiosk_label = {});

// Links from the data: "tel:" with only digits and +.
std::string tel_url(const std::string& phone);
// An agency's website: a link (core::website_link) when the value is a web address, else the value as text.
void website_link(Platform& platform, std::string_view id, std::string_view label, const std::string& site,
                  std::string_view kiosk_label = {});

// Full content width for a primary action on phones, a comfortable fixed width elsewhere.
float action_width();

} // namespace hcf::ui
