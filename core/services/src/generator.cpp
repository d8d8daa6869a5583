#include "lfrplan/generator.h"

#include "generator_tables.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

// Every random draw below is taken into a named local, one statement at a
// time: the order in which function arguments are evaluated is unspecified,
// and two draws in one call would make the output depend on the compiler.

namespace lfr {

namespace {

std::uint64_t splitmix64(std::uint64_t &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// The independent streams of one seed.
enum class Stream : std::uint64_t { Teams = 1, Officers, Rosters, Hotspots, Vans, Crew };

// xoshiro256** (Blackman and Vigna, 2018), seeded through splitmix64.
class Rng {
public:
    Rng(std::uint64_t seed, Stream stream)
    {
        std::uint64_t mix = seed ^ (static_cast<std::uint64_t>(stream) * 0xD1B54A32D192ED03ULL);
        for (auto &word : state_)
            word = splitmix64(mix);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = std::rotl(state_[3], 45);
        return result;
    }

    // Uniform in [lo, hi] (lo <= hi), by rejection: no modulo bias.
    int between(int lo, int hi)
    {
        const auto range = static_cast<std::uint64_t>(std::int64_t{hi} - lo) + 1;
        const std::uint64_t reject = (std::uint64_t{0} - range) % range; // 2^64 mod range
        std::uint64_t r = next();
        while (r < reject)
            r = next();
        return static_cast<int>(lo + static_cast<std::int64_t>(r % range));
    }

    // True with probability perMille / 1000.
    bool chance(int perMille) { return between(0, 999) < perMille; }

    std::size_t index(std::size_t size) { return static_cast<std::size_t>(between(0, static_cast<int>(size) - 1)); }

private:
    std::array<std::uint64_t, 4> state_{};
};

void shuffle(std::vector<int> &items, Rng &rng)
{
    for (std::size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[rng.index(i)]);
}

std::vector<int> shuffledIndices(int count, Rng &rng)
{
    std::vector<int> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    shuffle(order, rng);
    return order;
}

// A number given in units of 1/scale (exact: one correctly rounded division).
double fixedPoint(int units, int scale) { return static_cast<double>(units) / static_cast<double>(scale); }

int positiveMod(int a, int b) { return (a % b + b) % b; }

int isqrt(int n)
{
    int root = 0;
    while ((root + 1) * (root + 1) <= n)
        ++root;
    return root;
}

int digitCount(int n) { return static_cast<int>(std::to_string(n).size()); }

std::string padded(int value, int width)
{
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width)
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

using namespace generator_tables;

// Shift indices in makeShifts().
constexpr int kEarly = 0;
constexpr int kLate = 1;
constexpr int kNight = 2;
constexpr int kDay = 3;

// A team's rota: each officer works a block of five shifts, then rests two
// days (a continental pattern), so one officer is on earlies and lates in
// the same week.
struct TeamKind {
    std::string_view name;
    std::array<int, 5> block;
};

constexpr std::array<TeamKind, 3> kTeamKinds = {{
    {"Response", {kEarly, kEarly, kLate, kLate, kNight}},
    {"Neighbourhood", {kEarly, kDay, kDay, kLate, kLate}},
    {"Taskforce", {kEarly, kEarly, kLate, kLate, kLate}},
}};

// Skills in alphabetical order, as bits of a mask.
constexpr std::array<std::string_view, 6> kSkills = {"first-aid",  "lfr-engagement", "lfr-operator",
                                                     "lfr-silver", "public-order",   "taser"};
enum SkillBit : unsigned { FirstAid = 1, Engagement = 2, Operator = 4, Silver = 8, PublicOrder = 16, Taser = 32 };

constexpr std::array<double, 4> kRepeatDecays = {0.3, 0.5, 0.7, 1.0};

std::string scenarioName(const GeneratorOptions &o)
{
    std::string name = "generated o" + std::to_string(o.officers) + " t" + std::to_string(o.teams) + " h" +
                       std::to_string(o.hotspots) + " v" + std::to_string(o.vans) + " d" + std::to_string(o.dates);
    if (o.windows != 2)
        name += " w" + std::to_string(o.windows);
    if (o.startDate != GeneratorOptions{}.startDate)
        name += " from " + formatDate(o.startDate);
    return name + " s" + std::to_string(o.seed);
}

std::vector<Window> makeWindows(int count)
{
    const auto at = [](int hours) { return Clock{hours * 60}; };
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

std::vector<Shift> makeShifts()
{
    const auto at = [](int hours) { return Clock{hours * 60}; };
    return {{"early", at(7), at(15)}, {"late", at(14), at(22)}, {"night", at(22), at(7)}, {"day", at(10), at(20)}};
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
    const TeamKind *kind = nullptr;
    int restBase = 0; // where the team's first officer is in the week
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
        plans.push_back({size, &kind, restBase});
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
            const auto shift = static_cast<std::size_t>(plan.kind->block[static_cast<std::size_t>(day)]);
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
    return vans;
}

struct Limit {
    std::string_view option;
    int value;
    int lo;
    int hi;
};

} // namespace

std::string validateGeneratorOptions(const GeneratorOptions &o)
{
    // In this order, so that "teams" is only judged against a usable "officers".
    for (const Limit &l :
         {Limit{"officers", o.officers, 1, kGeneratorMaxOfficers}, Limit{"teams", o.teams, 1, std::max(1, o.officers)},
          Limit{"hotspots", o.hotspots, 1, kGeneratorMaxHotspots}, Limit{"vans", o.vans, 1, kGeneratorMaxVans},
          Limit{"dates", o.dates, 1, kGeneratorMaxDates}, Limit{"windows", o.windows, 1, kGeneratorMaxWindows}})
        if (l.value < l.lo || l.value > l.hi)
            return std::string(l.option) + " must be between " + std::to_string(l.lo) + " and " + std::to_string(l.hi) +
                   " (got " + std::to_string(l.value) + ")";
    if (const std::int64_t cells = std::int64_t{o.officers} * o.dates; cells > kGeneratorMaxRosterCells)
        return "officers x dates must be at most " + std::to_string(kGeneratorMaxRosterCells) + " roster cells (got " +
               std::to_string(cells) + ")";
    if (o.startDate < dateFromCivil(1, 1, 1) || o.startDate.days > dateFromCivil(9999, 12, 31).days - (o.dates - 1))
        return "startDate must leave the whole horizon within 0001-01-01..9999-12-31";
    const Policy &p = o.policy;
    const std::array<std::pair<std::string_view, int>, 4> counts = {{{"maxDeployments", p.maxDeployments},
                                                                     {"maxDays", p.maxDays},
                                                                     {"maxPerDate", p.maxPerDate.value_or(0)},
                                                                     {"maxDutiesPerOfficer", p.maxDutiesPerOfficer}}};
    for (const auto &[key, value] : counts)
        if (value < 0)
            return "policy." + std::string(key) + " must be >= 0 (got " + std::to_string(value) + ")";
    if (!std::isfinite(p.travelWeight) || p.travelWeight < 0)
        return "policy.travelWeight must be a finite number >= 0";
    return {};
}

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
    s.windows = makeWindows(options.windows);
    s.shifts = makeShifts();
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
