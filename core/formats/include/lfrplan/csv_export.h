// Schedules and rosters as CSV for spreadsheets (issue 5): RFC 4180 (comma
// separated, CRLF line ends, a field quoted when it holds a comma, a quote,
// CR or LF, quotes doubled), UTF-8, a header row, ISO dates.
//
// A cell a spreadsheet would evaluate as a formula — text starting with
// '=', '+', '-', '@', a tab or a carriage return — is neutralised by a
// leading apostrophe ('), which spreadsheets show as text and do not
// evaluate (the OWASP advice on CSV injection). Numbers the program writes
// itself (values, kilometres) are never neutralised: a negative number is
// not text.
#pragma once

#include "lfrplan/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace lfr {

// One field as written: neutralised when text starts like a formula, then
// quoted when needed.
std::string csvTextField(std::string_view text);

// One row per deployment: date, weekday, window, start, end, hotspot id and
// name, borough, van, crew (members/needed), value, counted value, travel
// km, travel penalty, pinned (yes/no).
std::string scheduleCsv(const Scenario &scenario, const std::vector<Deployment> &deployments);

// One row per officer assignment, in deployment order: date, weekday, window
// start and end, hotspot, borough, van, role, officer id, name, rank, team.
std::string rosterCsv(const Scenario &scenario, const std::vector<Deployment> &deployments);

} // namespace lfr
