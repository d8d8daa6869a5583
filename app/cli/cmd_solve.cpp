// solve: the best weekly plan for a scenario file or a stored scenario.
#include "args.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"
#include "lfrplan/objective.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"
#include "lfrplan/validator.h"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace lfrcli {

namespace {

void printPlan(std::ostream &out, const lfr::SolveResult &r)
{
    const lfr::Plan &p = r.plan;
    out << "status: " << lfr::planStatusName(p.status);
    if (r.stop != lfr::SolveStop::Finished)
        out << " (the " << lfr::solveStopName(r.stop) << " ended the search)";
    out << "\n";
    if (p.status == lfr::PlanStatus::Infeasible) {
        out << "reason: " << p.reason.value_or("") << "\n";
        return;
    }
    const lfr::ObjectiveFigures f = p.figures.value_or(lfr::ObjectiveFigures{});
    out << std::fixed << std::setprecision(3) << "deployments: " << p.deployments.size() << "\nVALUE " << f.value
        << "\nTRAVEL " << f.travelPenalty << "\nOBJECTIVE " << f.objective << "\nbound " << p.bound.value_or(0) << "\n"
        << std::setprecision(2) << "time " << r.elapsedSeconds << " s, " << r.nodes << " search nodes\n"
        << std::defaultfloat;
    for (const lfr::Deployment &d : p.deployments)
        out << "  " << lfr::formatDate(d.date) << "  " << std::left << std::setw(8) << d.window << std::setw(24)
            << d.hotspot << std::setw(8) << d.van << std::right << " crew " << d.crew.size() << "\n";
}

std::string describePlan(const lfr::Plan &plan, double objective)
{
    if (plan.status == lfr::PlanStatus::Infeasible)
        return "an infeasible result";
    std::ostringstream text;
    text << std::fixed << std::setprecision(3) << "a plan (" << lfr::planStatusName(plan.status) << ", OBJECTIVE "
         << objective << ")";
    return text.str();
}

// Stores the new plan unless the saved one is better (issue 18, finding 4):
// a valid saved plan of higher OBJECTIVE, or of the same OBJECTIVE proven
// optimal when the new one is not. --replace stores it whatever was saved.
void storePlan(lfr::Storage &storage, const lfr::Scenario &scenario, const lfr::Plan &plan, bool replace)
{
    const std::string where = "scenario \"" + scenario.name + "\" in " + storage.location();
    const double newObjective = lfr::validatePlan(scenario, plan.deployments).evaluation.objective;
    if (const auto saved = storage.loadPlan(scenario.name); saved && !replace) {
        const lfr::ValidationReport report = lfr::validatePlan(scenario, saved->deployments);
        const double oldObjective = report.evaluation.objective;
        const bool usable = report.valid() && saved->status != lfr::PlanStatus::Infeasible;
        const bool newInfeasible = plan.status == lfr::PlanStatus::Infeasible;
        const bool better = usable && !newInfeasible &&
                            (lfr::objectivesTie(oldObjective, newObjective)
                                 ? saved->status == lfr::PlanStatus::Optimal && plan.status != lfr::PlanStatus::Optimal
                                 : oldObjective > newObjective);
        if (better) {
            std::cerr << "kept the saved plan of " << where << ", " << describePlan(*saved, oldObjective)
                      << ": the new one, " << describePlan(plan, newObjective)
                      << ", is not better; give --replace to store it anyway\n";
            return;
        }
    }
    storage.savePlan(scenario.name, plan);
    std::cerr << "stored " << describePlan(plan, newObjective) << " with " << where << "\n";
}

} // namespace

int cmdSolve(const Argv &argv)
{
    const char *usage = "lfrplan solve SCENARIO.json -o PLAN.json [--time-limit S] [--seed N] [--gap G]\n"
                        "       lfrplan solve DB NAME [-o PLAN.json] [--replace] [--time-limit S] [--seed N] [--gap G]";
    if (printHelpIfAsked(argv, usage,
                         "Finds the plan of highest OBJECTIVE that breaks no hard constraint, keeping every pin,\n"
                         "with a proven upper bound (status optimal when the plan meets it). Progress goes to the\n"
                         "terminal; the plan summary and what holds it back are printed after (to standard error\n"
                         "when the plan itself goes to standard output with -o -).\n"
                         "DB NAME (an SQLite file or a postgresql:// connection string, and a stored scenario;\n"
                         "--db DB --scenario NAME is the same): the plan is stored with the scenario, unless the\n"
                         "saved plan is better (higher OBJECTIVE, or the same OBJECTIVE proven optimal); what was\n"
                         "stored or kept is said on standard error. Options:\n"
                         "  -o, --output FILE  also write the plan as JSON (- for standard output)\n"
                         "  --replace          store the new plan even when the saved one is better\n"
                         "  --time-limit S     stop after S seconds with the best plan so far [60]\n"
                         "  --seed N           breaks ties between equal slots [1]\n"
                         "  --gap G            stop when within relative gap G of the bound [1e-6]\n"
                         "The output file and the database are checked before the search starts.\n"
                         "Exit code: 0 a plan, 1 infeasible pins, 2 bad input (nothing written), 3 database busy.\n"))
        return kExitOk;
    const Args args(
        "solve", argv,
        {{"output", true, 'o'}, {"time-limit"}, {"seed"}, {"gap"}, {"db"}, {"scenario"}, {"replace", false}});
    lfr::SolverOptions options;
    if (const auto v = args.seconds("time-limit"))
        options.timeLimitSeconds = *v;
    if (const auto v = args.value("gap")) {
        try {
            options.relativeGap = std::stod(*v);
        } catch (const std::exception &) {
            throw UsageError("option --gap must be a number, not \"" + *v + "\"");
        }
        if (!(options.relativeGap >= 0) || !std::isfinite(options.relativeGap))
            throw UsageError("option --gap must be >= 0");
    }
    if (const auto v = args.integer("seed", 0, std::numeric_limits<long long>::max()))
        options.seed = static_cast<std::uint64_t>(*v);

    const auto output = args.value("output");
    std::unique_ptr<lfr::Storage> storage;
    lfr::Scenario scenario;
    if (namesDatabase(args)) {
        const auto [db, name] = databaseAndScenario(args, usage);
        storage = lfr::openStorage(db, lfr::OpenMode::ExistingOnly);
        if (!storage->hasScenario(name))
            throw lfr::InputError(db, "no scenario named \"" + name + "\" (see lfrplan list " + db + ")");
        if (!storage->permissions().editPlans)
            throw lfr::StorageError(db + ": you (" + storage->actor() + ", " + storage->permissions().role +
                                    ") may not save plans here; nothing was solved or written");
        scenario = storage->loadScenario(name);
    } else {
        args.expectPositional(1, 1, usage);
        if (!output)
            throw UsageError("give -o PLAN.json (- for standard output), or solve a stored scenario: lfrplan solve "
                             "DB NAME\nusage: " +
                             std::string(usage));
        if (args.flag("replace"))
            throw UsageError("--replace is for a stored scenario (lfrplan solve DB NAME --replace)");
        scenario = lfr::readScenarioFile(args.positional()[0]);
    }
    const bool toStdout = output && *output == "-";
    if (output && !toStdout)
        lfr::checkOutputWritable(*output); // before the search, not after it

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

    if (output)
        writeOutput(*output, lfr::writePlan(result.plan), "plan");
    if (storage)
        storePlan(*storage, scenario, result.plan, args.flag("replace"));
    std::ostream &summary = toStdout ? std::cerr : std::cout;
    printPlan(summary, result);
    if (!result.explanation.empty()) {
        summary << "\nExplanation:\n";
        for (const std::string &line : result.explanation)
            summary << "  " << line << "\n";
    }
    return result.plan.status == lfr::PlanStatus::Infeasible ? kExitInvalid : kExitOk;
}

} // namespace lfrcli
