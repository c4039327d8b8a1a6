// homecare-finder core: indicative costs of care at home (see costs.h).
// Depends on: core/cost_reference.h, core/council_profile.h, core/text_format.h and the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/costs.h"

#include <algorithm>
#include <cmath>

namespace hcf::core {

namespace {

// The cost_reference items this module reads. They name rows of data, not figures: the figures, their
// sources and dates all come from the rows.
constexpr std::string_view kItemPrivateHourly = "Domiciliary (hourly) home care average price";
constexpr std::string_view kItemPrivateRange = "Home care average cost range";
constexpr std::string_view kItemLiveIn = "Live-in care average price";
constexpr std::string_view kItemNightSleeping = "Overnight sleeping care average price";
constexpr std::string_view kItemNightWaking = "Overnight waking care average price";
constexpr std::string_view kItemMinimumPrice = "Homecare Association Minimum Price for Homecare";
constexpr std::string_view kItemCouncilFee = "Average council fee rate paid for homecare";
constexpr std::string_view kNoteLiveInLabel = "Live-in care"; // "Live-in care 900-1400 per week" in a note

constexpr std::int64_t kMaxProviderPence =
    10'000'000; // £100,000: any real price an hour, night or week is below
constexpr int kWeeksInFourWeeks = 4;
constexpr int kWeeksInYear = 52; // a year is counted as 52 weeks

// "in 2025 to 2026", "from April 2025", "in January 2025"; "" when the data gives no date.
std::string when_phrase(const std::string& when, const char* preposition) {
    if (when.empty()) return "";
    if (when.find(" to ") != std::string::npos) return " in " + when; // a financial year
    return std::string(" ") + preposition + " " + when;
}

std::string bracket(const std::string& source_short, const std::string& when) {
    return " (" + source_short + (when.empty() ? ", date not stated)" : ")");
}

std::string rate_words(std::int64_t low, std::int64_t high, Per per) {
    return format_range(low, high, per, /*whole_pounds=*/false);
}

CostLine line_from_ref(const CostReference& ref, CostLineKind kind) {
    CostLine l;
    l.kind = kind;
    l.rate_low_pence = ref.value_pence;
    l.rate_high_pence = std::max(ref.value_high_pence, ref.value_pence);
    l.source_name = ref.source_name;
    l.source_short = short_source_name(ref.source_name);
    l.source_url = ref.source_url;
    l.applies_from = ref.applies_from;
    l.when = describe_when(ref.applies_from);
    l.note = ref.note;
    return l;
}

void apply_weekly(CostLine& l, std::int64_t minutes_per_week, int nights, bool hours_known_for_nights,
                  std::int64_t minutes_per_night) {
    switch (l.per) {
    case Per::Hour:
        if (minutes_per_week > 0) {
            l.has_weekly = true;
            l.weekly_low_pence = cost_for_minutes(l.rate_low_pence, minutes_per_week);
            l.weekly_high_pence = cost_for_minutes(l.rate_high_pence, minutes_per_week);
        } else if (nights > 0 && hours_known_for_nights) {
            l.has_weekly = true;
            l.weekly_low_pence = cost_for_minutes(l.rate_low_pence, minutes_per_night) * nights;
            l.weekly_high_pence = cost_for_minutes(l.rate_high_pence, minutes_per_night) * nights;
        }
        break;
    case Per::Night:
        if (nights > 0) {
            l.has_weekly = true;
            l.weekly_low_pence = l.rate_low_pence * nights;
            l.weekly_high_pence = l.rate_high_pence * nights;
        }
        break;
    case Per::Week:
        l.has_weekly = true;
        l.weekly_low_pence = l.rate_low_pence;
        l.weekly_high_pence = l.rate_high_pence;
        break;
    default:
        break;
    }
}

std::string validate(const CostInputs& in) {
    if (!(in.unsocial_share >= 0.0 && in.unsocial_share <= 1.0))
        return "The part of the care at weekends, in the evening or at night must be between 0% and 100%.";
    if (in.provider_rate_pence < 0 || in.provider_rate_pence > kMaxProviderPence)
        return "The agency's price must be between £0 and £100,000.";
    switch (in.care_type) {
    case CareType::Hourly:
        if (std::isnan(in.hours_per_week) || in.hours_per_week < 0.0)
            return "Enter the hours of care a week as a number, like 10 or 7.5.";
        if (in.hours_per_week > 168.0) return "Enter up to 168 hours a week: there are 168 hours in a week.";
        if (in.hours_per_week > 0.0) {
            if (std::llround(in.hours_per_week * 60.0) < 1) return "Enter at least 1 minute of care a week.";
            return "";
        }
        if (in.visits_per_day == 0 && in.minutes_per_visit == 0)
            return "Enter the hours of care a week, or the visits a day and how long each visit is.";
        if (in.visits_per_day < 1 || in.visits_per_day > 24) return "Enter between 1 and 24 visits a day.";
        if (in.minutes_per_visit < 1 || in.minutes_per_visit > 1440)
            return "Enter how long each visit is, from 1 to 1,440 minutes.";
        if (in.days_per_week < 1 || in.days_per_week > 7) return "Enter between 1 and 7 days a week.";
        if (in.visits_per_day * in.minutes_per_visit > 1440)
            return "The visits add up to more than 24 hours a day. Check the number of visits and their "
                   "length.";
        return "";
    case CareType::NightSleeping:
    case CareType::NightWaking:
        if (in.nights_per_week < 1 || in.nights_per_week > 7) return "Enter between 1 and 7 nights a week.";
        if (!(in.hours_per_night >= 0.0 && in.hours_per_night <= 24.0))
            return "Enter the hours a night from 0 to 24.";
        return "";
    case CareType::LiveIn:
        return "";
    }
    return "";
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Private prices for the care type, latest row of each kind.
void add_private_lines(CostEstimate& e, const std::vector<CostReference>& refs) {
    auto add = [&](const CostReference* ref, Per per, const std::string& lead, const char* preposition,
                   bool is_range) {
        if (ref == nullptr || ref->value_pence <= 0) return;
        CostLine l = line_from_ref(*ref, CostLineKind::PrivatePrice);
        l.per = per;
        l.label = lead + rate_words(l.rate_low_pence, l.rate_high_pence, per) +
                  when_phrase(l.when, preposition) + bracket(l.source_short, l.when);
        l.explanation =
            is_range
                ? "A published range for people who pay for their own care. Prices vary by area and by need."
                : "A published average for people who pay for their own care. Prices vary by area and by "
                  "need.";
        e.lines.push_back(std::move(l));
    };
    switch (e.care_type) {
    case CareType::Hourly:
        add(find_latest(refs, kItemPrivateHourly), Per::Hour, "A typical private price was ", "in", false);
        add(find_latest(refs, kItemPrivateRange), Per::Hour, "Private home care usually costs ", "in", true);
        break;
    case CareType::LiveIn: {
        add(find_latest(refs, kItemLiveIn), Per::Week, "A typical private price for live-in care was ", "in",
            false);
        // homecare.co.uk keeps its live-in range in the note of its hourly row.
        const CostReference* range = find_latest(refs, kItemPrivateRange);
        const auto band = range != nullptr ? find_range_in_text(range->note, kNoteLiveInLabel) : std::nullopt;
        if (band) {
            const std::int64_t low = band->low_pence, high = band->high_pence;
            CostLine l = line_from_ref(*range, CostLineKind::PrivatePrice);
            l.per = Per::Week;
            l.rate_low_pence = low;
            l.rate_high_pence = high;
            l.label = "Private live-in care usually costs " + rate_words(low, high, Per::Week) +
                      when_phrase(l.when, "in") + bracket(l.source_short, l.when);
            l.explanation =
                "A published range for people who pay for their own care. Prices vary by area and by need.";
            e.lines.push_back(std::move(l));
        }
        break;
    }
    case CareType::NightSleeping:
        add(find_latest(refs, kItemNightSleeping), Per::Night,
            "A typical private price for a sleeping night was ", "in", false);
        break;
    case CareType::NightWaking:
        add(find_latest(refs, kItemNightWaking), Per::Night,
            "A typical private price for a waking night was ", "in", false);
        break;
    }
}

void add_benchmark_lines(CostEstimate& e, const std::vector<CostReference>& refs) {
    if (e.care_type != CareType::Hourly) return; // both benchmarks are hourly rates for visits
    if (const CostReference* ref = find_latest(refs, kItemMinimumPrice, "England");
        ref && ref->value_pence > 0) {
        CostLine l = line_from_ref(*ref, CostLineKind::SectorBenchmark);
        l.per = Per::Hour;
        l.label = "The minimum price for home care in England was " +
                  rate_words(l.rate_low_pence, l.rate_high_pence, Per::Hour) + when_phrase(l.when, "from") +
                  bracket(l.source_short, l.when);
        l.explanation =
            "What the Homecare Association works out as the least an hour of care costs an agency when "
            "care workers are paid the National Living Wage. It is not a price to you.";
        e.lines.push_back(std::move(l));
    }
    if (const CostReference* ref = find_latest(refs, kItemCouncilFee); ref && ref->value_pence > 0) {
        CostLine l = line_from_ref(*ref, CostLineKind::SectorBenchmark);
        l.per = Per::Hour;
        l.label = "Councils paid agencies on average " +
                  rate_words(l.rate_low_pence, l.rate_high_pence, Per::Hour) + when_phrase(l.when, "in") +
                  bracket(l.source_short, l.when);
        l.explanation =
            "What councils paid agencies on average for care they arranged. It is not a price to you.";
        e.lines.push_back(std::move(l));
    }
}

void add_council_lines(CostEstimate& e, const CouncilProfile& council) {
    for (const CouncilRate& rate : council.rates) {
        if (rate.care_type != e.care_type) continue;
        const bool pays = rate.kind == RateKind::CouncilPaysProvider;
        CostLine l;
        l.kind = pays ? CostLineKind::CouncilPaysProvider : CostLineKind::CouncilChargesClient;
        l.per = Per::Hour; // council rates are published by the hour, night care too
        l.rate_low_pence = rate.per_hour_pence;
        l.rate_high_pence = rate.per_hour_max_pence;
        l.rate_average_pence = rate.average_pence;
        l.historic = rate.historic;
        l.note = rate.note;
        const CouncilSource* source = find_source(council, rate.source);
        if (source != nullptr) {
            l.source_name = source->publisher + ": " + source->title;
            l.source_short = source->title; // the council is named in the sentence already
            l.source_url = source->url;
        }
        std::string when_words;
        if (!rate.applies_from.empty()) {
            l.applies_from = rate.applies_from;
            l.when = describe_when(rate.applies_from);
            when_words = when_phrase(l.when, "from");
        } else if (!rate.as_at.empty()) {
            l.applies_from = rate.as_at;
            l.when = describe_when(rate.as_at);
            when_words = l.when.find(" to ") != std::string::npos ? " in " + l.when : " at " + l.when;
        }
        std::string verb = pays ? (rate.historic ? " paid agencies " : " pays agencies ")
                                : (rate.historic ? " charged " : " charges ");
        std::string money = rate_words(l.rate_low_pence, l.rate_high_pence, Per::Hour);
        if (rate.average_pence > 0) money += " (" + format_money(rate.average_pence) + " on average)";
        l.label =
            rate.label + ": " + council.name + verb + money + when_words + bracket(l.source_short, l.when);
        l.explanation =
            pays ? "What the council pays agencies, not a price to you."
                 : "What the council charges people for care it arranges, not an agency's price to you.";
        if (rate.historic) l.explanation += " This rate is out of date: no newer one is published.";
        e.lines.push_back(std::move(l));
    }
}

} // namespace

std::string_view cost_line_kind_key(CostLineKind k) {
    switch (k) {
    case CostLineKind::ProviderRate:
        return "provider_rate";
    case CostLineKind::SectorBenchmark:
        return "sector_benchmark";
    case CostLineKind::CouncilPaysProvider:
        return "council_pays_provider";
    case CostLineKind::CouncilChargesClient:
        return "council_charges_client";
    case CostLineKind::PrivatePrice:
        break;
    }
    return "private_price";
}

std::int64_t cost_for_minutes(std::int64_t pence_per_hour, std::int64_t minutes) {
    return (pence_per_hour * minutes + 30) / 60;
}

std::int64_t care_minutes_per_week(const CostInputs& in) {
    if (in.hours_per_week > 0.0 && in.hours_per_week <= 168.0) return std::llround(in.hours_per_week * 60.0);
    if (in.visits_per_day > 0 && in.minutes_per_visit > 0 && in.days_per_week > 0 &&
        in.visits_per_day <= 24 && in.minutes_per_visit <= 1440 && in.days_per_week <= 7)
        return static_cast<std::int64_t>(in.visits_per_day) * in.minutes_per_visit * in.days_per_week;
    return 0;
}

CostEstimate estimate_costs(const CostInputs& in, const std::vector<CostReference>& refs,
                            const CouncilProfile* council) {
    CostEstimate e;
    e.care_type = in.care_type;
    e.error = validate(in);
    if (!e.error.empty()) return e;

    const bool hourly = in.care_type == CareType::Hourly;
    const bool night = in.care_type == CareType::NightSleeping || in.care_type == CareType::NightWaking;
    if (hourly) {
        e.minutes_per_week = care_minutes_per_week(in);
        e.unsocial_minutes_per_week =
            std::llround(static_cast<double>(e.minutes_per_week) * in.unsocial_share);
    }
    if (night) e.nights_per_week = in.nights_per_week;
    const std::int64_t minutes_per_night = std::llround(in.hours_per_night * 60.0);
    const bool night_hours_known = night && minutes_per_night > 0;

    // 1. The agency's own price.
    const bool has_provider = in.provider_rate_pence > 0;
    if (has_provider) {
        CostLine l;
        l.kind = CostLineKind::ProviderRate;
        l.per = hourly ? Per::Hour : (night ? Per::Night : Per::Week);
        l.rate_low_pence = l.rate_high_pence = in.provider_rate_pence;
        l.source_short = l.source_name = in.provider_name.empty() ? "the agency" : in.provider_name;
        l.applies_from = in.provider_rate_date;
        l.when = format_date(in.provider_rate_date);
        l.label = "Price from " + l.source_name + ": " + format_money_per(in.provider_rate_pence, l.per) +
                  (l.when.empty() ? "" : ", given on " + l.when);
        l.explanation =
            "The price the agency gave. Check what it includes and whether it changes at weekends.";
        e.lines.push_back(std::move(l));
    }
    // 2. Published private prices; 3. sector benchmarks; 4. the council's own rates.
    add_private_lines(e, refs);
    add_benchmark_lines(e, refs);
    if (council != nullptr) add_council_lines(e, *council);

    bool any_in_range = false;
    for (CostLine& l : e.lines) {
        apply_weekly(l, e.minutes_per_week, e.nights_per_week, night_hours_known, minutes_per_night);
        l.in_range = l.has_weekly && (has_provider ? l.kind == CostLineKind::ProviderRate
                                                   : l.kind == CostLineKind::PrivatePrice);
        if (!l.in_range) continue;
        if (!any_in_range || l.weekly_low_pence < e.weekly_low_pence) e.weekly_low_pence = l.weekly_low_pence;
        if (!any_in_range || l.weekly_high_pence > e.weekly_high_pence)
            e.weekly_high_pence = l.weekly_high_pence;
        any_in_range = true;
    }
    if (!any_in_range) {
        e.error =
            "No published prices for this kind of care are loaded, so no estimate can be shown. Ask agencies "
            "for their prices.";
        return e;
    }
    e.four_weekly_low_pence = e.weekly_low_pence * kWeeksInFourWeeks;
    e.four_weekly_high_pence = e.weekly_high_pence * kWeeksInFourWeeks;
    e.yearly_low_pence = e.weekly_low_pence * kWeeksInYear;
    e.yearly_high_pence = e.weekly_high_pence * kWeeksInYear;

    const std::string range = format_range(e.weekly_low_pence, e.weekly_high_pence, Per::Week);
    switch (in.care_type) {
    case CareType::Hourly:
        e.summary =
            "Indicative cost of " + format_duration(e.minutes_per_week) + " of care a week: " + range + ".";
        break;
    case CareType::NightSleeping:
        e.summary = "Indicative cost of " + plural(in.nights_per_week, "sleeping night", "sleeping nights") +
                    " a week: " + range + ".";
        break;
    case CareType::NightWaking:
        e.summary = "Indicative cost of " + plural(in.nights_per_week, "waking night", "waking nights") +
                    " a week: " + range + ".";
        break;
    case CareType::LiveIn:
        e.summary = "Indicative cost of live-in care: " + range + ".";
        break;
    }
    e.range_basis = has_provider
                        ? "This uses the agency's own price."
                        : "The range runs from the lowest to the highest published private price shown.";

    // The gap between what councils pay and private prices, with figures when the data has both.
    const CostReference* fee = find_latest(refs, kItemCouncilFee);
    const CostReference* price = find_latest(refs, kItemPrivateHourly);
    if (fee != nullptr && price != nullptr && fee->value_pence > 0 && price->value_pence > 0) {
        const std::string fee_when = describe_when(fee->applies_from);
        const std::string price_when = describe_when(price->applies_from);
        e.gap_explanation =
            "Councils usually pay agencies less than people who pay for their own care: on average " +
            format_money_per(fee->value_pence, Per::Hour) + when_phrase(fee_when, "in") +
            ", against a typical private price of " + format_money_per(price->value_pence, Per::Hour) +
            when_phrase(price_when, "in") + ".";
    } else {
        e.gap_explanation = "Councils usually pay agencies less than people who pay for their own care.";
    }

    e.premium_note = "Some agencies charge more at weekends, in the evening or on bank holidays. We found no "
                     "published figure for how much more, so nothing is added here: ask each agency.";
    if (e.unsocial_minutes_per_week > 0)
        e.premium_note =
            "At weekends, in the evening or at night: " + format_duration(e.unsocial_minutes_per_week) +
            " of the " + format_duration(e.minutes_per_week) + " a week. " + e.premium_note;
    e.indicative_note =
        "These figures are indicative, not a quote: prices vary by agency, area and need. Ask each "
        "agency for its price in writing.";
    e.ok = true;
    return e;
}

} // namespace hcf::core
