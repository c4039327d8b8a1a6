// homecare-finder tool hcf-dataset: builds assets/data/ (bundle, details, postcodes, manifest) from
// assets/sources/ and, optionally, official CQC CSV files given on the command line.
// Depends on: core/dataset_compiler.h, core/reference.h, core/manifest.h, core/csv.h, nlohmann/json,
//             the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Usage: hcf-dataset [--sources DIR] [--out DIR] [--directory FILE]... [--locations FILE]...
//                    [--edition YYYY-MM-DD] [--partial] [--keep-bundled-cqc] [--columns FILE]
//                    [--report FILE] [--quiet]
// Everything is built in memory first; the output folder is replaced only when all of it succeeded
// (written to a temporary folder next to it, then renamed), so a bad input never leaves a partial set.
#include "core/csv.h"
#include "core/dataset_compiler.h"
#include "core/manifest.h"
#include "core/reference.h"
#include "tools/file_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;
using hcf::core::CqcRole;
using nlohmann::json;

namespace {

constexpr const char* kUsage =
    "Usage: hcf-dataset [options]\n"
    "Builds the app's data files from the sources.\n"
    "  --sources DIR        the sources folder (default assets/sources; reads DIR/sources.json)\n"
    "  --out DIR            where to write (default assets/data); replaced only when the build succeeds\n"
    "  --directory FILE     a CQC care directory CSV (\"..._CQC_directory.csv\"); may be repeated\n"
    "  --locations FILE     CQC HSCA Active Locations (\"Care directory with filters\") saved as CSV;\n"
    "                       may be repeated\n"
    "  --edition DATE       the CQC edition date (YYYY-MM-DD) of the files given, if their names do not\n"
    "                       start with it\n"
    "  --partial            the files given are not CQC's full national register\n"
    "  --keep-bundled-cqc   also keep the CQC files listed in sources.json (by default files given on the\n"
    "                       command line replace them; the newest edition wins for each agency)\n"
    "  --columns FILE       extra column names as JSON, e.g. {\"postcode\": [\"New heading\"]}\n"
    "  --report FILE        write every row not used, and every warning, to FILE (CSV)\n"
    "  --check              only check the files already in --out: sizes and SHA-256 against the manifest,\n"
    "                       and that the bundle, every details file and every postcode file load\n"
    "  --quiet              print only errors\n";

bool read_file(const fs::path& p, std::string* out, std::string* error) {
    if (hcf::tools::read_whole_file(p, out)) return true;
    *error = "Cannot open " + p.string() + ".";
    return false;
}

bool write_file(const fs::path& p, const std::string& bytes, std::string* error) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
        *error = "Cannot write " + p.string() + ".";
        return false;
    }
    return true;
}

std::string str(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

int fail(const std::string& message) {
    std::cerr << "hcf-dataset: " << message << "\nNo files were written.\n";
    return 1;
}

// Reads a built data folder back as the app would: every file against the manifest, then the bundle,
// the details packs and the postcode packs through the same loaders. Returns the problems found.
std::vector<std::string> check_output(const fs::path& dir, std::string* summary) {
    std::vector<std::string> problems;
    std::string text, error;
    if (!read_file(dir / "manifest.json", &text, &error)) return {error};
    const hcf::core::Expected<hcf::core::Manifest> read = hcf::core::read_manifest(text);
    if (!read) return {"manifest.json: " + read.error()};
    const hcf::core::Manifest& m = *read;
    std::size_t checked = 0;
    for (const auto& f : m.files) {
        std::string bytes;
        if (!read_file(dir / f.name, &bytes, &error)) {
            problems.push_back(error);
            continue;
        }
        if (const auto ok = hcf::core::verify_file(m, f.name, bytes); !ok) problems.push_back(ok.error());
        ++checked;
    }
    std::string bytes;
    if (!read_file(dir / "bundle.bin", &bytes, &error)) return {error};
    hcf::core::Expected<hcf::core::Bundle> load = hcf::core::load_bundle(bytes);
    if (!load) return {"bundle.bin: " + load.error() + " (" + load.error_detail() + ")"};
    hcf::core::Bundle& bundle = *load;
    if (bundle.info.dataset_version != m.dataset_version)
        problems.push_back("bundle.bin is version " + bundle.info.dataset_version +
                           " but the manifest says " + m.dataset_version + ".");
    for (const auto& area : bundle.info.detail_areas) {
        if (!read_file(dir / hcf::core::details_file_name(area), &bytes, &error)) {
            problems.push_back(error);
            continue;
        }
        if (const auto applied = hcf::core::apply_details(bundle, bytes); !applied)
            problems.push_back(hcf::core::details_file_name(area) + ": " + applied.error());
    }
    std::size_t missing_details = 0;
    for (const auto& p : bundle.providers)
        if (!p.details_loaded) ++missing_details;
    if (missing_details > 0)
        problems.push_back(std::to_string(missing_details) + " agencies have no details file.");
    for (const auto& area : bundle.info.unit_areas) {
        if (!read_file(dir / hcf::core::unit_file_name(area), &bytes, &error)) {
            problems.push_back(error);
            continue;
        }
        if (!bundle.geography.add_unit_pack(area, bytes, &error))
            problems.push_back(hcf::core::unit_file_name(area) + ": " + error);
    }
    *summary = "Checked " + std::to_string(checked) + " files against manifest.json: the bundle loads (" +
               std::to_string(bundle.providers.size()) + " agencies, version " + bundle.info.dataset_version +
               "), with " + std::to_string(bundle.info.detail_areas.size()) + " details files and " +
               std::to_string(bundle.geography.unit_count()) + " unit postcodes in " +
               std::to_string(bundle.info.unit_areas.size()) + " areas.\n";
    return problems;
}

} // namespace

int main(int argc, char** argv) {
    fs::path sources_dir = "assets/sources", out_dir = "assets/data", report_path, columns_path;
    std::vector<std::pair<CqcRole, fs::path>> given;
    std::string edition;
    bool partial = false, keep_bundled = false, quiet = false, check_only = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "hcf-dataset: " << a << " needs a value.\n" << kUsage;
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--sources")
            sources_dir = value();
        else if (a == "--out")
            out_dir = value();
        else if (a == "--directory")
            given.emplace_back(CqcRole::Directory, value());
        else if (a == "--locations")
            given.emplace_back(CqcRole::Locations, value());
        else if (a == "--edition")
            edition = value();
        else if (a == "--partial")
            partial = true;
        else if (a == "--keep-bundled-cqc")
            keep_bundled = true;
        else if (a == "--columns")
            columns_path = value();
        else if (a == "--report")
            report_path = value();
        else if (a == "--quiet")
            quiet = true;
        else if (a == "--check")
            check_only = true;
        else if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        } else {
            std::cerr << "hcf-dataset: unknown option " << a << "\n" << kUsage;
            return 2;
        }
    }

    std::string error, text;
    if (check_only) {
        std::string summary;
        const auto problems = check_output(out_dir, &summary);
        for (const auto& p : problems)
            std::cerr << "hcf-dataset: " << p << "\n";
        if (!problems.empty()) return 1;
        if (!quiet) std::cout << summary;
        return 0;
    }
    if (!read_file(sources_dir / "sources.json", &text, &error)) return fail(error);
    const json cfg = json::parse(text, nullptr, false);
    if (cfg.is_discarded() || !cfg.is_object() || !cfg.contains("reference") || !cfg.contains("cqc") ||
        !cfg.contains("sources"))
        return fail((sources_dir / "sources.json").string() +
                    " is not valid JSON with reference, cqc and sources.");
    const json& ref = cfg["reference"];

    // Reference data.
    hcf::core::ReferenceInputs rin;
    const std::pair<const char*, std::string*> ref_files[] = {
        {"districts", &rin.districts_csv},
        {"sectors", &rin.sectors_csv},
        {"district_to_lad", &rin.district_to_lad_csv},
        {"lad_to_upper_tier", &rin.lad_to_upper_tier_csv},
        {"cost_reference", &rin.cost_reference_csv}};
    for (const auto& [key, dest] : ref_files) {
        const std::string rel = str(ref, key);
        if (rel.empty()) return fail("sources.json: reference." + std::string(key) + " is missing.");
        if (!read_file(sources_dir / rel, dest, &error)) return fail(error);
    }
    if (const std::string rel = str(ref, "council_contacts"); !rel.empty())
        if (!read_file(sources_dir / rel, &rin.council_contacts_csv, &error)) return fail(error);
    if (const std::string rel = str(ref, "council_profiles_dir");
        !rel.empty() && fs::is_directory(sources_dir / rel)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(sources_dir / rel))
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            hcf::core::CouncilProfileText t;
            t.file = f.filename().string();
            if (!read_file(f, &t.json, &error)) return fail(error);
            rin.council_profiles.push_back(std::move(t));
        }
    }
    hcf::core::Expected<hcf::core::ReferenceData> rb = hcf::core::build_reference(rin);
    if (!rb) return fail(rb.error());

    hcf::core::CompileInputs in;
    in.reference = std::move(rb->bundle);
    in.dropped_areas = rb->dropped_areas;
    const std::string units_rel = str(ref, "unit_postcodes_dir");
    for (const auto& area : rb->kept_areas) {
        const fs::path p = sources_dir / units_rel / (area + ".txt");
        if (units_rel.empty() || !fs::exists(p)) continue; // sector/district precision for that area
        hcf::core::UnitPackText u;
        u.area = area;
        if (!read_file(p, &u.text, &error)) return fail(error);
        in.unit_packs.push_back(std::move(u));
    }

    // CQC files: those given on the command line, else (or also) those in sources.json.
    std::vector<std::string> bundled_cqc_ids;
    if (given.empty() || keep_bundled) {
        if (!cfg["cqc"].is_array()) return fail("sources.json: cqc must be a list.");
        for (const auto& c : cfg["cqc"]) {
            hcf::core::CqcSource s;
            const std::string rel = str(c, "file");
            s.input.name = rel;
            if (!read_file(sources_dir / rel, &s.input.text, &error)) return fail(error);
            const std::string role = str(c, "role");
            s.input.role = role == "directory"   ? CqcRole::Directory
                           : role == "locations" ? CqcRole::Locations
                                                 : CqcRole::Auto;
            s.input.edition = str(c, "edition");
            s.input.source_id = str(c, "source");
            bundled_cqc_ids.push_back(s.input.source_id);
            s.national = c.is_object() && c.contains("national") && c["national"].is_boolean() &&
                         c["national"].get<bool>();
            if (c.is_object() && c.contains("complete_for") && c["complete_for"].is_array())
                for (const auto& n : c["complete_for"])
                    if (n.is_string()) s.complete_for.push_back(n.get<std::string>());
            in.cqc.push_back(std::move(s));
        }
    }
    for (const auto& [role, path] : given) {
        hcf::core::CqcSource s;
        s.input.name = path.filename().string();
        if (!read_file(path, &s.input.text, &error)) return fail(error);
        s.input.role = role;
        s.input.edition = edition;
        s.input.source_id = "cqc_official";
        s.national = !partial;
        in.cqc.push_back(std::move(s));
    }

    // Sources for the About screen: reference sources always, bundled CQC sources only if used.
    for (const auto& s : cfg["sources"]) {
        if (str(s, "kind") == "cqc" &&
            std::find(bundled_cqc_ids.begin(), bundled_cqc_ids.end(), str(s, "id")) == bundled_cqc_ids.end())
            continue;
        in.sources.push_back(hcf::core::read_source_info(s.dump()));
    }

    if (!columns_path.empty()) {
        if (!read_file(columns_path, &text, &error)) return fail(error);
        if (!hcf::core::add_cqc_column_aliases(in.columns, text, &error))
            return fail(columns_path.string() + ": " + error);
    }

    if (!given.empty()) {
        // Its edition is left empty here: compile_dataset fills it in from the files' own dates.
        hcf::core::SourceInfo info = hcf::core::cqc_register_source(!partial);
        info.id = "cqc_official";
        info.origin = "Downloaded from https://www.cqc.org.uk/about-us/transparency/using-cqc-data";
        for (const auto& g : given)
            info.files.push_back(g.second.filename().string());
        in.sources.insert(in.sources.begin(), info);
    }
    const hcf::core::Expected<hcf::core::CompiledDataset> r = hcf::core::compile_dataset(std::move(in));
    if (!r) return fail(r.error());
    const std::vector<hcf::core::DataFile> files = hcf::core::write_dataset(*r);

    if (!report_path.empty()) {
        std::string csv = "kind,file,line,location_id,reason_key,reason\n";
        for (const auto& e : r->report.excluded)
            csv += "not_used," + hcf::core::csv_escape(e.file) + "," + std::to_string(e.line) + "," +
                   hcf::core::csv_escape(e.location_id) + "," + e.reason_key + "," +
                   hcf::core::csv_escape(e.reason) + "\n";
        for (const auto& w : r->report.warnings)
            csv += "warning," + hcf::core::csv_escape(w.file) + "," + std::to_string(w.line) + "," +
                   hcf::core::csv_escape(w.location_id) + "," + w.reason_key + "," +
                   hcf::core::csv_escape(w.reason) + "\n";
        if (!write_file(report_path, csv, &error)) return fail(error);
    }

    // Write everything to a temporary folder, then swap it in.
    std::error_code ec;
    const fs::path out_abs = fs::absolute(out_dir);
    const fs::path tmp = out_abs.parent_path() / (out_abs.filename().string() + ".tmp-build");
    const fs::path old = out_abs.parent_path() / (out_abs.filename().string() + ".old-build");
    fs::remove_all(tmp, ec);
    fs::remove_all(old, ec);
    for (const auto& f : files)
        if (!write_file(tmp / f.name, f.bytes, &error)) {
            fs::remove_all(tmp, ec);
            return fail(error);
        }
    if (fs::exists(out_abs)) {
        fs::rename(out_abs, old, ec);
        if (ec) {
            fs::remove_all(tmp, ec);
            return fail("Cannot replace " + out_abs.string() + ": " + ec.message());
        }
    }
    fs::rename(tmp, out_abs, ec);
    if (ec) {
        std::error_code ec2;
        fs::rename(old, out_abs, ec2);
        return fail("Cannot move the new files into " + out_abs.string() + ": " + ec.message());
    }
    fs::remove_all(old, ec);

    if (!quiet)
        std::cout << r->summary << hcf::core::files_summary(files) << "Written to " << out_dir.string()
                  << "\n";
    // Read it all back as the app will.
    std::string summary;
    const auto problems = check_output(out_abs, &summary);
    for (const auto& p : problems)
        std::cerr << "hcf-dataset: check after writing: " << p << "\n";
    if (!problems.empty()) return 1;
    if (!quiet) std::cout << summary;
    return 0;
}
