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
//
// The harder benchmark families (issue 19) add options that are all off by
// default; with none of them the scenario is exactly the one above, byte for
// byte. Each draws from streams of its own, so turning one on leaves every
// other part of the scenario as it was:
// - windowSet: Mhard gives "midday" 10:00-14:00, "afternoon" 14:00-18:00 and
//   "evening" 17:00-21:00 (the last two overlap: one van cannot do both);
//   Two4h gives "day" 10:00-14:00 and "evening" 17:00-21:00. The early and
//   day shifts cover the morning windows, late and day the afternoon, late
//   the evening (and "middle" 12:00-21:00, below, the afternoon and evening);
// - shiftKinds 5: a fifth shift "middle" 12:00-21:00, and every team's block
//   uses it (response: early, middle, late, late, night; neighbourhood:
//   early, day, day, middle, late; taskforce: early, middle, middle, late,
//   late), so the rosters mix five shift kinds;
// - hotspotCrewShare: exactly round(share x hotspots) hotspots, picked at
//   random, have their own crew map (drawn as above), the others none;
// - maxPerHorizon, minGapDays, repeatDecay: the same value at every hotspot
//   (the event hotspot included) instead of the random ones;
// - windowMultipliers: every window multiplier uniform in [lo, hi], in
//   hundredths;
// - vanUnavailable: each van is unavailable on each date with this chance
//   (never on every date);
// - eventHotspot: one more hotspot, "event-01" in a central borough, of the
//   given value (weekday factors 1), allowed in every window (multiplier 1,
//   or drawn from windowMultipliers) but only on `dates` consecutive dates
//   drawn from the horizon, max_per_horizon = `dates`, min_gap_days 1,
//   repeat_decay 1 (unless fixed above), with its own crew of `crew`
//   officers: silver 1, operator max(1, crew/8), engagement the rest.
#pragma once

#include "lfrplan/dates.h"
#include "lfrplan/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// The deployment windows of a generated scenario.
enum class WindowSet : std::uint8_t {
    Standard, // `windows` of morning, day, evening, late (see above)
    Mhard,    // midday 10:00-14:00, afternoon 14:00-18:00, evening 17:00-21:00
    Two4h,    // day 10:00-14:00, evening 17:00-21:00
};
std::string_view windowSetName(WindowSet set); // "standard", "mhard", "two4h"
std::optional<WindowSet> windowSetFromName(std::string_view name);

// One event hotspot of high value with a big crew of its own, allowed on a
// day or two only (a carnival, a final).
struct EventHotspot {
    double value = 400.0; // > 0, at most 100000
    int crew = 17;        // officers in its crew, 1..1000
    int dates = 2;        // 1 or 2 consecutive dates (at most the horizon's)
    bool operator==(const EventHotspot &) const = default;
};

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

    // Harder families (issue 19): all off by default (see above).
    std::string family;                                         // "", or the family these came from (in the name)
    WindowSet windowSet = WindowSet::Standard;                  // not Standard: replaces `windows`
    int shiftKinds = 4;                                         // 4 or 5
    std::optional<double> hotspotCrewShare;                     // 0..1
    std::optional<int> maxPerHorizon;                           // 1..366, every hotspot
    std::optional<int> minGapDays;                              // 0..365, every hotspot
    std::optional<double> repeatDecay;                          // 0..1, every hotspot
    std::optional<std::pair<double, double>> windowMultipliers; // 0.01 <= lo <= hi <= 10
    std::optional<double> vanUnavailable;                       // 0..1
    std::optional<EventHotspot> eventHotspot;
};

// The preset benchmark families (docs/benchmarks.md):
// - "s-like": 400 officers, 8 teams, 12 hotspots, 3 vans, 7 dates, at most
//   10 deployments on 5 days and 3 a date, max_duties 2, the Two4h windows;
// - "event": the s-like week and an event hotspot of value 400 with a crew
//   of 17, allowed on 2 consecutive dates;
// - "m-hard": 5,000 officers, 40 teams, 40 hotspots, 6 vans, 7 dates, the
//   Mhard windows, at most 16 deployments on 6 days and 4 a date,
//   max_duties 2, travel_weight 0.3, a quarter of the hotspots with their own
//   crew, max_per_horizon 2, min_gap_days 1, repeat_decay 0.5, window
//   multipliers 0.6 to 1.2, five shift kinds, vans unavailable with chance
//   15% a date.
// Seed 1; set `seed` (or any other option) after. Empty for an unknown name.
std::optional<GeneratorOptions> generatorFamily(std::string_view name);
const std::vector<std::string_view> &generatorFamilyNames();

// Empty when the options are usable, else a message naming the first bad
// option, e.g. "officers must be between 1 and 100000 (got 0)".
std::string validateGeneratorOptions(const GeneratorOptions &options);

// The scenario for these options: always a valid lfrplan-scenario/1 scenario
// named after its options, e.g. "generated o500 t12 h12 v3 d7 s1" (" w<n>"
// is added when windows != 2, the window set's name when it is not the
// standard one, " from <date>" when the start is not 2026-12-07, and the
// family after "generated", e.g. "generated m-hard o5000 t40 h40 v6 d7 mhard
// s1"). Throws std::invalid_argument with the message of
// validateGeneratorOptions when the options are not usable.
Scenario generateScenario(const GeneratorOptions &options);

} // namespace lfr
