// The re-plan's targets (issue 20; docs/benchmarks.md, "Re-planning"): on
// the demo week and at 33,000 officers (the L week), the published version
// is the solver's plan; then one officer of the first deployment goes sick
// that date, and the first deployment's van goes out for its date. Prints
// the wall time of lfr::replanScenario (the disruption applied, the exact
// search, the figures), the figures and whether the re-plan is proven
// minimal. Run by hand, never as a timed test:
//
//   ./build/tests/bench/bench_replan [--runs N] [--skip-large] [--time-limit S]
#include "lfrplan/disruption.h"
#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
    const char *name;
    lfr::Disruption disruption;
};

void run(const char *label, const lfr::Scenario &sc, double solveSeconds, int runs, double limit)
{
    lfr::SolverOptions options;
    options.timeLimitSeconds = solveSeconds;
    const auto t0 = Clock::now();
    const std::vector<lfr::Deployment> published = lfr::solve(sc, options).plan.deployments;
    std::printf("%s: %zu officers, published plan of %zu deployments (solved in %.1f s)\n", label, sc.officers.size(),
                published.size(), std::chrono::duration<double>(Clock::now() - t0).count());
    if (published.empty())
        return;
    const lfr::Deployment &first = published.front();
    std::vector<Case> cases(2);
    cases[0].name = "officer sick for a day";
    cases[0].disruption.officersOut.push_back({first.crew.front().officer, first.date});
    cases[1].name = "van out for a day";
    cases[1].disruption.vansOut.push_back({first.van, first.date});
    lfr::ReplanOptions replanOptions;
    replanOptions.timeLimitSeconds = limit;
    for (const Case &c : cases) {
        std::vector<double> times;
        lfr::ReplanOutcome outcome;
        for (int r = 0; r < runs; ++r) {
            const auto start = Clock::now();
            outcome = lfr::replanScenario(sc, published, 1, c.disruption, replanOptions);
            times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        std::sort(times.begin(), times.end());
        const lfr::Plan &plan = outcome.result.plan;
        if (!plan.stability) {
            std::printf("  %-24s no re-plan: %s\n", c.name, plan.reason.value_or("").c_str());
            continue;
        }
        std::printf("  %-24s min %.3f s  median %.3f s  max %.3f s  kept %zu/%zu  changed %zu  %s  (%zu candidates)\n",
                    c.name, times.front(), times[times.size() / 2], times.back(), plan.stability->kept,
                    plan.stability->published, plan.stability->crewPlacesChanged,
                    plan.stability->proven ? "proven minimal" : "NOT proven", outcome.result.candidates);
    }
}

} // namespace

int main(int argc, char **argv)
{
    int runs = 5;
    bool large = true;
    double limit = 30.0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--skip-large")
            large = false;
        else if (arg == "--time-limit" && i + 1 < argc)
            limit = std::atof(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_replan [--runs N] [--skip-large] [--time-limit S]\n");
            return 2;
        }
    }
    const lfr::Scenario demo = lfr::readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
    run("demo week", demo, 60.0, runs, limit);
    if (large) {
        lfr::GeneratorOptions o;
        o.officers = 33000;
        o.teams = 120;
        o.hotspots = 120;
        o.vans = 10;
        o.dates = 28;
        o.policy.maxDeployments = 40;
        o.policy.maxDays = 20;
        const lfr::Scenario big = lfr::generateScenario(o);
        run("L (33,000 officers, 40 deployments on 20 of 28 days)", big, 10.0, runs, limit);
    }
    return 0;
}
