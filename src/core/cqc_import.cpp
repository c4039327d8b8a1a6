// homecare-finder core: CQC register files -> Provider records (columns by name, join, filter, geocode).
// Depends on: core/cqc_import.h, core/csv.h, core/geography.h, core/postcode.h, core/model.h,
//             nlohmann/json (alias extensions only), the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/cqc_import.h"

#include "core/jsonl_table.h"
#include "core/postcode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace hcf::core {
namespace {

// ---- column names ---------------------------------------------------------------------------------
// Official CQC names first (the first alias is the one named in messages), then older CQC spellings,
// then the snake_case names of the samples and normalised files.
const std::vector<std::pair<std::string, std::vector<std::string>>>& default_alias_table() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> t = {
        {"location_id",
         {"Location ID", "CQC Location ID (for office use only)", "CQC Location (for office use only",
          "CQC Location ID", "location_id", "id"}},
        {"provider_id",
         {"Provider ID", "CQC Provider ID (for office use only)", "CQC Provider ID", "provider_id"}},
        {"name", {"Location Name", "Name", "location_name"}},
        {"provider_name", {"Provider Name", "provider_name"}},
        {"brand", {"Brand Name", "brand_name", "brand"}},
        {"address", {"Address"}},
        {"address_street", {"Location Street Address", "address_line1"}},
        {"address_line2", {"Location Address Line 2", "address_line2"}},
        {"address_city", {"Location City", "town"}},
        {"address_county", {"Location County"}},
        {"postcode", {"Location Postal Code", "Postcode", "Location Post Code", "Location Postcode"}},
        {"phone", {"Location Telephone Number", "Phone number", "phone", "Telephone number"}},
        {"website",
         {"Location Web Address", "Service's website (if available)", "website", "provider_website"}},
        {"local_authority", {"Location Local Authority", "Local authority", "local_authority"}},
        {"region", {"Location Region", "Region", "Location ADASS Region", "adass_region"}},
        {"service_types", {"Service types", "service_types"}},
        {"specialisms",
         {"Specialisms/services", "Service users supported", "specialisms", "service_users_supported",
          "service_user_bands"}},
        {"overall_rating",
         {"Location Latest Overall Rating", "Latest Overall Rating", "overall_rating",
          "rating_as_published"}},
        {"rating_date", {"Publication Date", "rating_publication_date", "rating_date"}},
        {"safe", {"Location safe rating", "safe", "rating_safe"}},
        {"effective", {"Location effective rating", "effective", "rating_effective"}},
        {"caring", {"Location caring rating", "caring", "rating_caring"}},
        {"responsive", {"Location responsive rating", "responsive", "rating_responsive"}},
        {"well_led", {"Location well-led rating", "well_led", "rating_well_led"}},
        {"dormant", {"Dormant (Y/N)", "Dormant"}},
        {"registered_date", {"Location HSCA start date", "hsca_start_date", "registration_date"}},
        {"ownership", {"Provider Ownership Type", "provider_ownership_type"}},
        {"cqc_url", {"Location URL", "cqc_url", "inspection_report_url"}},
        {"last_inspected", {"last_inspection_date"}},
        {"data_date", {"data_date", "source_edition"}},
    };
    return t;
}

// Column headings of the one-hot CQC columns: "Service type - X" and "Service user band - X".
constexpr std::string_view kServicePrefixKey = "servicetype";
constexpr std::string_view kBandPrefixKey = "serviceuserband";

struct TermFlags {
    std::string_view key; // header_key of the wording
    std::uint32_t flags;
};

// Specialisms (care directory), service user bands (HSCA) and the samples' wording -> Need flags.
// Entries with 0 are known wording the search has no filter for (so they are not reported as unknown).
constexpr TermFlags kNeedTerms[] = {
    {"caringforadultsover65yrs", NeedOlderPeople},
    {"olderpeople", NeedOlderPeople},
    {"caringforadultsunder65yrs", NeedYoungerAdults},
    {"youngeradults", NeedYoungerAdults},
    {"caringforchildren018yrs", NeedChildren},
    {"caringforchildren", NeedChildren},
    {"children018years", NeedChildren},
    {"dementia", NeedDementia},
    {"learningdisabilities", NeedLearningDisability},
    {"learningdisabilitiesorautisticspectrumdisorder", NeedLearningDisability | NeedAutism},
    {"autism", NeedAutism},
    {"autisticspectrumdisorder", NeedAutism},
    {"mentalhealthconditions", NeedMentalHealth},
    {"mentalhealth", NeedMentalHealth},
    {"physicaldisabilities", NeedPhysicalDisability},
    {"physicaldisability", NeedPhysicalDisability},
    {"sensoryimpairments", NeedSensoryImpairment},
    {"sensoryimpairment", NeedSensoryImpairment},
    {"substancemisuseproblems", NeedSubstanceMisuse},
    {"peoplewhomisusedrugsandalcohol", NeedSubstanceMisuse},
    {"eatingdisorders", NeedEatingDisorder},
    {"peoplewithaneatingdisorder", NeedEatingDisorder},
    {"servicesforeveryone", NeedWholePopulation},
    {"wholepopulation", NeedWholePopulation},
    // Known, deliberately without a filter: the search offers no "detained under the Mental Health Act".
    {"caringforpeoplewhoserightsarerestrictedunderthementalhealthact", 0},
    {"peopledetainedunderthementalhealthact", 0},
};

constexpr TermFlags kServiceTerms[] = {
    {"homecareagencies", ServiceHomecare},
    {"domiciliarycareservice", ServiceHomecare},
    {"domiciliarycare", ServiceHomecare},
    {"supportedliving", ServiceSupportedLiving},
    {"supportedlivingservice", ServiceSupportedLiving},
    {"extracarehousingservices", ServiceExtraCare},
    {"extracarehousing", ServiceExtraCare},
    {"communityhealthcareservicesnursesagencyonly", ServiceNursing},
    {"communityservicesnursing", ServiceNursing},
    {"sharedlives", ServiceShared},
    {"reablement", ServiceReablement},
};

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
        --e;
    return std::string(s.substr(b, e - b));
}

// Trim and fold runs of white space (including newlines inside quoted cells) to one space.
std::string tidy(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
        if (v > 100000) return v;
    }
    return v;
}

int month_of(std::string_view word) {
    static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
    const std::string w = lower(word);
    if (w.size() < 3) return 0;
    for (int i = 0; i < 12; ++i) {
        const std::string_view m = kMonths[i];
        if (w == m || (w.size() == 3 && m.substr(0, 3) == w) || (w == "sept" && i == 8)) return i + 1;
    }
    return 0;
}

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::string iso_date(int y, int m, int d) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return {};
    const int dim = kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
    if (d > dim) return {};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Splits into runs of letters and runs of digits (so "02T13" gives "02", "T", "13").
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    int kind = 0; // 1 digit, 2 letter
    for (char c : s) {
        const int k = (c >= '0' && c <= '9') ? 1 : ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? 2 : 0;
        if (k != kind && !cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
        kind = k;
        if (k) cur += c;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string date_from_tokens(const std::vector<std::string>& t, std::size_t i, DateOrder order) {
    if (i + 2 >= t.size()) return {};
    const std::string &a = t[i], &b = t[i + 1], &c = t[i + 2];
    if (is_digits(a) && a.size() == 4 && is_digits(b) && b.size() <= 2 && is_digits(c) && c.size() <= 2)
        return iso_date(to_int(a), to_int(b), to_int(c));
    if (is_digits(a) && a.size() <= 2 && month_of(b) && is_digits(c) && c.size() == 4)
        return iso_date(to_int(c), month_of(b), to_int(a));
    if (is_digits(a) && a.size() <= 2 && is_digits(b) && b.size() <= 2 && is_digits(c) && c.size() == 4) {
        const int x = to_int(a), y = to_int(b);
        if (x > 12) return iso_date(to_int(c), y, x);
        if (y > 12) return iso_date(to_int(c), x, y);
        return order == DateOrder::MonthFirst ? iso_date(to_int(c), x, y) : iso_date(to_int(c), y, x);
    }
    return {};
}

// ---- reading one file -----------------------------------------------------------------------------

struct Row {
    Provider p;
    bool dormant = false;
    int line = 0;
    int file = 0;                // index into the import's files
    std::vector<RowIssue> notes; // warnings, reported only if the row is used
};

struct FileRead {
    CqcRole role = CqcRole::Directory;
    std::string edition;
    std::vector<Row> rows;
};

struct Collector {
    CqcImport& out;
    void exclude(const std::string& file, int line, const std::string& id, const std::string& key,
                 const std::string& reason) {
        out.excluded.push_back({file, line, id, key, reason});
        ++out.excluded_by_reason[key];
    }
    void warn(const std::string& file, int line, const std::string& id, const std::string& key,
              const std::string& reason) {
        out.warnings.push_back({file, line, id, key, reason});
        ++out.warnings_by_reason[key];
    }
};

bool is_known_not_rated(std::string_view text) {
    const std::string k = header_key(text);
    return k == "inspectedbutnotrated" || k == "nopublishedrating" || k == "notrated" || k == "notyetrated" ||
           k == "insufficientevidencetorate" || k == "notapplicable";
}

Rating read_rating(const std::string& text, bool* recognised) {
    bool ok = false;
    const Rating r = parse_rating(text, &ok);
    *recognised = ok || is_known_not_rated(text);
    return r;
}

std::string strip_suffix_ci(std::string s, std::string_view suffix) {
    if (s.size() >= suffix.size() && lower(s.substr(s.size() - suffix.size())) == lower(suffix)) {
        s.resize(s.size() - suffix.size());
        s = trim(s);
    }
    return s;
}

// A file's data rows, whichever layout: a CSV file is streamed (twice: a national CQC file has tens of
// thousands of rows of 100+ columns); a JSON-lines file (CareGist's copy) is read once and replayed.
class RowSource {
  public:
    RowSource(const CqcInput& in, const std::vector<std::vector<std::string>>& must_have)
        : in_(in), must_have_(must_have) {
        if (!looks_like_json_lines(in.text)) {
            csv_.emplace(in.text, in.name, must_have);
            return;
        }
        jsonl_ = read_jsonl_table(in.text, in.name);
        if (!jsonl_->ok) return;
        for (const auto& names : must_have)
            if (jsonl_->table.columns.find_any(names) < 0) {
                jsonl_->ok = false;
                jsonl_->error = missing_column_message(in.name, names);
                return;
            }
    }
    bool ok() const { return csv_ ? csv_->ok() : jsonl_->ok; }
    const std::string& error() const { return csv_ ? csv_->error() : jsonl_->error; }
    bool json_lines() const { return !csv_; }
    const std::vector<std::string>& header() const { return csv_ ? csv_->header() : jsonl_->table.header; }
    const ColumnIndex& columns() const { return csv_ ? csv_->columns() : jsonl_->table.columns; }
    int header_line() const { return csv_ ? csv_->header_line() : 0; }
    int preamble_rows() const { return csv_ ? csv_->preamble_rows() : 0; }
    bool converted_from_cp1252() const { return csv_ && csv_->converted_from_cp1252(); }
    bool next(CsvRecord& r) {
        if (csv_) return csv_->next(r);
        if (!jsonl_->ok || row_ >= jsonl_->table.rows.size()) return false;
        r = jsonl_->table.rows[row_++];
        return true;
    }
    void rewind() {
        if (csv_)
            csv_.emplace(in_.text, in_.name, must_have_);
        else
            row_ = 0;
    }

  private:
    const CqcInput& in_;
    std::vector<std::vector<std::string>> must_have_;
    std::optional<CsvTableReader> csv_;
    std::optional<CsvTableRead> jsonl_;
    std::size_t row_ = 0;
};

// CareGist's copy says "Not Yet Inspected" wherever its copy has no rating, even for agencies CQC has
// rated (../shared/data/cqc/london/README.md): in that layout the words mean "no rating in this copy".
bool is_no_rating_in_copy(std::string_view text) {
    return header_key(text) == "notyetinspected";
}

// address_line2 sometimes repeats line 1 or a nearby street: keep it only when it adds something.
bool adds_to(const std::string& line2, const std::string& line1) {
    if (line2.empty()) return false;
    const std::string a = header_key(line1), b = header_key(line2);
    return !b.empty() && a.find(b) == std::string::npos;
}

// Reads one file's rows. Returns false (with out.error set) when the file cannot be used at all.
bool read_file(const CqcInput& in, int file_index, const CqcColumns& columns, CqcImport& out, Collector& col,
               FileRead& fr) {
    auto aliases = [&](const std::string& field) -> const std::vector<std::string>& {
        static const std::vector<std::string> none;
        const auto it = columns.aliases.find(field);
        return it == columns.aliases.end() ? none : it->second;
    };
    // Rows are streamed (twice): a national CQC file has tens of thousands of rows of 100+ columns.
    const std::vector<std::vector<std::string>> must_have = {aliases("location_id"), aliases("name")};
    RowSource t(in, must_have);
    if (!t.ok()) {
        out.error = t.error();
        return false;
    }
    std::map<std::string, int> idx;
    for (const auto& [field, names] : columns.aliases)
        idx[field] = t.columns().find_any(names);

    // One-hot "Service type - X" / "Service user band - X" columns.
    std::vector<std::pair<int, std::string>> onehot_services, onehot_bands;
    for (std::size_t c = 0; c < t.header().size(); ++c) {
        const std::string& h = t.header()[c];
        const auto dash = h.find('-');
        if (dash == std::string::npos) continue;
        const std::string left = header_key(h.substr(0, dash));
        const std::string term = trim(h.substr(dash + 1));
        if (left == kServicePrefixKey)
            onehot_services.emplace_back(static_cast<int>(c), term);
        else if (left == kBandPrefixKey)
            onehot_bands.emplace_back(static_cast<int>(c), term);
    }
    if (idx["postcode"] < 0) {
        out.error = missing_column_message(in.name, aliases("postcode"));
        return false;
    }
    if (idx["service_types"] < 0 && onehot_services.empty()) {
        auto names = aliases("service_types");
        names.emplace_back("Service type - Domiciliary care service");
        out.error = missing_column_message(in.name, names);
        return false;
    }

    // First pass: the whole file must read (a cut-short file stops here, before any row is used), and the
    // few values needed before reading rows: the edition and the order of day and month in dates.
    int rows = 0;
    std::map<std::string, int> data_dates;
    std::vector<std::string> rating_dates, registered_dates;
    {
        RowSource& scan = t;
        CsvRecord r;
        while (scan.next(r)) {
            ++rows;
            if (idx["data_date"] >= 0)
                if (auto d = parse_cqc_date(csv_field(r, idx["data_date"])); !d.empty()) ++data_dates[d];
            if (idx["rating_date"] >= 0) rating_dates.push_back(csv_field(r, idx["rating_date"]));
            if (idx["registered_date"] >= 0) registered_dates.push_back(csv_field(r, idx["registered_date"]));
        }
        if (!scan.ok()) {
            out.error = scan.error();
            return false;
        }
        t.rewind();
    }

    fr.role = in.role;
    if (fr.role == CqcRole::Auto)
        fr.role = (idx["dormant"] >= 0 || idx["overall_rating"] >= 0 || !onehot_services.empty() ||
                   !onehot_bands.empty())
                      ? CqcRole::Locations
                      : CqcRole::Directory;

    // The edition: given, else a data_date column, else the file name, else the title lines.
    if (!in.edition.empty()) {
        fr.edition = parse_cqc_date(in.edition);
        if (fr.edition.empty()) {
            out.error = in.name + ": the edition date \"" + in.edition + "\" is not a date (use YYYY-MM-DD).";
            return false;
        }
    }
    if (fr.edition.empty()) {
        int best = 0;
        for (const auto& [d, n] : data_dates)
            if (n > best) {
                best = n;
                fr.edition = d;
            }
    }
    if (fr.edition.empty()) fr.edition = find_date_in_text(in.name);
    if (fr.edition.empty() && t.preamble_rows() > 0) {
        // The title lines above the header, e.g. "Data as at 01 September 2026".
        std::size_t pos = 0;
        for (int l = 1; l < t.header_line() && pos < in.text.size(); ++l) {
            const auto e = in.text.find('\n', pos);
            const std::string line =
                in.text.substr(pos, e == std::string::npos ? std::string::npos : e - pos);
            if (fr.edition.empty()) fr.edition = find_date_in_text(line);
            if (e == std::string::npos) break;
            pos = e + 1;
        }
    }
    if (fr.edition.empty()) {
        out.error = in.name +
                    ": could not tell which CQC edition (date) this file is. Give the date, for example "
                    "--edition 2026-09-01, or keep CQC's file name (it starts with the date).";
        return false;
    }

    CqcFileSummary sum;
    sum.file = in.name;
    sum.role = std::string(cqc_role_key(fr.role));
    sum.edition = fr.edition;
    sum.header_line = t.header_line();
    sum.rows = rows;
    sum.converted_from_cp1252 = t.converted_from_cp1252();
    for (const char* f : {"provider_id", "provider_name", "phone", "website", "local_authority",
                          "overall_rating", "rating_date", "dormant"})
        if (idx[f] < 0) sum.missing_optional.emplace_back(f);
    if (idx["address"] < 0 && idx["address_street"] < 0) sum.missing_optional.emplace_back("address");
    if (idx["specialisms"] < 0 && onehot_bands.empty()) sum.missing_optional.emplace_back("specialisms");
    out.files.push_back(sum);
    out.rows_in += sum.rows;

    // Date columns: detect day/month order once per column.
    const DateOrder rating_order = detect_date_order(rating_dates);
    const DateOrder reg_order = detect_date_order(registered_dates);
    const bool has_kq = idx["safe"] >= 0 && idx["effective"] >= 0 && idx["caring"] >= 0 &&
                        idx["responsive"] >= 0 && idx["well_led"] >= 0;

    std::unordered_map<std::string, int> first_line; // duplicate ids within this file
    const std::string source = in.source_id.empty() ? in.name : in.source_id;
    CsvRecord rec;
    while (t.next(rec)) {
        auto f = [&](const char* field) { return csv_field(rec, idx[field]); };
        const std::string id = tidy(f("location_id"));
        if (rec.fields.size() != t.header().size()) {
            bool extra_empty = rec.fields.size() > t.header().size();
            for (std::size_t k = t.header().size(); extra_empty && k < rec.fields.size(); ++k)
                if (!trim(rec.fields[k]).empty()) extra_empty = false;
            if (!extra_empty) {
                col.exclude(in.name, rec.line, id, "malformed_row",
                            "This row has " + std::to_string(rec.fields.size()) +
                                " values but the header has " + std::to_string(t.header().size()) +
                                ", so it was not used.");
                continue;
            }
        }
        if (id.empty()) {
            col.exclude(in.name, rec.line, "", "missing_location_id", "This row has no CQC location id.");
            continue;
        }
        if (id.find(' ') != std::string::npos || id.size() > 40) {
            col.exclude(in.name, rec.line, id, "bad_location_id",
                        "The CQC location id \"" + id + "\" is not in CQC's form (for example 1-123456789).");
            continue;
        }
        if (const auto it = first_line.find(id); it != first_line.end()) {
            col.exclude(in.name, rec.line, id, "duplicate_id",
                        "The location id " + id + " appears again (first on line " +
                            std::to_string(it->second) + "); this row was not used.");
            continue;
        }
        first_line.emplace(id, rec.line);
        Row row;
        row.line = rec.line;
        row.file = file_index;
        Provider& p = row.p;
        p.location_id = id;
        p.name = tidy(f("name"));
        if (p.name.empty()) {
            col.exclude(in.name, rec.line, id, "missing_name", "This row has no name.");
            continue;
        }
        p.provider_id = tidy(f("provider_id"));
        p.provider_name = tidy(f("provider_name"));
        p.brand = tidy(f("brand"));
        if (lower(p.brand).rfind("brand ", 0) == 0) p.brand = trim(p.brand.substr(6));
        if (p.brand == "-") p.brand.clear();
        if (idx["address"] >= 0) {
            p.address = tidy(f("address"));
        } else {
            const std::string street = tidy(f("address_street"));
            for (const char* part : {"address_street", "address_line2", "address_city", "address_county"}) {
                const std::string v = tidy(f(part));
                if (v.empty() || (part == std::string_view("address_line2") && !adds_to(v, street))) continue;
                if (!p.address.empty()) p.address += ", ";
                p.address += v;
            }
        }
        p.postcode = tidy(f("postcode"));
        p.phone = tidy(f("phone"));
        if (is_digits(p.phone) && p.phone.size() == 10 && p.phone[0] != '0') {
            // A spreadsheet stored the number as a number and dropped the leading 0.
            p.phone = "0" + p.phone;
            row.notes.push_back(RowIssue{
                in.name, rec.line, id, "phone_leading_zero_added",
                "The phone number had lost its leading 0 (a spreadsheet treated it as a number); it was put "
                "back."});
        }
        p.website = tidy(f("website"));
        p.local_authority = tidy(f("local_authority"));
        p.region = strip_suffix_ci(tidy(f("region")), "(ADASS Region)");
        p.ownership = tidy(f("ownership"));
        const std::string url = tidy(f("cqc_url"));
        p.cqc_url =
            url.rfind("https://www.cqc.org.uk/", 0) == 0 ? url : "https://www.cqc.org.uk/location/" + id;

        // Service types and specialisms: list cells, or one-hot Y columns.
        std::vector<std::string> services = split_cqc_list(f("service_types"));
        for (const auto& [c, term] : onehot_services)
            if (lower(csv_field(rec, c)) == "y") services.push_back(term);
        for (const auto& s : services)
            p.service_types |= service_of_term(s);
        std::vector<std::string> terms = split_cqc_list(f("specialisms"));
        for (const auto& [c, term] : onehot_bands)
            if (lower(csv_field(rec, c)) == "y") terms.push_back(term);
        for (const auto& term : terms) {
            bool known = false;
            p.needs |= need_of_term(term, &known);
            if (!known) ++out.unmapped_terms[term];
            p.specialisms.push_back(term);
        }

        if (fr.role == CqcRole::Locations) {
            p.rating_in_data = idx["overall_rating"] >= 0;
            p.rating_text = tidy(f("overall_rating"));
            if (t.json_lines() && is_no_rating_in_copy(p.rating_text)) {
                p.rating_in_data = false; // CareGist's "Not Yet Inspected": no rating in this copy
                p.rating_text.clear();
            }
            bool recognised = true;
            p.overall = read_rating(p.rating_text, &recognised);
            if (!recognised)
                row.notes.push_back(RowIssue{in.name, rec.line, id, "rating_unrecognised",
                                             "The rating \"" + p.rating_text +
                                                 "\" is not one CQC uses; it is shown as not rated."});
            const std::string rd = f("rating_date");
            p.rating_date = parse_cqc_date(rd, rating_order);
            if (!rd.empty() && p.rating_date.empty())
                row.notes.push_back(
                    RowIssue{in.name, rec.line, id, "date_unrecognised",
                             "The rating date \"" + rd + "\" is not a date; it was left out."});
            // The question ratings count only when at least one is a rating: blank cells, or "Inspected but
            // not rated" for all five, say nothing the overall rating does not.
            if (has_kq && p.rating_in_data) {
                bool ok = true;
                const KeyQuestionRatings kq{read_rating(f("safe"), &ok), read_rating(f("effective"), &ok),
                                            read_rating(f("caring"), &ok), read_rating(f("responsive"), &ok),
                                            read_rating(f("well_led"), &ok)};
                for (const Rating r : {kq.safe, kq.effective, kq.caring, kq.responsive, kq.well_led})
                    if (r != Rating::NotRated) p.key_questions_in_data = true;
                if (p.key_questions_in_data) p.key_questions = kq;
            }
            row.dormant = lower(f("dormant")) == "y";
        }
        const std::string inspected = f("last_inspected");
        p.last_inspected = parse_cqc_date(inspected);
        if (!inspected.empty() && p.last_inspected.empty())
            row.notes.push_back(
                RowIssue{in.name, rec.line, id, "date_unrecognised",
                         "The inspection date \"" + inspected + "\" is not a date; it was left out."});
        const std::string reg = f("registered_date");
        p.registered_date = parse_cqc_date(reg, reg_order);
        if (!reg.empty() && p.registered_date.empty())
            row.notes.push_back(
                RowIssue{in.name, rec.line, id, "date_unrecognised",
                         "The registration date \"" + reg + "\" is not a date; it was left out."});
        p.source = source;
        p.data_date = fr.edition;
        fr.rows.push_back(std::move(row));
    }
    if (!t.ok()) { // cannot happen after the first pass; kept so no row is ever silently lost
        out.error = t.error();
        return false;
    }
    return true;
}

// A directory row and a register row for the same location, same edition -> one record.
Provider combine(const Provider* loc, const Provider* dir) {
    if (!loc) return *dir;
    if (!dir) return *loc;
    Provider p = *loc;
    auto prefer_dir = [](std::string& a, const std::string& b) {
        if (!b.empty()) a = b;
    };
    auto fill = [](std::string& a, const std::string& b) {
        if (a.empty()) a = b;
    };
    prefer_dir(p.address, dir->address);
    prefer_dir(p.phone, dir->phone);
    prefer_dir(p.website, dir->website);
    fill(p.provider_id, dir->provider_id);
    fill(p.provider_name, dir->provider_name);
    fill(p.postcode, dir->postcode);
    fill(p.local_authority, dir->local_authority);
    fill(p.region, dir->region);
    fill(p.brand, dir->brand);
    fill(p.last_inspected, dir->last_inspected);
    p.service_types |= dir->service_types;
    p.needs |= dir->needs;
    // The directory's wording ("Caring for adults over 65 yrs") reads better than the register's bands.
    if (!dir->specialisms.empty()) p.specialisms = dir->specialisms;
    if (dir->source != loc->source) p.source = loc->source + " + " + dir->source;
    return p;
}

// Positions are kept to 1/10000th of a degree (about 11 m): the precision of the ONS unit postcode
// files, and what the bundle stores.
double quantise(double v) {
    return static_cast<double>(std::llround(v * 1e4)) / 1e4;
}

} // namespace

std::string_view cqc_role_key(CqcRole r) {
    switch (r) {
    case CqcRole::Directory:
        return "directory";
    case CqcRole::Locations:
        return "locations";
    case CqcRole::Auto:
        break;
    }
    return "auto";
}

const CqcColumns& default_cqc_columns() {
    static const CqcColumns c = [] {
        CqcColumns out;
        for (const auto& [field, names] : default_alias_table())
            out.aliases[field] = names;
        return out;
    }();
    return c;
}

bool add_cqc_column_aliases(CqcColumns& columns, std::string_view json_text, std::string* error) {
    const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (j.is_discarded() || !j.is_object())
        return fail("The column names file is not a JSON object such as {\"postcode\": [\"New name\"]}.");
    for (const auto& [field, names] : j.items()) {
        if (!columns.aliases.count(field))
            return fail("The column names file names an unknown field \"" + field + "\".");
        if (!names.is_array()) return fail("The column names for \"" + field + "\" must be a list of names.");
        for (const auto& n : names) {
            if (!n.is_string()) return fail("The column names for \"" + field + "\" must be text.");
            columns.aliases[field].push_back(n.get<std::string>());
        }
    }
    return true;
}

std::string parse_cqc_date(std::string_view text, DateOrder order) {
    const std::string s = trim(text);
    if (s.empty()) return {};
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && is_digits(s.substr(0, 4)) &&
        is_digits(s.substr(5, 2)) && is_digits(s.substr(8, 2)))
        return iso_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)));
    return date_from_tokens(tokens(s), 0, order);
}

DateOrder detect_date_order(const std::vector<std::string>& values) {
    int day_first = 0, month_first = 0;
    for (const auto& v : values) {
        const auto t = tokens(v);
        if (t.size() < 3 || !is_digits(t[0]) || !is_digits(t[1]) || t[0].size() > 2 || t[1].size() > 2)
            continue;
        if (to_int(t[0]) > 12) ++day_first;
        if (to_int(t[1]) > 12) ++month_first;
    }
    return month_first > 0 && day_first == 0 ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

std::string find_date_in_text(std::string_view text) {
    const auto t = tokens(text);
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        const bool word_date = is_digits(t[i]) && t[i].size() <= 2 && month_of(t[i + 1]);
        const bool iso = is_digits(t[i]) && t[i].size() == 4;
        if (!word_date && !iso) continue;
        if (auto d = date_from_tokens(t, i, DateOrder::DayFirst); !d.empty()) return d;
    }
    return {};
}

Needs need_of_term(std::string_view term, bool* known) {
    const std::string k = header_key(term);
    for (const auto& t : kNeedTerms)
        if (t.key == k) {
            if (known) *known = true;
            return t.flags;
        }
    if (known) *known = false;
    return 0;
}

ServiceTypes service_of_term(std::string_view term) {
    const std::string k = header_key(term);
    for (const auto& t : kServiceTerms)
        if (t.key == k) return t.flags;
    return 0;
}

std::vector<std::string> split_cqc_list(std::string_view cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= cell.size(); ++i) {
        if (i == cell.size() || cell[i] == '|' || cell[i] == ';') {
            std::string part = tidy(cell.substr(start, i - start));
            if (!part.empty()) out.push_back(std::move(part));
            start = i + 1;
        }
    }
    return out;
}

CqcImport import_cqc(const std::vector<CqcInput>& inputs, const Geography& geo, const CqcColumns& columns) {
    CqcImport out;
    Collector col{out};
    std::vector<FileRead> reads(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (!read_file(inputs[i], static_cast<int>(i), columns, out, col, reads[i])) {
            const std::string error = out.error;
            out = CqcImport{};
            out.error = error;
            return out;
        }

    // Join within each edition, newest edition first.
    struct Candidate {
        const Row* loc = nullptr;
        const Row* dir = nullptr;
    };
    std::map<std::string, std::vector<std::size_t>, std::greater<>> editions;
    for (std::size_t i = 0; i < reads.size(); ++i)
        editions[reads[i].edition].push_back(i);
    if (!editions.empty()) out.newest_edition = editions.begin()->first;

    std::unordered_map<std::string, std::string> taken; // id -> edition that supplied it
    std::vector<int> used_per_file(inputs.size(), 0);
    std::vector<Provider> kept;
    auto file_name = [&](const Row& r) { return inputs[static_cast<std::size_t>(r.file)].name; };
    for (const auto& [edition, files] : editions) {
        std::vector<std::string> order; // ids in first-seen order, for a stable result
        std::unordered_map<std::string, Candidate> by_id;
        for (const CqcRole role : {CqcRole::Locations, CqcRole::Directory})
            for (std::size_t fi : files) {
                if (reads[fi].role != role) continue;
                for (const Row& r : reads[fi].rows) {
                    auto [it, fresh] = by_id.try_emplace(r.p.location_id);
                    if (fresh) order.push_back(r.p.location_id);
                    const Row*& slot = role == CqcRole::Locations ? it->second.loc : it->second.dir;
                    if (slot) {
                        col.exclude(file_name(r), r.line, r.p.location_id, "duplicate_id",
                                    "The location id " + r.p.location_id + " is also in " + file_name(*slot) +
                                        " (line " + std::to_string(slot->line) + "); this row was not used.");
                        continue;
                    }
                    slot = &r;
                }
            }
        for (const std::string& id : order) {
            const Candidate& c = by_id[id];
            std::vector<const Row*> rows;
            if (c.loc) rows.push_back(c.loc);
            if (c.dir) rows.push_back(c.dir);
            if (const auto t = taken.find(id); t != taken.end()) {
                for (const Row* r : rows)
                    col.exclude(file_name(*r), r->line, id, "superseded",
                                "A newer CQC edition (" + t->second +
                                    ") has this location; this older row was "
                                    "not used.");
                continue;
            }
            taken.emplace(id, edition);
            if (c.loc && c.loc->dormant) {
                ++out.dormant_dropped;
                for (const Row* r : rows)
                    col.exclude(file_name(*r), r->line, id, "dormant",
                                "CQC marks this location as dormant (registered but not providing care).");
                continue;
            }
            Provider p = combine(c.loc ? &c.loc->p : nullptr, c.dir ? &c.dir->p : nullptr);
            if (!(p.service_types & ServiceHomecare)) {
                for (const Row* r : rows)
                    col.exclude(file_name(*r), r->line, id, "not_home_care",
                                "Not registered for home care (domiciliary care), so not included.");
                continue;
            }
            for (const Row* r : rows) {
                ++used_per_file[static_cast<std::size_t>(r->file)];
                for (const RowIssue& note : r->notes)
                    col.warn(note.file, note.line, note.location_id, note.reason_key, note.reason);
            }
            out.rows_used += static_cast<int>(rows.size());

            // Postcode and place.
            const Row& first = *rows.front();
            const std::string given = p.postcode;
            const PostcodeParse pp = parse_postcode(given);
            if (given.empty()) {
                col.warn(file_name(first), first.line, id, "postcode_missing",
                         "No postcode, so this agency cannot be placed on the map.");
            } else if (!pp.ok) {
                col.warn(file_name(first), first.line, id, "postcode_invalid",
                         "The postcode \"" + given +
                             "\" is not a UK postcode, so this agency cannot be placed on "
                             "the map.");
            } else {
                p.postcode = pp.postcode.normalised;
                std::optional<LatLng> at;
                bool unit_missing = false; // a full postcode absent from a loaded unit list
                if (pp.postcode.kind == PostcodeKind::Unit) {
                    at = geo.unit(pp.postcode.unit);
                    if (at)
                        p.precision = GeoPrecision::Unit;
                    else
                        unit_missing = geo.has_unit_pack(pp.postcode.area);
                }
                if (!at && !pp.postcode.sector.empty())
                    if (const Sector* s = geo.sector(pp.postcode.sector)) {
                        at = s->centre;
                        p.precision = GeoPrecision::Sector;
                    }
                if (!at)
                    if (const District* d = geo.district(pp.postcode.district)) {
                        at = d->centre;
                        p.precision = GeoPrecision::District;
                    }
                if (at) {
                    p.location = {quantise(at->lat), quantise(at->lng)};
                    if (unit_missing)
                        col.warn(file_name(first), first.line, id, "postcode_not_in_list",
                                 "The postcode " + p.postcode +
                                     " is not in the ONS list (new or ended?); placed at "
                                     "the middle of its " +
                                     (p.precision == GeoPrecision::Sector ? "sector" : "district") +
                                     " instead.");
                } else {
                    p.precision = GeoPrecision::None;
                    col.warn(file_name(first), first.line, id, "postcode_unknown",
                             "The postcode " + p.postcode +
                                 " is not in the postcode lists, so this agency cannot "
                                 "be placed on the map.");
                }
            }
            ++out.by_precision[static_cast<std::size_t>(p.precision)];
            kept.push_back(std::move(p));
        }
    }
    for (std::size_t i = 0; i < out.files.size(); ++i)
        out.files[i].rows_used = used_per_file[i];

    std::sort(kept.begin(), kept.end(), [](const Provider& a, const Provider& b) {
        const std::string la = lower(a.name), lb = lower(b.name);
        if (la != lb) return la < lb;
        return a.location_id < b.location_id;
    });
    out.providers = std::move(kept);
    std::stable_sort(out.excluded.begin(), out.excluded.end(), [](const RowIssue& a, const RowIssue& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    std::stable_sort(out.warnings.begin(), out.warnings.end(), [](const RowIssue& a, const RowIssue& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    out.ok = true;
    return out;
}

} // namespace hcf::core
