// generate: deterministic synthetic scenarios for tests and benchmarks.
#include "args.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"

#include <iostream>
#include <limits>

namespace lfrcli {

int cmdGenerate(const Argv &argv)
{
    const char *usage = "lfrplan generate [options] [-o SCENARIO.json]";
    if (printHelpIfAsked(argv, usage,
                         "Writes a synthetic lfrplan-scenario/1 scenario; the same options and seed always give\n"
                         "the same file. Options (defaults in brackets):\n"
                         "  --officers N          officers, 1..100000 [500]\n"
                         "  --teams N             teams, 1..officers [12]\n"
                         "  --hotspots N          hotspots, 1..1000 [12]\n"
                         "  --vans N              vans, 1..100 [3]\n"
                         "  --dates N             consecutive dates, 1..366 [7]\n"
                         "  --start YYYY-MM-DD    first date [2026-12-07]\n"
                         "  --windows N           deployment windows a day, 1..4 [2]\n"
                         "  --seed N              random seed [1]\n"
                         "  --max-deployments N   policy.max_deployments [10]\n"
                         "  --max-days N          policy.max_days [5]\n"
                         "  --max-per-date N      policy.max_per_date [none]\n"
                         "  -o, --output FILE     where to write (standard output when absent or -)\n"))
        return kExitOk;
    const Args args("generate", argv,
                    {{"officers"},
                     {"teams"},
                     {"hotspots"},
                     {"vans"},
                     {"dates"},
                     {"start"},
                     {"windows"},
                     {"seed"},
                     {"max-deployments"},
                     {"max-days"},
                     {"max-per-date"},
                     {"output", true, 'o'}});
    args.expectPositional(0, 0, usage);
    lfr::GeneratorOptions o;
    constexpr long long kBig = 1'000'000'000;
    auto setInt = [&](const char *name, int &target) {
        if (const auto v = args.integer(name, 0, kBig))
            target = static_cast<int>(*v);
    };
    setInt("officers", o.officers);
    setInt("teams", o.teams);
    setInt("hotspots", o.hotspots);
    setInt("vans", o.vans);
    setInt("dates", o.dates);
    setInt("windows", o.windows);
    setInt("max-deployments", o.policy.maxDeployments);
    setInt("max-days", o.policy.maxDays);
    if (const auto v = args.integer("max-per-date", 0, kBig))
        o.policy.maxPerDate = static_cast<int>(*v);
    if (const auto v = args.integer("seed", 0, std::numeric_limits<long long>::max()))
        o.seed = static_cast<std::uint64_t>(*v);
    if (const auto start = args.value("start")) {
        const auto date = lfr::parseDate(*start);
        if (!date)
            throw UsageError("option --start must be a date YYYY-MM-DD, not \"" + *start + "\"");
        o.startDate = *date;
    }
    if (const std::string problem = lfr::validateGeneratorOptions(o); !problem.empty())
        throw UsageError(problem);
    const lfr::Scenario scenario = lfr::generateScenario(o);
    const std::string text = lfr::writeScenario(scenario);
    const auto out = args.value("output");
    if (!out || *out == "-") {
        std::cout << text;
    } else {
        lfr::writeFileAtomically(*out, text);
        std::cerr << "wrote \"" << scenario.name << "\" (" << scenario.officers.size() << " officers) to " << *out
                  << "\n";
    }
    return kExitOk;
}

} // namespace lfrcli
