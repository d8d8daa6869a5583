// The solver against Debian's cbc, side by side in one run (issue 3).
//
//   bench_solver [--cbc-seconds N] [--time-limit S] [INSTANCE...]
//
// INSTANCE is one of demo, S, M, L (default: demo S M L) or a scenario file.
// For each: lfrplan's solve (objective, bound, status, wall time, peak RSS of
// this process so far), then the same problem exported as a MILP and solved
// by cbc (objective, bound from its log, wall time) when cbc is installed.
// Prints a Markdown table for docs/benchmarks.md.
#include "lfrplan/generator.h"
#include "lfrplan/lp_export.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Instance {
    std::string label;
    lfr::Scenario scenario;
    double timeLimit;
};

lfr::Scenario generated(int officers, int teams, int hotspots, int vans, int dates, int maxDeployments, int maxDays)
{
    lfr::GeneratorOptions o;
    o.officers = officers;
    o.teams = teams;
    o.hotspots = hotspots;
    o.vans = vans;
    o.dates = dates;
    o.policy.maxDeployments = maxDeployments;
    o.policy.maxDays = maxDays;
    return lfr::generateScenario(o);
}

Instance instance(const std::string &name, double timeLimit)
{
    if (name == "demo")
        return {"demo week", lfr::readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json"),
                timeLimit};
    if (name == "S")
        return {"S: 500 officers, 12 hotspots, 3 vans, 7 dates", generated(500, 12, 12, 3, 7, 10, 5), timeLimit};
    if (name == "M")
        return {"M: 5,000 officers, 40 teams, 40 hotspots, 6 vans, 7 dates", generated(5000, 40, 40, 6, 7, 10, 5),
                timeLimit};
    if (name == "L")
        return {"L: 33,000 officers, 120 hotspots, 10 vans, 28 dates, 40 on 20 days",
                generated(33000, 120, 120, 10, 28, 40, 20), timeLimit};
    return {name, lfr::readScenarioFile(name), timeLimit};
}

long peakRssMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6)) / 1024;
    return -1;
}

struct CbcRun {
    bool ran = false;
    std::string status = "-";
    std::string objective = "-";
    std::string bound = "-";
    double seconds = 0.0;
};

CbcRun runCbc(const lfr::Scenario &scenario, int seconds)
{
    CbcRun out;
    if (std::system("command -v cbc >/dev/null 2>&1") != 0) {
        out.status = "not installed";
        return out;
    }
    // The MILP has a crew variable per qualified on-duty officer and slot: at
    // the L size that is gigabytes of LP text, beyond what cbc can take here.
    const double cells = static_cast<double>(scenario.officers.size()) * static_cast<double>(scenario.hotspots.size()) *
                         static_cast<double>(scenario.dates.size());
    if (cells > 5e7) {
        out.status = "skipped (model too large)";
        return out;
    }
    const auto dir = std::filesystem::temp_directory_path() / ("lfrplan-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto model = dir / "model.lp";
    const auto solution = dir / "solution.txt";
    const auto log = dir / "cbc.log";
    lfr::writeFileAtomically(model, lfr::writeLp(scenario));
    const std::string command = "cbc " + model.string() + " sec " + std::to_string(seconds) + " solve solu " +
                                solution.string() + " > " + log.string() + " 2>&1";
    const auto start = Clock::now();
    const int rc = std::system(command.c_str());
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    out.ran = rc == 0;
    if (std::filesystem::exists(solution)) {
        const lfr::CbcSolution s = lfr::parseCbcSolution(lfr::readTextFile(solution));
        out.status = s.statusLine.substr(0, s.statusLine.find(' '));
        if (s.objective) {
            std::ostringstream v;
            v.setf(std::ios::fixed);
            v.precision(3);
            v << *s.objective;
            out.objective = v.str();
        }
    }
    // cbc's log: "Objective value:  X", "Lower bound: Y" (it minimises the negated objective).
    const std::string text = lfr::readTextFile(log);
    static const std::regex kBound(R"(Lower bound:\s+(-?[0-9.eE+-]+))");
    std::smatch m;
    if (std::regex_search(text, m, kBound)) {
        std::ostringstream v;
        v.setf(std::ios::fixed);
        v.precision(3);
        v << -std::stod(m[1].str());
        out.bound = v.str();
    }
    std::filesystem::remove_all(dir);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    int cbcSeconds = 300;
    double timeLimit = 60;
    std::vector<std::string> names;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--cbc-seconds" && i + 1 < argc)
            cbcSeconds = std::atoi(argv[++i]);
        else if (arg == "--time-limit" && i + 1 < argc)
            timeLimit = std::atof(argv[++i]);
        else
            names.push_back(arg);
    }
    if (names.empty())
        names = {"demo", "S", "M", "L"};
    std::cout << "| instance | lfrplan status | objective | bound | time (s) | within 1% at (s) | within 0.1% at (s) | "
                 "peak RSS (MiB) | cbc status | cbc objective | cbc bound | cbc time (s) |\n"
                 "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const std::string &name : names) {
        const Instance inst = instance(name, timeLimit);
        lfr::SolverOptions options;
        options.timeLimitSeconds = inst.timeLimit;
        // When the incumbent first came within 1% and 0.1% of the bound.
        double within1 = -1, within01 = -1;
        const lfr::ProgressCallback progress = [&](const lfr::SolveProgress &p) {
            if (p.incumbent) {
                const double gap = (p.bound - *p.incumbent) / std::max(std::abs(p.bound), 1e-3);
                if (gap <= 0.01 && within1 < 0)
                    within1 = p.elapsedSeconds;
                if (gap <= 0.001 && within01 < 0)
                    within01 = p.elapsedSeconds;
            }
            return true;
        };
        const auto start = Clock::now();
        const lfr::SolveResult r = lfr::solve(inst.scenario, options, progress);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        const bool valid = lfr::validatePlan(inst.scenario, r.plan.deployments).valid();
        const long rss = peakRssMiB();
        const CbcRun cbc = runCbc(inst.scenario, cbcSeconds);
        auto at = [](double t) { return t < 0 ? std::string("-") : std::to_string(t).substr(0, 5); };
        std::string status(lfr::planStatusName(r.plan.status));
        if (r.stop != lfr::SolveStop::Finished)
            status += " (" + std::string(lfr::solveStopName(r.stop)) + ")";
        std::printf("| %s | %s%s | %.3f | %.3f | %.2f | %s | %s | %ld | %s | %s | %s | %.1f |\n", inst.label.c_str(),
                    status.c_str(), valid ? "" : " (INVALID)", (r.plan.figures ? r.plan.figures->objective : 0.0),
                    r.plan.bound.value_or(0.0), seconds, at(within1).c_str(), at(within01).c_str(), rss,
                    cbc.status.c_str(), cbc.objective.c_str(), cbc.bound.c_str(), cbc.seconds);
        std::fflush(stdout);
    }
    return 0;
}
