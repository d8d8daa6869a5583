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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

// One field as written: neutralised when text starts like a formula, then
// quoted when needed.
std::string csvTextField(std::string_view text);

// Plain: UTF-8 as RFC 4180 says, for scripts and for spreadsheets told the
// character set (docs/cli.md has LibreOffice's and Excel's settings).
// Excel: the same with a UTF-8 byte order mark first, so that Excel and
// LibreOffice take it as UTF-8 without being told (line ends are CRLF in
// both).
enum class CsvFlavour : std::uint8_t { Plain, Excel };

// The key the schedule and the roster share for one deployment, e.g.
// "2026-12-09/day/oxford-circus": no two deployments share a date, window
// and hotspot (rule 2), so it joins the two files without names.
std::string deploymentKey(const Deployment &deployment);

// The order of the rows of both files: by date, window (its start, then its
// id), van, hotspot — not the plan's order.
std::vector<std::size_t> csvRowOrder(const Scenario &scenario, const std::vector<Deployment> &deployments);

// One row per deployment: deployment key, date, weekday, window id, start,
// end, hotspot id and name, borough, van id and name, crew (members/needed),
// value, counted value, travel km, travel penalty, pinned (yes/no).
std::string scheduleCsv(const Scenario &scenario, const std::vector<Deployment> &deployments,
                        CsvFlavour flavour = CsvFlavour::Plain);

// One row per officer assignment, deployments in the same order: deployment
// key, date, weekday, window id, start, end, hotspot id and name, borough,
// van id and name, role, officer id, name, rank, team id and name.
std::string rosterCsv(const Scenario &scenario, const std::vector<Deployment> &deployments,
                      CsvFlavour flavour = CsvFlavour::Plain);

} // namespace lfr
