// homecare-finder core: real postcodes one letter away from a mistyped one (see postcode_near.h).
// Depends on: core/postcode_near, core/postcode, core/ascii.
// SPDX-License-Identifier: MIT
#include "core/postcode_near.h"

#include "core/ascii.h"
#include "core/postcode.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace hcf::core {

namespace {
// The letters the last part of a postcode can use (never C, I, K, M, O or V).
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

// Where a letter's key is on a UK keyboard (QWERTY rows, each set a little to the right of the one above), so
// the letters a slipping finger hits come first: for V, B before A.
struct Key {
    double x = 0, y = 0;
};
Key key_of(char letter) {
    constexpr std::string_view rows[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
    constexpr double shift[] = {0.0, 0.25, 0.75};
    for (int r = 0; r < 3; ++r)
        if (const auto at = rows[r].find(letter); at != std::string_view::npos)
            return {static_cast<double>(at) + shift[r], static_cast<double>(r)};
    return {};
}
double key_distance(char a, char b) {
    const Key ka = key_of(a), kb = key_of(b);
    return std::hypot(ka.x - kb.x, ka.y - kb.y);
}
} // namespace

NearMiss near_miss_of(std::string_view typed) {
    std::string compact;
    for (const char c : typed) {
        if (is_ascii_letter(c) || is_ascii_digit(c))
            compact += ascii_upper(c);
        else if (!is_ascii_space(c))
            return {}; // "B13 9AB!": the stray character is what is wrong, not a letter
    }
    if (compact.size() < 5 || compact.size() > 7) return {};
    const std::string outward = compact.substr(0, compact.size() - 3);
    const std::string inward = compact.substr(compact.size() - 3);
    if (!is_ascii_letter(inward[1]) || !is_ascii_letter(inward[2])) return {};
    const auto used = [](char c) { return kInwardLetters.find(c) != std::string_view::npos; };
    if (used(inward[1]) && used(inward[2]))
        return {}; // well formed: if it is not real, no letter is to blame
    const PostcodeParse sector = parse_postcode(outward + " " + inward[0]);
    if (!sector.ok || sector.postcode.kind != PostcodeKind::Sector) return {};
    return {sector.postcode.sector, sector.postcode.area, sector.postcode.district, inward.substr(1)};
}

std::vector<std::string> postcodes_one_letter_away(const Geography& geo, const NearMiss& near,
                                                   std::size_t max) {
    std::vector<std::pair<double, std::string>> found; // how far the finger slipped, the postcode
    if (near.sector.empty() || !geo.has_units_of(near.district)) return {};
    const std::string typed = near.sector + near.letters;
    for (const std::size_t at : {typed.size() - 2, typed.size() - 1}) {
        for (const char letter : kInwardLetters) {
            std::string candidate = typed;
            candidate[at] = letter;
            if (candidate == typed || !parse_postcode(candidate).ok || !geo.unit(candidate)) continue;
            found.emplace_back(key_distance(typed[at], letter), std::move(candidate));
        }
    }
    std::sort(found.begin(), found.end()); // nearest key first, then in alphabetical order
    std::vector<std::string> out;
    for (std::size_t i = 0; i < found.size() && i < max; ++i)
        out.push_back(std::move(found[i].second));
    return out;
}

std::string did_you_mean(const std::vector<std::string>& postcodes) {
    if (postcodes.empty()) return "";
    std::string s = "Did you mean ";
    for (std::size_t i = 0; i < postcodes.size(); ++i) {
        if (i > 0) s += i + 1 == postcodes.size() ? " or " : ", ";
        s += postcodes[i];
    }
    return s + "?";
}

} // namespace hcf::core
