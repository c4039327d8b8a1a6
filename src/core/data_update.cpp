// homecare-finder core: the owner's "Update the data" in the browser, in steps (see data_update.h).
// Depends on: core/data_update.h, core/bundle.h, core/cqc_import.h, core/csv.h, core/postcode.h,
//             core/sha256.h, core/text_format.h, nlohmann/json.
// SPDX-License-Identifier: MIT
#include "core/data_update.h"

#include "core/csv.h"
#include "core/jsonl_table.h"
#include "core/postcode.h"
#include "core/sha256.h"
#include "core/text_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace hcf::core {

namespace {

using nlohmann::json;

const std::string kCqcPublisher = "Care Quality Commission";

const std::vector<std::string>& aliases(const CqcColumns& columns, const std::string& field) {
    static const std::vector<std::string> none;
    const auto it = columns.aliases.find(field);
    return it == columns.aliases.end() ? none : it->second;
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// The native tool's advice about the edition date names its --edition option; in the browser the file
// name is what a person can change.
std::string for_the_browser(std::string message) {
    const std::string cli =
        "Give the date, for example --edition 2026-09-01, or keep CQC's file name (it starts "
        "with the date).";
    if (const auto at = message.find(cli); at != std::string::npos)
        message.replace(at, cli.size(),
                        "Keep the name CQC gave the file: it starts with the date, for example "
                        "01_September_2026_HSCA_Active_Locations.csv.");
    return message;
}

std::string date_words(const std::string& iso) {
    const std::string d = format_date(iso);
    return d.empty() ? iso : d;
}

// The manifest's postcodes/*.txt entries as written, and the areas they cover.
struct KeptPostcodes {
    json entries = json::array();
    std::vector<std::string> areas;
    std::vector<std::string> left_out;
};

KeptPostcodes kept_postcodes(std::string_view manifest_json) {
    KeptPostcodes k;
    const json m = json::parse(manifest_json, nullptr, false);
    if (!m.is_object()) return k;
    if (m.contains("files") && m["files"].is_array())
        for (const auto& f : m["files"]) {
            if (!f.is_object() || !f.contains("name") || !f["name"].is_string()) continue;
            const std::string name = f["name"].get<std::string>();
            if (name.rfind("postcodes/", 0) != 0) continue;
            k.entries.push_back(f);
            std::string area = name.substr(10);
            k.areas.push_back(area.substr(0, area.find('.')));
        }
    if (m.contains("postcodes") && m["postcodes"].is_object() && m["postcodes"].contains("areas_left_out") &&
        m["postcodes"]["areas_left_out"].is_array())
        for (const auto& a : m["postcodes"]["areas_left_out"])
            if (a.is_string()) k.left_out.push_back(a.get<std::string>());
    std::sort(k.areas.begin(), k.areas.end());
    return k;
}

CqcRole role_of(CqcFileKind k) {
    switch (k) {
    case CqcFileKind::ActiveLocations:
    case CqcFileKind::CareGistCopy:
        return CqcRole::Locations;
    case CqcFileKind::CareDirectory:
        return CqcRole::Directory;
    default:
        return CqcRole::Auto;
    }
}

} // namespace

std::string_view cqc_file_kind_words(CqcFileKind k) {
    switch (k) {
    case CqcFileKind::ActiveLocations:
        return "CQC HSCA Active Locations";
    case CqcFileKind::CareDirectory:
        return "CQC care directory";
    case CqcFileKind::Normalised:
        return "CQC list in this service's own layout";
    case CqcFileKind::CareGistCopy:
        return "CareGist's copy of the CQC register";
    case CqcFileKind::Unknown:
        break;
    }
    return "not a CQC file";
}

FileCheck recognise_cqc_file(std::string_view name, std::string_view bytes, const CqcColumns& columns) {
    FileCheck out;
    if (looks_like_json_lines(bytes)) { // CareGist's copy: one JSON object a line, fields found by name
        const CsvTableRead t = read_jsonl_table(bytes, name);
        if (!t.ok) {
            out.error = t.error;
            return out;
        }
        if (t.table.columns.find_any(aliases(columns, "location_id")) < 0 ||
            t.table.columns.find_any(aliases(columns, "name")) < 0) {
            out.error = std::string(name) + " is not one of the CQC files this service can read.";
            return out;
        }
        out.kind = CqcFileKind::CareGistCopy;
        out.ok = true;
        return out;
    }
    CsvTableReader t(bytes, name, {aliases(columns, "location_id"), aliases(columns, "name")});
    if (!t.ok()) {
        const std::string& e = t.error();
        // Damaged text keeps the native tool's message (it names the file, and the line where it can).
        if (contains(e, ", line ") || contains(e, " is a spreadsheet") ||
            contains(e, " is saved as UTF-16") || contains(e, " is empty."))
            out.error = e;
        else
            out.error = std::string(name) +
                        " is not one of the CQC files this service can read. Choose the CQC care directory "
                        "(a CSV file) or the HSCA Active Locations spreadsheet saved as \"CSV UTF-8\".";
        return out;
    }
    const auto& header = t.header();
    const int id_col = t.columns().find_any(aliases(columns, "location_id"));
    bool one_hot = false;
    for (const auto& h : header) {
        const auto dash = h.find('-');
        if (dash != std::string::npos && header_key(h.substr(0, dash)) == "servicetype") one_hot = true;
    }
    const bool dormant = t.columns().find_any(aliases(columns, "dormant")) >= 0;
    if (id_col >= 0 && header[static_cast<std::size_t>(id_col)].find('_') != std::string::npos)
        out.kind = CqcFileKind::Normalised;
    else if (one_hot || dormant)
        out.kind = CqcFileKind::ActiveLocations;
    else
        out.kind = CqcFileKind::CareDirectory;
    out.ok = true;
    return out;
}

std::string agencies_words(int n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return (n < 0 ? "-" : "") + digits + (n == 1 ? " agency" : " agencies");
}

UpdatedInfo updated_info(std::string_view manifest_json) {
    UpdatedInfo u;
    const json m = json::parse(manifest_json, nullptr, false);
    if (!m.is_object() || !m.contains("updated_in_browser") || !m["updated_in_browser"].is_object()) return u;
    const json& j = m["updated_in_browser"];
    u.updated = true;
    if (j.contains("on") && j["on"].is_string()) u.on = j["on"].get<std::string>();
    if (j.contains("files") && j["files"].is_array())
        for (const auto& f : j["files"])
            if (f.is_string()) u.files.push_back(f.get<std::string>());
    return u;
}

double update_fraction(UpdateStage stage, int done, int of) {
    const double part = of > 0 ? std::clamp(static_cast<double>(done) / of, 0.0, 1.0) : 0.0;
    switch (stage) {
    case UpdateStage::Reading:
        return 0.3 * part;
    case UpdateStage::Fetching:
        return 0.3 + 0.3 * part;
    case UpdateStage::Building:
        return 0.6;
    case UpdateStage::Saving:
        return 0.9;
    case UpdateStage::Done:
        return 1.0;
    case UpdateStage::Failed:
        break;
    }
    return 0.0;
}

// ---- DataUpdate ---------------------------------------------------------------------------------------

DataUpdate::DataUpdate(std::vector<PickedFile> files, const Bundle& current,
                       std::string current_manifest_json, std::string today)
    : files_(std::move(files)), reference_(std::make_unique<Bundle>(current)),
      manifest_json_(std::move(current_manifest_json)), today_(std::move(today)) {
    if (files_.empty()) fail("No files were chosen.");
}

DataUpdate::~DataUpdate() = default;

void DataUpdate::fail(std::string message) {
    stage_ = UpdateStage::Failed;
    error_ = for_the_browser(std::move(message));
    reference_.reset();
    files_.clear();
    result_ = UpdateResult{};
}

bool DataUpdate::can_step() const {
    return stage_ == UpdateStage::Reading || stage_ == UpdateStage::Building ||
           (stage_ == UpdateStage::Fetching && pending_.empty());
}

void DataUpdate::step() {
    try {
        if (stage_ == UpdateStage::Reading) {
            if (next_file_ < files_.size()) {
                const PickedFile& f = files_[next_file_];
                const FileCheck c = recognise_cqc_file(f.name, f.bytes);
                if (!c.ok) return fail(c.error);
                for (std::size_t i = 0; i < next_file_; ++i)
                    if (files_[i].name == f.name)
                        return fail(f.name + " was chosen twice. Choose each file once.");
                kinds_.push_back(c.kind);
                ++next_file_;
            } else {
                check_all();
            }
        } else if (stage_ == UpdateStage::Fetching && pending_.empty()) {
            stage_ = UpdateStage::Building;
        } else if (stage_ == UpdateStage::Building) {
            build();
        }
    } catch (const std::exception& e) {
        fail(std::string("The data could not be built: ") + e.what());
    }
}

void DataUpdate::check_all() {
    std::vector<CqcInput> inputs;
    for (std::size_t i = 0; i < files_.size(); ++i) {
        CqcInput in;
        in.name = files_[i].name;
        in.text = std::move(files_[i].bytes); // lent to the check, given back below (CQC's files are large)
        in.role = role_of(kinds_[i]);
        in.source_id = "cqc_updated";
        inputs.push_back(std::move(in));
    }
    const CqcImport report = import_cqc(inputs, reference_->geography);
    for (std::size_t i = 0; i < files_.size(); ++i)
        files_[i].bytes = std::move(inputs[i].text);
    if (!report.ok) return fail(report.error);
    if (report.providers.empty())
        return fail(
            "The files hold no active home care agencies, so the data was not changed. Check that you "
            "chose CQC's files for the whole register.");

    // CQC's full register lists home care agencies in (almost) every council area of England; a file cut
    // down to one region or council does not, and must not be called complete.
    std::set<std::string> english, covered;
    for (const auto& l : reference_->lads)
        if (!l.upper_tier_code.empty() && l.upper_tier_code[0] == 'E') english.insert(l.upper_tier_code);
    std::map<std::string, std::string> cache;
    for (const auto& p : report.providers) {
        auto [it, fresh] = cache.try_emplace(p.local_authority);
        if (fresh) it->second = upper_tier_for_name(reference_->lads, p.local_authority);
        if (english.count(it->second)) covered.insert(it->second);
    }
    national_ = !english.empty() && covered.size() * 10 >= english.size() * 9;

    // Postcode areas whose unit postcodes would place the agencies exactly, that the server has.
    const KeptPostcodes kept = kept_postcodes(manifest_json_);
    std::set<std::string> wanted;
    for (const auto& p : report.providers) {
        const PostcodeParse pp = parse_postcode(p.postcode);
        if (!pp.ok || pp.postcode.kind != PostcodeKind::Unit) continue;
        if (reference_->geography.has_unit_pack(pp.postcode.area)) continue;
        if (std::binary_search(kept.areas.begin(), kept.areas.end(), pp.postcode.area))
            wanted.insert(pp.postcode.area);
    }
    for (const auto& a : wanted) {
        areas_.push_back(a);
        pending_.push_back(unit_file_name(a));
        requests_.push_back(unit_file_name(a));
    }
    stage_ = pending_.empty() ? UpdateStage::Building : UpdateStage::Fetching;
}

std::vector<std::string> DataUpdate::take_file_requests() {
    std::vector<std::string> out;
    out.swap(requests_);
    return out;
}

bool DataUpdate::wants_file(std::string_view name) const {
    return std::find(pending_.begin(), pending_.end(), name) != pending_.end();
}

void DataUpdate::receive_file(std::string_view name, std::string_view bytes) {
    const auto it = std::find(pending_.begin(), pending_.end(), name);
    if (it == pending_.end() || stage_ != UpdateStage::Fetching) return;
    pending_.erase(it);
    std::string area(name.substr(10));
    area = area.substr(0, area.find('.'));
    std::string error;
    // A damaged pack places that area's agencies by sector, as a missing one does.
    if (!reference_->geography.add_unit_pack(area, bytes, &error)) missing_.push_back(area);
}

void DataUpdate::receive_error(std::string_view name, std::string_view) {
    const auto it = std::find(pending_.begin(), pending_.end(), name);
    if (it == pending_.end() || stage_ != UpdateStage::Fetching) return;
    pending_.erase(it);
    std::string area(name.substr(10));
    missing_.push_back(area.substr(0, area.find('.')));
}

void DataUpdate::build() {
    const KeptPostcodes kept = kept_postcodes(manifest_json_);
    std::vector<std::string> names;
    for (const auto& f : files_)
        names.push_back(f.name);

    CompileInputs in;
    // Sources: everything but CQC's stays as it was; the chosen files are the one CQC source now.
    SourceInfo cqc;
    cqc.id = "cqc_updated";
    cqc.title =
        national_ ? "CQC register: every location in England" : "CQC register files (part of England)";
    cqc.publisher = kCqcPublisher;
    cqc.licence = "Open Government Licence v3.0";
    cqc.licence_url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    cqc.attribution = "Contains public sector information licensed under the Open Government Licence v3.0 "
                      "(Care Quality Commission data). The CQC does not endorse this tool.";
    cqc.origin = "Files chosen in the browser on " + today_ +
                 ", downloaded from "
                 "https://www.cqc.org.uk/about-us/transparency/using-cqc-data";
    cqc.note = national_
                   ? "Loaded by the owner of this service with \"Update the data\"."
                   : "Loaded by the owner of this service with \"Update the data\". The files do not list "
                     "home care agencies for most council areas, so they are treated as part of England.";
    cqc.files = names;
    in.sources.push_back(cqc);
    for (const auto& s : reference_->info.sources)
        if (s.publisher != kCqcPublisher) in.sources.push_back(s);
    for (std::size_t i = 0; i < files_.size(); ++i) {
        CqcSource s;
        s.input.name = files_[i].name;
        s.input.text = std::move(files_[i].bytes);
        s.input.role = role_of(kinds_[i]);
        s.input.source_id = "cqc_updated";
        s.national = national_;
        in.cqc.push_back(std::move(s));
    }
    files_.clear();
    in.dropped_areas = kept.left_out;
    in.reference = std::move(*reference_); // its unit packs place the agencies; none is written out
    reference_.reset();

    CompileResult r = compile_dataset(std::move(in));
    if (!r.ok) return fail(r.error);

    // The postcode files are the server's, unchanged: the bundle and manifest list them as before.
    r.bundle.info.unit_areas = kept.areas;
    UpdateResult out;
    out.files.push_back({"bundle.bin", serialize_bundle(r.bundle), "startup"});
    std::string manifest_text;
    for (auto& f : r.files) {
        if (f.kind == "details") out.files.push_back(std::move(f));
        if (f.kind == "manifest") manifest_text = f.bytes;
    }
    json m = json::parse(manifest_text, nullptr, false);
    if (!m.is_object()) return fail("The data could not be built: the new list of files is damaged.");
    json list = kept.entries;
    for (const auto& f : out.files)
        list.push_back(
            {{"name", f.name}, {"bytes", f.bytes.size()}, {"sha256", sha256_hex(f.bytes)}, {"kind", f.kind}});
    std::vector<json> sorted(list.begin(), list.end());
    std::sort(sorted.begin(), sorted.end(), [](const json& x, const json& y) {
        return x["name"].get<std::string>() < y["name"].get<std::string>();
    });
    m["files"] = sorted;
    if (m.contains("postcodes") && m["postcodes"].is_object())
        m["postcodes"]["unit_postcode_areas"] = kept.areas;
    m["updated_in_browser"] = {{"on", today_}, {"files", names}};
    out.files.insert(out.files.begin(), {"manifest.json", m.dump(1) + "\n", "manifest"});

    const DatasetInfo& info = r.bundle.info;
    out.cqc_edition = info.cqc_edition;
    out.dataset_version = info.dataset_version;
    out.agencies = info.agencies;
    out.placed = info.placed;
    out.rows_in = r.report.rows_in;
    out.rows_not_used = static_cast<int>(r.report.excluded.size());
    out.national = national_;
    out.summary =
        "Updated to CQC data of " + date_words(out.cqc_edition) + ": " + agencies_words(out.agencies) + ".";
    result_ = std::move(out);
    stage_ = UpdateStage::Saving;
}

void DataUpdate::saved(bool ok, std::string_view message) {
    if (stage_ != UpdateStage::Saving) return;
    if (!ok) {
        fail("The new data could not be kept in this browser (" + std::string(message) +
             "), so the data was not changed.");
        return;
    }
    stage_ = UpdateStage::Done;
}

UpdateProgress DataUpdate::progress() const {
    UpdateProgress p;
    p.stage = stage_;
    const int n = static_cast<int>(files_.size());
    switch (stage_) {
    case UpdateStage::Reading:
        p.stage_number = 1;
        p.of = n + 1;
        p.done = static_cast<int>(next_file_);
        p.words =
            static_cast<int>(next_file_) < n
                ? "Step 1 of 4: reading file " + std::to_string(next_file_ + 1) + " of " + std::to_string(n)
                : std::string("Step 1 of 4: checking the files");
        break;
    case UpdateStage::Fetching:
        p.stage_number = 2;
        p.of = static_cast<int>(areas_.size());
        p.done = p.of - static_cast<int>(pending_.size());
        p.words = "Step 2 of 4: fetching postcode areas, " + std::to_string(std::min(p.done + 1, p.of)) +
                  " of " + std::to_string(p.of);
        break;
    case UpdateStage::Building:
        p.stage_number = 3;
        p.of = 1;
        p.words = "Step 3 of 4: building the data";
        break;
    case UpdateStage::Saving:
        p.stage_number = 4;
        p.words = "Step 4 of 4: saving the data";
        break;
    case UpdateStage::Done:
        p.stage_number = 4;
        p.words = result_.summary;
        break;
    case UpdateStage::Failed:
        p.stage_number = 0;
        p.words = error_;
        break;
    }
    p.fraction = update_fraction(stage_, p.done, p.of);
    return p;
}

} // namespace hcf::core
