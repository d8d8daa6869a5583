// LFR duties as iCalendar (RFC 5545) for calendar programs (issue 5): a
// VCALENDAR with the Europe/London time zone (GMT/BST rules) and one VEVENT
// per duty, times local to London. Text is escaped (backslash, semicolon,
// comma, newline), lines end in CRLF and are folded at 75 octets without
// splitting a UTF-8 character.
#pragma once

#include "lfrplan/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lfr {

struct CalendarOptions {
    CalendarOptions() = default;
    // {"20261126T120000Z"} gives the stamp alone, as before SEQUENCE existed.
    CalendarOptions(std::string stampUtc, std::optional<int> sequenceNumber = std::nullopt) // NOLINT
        : stamp(std::move(stampUtc)), sequence(sequenceNumber)
    {
    }
    // DTSTAMP of every event, "YYYYMMDDTHHMMSSZ" (UTC); empty: now.
    std::string stamp;
    // SEQUENCE of every event (RFC 5545 3.8.7.4), so that a calendar that
    // imported an earlier copy updates its events in place; absent: none
    // written (0). docs/publishing.md has the rule lfrplan follows.
    std::optional<int> sequence;
};

// One officer's duties in the plan: an event per deployment they crew.
// Throws InputError when the scenario has no such officer.
std::string officerCalendar(const Scenario &scenario, const std::vector<Deployment> &deployments,
                            std::string_view officer, const CalendarOptions &options = {});

// A team's duties: an event per deployment with officers of the team, each
// named in the event's description. Throws InputError for an unknown team.
std::string teamCalendar(const Scenario &scenario, const std::vector<Deployment> &deployments, std::string_view team,
                         const CalendarOptions &options = {});

// One officer's duty in `deployment` cancelled, as an iTIP CANCEL (RFC 5546
// 3.2.5): METHOD:CANCEL and one VEVENT with the UID officerCalendar() gave
// the duty, STATUS:CANCELLED and options.sequence. RFC 5546 wants every
// VEVENT of a CANCEL to share one UID, so each cancelled duty is a calendar
// of its own. An officer no longer in the scenario is named by id.
std::string officerCancellation(const Scenario &scenario, const Deployment &deployment, std::string_view officer,
                                const CalendarOptions &options = {});

// RFC 5545 TEXT escaping.
std::string icsText(std::string_view text);

} // namespace lfr
