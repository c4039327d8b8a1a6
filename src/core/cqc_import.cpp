// homecare-finder core: CQC register files -> Provider records (columns by name, join, filter, geocode).
// Depends on: core/cqc_import.h, core/cqc_columns.h, core/cqc_dates.h, core/csv.h, core/jsonl_table.h,
//             core/geography.h, core/postcode.h, core/ascii.h, core/model.h, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/cqc_import.h"

#include "core/ascii.h"
#include "core/jsonl_table.h"
#include "core/postcode.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace hcf::core {
namespace {

// Column headings of the one-hot CQC columns: "Service type - X" and "Service user band - X".
constexpr std::string_view kServicePrefixKey = "servicetype";
constexpr std::string_view kBandPrefixKey = "serviceuserband";

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
    const std::optional<Rating> r = parse_rating(text);
    *recognised = r || is_known_not_rated(text);
    return r.value_or(Rating::NotRated);
}

std::string strip_suffix_ci(std::string s, std::string_view suffix) {
    if (s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == ascii_lower(suffix)) {
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
        if (!*jsonl_) return;
        for (const auto& names : must_have)
            if ((*jsonl_)->columns.find_any(names) < 0) {
                jsonl_ = Expected<CsvTable>(Error{missing_column_message(in.name, names), ""});
                return;
            }
    }
    // Fine so far, or why the file cannot be used (as CsvTableReader::status).
    Expected<void> status() const {
        if (csv_) return csv_->status();
        if (!*jsonl_) return jsonl_->failure();
        return {};
    }
    bool json_lines() const { return !csv_; }
    const std::vector<std::string>& header() const { return csv_ ? csv_->header() : (*jsonl_)->header; }
    const ColumnIndex& columns() const { return csv_ ? csv_->columns() : (*jsonl_)->columns; }
    int header_line() const { return csv_ ? csv_->header_line() : 0; }
    int preamble_rows() const { return csv_ ? csv_->preamble_rows() : 0; }
    bool converted_from_cp1252() const { return csv_ && csv_->converted_from_cp1252(); }
    bool next(CsvRecord& r) {
        if (csv_) return csv_->next(r);
        if (!*jsonl_ || row_ >= (*jsonl_)->rows.size()) return false;
        r = (*jsonl_)->rows[row_++];
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
    std::optional<Expected<CsvTable>> jsonl_;
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

// Reads one file's rows. An Error (naming the file and the line or column) when it cannot be used at all.
Expected<void> read_file(const CqcInput& in, int file_index, const CqcColumns& columns, CqcImport& out,
                         Collector& col, FileRead& fr) {
    auto aliases = [&](const std::string& field) -> const std::vector<std::string>& {
        static const std::vector<std::string> none;
        const auto it = columns.aliases.find(field);
        return it == columns.aliases.end() ? none : it->second;
    };
    // Rows are streamed (twice): a national CQC file has tens of thousands of rows of 100+ columns.
    const std::vector<std::vector<std::string>> must_have = {aliases("location_id"), aliases("name")};
    RowSource t(in, must_have);
    if (auto status = t.status(); !status) return status;
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
        const std::string term(trim(h.substr(dash + 1)));
        if (left == kServicePrefixKey)
            onehot_services.emplace_back(static_cast<int>(c), term);
        else if (left == kBandPrefixKey)
            onehot_bands.emplace_back(static_cast<int>(c), term);
    }
    if (idx["postcode"] < 0) return Error{missing_column_message(in.name, aliases("postcode")), ""};
    if (idx["service_types"] < 0 && onehot_services.empty()) {
        auto names = aliases("service_types");
        names.emplace_back("Service type - Domiciliary care service");
        return Error{missing_column_message(in.name, names), ""};
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
                if (auto d = parse_cqc_date(csv_field(r, idx["data_date"]))) ++data_dates[*d];
            if (idx["rating_date"] >= 0) rating_dates.push_back(csv_field(r, idx["rating_date"]));
            if (idx["registered_date"] >= 0) registered_dates.push_back(csv_field(r, idx["registered_date"]));
        }
        if (auto status = scan.status(); !status) return status;
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
        fr.edition = parse_cqc_date(in.edition).value_or("");
        if (fr.edition.empty())
            return Error{
                in.name + ": the edition date \"" + in.edition + "\" is not a date (use YYYY-MM-DD).", ""};
    }
    if (fr.edition.empty()) {
        int best = 0;
        for (const auto& [d, n] : data_dates)
            if (n > best) {
                best = n;
                fr.edition = d;
            }
    }
    if (fr.edition.empty()) fr.edition = find_date_in_text(in.name).value_or("");
    if (fr.edition.empty() && t.preamble_rows() > 0) {
        // The title lines above the header, e.g. "Data as at 01 September 2026".
        std::size_t pos = 0;
        for (int l = 1; l < t.header_line() && pos < in.text.size(); ++l) {
            const auto e = in.text.find('\n', pos);
            const std::string line =
                in.text.substr(pos, e == std::string::npos ? std::string::npos : e - pos);
            if (fr.edition.empty()) fr.edition = find_date_in_text(line).value_or("");
            if (e == std::string::npos) break;
            pos = e + 1;
        }
    }
    if (fr.edition.empty())
        return Error{in.name +
                         ": could not tell which CQC edition (date) this file is. Give the date, for example "
                         "--edition 2026-09-01, or keep CQC's file name (it starts with the date).",
                     ""};

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
        const std::string id = collapse_spaces(f("location_id"));
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
        p.name = collapse_spaces(f("name"));
        if (p.name.empty()) {
            col.exclude(in.name, rec.line, id, "missing_name", "This row has no name.");
            continue;
        }
        p.provider_id = collapse_spaces(f("provider_id"));
        p.provider_name = collapse_spaces(f("provider_name"));
        p.brand = collapse_spaces(f("brand"));
        if (ascii_lower(p.brand).rfind("brand ", 0) == 0) p.brand = trim(p.brand.substr(6));
        if (p.brand == "-") p.brand.clear();
        if (idx["address"] >= 0) {
            p.address = collapse_spaces(f("address"));
        } else {
            const std::string street = collapse_spaces(f("address_street"));
            for (const char* part : {"address_street", "address_line2", "address_city", "address_county"}) {
                const std::string v = collapse_spaces(f(part));
                if (v.empty() || (part == std::string_view("address_line2") && !adds_to(v, street))) continue;
                if (!p.address.empty()) p.address += ", ";
                p.address += v;
            }
        }
        p.postcode = collapse_spaces(f("postcode"));
        p.phone = collapse_spaces(f("phone"));
        if (all_ascii_digits(p.phone) && p.phone.size() == 10 && p.phone[0] != '0') {
            // A spreadsheet stored the number as a number and dropped the leading 0.
            p.phone = "0" + p.phone;
            row.notes.push_back(RowIssue{
                in.name, rec.line, id, "phone_leading_zero_added",
                "The phone number had lost its leading 0 (a spreadsheet treated it as a number); it was put "
                "back."});
        }
        p.website = collapse_spaces(f("website"));
        p.local_authority = collapse_spaces(f("local_authority"));
        p.region = strip_suffix_ci(collapse_spaces(f("region")), "(ADASS Region)");
        p.ownership = collapse_spaces(f("ownership"));
        const std::string url = collapse_spaces(f("cqc_url"));
        p.cqc_url =
            url.rfind("https://www.cqc.org.uk/", 0) == 0 ? url : "https://www.cqc.org.uk/location/" + id;

        // Service types and specialisms: list cells, or one-hot Y columns.
        std::vector<std::string> services = split_cqc_list(f("service_types"));
        for (const auto& [c, term] : onehot_services)
            if (ascii_lower(csv_field(rec, c)) == "y") services.push_back(term);
        for (const auto& s : services)
            p.service_types |= service_of_term(s);
        std::vector<std::string> terms = split_cqc_list(f("specialisms"));
        for (const auto& [c, term] : onehot_bands)
            if (ascii_lower(csv_field(rec, c)) == "y") terms.push_back(term);
        for (const auto& term : terms) {
            if (const std::optional<Needs> needs = need_of_term(term))
                p.needs |= *needs;
            else
                ++out.unmapped_terms[term];
            p.specialisms.push_back(term);
        }

        if (fr.role == CqcRole::Locations) {
            p.rating_in_data = idx["overall_rating"] >= 0;
            p.rating_text = collapse_spaces(f("overall_rating"));
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
            p.rating_date = parse_cqc_date(rd, rating_order).value_or("");
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
            row.dormant = ascii_lower(f("dormant")) == "y";
        }
        const std::string inspected = f("last_inspected");
        p.last_inspected = parse_cqc_date(inspected).value_or("");
        if (!inspected.empty() && p.last_inspected.empty())
            row.notes.push_back(
                RowIssue{in.name, rec.line, id, "date_unrecognised",
                         "The inspection date \"" + inspected + "\" is not a date; it was left out."});
        const std::string reg = f("registered_date");
        p.registered_date = parse_cqc_date(reg, reg_order).value_or("");
        if (!reg.empty() && p.registered_date.empty())
            row.notes.push_back(
                RowIssue{in.name, rec.line, id, "date_unrecognised",
                         "The registration date \"" + reg + "\" is not a date; it was left out."});
        p.source = source;
        p.data_date = fr.edition;
        fr.rows.push_back(std::move(row));
    }
    return t.status(); // an Error cannot happen after the first pass; kept so no row is ever silently lost
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

Expected<CqcImport> import_cqc(const std::vector<CqcInput>& inputs, const Geography& geo,
                               const CqcColumns& columns) {
    CqcImport out;
    Collector col{out};
    std::vector<FileRead> reads(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (auto read = read_file(inputs[i], static_cast<int>(i), columns, out, col, reads[i]); !read)
            return read.failure();

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
                        unit_missing = geo.has_units_of(pp.postcode.district);
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
        const std::string la = ascii_lower(a.name), lb = ascii_lower(b.name);
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
    return out;
}

} // namespace hcf::core
