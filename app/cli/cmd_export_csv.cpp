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

ScenarioAndPlan loadScenarioAndPlan(const Args &args, const char *usage)
{
    lfr::Scenario scenario;
    lfr::Plan plan;
    if (const auto db = args.value("db")) {
        args.expectPositional(0, 0, usage);
        const auto name = args.value("scenario");
        if (!name)
            throw UsageError("--db needs --scenario NAME");
        const auto storage = lfr::openStorage(*db, lfr::OpenMode::ExistingOnly);
        if (!storage->hasScenario(*name))
            throw lfr::InputError(*db, "no scenario named \"" + *name + "\" (see lfrplan list)");
        scenario = storage->loadScenario(*name);
        const auto saved = storage->loadPlan(*name);
        if (!saved)
            throw lfr::InputError(*db, "scenario \"" + *name + "\" has no saved plan (solve it with --db first)");
        plan = *saved;
    } else {
        args.expectPositional(2, 2, usage);
        scenario = lfr::readScenarioFile(args.positional()[0]);
        plan = lfr::readPlanFile(args.positional()[1]);
        if (plan.scenario != scenario.name)
            throw lfr::InputError(args.positional()[1],
                                  "the plan is for scenario \"" + plan.scenario + "\", not \"" + scenario.name + "\"");
    }
    return {std::move(scenario), std::move(plan)};
}

void writeOutput(const std::string &where, const std::string &text, const std::string &what)
{
    if (where == "-") {
        std::cout << text;
        return;
    }
    lfr::writeFileAtomically(where, text);
    std::cerr << "wrote the " << what << " to " << where << "\n";
}

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
    const Args args("export-csv", argv, {{"schedule"}, {"roster"}, {"db"}, {"scenario"}});
    const auto [scenario, plan] = loadScenarioAndPlan(args, usage);
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
