// homecare-finder core: the printable page of a person's shortlist (the "Print" button).
// Depends on: core/session.h, core/export.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/session.h"

#include <string>
#include <string_view>

namespace hcf::core {

// A plain HTML page of the shortlist, made from the core's text export (core/export.h) and escaped, so
// nothing in the data can add markup. today: the day it is printed (ISO yyyy-mm-dd); the data's own date
// is said separately.
std::string print_page_html(const Session& s, std::string_view today);

// Text made safe inside HTML: & < > " ' as entities.
std::string html_escape(std::string_view text);

} // namespace hcf::core
