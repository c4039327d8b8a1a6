// homecare-finder core: the dates in CQC's files — cells in the forms CQC has used, the order of a column of
// d/m/y dates, and the edition date in a file name or title line.
// Depends on: the C++ standard library only (core/calendar.h in the .cpp).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

enum class DateOrder : std::uint8_t { DayFirst, MonthFirst };
// "2025-06-26", "2025-05-02T13:52:23Z", "26/06/2025", "6/26/2025" (MonthFirst), "09/Jan/2026 - 00:00",
// "1 September 2026" -> ISO yyyy-mm-dd; nullopt when not a date.
std::optional<std::string> parse_cqc_date(std::string_view text, DateOrder order = DateOrder::DayFirst);
// Which order a column of d/m/y dates uses: MonthFirst only when some value has a middle number over 12
// and none has a first number over 12. CQC's own files are day first.
DateOrder detect_date_order(const std::vector<std::string>& values);
// A date found in a file name or title line: "01_September_2026_HSCA_Active_Locations.csv",
// "cqc_2026-09-01.csv", "Data as at 1 September 2026" -> "2026-09-01"; nullopt when none.
std::optional<std::string> find_date_in_text(std::string_view text);

} // namespace hcf::core
