// The MILP export (lp_export.h) against cbc and against brute force: on tiny
// generated scenarios cbc's optimum of the model must be the optimum of every
// plan the validator accepts, and the plan read back from cbc must be valid.
#include "brute_force.h"
#include "cbc_runner.h"
#include "process_runner.h"
#include "test_support.h"
#include "tiny_scenarios.h"

#include "lfrplan/generator.h"
#include "lfrplan/lp_export.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace lfr;
using lfrtest::solveWithCbc;

using Run = lfrtest::ProcessRun;

Run spawn(const std::string &program, const std::vector<std::string> &args, const lfrtest::ScratchDir &dir)
{
    return lfrtest::runProcess(program, args, dir);
}

// A deployment valid on its own, on a slot the plan does not use: crews of
// the first qualified on-duty officers, tried slot by slot.
std::optional<Deployment> soloDeployment(const Scenario &sc, const std::vector<Deployment> &avoid)
{
    const ScenarioIndex ix(sc);
    for (std::size_t h = sc.hotspots.size(); h-- > 0;)
        for (std::size_t d = 0; d < sc.dates.size(); ++d)
            for (std::size_t w = 0; w < sc.windows.size(); ++w) {
                Deployment dep{sc.dates[d], sc.windows[w].id, sc.hotspots[h].id, "", {}};
                if (std::any_of(avoid.begin(), avoid.end(), [&dep](const Deployment &a) {
                        return a.hotspot == dep.hotspot && a.date == dep.date && a.window == dep.window;
                    }))
                    continue;
                for (const auto &[roleId, need] : ix.effectiveCrew(h)) {
                    int taken = 0;
                    for (std::size_t o = 0; o < sc.officers.size() && taken < need; ++o) {
                        const bool used = std::any_of(dep.crew.begin(), dep.crew.end(), [&](const CrewAssignment &c) {
                            return c.officer == sc.officers[o].id;
                        });
                        if (!used && ix.qualifies(o, *ix.role(roleId)) && ix.onDutyCovering(o, d, w)) {
                            dep.crew.push_back({sc.officers[o].id, roleId});
                            ++taken;
                        }
                    }
                }
                for (const Van &van : sc.vans) {
                    dep.van = van.id;
                    if (validatePlan(ix, {dep}).valid())
                        return dep;
                }
            }
    return std::nullopt;
}

// Where the plan repeats a hotspot, the scenario tightened so that the repeat
// is no longer allowed: by min_gap_days (gap true) or max_per_horizon.
std::optional<Scenario> forbidRepeat(Scenario sc, const std::vector<Deployment> &plan, bool gap)
{
    for (Hotspot &hotspot : sc.hotspots) {
        std::vector<Date> dates;
        for (const Deployment &d : plan)
            if (d.hotspot == hotspot.id)
                dates.push_back(d.date);
        if (dates.size() < 2)
            continue;
        std::sort(dates.begin(), dates.end());
        if (gap)
            hotspot.minGapDays = daysBetween(dates.front(), dates.back()) + 1;
        else
            hotspot.maxPerHorizon = static_cast<int>(dates.size()) - 1;
        return sc;
    }
    return std::nullopt;
}

struct Compared {
    lfrtest::BruteForceResult truth;
    Plan plan;
};

// cbc's optimum of the model equals brute force's, and its plan is valid.
Compared compareWithBruteForce(const Scenario &sc)
{
    Compared c;
    c.truth = lfrtest::bruteForceOptimum(sc);
    const std::string lp = writeLp(sc);
    const std::string solution = solveWithCbc(lp);
    INFO("scenario " << sc.name << ", cbc: " << solution.substr(0, solution.find('\n')));
    c.plan = planFromLpSolution(sc, solution);
    REQUIRE(c.truth.feasible == (c.plan.status != PlanStatus::Infeasible));
    if (!c.truth.feasible)
        return c;
    REQUIRE(c.plan.status == PlanStatus::Optimal);
    const ValidationReport report = validatePlan(sc, c.plan.deployments);
    for (const Violation &v : report.violations)
        UNSCOPED_INFO(v.message);
    CHECK(report.valid());
    CHECK(objectivesTie(report.evaluation.objective, c.plan.figures->objective));
    INFO("brute force " << c.truth.objective << " after " << c.truth.plansChecked << " plans, cbc "
                        << c.plan.figures->objective);
    CHECK(objectivesTie(c.truth.objective, c.plan.figures->objective));
    CHECK(objectivesTie(*c.plan.bound, c.truth.objective));
    return c;
}

} // namespace

TEST_CASE("lp: the LP text is deterministic and names what it chooses", "[lp]")
{
    const Scenario sc = lfrtest::tinyScenario(2);
    const std::string lp = writeLp(sc);
    CHECK(lp == writeLp(Scenario(sc)));
    CHECK(lp == writeLp(buildLpModel(sc)));
    CHECK_THAT(lp, Catch::StartsWith("\\ lfrplan") && Catch::Contains("\nMaximize\n OBJECTIVE: ") &&
                       Catch::Contains("\nSubject To\n") && Catch::Contains("\nBinaries\n") &&
                       Catch::EndsWith("\nEnd\n"));
    const LpModel model = buildLpModel(sc);
    CHECK(model.count(LpVariable::Kind::Slot) > 0);
    CHECK(model.count(LpVariable::Kind::Crew) > 0);
    std::set<std::string> names;
    for (const LpVariable &v : model.variables) {
        CHECK(names.insert(v.name).second);
        CHECK(v.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") ==
              std::string::npos);
    }
    CHECK_THAT(lp, Catch::Contains("y.hotspot_001.20261207."));
    CHECK_THAT(lp, Catch::Contains("x.hotspot_001.20261207.evening.LFR_1"));
    // cbc reads it without complaint and names the variables back as written.
    const CbcSolution solution = parseCbcSolution(solveWithCbc(lp));
    CHECK(solution.status == CbcStatus::Optimal);
    REQUIRE(solution.objective);
    for (const auto &[name, value] : solution.values)
        CHECK(names.count(name) == 1);
}

TEST_CASE("lp: cbc's optimum equals brute force on tiny generated scenarios", "[lp]")
{
    constexpr std::uint64_t kInstances = 24;
    long long plans = 0;
    int nonEmpty = 0, repeats = 0, pinned = 0, tightened = 0;
    for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
        Scenario sc = lfrtest::tinyScenario(seed);
        const auto started = std::chrono::steady_clock::now();
        Compared c = compareWithBruteForce(sc);
        plans += c.truth.plansChecked;
        nonEmpty += c.plan.deployments.empty() ? 0 : 1;
        const ScenarioIndex ix(sc);
        for (const DeploymentEvaluation &de : evaluate(ix, c.plan.deployments).deployments)
            repeats += de.repeat >= 2 ? 1 : 0;
        // Forbid a repeat the optimum makes: the best plan without it.
        if (const std::optional<Scenario> tighter = forbidRepeat(sc, c.truth.plan, seed % 2 == 0)) {
            const Compared again = compareWithBruteForce(*tighter);
            plans += again.truth.plansChecked;
            CHECK(again.truth.objective <= c.truth.objective + 1e-9);
            ++tightened;
        }
        // Pin a deployment the optimum does not make: the best plan keeping it.
        if (seed % 3 == 0)
            if (const std::optional<Deployment> solo = soloDeployment(sc, c.truth.plan)) {
                sc.pinned.push_back(Pin{solo->hotspot, solo->date, solo->window, solo->van, {solo->crew.front()}});
                const Compared withPin = compareWithBruteForce(sc);
                plans += withPin.truth.plansChecked;
                CHECK(withPin.truth.objective <= c.truth.objective + 1e-9);
                ++pinned;
            }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << "lp vs brute force: " << sc.name << ": objective " << c.truth.objective << ", "
                  << c.plan.deployments.size() << " deployments, " << c.truth.plansChecked << " plans, " << seconds
                  << " s\n";
    }
    std::cout << "lp vs brute force: " << kInstances << " instances (" << pinned << " also with a pin, " << tightened
              << " without a repeat), " << plans << " plans checked, " << nonEmpty << " non-empty optima, " << repeats
              << " repeat deployments\n";
    CHECK(nonEmpty >= static_cast<int>(kInstances) / 2); // the instances are not trivially empty
    CHECK(repeats >= 3);                                 // the repeat decay is exercised
    CHECK(tightened >= 3);
    CHECK(pinned >= 3);
}

TEST_CASE("lp: pins that cannot be met make the model infeasible", "[lp]")
{
    Scenario sc = lfrtest::tinyScenario(4);
    const ScenarioIndex ix(sc);
    const std::size_t silver = *ix.role("silver");
    std::optional<std::size_t> unqualified;
    for (std::size_t o = 0; o < sc.officers.size() && !unqualified; ++o)
        if (!ix.qualifies(o, silver))
            unqualified = o;
    REQUIRE(unqualified);
    const std::string hotspot = sc.hotspots[0].id;
    const std::string window = sc.hotspots[0].windows.begin()->first;

    SECTION("an unqualified officer")
    {
        sc.pinned.push_back(
            Pin{hotspot, sc.dates[0], window, std::nullopt, {{sc.officers[*unqualified].id, "silver"}}});
    }
    SECTION("two pins on one slot")
    {
        sc.pinned.push_back(Pin{hotspot, sc.dates[0], window, std::nullopt, {}});
        sc.pinned.push_back(Pin{hotspot, sc.dates[0], window, std::nullopt, {}});
    }
    const std::string solution = solveWithCbc(writeLp(sc));
    CHECK(parseCbcSolution(solution).status == CbcStatus::Infeasible);
    const Plan plan = planFromLpSolution(sc, solution);
    CHECK(plan.status == PlanStatus::Infeasible);
    CHECK(plan.deployments.empty());
    REQUIRE(plan.reason);
    CHECK_THAT(*plan.reason, Catch::Contains("pin 2") || Catch::Contains("pin 1"));
    CHECK_FALSE(lfrtest::bruteForceOptimum(sc).feasible);
}

TEST_CASE("lp: cbc solution files are read strictly", "[lp]")
{
    const CbcSolution s = parseCbcSolution("Optimal - objective value 812.40000000\n"
                                           "      0 y.a.20261207.day        1                   100\n"
                                           "**    3 z.b.a.20261207.day.silver 0.5               -2.5\n");
    CHECK(s.status == CbcStatus::Optimal);
    REQUIRE(s.objective);
    CHECK(*s.objective == Approx(812.4));
    REQUIRE(s.values.size() == 2);
    CHECK(s.values[1].first == "z.b.a.20261207.day.silver");
    CHECK(s.values[1].second == 0.5);
    CHECK(parseCbcSolution("Stopped on time - objective value 12\n").status == CbcStatus::Stopped);
    CHECK_THROWS(parseCbcSolution(""));
    CHECK_THROWS(parseCbcSolution("hello\n"));
    CHECK_THROWS(parseCbcSolution("Optimal - objective value 1\n 0 y.a notanumber 0\n"));

    const Scenario sc = lfrtest::tinyScenario(1);
    CHECK_THROWS_WITH(planFromLpSolution(sc, "Optimal - objective value 1\n 0 y.nowhere 1 0\n"),
                      Catch::Contains("not a variable of the model"));
    const LpModel model = buildLpModel(sc);
    const std::string y = model.variables.front().name;
    CHECK_THROWS_WITH(planFromLpSolution(sc, "Optimal - objective value 1\n 0 " + y + " 0.5 0\n"),
                      Catch::Contains("binary"));
    CHECK_THROWS_WITH(planFromLpSolution(sc, "Optimal - objective value 1\n 0 " + y + " 1 0\n"),
                      Catch::Contains("exactly one van"));
    CHECK_THROWS(planFromLpSolution(sc, "Stopped on time - objective value 1e+50\n"));
}

TEST_CASE("lp: the demo week exports, and so does the CLI", "[lp]")
{
    const auto demo = std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json";
    const Scenario sc = readScenarioFile(demo);
    const LpModel model = buildLpModel(sc);
    const std::string lp = writeLp(model);
    std::cout << "lp: demo week: " << model.variables.size() << " variables (" << model.count(LpVariable::Kind::Slot)
              << " deployments, " << model.count(LpVariable::Kind::Van) << " van choices, "
              << model.count(LpVariable::Kind::Crew) << " crew, " << model.count(LpVariable::Kind::Position)
              << " positions, " << model.count(LpVariable::Kind::DayUsed) << " days), " << model.rows.size()
              << " rows, " << lp.size() << " bytes\n";
    CHECK(model.count(LpVariable::Kind::Slot) > 0);
    CHECK(model.count(LpVariable::Kind::Crew) > model.count(LpVariable::Kind::Slot));
    CHECK_THAT(lp, Catch::Contains(" max_days: ") && Catch::Contains(" max_deployments: "));

    lfrtest::ScratchDir dir;
    const auto out = dir / "model.lp";
    const Run run = spawn(LFRPLAN_CLI, {"export-lp", demo.string(), "-o", out.string()}, dir);
    CHECK(run.exitCode == 0);
    CHECK(readTextFile(out) == lp);
    CHECK(spawn(LFRPLAN_CLI, {"export-lp", "--help"}, dir).exitCode == 0);
    const Run missing = spawn(LFRPLAN_CLI, {"export-lp", (dir / "missing.json").string(), "-o", out.string()}, dir);
    CHECK(missing.exitCode == 2);
    CHECK(spawn(LFRPLAN_CLI, {"export-lp"}, dir).exitCode == 2);
}
