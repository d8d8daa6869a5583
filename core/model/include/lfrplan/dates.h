// Calendar dates and clock times as the formats define them: strict
// "YYYY-MM-DD" real calendar days and strict "HH:MM" from 00:00 to 23:59.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lfr {

// A calendar day, stored as days since 1970-01-01 (proleptic Gregorian).
struct Date {
    std::int32_t days = 0;
    auto operator<=>(const Date &) const = default;
};

// Minutes after midnight, 0..1439.
struct Clock {
    int minutes = 0;
    auto operator<=>(const Clock &) const = default;
};

Date dateFromCivil(int year, unsigned month, unsigned day);
void civilFromDate(Date date, int &year, unsigned &month, unsigned &day);

// Parses strict "YYYY-MM-DD" (a real calendar day, year 0001..9999).
std::optional<Date> parseDate(std::string_view text);
std::string formatDate(Date date);

// Monday = 0 .. Sunday = 6.
int weekdayIndex(Date date);

// Parses strict "HH:MM", 00:00..23:59.
std::optional<Clock> parseClock(std::string_view text);
std::string formatClock(Clock clock);

// Calendar days from a to b (b - a).
inline int daysBetween(Date a, Date b) { return b.days - a.days; }

} // namespace lfr
