// export-ics: one officer's or one team's LFR duties in a plan as an
// iCalendar file (Europe/London times) for calendar programs.
#include "args.h"
#include "commands.h"

#include "lfrplan/calendar_export.h"
#include "lfrplan/change_notices.h"
#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"

#include <algorithm>

namespace lfrcli {

namespace {

// --published takes an optional version: "--published 3" or "--published=3"
// give that version, a bare --published the last one ("last").
Argv withPublishedValue(const Argv &argv)
{
    Argv out;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        if (argv[i] != "--published") {
            out.push_back(argv[i]);
            continue;
        }
        const bool number =
            i + 1 < argv.size() && !argv[i + 1].empty() &&
            std::all_of(argv[i + 1].begin(), argv[i + 1].end(), [](char c) { return c >= '0' && c <= '9'; });
        out.push_back("--published=" + (number ? argv[++i] : std::string("last")));
    }
    return out;
}

// The scenario and its published version `which` ("last" or a number).
ScenarioAndPlan loadPublished(const Args &args, const char *usage, const std::string &which, int &version)
{
    if (!namesDatabase(args))
        throw UsageError("--published needs DB NAME: published versions live in a database\nusage: " +
                         std::string(usage));
    const auto [db, name] = databaseAndScenario(args, usage);
    const auto store = readOnlyStore(db);
    if (!store->hasScenario(name))
        throw lfr::InputError(db, "no scenario named \"" + name + "\" (see lfrplan list " + db + ")");
    const auto versions = store->publishedVersions(name);
    if (versions.empty())
        throw lfr::InputError(db, "scenario \"" + name + "\" has no published version (lfrplan publish " + db +
                                      " NAME publishes its saved plan)");
    const lfr::PublishedVersion *chosen = &versions.back();
    if (which != "last") {
        const auto it = std::find_if(versions.begin(), versions.end(), [&](const lfr::PublishedVersion &v) {
            return std::to_string(v.version) == which;
        });
        if (it == versions.end())
            throw lfr::InputError(db, "scenario \"" + name + "\" has no published version " + which +
                                          " (versions 1 to " + std::to_string(versions.back().version) + ")");
        chosen = &*it;
    }
    version = chosen->version;
    return {store->loadScenario(name), chosen->plan};
}

} // namespace

int cmdExportIcs(const Argv &argv)
{
    const char *usage = "lfrplan export-ics SCENARIO.json PLAN.json (--officer ID | --team ID) [-o FILE.ics]\n"
                        "       lfrplan export-ics DB NAME [--published [N]] (--officer ID | --team ID) [-o FILE.ics]";
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
                         "  --published [N]   published version N (the last when N is absent) instead of the saved\n"
                         "                    plan; its events carry SEQUENCE 2N, so that lfrplan changes can\n"
                         "                    update them in place (docs/publishing.md)\n"
                         "DB NAME is a database and a stored scenario with its saved plan (--db DB --scenario NAME\n"
                         "is the same).\n"))
        return kExitOk;
    const Args args("export-ics", withPublishedValue(argv),
                    withExportOptions({{"officer"}, {"team"}, {"output", true, 'o'}, {"published"}}));
    const auto officer = args.value("officer");
    const auto team = args.value("team");
    if (officer.has_value() == team.has_value())
        throw UsageError("give one of --officer ID or --team ID\nusage: " + std::string(usage));
    const std::string output = args.value("output").value_or("-");
    if (output != "-")
        lfr::checkOutputWritable(output);
    const auto published = args.value("published");
    int version = 0;
    const ScenarioAndPlan data =
        published ? loadPublished(args, usage, *published, version) : loadScenarioAndPlan(args, usage);
    if (!planMayBeExported(data, args, args.command()))
        return kExitInvalid;
    const auto &[scenario, plan] = data;
    lfr::CalendarOptions options;
    if (published)
        options.sequence = lfr::publishedSequence(version);
    const std::string text = officer ? lfr::officerCalendar(scenario, plan.deployments, *officer, options)
                                     : lfr::teamCalendar(scenario, plan.deployments, *team, options);
    writeOutput(output, text, "calendar");
    return kExitOk;
}

} // namespace lfrcli
