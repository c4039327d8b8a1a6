// homecare-finder core: UK postcode parsing and normalisation (stub; full rules follow).
// Depends on: core/postcode.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/postcode.h"

namespace hcf::core {

PostcodeParse parse_postcode(std::string_view) {
    return {};
}
std::string normalise_postcode(std::string_view) {
    return {};
}
Nation nation_of_area(std::string_view) {
    return Nation::Unknown;
}
std::string_view regulator_for(Nation) {
    return {};
}
std::string_view nation_name(Nation) {
    return {};
}
std::string_view nation_key(Nation) {
    return "unknown";
}
std::string_view postcode_error_key(PostcodeError) {
    return "none";
}
std::string outside_england_message(Nation) {
    return {};
}
std::string hint_while_typing(std::string_view) {
    return {};
}

} // namespace hcf::core
