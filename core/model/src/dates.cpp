#include "lfrplan/dates.h"

#include <cstdio>

namespace lfr {

// Days from civil and back: the well-known era-based algorithms for the
// proleptic Gregorian calendar.
Date dateFromCivil(int year, unsigned month, unsigned day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = month > 2 ? month - 3 : month + 9;
    const unsigned doy = (153 * mp + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{static_cast<std::int32_t>(era * 146097 + static_cast<int>(doe) - 719468)};
}

void civilFromDate(Date date, int &year, unsigned &month, unsigned &day)
{
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

namespace {

bool digitsAt(std::string_view text, std::size_t pos, std::size_t count, int &out)
{
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

bool isLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned daysInMonth(int year, unsigned month)
{
    static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

} // namespace

std::optional<Date> parseDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digitsAt(text, 0, 4, year) || !digitsAt(text, 5, 2, month) || !digitsAt(text, 8, 2, day))
        return std::nullopt;
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return std::nullopt;
    if (static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return std::nullopt;
    return dateFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string formatDate(Date date)
{
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civilFromDate(date, year, month, day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    return buf;
}

int weekdayIndex(Date date)
{
    // 1970-01-01 was a Thursday (index 3).
    const int idx = (date.days + 3) % 7;
    return idx < 0 ? idx + 7 : idx;
}

std::optional<Clock> parseClock(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    int hours = 0;
    int minutes = 0;
    if (!digitsAt(text, 0, 2, hours) || !digitsAt(text, 3, 2, minutes))
        return std::nullopt;
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return Clock{hours * 60 + minutes};
}

std::string formatClock(Clock clock)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", clock.minutes / 60, clock.minutes % 60);
    return buf;
}

} // namespace lfr
