// Tiny generated scenarios, small enough to enumerate every plan: the
// ground truth for the MILP export and for the solver.
#pragma once

#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"

#include <algorithm>
#include <cstdint>

namespace lfrtest {

// A tiny generated scenario, varied by seed, small enough to enumerate: two
// hotspots, two dates, one or two windows, one or two vans, a crew of two
// or three, policies that bind.
inline lfr::Scenario tinyScenario(std::uint64_t seed)
{
    lfr::GeneratorOptions o;
    o.officers = 8 + static_cast<int>(seed % 7);
    o.teams = 2;
    o.hotspots = 2;
    o.vans = 1 + static_cast<int>(seed % 2);
    o.dates = 2;
    o.windows = 1 + static_cast<int>((seed / 2) % 2);
    o.seed = seed;
    o.policy.maxDeployments = 3;
    o.policy.maxDays = seed % 3 == 0 ? 1 : 2;
    if (seed % 4 == 1)
        o.policy.maxPerDate = 1;
    o.policy.maxDutiesPerOfficer = 1 + static_cast<int>(seed % 2);
    o.policy.travelWeight = seed % 5 == 0 ? 4.0 : 0.1; // 4: some crews cost more than the deployment is worth
    lfr::Scenario sc = lfr::generateScenario(o);
    sc.crew = {{"silver", 1}, {"operator", 1}};
    if (seed % 3 == 2)
        sc.crew["engagement"] = 1;
    static constexpr double kDecays[] = {0.5, 0.3, 1.0, 0.0};
    static constexpr int kGaps[] = {1, 0, 1, 2};
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h) {
        lfr::Hotspot &hotspot = sc.hotspots[h];
        hotspot.crew.reset();
        hotspot.dates.reset();
        hotspot.maxPerHorizon = 2 + static_cast<int>((seed + h) % 2);
        hotspot.minGapDays = kGaps[(seed + h) % 4];
        hotspot.repeatDecay = kDecays[(seed + h) % 4];
    }
    // More qualified officers than the generator's scarce skills give, so
    // that most slots can be staffed in several ways.
    const auto give = [](lfr::Officer &officer, const char *skill) {
        if (std::find(officer.skills.begin(), officer.skills.end(), skill) == officer.skills.end())
            officer.skills.push_back(skill);
    };
    for (std::size_t i = 0; i < sc.officers.size(); ++i) {
        lfr::Officer &officer = sc.officers[i];
        if (i % 3 == 0) {
            officer.rank = std::max(officer.rank, lfr::Rank::Insp);
            give(officer, "lfr-silver");
        }
        if (i % 2 == 1)
            give(officer, "lfr-operator");
        if (i % 3 != 0)
            give(officer, "lfr-engagement");
    }
    for (lfr::Team &team : sc.teams)
        team.minOnDuty = static_cast<int>(seed % 2);
    if (seed % 2 == 0) // one hotspot worth repeating: its gap and its decay decide
        sc.hotspots[0].value *= 4;
    if (seed % 4 == 2) {
        sc.teams[0].maxAbstracted = 1;
        // A van out twice a day, in windows that overlap (the day shift covers both).
        sc.vans[0].maxPerDate = 2;
        if (sc.windows.size() == 2)
            sc.windows[1].start = lfr::Clock{14 * 60};
    }
    return lfr::readScenario(lfr::writeScenario(sc)); // still a valid scenario
}

} // namespace lfrtest
