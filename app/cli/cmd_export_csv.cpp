// export-csv: a plan's schedule (a row per deployment) and roster (a row per
// officer assignment) as CSV for spreadsheets, written atomically.
#include "args.h"
#include "commands.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <iostream>

namespace lfrcli {

int cmdExportCsv(const Argv &argv)
{
    const char *usage = "lfrplan export-csv SCENARIO.json PLAN.json [--schedule FILE] [--roster FILE]\n"
                        "       lfrplan export-csv --db DB --scenario NAME [--schedule FILE] [--roster FILE]";
    if (printHelpIfAsked(argv, usage,
                         "Writes the plan's schedule (one row per deployment) and roster (one row per officer\n"
                         "assignment: date, weekday, window start and end, hotspot, borough, van, role, officer\n"
                         "id, name, rank, team) as CSV: RFC 4180 quoting, UTF-8, a header row, ISO dates. Text a\n"
                         "spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)\n"
                         "gets a leading apostrophe. Files are written atomically: a failure leaves no partial\n"
                         "file. With neither option, the schedule goes to standard output.\n"
                         "Options:\n"
                         "  --schedule FILE   the schedule CSV (- for standard output)\n"
                         "  --roster FILE     the roster CSV (- for standard output)\n"
                         "  --db DB --scenario NAME   a stored scenario and its saved plan\n"))
        return kExitOk;
    const Args args("export-csv", argv, withExportOptions({{"schedule"}, {"roster"}}));
    const ScenarioAndPlan data = loadScenarioAndPlan(args, usage);
    if (!planMayBeExported(data, args, args.command()))
        return kExitInvalid;
    const auto &[scenario, plan] = data;
    const auto schedule = args.value("schedule");
    const auto roster = args.value("roster");
    if (!schedule && !roster)
        writeOutput("-", lfr::scheduleCsv(scenario, plan.deployments), "schedule");
    if (schedule)
        writeOutput(*schedule, lfr::scheduleCsv(scenario, plan.deployments), "schedule");
    if (roster)
        writeOutput(*roster, lfr::rosterCsv(scenario, plan.deployments), "roster");
    return kExitOk;
}

} // namespace lfrcli
