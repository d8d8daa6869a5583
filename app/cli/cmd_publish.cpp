// lfrplan publish (issue 20): freeze a scenario's saved plan as its next
// published version, or list the versions (docs/publishing.md).
#include "args.h"
#include "commands.h"

#include "lfrplan/publishing.h"

#include <cstdio>
#include <iostream>

namespace lfrcli {

namespace {

std::string objectiveText(const lfr::Plan &plan)
{
    if (!plan.figures)
        return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", plan.figures->objective);
    return buffer;
}

} // namespace

int cmdPublish(const Argv &argv)
{
    const char *usage = "lfrplan publish DB NAME [--list]";
    if (printHelpIfAsked(
            argv, usage,
            "Freezes the scenario's saved plan as its next published version (1, 2, ...), with your\n"
            "login and the time: the plan the officers are told. A published version is never changed\n"
            "or removed, and publishing is audited. A plan that breaks a hard constraint is refused\n"
            "(exit 1, the violations as validate words them); so is a plan whose deployments and\n"
            "crews are those of the last published version. After the first version, what changed\n"
            "since the one before is listed.\n"
            "  --list   list the published versions instead (number, when, who, deployments, OBJECTIVE)\n"))
        return kExitOk;
    const Args args("publish", argv, {{"list", false}, {"db"}, {"scenario"}});
    const StoredScenarioArgument where = databaseAndScenario(args, usage);
    if (args.flag("list")) {
        auto store = readOnlyStore(where.database);
        const auto versions = store->publishedVersions(where.scenario);
        if (versions.empty()) {
            std::cout << "scenario \"" << where.scenario << "\" has no published version\n";
            return kExitOk;
        }
        std::cout << "version  published at          by                deployments  OBJECTIVE\n";
        for (const lfr::PublishedVersion &v : versions) {
            char line[256];
            std::snprintf(line, sizeof line, "%7d  %-20s  %-16s  %11zu  %s\n", v.version, v.publishedAt.c_str(),
                          v.publishedBy.c_str(), v.plan.deployments.size(), objectiveText(v.plan).c_str());
            std::cout << line;
        }
        return kExitOk;
    }
    auto store = existingStore(where.database);
    const std::optional<lfr::PublishedVersion> before = store->lastPublished(where.scenario);
    lfr::PublishedVersion published;
    try {
        published = lfr::publishSavedPlan(*store, where.scenario);
    } catch (const lfr::PublishRefused &refused) {
        std::cerr << "lfrplan publish: " << refused.what() << "\nfix the plan (lfrplan validate " << where.database
                  << " " << where.scenario << " shows the same), save it, and publish again\n";
        return kExitInvalid;
    }
    std::cout << "published version " << published.version << " of scenario \"" << where.scenario
              << "\": " << published.plan.deployments.size() << " deployments, OBJECTIVE "
              << objectiveText(published.plan) << ", by " << published.publishedBy << " at " << published.publishedAt
              << "\n";
    if (before) {
        const lfr::Scenario scenario = store->peekScenario(where.scenario);
        const lfr::PlanChanges changes = lfr::comparePlans(before->plan.deployments, published.plan.deployments);
        std::cout << "changes since version " << before->version << " (" << changes.crewPlacesChanged()
                  << " crew places):\n";
        for (const std::string &line : lfr::describeChanges(scenario, changes))
            std::cout << "  " << line << "\n";
    }
    return kExitOk;
}

} // namespace lfrcli
