// A deterministic synthetic scenario generator: Met-like workforces, rosters,
// hotspots and vans of any size, for tests, benchmarks and demonstrations.
//
// The same options (seed included) give the same scenario, field for field,
// on every platform and compiler: the generator draws from its own
// xoshiro256** stream (seeded through splitmix64), uses its own integer-range
// function, and makes every number it writes from an integer divided by a
// power of ten (no std::*_distribution, no floating-point arithmetic that a
// compiler may contract differently). Teams and officers, rosters, hotspots,
// vans and the default crew each draw from their own stream, so changing the
// number of officers keeps the same hotspots and vans.
//
// What a generated scenario looks like:
// - dates: `dates` consecutive days from `startDate`; windows, in time order,
//   "morning" 08:00-11:00 (windows >= 3), "day" 11:00-15:00, "evening"
//   17:00-21:00 (windows >= 2), "late" 19:00-22:00 (windows = 4; it ends by
//   22:00 so the late shift covers it, and it overlaps "evening");
// - shifts "early" 07:00-15:00, "late" 14:00-22:00, "night" 22:00-07:00 (next
//   day; covers no window) and "day" 10:00-20:00;
// - roles "silver" (Insp and above, skill "lfr-silver"), "operator"
//   ("lfr-operator"), "engagement" ("lfr-engagement"); the default crew is
//   silver 1, operator 2, engagement 4-6, scaled down to silver 1, operator 1,
//   engagement 1-2 for a workforce under 100 so that tiny scenarios still
//   admit deployments;
// - teams "team-01".. based in London boroughs (lat 51.35..51.65, lon
//   -0.45..0.2), one borough each until all 33 are used, with uneven sizes
//   (about 15% big, 20% small); min_on_duty 40-60% of the team (25-40% for a
//   team under 10, which could otherwise never release anyone);
//   max_abstracted (5-15%, at least 2) on about a third of the teams of 20
//   or more;
// - rosters: five days on, two off, working through the team's block of
//   shifts (response: early, early, late, late, night; neighbourhood: early,
//   day, day, late, late; taskforce: early, early, late, late, late), the
//   officers of a team dealt evenly over the week; about 3% of duty days
//   lost to leave;
// - officers "G000001".., ranks about 78% PC, 15% PS, 5% Insp, 1.5% CI,
//   0.5% Supt; LFR skills are scarce, for n officers:
//   max(2, isqrt(n)*9/20, min(n/4, 6)) silvers (Insp and above; officers
//   are promoted to Insp when there are too few), max(2, isqrt(n),
//   min(n/3, 8)) operators and max(4, 15% of n, min(n/2, 10)) engagement
//   officers (500 officers: 9, 22, 75; 33,000: 81, 181, 4,950), a quarter of
//   the operators also trained for engagement, plus skills no role needs
//   ("first-aid", "public-order", "taser"); about 3% have max_duties 1 and
//   2% max_duties 3;
// - hotspots "hotspot-001".., named "Hotspot 17, Croydon Station", weighted
//   towards central boroughs; value 20-140 (central: 50-200, events:
//   120-200); a random non-empty subset of the windows with multipliers
//   0.6-1.3; weekday profiles (flat, leisure, commuter) with factors
//   0.5-1.5; max_per_horizon 1-3, min_gap_days 1-2, repeat_decay 0.3, 0.5,
//   0.7 or 1; about 5% events restricted to one or two consecutive dates and
//   about 5% with their own crew (silver 1, operator 1, engagement 2-3 or
//   silver 1, operator 3, engagement 8-10; under 100 officers: silver 1,
//   operator 1, engagement omitted);
// - vans "LFR-1".., each date unavailable with chance 8% (never every date),
//   max_per_date 1 (about 70%) or 2;
// - no pins, and `policy` copied from the options.
#pragma once

#include "lfrplan/dates.h"
#include "lfrplan/model.h"

#include <cstdint>
#include <string>

namespace lfr {

// The size of the Met, the workforce the generator is built for.
inline constexpr int kGeneratorMetOfficers = 33000;
// Hard limits. Up to 100,000 officers and 1,000 hotspots are allowed for
// stress tests, beyond any real force; officers x dates is capped at the Met
// for a year (33,000 x 366 roster cells, about 1 GB in memory).
inline constexpr int kGeneratorMaxOfficers = 100000;
inline constexpr std::int64_t kGeneratorMaxRosterCells = std::int64_t{kGeneratorMetOfficers} * 366;
inline constexpr int kGeneratorMaxHotspots = 1000;
inline constexpr int kGeneratorMaxVans = 100;
inline constexpr int kGeneratorMaxDates = 366;
inline constexpr int kGeneratorMaxWindows = 4;

struct GeneratorOptions {
    int officers = 500;                          // 1..100,000 (the Met: about 33,000)
    int teams = 12;                              // 1..officers
    int hotspots = 12;                           // 1..1,000 (realistic: up to about 120)
    int vans = 3;                                // 1..100
    int dates = 7;                               // 1..366 consecutive days
    Date startDate = dateFromCivil(2026, 12, 7); // a Monday
    int windows = 2;                             // 1..4
    std::uint64_t seed = 1;
    Policy policy; // copied into the scenario; counts >= 0, travel weight finite and >= 0
};

// Empty when the options are usable, else a message naming the first bad
// option, e.g. "officers must be between 1 and 100000 (got 0)".
std::string validateGeneratorOptions(const GeneratorOptions &options);

// The scenario for these options: always a valid lfrplan-scenario/1 scenario
// named after its options, e.g. "generated o500 t12 h12 v3 d7 s1" (" w<n>"
// is added when windows != 2 and " from <date>" when the start is not
// 2026-12-07). Throws std::invalid_argument with the message of
// validateGeneratorOptions when the options are not usable.
Scenario generateScenario(const GeneratorOptions &options);

} // namespace lfr
