// homecare-finder UI: what kiosk mode (?kiosk=1) draws instead of what a kiosk must not offer.
// Depends on: Dear ImGui, ui/app, ui/widgets, ui/platform (QR codes), qr/qr_code.h.
// SPDX-License-Identifier: MIT
//
// A kiosk has no keyboard and must not send people to other sites or downloads: the start screen gets a big
// on-screen keypad for the postcode, and the shortlist a QR code of its share link to take away on a phone.
#pragma once

#include <string>
#include <string_view>

namespace hcf::ui {

class App;

// Keys for the postcode: digits, A to Z, Space, Delete, and "Find care" (id "find_care"), each at least
// 64 CSS px high. Sets *submit when "Find care" is pressed. Keys have ids "key.A", "key.7", "key.space",
// "key.delete", so the accessible mirror and tests press them like any button.
void kiosk_keypad(App& app, bool* submit);

// A QR code of text, black on white with a 4-module quiet zone, modules whole device pixels, at most
// max_css CSS px wide. Published as an "img" item with the given id and label (the label says what it is).
// Made by the platform: until it is, a status "<id>_status"; if it cannot be, an alert "<id>_error" and
// "Try again" ("<id>_retry").
void qr_code(App& app, std::string_view id, const std::string& text, std::string_view label,
             float max_css = 320.0f);

// The address that opens this search and shortlist on another device, without kiosk mode.
std::string take_away_link(App& app);

} // namespace hcf::ui
