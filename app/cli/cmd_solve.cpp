// solve: the best weekly plan for a scenario file or a stored scenario.
#include "args.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <unistd.h>

namespace lfrcli {

namespace {

void printPlan(const lfr::SolveResult &r)
{
    const lfr::Plan &p = r.plan;
    std::cout << "status: " << lfr::planStatusName(p.status);
    if (r.stop != lfr::SolveStop::Finished)
        std::cout << " (the " << lfr::solveStopName(r.stop) << " ended the search)";
    std::cout << "\n";
    if (p.status == lfr::PlanStatus::Infeasible) {
        std::cout << "reason: " << p.reason.value_or("") << "\n";
        return;
    }
    const lfr::ObjectiveFigures f = p.figures.value_or(lfr::ObjectiveFigures{});
    std::cout << std::fixed << std::setprecision(3) << "deployments: " << p.deployments.size() << "\nVALUE " << f.value
              << "\nTRAVEL " << f.travelPenalty << "\nOBJECTIVE " << f.objective << "\nbound " << p.bound.value_or(0)
              << "\n"
              << std::setprecision(2) << "time " << r.elapsedSeconds << " s, " << r.nodes << " search nodes\n"
              << std::defaultfloat;
    for (const lfr::Deployment &d : p.deployments)
        std::cout << "  " << lfr::formatDate(d.date) << "  " << std::left << std::setw(8) << d.window << std::setw(24)
                  << d.hotspot << std::setw(8) << d.van << std::right << " crew " << d.crew.size() << "\n";
}

} // namespace

int cmdSolve(const Argv &argv)
{
    const char *usage = "lfrplan solve SCENARIO.json -o PLAN.json [--time-limit S] [--seed N] [--gap G]\n"
                        "       lfrplan solve --db DB --scenario NAME [-o PLAN.json] [--time-limit S] [--seed N]";
    if (printHelpIfAsked(argv, usage,
                         "Finds the plan of highest OBJECTIVE that breaks no hard constraint, keeping every pin,\n"
                         "with a proven upper bound (status optimal when the plan meets it). Progress goes to the\n"
                         "terminal; the plan summary and what holds it back are printed after. With --db the\n"
                         "plan is stored with the scenario. Options:\n"
                         "  --time-limit S   stop after S seconds with the best plan so far [60]\n"
                         "  --seed N         breaks ties between equal slots [1]\n"
                         "  --gap G          stop when within relative gap G of the bound [1e-6]\n"
                         "Exit code: 0 a plan, 1 infeasible pins, 2 bad input.\n"))
        return kExitOk;
    const Args args("solve", argv, {{"output", true, 'o'}, {"time-limit"}, {"seed"}, {"gap"}, {"db"}, {"scenario"}});
    lfr::SolverOptions options;
    if (const auto v = args.value("time-limit")) {
        try {
            options.timeLimitSeconds = std::stod(*v);
        } catch (const std::exception &) {
            throw UsageError("option --time-limit must be a number of seconds, not \"" + *v + "\"");
        }
        if (!(options.timeLimitSeconds > 0))
            throw UsageError("option --time-limit must be > 0");
    }
    if (const auto v = args.value("gap")) {
        try {
            options.relativeGap = std::stod(*v);
        } catch (const std::exception &) {
            throw UsageError("option --gap must be a number, not \"" + *v + "\"");
        }
        if (!(options.relativeGap >= 0))
            throw UsageError("option --gap must be >= 0");
    }
    if (const auto v = args.integer("seed", 0, std::numeric_limits<long long>::max()))
        options.seed = static_cast<std::uint64_t>(*v);

    std::unique_ptr<lfr::Storage> storage;
    lfr::Scenario scenario;
    if (const auto db = args.value("db")) {
        args.expectPositional(0, 0, usage);
        const auto name = args.value("scenario");
        if (!name)
            throw UsageError("--db needs --scenario NAME");
        storage = lfr::openStorage(*db, lfr::OpenMode::ExistingOnly);
        if (!storage->hasScenario(*name))
            throw lfr::InputError(*db, "no scenario named \"" + *name + "\" (see lfrplan list)");
        scenario = storage->loadScenario(*name);
    } else {
        args.expectPositional(1, 1, usage);
        if (!args.value("output"))
            throw UsageError("usage: " + std::string(usage));
        scenario = lfr::readScenarioFile(args.positional()[0]);
    }

    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    const auto progress = [terminal](const lfr::SolveProgress &p) {
        if (terminal) {
            std::fprintf(stderr, "\r%6.1f s  best %s  bound %.3f  nodes %llu   ", p.elapsedSeconds,
                         p.incumbent ? std::to_string(*p.incumbent).c_str() : "-", p.bound,
                         static_cast<unsigned long long>(p.nodes));
            std::fflush(stderr);
        }
        return true;
    };
    const lfr::SolveResult result = lfr::solve(scenario, options, progress);
    if (terminal)
        std::fprintf(stderr, "\n");

    if (const auto out = args.value("output"))
        lfr::writeFileAtomically(*out, lfr::writePlan(result.plan));
    if (storage)
        storage->savePlan(scenario.name, result.plan);
    printPlan(result);
    if (!result.explanation.empty()) {
        std::cout << "\nExplanation:\n";
        for (const std::string &line : result.explanation)
            std::cout << "  " << line << "\n";
    }
    return result.plan.status == lfr::PlanStatus::Infeasible ? kExitInvalid : kExitOk;
}

} // namespace lfrcli
