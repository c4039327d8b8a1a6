// homecare-finder core: ASCII character tests, case and trimming — the one copy the parsers share (CSV
// cells, postcodes, money, dates, council codes). Never the C locale: the data files are ASCII where it
// matters, and UTF-8 bytes above 0x7F are left alone.
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace hcf::core {

constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
constexpr bool is_ascii_letter(char c) {
    return is_ascii_upper(c) || is_ascii_lower(c);
}
// Space, tab, line feed, carriage return, vertical tab, form feed.
constexpr bool is_ascii_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}
constexpr char ascii_lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char ascii_upper(char c) {
    return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string ascii_lower(std::string_view s); // "Herefordshire" -> "herefordshire"
std::string ascii_upper(std::string_view s); // "e10000012" -> "E10000012"
// Not empty, and every character a digit 0-9.
bool all_ascii_digits(std::string_view s);
// Without white space (is_ascii_space) at either end.
std::string_view trim(std::string_view s);
// Trimmed, and every run of white space inside (newlines in a quoted CSV cell too) folded to one space.
std::string collapse_spaces(std::string_view s);

} // namespace hcf::core
