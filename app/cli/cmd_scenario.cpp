// scenario clone|rename|delete, and compare: commanders' what-if scenarios
// in a database, and their plans side by side.
#include "args.h"
#include "commands.h"

#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_compare.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <iostream>

namespace lfrcli {

namespace {

void requireScenario(lfr::Storage &store, const std::string &db, const std::string &name)
{
    if (!store.hasScenario(name))
        throw lfr::InputError(db, "no scenario named \"" + name + "\" (see lfrplan list)");
}

// The clone's changes, from the options.
lfr::WhatIf whatIf(const Args &args)
{
    lfr::WhatIf w;
    const auto option = [&](const char *name) -> std::optional<int> {
        if (const auto v = args.integer(name, 0, 100000))
            return static_cast<int>(*v);
        return std::nullopt;
    };
    w.maxDeployments = option("max-deployments");
    w.maxDays = option("max-days");
    w.maxPerDate = option("max-per-date");
    w.maxDutiesPerOfficer = option("max-duties");
    if (const auto v = args.value("travel-weight")) {
        try {
            std::size_t used = 0;
            w.travelWeight = std::stod(*v, &used);
            if (used != v->size())
                throw std::invalid_argument("trailing text");
        } catch (const std::exception &) {
            throw UsageError("--travel-weight " + *v + ": expected a number, e.g. 0.1");
        }
    }
    if (const auto v = args.value("van-out")) {
        const auto at = v->find('@');
        if (at != std::string::npos) {
            w.vanOutDate = lfr::parseDate(v->substr(at + 1));
            if (!w.vanOutDate)
                throw UsageError("--van-out " + *v + ": \"" + v->substr(at + 1) + "\" is not a YYYY-MM-DD date");
        }
        w.vanOut = v->substr(0, at);
    }
    if (const auto v = args.value("team-loses")) {
        const auto at = v->rfind(':');
        int count = -1;
        try {
            count = at == std::string::npos ? -1 : std::stoi(v->substr(at + 1));
        } catch (const std::exception &) {
            count = -1;
        }
        if (count < 0)
            throw UsageError("--team-loses " + *v + ": expected TEAM:N, e.g. west-end:20");
        w.team = v->substr(0, at);
        w.teamLoses = count;
    }
    return w;
}

} // namespace

int cmdScenario(const Argv &argv)
{
    const char *usage = "lfrplan scenario clone DB FROM TO [--max-deployments N] [--max-days N] [--max-per-date N]\n"
                        "                             [--max-duties N] [--travel-weight W]\n"
                        "                             [--van-out VAN[@DATE]] [--team-loses TEAM:N]\n"
                        "       lfrplan scenario rename DB FROM TO\n"
                        "       lfrplan scenario delete DB NAME\n"
                        "       lfrplan scenario notes DB NAME [--set TEXT]";
    if (printHelpIfAsked(argv, usage,
                         "Clones, renames or deletes a stored scenario. A clone is a what-if in one step: the\n"
                         "policy's counts, a van in the garage (all week, or on one date), or a team losing\n"
                         "officers (the last ones no pin names). A plain clone keeps the saved plan; a changed\n"
                         "one starts without a plan (solve it: lfrplan solve --db DB --scenario TO). A clone's\n"
                         "notes say what it was cloned from and with which changes; notes prints a scenario's\n"
                         "notes, or replaces them with --set TEXT.\n"))
        return kExitOk;
    const Args args("scenario", argv,
                    {{"max-deployments"},
                     {"max-days"},
                     {"max-per-date"},
                     {"max-duties"},
                     {"travel-weight"},
                     {"van-out"},
                     {"team-loses"},
                     {"set"}});
    const auto &pos = args.positional();
    if (pos.empty())
        throw UsageError("usage: " + std::string(usage));
    const std::string &action = pos[0];
    if (action == "clone" || action == "rename") {
        args.expectPositional(4, 4, usage);
        const auto store = existingStore(pos[1]);
        requireScenario(*store, pos[1], pos[2]);
        if (store->hasScenario(pos[3]))
            throw lfr::InputError(pos[1], "a scenario named \"" + pos[3] + "\" already exists");
        if (action == "rename") {
            store->renameScenario(pos[2], pos[3]);
            std::cerr << "renamed \"" << pos[2] << "\" to \"" << pos[3] << "\"\n";
            return kExitOk;
        }
        const lfr::WhatIf change = whatIf(args);
        lfr::cloneScenario(*store, pos[2], pos[3], change);
        std::cerr << "cloned \"" << pos[2] << "\" as \"" << pos[3] << "\""
                  << (change.changesAnything() ? " with changes" : "") << "\n";
        return kExitOk;
    }
    if (action == "notes") {
        args.expectPositional(3, 3, usage);
        const auto text = args.value("set");
        const auto store = text ? existingStore(pos[1]) : readOnlyStore(pos[1]);
        requireScenario(*store, pos[1], pos[2]);
        if (text) {
            store->saveNotes(pos[2], *text);
            std::cerr << "saved the notes of \"" << pos[2] << "\"\n";
        } else {
            const std::string notes = store->loadNotes(pos[2]);
            std::cout << notes;
            if (!notes.empty() && notes.back() != '\n')
                std::cout << "\n";
        }
        return kExitOk;
    }
    if (action == "delete") {
        args.expectPositional(3, 3, usage);
        const auto store = existingStore(pos[1]);
        requireScenario(*store, pos[1], pos[2]);
        store->deleteScenario(pos[2]);
        std::cerr << "deleted \"" << pos[2] << "\" and its plan\n";
        return kExitOk;
    }
    throw UsageError("unknown action \"" + action + "\"\nusage: " + std::string(usage));
}

int cmdCompare(const Argv &argv)
{
    const char *usage = "lfrplan compare DB NAME NAME [NAME [NAME]] [--time-limit S]";
    if (printHelpIfAsked(argv, usage,
                         "Compares two to four stored scenarios side by side: deployments, days, VALUE,\n"
                         "TRAVEL, OBJECTIVE (and its change from the first), officer-hours in crews by team,\n"
                         "and deployments at each hotspot. A scenario with a saved plan is compared on it;\n"
                         "one without is solved first (the plan is not stored).\n"
                         "Options:\n"
                         "  --time-limit S   for the scenarios solved here [60]\n"))
        return kExitOk;
    const Args args("compare", argv, {{"time-limit"}});
    args.expectPositional(3, 5, usage);
    const auto &pos = args.positional();
    const auto store = readOnlyStore(pos[0]);
    lfr::SolverOptions options;
    if (const auto t = args.integer("time-limit", 1, 86400))
        options.timeLimitSeconds = static_cast<double>(*t);
    std::vector<lfr::Scenario> scenarios;
    std::vector<std::vector<lfr::Deployment>> plans;
    for (std::size_t i = 1; i < pos.size(); ++i) {
        requireScenario(*store, pos[0], pos[i]);
        scenarios.push_back(store->loadScenario(pos[i]));
        if (const auto plan = store->loadPlan(pos[i])) {
            plans.push_back(plan->deployments);
        } else {
            std::cerr << "solving \"" << pos[i] << "\" (no saved plan)...\n";
            plans.push_back(lfr::solve(scenarios.back(), options).plan.deployments);
        }
    }
    std::vector<lfr::ComparedPlan> compared;
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        compared.push_back({scenarios[i].name, &scenarios[i], lfr::planFigures(scenarios[i], plans[i]),
                            store->loadNotes(scenarios[i].name)});
    std::cout << lfr::comparisonTable(compared);
    return kExitOk;
}

} // namespace lfrcli
