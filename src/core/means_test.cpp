// homecare-finder core: the Care Act 2014 means-test guide for care at home (see means_test.h).
// Depends on: core/cost_reference.h, core/text_format.h and the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/means_test.h"

#include <algorithm>
#include <cstdlib>

namespace hcf::core {

namespace {

// Caps that keep every sum far inside int64 (and far above any real figure).
constexpr std::int64_t kMaxCapitalPence = 100'000'000'000; // £1,000,000,000
constexpr std::int64_t kMaxWeeklyPence = 100'000'000;      // £1,000,000 a week

SourcedAmount from_row(const CostReference* ref, double pounds) {
    SourcedAmount a;
    if (ref == nullptr) return a;
    a.found = true;
    a.pence = pounds_to_pence(pounds).value_or(0);
    a.approximate = contains_case_insensitive(ref->value_text, "rounded") ||
                    contains_case_insensitive(ref->value_text, "about");
    a.item = ref->item;
    a.source_name = ref->source_name;
    a.source_short = short_source_name(ref->source_name);
    a.source_url = ref->source_url;
    a.applies_from = ref->applies_from;
    a.when = describe_when(ref->applies_from);
    a.note = ref->note;
    return a;
}

SourcedAmount from_row(const CostReference* ref) {
    return from_row(ref, ref ? ref->value : 0.0);
}

// The n-th " / " part of a row's value, or nothing.
SourcedAmount part_of(const CostReference* ref, std::size_t n) {
    if (ref == nullptr || ref->values.size() <= n) return {};
    return from_row(ref, ref->values[n]);
}

// "GBP per week per 250 GBP of capital ..." -> 250 (the first "per <number>").
bool number_after_per(std::string_view text, double* out) {
    for (std::size_t pos = text.find("per "); pos != std::string_view::npos;
         pos = text.find("per ", pos + 4)) {
        std::size_t i = pos + 4;
        std::size_t j = i;
        while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.'))
            ++j;
        if (j > i && j - i < 12) {
            *out = std::strtod(std::string(text.substr(i, j - i)).c_str(), nullptr);
            return true;
        }
    }
    return false;
}

MeansStep step_from(const std::string& text, const SourcedAmount& a, bool has_amount, std::int64_t amount) {
    MeansStep s;
    s.text = text;
    s.has_amount = has_amount;
    s.amount_pence = amount;
    s.approximate = a.approximate;
    s.source_short = a.source_short;
    s.source_name = a.source_name;
    s.source_url = a.source_url;
    s.when = a.when;
    s.note = a.note;
    return s;
}

MeansStep own_step(const std::string& text, std::int64_t amount) {
    MeansStep s;
    s.text = text;
    s.has_amount = true;
    s.amount_pence = amount;
    return s;
}

NextStep next_from(const std::string& text, const SourcedAmount* a = nullptr) {
    NextStep n;
    n.text = text;
    if (a != nullptr && a->found) {
        n.source_short = a->source_short;
        n.source_name = a->source_name;
        n.source_url = a->source_url;
        n.when = a->when;
    }
    return n;
}

// "about £232" when the source rounds the figure.
std::string money(const SourcedAmount& a) {
    return (a.approximate ? "about " : "") + format_money(a.pence);
}

// " in 2025 to 2026" / " from April 2026" / "".
std::string in_when(const std::string& when) {
    if (when.empty()) return "";
    return (when.find(" to ") != std::string::npos ? " in " : " from ") + when;
}

const SourcedAmount& mig_for(const MeansTestFigures& f, AgeBand b) {
    switch (b) {
    case AgeBand::Age18To24:
        return f.mig_18_24;
    case AgeBand::Age25ToPensionCreditAge:
        return f.mig_25_to_pension_age;
    case AgeBand::PensionCreditAgeOrOver:
        break;
    }
    return f.mig_pension_age;
}

std::string validate(const MeansTestInputs& in) {
    if (in.capital_pence < 0 || in.capital_pence > kMaxCapitalPence)
        return "Enter your savings as an amount of money, like 12000, or 0 if you have none.";
    if (in.weekly_income_pence < 0 || in.weekly_income_pence > kMaxWeeklyPence)
        return "Enter your income a week as an amount of money, like 230.";
    if (in.disability_costs_pence < 0 || in.disability_costs_pence > kMaxWeeklyPence)
        return "Enter the extra costs of disability a week as an amount of money, like 20, or 0.";
    if (in.weekly_care_cost_pence < 0 || in.weekly_care_cost_pence > kMaxWeeklyPence)
        return "Enter the cost of care a week as an amount of money, like 300, or leave it empty.";
    return "";
}

} // namespace

std::string_view age_band_key(AgeBand b) {
    switch (b) {
    case AgeBand::Age18To24:
        return "18_24";
    case AgeBand::Age25ToPensionCreditAge:
        return "25_to_pension_credit_age";
    case AgeBand::PensionCreditAgeOrOver:
        break;
    }
    return "pension_credit_age";
}

std::string_view age_band_words(AgeBand b) {
    switch (b) {
    case AgeBand::Age18To24:
        return "aged 18 to 24";
    case AgeBand::Age25ToPensionCreditAge:
        return "aged 25 up to Pension Credit age";
    case AgeBand::PensionCreditAgeOrOver:
        break;
    }
    return "at Pension Credit age or over";
}

std::optional<AgeBand> parse_age_band(std::string_view key) {
    for (AgeBand b : {AgeBand::Age18To24, AgeBand::Age25ToPensionCreditAge, AgeBand::PensionCreditAgeOrOver})
        if (age_band_key(b) == key) return b;
    return std::nullopt;
}

std::string_view means_band_key(MeansBand b) {
    switch (b) {
    case MeansBand::LikelyGetHelp:
        return "likely_get_help";
    case MeansBand::LikelyCouncilPaysMost:
        return "likely_council_pays_most";
    case MeansBand::LikelyPayFullCost:
        break;
    }
    return "likely_pay_full_cost";
}

std::int64_t tariff_income(std::int64_t capital_pence, std::int64_t lower_pence, std::int64_t step_pence,
                           std::int64_t per_step_pence) {
    if (capital_pence <= lower_pence || step_pence <= 0) return 0;
    const std::int64_t above = capital_pence - lower_pence;
    const std::int64_t steps = (above + step_pence - 1) / step_pence; // "or part of" a step counts as a step
    return steps * per_step_pence;
}

MeansTestFigures means_test_figures(const std::vector<CostReference>& refs) {
    MeansTestFigures f;
    // Capital limits: the GOV.UK circular's "lower / upper" row first, else the separate rows.
    if (const CostReference* both = find_latest(refs, "Care Act capital limits (lower / upper)", "England");
        both != nullptr && both->values.size() >= 2) {
        f.lower_capital_limit = part_of(both, 0);
        f.upper_capital_limit = part_of(both, 1);
    } else {
        f.upper_capital_limit = from_row(find_latest(refs, "Care Act upper capital limit"));
        f.lower_capital_limit = from_row(find_latest(refs, "Care Act lower capital limit"));
    }
    if (const CostReference* tariff = find_latest(refs, "Tariff income between capital limits")) {
        double step = 0.0;
        const auto step_pence = number_after_per(tariff->unit, &step) ? pounds_to_pence(step) : std::nullopt;
        if (step_pence && *step_pence > 0) {
            f.tariff_income = from_row(tariff);
            f.tariff_step_pence = *step_pence;
        }
    }
    const CostReference* all_mig = find_latest(refs, "MIG single person amounts");
    auto mig = [&](std::string_view item, std::size_t part) {
        const CostReference* r = find_latest(refs, item);
        return r != nullptr ? from_row(r) : part_of(all_mig, part);
    };
    f.mig_18_24 = mig("MIG single person aged 18-24", 0);
    f.mig_25_to_pension_age = mig("MIG single person aged 25 to pension credit age", 1);
    f.mig_pension_age = mig("MIG single person of pension credit age", 2);
    f.disability_premium = from_row(find_latest(refs, "MIG disability premium"));
    f.enhanced_disability_premium = from_row(find_latest(refs, "MIG enhanced disability premium"));
    f.attendance_allowance_lower = from_row(find_latest(refs, "Attendance Allowance lower rate"));
    f.attendance_allowance_higher = from_row(find_latest(refs, "Attendance Allowance higher rate"));
    f.home_disregarded =
        from_row(find_latest(refs, "Value of main home disregarded for care at home", "", false));
    f.reablement_free = from_row(find_latest(refs, "Intermediate care and reablement free", "", false));
    f.disability_costs_example =
        from_row(find_latest(refs, "Standard Disability Related Expenditure allowance"));
    // Only when the data says the reform is not going ahead.
    if (const CostReference* reform = find_latest(refs, "Charging reform", "", false);
        reform != nullptr && contains_case_insensitive(reform->value_text, "not implemented"))
        f.charging_reform = from_row(reform);
    return f;
}

std::vector<std::string> missing_means_test_figures(const MeansTestFigures& f) {
    std::vector<std::string> missing;
    if (!f.upper_capital_limit.found) missing.emplace_back("upper capital limit");
    if (!f.lower_capital_limit.found) missing.emplace_back("lower capital limit");
    if (!f.tariff_income.found || f.tariff_step_pence <= 0) missing.emplace_back("tariff income");
    if (!f.mig_18_24.found) missing.emplace_back("minimum income guarantee (18 to 24)");
    if (!f.mig_25_to_pension_age.found)
        missing.emplace_back("minimum income guarantee (25 to Pension Credit age)");
    if (!f.mig_pension_age.found) missing.emplace_back("minimum income guarantee (Pension Credit age)");
    if (f.upper_capital_limit.found && f.lower_capital_limit.found &&
        f.lower_capital_limit.pence > f.upper_capital_limit.pence)
        missing.emplace_back("capital limits in the right order");
    return missing;
}

MeansTestResult run_means_test(const MeansTestInputs& in, const std::vector<CostReference>& refs) {
    return run_means_test(in, means_test_figures(refs));
}

MeansTestResult run_means_test(const MeansTestInputs& in, const MeansTestFigures& f) {
    MeansTestResult r;
    r.disclaimer =
        "This is guidance, not advice. Only the council's financial assessment can say what you will pay.";
    r.error = validate(in);
    if (!r.error.empty()) return r;
    const std::vector<std::string> missing = missing_means_test_figures(f);
    if (!missing.empty()) {
        std::string list;
        for (const std::string& m : missing)
            list += (list.empty() ? "" : ", ") + m;
        r.error = "The figures this guide needs are not loaded (" + list + "), so it cannot be shown.";
        return r;
    }
    const std::int64_t upper = f.upper_capital_limit.pence;
    const std::int64_t lower = f.lower_capital_limit.pence;
    const std::int64_t cost = in.weekly_care_cost_pence;

    // 1. The home.
    if (f.home_disregarded.found)
        r.steps.push_back(step_from("The home you live in is not counted when you get care at home.",
                                    f.home_disregarded, false, 0));

    // 2. Savings against the limits.
    const std::string savings = format_money(in.capital_pence);
    if (in.capital_pence > upper) {
        r.above_upper_limit = true;
        r.steps.push_back(step_from("Your savings of " + savings +
                                        " are more than the upper capital limit of " + format_money(upper) +
                                        ", so you are likely to pay the full cost of your care.",
                                    f.upper_capital_limit, true, upper));
        r.band = MeansBand::LikelyPayFullCost;
        r.headline = "You are likely to pay the full cost of your care.";
        if (cost > 0) {
            r.contribution_known = true;
            r.weekly_contribution_pence = cost;
            r.steps.push_back(own_step("Your care costs " + format_money_per(cost, Per::Week) +
                                           ", and you would pay it all.",
                                       cost));
        }
    } else {
        if (in.capital_pence <= lower) {
            r.steps.push_back(step_from("Your savings of " + savings +
                                            " are at or below the lower capital limit of " +
                                            format_money(lower) + ", so they are not counted.",
                                        f.lower_capital_limit, true, lower));
        } else {
            r.steps.push_back(step_from("Your savings of " + savings +
                                            " are between the lower capital limit of " + format_money(lower) +
                                            " and the upper capital limit of " + format_money(upper) + ".",
                                        f.upper_capital_limit, true, upper));
            r.tariff_income_pence =
                tariff_income(in.capital_pence, lower, f.tariff_step_pence, f.tariff_income.pence);
            r.steps.push_back(step_from(
                "Savings above " + format_money(lower) + " count as income of " +
                    format_money(f.tariff_income.pence) + " a week for every " +
                    format_money(f.tariff_step_pence) + ", or part of " + format_money(f.tariff_step_pence) +
                    ": " + format_money(in.capital_pence - lower) + " above the limit counts as " +
                    format_money_per(r.tariff_income_pence, Per::Week) + " (tariff income).",
                f.tariff_income, true, r.tariff_income_pence));
        }

        // 3. Income against the minimum income guarantee.
        r.steps.push_back(
            own_step("Your income: " + format_money_per(in.weekly_income_pence, Per::Week) + ".",
                     in.weekly_income_pence));
        const SourcedAmount& mig = mig_for(f, in.age_band);
        r.mig_pence = mig.pence;
        r.approximate = mig.approximate;
        r.steps.push_back(
            step_from("The council must leave you at least " + format_money(mig.pence) +
                          " a week to live on: the minimum income guarantee for a single person " +
                          std::string(age_band_words(in.age_band)) + in_when(mig.when) + "." +
                          (mig.approximate ? " This figure is rounded in its source." : ""),
                      mig, true, mig.pence));
        auto premium = [&](bool wanted, const SourcedAmount& p, const char* what) {
            if (!wanted) return;
            if (!p.found) {
                r.notes.push_back(std::string("The ") + what +
                                  " is not in the loaded figures, so it is not added.");
                return;
            }
            r.mig_pence += p.pence;
            r.steps.push_back(step_from(std::string("Add the ") + what + ": " + money(p) + " a week" +
                                            in_when(p.when) + ", if the council agrees it applies.",
                                        p, true, p.pence));
        };
        premium(in.disability_premium, f.disability_premium, "disability premium");
        premium(in.enhanced_disability_premium, f.enhanced_disability_premium, "enhanced disability premium");
        if (in.disability_costs_pence > 0)
            r.steps.push_back(own_step("Extra costs of disability you gave, if the council allows them: " +
                                           format_money_per(in.disability_costs_pence, Per::Week) + ".",
                                       in.disability_costs_pence));

        const std::int64_t counted = in.weekly_income_pence + r.tariff_income_pence;
        const std::int64_t allowed = r.mig_pence + in.disability_costs_pence;
        r.assessable_income_pence = std::max<std::int64_t>(0, counted - allowed);
        const std::string about = r.approximate ? "about " : "";
        if (r.assessable_income_pence > 0) {
            r.steps.push_back(own_step(
                "So the most you could be asked to pay is " + about +
                    format_money_per(r.assessable_income_pence, Per::Week) + ": your income" +
                    (r.tariff_income_pence > 0 ? " and tariff income" : "") + " (" + format_money(counted) +
                    ") less what the council must leave you (" + format_money(allowed) + ").",
                r.assessable_income_pence));
        } else {
            r.steps.push_back(
                own_step("Your income" + std::string(r.tariff_income_pence > 0 ? " and tariff income" : "") +
                             " (" + format_money(counted) +
                             ") is not more than what the council must "
                             "leave you (" +
                             format_money(allowed) +
                             "), so you would not be asked to "
                             "pay from your income.",
                         0));
        }

        // 4. Against the cost of care, when given.
        if (cost > 0) {
            r.contribution_known = true;
            r.weekly_contribution_pence = std::min(r.assessable_income_pence, cost);
            r.council_pays_pence = cost - r.weekly_contribution_pence;
            if (r.weekly_contribution_pence >= cost) {
                r.band = MeansBand::LikelyPayFullCost;
                r.steps.push_back(own_step("Your care costs " + format_money_per(cost, Per::Week) +
                                               ", which is not more than that, so you would pay it all.",
                                           cost));
            } else {
                r.band = r.council_pays_pence * 2 > cost ? MeansBand::LikelyCouncilPaysMost
                                                         : MeansBand::LikelyGetHelp;
                r.steps.push_back(
                    own_step("Your care costs " + format_money_per(cost, Per::Week) + ": you would pay " +
                                 about + format_money(r.weekly_contribution_pence) + " and the council " +
                                 about + format_money(r.council_pays_pence) + ".",
                             r.weekly_contribution_pence));
            }
        } else {
            r.band =
                r.assessable_income_pence == 0 ? MeansBand::LikelyCouncilPaysMost : MeansBand::LikelyGetHelp;
        }
        switch (r.band) {
        case MeansBand::LikelyPayFullCost:
            r.headline = "You are likely to pay the full cost of your care.";
            break;
        case MeansBand::LikelyGetHelp:
            r.headline = "You are likely to get help from the council with the cost of your care.";
            break;
        case MeansBand::LikelyCouncilPaysMost:
            r.headline = "The council is likely to pay most or all of the cost of your care.";
            break;
        }
    }

    // What to do next.
    r.next_steps.push_back(
        next_from("Ask your council for a needs assessment. It is free, whatever your savings."));
    if (r.above_upper_limit)
        r.next_steps.push_back(
            next_from("Even if you pay the full cost, you can ask the council to arrange your care."));
    if (f.attendance_allowance_lower.found && f.attendance_allowance_higher.found)
        r.next_steps.push_back(
            next_from("If you are over State Pension age and need help with personal care, you may be able "
                      "to get Attendance "
                      "Allowance: " +
                          format_money(f.attendance_allowance_lower.pence) + " or " +
                          format_money_per(f.attendance_allowance_higher.pence, Per::Week) +
                          in_when(f.attendance_allowance_lower.when) + ".",
                      &f.attendance_allowance_lower));
    r.next_steps.push_back(next_from("If the council arranges your care, you can ask for direct payments "
                                     "instead: money to arrange your own care."));
    if (f.disability_costs_example.found)
        r.next_steps.push_back(next_from("Tell the council about extra costs you have because of a "
                                         "disability. Councils allow for these: for example " +
                                             f.disability_costs_example.source_short + " allows " +
                                             format_money_per(f.disability_costs_example.pence, Per::Week) +
                                             " as standard.",
                                         &f.disability_costs_example));
    if (f.reablement_free.found)
        r.next_steps.push_back(
            next_from("Care to help you get back on your feet after a hospital stay (reablement) is "
                      "free for up to 6 weeks.",
                      &f.reablement_free));

    r.notes.insert(r.notes.begin(),
                   "This guide is for one person on their own. It uses the single-person figures.");
    if (f.charging_reform.found)
        r.notes.push_back(
            "The planned reform of care charges, with a cap on care costs, is not going ahead, so these "
            "rules still apply (" +
            f.charging_reform.source_short + ").");
    if (r.approximate)
        r.notes.push_back(
            "The minimum income guarantee used here is rounded in its source, so the amounts may be a "
            "little different.");
    r.ok = true;
    return r;
}

} // namespace hcf::core
