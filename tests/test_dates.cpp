#include "lfrplan/dates.h"

#include <catch2/catch.hpp>

using namespace lfr;

TEST_CASE("strict dates accept real calendar days only", "[dates]")
{
    CHECK(parseDate("2026-12-07").has_value());
    CHECK(parseDate("2024-02-29").has_value());
    CHECK_FALSE(parseDate("2026-02-29"));
    CHECK_FALSE(parseDate("1900-02-29"));
    CHECK(parseDate("2000-02-29").has_value());
    CHECK_FALSE(parseDate("2026-13-01"));
    CHECK_FALSE(parseDate("2026-00-10"));
    CHECK_FALSE(parseDate("2026-04-31"));
    CHECK_FALSE(parseDate("2026-4-03"));
    CHECK_FALSE(parseDate("2026-12-07 "));
    CHECK_FALSE(parseDate("07/12/2026"));
    CHECK_FALSE(parseDate("2026-12-0a"));
    CHECK_FALSE(parseDate(""));
    CHECK_FALSE(parseDate("0000-01-01"));
}

TEST_CASE("dates round-trip and know their weekday", "[dates]")
{
    for (int days = -800000; days < 800000; days += 997) {
        const Date d{days};
        const auto parsed = parseDate(formatDate(d));
        if (formatDate(d).size() == 10 && formatDate(d)[0] != '-' && formatDate(d) >= "0001-01-01") {
            REQUIRE(parsed.has_value());
            CHECK(parsed->days == days);
        }
    }
    CHECK(formatDate(Date{0}) == "1970-01-01");
    CHECK(weekdayIndex(*parseDate("1970-01-01")) == 3); // Thursday
    CHECK(weekdayIndex(*parseDate("2026-12-07")) == 0); // Monday
    CHECK(weekdayIndex(*parseDate("2026-12-05")) == 5); // Saturday
    CHECK(weekdayIndex(*parseDate("2026-12-13")) == 6); // Sunday
    CHECK(weekdayIndex(*parseDate("1969-12-31")) == 2); // Wednesday, before the epoch
    CHECK(daysBetween(*parseDate("2026-12-31"), *parseDate("2027-01-02")) == 2);
}

TEST_CASE("strict clock times", "[dates]")
{
    CHECK(parseClock("00:00")->minutes == 0);
    CHECK(parseClock("23:59")->minutes == 1439);
    CHECK(parseClock("17:30")->minutes == 1050);
    CHECK_FALSE(parseClock("24:00"));
    CHECK_FALSE(parseClock("12:60"));
    CHECK_FALSE(parseClock("7:00"));
    CHECK_FALSE(parseClock("07:00:00"));
    CHECK_FALSE(parseClock("ab:cd"));
    CHECK(formatClock(Clock{1050}) == "17:30");
    CHECK(formatClock(Clock{5}) == "00:05");
}
