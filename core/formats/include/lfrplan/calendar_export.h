// LFR duties as iCalendar (RFC 5545) for calendar programs (issue 5): a
// VCALENDAR with the Europe/London time zone (GMT/BST rules) and one VEVENT
// per duty, times local to London. Text is escaped (backslash, semicolon,
// comma, newline), lines end in CRLF and are folded at 75 octets without
// splitting a UTF-8 character.
#pragma once

#include "lfrplan/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace lfr {

struct CalendarOptions {
    // DTSTAMP of every event, "YYYYMMDDTHHMMSSZ" (UTC); empty: now.
    std::string stamp;
};

// One officer's duties in the plan: an event per deployment they crew.
// Throws InputError when the scenario has no such officer.
std::string officerCalendar(const Scenario &scenario, const std::vector<Deployment> &deployments,
                            std::string_view officer, const CalendarOptions &options = {});

// A team's duties: an event per deployment with officers of the team, each
// named in the event's description. Throws InputError for an unknown team.
std::string teamCalendar(const Scenario &scenario, const std::vector<Deployment> &deployments, std::string_view team,
                         const CalendarOptions &options = {});

// RFC 5545 TEXT escaping.
std::string icsText(std::string_view text);

} // namespace lfr
