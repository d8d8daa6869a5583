#include "lfrplan/generator.h"

#include "generator_random.h"
#include "generator_tables.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

// Every random draw below is taken into a named local, one statement at a
// time: the order in which function arguments are evaluated is unspecified,
// and two draws in one call would make the output depend on the compiler.

namespace lfr {

namespace {

using namespace generator_random;
using namespace generator_tables;

// Shift indices in makeShifts().
constexpr int kEarly = 0;
constexpr int kLate = 1;
constexpr int kNight = 2;
constexpr int kDay = 3;
constexpr int kMiddle = 4; // with shiftKinds 5 only

// A team's rota: each officer works a block of five shifts, then rests two
// days (a continental pattern), so one officer is on earlies and lates in
// the same week.
struct TeamKind {
    std::string_view name;
    std::array<int, 5> block;
    std::array<int, 5> fiveKindBlock; // with shiftKinds 5
};

constexpr std::array<TeamKind, 3> kTeamKinds = {{
    {"Response", {kEarly, kEarly, kLate, kLate, kNight}, {kEarly, kMiddle, kLate, kLate, kNight}},
    {"Neighbourhood", {kEarly, kDay, kDay, kLate, kLate}, {kEarly, kDay, kDay, kMiddle, kLate}},
    {"Taskforce", {kEarly, kEarly, kLate, kLate, kLate}, {kEarly, kMiddle, kMiddle, kLate, kLate}},
}};

// Skills in alphabetical order, as bits of a mask.
constexpr std::array<std::string_view, 6> kSkills = {"first-aid",  "lfr-engagement", "lfr-operator",
                                                     "lfr-silver", "public-order",   "taser"};
enum SkillBit : unsigned { FirstAid = 1, Engagement = 2, Operator = 4, Silver = 8, PublicOrder = 16, Taser = 32 };

constexpr std::array<double, 4> kRepeatDecays = {0.3, 0.5, 0.7, 1.0};

std::string scenarioName(const GeneratorOptions &o)
{
    std::string name = "generated ";
    if (!o.family.empty())
        name += o.family + " ";
    name += "o" + std::to_string(o.officers) + " t" + std::to_string(o.teams) + " h" + std::to_string(o.hotspots) +
            " v" + std::to_string(o.vans) + " d" + std::to_string(o.dates);
    if (o.windowSet != WindowSet::Standard)
        name += " " + std::string(windowSetName(o.windowSet));
    else if (o.windows != 2)
        name += " w" + std::to_string(o.windows);
    if (o.startDate != GeneratorOptions{}.startDate)
        name += " from " + formatDate(o.startDate);
    return name + " s" + std::to_string(o.seed);
}

std::vector<Window> makeWindows(const GeneratorOptions &o)
{
    const auto at = [](int hours) { return Clock{hours * 60}; };
    if (o.windowSet == WindowSet::Mhard)
        return {{"midday", at(10), at(14)}, {"afternoon", at(14), at(18)}, {"evening", at(17), at(21)}};
    if (o.windowSet == WindowSet::Two4h)
        return {{"day", at(10), at(14)}, {"evening", at(17), at(21)}};
    const int count = o.windows;
    std::vector<Window> windows;
    if (count >= 3)
        windows.push_back({"morning", at(8), at(11)});
    windows.push_back({"day", at(11), at(15)});
    if (count >= 2)
        windows.push_back({"evening", at(17), at(21)});
    if (count >= 4)
        windows.push_back({"late", at(19), at(22)});
    return windows;
}

std::vector<Shift> makeShifts(int kinds)
{
    const auto at = [](int hours) { return Clock{hours * 60}; };
    std::vector<Shift> shifts = {
        {"early", at(7), at(15)}, {"late", at(14), at(22)}, {"night", at(22), at(7)}, {"day", at(10), at(20)}};
    if (kinds == 5)
        shifts.push_back({"middle", at(12), at(21)});
    return shifts;
}

std::vector<Role> makeRoles()
{
    return {{"silver", Rank::Insp, std::string("lfr-silver")},
            {"operator", std::nullopt, std::string("lfr-operator")},
            {"engagement", std::nullopt, std::string("lfr-engagement")}};
}

// A workforce under 100 gets a smaller crew, so that tiny scenarios (for
// brute-force tests) still admit deployments.
bool smallForce(const GeneratorOptions &o) { return o.officers < 100; }

CrewMap makeDefaultCrew(const GeneratorOptions &o)
{
    Rng rng(o.seed, Stream::Crew);
    if (smallForce(o))
        return {{"silver", 1}, {"operator", 1}, {"engagement", o.officers >= 40 ? 2 : 1}};
    const int engagement = rng.between(4, 6);
    return {{"silver", 1}, {"operator", 2}, {"engagement", engagement}};
}

GeoPoint jittered(const Borough &borough, int latSpread, int lonSpread, Rng &rng)
{
    const int dLat = rng.between(-latSpread, latSpread);
    const int dLon = rng.between(-lonSpread, lonSpread);
    const int lat = std::clamp(borough.lat + dLat, kLatMin, kLatMax);
    const int lon = std::clamp(borough.lon + dLon, kLonMin, kLonMax);
    return {fixedPoint(lat, 1000000), fixedPoint(lon, 1000000)};
}

struct TeamPlan {
    int size = 0;
    const std::array<int, 5> *block = nullptr; // the team's rota
    int restBase = 0;                          // where the team's first officer is in the week
};

// Uneven team sizes: about 15% big teams, 20% small ones; every team has at
// least one officer and the sizes add up to `officers`.
std::vector<int> makeTeamSizes(int officers, int teams, Rng &rng)
{
    std::vector<std::int64_t> weights(static_cast<std::size_t>(teams));
    std::int64_t total = 0;
    for (auto &weight : weights) {
        const int kind = rng.between(0, 99);
        weight = kind < 15 ? rng.between(200, 400) : kind < 35 ? rng.between(20, 50) : rng.between(70, 140);
        total += weight;
    }
    const std::int64_t spare = officers - teams;
    std::vector<int> sizes(static_cast<std::size_t>(teams), 1);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const std::int64_t extra = spare * weights[i] / total;
        sizes[i] += static_cast<int>(extra);
        given += extra;
    }
    std::size_t next = rng.index(sizes.size());
    for (std::int64_t rest = spare - given; rest > 0; --rest) {
        ++sizes[next];
        next = (next + 1) % sizes.size();
    }
    return sizes;
}

std::vector<Team> makeTeams(const GeneratorOptions &o, std::vector<TeamPlan> &plans)
{
    Rng rng(o.seed, Stream::Teams);
    const std::vector<int> sizes = makeTeamSizes(o.officers, o.teams, rng);
    const std::vector<int> boroughOrder = shuffledIndices(static_cast<int>(kBoroughs.size()), rng);
    const int width = std::max(2, digitCount(o.teams));
    std::vector<Team> teams;
    teams.reserve(sizes.size());
    plans.reserve(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const Borough &borough = kBoroughs[static_cast<std::size_t>(boroughOrder[i % kBoroughs.size()])];
        const std::size_t occurrence = i / kBoroughs.size() + 1;
        const int kindRoll = rng.between(0, 99);
        const TeamKind &kind = kTeamKinds[kindRoll < 55 ? 0 : kindRoll < 85 ? 1 : 2];
        Team team;
        team.id = "team-" + padded(static_cast<int>(i) + 1, width);
        team.name = std::string(borough.name) + " " + std::string(kind.name);
        if (occurrence > 1)
            team.name += " " + std::to_string(occurrence);
        team.base = jittered(borough, 20000, 30000, rng);
        const int size = sizes[i];
        const int minShare = size >= 10 ? rng.between(40, 60) : rng.between(25, 40);
        team.minOnDuty = size * minShare / 100;
        if (rng.chance(350) && size >= 20) {
            const int share = rng.between(5, 15);
            team.maxAbstracted = std::max(2, size * share / 100);
        }
        const int restBase = rng.between(0, 6);
        plans.push_back({size, o.shiftKinds == 5 ? &kind.fiveKindBlock : &kind.block, restBase});
        teams.push_back(std::move(team));
    }
    return teams;
}

Rank drawRank(Rng &rng)
{
    const int roll = rng.between(0, 999);
    if (roll < 780)
        return Rank::PC;
    if (roll < 930)
        return Rank::PS;
    if (roll < 980)
        return Rank::Insp;
    return roll < 995 ? Rank::CI : Rank::Supt;
}

// The first `count` officers of a fresh random order, preferred ones first.
template <class Preferred> std::vector<int> pickOfficers(int officers, int count, Rng &rng, Preferred preferred)
{
    std::vector<int> order = shuffledIndices(officers, rng);
    std::stable_partition(order.begin(), order.end(), preferred);
    order.resize(static_cast<std::size_t>(count));
    return order;
}

// LFR skills are scarce on purpose (they bind the plan); silvers are
// inspectors or above, and a force with too few inspectors has some
// sergeants or constables promoted so the quota is met.
void assignSkills(std::vector<Officer> &officers, std::vector<unsigned> &skills, Rng &rng)
{
    const int n = static_cast<int>(officers.size());
    const auto at = [](int index) { return static_cast<std::size_t>(index); };
    const int silverCount = std::min(n, std::max({2, isqrt(n) * 9 / 20, std::min(n / 4, 6)}));
    for (const int i : pickOfficers(n, silverCount, rng, [&](int k) { return officers[at(k)].rank >= Rank::Insp; })) {
        officers[at(i)].rank = std::max(officers[at(i)].rank, Rank::Insp);
        skills[at(i)] |= Silver;
    }
    const int operatorCount = std::min(n, std::max({2, isqrt(n), std::min(n / 3, 8)}));
    for (const int i : pickOfficers(n, operatorCount, rng, [&](int k) {
             return officers[at(k)].rank < Rank::Insp && (skills[at(k)] & Silver) == 0;
         }))
        skills[at(i)] |= Operator;
    const int engagementCount = std::min(n, std::max({4, n * 15 / 100, std::min(n / 2, 10)}));
    for (const int i : pickOfficers(n, engagementCount, rng, [&](int k) {
             return officers[at(k)].rank < Rank::Insp && (skills[at(k)] & (Silver | Operator)) == 0;
         }))
        skills[at(i)] |= Engagement;
    for (std::size_t i = 0; i < officers.size(); ++i) {
        if ((skills[i] & Operator) != 0 && rng.chance(250))
            skills[i] |= Engagement;
        if (rng.chance(300))
            skills[i] |= FirstAid;
        if (rng.chance(120))
            skills[i] |= PublicOrder;
        if (rng.chance(80))
            skills[i] |= Taser;
    }
    for (std::size_t i = 0; i < officers.size(); ++i)
        for (std::size_t bit = 0; bit < kSkills.size(); ++bit)
            if ((skills[i] & (1U << bit)) != 0)
                officers[i].skills.emplace_back(kSkills[bit]);
}

// Five days on and two off through the team's block, with about 3% of duty
// days lost to leave or training. Places in the block are dealt out in turn
// within each team, as a duty planner would, so that every day has about 5/7
// of a team on duty, spread over the shifts of its block.
void assignRosters(std::vector<Officer> &officers, const std::vector<int> &teamOf, const std::vector<TeamPlan> &plans,
                   const std::vector<Shift> &shifts, const std::vector<Date> &dates, Rng &rng)
{
    std::vector<int> position(plans.size(), 0);
    for (std::size_t i = 0; i < officers.size(); ++i) {
        const auto team = static_cast<std::size_t>(teamOf[i]);
        const TeamPlan &plan = plans[team];
        const int offset = (plan.restBase + 3 * position[team]) % 7;
        ++position[team];
        auto &roster = officers[i].roster;
        for (const Date date : dates) {
            const int day = positiveMod(date.days + offset, 7);
            if (day >= 5 || rng.chance(30))
                continue;
            const auto shift = static_cast<std::size_t>((*plan.block)[static_cast<std::size_t>(day)]);
            roster.emplace_hint(roster.end(), date, shifts[shift].id);
        }
    }
}

std::vector<Officer> makeOfficers(const GeneratorOptions &o, const std::vector<Team> &teams,
                                  const std::vector<TeamPlan> &plans, const std::vector<Shift> &shifts,
                                  const std::vector<Date> &dates)
{
    Rng rng(o.seed, Stream::Officers);
    std::vector<int> teamOf;
    teamOf.reserve(static_cast<std::size_t>(o.officers));
    for (std::size_t t = 0; t < plans.size(); ++t)
        teamOf.insert(teamOf.end(), static_cast<std::size_t>(plans[t].size), static_cast<int>(t));
    shuffle(teamOf, rng);

    std::vector<Officer> officers(static_cast<std::size_t>(o.officers));
    for (std::size_t i = 0; i < officers.size(); ++i) {
        Officer &officer = officers[i];
        officer.id = "G" + padded(static_cast<int>(i) + 1, 6);
        const std::size_t first = rng.index(kFirstNames.size());
        const std::size_t surname = rng.index(kSurnames.size());
        officer.name = std::string(kFirstNames[first]) + " " + std::string(kSurnames[surname]);
        officer.rank = drawRank(rng);
        officer.team = teams[static_cast<std::size_t>(teamOf[i])].id;
        const int dutyRoll = rng.between(0, 999);
        if (dutyRoll < 30)
            officer.maxDuties = 1;
        else if (dutyRoll < 50)
            officer.maxDuties = 3;
    }
    std::vector<unsigned> skills(officers.size(), 0U);
    assignSkills(officers, skills, rng);
    Rng rosterRng(o.seed, Stream::Rosters);
    assignRosters(officers, teamOf, plans, shifts, dates, rosterRng);
    return officers;
}

CrewMap makeHotspotCrew(const GeneratorOptions &o, Rng &rng)
{
    if (smallForce(o))
        return {{"silver", 1}, {"operator", 1}}; // no engagement officers: the role is omitted
    if (rng.chance(500)) {
        const int engagement = rng.between(2, 3);
        return {{"silver", 1}, {"operator", 1}, {"engagement", engagement}};
    }
    const int engagement = rng.between(8, 10);
    return {{"silver", 1}, {"operator", 3}, {"engagement", engagement}};
}

const Borough &pickHotspotBorough(Rng &rng)
{
    static const int totalWeight = [] {
        int total = 0;
        for (const Borough &b : kBoroughs)
            total += b.hotspotWeight;
        return total;
    }();
    int roll = rng.between(0, totalWeight - 1);
    for (const Borough &b : kBoroughs) {
        if (roll < b.hotspotWeight)
            return b;
        roll -= b.hotspotWeight;
    }
    return kBoroughs.back();
}

WeekdayFactors makeWeekdayFactors(Rng &rng)
{
    WeekdayFactors factors = {1, 1, 1, 1, 1, 1, 1};
    const int profile = rng.between(0, 99);
    if (profile < 40)
        return factors; // flat
    for (std::size_t day = 0; day < factors.size(); ++day) {
        int percent = 100;
        if (profile < 70) // leisure: busy at the weekend
            percent = day < 4 ? rng.between(70, 100) : day == 4 ? rng.between(100, 130) : rng.between(110, 150);
        else // commuter: busy on weekdays
            percent = day < 5 ? rng.between(95, 130) : rng.between(50, 80);
        factors[day] = fixedPoint(percent, 100);
    }
    return factors;
}

// hotspotCrewShare: exactly round(share x hotspots) hotspots with a crew of
// their own, picked at random; the others have none.
void applyHotspotCrewShare(const GeneratorOptions &o, std::vector<Hotspot> &hotspots)
{
    if (!o.hotspotCrewShare)
        return;
    Rng rng(o.seed, Stream::HotspotCrews);
    const auto count = static_cast<std::size_t>(std::llround(*o.hotspotCrewShare * static_cast<double>(o.hotspots)));
    std::vector<int> order = shuffledIndices(static_cast<int>(hotspots.size()), rng);
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
    for (Hotspot &h : hotspots)
        h.crew.reset();
    for (std::size_t k = 0; k < count; ++k)
        hotspots[static_cast<std::size_t>(order[k])].crew = makeHotspotCrew(o, rng);
}

// The crew of `officers` for the event hotspot: silver 1, operator
// max(1, officers/8), engagement the rest (roles with no one omitted).
CrewMap eventCrew(int officers)
{
    CrewMap crew = {{"silver", 1}};
    const int operators = officers >= 2 ? std::max(1, officers / 8) : 0;
    if (operators > 0)
        crew.emplace("operator", operators);
    if (const int engagement = officers - 1 - operators; engagement > 0)
        crew.emplace("engagement", engagement);
    return crew;
}

Hotspot makeEventHotspot(const GeneratorOptions &o, const std::vector<Date> &dates, const std::vector<Window> &windows)
{
    Rng rng(o.seed, Stream::Event);
    const EventHotspot &event = *o.eventHotspot;
    const Borough *borough = &pickHotspotBorough(rng);
    while (borough->hotspotWeight < 4)
        borough = &pickHotspotBorough(rng); // events are central
    const std::size_t place = rng.index(kPlaces.size());
    Hotspot h;
    h.id = "event-01";
    h.name = "Event, " + std::string(borough->name) + " " + std::string(kPlaces[place]);
    h.borough = std::string(borough->name);
    h.location = jittered(*borough, 15000, 25000, rng);
    h.value = event.value;
    for (const Window &w : windows)
        h.windows.emplace(w.id, 1.0);
    const int length = std::min(static_cast<int>(dates.size()), event.dates);
    const int start = rng.between(0, static_cast<int>(dates.size()) - length);
    const auto begin = dates.begin() + start;
    h.dates = std::vector<Date>(begin, begin + length);
    h.maxPerHorizon = length;
    h.minGapDays = 1;
    h.repeatDecay = 1.0;
    h.crew = eventCrew(event.crew);
    return h;
}

// The fixed per-hotspot values and the window multipliers' range, when given.
void applyHotspotOverrides(const GeneratorOptions &o, std::vector<Hotspot> &hotspots)
{
    Rng rng(o.seed, Stream::WindowMultipliers);
    for (Hotspot &h : hotspots) {
        if (o.maxPerHorizon)
            h.maxPerHorizon = *o.maxPerHorizon;
        if (o.minGapDays)
            h.minGapDays = *o.minGapDays;
        if (o.repeatDecay)
            h.repeatDecay = *o.repeatDecay;
        if (o.windowMultipliers) {
            const int lo = static_cast<int>(std::lround(o.windowMultipliers->first * 100.0));
            const int hi = static_cast<int>(std::lround(o.windowMultipliers->second * 100.0));
            for (auto &[window, multiplier] : h.windows) {
                const int percent = rng.between(lo, hi);
                multiplier = fixedPoint(percent, 100);
            }
        }
    }
}

std::vector<Hotspot> makeHotspots(const GeneratorOptions &o, const std::vector<Date> &dates,
                                  const std::vector<Window> &windows)
{
    Rng rng(o.seed, Stream::Hotspots);
    const int width = std::max(3, digitCount(o.hotspots));
    std::vector<Hotspot> hotspots;
    hotspots.reserve(static_cast<std::size_t>(o.hotspots));
    for (int number = 1; number <= o.hotspots; ++number) {
        Hotspot h;
        const Borough &borough = pickHotspotBorough(rng);
        const std::size_t place = rng.index(kPlaces.size());
        h.id = "hotspot-" + padded(number, width);
        h.name =
            "Hotspot " + std::to_string(number) + ", " + std::string(borough.name) + " " + std::string(kPlaces[place]);
        h.borough = std::string(borough.name);
        h.location = jittered(borough, 15000, 25000, rng);
        const bool event = rng.chance(50);
        const bool central = borough.hotspotWeight >= 4;
        const int tenths = event ? rng.between(1200, 2000) : central ? rng.between(500, 2000) : rng.between(200, 1400);
        h.value = fixedPoint(tenths, 10);
        for (const Window &w : windows) {
            if (rng.chance(750)) {
                const int percent = rng.between(60, 130);
                h.windows.emplace(w.id, fixedPoint(percent, 100));
            }
        }
        if (h.windows.empty()) {
            const std::size_t only = rng.index(windows.size());
            const int percent = rng.between(60, 130);
            h.windows.emplace(windows[only].id, fixedPoint(percent, 100));
        }
        h.weekdayFactor = makeWeekdayFactors(rng);
        if (event) {
            const int length = std::min(static_cast<int>(dates.size()), rng.between(1, 2));
            const int start = rng.between(0, static_cast<int>(dates.size()) - length);
            const auto begin = dates.begin() + start;
            h.dates = std::vector<Date>(begin, begin + length);
        }
        h.maxPerHorizon = rng.between(1, 3);
        h.minGapDays = rng.between(1, 2);
        h.repeatDecay = kRepeatDecays[rng.index(kRepeatDecays.size())];
        if (rng.chance(50))
            h.crew = makeHotspotCrew(o, rng);
        hotspots.push_back(std::move(h));
    }
    applyHotspotCrewShare(o, hotspots);
    if (o.eventHotspot)
        hotspots.push_back(makeEventHotspot(o, dates, windows));
    applyHotspotOverrides(o, hotspots);
    return hotspots;
}

std::vector<Van> makeVans(const GeneratorOptions &o, const std::vector<Date> &dates)
{
    Rng rng(o.seed, Stream::Vans);
    std::vector<Van> vans;
    vans.reserve(static_cast<std::size_t>(o.vans));
    for (int number = 1; number <= o.vans; ++number) {
        Van van;
        van.id = "LFR-" + std::to_string(number);
        van.name = "LFR van " + std::to_string(number);
        for (const Date date : dates)
            if (rng.chance(80))
                van.unavailable.push_back(date);
        if (van.unavailable.size() == dates.size())
            van.unavailable.pop_back(); // never off the road for the whole horizon
        van.maxPerDate = rng.chance(300) ? 2 : 1;
        vans.push_back(std::move(van));
    }
    if (o.vanUnavailable) {
        Rng days(o.seed, Stream::VanDays);
        const int perMille = static_cast<int>(std::lround(*o.vanUnavailable * 1000.0));
        for (Van &van : vans) {
            van.unavailable.clear();
            for (const Date date : dates)
                if (days.chance(perMille))
                    van.unavailable.push_back(date);
            if (van.unavailable.size() == dates.size())
                van.unavailable.pop_back();
        }
    }
    return vans;
}

} // namespace

Scenario generateScenario(const GeneratorOptions &options)
{
    if (const std::string error = validateGeneratorOptions(options); !error.empty())
        throw std::invalid_argument(error);
    Scenario s;
    s.name = scenarioName(options);
    s.dates.reserve(static_cast<std::size_t>(options.dates));
    for (int i = 0; i < options.dates; ++i)
        s.dates.push_back(Date{options.startDate.days + i});
    s.policy = options.policy;
    s.windows = makeWindows(options);
    s.shifts = makeShifts(options.shiftKinds);
    s.roles = makeRoles();
    s.crew = makeDefaultCrew(options);
    std::vector<TeamPlan> plans;
    s.teams = makeTeams(options, plans);
    s.officers = makeOfficers(options, s.teams, plans, s.shifts, s.dates);
    s.hotspots = makeHotspots(options, s.dates, s.windows);
    s.vans = makeVans(options, s.dates);
    return s;
}

} // namespace lfr
