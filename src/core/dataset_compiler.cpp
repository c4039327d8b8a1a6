// homecare-finder core: the dataset compiler (see dataset_compiler.h).
// Depends on: core/dataset_compiler.h, core/reference.h, core/sha256.h, core/postcode.h, core/text_format.h.
// SPDX-License-Identifier: MIT
#include "core/dataset_compiler.h"

#include "core/postcode.h"
#include "core/reference.h"
#include "core/sha256.h"
#include "core/text_format.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace hcf::core {

namespace {

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

std::string kb(std::size_t bytes) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

// The coverage sentence, from what the sources declare: "This information includes every home care agency CQC
// lists in the 33 London boroughs (CQC register, first half of 2026) and in Birmingham and Solihull (CQC
// register, 1 September 2026). Elsewhere it includes only some agencies, so ..."
std::string coverage_sentence(const DatasetInfo& info, int partial) {
    if (info.covers_all_england)
        return "This information includes every home care agency CQC lists in England.";
    std::vector<std::string> parts;
    for (const SourceInfo& src : info.sources) {
        std::vector<std::string> names;
        for (const CouncilCoverage& c : info.coverage)
            if (c.complete && c.source == src.id) names.push_back(friendly_council_name(c.name));
        if (names.empty()) continue;
        std::sort(names.begin(), names.end());
        const std::string when = !src.edition_words.empty() ? src.edition_words : format_date(src.edition);
        parts.push_back((src.coverage_words.empty() ? join_names(names) : src.coverage_words) +
                        (when.empty() ? "" : " (CQC register, " + when + ")"));
    }
    // Councils declared complete by a source the list does not describe (a file given without a source).
    std::vector<std::string> others;
    for (const CouncilCoverage& c : info.coverage)
        if (c.complete && std::none_of(info.sources.begin(), info.sources.end(),
                                       [&](const SourceInfo& src) { return src.id == c.source; }))
            others.push_back(friendly_council_name(c.name));
    if (!others.empty()) parts.push_back(join_names(others));
    std::string out;
    if (parts.empty()) {
        out = "This information does not include every home care agency for any council area.";
    } else {
        out = "This information includes every home care agency CQC lists in ";
        for (std::size_t i = 0; i < parts.size(); ++i)
            out += (i == 0 ? "" : i + 1 == parts.size() ? " and in " : ", in ") + parts[i];
        out += ".";
    }
    if (partial > 0)
        out += parts.empty()
                   ? " For " + std::to_string(partial) + " council area" + (partial == 1 ? "" : "s") +
                         " it includes only some agencies, so an agency that is not shown may still "
                         "exist: check the CQC website."
                   : " Elsewhere it includes only some agencies, so an agency that is not shown may "
                     "still exist: check the CQC website.";
    return out;
}

// The manifest's record of how the dataset was built (its file list is made by write_dataset).
Manifest manifest_of(const DatasetInfo& info, const CqcImport& report, const std::set<std::string>& unmatched,
                     const std::vector<std::string>& dropped_areas) {
    Manifest m;
    m.dataset_version = info.dataset_version;
    m.cqc_edition = info.cqc_edition;
    m.sources = info.sources;
    m.attribution = info.attributions;
    for (const auto& f : report.files)
        m.cqc_files.push_back({f.file, f.role, f.edition, f.header_line, f.rows, f.rows_used,
                               f.missing_optional, f.converted_from_cp1252});
    ManifestCounts& c = m.counts;
    c.rows_in = report.rows_in;
    c.rows_used = report.rows_used;
    c.rows_excluded = static_cast<int>(report.excluded.size());
    c.excluded_by_reason = report.excluded_by_reason;
    c.agencies_out = static_cast<int>(report.providers.size());
    c.dormant_agencies_dropped = report.dormant_dropped;
    c.warnings_by_reason = report.warnings_by_reason;
    c.placed_by_unit_postcode = report.by_precision[3];
    c.placed_by_postcode_sector = report.by_precision[2];
    c.placed_by_postcode_district = report.by_precision[1];
    c.not_placed = report.by_precision[0];
    c.wording_without_a_search_filter = report.unmapped_terms;
    // Every excluded row except the expected bulk (other services, dormant, superseded), which are counted.
    for (const auto& e : report.excluded) {
        if (e.reason_key == "not_home_care" || e.reason_key == "dormant" || e.reason_key == "superseded")
            continue;
        if (m.excluded_rows.size() >= 1000) {
            ++m.excluded_rows_not_listed;
            continue;
        }
        m.excluded_rows.push_back({e.file, e.line, e.location_id, e.reason_key, e.reason});
    }
    m.coverage.covers_all_england = info.covers_all_england;
    m.coverage.summary = info.coverage_summary;
    m.coverage.councils = info.coverage;
    for (const auto& src : info.sources) { // which source declares which councils complete, with its date
        std::vector<std::string> names;
        for (const auto& cc : info.coverage)
            if (cc.complete && cc.source == src.id) names.push_back(cc.name);
        if (!names.empty())
            m.coverage.complete_by_source.push_back({src.id, src.edition, src.edition_words, names});
    }
    m.coverage.local_authority_names_not_matched.assign(unmatched.begin(), unmatched.end());
    m.postcodes.unit_postcode_areas = info.unit_areas;
    m.postcodes.areas_left_out = dropped_areas;
    m.postcodes.note =
        "Unit postcodes, districts and sectors are kept for postcode areas with any part in an "
        "English council. Areas wholly in Scotland, Wales or Northern Ireland are left out: CQC "
        "covers England only.";
    return m;
}

// Summary for people (the file sizes follow, from files_summary).
std::string summary_of(const DatasetInfo& info, const CqcImport& report,
                       const std::set<std::string>& unmatched) {
    std::string s;
    s += "CQC edition " + info.cqc_edition + ", dataset version " + info.dataset_version + "\n";
    for (const auto& f : report.files)
        s += "  read " + f.file + " (" + f.role + ", edition " + f.edition + "): " + std::to_string(f.rows) +
             " rows, " + std::to_string(f.rows_used) + " used\n";
    s += "Rows in: " + std::to_string(report.rows_in) + ", used: " + std::to_string(report.rows_used) +
         ", not used: " + std::to_string(report.excluded.size()) + "\n";
    for (const auto& [k, n] : report.excluded_by_reason)
        s += "  " + k + ": " + std::to_string(n) + "\n";
    s += "Dormant agencies dropped: " + std::to_string(report.dormant_dropped) + "\n";
    s += "Agencies out: " + std::to_string(report.providers.size()) + " (placed by full postcode " +
         std::to_string(report.by_precision[3]) + ", by sector " + std::to_string(report.by_precision[2]) +
         ", by district " + std::to_string(report.by_precision[1]) + ", not placed " +
         std::to_string(report.by_precision[0]) + ")\n";
    if (!report.warnings_by_reason.empty()) {
        s += "Warnings (rows used, worth checking):\n";
        for (const auto& [k, n] : report.warnings_by_reason)
            s += "  " + k + ": " + std::to_string(n) + "\n";
    }
    s += "Coverage: " + info.coverage_summary + "\n";
    if (!unmatched.empty()) {
        std::vector<std::string> u(unmatched.begin(), unmatched.end());
        s += "Local authority names not found in the council lookup: " + join_names(u) + "\n";
    }
    return s;
}

} // namespace

Expected<CompiledDataset> compile_dataset(CompileInputs inputs) {
    auto fail = [](const std::string& m) { return Error{m, ""}; };
    try {
        if (inputs.cqc.empty()) return fail("No CQC files were given.");
        Bundle b = std::move(inputs.reference);
        b.providers.clear();
        b.details_applied.clear();

        // Unit postcodes: only for areas whose districts the bundle holds.
        std::set<std::string> areas;
        for (const auto& d : b.geography.districts())
            areas.insert(d.area);
        std::vector<const UnitPackText*> packs;
        for (const auto& u : inputs.unit_packs) {
            if (!areas.count(u.area)) continue;
            if (const Expected<void> added = b.geography.add_unit_pack(u.area, u.text); !added)
                return fail(unit_file_name(u.area) + ": " + added.error());
            packs.push_back(&u);
        }
        std::sort(packs.begin(), packs.end(),
                  [](const UnitPackText* x, const UnitPackText* y) { return x->area < y->area; });

        std::vector<CqcInput> files;
        for (const auto& s : inputs.cqc)
            files.push_back(s.input);
        Expected<CqcImport> imported = import_cqc(files, b.geography, inputs.columns);
        if (!imported) return imported.failure();
        CqcImport& report = *imported;

        // Coverage per upper-tier council.
        std::map<std::string, std::string> ut_names; // code -> name (English upper tiers)
        for (const auto& l : b.lads)
            if (!l.upper_tier_code.empty() && l.upper_tier_code[0] == 'E')
                ut_names[l.upper_tier_code] = l.upper_tier_name;
        std::map<std::string, int> agencies;
        std::set<std::string> unmatched;
        std::unordered_map<std::string, std::string> name_cache;
        for (const auto& p : report.providers) {
            std::string code;
            if (!p.local_authority.empty()) {
                auto [it, fresh] = name_cache.try_emplace(p.local_authority);
                if (fresh) {
                    const std::string* c = upper_tier_for_name(b.lads, p.local_authority);
                    it->second = c ? *c : std::string();
                }
                code = it->second;
                if (code.empty()) unmatched.insert(p.local_authority);
            }
            if (code.empty())
                if (const auto* s = b.geography.councils(outward_code(p.postcode)); s && !s->empty())
                    code = s->front().upper_tier_code;
            if (!code.empty()) ++agencies[code];
        }
        std::map<std::string, std::string> complete; // council code -> source id that declares it complete
        bool national = false;
        std::string national_source;
        for (const auto& s : inputs.cqc) {
            const std::string& source = s.input.source_id.empty() ? s.input.name : s.input.source_id;
            if (s.national && !national) national_source = source;
            national = national || s.national;
            for (const auto& name : s.complete_for) {
                const std::string* found = upper_tier_for_name(b.lads, name);
                const std::string code = found ? *found : std::string();
                if (code.empty())
                    return fail(s.input.name + ": the council \"" + name +
                                "\" it is said to cover completely is not in the council lookup.");
                complete.try_emplace(code, source);
            }
        }
        if (national)
            for (const auto& [code, name] : ut_names)
                complete.try_emplace(code, national_source);

        DatasetInfo& info = b.info;
        info = DatasetInfo{};
        info.cqc_edition = report.newest_edition;
        info.sources = inputs.sources;
        // A CQC source given without an edition takes the newest edition read from its files.
        for (auto& src : info.sources) {
            if (!src.edition.empty()) continue;
            for (std::size_t i = 0; i < inputs.cqc.size() && i < report.files.size(); ++i)
                if (inputs.cqc[i].input.source_id == src.id)
                    src.edition = std::max(src.edition, report.files[i].edition);
        }
        for (const auto& s : info.sources)
            if (!s.attribution.empty() && std::find(info.attributions.begin(), info.attributions.end(),
                                                    s.attribution) == info.attributions.end())
                info.attributions.push_back(s.attribution);
        info.covers_all_england = national;
        int partial = 0;
        for (const auto& [code, name] : ut_names) {
            const int n = agencies.count(code) ? agencies[code] : 0;
            const auto full = complete.find(code);
            if (n == 0 && full == complete.end()) continue;
            info.coverage.push_back({code, name, n, full != complete.end(),
                                     full != complete.end() ? full->second : std::string()});
            if (full == complete.end()) ++partial;
        }
        std::sort(info.coverage.begin(), info.coverage.end(),
                  [](const CouncilCoverage& x, const CouncilCoverage& y) { return x.name < y.name; });
        info.coverage_summary = coverage_sentence(info, partial);
        info.agencies = static_cast<int>(report.providers.size());
        info.placed = info.agencies - report.by_precision[0];
        for (const auto* u : packs)
            info.unit_areas.push_back(u->area);
        std::set<std::string> detail_areas;
        for (const auto& p : report.providers)
            detail_areas.insert(details_area(p));
        info.detail_areas.assign(detail_areas.begin(), detail_areas.end());

        b.providers = report.providers;
        for (auto& p : b.providers)
            p.details_loaded = true;

        // Version: newest edition + hash of the content.
        const std::string draft = serialize_bundle(b);
        info.dataset_version = info.cqc_edition + "." + sha256_hex(draft).substr(0, 8);

        CompiledDataset out;
        out.manifest = manifest_of(info, report, unmatched, inputs.dropped_areas);
        out.summary = summary_of(info, report, unmatched);
        for (const auto* u : packs)
            out.unit_packs.push_back(*u);
        out.unmatched_local_authorities.assign(unmatched.begin(), unmatched.end());
        out.report = std::move(report);
        out.bundle = std::move(b);
        return out;
    } catch (const std::exception& e) {
        return fail(std::string("The data could not be built: ") + e.what());
    }
}

std::vector<DataFile> write_dataset(const CompiledDataset& d) {
    std::vector<DataFile> files;
    files.push_back({"bundle.bin", serialize_bundle(d.bundle)});
    for (const auto& a : d.bundle.info.detail_areas)
        files.push_back({details_file_name(a), serialize_details(d.bundle, a)});
    std::sort(files.begin(), files.end(),
              [](const DataFile& x, const DataFile& y) { return x.name < y.name; });

    // The manifest lists these and the unit postcode files, which are served as the sources hold them.
    std::vector<std::pair<std::string, std::string_view>> listed;
    for (const auto& f : files)
        listed.emplace_back(f.name, f.bytes);
    for (const auto& u : d.unit_packs)
        listed.emplace_back(unit_file_name(u.area), u.text);
    Manifest m = d.manifest;
    std::erase_if(m.files, [&](const ManifestFile& entry) {
        return std::any_of(listed.begin(), listed.end(),
                           [&](const auto& l) { return l.first == entry.name; });
    });
    for (const auto& [name, bytes] : listed)
        m.files.push_back(
            {name, bytes.size(), sha256_hex(bytes), std::string(data_file_kind_key(data_file_kind(name)))});
    std::sort(m.files.begin(), m.files.end(),
              [](const ManifestFile& x, const ManifestFile& y) { return x.name < y.name; });
    files.push_back({"manifest.json", write_manifest(m)});
    return files;
}

std::string files_summary(const CompiledDataset& d, const std::vector<DataFile>& files) {
    std::size_t bundle_bytes = 0, details_bytes = 0, unit_bytes = 0, ndetails = 0;
    for (const auto& f : files) {
        if (data_file_kind(f.name) == DataFileKind::Startup) bundle_bytes = f.bytes.size();
        if (data_file_kind(f.name) == DataFileKind::Details) details_bytes += f.bytes.size(), ++ndetails;
    }
    for (const auto& u : d.unit_packs)
        unit_bytes += u.text.size();
    return "Files: bundle.bin " + kb(bundle_bytes) + ", " + std::to_string(ndetails) + " details files " +
           kb(details_bytes) + ", " + std::to_string(d.unit_packs.size()) + " postcode files " +
           kb(unit_bytes) + "\n";
}

} // namespace hcf::core
