// homecare-finder core: UK postcode parsing, normalisation, nation and regulator of a postcode area.
// Depends on: core/postcode.h, core/ascii.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/postcode.h"

#include "core/ascii.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace hcf::core {
namespace {

// Letters allowed in each position (Royal Mail / ONS rules, as documented for the PAF and BS 7666):
//   1st position (area):            any letter but Q V X
//   2nd position (area, AA forms):  any letter but I J Z
//   3rd position in A9A:            A B C D E F G H J K P S T U W
//   4th position in AA9A:           A B E H M N P R V W X Y
//   inward letters:                 any letter but C I K M O V
constexpr std::string_view kFirst = "ABCDEFGHIJKLMNOPRSTUWYZ";
constexpr std::string_view kSecond = "ABCDEFGHKLMNOPQRSTUVWXY";
constexpr std::string_view kThirdA9A = "ABCDEFGHJKPSTUW";
constexpr std::string_view kFourthAA9A = "ABEHMNPRVWXY";
constexpr std::string_view kInward = "ABDEFGHJLNPQRSTUWXYZ";

bool in(std::string_view set, char c) {
    return set.find(c) != std::string_view::npos;
}

// A valid outward code (district) in one of the six shapes, or GIR.
bool valid_outward(std::string_view o) {
    if (o == "GIR") return true;
    const std::size_t n = o.size();
    if (n < 2 || n > 4 || !in(kFirst, o[0])) return false;
    if (is_ascii_digit(o[1])) { // A9, A99, A9A
        if (n == 2) return true;
        if (n == 3) return is_ascii_digit(o[2]) || in(kThirdA9A, o[2]);
        return false;
    }
    if (!in(kSecond, o[1]) || n < 3 || !is_ascii_digit(o[2])) return false; // AA9...
    if (n == 3) return true;
    return is_ascii_digit(o[3]) || in(kFourthAA9A, o[3]); // AA99, AA9A
}

// Can `typed` (shorter than len) still grow into a valid outward code of length len?
bool outward_prefix_ok(std::string_view typed, std::size_t len) {
    if (typed.empty()) return true;
    if (!in(kFirst, typed[0])) return false;
    if (typed.size() == 1) return true;
    if (is_ascii_digit(typed[1])) return len <= 3 && typed.size() == 2; // A9 -> A99 / A9A
    if (!in(kSecond, typed[1]) || len < 3) return false;                // AA9, AA99, AA9A
    if (typed.size() == 2) return true;
    return is_ascii_digit(typed[2]) && len == 4; // AA9 -> AA99 / AA9A
}

bool valid_inward(std::string_view i) {
    return i.size() == 3 && is_ascii_digit(i[0]) && in(kInward, i[1]) && in(kInward, i[2]);
}

ParsedPostcode make(PostcodeKind kind, std::string_view outward, std::string_view inward) {
    ParsedPostcode p;
    p.kind = kind;
    p.district = std::string(outward);
    p.area = outward == "GIR" ? std::string("GIR") : std::string(postcode_area(outward));
    if (kind != PostcodeKind::District) p.sector = p.district + " " + std::string(inward.substr(0, 1));
    if (kind == PostcodeKind::Unit) p.unit = p.district + " " + std::string(inward);
    p.normalised = kind == PostcodeKind::Unit ? p.unit : kind == PostcodeKind::Sector ? p.sector : p.district;
    return p;
}

// Separators people type or paste around and inside postcodes. Everything else that is not a letter or
// a digit is an invalid character. Non-breaking spaces (U+00A0, U+202F) come in from copy and paste.
enum class Ch { AlNum, Separator, Invalid };

// Reads the input into upper-case letters and digits. `split` is the number of alphanumerics before the
// first separator that sits between alphanumerics (npos if none); `separators` counts such gaps.
struct Scanned {
    std::string compact;
    std::size_t split = std::string::npos;
    int gaps = 0;
    bool invalid = false;
};

Scanned scan(std::string_view s) {
    Scanned out;
    bool pending_gap = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        Ch kind = Ch::Invalid;
        std::size_t extra = 0;
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            kind = Ch::AlNum;
        else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '.' || c == ',' || c == '-')
            kind = Ch::Separator;
        else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0)
            kind = Ch::Separator, extra = 1; // U+00A0 no-break space
        else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                 static_cast<unsigned char>(s[i + 2]) == 0xAF)
            kind = Ch::Separator, extra = 2; // U+202F narrow no-break space
        i += extra;
        if (kind == Ch::Invalid) {
            out.invalid = true;
            continue;
        }
        if (kind == Ch::Separator) {
            if (!out.compact.empty()) pending_gap = true;
            continue;
        }
        if (pending_gap) {
            if (out.split == std::string::npos) out.split = out.compact.size();
            ++out.gaps;
            pending_gap = false;
        }
        out.compact.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
    }
    return out;
}

PostcodeParse fail(PostcodeError e) {
    PostcodeParse r;
    r.ok = false;
    r.error = e;
    switch (e) {
    case PostcodeError::Empty:
        r.message = "Enter a postcode, like B13 9AB.";
        break;
    case PostcodeError::InvalidCharacters:
        r.message = "A postcode has only letters and numbers, like B13 9AB.";
        break;
    default:
        r.message = "That doesn't look like a postcode. Postcodes look like HR4 9AB.";
        break;
    }
    return r;
}

PostcodeParse success(ParsedPostcode p) {
    PostcodeParse r;
    r.ok = true;
    r.postcode = std::move(p);
    return r;
}

// Postcode areas by nation. Areas not listed are in England. Border districts are refined below.
constexpr std::array<std::string_view, 16> kScottishAreas = {"AB", "DD", "DG", "EH", "FK", "G",  "HS", "IV",
                                                             "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"};
constexpr std::array<std::string_view, 5> kWelshAreas = {"CF", "LD", "LL", "NP", "SA"};

int district_number(std::string_view district, std::size_t area_len) {
    int n = 0;
    bool any = false;
    for (std::size_t i = area_len; i < district.size() && is_ascii_digit(district[i]); ++i) {
        n = n * 10 + (district[i] - '0');
        any = true;
    }
    return any ? n : -1;
}

} // namespace

std::string_view postcode_area(std::string_view code) {
    std::size_t n = 0;
    while (n < code.size() && is_ascii_upper(code[n]))
        ++n;
    return code.substr(0, n);
}

std::string outward_code(std::string_view postcode) {
    return std::string(postcode.substr(0, postcode.find(' ')));
}

PostcodeParse parse_postcode(std::string_view input) {
    const Scanned s = scan(input);
    if (s.invalid) {
        // Only separators and junk, nothing a postcode could be made of: still "invalid characters",
        // because that is what the person needs to fix.
        return fail(PostcodeError::InvalidCharacters);
    }
    const std::string& c = s.compact;
    if (c.empty()) return fail(PostcodeError::Empty);
    if (s.gaps > 1 || c.size() > 7) return fail(PostcodeError::NotAPostcodeShape);
    const std::string_view cv = c;

    // Full postcode: the inward code is always the last three characters, wherever the space was typed.
    if (c.size() >= 5) {
        const auto outward = cv.substr(0, c.size() - 3), inward = cv.substr(c.size() - 3);
        if (cv == "GIR0AA") return success(make(PostcodeKind::Unit, "GIR", "0AA"));
        if (outward != "GIR" && valid_outward(outward) && valid_inward(inward))
            return success(make(PostcodeKind::Unit, outward, inward));
        // Say which part is wrong when only the last two letters are: "HR4 9AV" (V is never used there).
        if (outward != "GIR" && valid_outward(outward) && is_ascii_digit(inward[0]) &&
            is_ascii_upper(inward[1]) && is_ascii_upper(inward[2])) {
            const char bad = in(kInward, inward[1]) ? inward[2] : inward[1];
            PostcodeParse r = fail(PostcodeError::NotAPostcodeShape);
            r.message = "The last part of a postcode never uses the letter " + std::string(1, bad) + ", so " +
                        std::string(outward) + " " + std::string(inward) +
                        " is not a postcode. Check the last two letters.";
            return r;
        }
        if (c.size() > 5) return fail(PostcodeError::NotAPostcodeShape);
        // Five characters can still be a sector of a four-character district: "EC1A1" -> "EC1A 1".
    }
    // A space the person typed marks the outward code: "HR4 9" is a sector.
    if (s.split != std::string::npos) {
        const auto outward = cv.substr(0, s.split), rest = cv.substr(s.split);
        if (rest.size() == 1 && is_ascii_digit(rest[0]) && valid_outward(outward))
            return success(make(PostcodeKind::Sector, outward, rest));
        // A partial postcode with the space somewhere else is not guessed at: "HR4 99" could be an
        // unfinished HR4 9.. or a mistyped HR49 9, and "B1 3" must not become "B13".
        return fail(PostcodeError::NotAPostcodeShape);
    }
    // No space: a valid outward code wins ("HR49" is district HR49, see postcode.h), else an
    // outward code followed by one digit is a sector ("B139" -> "B13 9").
    if (valid_outward(cv)) return success(make(PostcodeKind::District, cv, {}));
    if (c.size() >= 3 && is_ascii_digit(c.back()) && valid_outward(cv.substr(0, c.size() - 1)))
        return success(make(PostcodeKind::Sector, cv.substr(0, c.size() - 1), cv.substr(c.size() - 1)));
    return fail(PostcodeError::NotAPostcodeShape);
}

std::optional<std::string> normalise_postcode(std::string_view input) {
    PostcodeParse p = parse_postcode(input);
    if (!p.ok) return std::nullopt;
    return std::move(p.postcode.normalised);
}

Nation nation_of_area(std::string_view district) {
    // Accept "TD15", "td15 1aa", "BT": take the leading letters, then the district number.
    std::size_t a = 0;
    while (a < district.size() && a < 3 && is_ascii_letter(district[a]))
        ++a;
    std::string area;
    for (std::size_t i = 0; i < a; ++i)
        area.push_back(ascii_upper(district[i]));
    if (area.empty()) return Nation::Unknown;
    const int n = district_number(district, a);

    if (area == "BT") return Nation::NorthernIreland;
    if (area == "GY" || area == "JE") return Nation::ChannelIslands;
    if (area == "IM") return Nation::IsleOfMan;
    if (area == "NPT") return Nation::Wales; // old Newport postcodes (terminated), still in the ONS files
    // Border districts decided by where most of their postcodes are (ONS postcode-to-council counts,
    // Feb 2022; see geography.cpp for the shares and the cross-border notes).
    if (area == "TD") return n == 15 ? Nation::England : Nation::Scotland; // TD15 Berwick-upon-Tweed
    if (area == "CH") return (n >= 5 && n <= 8) ? Nation::Wales : Nation::England;
    if (area == "SY") return (n >= 15 && n <= 25) ? Nation::Wales : Nation::England;
    for (auto s : kScottishAreas)
        if (area == s) return Nation::Scotland;
    for (auto w : kWelshAreas)
        if (area == w) return Nation::Wales;
    return Nation::England; // includes HR, GL, CA and other areas that touch Wales or Scotland
}

std::string_view regulator_for(Nation n) {
    switch (n) {
    case Nation::England:
        return "Care Quality Commission (CQC)";
    case Nation::Wales:
        return "Care Inspectorate Wales";
    case Nation::Scotland:
        return "Care Inspectorate";
    case Nation::NorthernIreland:
        return "Regulation and Quality Improvement Authority (RQIA)";
    case Nation::ChannelIslands:
        return "Jersey Care Commission (Jersey) or the States of Guernsey Committee for Health & Social "
               "Care (Guernsey)";
    case Nation::IsleOfMan:
        return "Registration and Inspection Team, Isle of Man Department of Health and Social Care";
    case Nation::Unknown:
        break;
    }
    return {};
}

std::string_view nation_name(Nation n) {
    switch (n) {
    case Nation::England:
        return "England";
    case Nation::Wales:
        return "Wales";
    case Nation::Scotland:
        return "Scotland";
    case Nation::NorthernIreland:
        return "Northern Ireland";
    case Nation::ChannelIslands:
        return "the Channel Islands";
    case Nation::IsleOfMan:
        return "the Isle of Man";
    case Nation::Unknown:
        break;
    }
    return {};
}

std::string_view nation_key(Nation n) {
    switch (n) {
    case Nation::England:
        return "england";
    case Nation::Wales:
        return "wales";
    case Nation::Scotland:
        return "scotland";
    case Nation::NorthernIreland:
        return "northern_ireland";
    case Nation::ChannelIslands:
        return "channel_islands";
    case Nation::IsleOfMan:
        return "isle_of_man";
    case Nation::Unknown:
        break;
    }
    return "unknown";
}

std::string_view postcode_error_key(PostcodeError e) {
    switch (e) {
    case PostcodeError::None:
        return "none";
    case PostcodeError::Empty:
        return "empty";
    case PostcodeError::InvalidCharacters:
        return "invalid_characters";
    case PostcodeError::NotAPostcodeShape:
        return "not_a_postcode_shape";
    case PostcodeError::NotKnown:
        return "not_known";
    case PostcodeError::OutsideEngland:
        return "outside_england";
    }
    return "none";
}

std::string outside_england_message(Nation n, std::string_view area) {
    const std::string start = "CQC covers England only. ";
    switch (n) {
    case Nation::Scotland:
        return start + "For care in Scotland, contact the Care Inspectorate.";
    case Nation::Wales:
        return start + "For care in Wales, contact Care Inspectorate Wales.";
    case Nation::NorthernIreland:
        return start + "For care in Northern Ireland, contact the Regulation and Quality Improvement "
                       "Authority (RQIA).";
    case Nation::ChannelIslands:
        if (area == "JE") return start + "For care in Jersey, contact the Jersey Care Commission.";
        if (area == "GY")
            return start + "For care in Guernsey, contact the States of Guernsey Committee for Health & "
                           "Social Care.";
        return start + "For care in Jersey, contact the Jersey Care Commission. In Guernsey, contact the "
                       "States of Guernsey Committee for Health & Social Care.";
    case Nation::IsleOfMan:
        return start + "For care on the Isle of Man, contact the Registration and Inspection Team at the "
                       "Isle of Man Department of Health and Social Care.";
    case Nation::England:
    case Nation::Unknown:
        break;
    }
    return {};
}

std::string hint_while_typing(std::string_view partial) {
    const Scanned s = scan(partial);
    if (s.invalid) return "A postcode has only letters and numbers, like B13 9AB.";
    const std::string& c = s.compact;
    if (c.empty()) return {};
    if (c.size() > 7 || s.gaps > 1) return "That's too long for a postcode. Postcodes look like HR4 9AB.";
    if (!is_ascii_upper(c[0])) return "Postcodes start with a letter, like B13 9AB.";
    if (!in(kFirst, c[0]))
        return "No postcode starts with " + c.substr(0, 1) + ". Postcodes look like HR4 9AB.";
    if (parse_postcode(partial).ok || std::string_view("GIR0AA").substr(0, c.size()) == c) return {};
    // Could more typing still make this a full postcode? Try every completion shape cheaply: the text so
    // far must be a prefix of outward + inward for some split.
    const std::string_view cv = c;
    for (std::size_t out_len = 2; out_len <= 4; ++out_len) {
        // The outward part typed so far (may be shorter than out_len while still typing it).
        const auto typed_out = cv.substr(0, std::min(out_len, c.size()));
        const bool out_ok =
            typed_out.size() == out_len ? valid_outward(typed_out) : outward_prefix_ok(typed_out, out_len);
        if (!out_ok) continue;
        if (s.split != std::string::npos && s.split != out_len && c.size() > out_len) continue;
        const auto typed_in = c.size() > out_len ? cv.substr(out_len) : std::string_view{};
        bool in_ok = typed_in.size() <= 3;
        if (in_ok && !typed_in.empty()) in_ok = is_ascii_digit(typed_in[0]);
        for (std::size_t i = 1; in_ok && i < typed_in.size(); ++i)
            in_ok = in(kInward, typed_in[i]);
        if (in_ok) return {};
    }
    return "That doesn't look like a postcode. Postcodes look like HR4 9AB.";
}

} // namespace hcf::core
