// homecare-finder core: rating and date words (see rating_words.h).
// Depends on: core/rating_words.h, core/csv.h (header_key), core/text_format.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/rating_words.h"

#include "core/csv.h"
#include "core/text_format.h"

namespace hcf::core {

bool rating_known(const Provider& p) {
    return p.overall != Rating::NotRated || p.rating_in_data;
}

std::string overall_rating_words(const Provider& p) {
    if (!rating_known(p)) return std::string(kRatingNotInOurInformation);
    if (p.overall != Rating::NotRated) return std::string(rating_label(p.overall));
    const std::string key = header_key(p.rating_text);
    if (key.empty() || key == "notrated" || key == "notyetrated") return std::string(rating_label(p.overall));
    // CQC's words in sentence case: "Inspected But Not Rated" -> "Inspected but not rated".
    std::string words = p.rating_text;
    for (std::size_t i = 1; i < words.size(); ++i)
        if (words[i] >= 'A' && words[i] <= 'Z' && words[i - 1] == ' ')
            words[i] = static_cast<char>(words[i] + 32);
    return words;
}

std::string rating_date_words(const Provider& p) {
    if (const std::string d = format_date(p.rating_date); !d.empty() && rating_known(p))
        return "rated on " + d;
    if (const std::string d = format_date(p.last_inspected); !d.empty()) return "last inspected " + d;
    return {};
}

std::string rating_summary(const Provider& p) {
    const std::string words = overall_rating_words(p), when = rating_date_words(p);
    if (when.empty()) return words;
    return rating_known(p) ? words + ", " + when : words + " (" + when + ")";
}

std::string register_words(const Provider& p, std::string_view edition_words) {
    if (!edition_words.empty()) return "CQC register, " + std::string(edition_words);
    const std::string d = format_date(p.data_date);
    return d.empty() ? std::string() : "CQC register of " + d;
}

} // namespace hcf::core
