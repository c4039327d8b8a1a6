// homecare-finder core: the search and shortlist encoded in a URL query, so a link reproduces them.
// Depends on: core/model, core/search (SortOrder). No ImGui, no Emscripten.
// SPDX-License-Identifier: MIT
//
// Every value read from a URL (or storage) is untrusted: decode_share_state() checks each field,
// drops what is invalid (saying which), and never lets markup or odd bytes through.
//   ?pc=B13%209AB&help=dementia,physical&r=5&sort=rating&min=good&nr=1&sl=1-123,1-456&council=essex&s=results
// nr=1 adds agencies not yet rated to a minimum rating; without it (or with nr=0, as older links wrote it)
// a minimum rating shows only agencies with that rating or better.
#pragma once

#include "core/model.h"
#include "core/search.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

struct ShareState {
    std::string postcode;                 // as typed, letters/digits/space only, up to 10 characters
    std::vector<std::string> help;        // help option keys (session.h), known keys only
    double radius_miles = 5.0;            // miles, kMinRadiusMiles..kMaxRadiusMiles
    SortOrder sort = SortOrder::Distance; // result order
    Rating min_rating = Rating::NotRated; // lowest rating shown
    bool include_not_rated = false;       // with a minimum rating, also show agencies not yet rated
    std::vector<std::string> shortlist;   // CQC location ids ("1-123456789"), at most kMaxShortlist
    std::string council;                  // council profile id ("essex"): lower-case letters and dashes
    std::string screen;                   // screen key ("results"); "" = start
    std::string agency;                   // CQC location id of the agency open on the detail screen
    bool kiosk = false;                   // ?kiosk=1 (or true); the last kiosk= in the address decides
    // How the page is embedded (kept in the address bar, left out of links people take away):
    int idle_seconds = 0; // kiosk: seconds with nobody there before the reset countdown; 0 = default
    std::string theme;    // header colour, 6 lower-case hex digits ("1d70b8"), dark enough for white text
    std::string lang;     // language asked for, lower-case tag ("en", "cy"); "" = not asked
};

constexpr std::size_t kMaxShortlist = 50; // agencies a shortlist keeps
constexpr int kMinIdleSeconds = 10;       // seconds
constexpr int kDefaultIdleSeconds = 120;  // seconds, when ?idle= is not given (or not valid)
constexpr int kMaxIdleSeconds = 3600;     // seconds
constexpr double kMinThemeContrast = 4.5; // WCAG AA for white header text on the theme colour

// "a=b&c=d" (no leading '?'), stable field order, percent-encoded.
std::string encode_share_state(const ShareState& s);
// Reads a query ("?a=b&c=d" or "a=b&c=d"). Unknown fields are ignored; invalid values are dropped and
// named in *problems (plain words for logs, not shown to people). Never throws.
ShareState decode_share_state(std::string_view query, std::vector<std::string>* problems = nullptr);

// The query for a link a person takes away (share link, QR code): the search and shortlist, without kiosk
// mode or the kiosk's idle time, which belong to the machine, not the person.
ShareState take_away(ShareState s);
// How the page was set up by its address (kiosk mode, idle time, theme, language, the council it is for) and
// nothing of a person's search: what a kiosk keeps in its address, so no postcode or shortlist enters the
// kiosk browser's history.
ShareState embedding_only(const ShareState& s);

// How the page was set up by its address, read once at start: what the screens, the kiosk's idle reset and
// the page around the canvas go by. `address` is what a kiosk keeps in its address bar (embedding_only).
struct PageSetup {
    ShareState address;
    bool kiosk = false;
    int idle_seconds = kDefaultIdleSeconds; // seconds with nobody there before the reset countdown
    std::optional<std::uint32_t>
        header_colour;              // 0xRRGGBB, dark enough for white text; nullopt: the app's own
    std::string lang;               // the language asked for ("cy"); "" = not asked
    bool language_available = true; // English, or none asked for
};
PageSetup page_setup(const ShareState& s);

// Contrast ratio of two sRGB colours (0xRRGGBB), 1 to 21, as WCAG 2 defines it.
double contrast_ratio(std::uint32_t rgb_a, std::uint32_t rgb_b);
// "1d70b8" or "#1D70B8" -> 0x1d70b8, when white text on it reaches kMinThemeContrast; nullopt otherwise.
std::optional<std::uint32_t> parse_theme_colour(std::string_view text);
// True for English ("en", "en-gb"...), the only language the app has so far.
bool language_available(std::string_view lang);

// The address to open for an agency's website as the data gives it: an http(s) address as it is, a bare host
// ("www.example.co.uk/care") with https:// in front; "" for anything else (javascript:, data:, any other
// scheme, spaces or quotes), which the app shows as text and never as a link.
std::string website_link(std::string_view site);

// Helpers, also used for storage: a CQC location id looks like "1-" followed by digits.
bool valid_location_id(std::string_view id);
std::string percent_decode(std::string_view text);
// Everything but letters, digits, -._~ and the characters in also_keep as %XX (UTF-8 bytes one by one):
// for share links (which keep "," between list items) and mailto: addresses.
std::string percent_encode(std::string_view text, std::string_view also_keep = "");

} // namespace hcf::core
