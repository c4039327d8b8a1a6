// homecare-finder core: the printable page of the shortlist (see print_page.h).
// Depends on: core/print_page.h, core/export.h.
// SPDX-License-Identifier: MIT
#include "core/print_page.h"

#include "core/export.h"

namespace hcf::core {

std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string print_page_html(const Session& s, std::string_view today) {
    const std::string text = export_text(s.shortlist_entries(), s.export_options(today));
    return "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Your shortlist of home "
           "care agencies</title><style>body{font-family:'Atkinson Hyperlegible',Arial,sans-serif;margin:2cm;"
           "color:#0b0c0c}h1{font-size:24pt}pre{white-space:pre-wrap;font-family:inherit;font-size:13pt;"
           "line-height:1.4}</style></head><body><h1>Your shortlist of home care agencies</h1><pre>" +
           html_escape(text) + "</pre></body></html>";
}

} // namespace hcf::core
