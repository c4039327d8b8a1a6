// homecare-finder UI: the text field (see text_field.h).
// Depends on: Dear ImGui (public API only), ui/widgets, core/text_format.
// SPDX-License-Identifier: MIT
#include "ui/text_field.h"

#include "core/text_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace hcf::ui {

namespace {

// What the ImGui callback works with: the caller's string (grown on resize), the outside text to put in the
// box being edited (with the hidden input's caret), and the text as ImGui holds it while edited.
struct EditCall {
    std::string* text = nullptr;
    const std::string* replace = nullptr;
    int select_start = -1, select_end = -1; // UTF-16 units (the hidden input's); -1: the end
    bool replaced = false;
    std::string live;
};

// The byte offset in UTF-8 text of a position counted in UTF-16 units (a browser's <input> counts so).
int utf8_offset(const std::string& s, int units) {
    if (units < 0) return static_cast<int>(s.size());
    std::size_t i = 0;
    for (int u = 0; i < s.size() && u < units;) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        u += len == 4 ? 2 : 1; // a character beyond 16 bits is two UTF-16 units
        i += len;
    }
    return static_cast<int>(std::min(i, s.size()));
}

int on_edit(ImGuiInputTextCallbackData* d) {
    EditCall& e = *static_cast<EditCall*>(d->UserData);
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) { // the new text is longer than the string
        e.text->resize(static_cast<std::size_t>(d->BufTextLen));
        d->Buf = e.text->data();
        return 0;
    }
    if (e.replace != nullptr && !e.replaced) { // the box is being edited: outside text replaces it here
        d->DeleteChars(0, d->BufTextLen);
        d->InsertChars(0, e.replace->data(), e.replace->data() + e.replace->size());
        const int a = utf8_offset(*e.replace, e.select_start);
        const int b = e.select_end < 0 ? a : std::max(a, utf8_offset(*e.replace, e.select_end));
        d->SelectionStart = a;
        d->SelectionEnd = b;
        d->CursorPos = b;
        e.replaced = true;
    }
    e.live.assign(d->Buf, static_cast<std::size_t>(d->BufTextLen));
    return 0;
}

// Outside text as the box would have let it be typed: capitals in a postcode, digits in a whole number, and
// never a control character (a pasted line break).
std::string as_typed(Keys keys, std::string text) {
    std::erase_if(text, [&](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7f || (keys == Keys::Whole && !std::isdigit(c));
    });
    if (keys == Keys::Postcode)
        for (char& ch : text)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return text;
}

ImGuiInputTextFlags flags_for(const TextFieldOptions& o) {
    ImGuiInputTextFlags f = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways;
    if (o.keys == Keys::Postcode) f |= ImGuiInputTextFlags_CharsUppercase;
    if (o.keys == Keys::Whole) f |= ImGuiInputTextFlags_CharsDecimal;
    if (o.read_only) f |= ImGuiInputTextFlags_ReadOnly;
    if (o.enter_submits) f |= ImGuiInputTextFlags_EnterReturnsTrue;
    return f;
}

} // namespace

TextFieldResult text_field(std::string_view id_view, std::string_view label, std::string& text,
                           const TextFieldOptions& o) {
    UiContext& c = ui();
    const std::string id(id_view);
    TextFieldResult r;
    // Text from outside for this box: the phone keyboard's edit (only while the box is edited), or a whole
    // text from the mirror or a kiosk's keys.
    const bool edit = !o.read_only && c.edit_for_id == id && c.active_box == id;
    const bool whole = !o.read_only && !edit && c.text_for_id == id;
    const std::string outside = edit    ? as_typed(o.keys, c.edit_value)
                                : whole ? as_typed(o.keys, c.text_value)
                                        : "";
    bool pending = edit || whole;
    const auto taken = [&] {
        (edit ? c.edit_for_id : c.text_for_id).clear();
        pending = false;
    };
    const auto put = [&] { // into a box at rest: its text, before ImGui draws it
        if (text != outside) {
            text = outside;
            r.changed = true;
        }
        taken();
    };
    const bool was_active = c.active_box == id;
    if (pending && !was_active) put();

    const ImGuiInputTextFlags flags = flags_for(o);
    EditCall call;
    call.text = &text;
    if (pending) {
        call.replace = &outside;
        call.select_start = edit ? c.edit_select_start : -1;
        call.select_end = edit ? c.edit_select_end : -1;
    }
    ImGui::SetNextItemWidth(o.width > 0 ? o.width : action_width());
    if (o.bold) ImGui::PushFont(ui().fonts.bold);
    // At least a 44 px touch target, with the text clear of the edges.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(10.0f * c.scale, std::fmax(ImGui::GetStyle().FramePadding.y,
                                                          (c.touch() - ImGui::GetFontSize()) * 0.5f)));
    const bool entered =
        ImGui::InputText(("##" + id).c_str(), text.data(), text.capacity() + 1, flags, on_edit, &call);
    ImGui::PopStyleVar();
    if (o.bold) ImGui::PopFont();
    r.changed |= ImGui::IsItemEdited();
    // Enter in the accessible mirror's copy of the box comes as an activation of the box (web/a11y.js).
    r.submitted = o.enter_submits && (entered || activated_from_outside(id));
    const bool active = ImGui::IsItemActive();
    if (pending && call.replaced) taken();
    if (pending && !active) put(); // it stopped being edited this frame

    if (active) {
        c.active_box = id;
        c.text_active = {id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), o.read_only ? text : call.live,
                         static_cast<int>(flags)};
    } else if (was_active) {
        c.active_box.clear();
    }
    // A kiosk has no keyboard: tapping the box opens on-screen keys fit for it (the postcode has its keypad).
    const bool keyed = c.kiosk && !o.read_only && o.keys != Keys::Postcode;
    if (keyed && ImGui::IsItemActivated()) c.keypad_for = id;
    if (keyed && c.keypad_for == id) {
        c.keypad_keys = o.keys;
        c.keypad_value = text;
        c.keypad_seen = true;
    }
    UiItem item;
    item.id = id;
    item.role = "textbox";
    item.label = std::string(label);
    item.value = text;
    item.read_only = o.read_only;
    note(std::move(item));
    if (keyed && o.keys_below) on_screen_keys(id);
    return r;
}

TextFieldResult postcode_field(std::string& text) {
    TextFieldOptions o;
    o.keys = Keys::Postcode;
    o.enter_submits = true;
    o.bold = true;
    return text_field("postcode", "Postcode", text, o);
}

namespace {
// A pounds box's text and the amount it was last in step with.
struct MoneyText {
    std::string text;
    std::int64_t shown = 0;
    bool bad = false; // the text is not an amount
};
// Kept across visits like the amounts themselves (Session), one per box.
std::map<std::string, MoneyText, std::less<>>& money_texts() {
    static std::map<std::string, MoneyText, std::less<>> texts;
    return texts;
}
} // namespace

MoneyFieldResult money_field(std::string_view id, std::string_view label, std::int64_t* pence,
                             std::string_view error_words) {
    auto& texts = money_texts();
    auto it = texts.find(id);
    if (it == texts.end()) it = texts.emplace(std::string(id), MoneyText{}).first;
    MoneyText& m = it->second;
    if (*pence != m.shown) { // changed elsewhere (cleared, or filled in from the cost estimate)
        m.shown = *pence;
        m.bad = false;
        m.text = *pence > 0 ? core::format_money(*pence).substr(2) : ""; // without the "£"
    }
    TextFieldOptions o;
    o.keys = Keys::Money;
    MoneyFieldResult r;
    if (text_field(id, label, m.text, o).changed) {
        m.bad = false;
        const auto v = core::parse_pounds(m.text);
        if (m.text.empty()) {
            r.changed = *pence != 0;
            *pence = 0;
        } else if (v && *v >= 0) {
            r.changed = *pence != *v;
            *pence = *v;
        } else {
            m.bad = true;
        }
        m.shown = *pence;
    }
    if (m.bad) error_text(error_words);
    r.entered = !m.text.empty() && !m.bad;
    return r;
}

} // namespace hcf::ui
