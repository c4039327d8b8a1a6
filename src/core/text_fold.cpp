// homecare-finder core: case and accent folding of UTF-8 text (see text_fold.h for the rules).
// Depends on: core/text_fold.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/text_fold.h"

#include <cstdint>

namespace hcf::core {

namespace {

// U+00C0..U+00FF. '*' marks letters that fold to two letters; ' ' the two symbols × and ÷.
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiii"  // C0..CF  (C6 Æ)
                                     "dnooooo ouuuuy**"  // D0..DF  (D7 ×, DE Þ, DF ß)
                                     "aaaaaa*ceeeeiiii"  // E0..EF  (E6 æ)
                                     "dnooooo ouuuuy*y"; // F0..FF  (F7 ÷, FE þ)
// U+0100..U+017F (Latin Extended-A).
constexpr std::string_view kExtendedA = "aaaaaaccccccccdd"  // 0100..010F
                                        "ddeeeeeeeeeegggg"  // 0110..011F
                                        "gggghhhhiiiiiiii"  // 0120..012F
                                        "ii**jjkkklllllll"  // 0130..013F (0132/0133 Ĳ ĳ)
                                        "lllnnnnnnnnnoooo"  // 0140..014F
                                        "oo**rrrrrrssssss"  // 0150..015F (0152/0153 Œ œ)
                                        "ssttttttuuuuuuuu"  // 0160..016F
                                        "uuuuwwyyyzzzzzzs"; // 0170..017F

static_assert(kLatin1.size() == 64 && kExtendedA.size() == 128);

std::string_view two_letter_fold(char32_t cp) {
    switch (cp) {
    case 0xC6:
    case 0xE6:
        return "ae";
    case 0xDE:
    case 0xFE:
        return "th";
    case 0xDF:
        return "ss";
    case 0x132:
    case 0x133:
        return "ij";
    case 0x152:
    case 0x153:
        return "oe";
    default:
        return "";
    }
}

// Decodes one UTF-8 sequence at s[i]. Returns the number of bytes used (0 when invalid: the caller
// then skips one byte). Rejects overlong forms, surrogates and values above U+10FFFF.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) -> bool {
        if (i + k >= s.size()) return false;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return b >= lo && b <= hi;
    };
    auto bits = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    };
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (!cont(1)) return 0;
        cp = (static_cast<char32_t>(b0 & 0x1Fu) << 6) | bits(1);
        return 2;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
        if (!cont(1, lo, hi) || !cont(2)) return 0;
        cp = (static_cast<char32_t>(b0 & 0x0Fu) << 12) | (bits(1) << 6) | bits(2);
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
        if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return 0;
        cp = (static_cast<char32_t>(b0 & 0x07u) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
        return 4;
    }
    return 0;
}

enum class Fold { Keep, Drop, Space, Letters };

} // namespace

std::string fold_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    auto emit = [&](std::string_view letters) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += letters;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = 0;
        const std::size_t n = decode_utf8(s, i, cp);
        if (n == 0) { // not UTF-8: treat the byte as a word break
            pending_space = true;
            ++i;
            continue;
        }
        Fold what = Fold::Keep;
        char one[2] = {0, 0};
        std::string_view letters;
        if (cp < 0x80) {
            const auto c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') {
                one[0] = static_cast<char>(c - 'A' + 'a');
                letters = std::string_view(one, 1);
                what = Fold::Letters;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                what = Fold::Keep;
            } else if (c == '\'') {
                what = Fold::Drop;
            } else {
                what = Fold::Space;
            }
        } else if (cp < 0xC0) {
            what = Fold::Space; // C1 controls, no-break space, Latin-1 punctuation and symbols
        } else if (cp < 0x180) {
            const char f = cp < 0x100 ? kLatin1[cp - 0xC0] : kExtendedA[cp - 0x100];
            if (f == ' ') {
                what = Fold::Space;
            } else if (f == '*') {
                letters = two_letter_fold(cp);
                what = Fold::Letters;
            } else {
                one[0] = f;
                letters = std::string_view(one, 1);
                what = Fold::Letters;
            }
        } else if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x2018 || cp == 0x2019 || cp == 0xFEFF ||
                   (cp >= 0x200B && cp <= 0x200D)) {
            what = Fold::Drop; // combining accents, curly apostrophes, byte-order mark, zero-width
        } else if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) {
            what = Fold::Space; // general punctuation: spaces, dashes, quotes, bullets, ellipsis
        }
        switch (what) {
        case Fold::Keep:
            emit(s.substr(i, n));
            break;
        case Fold::Letters:
            emit(letters);
            break;
        case Fold::Space:
            pending_space = true;
            break;
        case Fold::Drop:
            break;
        }
        i += n;
    }
    return out;
}

std::vector<std::string_view> folded_words(std::string_view folded) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && folded[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < folded.size() && folded[j] != ' ')
            ++j;
        if (j > i) words.push_back(folded.substr(i, j - i));
        i = j;
    }
    return words;
}

bool folded_match(std::string_view folded_text, std::string_view folded_query) {
    for (std::string_view word : folded_words(folded_query))
        if (folded_text.find(word) == std::string_view::npos) return false;
    return true;
}

} // namespace hcf::core
