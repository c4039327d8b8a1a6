// homecare-finder core: share links (see url_state.h).
// Depends on: core/model, core/search.
// SPDX-License-Identifier: MIT
#include "core/url_state.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hcf::core {

namespace {

bool is_hex(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    return std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find(sep, start);
        out.push_back(
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

bool all_of(std::string_view s, int (*pred)(int)) {
    return std::all_of(s.begin(), s.end(),
                       [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

bool valid_key_word(std::string_view s) {
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '_' || c == '-' || (c >= '0' && c <= '9');
    });
}

// "en", "cy", "en-GB", "zh-hant": 2 or 3 letters, then optionally one subtag of 2 to 8 letters or digits.
bool valid_language_tag(std::string_view s) {
    const std::size_t dash = s.find('-');
    const std::string_view primary = s.substr(0, dash);
    if (primary.size() < 2 || primary.size() > 3 || !all_of(primary, std::isalpha)) return false;
    if (dash == std::string_view::npos) return true;
    const std::string_view sub = s.substr(dash + 1);
    return sub.size() >= 2 && sub.size() <= 8 && all_of(sub, std::isalnum);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// WCAG relative luminance of one 8-bit sRGB channel.
double channel_luminance(std::uint32_t c8) {
    const double c = static_cast<double>(c8) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::uint32_t rgb) {
    return 0.2126 * channel_luminance((rgb >> 16) & 0xff) + 0.7152 * channel_luminance((rgb >> 8) & 0xff) +
           0.0722 * channel_luminance(rgb & 0xff);
}

} // namespace

ShareState take_away(ShareState s) {
    s.kiosk = false;
    s.idle_seconds = 0;
    return s;
}

ShareState embedding_only(const ShareState& s) {
    ShareState out;
    out.kiosk = s.kiosk;
    out.idle_seconds = s.idle_seconds;
    out.theme = s.theme;
    out.lang = s.lang;
    out.council = s.council;
    return out;
}

PageSetup page_setup(const ShareState& s) {
    PageSetup p;
    p.address = embedding_only(s);
    p.kiosk = s.kiosk;
    if (s.idle_seconds > 0) p.idle_seconds = s.idle_seconds; // decode_share_state keeps only a valid one
    if (!s.theme.empty()) p.header_colour = parse_theme_colour(s.theme);
    p.lang = s.lang;
    p.language_available = s.lang.empty() || language_available(s.lang);
    return p;
}

double contrast_ratio(std::uint32_t rgb_a, std::uint32_t rgb_b) {
    const double a = luminance(rgb_a), b = luminance(rgb_b);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

std::optional<std::uint32_t> parse_theme_colour(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6 || !all_of(text, std::isxdigit)) return std::nullopt;
    std::uint32_t v = 0;
    for (char c : text)
        v = v * 16 + static_cast<std::uint32_t>(hex_value(c));
    if (contrast_ratio(v, 0xffffff) < kMinThemeContrast) return std::nullopt;
    return v;
}

bool language_available(std::string_view lang) {
    return lang == "en" || lang.substr(0, 3) == "en-";
}

std::string website_link(std::string_view site) {
    // Printable ASCII that may stand in an address; no spaces, quotes, angle brackets or backslashes.
    const bool clean =
        !site.empty() && site.size() <= 2000 && std::all_of(site.begin(), site.end(), [](char c) {
            return c > ' ' && c < 127 && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\' &&
                   c != '`';
        });
    if (!clean) return {};
    const std::string low = lower_ascii(site);
    for (std::string_view scheme : {"https://", "http://"})
        if (low.rfind(scheme, 0) == 0) return site.size() > scheme.size() ? std::string(site) : std::string();
    // No scheme: a host name first (letters, digits, dots, dashes), then an optional port and path. Anything
    // else before a colon (javascript:, data:, mailto:) is a scheme the app does not open.
    const std::size_t host_end = std::min(site.find_first_of(":/?#"), site.size());
    const std::string_view host = site.substr(0, host_end);
    const bool host_ok = !host.empty() && host.find('.') != std::string_view::npos &&
                         std::isalnum(static_cast<unsigned char>(host.front())) &&
                         std::all_of(host.begin(), host.end(), [](char c) {
                             return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
                         });
    if (!host_ok) return {};
    if (host_end < site.size() && site[host_end] == ':') {
        const std::size_t port_end = std::min(site.find_first_of("/?#", host_end), site.size());
        const std::string_view port = site.substr(host_end + 1, port_end - host_end - 1);
        if (port.empty() || !all_of(port, std::isdigit)) return {};
    }
    return "https://" + std::string(site);
}

bool valid_location_id(std::string_view id) {
    return id.size() >= 3 && id.size() <= 20 && id.substr(0, 2) == "1-" && all_of(id.substr(2), std::isdigit);
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string percent_encode(std::string_view text, std::string_view also_keep) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
            also_keep.find(static_cast<char>(c)) != std::string_view::npos) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string encode_share_state(const ShareState& s) {
    std::vector<std::string> parts;
    auto add = [&parts](std::string_view key, const std::string& value) {
        if (!value.empty()) parts.push_back(std::string(key) + "=" + percent_encode(value, ","));
    };
    auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const auto& x : v)
            out += (out.empty() ? "" : ",") + x;
        return out;
    };
    add("pc", s.postcode);
    add("help", join(s.help));
    if (s.radius_miles != 5.0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", s.radius_miles);
        add("r", buf);
    }
    if (s.sort != SortOrder::Distance) add("sort", std::string(sort_key(s.sort)));
    if (s.min_rating != Rating::NotRated) add("min", std::string(rating_key(s.min_rating)));
    if (s.include_not_rated && s.min_rating != Rating::NotRated) add("nr", "1");
    add("sl", join(s.shortlist));
    add("council", s.council);
    add("s", s.screen);
    add("a", s.agency);
    if (s.kiosk) add("kiosk", "1");
    if (s.idle_seconds != 0) add("idle", std::to_string(s.idle_seconds));
    add("theme", s.theme);
    add("lang", s.lang);
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "&") + p;
    return out;
}

ShareState decode_share_state(std::string_view query, std::vector<std::string>* problems) {
    ShareState s;
    auto problem = [problems](std::string text) {
        if (problems) problems->push_back(std::move(text));
    };
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    if (query.size() > 4096) {
        problem("query too long: ignored");
        return s;
    }
    for (std::string_view pair : split(query, '&')) {
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string key = percent_decode(pair.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1));
        if (key == "pc") {
            const bool ok = value.size() <= 10 && std::all_of(value.begin(), value.end(), [](char c) {
                                return std::isalnum(static_cast<unsigned char>(c)) || c == ' ';
                            });
            if (ok)
                s.postcode = value;
            else
                problem("pc: not a postcode");
        } else if (key == "help") {
            for (std::string_view h : split(value, ','))
                if (valid_key_word(h))
                    s.help.emplace_back(h);
                else if (!h.empty())
                    problem("help: bad key");
        } else if (key == "r") {
            char* end = nullptr;
            const double r = std::strtod(value.c_str(), &end);
            if (!value.empty() && end && *end == '\0' && r >= kMinRadiusMiles && r <= kMaxRadiusMiles)
                s.radius_miles = r;
            else
                problem("r: not a distance");
        } else if (key == "sort") {
            if (const auto sort = parse_sort(value))
                s.sort = *sort;
            else
                problem("sort: unknown");
        } else if (key == "min") {
            if (const auto r = parse_rating(value))
                s.min_rating = *r;
            else
                problem("min: unknown rating");
        } else if (key == "nr") {
            s.include_not_rated = value == "1";
        } else if (key == "sl") {
            for (std::string_view id : split(value, ',')) {
                if (!valid_location_id(id)) {
                    if (!id.empty()) problem("sl: bad id");
                    continue;
                }
                if (std::find(s.shortlist.begin(), s.shortlist.end(), id) == s.shortlist.end() &&
                    s.shortlist.size() < kMaxShortlist)
                    s.shortlist.emplace_back(id);
            }
        } else if (key == "council") {
            if (valid_key_word(value))
                s.council = value;
            else
                problem("council: bad id");
        } else if (key == "s") {
            if (valid_key_word(value))
                s.screen = value;
            else
                problem("s: bad screen");
        } else if (key == "a") {
            if (valid_location_id(value))
                s.agency = value;
            else
                problem("a: bad id");
        } else if (key == "kiosk") {
            s.kiosk = value == "1" || value == "true";
        } else if (key == "idle") {
            const bool digits = !value.empty() && value.size() <= 4 && all_of(value, std::isdigit);
            const int n = digits ? std::atoi(value.c_str()) : 0;
            if (n >= kMinIdleSeconds && n <= kMaxIdleSeconds)
                s.idle_seconds = n;
            else
                problem("idle: not 10 to 3600 seconds");
        } else if (key == "theme") {
            if (const auto rgb = parse_theme_colour(value)) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "%06x", static_cast<unsigned>(*rgb));
                s.theme = buf;
            } else {
                problem("theme: not a colour dark enough for white text");
            }
        } else if (key == "lang") {
            if (valid_language_tag(value))
                s.lang = lower_ascii(value);
            else
                problem("lang: not a language tag");
        }
    }
    return s;
}

} // namespace hcf::core
