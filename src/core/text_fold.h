// homecare-finder core: case and accent folding of UTF-8 text, so "cafe" finds "Café Care".
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

// Folds UTF-8 text for matching and sorting:
//  - ASCII letters to lower case; Latin-1 and Latin Extended-A letters to their plain ASCII letters
//    ("É" -> "e", "ß" -> "ss", "Æ" -> "ae", "Ł" -> "l"); combining accents (U+0300..U+036F) dropped;
//  - apostrophes (' and the curly U+2018/U+2019) dropped, so "St Mary's" matches "st marys";
//  - every other ASCII punctuation, symbol, control or space character, no-break space, Latin-1
//    punctuation, dashes and quotes (U+2010..U+201F) become a single space; leading/trailing spaces go;
//  - other characters (e.g. Greek, CJK) are kept as they are (no case folding outside Latin);
//  - bytes that are not valid UTF-8 become a space (never a crash, never an exception).
// The result is plain lower-case words separated by single spaces: "  Café-Care (UK)  " -> "cafe care uk".
std::string fold_text(std::string_view utf8);

// The words of already-folded text ("cafe care uk" -> {"cafe", "care", "uk"}).
std::vector<std::string_view> folded_words(std::string_view folded);

// True when every word of the folded query appears somewhere in the folded text (as part of a word:
// "cafe" is found in "cafes"; order does not matter: "care cafe" is found in "cafe care"). An empty query
// matches everything.
bool folded_match(std::string_view folded_text, std::string_view folded_query);

} // namespace hcf::core
