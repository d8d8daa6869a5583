// lfrplan replan (issue 20): apply a mid-week disruption to a stored
// scenario and re-plan from its last published version with the fewest
// changes (docs/planning-problem.md section 6, docs/publishing.md).
#include "args.h"
#include "commands.h"

#include "lfrplan/disruption.h"
#include "lfrplan/file_io.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/publishing.h"
#include "lfrplan/storage.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace lfrcli {

int cmdReplan(const Argv &argv)
{
    const char *usage = "lfrplan replan DB NAME [--officer-out ID[@DATE]]... [--van-out VAN[@DATE]]...\n"
                        "       [--team-loses TEAM:N[@DATE]]... [--add-hotspot-date HOTSPOT@DATE]...\n"
                        "       [--time-limit S] [-o PLAN.json] [--dry-run]";
    if (printHelpIfAsked(
            argv, usage,
            "Applies a disruption to the stored scenario and re-plans from its last published version,\n"
            "changing as little as it can: first it keeps every published deployment that can still be\n"
            "staffed (same hotspot, date, window and van), then it changes as few crew places as\n"
            "possible, then it takes the best OBJECTIVE among those (docs/planning-problem.md section 6).\n"
            "It adds no deployment beyond the published ones and what a pin or --add-hotspot-date asks\n"
            "for. The disrupted scenario and the new plan are saved together, audited; nothing is\n"
            "published (lfrplan publish does that once you have told the people affected).\n"
            "  --officer-out ID[@DATE]       the officer is off the roster that date (every date without one)\n"
            "  --van-out VAN[@DATE]          the van is out of service that date (every date without one)\n"
            "  --team-loses TEAM:N[@DATE]    the team has N fewer officers on duty: those the published plan\n"
            "                                can best spare go off the roster (named in the output)\n"
            "  --add-hotspot-date HOTSPOT@DATE  the hotspot must be deployed that date (pinned, in the\n"
            "                                window the re-plan finds best)\n"
            "  --time-limit S                seconds for the search (default 30); a re-plan not proven\n"
            "                                minimal in time says so\n"
            "  -o, --output FILE             also write the new plan as JSON (- for standard output)\n"
            "  --dry-run                     show the re-plan, save nothing\n"
            "Each option may be given more than once. Exit code: 0 every published deployment kept,\n"
            "1 a published deployment had to go or the pins cannot be met (the reasons are printed;\n"
            "the re-plan is still saved unless the pins cannot be met), 2 bad input (nothing saved),\n"
            "3 database busy.\n"))
        return kExitOk;
    const Args args("replan", argv,
                    {{"officer-out"},
                     {"van-out"},
                     {"team-loses"},
                     {"add-hotspot-date"},
                     {"time-limit"},
                     {"output", true, 'o'},
                     {"dry-run", false},
                     {"db"},
                     {"scenario"}});
    const StoredScenarioArgument where = databaseAndScenario(args, usage);
    lfr::Disruption disruption;
    for (const std::string &v : args.values("officer-out"))
        disruption.officersOut.push_back(lfr::parseOfficerOut(v));
    for (const std::string &v : args.values("van-out"))
        disruption.vansOut.push_back(lfr::parseVanOut(v));
    for (const std::string &v : args.values("team-loses"))
        disruption.teamsLose.push_back(lfr::parseTeamLoses(v));
    for (const std::string &v : args.values("add-hotspot-date"))
        disruption.hotspotDates.push_back(lfr::parseHotspotDate(v));
    if (disruption.empty())
        throw UsageError("say what happened: --officer-out, --van-out, --team-loses or --add-hotspot-date\nusage: " +
                         std::string(usage));
    lfr::ReplanOptions options;
    if (const auto v = args.seconds("time-limit"))
        options.timeLimitSeconds = *v;
    const auto output = args.value("output");
    const bool toStdout = output && *output == "-";
    if (output && !toStdout)
        lfr::checkOutputWritable(*output);
    const bool dryRun = args.flag("dry-run");

    auto store = dryRun ? readOnlyStore(where.database) : existingStore(where.database);
    if (!store->hasScenario(where.scenario))
        throw lfr::InputError(where.database,
                              "no scenario named \"" + where.scenario + "\" (see lfrplan list " + where.database + ")");
    if (!dryRun && !store->permissions().editPlans)
        throw lfr::StorageError(where.database + ": you (" + store->actor() + ", " + store->permissions().role +
                                ") may not save plans here; nothing was changed");
    const lfr::ReplanOutcome outcome = lfr::replanStored(*store, where.scenario, disruption, options, !dryRun);
    const lfr::Plan &plan = outcome.result.plan;
    if (output)
        writeOutput(*output, lfr::writePlan(plan), "plan");
    std::ostream &out = toStdout ? std::cerr : std::cout;
    out << "disruption:\n";
    for (const std::string &line : outcome.what)
        out << "  " << line << "\n";
    if (plan.status == lfr::PlanStatus::Infeasible) {
        out << "no re-plan: " << plan.reason.value_or("") << "\nnothing was saved\n";
        return kExitInvalid;
    }
    const lfr::Stability &st = *plan.stability;
    char figures[160];
    std::snprintf(figures, sizeof figures, "%.3f", plan.figures->objective);
    out << "re-plan from published version " << st.fromVersion << ": keeps " << st.kept << " of " << st.published
        << " published deployments, " << st.crewPlacesChanged << " crew place" << (st.crewPlacesChanged == 1 ? "" : "s")
        << " changed, OBJECTIVE " << figures << " ("
        << (st.proven ? "proven minimal" : "NOT proven minimal: " + outcome.result.unproven) << ", "
        << outcome.result.elapsedSeconds << " s)\n";
    const lfr::PlanChanges changes = lfr::comparePlans(outcome.published, plan.deployments);
    if (changes.empty())
        out << "no change to any deployment\n";
    else
        out << "changes:\n";
    for (const std::string &line : lfr::describeChanges(outcome.disrupted, changes))
        out << "  " << line << "\n";
    if (!outcome.result.lost.empty()) {
        out << "published deployments that must go:\n";
        for (const std::string &line : outcome.result.lost)
            out << "  " << line << "\n";
    }
    if (outcome.saved)
        out << "saved the disrupted scenario and the re-plan to " << where.database
            << " (not published: lfrplan changes shows who to tell, lfrplan publish publishes it)\n";
    else
        out << "dry run: nothing was saved\n";
    return outcome.result.lost.empty() ? kExitOk : kExitInvalid;
}

} // namespace lfrcli
