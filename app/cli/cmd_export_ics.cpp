// export-ics: one officer's or one team's LFR duties in a plan as an
// iCalendar file (Europe/London times) for calendar programs.
#include "args.h"
#include "commands.h"

#include "lfrplan/calendar_export.h"
#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"

namespace lfrcli {

int cmdExportIcs(const Argv &argv)
{
    const char *usage = "lfrplan export-ics SCENARIO.json PLAN.json (--officer ID | --team ID) [-o FILE.ics]\n"
                        "       lfrplan export-ics DB NAME (--officer ID | --team ID) [-o FILE.ics]";
    if (printHelpIfAsked(argv, usage,
                         "Writes the LFR duties of one officer (an event per deployment they crew) or one team\n"
                         "(an event per deployment with its officers, named in the description) as an iCalendar\n"
                         "(RFC 5545) file in the Europe/London time zone, written atomically. A calendar names\n"
                         "officers: it is personal data, written with your umask (an existing file keeps its\n"
                         "mode). An event's UID is its deployment (date, window, hotspot) and whose calendar it\n"
                         "is, so importing it again - after a rename too - updates the events, never doubles them.\n"
                         "A plan that breaks a hard constraint is refused (exit 1) unless --allow-invalid.\n"
                         "Options:\n"
                         "  --officer ID      the officer's duties\n"
                         "  --team ID         the team's duties\n"
                         "  -o, --output FILE where to write (standard output when absent or -)\n"
                         "  --allow-invalid   export a plan that breaks hard constraints, with a warning\n"
                         "DB NAME is a database and a stored scenario with its saved plan (--db DB --scenario NAME\n"
                         "is the same).\n"))
        return kExitOk;
    const Args args("export-ics", argv, withExportOptions({{"officer"}, {"team"}, {"output", true, 'o'}}));
    const auto officer = args.value("officer");
    const auto team = args.value("team");
    if (officer.has_value() == team.has_value())
        throw UsageError("give one of --officer ID or --team ID\nusage: " + std::string(usage));
    const std::string output = args.value("output").value_or("-");
    if (output != "-")
        lfr::checkOutputWritable(output);
    const ScenarioAndPlan data = loadScenarioAndPlan(args, usage);
    if (!planMayBeExported(data, args, args.command()))
        return kExitInvalid;
    const auto &[scenario, plan] = data;
    const std::string text = officer ? lfr::officerCalendar(scenario, plan.deployments, *officer)
                                     : lfr::teamCalendar(scenario, plan.deployments, *team);
    writeOutput(output, text, "calendar");
    return kExitOk;
}

} // namespace lfrcli
