// validate: a scenario's format and pins, or a plan against every hard
// constraint and the objective of the spec.
#include "args.h"
#include "busy_notice.h"
#include "commands.h"
#include "summary.h"

#include "lfrplan/errors.h"
#include "lfrplan/objective.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/stability.h"
#include "lfrplan/storage.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

namespace lfrcli {

using namespace lfr;

namespace {

int validateScenarioOnly(const Scenario &scenario)
{
    printScenarioSummary(std::cout, scenario);
    const ScenarioIndex index(scenario);
    int problems = 0;
    for (std::size_t p = 0; p < scenario.pinned.size(); ++p) {
        for (const Violation &v : pinAloneViolations(index, p)) {
            std::cout << "pin " << p << " cannot be met: " << v.message << "\n";
            ++problems;
        }
    }
    std::cout << "\nscenario is well-formed";
    if (problems > 0) {
        std::cout << ", but " << problems << " pin problem(s) make it infeasible\n";
        return kExitInvalid;
    }
    std::cout << "\n";
    return kExitOk;
}

// A plan against its scenario: every hard constraint and the figures it reports.
int validatePlanOf(const Scenario &scenario, const Plan &plan,
                   const std::optional<std::vector<Deployment>> &published = std::nullopt)
{
    const ValidationReport report = validatePlan(scenario, plan.deployments);
    std::vector<std::string> problems;
    for (const Violation &v : report.violations)
        problems.push_back(v.message);
    if (published) {
        // A re-plan (docs/planning-problem.md section 6).
        const Stability st = measureStability(*published, plan.deployments);
        std::cout << "against the published version: keeps " << st.kept << " of " << st.published << " deployments, "
                  << st.crewPlacesChanged << " crew places changed\n";
        for (std::string &line : checkReplan(scenario, *published, plan))
            problems.push_back("re-plan: " + std::move(line));
    }
    const Evaluation &e = report.evaluation;
    if (plan.scenario != scenario.name)
        std::cout << "note: the plan names scenario \"" << plan.scenario << "\", the scenario file is \""
                  << scenario.name << "\"\n";
    if (plan.status == PlanStatus::Infeasible) {
        if (scenario.pinned.empty())
            problems.push_back("the plan says infeasible, but a scenario without pins is never infeasible (the "
                               "empty plan is valid)");
    } else {
        auto checkFigure = [&](const char *name, double reported, double computed) {
            if (!objectivesTie(reported, computed)) {
                std::ostringstream msg;
                msg << "the plan reports " << name << " " << reported << ", but the spec's computation gives "
                    << computed;
                problems.push_back(msg.str());
            }
        };
        if (plan.figures) {
            checkFigure("VALUE", plan.figures->value, e.value);
            checkFigure("TRAVEL", plan.figures->travelPenalty, e.travelPenalty);
            checkFigure("OBJECTIVE", plan.figures->objective, e.objective);
        }
        if (plan.bound && *plan.bound < e.objective && !objectivesTie(*plan.bound, e.objective))
            problems.push_back("the plan's bound is below its own objective");
        if (plan.status == PlanStatus::Optimal && plan.bound && !objectivesTie(*plan.bound, e.objective))
            problems.push_back("the plan says optimal, but its objective does not meet its bound");
    }

    std::cout << plan.deployments.size() << " deployments on ";
    std::set<Date> days;
    for (const Deployment &d : plan.deployments)
        days.insert(d.date);
    std::cout << days.size() << " days\n";
    for (std::size_t i = 0; i < problems.size(); ++i)
        std::cout << "violation " << (i + 1) << ": " << problems[i] << "\n";
    std::cout << std::fixed << std::setprecision(3) << "VALUE " << e.value << "\nTRAVEL " << e.travelPenalty
              << "\nOBJECTIVE " << e.objective << "\n";
    std::cout << (problems.empty() ? "plan is valid\n"
                                   : "plan is INVALID: " + std::to_string(problems.size()) + " violation(s)\n");
    return problems.empty() ? kExitOk : kExitInvalid;
}

} // namespace

int cmdValidate(const Argv &argv)
{
    const char *usage = "lfrplan validate SCENARIO.json [PLAN.json [--published PUBLISHED.json]]\n"
                        "       lfrplan validate DB NAME [--published last|N]";
    if (printHelpIfAsked(argv, usage,
                         "Checks SCENARIO.json against the lfrplan-scenario/1 format and prints its summary;\n"
                         "pins that cannot be met on their own are reported. With PLAN.json, checks the plan\n"
                         "against every hard constraint, prints each violation in a planner's words and the\n"
                         "plan's VALUE, TRAVEL and OBJECTIVE, and checks the figures the plan reports.\n"
                         "DB NAME checks a stored scenario and its saved plan (if it has one); the database\n"
                         "is opened read-only.\n"
                         "--published checks the plan as a re-plan of a published version (docs/planning-\n"
                         "problem.md section 6): no deployment beyond the published ones and the pins', and\n"
                         "the kept and changed counts the plan states are the ones it has. With DB NAME, give\n"
                         "the version number or 'last'; with files, the published version's plan file.\n"
                         "Exit code: 0 valid, 1 invalid plan or infeasible pins, 2 bad input, 3 database busy.\n"))
        return kExitOk;
    const Args args("validate", argv, {{"db"}, {"scenario"}, {"published"}});
    const auto publishedArg = args.value("published");
    if (namesDatabase(args) && !args.value("db") && args.positional().size() == 1)
        refuseDatabaseAsJson(args.positional()[0], "validate"); // a hint: DB NAME
    if (namesDatabase(args)) {
        const auto [db, name] = databaseAndScenario(args, usage);
        installBusyWaitNotice();
        const StoredScenario stored = readStoredScenario(db, name, true);
        if (!stored.plan) {
            std::cout << "scenario \"" << name << "\" has no saved plan: checking the scenario only\n";
            return validateScenarioOnly(stored.scenario);
        }
        std::optional<std::vector<Deployment>> published;
        if (publishedArg) {
            auto store = readOnlyStore(db);
            const auto versions = store->publishedVersions(name);
            if (versions.empty())
                throw InputError(db, "scenario \"" + name + "\" has no published version to check against");
            if (*publishedArg == "last") {
                published = versions.back().plan.deployments;
            } else {
                const auto n = args.integer("published", 1, 1000000);
                const auto it = std::find_if(versions.begin(), versions.end(),
                                             [&](const PublishedVersion &v) { return v.version == *n; });
                if (it == versions.end())
                    throw InputError(db, "scenario \"" + name + "\" has no published version " + std::to_string(*n) +
                                             " (1 to " + std::to_string(versions.back().version) + ")");
                published = it->plan.deployments;
            }
        }
        return validatePlanOf(stored.scenario, *stored.plan, published);
    }
    args.expectPositional(1, 2, usage);
    for (const std::string &file : args.positional())
        refuseDatabaseAsJson(file, "validate");
    const Scenario scenario = readScenarioFile(args.positional()[0]);
    if (args.positional().size() == 1)
        return validateScenarioOnly(scenario);
    if (publishedArg && args.positional().size() < 2)
        throw UsageError("--published checks a plan: give SCENARIO.json PLAN.json --published PUBLISHED.json");
    std::optional<std::vector<Deployment>> published;
    if (publishedArg)
        published = readPlanFile(*publishedArg).deployments;
    return validatePlanOf(scenario, readPlanFile(args.positional()[1]), published);
}

} // namespace lfrcli
