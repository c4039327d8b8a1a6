// homecare-finder tool hcf-dataset: builds assets/data/ (bundle, details, postcodes, manifest) from
// assets/sources/ and, optionally, official CQC CSV files given on the command line.
// Depends on: core/dataset_compiler.h, core/reference.h, core/data_store.h, core/csv.h, tools/cli_args.h,
//             tools/file_io.h, nlohmann/json, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Usage: hcf-dataset [--sources DIR] [--out DIR] [--directory FILE]... [--locations FILE]...
//                    [--edition YYYY-MM-DD] [--partial] [--keep-bundled-cqc] [--columns FILE]
//                    [--report FILE] [--quiet]
// Everything is built in memory first; the output folder is replaced only when all of it succeeded
// (written to a temporary folder next to it, then renamed), so a bad input never leaves a partial set.
// The unit postcode files are listed in the manifest but not copied: they are served from the sources.
#include "core/csv.h"
#include "core/data_store.h"
#include "core/dataset_compiler.h"
#include "core/reference.h"
#include "tools/cli_args.h"
#include "tools/data_folder.h"
#include "tools/file_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;
using namespace hcf::core;
using hcf::tools::read_file;
using hcf::tools::write_file;
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

std::string str(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

int fail(const std::string& message) {
    std::cerr << "hcf-dataset: " << message << "\nNo files were written.\n";
    return 1;
}

struct Options {
    fs::path sources_dir = "assets/sources", out_dir = "assets/data", report_path, columns_path;
    std::vector<std::pair<CqcRole, fs::path>> given; // CQC files named on the command line, in order
    std::string edition;
    bool partial = false, keep_bundled = false, quiet = false, check_only = false, help = false;
};

Options read_options(int argc, char** argv) {
    const hcf::tools::Args args(argc, argv, 1);
    Options o;
    for (const auto& p : args.positional())
        if (p == "-h")
            o.help = true;
        else
            hcf::tools::usage_error("unknown option " + p);
    args.check({"sources", "out", "directory", "locations", "edition", "columns", "report"},
               {"partial", "keep-bundled-cqc", "quiet", "check", "help"}, "");
    if (auto v = args.get("sources")) o.sources_dir = *v;
    if (auto v = args.get("out")) o.out_dir = *v;
    for (const auto& [name, value] : args.in_order()) {
        if (name == "directory") o.given.emplace_back(CqcRole::Directory, *value);
        if (name == "locations") o.given.emplace_back(CqcRole::Locations, *value);
    }
    o.edition = args.get("edition").value_or("");
    if (auto v = args.get("columns")) o.columns_path = *v;
    if (auto v = args.get("report")) o.report_path = *v;
    o.partial = args.has("partial");
    o.keep_bundled = args.has("keep-bundled-cqc");
    o.quiet = args.has("quiet");
    o.check_only = args.has("check");
    o.help = o.help || args.has("help");
    return o;
}

// Reads a built data folder back as the app does: through a DataStore, the manifest, then the bundle, then
// every file the manifest lists (each checked against it and loaded; the unit postcode files from
// postcodes_dir, the sources'). Returns the problems found.
std::vector<std::string> check_output(const fs::path& dir, const fs::path& postcodes_dir,
                                      std::string* summary) {
    std::vector<std::string> problems;
    DataStore store;
    auto give = [&](const std::string& name) {
        const Expected<std::string> bytes = read_file(hcf::tools::data_file_path(dir, name, postcodes_dir));
        if (!bytes) return problems.push_back(bytes.error()), false;
        const Expected<DataStore::Change> r = store.receive(name, *bytes);
        if (!r) return problems.push_back(name + ": " + r.error()), false;
        return true;
    };
    if (!give("manifest.json") || !give("bundle.bin") || !store.ready()) return problems;
    const Manifest& m = *store.manifest();
    const Bundle& bundle = *store.bundle();
    if (bundle.info.dataset_version != m.dataset_version)
        problems.push_back("bundle.bin is version " + bundle.info.dataset_version +
                           " but the manifest says " + m.dataset_version + ".");
    std::size_t checked = 1;
    for (const auto& f : m.files)
        if (f.name != "bundle.bin") checked += give(f.name) ? 1 : 0;
    for (const auto& area : bundle.info.detail_areas)
        if (!bundle.details_applied.count(area))
            problems.push_back(details_file_name(area) + " is not listed.");
    std::size_t missing_details = 0;
    for (const auto& p : bundle.providers)
        if (!p.details_loaded) ++missing_details;
    if (missing_details > 0)
        problems.push_back(std::to_string(missing_details) + " agencies have no details file.");
    std::set<std::string> unit_areas(bundle.info.unit_areas.begin(), bundle.info.unit_areas.end());
    for (const auto& d : bundle.geography.districts())
        if (unit_areas.count(d.area) && d.postcodes > 0 && !bundle.geography.has_units_of(d.code))
            problems.push_back("District " + d.code + " has no unit postcodes in " + unit_file_name(d.area) +
                               ".");
    *summary = "Checked " + std::to_string(checked) + " files against manifest.json: the bundle loads (" +
               std::to_string(bundle.providers.size()) + " agencies, version " + bundle.info.dataset_version +
               "), with " + std::to_string(bundle.info.detail_areas.size()) + " details files and " +
               std::to_string(bundle.geography.unit_count()) + " unit postcodes in " +
               std::to_string(bundle.info.unit_areas.size()) + " areas.\n";
    return problems;
}

// The folder of the unit postcode files under the sources (sources.json reference.unit_postcodes_dir).
std::string unit_postcodes_dir(const fs::path& sources_dir) {
    const Expected<std::string> text = read_file(sources_dir / "sources.json");
    const json cfg = text ? json::parse(*text, nullptr, false) : json();
    const std::string dir =
        cfg.is_object() ? str(cfg.value("reference", json::object()), "unit_postcodes_dir") : "";
    return dir.empty() ? std::string("postcodes") : dir;
}

// Reads the file into *dest; its Error otherwise.
Expected<void> read_into(const fs::path& path, std::string* dest) {
    Expected<std::string> bytes = read_file(path);
    if (!bytes) return bytes.failure();
    *dest = std::move(*bytes);
    return {};
}

// Everything compile_dataset needs, read from the sources folder (sources.json) and the files given.
Expected<CompileInputs> read_inputs(const Options& o) {
    auto fail_with = [](std::string message) { return Error{std::move(message), ""}; };
    std::string text;
    if (auto r = read_into(o.sources_dir / "sources.json", &text); !r) return r.failure();
    const json cfg = json::parse(text, nullptr, false);
    if (cfg.is_discarded() || !cfg.is_object() || !cfg.contains("reference") || !cfg.contains("cqc") ||
        !cfg.contains("sources"))
        return fail_with((o.sources_dir / "sources.json").string() +
                         " is not valid JSON with reference, cqc and sources.");
    const json& ref = cfg["reference"];

    // Reference data.
    ReferenceInputs rin;
    const std::pair<const char*, std::string*> ref_files[] = {
        {"districts", &rin.districts_csv},
        {"sectors", &rin.sectors_csv},
        {"district_to_lad", &rin.district_to_lad_csv},
        {"lad_to_upper_tier", &rin.lad_to_upper_tier_csv},
        {"cost_reference", &rin.cost_reference_csv}};
    for (const auto& [key, dest] : ref_files) {
        const std::string rel = str(ref, key);
        if (rel.empty()) return fail_with("sources.json: reference." + std::string(key) + " is missing.");
        if (auto r = read_into(o.sources_dir / rel, dest); !r) return r.failure();
    }
    if (const std::string rel = str(ref, "council_contacts"); !rel.empty())
        if (auto r = read_into(o.sources_dir / rel, &rin.council_contacts_csv); !r) return r.failure();
    if (const std::string rel = str(ref, "council_profiles_dir");
        !rel.empty() && fs::is_directory(o.sources_dir / rel)) {
        std::vector<fs::path> files;
        std::error_code ec;
        for (fs::directory_iterator it(o.sources_dir / rel, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") files.push_back(it->path());
        if (ec) return fail_with("Cannot read the folder " + (o.sources_dir / rel).string() + ".");
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            CouncilProfileText t;
            t.file = f.filename().string();
            if (auto r = read_into(f, &t.json); !r) return r.failure();
            rin.council_profiles.push_back(std::move(t));
        }
    }
    Expected<ReferenceData> rb = build_reference(rin);
    if (!rb) return rb.failure();

    CompileInputs in;
    in.reference = std::move(rb->bundle);
    in.dropped_areas = rb->dropped_areas;
    const std::string units_rel = str(ref, "unit_postcodes_dir");
    for (const auto& area : rb->kept_areas) {
        const fs::path p = o.sources_dir / units_rel / (area + ".txt");
        std::error_code ec;
        if (units_rel.empty() || !fs::exists(p, ec)) continue; // sector/district precision for that area
        UnitPackText u;
        u.area = area;
        if (auto r = read_into(p, &u.text); !r) return r.failure();
        in.unit_packs.push_back(std::move(u));
    }

    // CQC files: those given on the command line, else (or also) those in sources.json.
    std::vector<std::string> bundled_cqc_ids;
    if (o.given.empty() || o.keep_bundled) {
        if (!cfg["cqc"].is_array()) return fail_with("sources.json: cqc must be a list.");
        for (const auto& c : cfg["cqc"]) {
            CqcSource s;
            const std::string rel = str(c, "file");
            s.input.name = rel;
            if (auto r = read_into(o.sources_dir / rel, &s.input.text); !r) return r.failure();
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
    for (const auto& [role, path] : o.given) {
        CqcSource s;
        s.input.name = path.filename().string();
        if (auto r = read_into(path, &s.input.text); !r) return r.failure();
        s.input.role = role;
        s.input.edition = o.edition;
        s.input.source_id = "cqc_official";
        s.national = !o.partial;
        in.cqc.push_back(std::move(s));
    }

    // Sources for the About screen: reference sources always, bundled CQC sources only if used.
    for (const auto& s : cfg["sources"]) {
        if (str(s, "kind") == "cqc" &&
            std::find(bundled_cqc_ids.begin(), bundled_cqc_ids.end(), str(s, "id")) == bundled_cqc_ids.end())
            continue;
        in.sources.push_back(read_source_info(s.dump()));
    }

    if (!o.columns_path.empty()) {
        if (auto r = read_into(o.columns_path, &text); !r) return r.failure();
        if (const Expected<void> added = add_cqc_column_aliases(in.columns, text); !added)
            return fail_with(o.columns_path.string() + ": " + added.error());
    }

    if (!o.given.empty()) {
        // Its edition is left empty here: compile_dataset fills it in from the files' own dates.
        SourceInfo info = cqc_register_source(!o.partial);
        info.id = "cqc_official";
        info.origin = "Downloaded from https://www.cqc.org.uk/about-us/transparency/using-cqc-data";
        for (const auto& g : o.given)
            info.files.push_back(g.second.filename().string());
        in.sources.insert(in.sources.begin(), info);
    }
    return in;
}

// Every row not used and every warning, as CSV, for a person to look through.
std::string report_csv(const CqcImport& report) {
    std::string csv = "kind,file,line,location_id,reason_key,reason\n";
    auto row = [&](const char* kind, const RowIssue& e) {
        csv += std::string(kind) + "," + csv_escape(e.file) + "," + std::to_string(e.line) + "," +
               csv_escape(e.location_id) + "," + e.reason_key + "," + csv_escape(e.reason) + "\n";
    };
    for (const auto& e : report.excluded)
        row("not_used", e);
    for (const auto& w : report.warnings)
        row("warning", w);
    return csv;
}

// Writes the files to a temporary folder next to out_dir, then swaps it in.
Expected<void> replace_folder(const fs::path& out_dir, const std::vector<DataFile>& files) {
    std::error_code ec;
    const fs::path out_abs = fs::absolute(out_dir);
    const fs::path tmp = out_abs.parent_path() / (out_abs.filename().string() + ".tmp-build");
    const fs::path old = out_abs.parent_path() / (out_abs.filename().string() + ".old-build");
    fs::remove_all(tmp, ec);
    fs::remove_all(old, ec);
    for (const auto& f : files)
        if (auto w = write_file(tmp / f.name, f.bytes); !w) {
            fs::remove_all(tmp, ec);
            return w;
        }
    if (fs::exists(out_abs, ec)) {
        fs::rename(out_abs, old, ec);
        if (ec) {
            fs::remove_all(tmp, ec);
            return Error{"Cannot replace " + out_abs.string() + ": " + ec.message(), ""};
        }
    }
    fs::rename(tmp, out_abs, ec);
    if (ec) {
        std::error_code ec2;
        fs::rename(old, out_abs, ec2);
        return Error{"Cannot move the new files into " + out_abs.string() + ": " + ec.message(), ""};
    }
    fs::remove_all(old, ec);
    return {};
}

// Checks the folder and says what it found; 0 when all is well.
int report_check(const fs::path& dir, const fs::path& postcodes_dir, bool quiet, const char* prefix) {
    std::string summary;
    const auto problems = check_output(dir, postcodes_dir, &summary);
    for (const auto& p : problems)
        std::cerr << "hcf-dataset: " << prefix << p << "\n";
    if (!problems.empty()) return 1;
    if (!quiet) std::cout << summary;
    return 0;
}

} // namespace

int run(const Options& o);

int main(int argc, char** argv) {
    Options o;
    try {
        o = read_options(argc, argv);
    } catch (const hcf::tools::UsageError& u) {
        std::cerr << "hcf-dataset: " << u.message << "\n" << kUsage;
        return 2;
    }
    try {
        return run(o);
    } catch (
        const std::exception& e) { // a fault of the tool or the machine (e.g. out of memory), said plainly
        std::cerr << "hcf-dataset: unexpected error: " << e.what() << "\n";
        return 1;
    }
}

int run(const Options& o) {
    if (o.help) {
        std::cout << kUsage;
        return 0;
    }
    const fs::path postcodes_dir = o.sources_dir / unit_postcodes_dir(o.sources_dir);
    if (o.check_only) return report_check(o.out_dir, postcodes_dir, o.quiet, "");

    Expected<CompileInputs> in = read_inputs(o);
    if (!in) return fail(in.error());
    const Expected<CompiledDataset> r = compile_dataset(std::move(*in));
    if (!r) return fail(r.error());
    const std::vector<DataFile> files = write_dataset(*r);
    if (!o.report_path.empty())
        if (auto w = write_file(o.report_path, report_csv(r->report)); !w) return fail(w.error());
    if (auto w = replace_folder(o.out_dir, files); !w) return fail(w.error());
    if (!o.quiet)
        std::cout << r->summary << files_summary(*r, files) << "Written to " << o.out_dir.string() << "\n";
    // Read it all back as the app will.
    return report_check(fs::absolute(o.out_dir), postcodes_dir, o.quiet, "check after writing: ");
}
