// export-csv: a plan's schedule (a row per deployment) and roster (a row per
// officer assignment) as CSV for spreadsheets, written atomically.
#include "args.h"
#include "commands.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <filesystem>
#include <iostream>
#include <vector>

namespace lfrcli {

int cmdExportCsv(const Argv &argv)
{
    const char *usage = "lfrplan export-csv SCENARIO.json PLAN.json [--schedule FILE] [--roster FILE] [--excel]\n"
                        "       lfrplan export-csv DB NAME [--schedule FILE] [--roster FILE] [--excel]";
    if (printHelpIfAsked(argv, usage,
                         "Writes the plan's schedule (one row per deployment) and roster (one row per officer\n"
                         "assignment) as CSV: RFC 4180 quoting, UTF-8, CRLF line ends, a header row, ISO dates.\n"
                         "Both files start with a 'deployment' key (DATE/WINDOW/HOTSPOT) and carry the window,\n"
                         "hotspot, van and team ids, so they join without names; rows go by date, window and van.\n"
                         "Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage\n"
                         "return) gets a leading apostrophe. The roster names officers: it is personal data, and\n"
                         "is written with your umask (an existing file keeps its mode).\n"
                         "Both files are prepared before either is replaced: exit 2 means nothing was written.\n"
                         "With neither option, the schedule goes to standard output.\n"
                         "A plan that breaks a hard constraint is refused (exit 1) unless --allow-invalid.\n"
                         "Options:\n"
                         "  --schedule FILE   the schedule CSV (- for standard output)\n"
                         "  --roster FILE     the roster CSV (- for standard output; not both)\n"
                         "  --excel           start each file with a UTF-8 byte order mark, so Excel and LibreOffice\n"
                         "                    read it as UTF-8 when opened directly (see docs/cli.md)\n"
                         "  --allow-invalid   export a plan that breaks hard constraints, with a warning\n"
                         "DB NAME is a database and a stored scenario with its saved plan (--db DB --scenario NAME\n"
                         "is the same).\n"))
        return kExitOk;
    const Args args("export-csv", argv, withExportOptions({{"schedule"}, {"roster"}, {"excel", false}}));
    const auto schedule = args.value("schedule");
    const auto roster = args.value("roster");
    checkTwoOutputs(schedule, "--schedule", roster, "--roster");
    const ScenarioAndPlan data = loadScenarioAndPlan(args, usage);
    if (!planMayBeExported(data, args, args.command()))
        return kExitInvalid;
    const auto &[scenario, plan] = data;
    const lfr::CsvFlavour flavour = args.flag("excel") ? lfr::CsvFlavour::Excel : lfr::CsvFlavour::Plain;

    std::vector<Output> outputs;
    if (!schedule && !roster)
        outputs.push_back({"-", lfr::scheduleCsv(scenario, plan.deployments, flavour), "schedule"});
    if (schedule)
        outputs.push_back({*schedule, lfr::scheduleCsv(scenario, plan.deployments, flavour), "schedule"});
    if (roster)
        outputs.push_back({*roster, lfr::rosterCsv(scenario, plan.deployments, flavour), "roster"});
    writeOutputs(outputs);
    return kExitOk;
}

} // namespace lfrcli
