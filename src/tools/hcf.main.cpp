// homecare-finder tool hcf: the app's questions on the command line (search, postcode, cost, means, export).
// Depends on: core/data_store.h, core/search.h, core/export.h, core/costs.h, core/means_test.h,
//             core/council_profile.h, core/geography.h, core/text_format.h, tools/cli_args.h,
//             tools/file_io.h, nlohmann/json, the C++ standard library.
// SPDX-License-Identifier: MIT
//
// Prints JSON (export prints the chosen format). Reads the app's data files through core/data_store.h, as
// the browser does: manifest.json (every file is checked against it), bundle.bin, and the details/<AREA>.bin
// and postcodes/<AREA>.txt a command needs, from --data DIR, else $HCF_DATA, else the assets/data folder
// found next to the program (build/<name>/hcf -> assets/data) or under the current folder. Postcode files
// the folder does not hold come from the sources beside it (tools/data_folder.h).
// Exit codes: 0 answered; 1 the input could not be used (the same plain message the app shows, in
// {"ok": false, "error": ...} on stdout and on stderr); 2 a usage mistake; 3 the data files are missing or
// damaged; 4 an unexpected fault (a bug, or the machine out of memory), said on stderr.
#include "core/costs.h"
#include "core/council_help.h"
#include "core/council_profile.h"
#include "core/data_store.h"
#include "core/dataset_format.h"
#include "core/export.h"
#include "core/geography.h"
#include "core/means_test.h"
#include "core/search.h"
#include "core/text_format.h"
#include "tools/cli_args.h"
#include "tools/data_folder.h"
#include "tools/file_io.h"
#include "tools/hcf_answers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hcf::core;
using hcf::tools::Args;
using hcf::tools::cost_line_json;
using hcf::tools::council_help_json;
using hcf::tools::data_json;
using hcf::tools::edition_words_of;
using hcf::tools::flag_keys_needs;
using hcf::tools::flag_keys_services;
using hcf::tools::location_json;
using hcf::tools::parse_int;
using hcf::tools::parse_number;
using hcf::tools::read_file;
using hcf::tools::round_to;
using hcf::tools::usage_error;
using hcf::tools::UsageError;
using ojson = nlohmann::ordered_json;

namespace {

constexpr const char* kUsage =
    "Usage: hcf <command> [options]      (every command prints JSON; --data DIR picks the data folder)\n"
    "\n"
    "  hcf search --postcode B13 9AB [--radius 5] [--needs dementia,older_people] [--match all|any]\n"
    "             [--services homecare,live_in] [--min-rating good] [--include-not-rated]\n"
    "             [--council Essex|E10000012] [--text NAME] [--ids ID,ID] [--sort distance|rating|name]\n"
    "             [--page 1] [--page-size 20]\n"
    "      With --min-rating, agencies not yet rated are left out unless --include-not-rated is given.\n"
    "  hcf postcode \"HR4 9AB\"\n"
    "  hcf cost --hours 10 | --visits 2 --minutes 30 [--days 7]\n"
    "           [--type hourly|night-sleeping|night-waking|live-in] [--nights 7] [--hours-per-night 9]\n"
    "           [--unsocial-share 0.25] [--rate 28.50] [--council essex]\n"
    "  hcf means --capital 20000 --income 250 [--age pension|25-to-pension|18-24] [--disability-premium]\n"
    "            [--enhanced-disability-premium] [--disability-costs 17] [--care-cost 400]\n"
    "  hcf export --ids ID,ID [--format json|csv|text] [--postcode B13 9AB] [--date 2026-09-01]\n"
    "\n"
    "Needs: older_people, dementia, learning_disability, autism, mental_health, physical_disability,\n"
    "sensory_impairment, younger_adults, children, substance_misuse, eating_disorder, whole_population.\n"
    "Money is in pounds (--income and --care-cost a week). Exit codes: 0 answered, 1 input not usable,\n"
    "2 usage mistake, 3 data files missing or damaged, 4 an unexpected fault (please report it).\n";

// ---- errors -----------------------------------------------------------------------------------------

struct Failure {
    int code = 1;
    std::string message;
};

[[noreturn]] void fail(int code, std::string message) {
    throw Failure{code, std::move(message)};
}

void print_json(const ojson& j) {
    std::cout << j.dump(2) << "\n";
}

// ---- arguments ----------------------------------------------------------------------------------------

// Every option must be one the command knows (hcf's own hint for the unknown ones).
void check(const Args& args, const std::set<std::string>& valued, const std::set<std::string>& flags) {
    args.check(valued, flags, "Run hcf help to see the options.");
}

std::int64_t parse_money(const std::string& text, const std::string& option, const std::string& example) {
    const auto pence = parse_pounds(text);
    if (!pence)
        usage_error("--" + option + " needs an amount in pounds, like --" + option + " " + example + ".");
    return *pence;
}

std::string key_of(std::string s) {
    for (char& c : s)
        c = c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Needs parse_needs(const std::vector<std::string>& keys) {
    Needs mask = 0;
    for (const std::string& raw : keys) {
        const std::string k = key_of(raw);
        bool found = false;
        for (Need n : all_needs())
            if (need_key(n) == k) {
                mask |= n;
                found = true;
            }
        if (!found) usage_error("Unknown need '" + raw + "'. Run hcf help to see the needs.");
    }
    return mask;
}

ServiceTypes parse_services(const std::vector<std::string>& keys) {
    ServiceTypes mask = 0;
    for (const std::string& raw : keys) {
        const std::string k = key_of(raw);
        bool found = false;
        for (ServiceType s : all_service_types())
            if (service_key(s) == k) {
                mask |= s;
                found = true;
            }
        if (!found) {
            std::string known;
            for (ServiceType s : all_service_types())
                known += (known.empty() ? "" : ", ") + std::string(service_key(s));
            usage_error("Unknown type of care '" + raw + "'. Choose from: " + known + ".");
        }
    }
    return mask;
}

// ---- data files ----------------------------------------------------------------------------------------

fs::path find_data_dir(const Args& args, const char* argv0) {
    if (auto d = args.get("data")) return fs::path(*d);
    if (const char* env = std::getenv("HCF_DATA"); env && *env) return fs::path(env);
    std::vector<fs::path> candidates;
    std::error_code ec;
    const fs::path exe = fs::weakly_canonical(fs::path(argv0), ec);
    if (!ec) {
        const fs::path dir = exe.parent_path();
        candidates = {dir / "../../assets/data", dir / "../assets/data", dir / "assets/data"};
    }
    candidates.push_back(fs::current_path(ec) / "assets/data");
    for (const auto& c : candidates)
        if (fs::exists(c / "bundle.bin", ec)) return fs::weakly_canonical(c, ec);
    return candidates.empty() ? fs::path("assets/data") : candidates.front();
}

// The data, fed from the folder as the browser feeds it from the website: manifest.json and bundle.bin,
// then the postcode and details packs a command asks for.
struct Data {
    fs::path dir;
    DataStore store;
    const Bundle& bundle() const { return *store.bundle(); }

    // Answers every file the store asks for from the folder; what it refuses is said on stderr.
    void serve() {
        for (const std::string& asked : store.take_requests()) {
            const std::string name =
                hcf::tools::data_file_held(dir, asked, hcf::tools::default_postcodes_dir(dir));
            const Expected<std::string> bytes =
                read_file(hcf::tools::data_file_path(dir, name, hcf::tools::default_postcodes_dir(dir)));
            if (!bytes) {
                store.receive_error(asked, "missing"); // details and postcode packs are optional extras
                continue;
            }
            if (const Expected<DataStore::Change> r = store.receive(name, *bytes); !r)
                std::cerr << "hcf: " << r.error() << "\n";
        }
    }
};

Data load_data(const fs::path& dir) {
    Data d;
    d.dir = dir;
    const Expected<std::string> bundle = read_file(dir / "bundle.bin");
    if (!bundle)
        fail(3, "The care information file is missing (" + (dir / "bundle.bin").string() +
                    "). Build it with hcf-dataset, or give the folder with --data.");
    if (const Expected<std::string> manifest = read_file(dir / "manifest.json")) {
        (void)d.store.receive("manifest.json", *manifest);
        (void)d.store.receive("bundle.bin", *bundle);
    } else { // a folder without a manifest (an older build) is read as it is, without the checks
        Expected<Bundle> load = load_bundle(*bundle);
        if (!load) fail(3, load.error());
        d.store.set_bundle(std::move(*load));
    }
    if (!d.store.ready())
        fail(3, d.store.load_failure() ? d.store.load_failure()->message
                                       : "The care information could not be loaded.");
    return d;
}

// Loads the contact details (address, phone, website) of agencies in these postcode areas.
void load_details(Data& d, const std::set<std::string>& areas) {
    for (const std::string& area : areas)
        if (!d.bundle().details_applied.count(area)) d.store.request(details_file_name(area));
    d.serve();
}

// locate(), fetching the district's unit postcodes when a full postcode needs them (as the web app does).
Location locate_with_pack(Data& d, const std::string& input) {
    Location loc = locate(d.bundle().geography, input);
    if (loc.needs_unit_pack) { // a full postcode, or a mistyped one whose neighbours are offered
        d.store.request(unit_file_name(loc.postcode.district));
        d.serve();
        if (d.bundle().geography.has_units_of(loc.postcode.district))
            loc = locate(d.bundle().geography, input);
    }
    return loc;
}

// ---- commands ------------------------------------------------------------------------------------------

int cmd_postcode(const Args& args, const char* argv0) {
    check(args, {"data"}, {});
    if (args.positional().size() != 1) usage_error("Give one postcode, like: hcf postcode \"HR4 9AB\"");
    Data d = load_data(find_data_dir(args, argv0));
    const std::string input = args.positional().front();
    const Location loc = locate_with_pack(d, input);
    print_json(location_json(loc, input));
    if (!loc.ok) std::cerr << loc.message << "\n";
    return loc.ok ? 0 : 1;
}

int cmd_search(const Args& args, const char* argv0) {
    check(args,
          {"data", "postcode", "radius", "needs", "match", "services", "min-rating", "council", "text", "ids",
           "sort", "page", "page-size"},
          {"include-not-rated"});
    SearchQuery q;
    const auto postcode = args.get("postcode");
    if (!postcode) usage_error("Give a postcode to search from, like --postcode \"B13 9AB\".");
    if (auto r = args.get("radius")) q.radius_miles = parse_number(*r, "radius", "5");
    q.needs = parse_needs(args.list("needs"));
    if (auto m = args.get("match")) {
        const std::string k = key_of(*m);
        if (k == "all")
            q.needs_match = MatchMode::All;
        else if (k == "any")
            q.needs_match = MatchMode::Any;
        else
            usage_error("--match needs all or any.");
    }
    q.service_types = parse_services(args.list("services"));
    if (auto m = args.get("min-rating")) {
        const std::string k = key_of(*m);
        const auto r = k == "any" ? std::optional(Rating::NotRated) : parse_rating(*m);
        if (!r || (*r == Rating::NotRated && k != "any"))
            usage_error("--min-rating needs outstanding, good, requires_improvement, inadequate or any.");
        q.min_rating = *r;
    }
    q.include_not_rated = args.has("include-not-rated"); // the rule is the core's (search.h), as in the app
    q.councils = args.list("council");
    if (auto t = args.get("text")) q.text = *t;
    q.location_ids = args.list("ids");
    if (auto s = args.get("sort")) {
        const auto sort = parse_sort(*s);
        if (!sort) usage_error("--sort needs distance, rating or name.");
        q.sort = *sort;
    }
    if (auto p = args.get("page")) q.page = parse_int(*p, "page", "1");
    if (auto p = args.get("page-size")) q.page_size = parse_int(*p, "page-size", "20");

    Data d = load_data(find_data_dir(args, argv0));
    const Location loc = locate_with_pack(d, *postcode);
    if (!loc.ok) fail(1, loc.message);
    q.centre = loc.centre;
    const SearchResult r = d.store.engine()->search(q);
    if (!r.ok) fail(1, r.message);

    std::set<std::string> areas;
    for (const Match& m : r.matches)
        areas.insert(details_area(d.bundle().providers[m.index]));
    load_details(d, areas);

    ojson out;
    out["ok"] = true;
    out["summary"] = result_summary(r, q.radius_miles, loc.postcode.normalised);
    if (!r.advice.empty()) out["advice"] = r.advice;
    out["location"] = location_json(loc, *postcode);
    ojson query;
    query["radius_miles"] = q.radius_miles;
    query["needs"] = flag_keys_needs(q.needs);
    query["match"] = q.needs_match == MatchMode::All ? "all" : "any";
    query["services"] = flag_keys_services(q.service_types);
    query["min_rating"] = rating_key(q.min_rating);
    query["include_not_rated"] = q.include_not_rated;
    query["councils"] = q.councils;
    query["text"] = q.text;
    query["sort"] = sort_key(q.sort);
    query["page"] = q.page;
    query["page_size"] = q.page_size;
    out["query"] = query;
    out["total"] = r.total;
    out["in_radius"] = r.in_radius;
    out["page"] = r.page;
    out["page_size"] = r.page_size;
    out["page_count"] = r.page_count;
    ojson by_radius = ojson::array();
    for (const RadiusCount& c : r.by_radius)
        if (c.known) by_radius.push_back({{"radius_miles", c.radius_miles}, {"count", c.count}});
    out["by_radius"] = by_radius;
    if (r.can_widen)
        out["widen"] = {{"radius_miles", r.widen.radius_miles}, {"count", r.widen.count}};
    else
        out["widen"] = nullptr;
    ojson results = ojson::array();
    for (const Match& m : r.matches) {
        const Provider& p = d.bundle().providers[m.index];
        ojson j;
        j["location_id"] = p.location_id;
        j["name"] = p.name;
        if (!p.provider_name.empty()) j["provider_name"] = p.provider_name;
        j["postcode"] = p.postcode;
        if (!p.address.empty()) j["address"] = p.address;
        if (!p.phone.empty()) j["phone"] = p.phone;
        if (!p.website.empty()) j["website"] = p.website;
        j["local_authority"] = p.local_authority;
        j["distance_miles"] = round_to(m.distance_miles, 2);
        j["distance_km"] = round_to(m.distance_km, 2);
        j["distance"] = distance_words(m.distance_miles, m.approximate);
        j["approximate"] = m.approximate;
        j["rating"] = rating_known(p) ? rating_key(p.overall) : "not_in_data";
        j["rating_label"] = overall_rating_words(p);
        if (const std::string when = rating_date_words(p); !when.empty()) j["rating_when"] = when;
        if (!p.rating_date.empty()) j["rating_date"] = p.rating_date;
        if (!p.last_inspected.empty()) j["last_inspected"] = p.last_inspected;
        if (p.key_questions_in_data) {
            const KeyQuestionRatings& k = p.key_questions;
            j["key_questions"] = {{"safe", rating_key(k.safe)},
                                  {"effective", rating_key(k.effective)},
                                  {"caring", rating_key(k.caring)},
                                  {"responsive", rating_key(k.responsive)},
                                  {"well_led", rating_key(k.well_led)}};
        }
        j["register"] = register_words(p, edition_words_of(d.bundle().info, p.source));
        j["needs_covered"] = flag_keys_needs(m.needs_covered);
        j["needs"] = flag_keys_needs(p.needs);
        j["services"] = flag_keys_services(p.service_types);
        j["reasons"] = m.reasons;
        if (!p.cqc_url.empty()) j["cqc_url"] = p.cqc_url;
        results.push_back(j);
    }
    out["results"] = results;
    out["council_help"] = council_help_json(council_help(d.bundle(), loc.councils));
    out["data"] = data_json(d.bundle());
    print_json(out);
    return 0;
}

int cmd_cost(const Args& args, const char* argv0) {
    check(args,
          {"data", "hours", "visits", "minutes", "days", "type", "nights", "hours-per-night",
           "unsocial-share", "rate", "council"},
          {});
    CostInputs in;
    if (auto t = args.get("type")) {
        const std::string k = key_of(*t);
        const auto type = parse_care_type(k);
        if (!type) usage_error("--type needs hourly, night-sleeping, night-waking or live-in.");
        in.care_type = *type;
    }
    if (auto h = args.get("hours")) in.hours_per_week = parse_number(*h, "hours", "10");
    if (auto v = args.get("visits")) in.visits_per_day = parse_int(*v, "visits", "2");
    if (auto m = args.get("minutes")) in.minutes_per_visit = parse_int(*m, "minutes", "30");
    if (auto dd = args.get("days")) in.days_per_week = parse_int(*dd, "days", "7");
    if (auto n = args.get("nights")) in.nights_per_week = parse_int(*n, "nights", "7");
    if (auto h = args.get("hours-per-night")) in.hours_per_night = parse_number(*h, "hours-per-night", "9");
    if (auto s = args.get("unsocial-share")) in.unsocial_share = parse_number(*s, "unsocial-share", "0.25");
    if (auto r = args.get("rate")) in.provider_rate_pence = parse_money(*r, "rate", "28.50");
    if (in.care_type == CareType::Hourly && !args.has("hours") && !args.has("visits"))
        usage_error("Give the care as --hours 10, or as --visits 2 --minutes 30 --days 7.");

    Data d = load_data(find_data_dir(args, argv0));
    for (const std::string& problem : d.store.profile_problems())
        std::cerr << "hcf: " << problem << "\n";
    const std::vector<CouncilProfile>& profiles = d.store.councils();
    const CouncilProfile* council = nullptr;
    if (auto c = args.get("council")) {
        std::string slug = *c; // profile ids are slugs: "waltham-forest"
        for (char& ch : slug)
            ch = ch == ' ' || ch == '_' ? '-'
                                        : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        council = find_council_by_id(profiles, slug);
        if (!council) {
            std::string known;
            for (const auto& p : profiles)
                known += (known.empty() ? "" : ", ") + p.id;
            fail(1, "We do not have information about the council '" + *c + "'. Councils we have: " + known +
                        ".");
        }
    }
    const CostEstimate e = estimate_costs(in, d.bundle().costs, council);
    if (!e.ok) fail(1, e.error);
    ojson out;
    out["ok"] = true;
    out["summary"] = e.summary;
    out["care_type"] = care_type_key(e.care_type);
    if (e.care_type == CareType::Hourly) {
        out["minutes_per_week"] = e.minutes_per_week;
        out["unsocial_minutes_per_week"] = e.unsocial_minutes_per_week;
    } else {
        out["nights_per_week"] = e.nights_per_week;
    }
    if (council) out["council"] = council->id;
    out["weekly"] = format_range(e.weekly_low_pence, e.weekly_high_pence, Per::Week);
    out["four_weekly"] = format_range(e.four_weekly_low_pence, e.four_weekly_high_pence, Per::FourWeeks);
    out["yearly"] = format_range(e.yearly_low_pence, e.yearly_high_pence, Per::Year);
    out["weekly_low_pence"] = e.weekly_low_pence;
    out["weekly_high_pence"] = e.weekly_high_pence;
    out["four_weekly_low_pence"] = e.four_weekly_low_pence;
    out["four_weekly_high_pence"] = e.four_weekly_high_pence;
    out["yearly_low_pence"] = e.yearly_low_pence;
    out["yearly_high_pence"] = e.yearly_high_pence;
    out["range_basis"] = e.range_basis;
    ojson lines = ojson::array();
    for (const CostLine& l : e.lines)
        lines.push_back(cost_line_json(l));
    out["lines"] = lines;
    out["gap_explanation"] = e.gap_explanation;
    out["premium_note"] = e.premium_note;
    out["indicative_note"] = e.indicative_note;
    print_json(out);
    return 0;
}

int cmd_means(const Args& args, const char* argv0) {
    check(args, {"data", "capital", "income", "age", "disability-costs", "care-cost"},
          {"disability-premium", "enhanced-disability-premium"});
    MeansTestInputs in;
    const auto capital = args.get("capital");
    const auto income = args.get("income");
    if (!capital || !income)
        usage_error("Give savings and weekly income in pounds, like --capital 20000 --income 250.");
    in.capital_pence = parse_money(*capital, "capital", "20000");
    in.weekly_income_pence = parse_money(*income, "income", "250");
    if (auto a = args.get("age")) {
        const std::string k = key_of(*a);
        if (k == "pension" || k == "pension_age")
            in.age_band = AgeBand::PensionCreditAgeOrOver;
        else if (k == "25_to_pension" || k == "working_age")
            in.age_band = AgeBand::Age25ToPensionCreditAge;
        else if (k == "18_24")
            in.age_band = AgeBand::Age18To24;
        else if (const auto band = parse_age_band(k))
            in.age_band = *band;
        else
            usage_error("--age needs pension, 25-to-pension or 18-24.");
    }
    in.disability_premium = args.has("disability-premium");
    in.enhanced_disability_premium = args.has("enhanced-disability-premium");
    if (auto c = args.get("disability-costs"))
        in.disability_costs_pence = parse_money(*c, "disability-costs", "17");
    if (auto c = args.get("care-cost")) in.weekly_care_cost_pence = parse_money(*c, "care-cost", "400");

    Data d = load_data(find_data_dir(args, argv0));
    const MeansTestResult r = run_means_test(in, d.bundle().costs);
    if (!r.ok) fail(1, r.error);
    ojson out;
    out["ok"] = true;
    out["band"] = means_band_key(r.band);
    out["headline"] = r.headline;
    out["above_upper_limit"] = r.above_upper_limit;
    out["tariff_income_pence"] = r.tariff_income_pence;
    out["minimum_income_guarantee_pence"] = r.mig_pence;
    out["assessable_income_pence"] = r.assessable_income_pence;
    out["contribution_known"] = r.contribution_known;
    if (r.contribution_known) {
        out["weekly_contribution"] = format_money_per(r.weekly_contribution_pence, Per::Week);
        out["weekly_contribution_pence"] = r.weekly_contribution_pence;
        out["council_pays_pence"] = r.council_pays_pence;
    }
    out["approximate"] = r.approximate;
    ojson steps = ojson::array();
    for (const MeansStep& s : r.steps) {
        ojson j;
        j["text"] = s.text;
        if (s.has_amount) j["amount_pence"] = s.amount_pence;
        if (!s.source_name.empty()) j["source"] = s.source_name;
        if (!s.source_url.empty()) j["source_url"] = s.source_url;
        if (!s.when.empty()) j["when"] = s.when;
        if (!s.note.empty()) j["note"] = s.note;
        steps.push_back(j);
    }
    out["steps"] = steps;
    ojson next = ojson::array();
    for (const NextStep& s : r.next_steps) {
        ojson j;
        j["text"] = s.text;
        if (!s.source_name.empty()) j["source"] = s.source_name;
        if (!s.source_url.empty()) j["source_url"] = s.source_url;
        if (!s.when.empty()) j["when"] = s.when;
        next.push_back(j);
    }
    out["next_steps"] = next;
    out["notes"] = r.notes;
    out["disclaimer"] = r.disclaimer;
    print_json(out);
    return 0;
}

std::string today_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    const std::tm* g = std::gmtime(&t);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", g);
    return buf;
}

int cmd_export(const Args& args, const char* argv0) {
    check(args, {"data", "ids", "format", "postcode", "date"}, {});
    const std::vector<std::string> ids = args.list("ids");
    if (ids.empty())
        usage_error("Give the agencies' CQC location IDs, like --ids 1-2375497294,1-19611241388.");
    const std::string format = args.get("format").value_or("json");
    if (format != "json" && format != "csv" && format != "text")
        usage_error("--format needs json, csv or text.");
    ExportOptions opt;
    opt.generated_date = args.get("date").value_or(today_iso());
    if (const auto parsed = parse_iso_date(opt.generated_date); !parsed || parsed->day == 0)
        usage_error("--date needs a date like 2026-09-01.");

    Data d = load_data(find_data_dir(args, argv0));
    std::vector<std::string> missing;
    std::vector<ShortlistEntry> list = shortlist_from_ids(d.bundle().providers, ids, &missing);
    if (!missing.empty())
        fail(1, "We could not find an agency with the CQC location ID " + missing.front() + ".");
    std::set<std::string> areas;
    for (const auto& e : list)
        areas.insert(details_area(*e.provider));
    load_details(d, areas);
    if (auto pc = args.get("postcode")) {
        const Location loc = locate_with_pack(d, *pc);
        if (!loc.ok) fail(1, loc.message);
        opt.place = loc.postcode.normalised;
        for (auto& e : list)
            if (e.provider->precision != GeoPrecision::None)
                e.distance_miles = distance_miles(loc.centre, e.provider->location);
    }
    if (format == "json")
        std::cout << export_json(list, opt);
    else if (format == "csv")
        std::cout << export_csv(list, opt);
    else
        std::cout << export_text(list, opt);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const std::string command = argc > 1 ? argv[1] : "";
    try {
        if (command.empty() || command == "help" || command == "--help" || command == "-h") {
            std::cout << kUsage;
            return command.empty() ? 2 : 0;
        }
        const Args args(argc, argv, 2);
        if (command == "search") return cmd_search(args, argv[0]);
        if (command == "postcode") return cmd_postcode(args, argv[0]);
        if (command == "cost") return cmd_cost(args, argv[0]);
        if (command == "means") return cmd_means(args, argv[0]);
        if (command == "export") return cmd_export(args, argv[0]);
        usage_error("Unknown command '" + command + "'. Run hcf help to see the commands.");
    } catch (const UsageError& u) {
        ojson out;
        out["ok"] = false;
        out["error"] = u.message;
        print_json(out);
        std::cerr << u.message << "\n";
        return 2;
    } catch (const Failure& f) {
        ojson out;
        out["ok"] = false;
        out["error"] = f.message;
        print_json(out);
        std::cerr << f.message << "\n";
        return f.code;
    } catch (const std::exception& e) { // a bug, never a person's mistake: say so plainly
        std::cerr << "hcf: unexpected error: " << e.what() << "\n";
        return 4;
    }
}
