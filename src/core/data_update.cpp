// homecare-finder core: the owner's "Update the data" in the browser, in steps (see data_update.h).
// Depends on: core/data_update.h, core/dataset_compiler.h, core/cqc_import.h, core/csv.h, core/jsonl_table.h,
//             core/postcode.h, core/text_format.h.
// SPDX-License-Identifier: MIT
#include "core/data_update.h"

#include "core/csv.h"
#include "core/dataset_compiler.h"
#include "core/jsonl_table.h"
#include "core/postcode.h"
#include "core/reference.h"
#include "core/text_format.h"

#include <algorithm>
#include <map>
#include <set>

namespace hcf::core {

namespace {

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

// The server's postcode files as the manifest lists them, and the areas they cover.
std::vector<ManifestFile> postcode_files(const Manifest& m) {
    std::vector<ManifestFile> out;
    for (const auto& f : m.files)
        if (data_file_kind(f.name) == DataFileKind::Postcodes) out.push_back(f);
    return out;
}

std::vector<std::string> areas_of(const std::vector<ManifestFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files)
        out.push_back(data_file_stem(f.name));
    std::sort(out.begin(), out.end());
    return out;
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

Expected<CqcFileKind> recognise_cqc_file(std::string_view name, std::string_view bytes,
                                         const CqcColumns& columns) {
    if (looks_like_json_lines(bytes)) { // CareGist's copy: one JSON object a line, fields found by name
        const Expected<CsvTable> t = read_jsonl_table(bytes, name);
        if (!t) return t.failure();
        if (t->columns.find_any(aliases(columns, "location_id")) < 0 ||
            t->columns.find_any(aliases(columns, "name")) < 0)
            return Error{std::string(name) + " is not one of the CQC files this service can read.", ""};
        return CqcFileKind::CareGistCopy;
    }
    CsvTableReader t(bytes, name, {aliases(columns, "location_id"), aliases(columns, "name")});
    if (!t.status()) {
        const std::string& e = t.status().error();
        // Damaged text keeps the native tool's message (it names the file, and the line where it can).
        if (contains(e, ", line ") || contains(e, " is a spreadsheet") ||
            contains(e, " is saved as UTF-16") || contains(e, " is empty."))
            return t.status().failure();
        return Error{std::string(name) +
                         " is not one of the CQC files this service can read. Choose the CQC care directory "
                         "(a CSV file) or the HSCA Active Locations spreadsheet saved as \"CSV UTF-8\".",
                     ""};
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
        return CqcFileKind::Normalised;
    if (one_hot || dormant) return CqcFileKind::ActiveLocations;
    return CqcFileKind::CareDirectory;
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

DataUpdate::DataUpdate(std::vector<DataFile> files, const Bundle& current, const Manifest& current_manifest,
                       std::string today)
    : files_(std::move(files)), reference_(std::make_unique<Bundle>(current)), manifest_(current_manifest),
      today_(std::move(today)) {
    if (files_.empty()) fail("No files were chosen.");
}

DataUpdate::~DataUpdate() = default;

void DataUpdate::fail(std::string message) {
    stage_ = UpdateStage::Failed;
    failure_ = Error{for_the_browser(std::move(message)), ""};
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
                const DataFile& f = files_[next_file_];
                const Expected<CqcFileKind> kind = recognise_cqc_file(f.name, f.bytes);
                if (!kind) return fail(kind.error());
                for (std::size_t i = 0; i < next_file_; ++i)
                    if (files_[i].name == f.name)
                        return fail(f.name + " was chosen twice. Choose each file once.");
                kinds_.push_back(*kind);
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
    const Expected<CqcImport> imported = import_cqc(inputs, reference_->geography);
    for (std::size_t i = 0; i < files_.size(); ++i)
        files_[i].bytes = std::move(inputs[i].text);
    if (!imported) return fail(imported.error());
    const CqcImport& report = *imported;
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
        if (fresh) {
            const std::string* c = upper_tier_for_name(reference_->lads, p.local_authority);
            it->second = c ? *c : std::string();
        }
        if (english.count(it->second)) covered.insert(it->second);
    }
    national_ = !english.empty() && covered.size() * 10 >= english.size() * 9;

    // Postcode districts whose unit postcodes would place the agencies exactly, in areas the server has
    // (it serves them a district at a time: postcodes/B13.txt).
    const std::vector<std::string> kept = areas_of(postcode_files(manifest_));
    std::set<std::string> wanted;
    for (const auto& p : report.providers) {
        const PostcodeParse pp = parse_postcode(p.postcode);
        if (!pp.ok || pp.postcode.kind != PostcodeKind::Unit) continue;
        if (reference_->geography.has_units_of(pp.postcode.district)) continue;
        if (reference_->geography.district(pp.postcode.district) == nullptr) continue;
        if (std::binary_search(kept.begin(), kept.end(), pp.postcode.area))
            wanted.insert(pp.postcode.district);
    }
    for (const auto& d : wanted) {
        districts_.push_back(d);
        pending_.push_back(unit_file_name(d));
        requests_.push_back(unit_file_name(d));
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
    // A damaged file places that district's agencies by sector, as a missing one does.
    if (!reference_->geography.add_unit_pack(data_file_stem(name), bytes))
        missing_.push_back(data_file_stem(name));
}

void DataUpdate::receive_error(std::string_view name, std::string_view) {
    const auto it = std::find(pending_.begin(), pending_.end(), name);
    if (it == pending_.end() || stage_ != UpdateStage::Fetching) return;
    pending_.erase(it);
    missing_.push_back(data_file_stem(name));
}

void DataUpdate::build() {
    const std::vector<ManifestFile> kept = postcode_files(manifest_);
    std::vector<std::string> names;
    for (const auto& f : files_)
        names.push_back(f.name);

    CompileInputs in;
    // Sources: everything but CQC's stays as it was; the chosen files are the one CQC source now.
    SourceInfo cqc = cqc_register_source(national_);
    cqc.id = "cqc_updated";
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
    in.dropped_areas = manifest_.postcodes.areas_left_out;
    in.reference = std::move(*reference_); // its unit packs place the agencies; none is written out
    reference_.reset();

    Expected<CompiledDataset> r = compile_dataset(std::move(in));
    if (!r) return fail(r.error());

    // The postcode files are the server's, unchanged: the bundle and manifest list them as before.
    CompiledDataset& d = *r;
    d.bundle.info.unit_areas = areas_of(kept);
    d.manifest.postcodes.unit_postcode_areas = d.bundle.info.unit_areas;
    d.manifest.files = kept;
    d.manifest.updated_in_browser = {true, today_, names};
    UpdateResult out;
    out.files = write_dataset(d);
    // manifest.json first, as the platform keeps the files together.
    std::rotate(out.files.begin(), out.files.end() - 1, out.files.end());

    const DatasetInfo& info = d.bundle.info;
    out.cqc_edition = info.cqc_edition;
    out.dataset_version = info.dataset_version;
    out.agencies = info.agencies;
    out.placed = info.placed;
    out.rows_in = d.report.rows_in;
    out.rows_not_used = static_cast<int>(d.report.excluded.size());
    out.national = national_;
    out.summary = "Updated to CQC data of " + date_words(out.cqc_edition) + ": " +
                  agencies_words(static_cast<std::uint64_t>(out.agencies)) + ".";
    result_ = std::move(out);
    stage_ = UpdateStage::Saving;
}

void DataUpdate::saved(const Expected<void>& answer) {
    if (stage_ != UpdateStage::Saving) return;
    if (!answer) {
        fail("The new data could not be kept in this browser (" + answer.error() +
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
        p.of = static_cast<int>(districts_.size());
        p.done = p.of - static_cast<int>(pending_.size());
        p.words = "Step 2 of 4: fetching postcodes, district " + std::to_string(std::min(p.done + 1, p.of)) +
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
        p.words = failure_.message;
        break;
    }
    p.fraction = update_fraction(stage_, p.done, p.of);
    return p;
}

} // namespace hcf::core
