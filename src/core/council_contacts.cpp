// homecare-finder core: council adult social care contacts (see council_contacts.h).
// Depends on: core/council_contacts.h, core/csv.h, core/text_format.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/council_contacts.h"

#include "core/csv.h"
#include "core/text_format.h"

namespace hcf::core {

namespace {

constexpr const char* kCompactHeader =
    "council,gss_code,asc_phone,phone_seen_on,asc_page_url,directory_name,directory_url,seen_date";

// "web page: https://x.org/page (a quote)" -> "https://x.org/page"; "" when the text holds no address.
std::string first_url(std::string_view text) {
    const auto at = text.find("http");
    if (at == std::string_view::npos) return {};
    auto end = text.find_first_of(" \t\r\n,;'\"", at);
    std::string url(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    while (!url.empty() && (url.back() == ')' || url.back() == '.'))
        url.pop_back();
    return url;
}

// "https://www.merton.gov.uk:443/social-care" -> "merton.gov.uk"
std::string host_of(std::string_view url) {
    auto start = url.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    std::string_view host = url.substr(start);
    host = host.substr(0, host.find_first_of("/:?#"));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    return std::string(host);
}

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

} // namespace

std::optional<std::string> seen_date_of(std::string_view note) {
    note = note.substr(0, note.find(';'));
    if (note.find("undated") != std::string_view::npos) return std::nullopt;
    for (std::size_t i = 0; i + 4 <= note.size(); ++i) {
        if (!digits(note.substr(i, 4)) || (i > 0 && digits(note.substr(i - 1, 1)))) continue;
        for (std::size_t len : {10u, 7u, 4u}) { // yyyy-mm-dd, yyyy-mm, yyyy
            if (i + len > note.size()) continue;
            if (parse_iso_date(note.substr(i, len))) return std::string(note.substr(i, len));
        }
    }
    return std::nullopt;
}

Expected<std::vector<CouncilContact>> read_council_contacts(std::string_view csv_text,
                                                            std::string_view file_name) {
    std::vector<CouncilContact> out;
    const Expected<CsvTable> t = read_csv_table(csv_text, file_name, {{"gss_code"}, {"council"}});
    if (!t) return t.failure();
    const ColumnIndex& c = t->columns;
    const int council = c.find("council"), code = c.find("gss_code"), phone = c.find("asc_phone"),
              phone_source = c.find_any({"phone_seen_on", "asc_phone_source"}), page = c.find("asc_page_url"),
              dir_name = c.find("directory_name"), dir_url = c.find("directory_url"),
              seen = c.find("seen_date");
    for (const CsvRecord& r : t->rows) {
        CouncilContact k;
        k.council = csv_field(r, council);
        k.code = csv_field(r, code);
        if (k.code.empty())
            return Error{
                std::string(file_name) + ": line " + std::to_string(r.line) + " has no council code.", {}};
        k.phone = csv_field(r, phone);
        k.phone_seen_on = first_url(csv_field(r, phone_source));
        k.page_url = first_url(csv_field(r, page));
        k.directory_name = csv_field(r, dir_name);
        k.directory_url = first_url(csv_field(r, dir_url));
        k.seen_date = seen_date_of(csv_field(r, seen)).value_or("");
        out.push_back(std::move(k));
    }
    return out;
}

std::string write_council_contacts(const std::vector<CouncilContact>& contacts) {
    std::string out = std::string(kCompactHeader) + "\n";
    for (const CouncilContact& k : contacts) {
        for (const std::string* v : {&k.council, &k.code, &k.phone, &k.phone_seen_on, &k.page_url,
                                     &k.directory_name, &k.directory_url, &k.seen_date}) {
            if (v != &k.council) out += ',';
            out += csv_escape(*v);
        }
        out += '\n';
    }
    return out;
}

const CouncilContact* find_council_contact(const std::vector<CouncilContact>& contacts,
                                           std::string_view code) {
    for (const CouncilContact& k : contacts)
        if (k.code == code) return &k;
    return nullptr;
}

std::string contact_seen_words(const CouncilContact& c) {
    if (c.phone_seen_on.empty()) return {};
    const std::string where = "Seen on " + host_of(c.phone_seen_on);
    if (c.seen_date.empty()) return where + " (the page is not dated).";
    return where + ", on a page dated " + format_date(c.seen_date) + ".";
}

} // namespace hcf::core
