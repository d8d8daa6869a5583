// The crew subproblem (crew_assignment.h): minimum-travel crews for fixed
// deployments, on hand-built weeks and against exhaustive enumeration.
#include "lfrplan/crew_assignment.h"
#include "lfrplan/generator.h"
#include "lfrplan/geo.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace lfr;
using Catch::Matchers::Contains;

namespace {

Date day(const char *text) { return parseDate(text).value(); }
Clock at(const char *text) { return parseClock(text).value(); }

Officer officer(const std::string &id, Rank rank, const std::string &team, std::vector<std::string> skills,
                const std::vector<Date> &dates, const std::string &shift = "early")
{
    Officer o;
    o.id = id;
    o.name = "Officer " + id;
    o.rank = rank;
    o.team = team;
    o.skills = std::move(skills);
    for (const Date d : dates)
        o.roster[d] = shift;
    return o;
}

// Mon 2026-12-07 .. Wed 2026-12-09; hotspot "oxford" in the West End,
// "brixton" in Lambeth. Teams: "near" (next to Oxford Circus), "mid"
// (Camden) and "far" (Croydon). Silver: Insp with lfr-silver; operator: lfr.
// Crews: 1 silver and 1 operator. Officers are added by each test.
Scenario baseScenario()
{
    Scenario sc;
    sc.name = "crew test week";
    for (int i = 0; i < 3; ++i)
        sc.dates.push_back(Date{day("2026-12-07").days + i});
    sc.windows = {{"morning", at("08:00"), at("12:00")}, {"evening", at("18:00"), at("22:00")}};
    sc.shifts = {{"early", at("07:00"), at("15:00")}, {"late", at("14:00"), at("23:00")}};
    sc.roles = {{"silver", Rank::Insp, "lfr-silver"}, {"operator", std::nullopt, "lfr"}};
    sc.crew = {{"silver", 1}, {"operator", 1}};
    sc.teams = {{"near", "West End", {51.5140, -0.1400}, 0, std::nullopt},
                {"mid", "Camden", {51.5390, -0.1426}, 0, std::nullopt},
                {"far", "Croydon", {51.3762, -0.0982}, 0, std::nullopt}};
    Hotspot oxford;
    oxford.id = "oxford";
    oxford.name = "Oxford Circus";
    oxford.borough = "Westminster";
    oxford.location = {51.5152, -0.1419};
    oxford.value = 100;
    oxford.windows = {{"morning", 1.0}, {"evening", 1.0}};
    Hotspot brixton = oxford;
    brixton.id = "brixton";
    brixton.name = "Brixton";
    brixton.location = {51.4627, -0.1145};
    sc.hotspots = {oxford, brixton};
    sc.vans = {{"LFR-1", std::nullopt, {}, 2}, {"LFR-2", std::nullopt, {}, 2}, {"LFR-3", std::nullopt, {}, 2}};
    return sc;
}

double km(const Scenario &sc, const std::string &team, const std::string &hotspot)
{
    const auto t = std::find_if(sc.teams.begin(), sc.teams.end(), [&team](const Team &x) { return x.id == team; });
    const auto h =
        std::find_if(sc.hotspots.begin(), sc.hotspots.end(), [&hotspot](const Hotspot &x) { return x.id == hotspot; });
    return haversineKm(t->base, h->location);
}

Deployment deployment(const char *date, const char *window, const char *hotspot, const char *van,
                      std::vector<CrewAssignment> crew = {})
{
    return {day(date), window, hotspot, van, std::move(crew)};
}

std::string describe(const CrewResult &result)
{
    std::string text = result.feasible ? "feasible" : "infeasible";
    for (const auto &crew : result.crews) {
        text += "\n  crew:";
        for (const CrewAssignment &m : crew)
            text += " " + m.officer + "/" + m.role;
    }
    for (const std::string &reason : result.reasons)
        text += "\n  reason: " + reason;
    return text;
}

// The crews put back into the deployments break no crew or staffing rule.
void requireCrewRulesHold(const ScenarioIndex &index, const CrewRequest &request, const CrewResult &result)
{
    REQUIRE(result.crews.size() == request.deployments.size());
    std::vector<Deployment> plan = request.deployments;
    for (std::size_t i = 0; i < plan.size(); ++i)
        plan[i].crew = result.crews[i];
    std::vector<Deployment> all = request.fixed;
    all.insert(all.end(), plan.begin(), plan.end());
    const ValidationReport report = validatePlan(index, all);
    std::string text;
    for (const Violation &v : report.violations)
        text += "\n  " + v.message;
    INFO("violations:" << text);
    REQUIRE(report.count(Rule::Crew) == 0);
    REQUIRE(report.count(Rule::StaffingLimit) == 0);
    REQUIRE(report.count(Rule::UnknownReference) == 0);
    REQUIRE(std::abs(report.evaluation.travelKm - result.travelKm) <= 1e-9 * std::max(1.0, result.travelKm));
}

bool inCrew(const CrewResult &result, std::size_t deployment, const std::string &officerId, const std::string &role)
{
    const auto &crew = result.crews.at(deployment);
    return std::find(crew.begin(), crew.end(), CrewAssignment{officerId, role}) != crew.end();
}

} // namespace

TEST_CASE("crews: the optimum picks the nearest team", "[crew]")
{
    Scenario sc = baseScenario();
    const auto &all = sc.dates;
    sc.officers = {
        officer("F1", Rank::Insp, "far", {"lfr-silver"}, all),  officer("F2", Rank::PC, "far", {"lfr"}, all),
        officer("M1", Rank::Insp, "mid", {"lfr-silver"}, all),  officer("M2", Rank::PC, "mid", {"lfr"}, all),
        officer("N1", Rank::Insp, "near", {"lfr-silver"}, all), officer("N2", Rank::PC, "near", {"lfr"}, all)};
    const ScenarioIndex index(sc);
    const CrewRequest request{{deployment("2026-12-07", "morning", "oxford", "LFR-1")}, {}};
    const CrewResult result = assignCrews(index, request);
    INFO(describe(result));
    REQUIRE(result.feasible);
    CHECK(result.crews[0] == std::vector<CrewAssignment>{{"N1", "silver"}, {"N2", "operator"}});
    CHECK(result.travelKm == Approx(2 * km(sc, "near", "oxford")).epsilon(1e-12));
    requireCrewRulesHold(index, request, result);

    // In the evening only Camden's officers, moved to the late shift, cover
    // the window: nearness gives way to the roster.
    sc.officers[2].roster[sc.dates[0]] = "late";
    sc.officers[3].roster[sc.dates[0]] = "late";
    const ScenarioIndex lateIndex(sc);
    const CrewRequest evening{{deployment("2026-12-07", "evening", "oxford", "LFR-1")}, {}};
    const CrewResult late = assignCrews(lateIndex, evening);
    INFO(describe(late));
    REQUIRE(late.feasible);
    CHECK(late.crews[0] == std::vector<CrewAssignment>{{"M1", "silver"}, {"M2", "operator"}});
    requireCrewRulesHold(lateIndex, evening, late);
}

TEST_CASE("crews: team staffing limits force a farther team", "[crew]")
{
    Scenario sc = baseScenario();
    const auto &all = sc.dates;
    sc.officers = {officer("N1", Rank::Insp, "near", {"lfr-silver", "lfr"}, all),
                   officer("N2", Rank::Insp, "near", {"lfr-silver", "lfr"}, all),
                   officer("N3", Rank::PC, "near", {"lfr"}, all),
                   officer("M1", Rank::Insp, "mid", {"lfr-silver"}, all),
                   officer("M2", Rank::PC, "mid", {"lfr"}, all),
                   officer("F1", Rank::PC, "far", {"lfr"}, all)};
    sc.teams[0].maxAbstracted = 1;
    const ScenarioIndex index(sc);
    const CrewRequest request{{deployment("2026-12-07", "morning", "oxford", "LFR-1")}, {}};
    const CrewResult result = assignCrews(index, request);
    INFO(describe(result));
    REQUIRE(result.feasible);
    CHECK(result.travelKm == Approx(km(sc, "near", "oxford") + km(sc, "mid", "oxford")).epsilon(1e-12));
    requireCrewRulesHold(index, request, result);

    // min_on_duty: the West End keeps 3 of its 3 on duty; Camden keeps 1 of 2.
    sc.teams[0].maxAbstracted = std::nullopt;
    sc.teams[0].minOnDuty = 3;
    sc.teams[1].minOnDuty = 1;
    const ScenarioIndex minIndex(sc);
    const CrewResult kept = assignCrews(minIndex, request);
    INFO(describe(kept));
    REQUIRE(kept.feasible);
    CHECK(kept.crews[0] == std::vector<CrewAssignment>{{"M1", "silver"}, {"F1", "operator"}});
    requireCrewRulesHold(minIndex, request, kept);
}

TEST_CASE("crews: max_duties across dates forces another officer on day two", "[crew]")
{
    Scenario sc = baseScenario();
    const auto &all = sc.dates;
    sc.officers = {officer("N1", Rank::Insp, "near", {"lfr-silver"}, all),
                   officer("N2", Rank::PC, "near", {"lfr"}, all), officer("N3", Rank::PC, "near", {"lfr"}, all),
                   officer("M1", Rank::Insp, "mid", {"lfr-silver"}, all),
                   officer("F1", Rank::Insp, "far", {"lfr-silver"}, all)};
    sc.officers[0].maxDuties = 1;
    const ScenarioIndex index(sc);
    // Oxford on Monday is nearer Camden than Brixton on Tuesday is, so the
    // one West End silver is worth more at Brixton: the optimum sends Camden's
    // silver to Oxford on Monday.
    const CrewRequest request{{deployment("2026-12-07", "morning", "oxford", "LFR-1"),
                               deployment("2026-12-08", "morning", "brixton", "LFR-1")},
                              {}};
    const CrewResult result = assignCrews(index, request);
    INFO(describe(result));
    REQUIRE(result.feasible);
    CHECK(inCrew(result, 1, "N1", "silver"));
    CHECK(inCrew(result, 0, "M1", "silver"));
    CHECK(result.nodes > 1); // the per-date optima both want N1: branched
    const double expected =
        km(sc, "mid", "oxford") + km(sc, "near", "brixton") + km(sc, "near", "oxford") + km(sc, "near", "brixton");
    CHECK(result.travelKm == Approx(expected).epsilon(1e-12));
    requireCrewRulesHold(index, request, result);

    // Operators: N2 and N3 are interchangeable; with max_duties 1 each, the
    // two dates take one each without any branching.
    sc.officers[1].maxDuties = 1;
    sc.officers[2].maxDuties = 1;
    sc.officers[0].maxDuties = std::nullopt;
    const ScenarioIndex swapIndex(sc);
    const CrewResult swapped = assignCrews(swapIndex, request);
    INFO(describe(swapped));
    REQUIRE(swapped.feasible);
    CHECK(swapped.nodes == 1);
    CHECK(swapped.travelKm == Approx(2 * km(sc, "near", "oxford") + 2 * km(sc, "near", "brixton")).epsilon(1e-12));
    requireCrewRulesHold(swapIndex, request, swapped);
}

TEST_CASE("crews: infeasible requests say why", "[crew]")
{
    Scenario sc = baseScenario();
    const auto &all = sc.dates;
    sc.officers = {officer("N1", Rank::PS, "near", {"lfr-silver"}, all, "late"), // rank too low for silver
                   officer("N2", Rank::PC, "near", {"lfr"}, all, "late"),
                   officer("N3", Rank::PC, "near", {"lfr"}, all, "late")};
    {
        const ScenarioIndex index(sc);
        const CrewResult result = assignCrews(index, {{deployment("2026-12-09", "evening", "oxford", "LFR-1")}, {}});
        REQUIRE_FALSE(result.feasible);
        REQUIRE(result.reasons.size() == 1);
        CHECK(result.reasons[0] == "Oxford Circus, Wed 2026-12-09 evening: no free officer qualified as silver "
                                   "(needs Insp, lfr-silver) is on a shift covering the window");
        CHECK(explainUnstaffable(index, 0, 2, 1) == result.reasons);
        CHECK(std::isinf(crewTravelLowerBound(index, 0, 2, 1)));
    }
    sc.officers[0].rank = Rank::Insp;
    sc.officers.push_back(officer("N4", Rank::Insp, "near", {"lfr-silver"}, all, "late"));
    for (Officer &o : sc.officers)
        for (auto &entry : o.roster)
            entry.second = "early";
    sc.teams[0].maxAbstracted = 3;
    {
        // Two deployments on one date need 4 of the West End's officers.
        const ScenarioIndex index(sc);
        const CrewResult result = assignCrews(index, {{deployment("2026-12-08", "morning", "oxford", "LFR-1"),
                                                       deployment("2026-12-08", "morning", "brixton", "LFR-2")},
                                                      {}});
        REQUIRE_FALSE(result.feasible);
        REQUIRE(result.reasons.size() == 1);
        CHECK_THAT(result.reasons[0], Contains("West End may release at most 3 officers on Tue 2026-12-08"));
        CHECK_THAT(result.reasons[0], Contains("need 4 of its officers"));
        CHECK(explainUnstaffable(index, 0, 1, 0).empty());
    }
    sc.teams[0].maxAbstracted = std::nullopt;
    sc.officers[0].maxDuties = 1;
    sc.officers[3].maxDuties = 1;
    {
        // Three dates, one silver duty each for the only two silvers.
        const ScenarioIndex index(sc);
        const CrewResult result = assignCrews(index, {{deployment("2026-12-07", "morning", "oxford", "LFR-1"),
                                                       deployment("2026-12-08", "morning", "oxford", "LFR-1"),
                                                       deployment("2026-12-09", "morning", "brixton", "LFR-1")},
                                                      {}});
        REQUIRE_FALSE(result.feasible);
        REQUIRE(result.reasons.size() == 1);
        CHECK_THAT(result.reasons[0], Contains("max_duties"));
        CHECK_THAT(result.reasons[0], Contains("need 3 officers as silver (needs Insp, lfr-silver)"));
        CHECK_THAT(result.reasons[0], Contains("may staff at most 2"));
    }
}

TEST_CASE("crews: pinned members stay and bad pins are refused", "[crew]")
{
    Scenario sc = baseScenario();
    const auto &all = sc.dates;
    sc.officers = {officer("N1", Rank::Insp, "near", {"lfr-silver"}, all),
                   officer("N2", Rank::PC, "near", {"lfr"}, all), officer("F1", Rank::Insp, "far", {"lfr-silver"}, all),
                   officer("F2", Rank::PC, "far", {"lfr"}, all)};
    const ScenarioIndex index(sc);
    const CrewRequest request{{deployment("2026-12-07", "morning", "oxford", "LFR-1", {{"F2", "operator"}}),
                               deployment("2026-12-08", "morning", "oxford", "LFR-1", {{"N1", "silver"}})},
                              {}};
    const CrewResult result = assignCrews(index, request);
    INFO(describe(result));
    REQUIRE(result.feasible);
    CHECK(result.crews[0] == std::vector<CrewAssignment>{{"F2", "operator"}, {"N1", "silver"}});
    CHECK(result.crews[1] == std::vector<CrewAssignment>{{"N1", "silver"}, {"N2", "operator"}});
    requireCrewRulesHold(index, request, result);

    // A fixed deployment takes N2 on Monday: the operator comes from Croydon.
    const CrewRequest around{
        {deployment("2026-12-07", "evening", "brixton", "LFR-2")},
        {deployment("2026-12-07", "morning", "oxford", "LFR-1", {{"N1", "silver"}, {"N2", "operator"}})}};
    sc.officers[1].roster[sc.dates[0]] = "late";
    sc.officers[0].roster[sc.dates[0]] = "late";
    const ScenarioIndex lateIndex(sc);
    const CrewResult fixedResult = assignCrews(lateIndex, around);
    REQUIRE_FALSE(fixedResult.feasible); // N1 and N2 are busy, F1/F2 work early shifts
    sc.officers[2].roster[sc.dates[0]] = "late";
    sc.officers[3].roster[sc.dates[0]] = "late";
    const ScenarioIndex lateIndex2(sc);
    const CrewResult farResult = assignCrews(lateIndex2, around);
    INFO(describe(farResult));
    REQUIRE(farResult.feasible);
    CHECK(farResult.crews[0] == std::vector<CrewAssignment>{{"F1", "silver"}, {"F2", "operator"}});

    const CrewResult unqualified =
        assignCrews(index, {{deployment("2026-12-07", "morning", "oxford", "LFR-1", {{"N2", "silver"}})}, {}});
    REQUIRE_FALSE(unqualified.feasible);
    CHECK_THAT(unqualified.reasons.at(0), Contains("N2"));
    CHECK_THAT(unqualified.reasons.at(0), Contains("is not qualified"));
}

// --- Exhaustive cross-check ------------------------------------------------------

namespace {

struct Enumeration {
    bool feasible = false;
    double best = std::numeric_limits<double>::infinity();
};

// Every crew for every deployment, checking rules 4 and 5 directly.
Enumeration enumerate(const ScenarioIndex &index, const std::vector<Deployment> &deployments)
{
    const Scenario &sc = index.scenario();
    struct Position {
        std::size_t deployment, role, date, window, hotspot;
        bool firstOfRole;
    };
    std::vector<Position> positions;
    for (std::size_t i = 0; i < deployments.size(); ++i) {
        const std::size_t h = *index.hotspot(deployments[i].hotspot);
        for (const auto &[roleId, count] : index.effectiveCrew(h))
            for (int k = 0; k < count; ++k)
                positions.push_back({i, *index.role(roleId), *index.date(deployments[i].date),
                                     *index.window(deployments[i].window), h, k == 0});
    }
    const std::size_t n = sc.officers.size();
    std::vector<int> duties(n, 0);
    std::vector<std::vector<bool>> usedOn(n, std::vector<bool>(index.dateCount(), false));
    std::map<std::pair<std::size_t, std::size_t>, int> abstracted;
    std::vector<std::size_t> chosen(positions.size(), 0);
    Enumeration out;
    std::function<void(std::size_t, double)> place = [&](std::size_t p, double travel) {
        if (p == positions.size()) {
            out.feasible = true;
            out.best = std::min(out.best, travel);
            return;
        }
        const Position &pos = positions[p];
        const std::size_t from = pos.firstOfRole ? 0 : chosen[p - 1] + 1; // no permutations within a role
        for (std::size_t o = from; o < n; ++o) {
            const std::size_t team = *index.teamOf(o);
            const auto key = std::make_pair(team, pos.date);
            if (!index.qualifies(o, pos.role) || !index.onDutyCovering(o, pos.date, pos.window) ||
                usedOn[o][pos.date] || duties[o] >= index.maxDuties(o) ||
                abstracted[key] >= index.teamReleasable(team, pos.date))
                continue;
            usedOn[o][pos.date] = true;
            ++duties[o];
            ++abstracted[key];
            chosen[p] = o;
            place(p + 1, travel + haversineKm(sc.teams[team].base, sc.hotspots[pos.hotspot].location));
            usedOn[o][pos.date] = false;
            --duties[o];
            --abstracted[key];
        }
    };
    place(0, 0.0);
    return out;
}

Scenario randomScenario(std::mt19937 &rng)
{
    auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Scenario sc = baseScenario();
    sc.crew = {{"silver", pick(0, 5) == 0 ? 2 : 1}, {"operator", pick(1, 2)}};
    sc.teams.resize(static_cast<std::size_t>(pick(2, 3)));
    for (Team &team : sc.teams) {
        team.base = {51.40 + pick(0, 200) / 1000.0, -0.25 + pick(0, 250) / 1000.0};
        team.minOnDuty = pick(0, 3) == 0 ? 1 : 0;
        if (pick(0, 2) == 0)
            team.maxAbstracted = pick(1, 4);
    }
    const int officers = pick(8, 11);
    for (int i = 0; i < officers; ++i) {
        std::vector<std::string> skills;
        const bool silver = pick(0, 1) == 0;
        if (pick(0, 3) != 0)
            skills.emplace_back("lfr");
        if (silver)
            skills.emplace_back("lfr-silver");
        const Rank rank = silver || pick(0, 2) == 0 ? Rank::Insp : Rank::PC;
        const std::size_t team = static_cast<std::size_t>(pick(0, static_cast<int>(sc.teams.size()) - 1));
        Officer o = officer("R" + std::to_string(i), rank, sc.teams[team].id, skills, {});
        for (const Date d : sc.dates)
            if (pick(0, 5) != 0)
                o.roster[d] = pick(0, 1) == 0 ? "early" : "late";
        if (pick(0, 2) == 0)
            o.maxDuties = pick(1, 2);
        sc.officers.push_back(o);
    }
    sc.policy.maxDutiesPerOfficer = pick(1, 2);
    return sc;
}

} // namespace

TEST_CASE("crews: minimum travel equals exhaustive enumeration on random tiny weeks", "[crew]")
{
    std::mt19937 rng(20261207);
    int feasible = 0, infeasible = 0, branched = 0;
    for (int round = 0; round < 150; ++round) {
        const Scenario sc = randomScenario(rng);
        const ScenarioIndex index(sc);
        std::vector<Deployment> deployments;
        const int count = std::uniform_int_distribution<int>(1, 3)(rng);
        std::set<std::tuple<int, int, int>> used;
        for (int i = 0; i < count; ++i) {
            const int d = std::uniform_int_distribution<int>(0, 2)(rng);
            const int w = std::uniform_int_distribution<int>(0, 1)(rng);
            const int h = std::uniform_int_distribution<int>(0, 1)(rng);
            if (!used.insert({d, w, h}).second)
                continue;
            deployments.push_back({sc.dates[static_cast<std::size_t>(d)],
                                   sc.windows[static_cast<std::size_t>(w)].id,
                                   sc.hotspots[static_cast<std::size_t>(h)].id,
                                   "LFR-1",
                                   {}});
        }
        const CrewRequest request{deployments, {}};
        const Enumeration truth = enumerate(index, deployments);
        const CrewResult result = assignCrews(index, request);
        INFO("round " << round << ": " << describe(result));
        REQUIRE(result.feasible == truth.feasible);
        // Both searches alone: the per-date one only, the whole-horizon one only.
        for (const std::size_t perDate : {std::size_t{100000}, std::size_t{0}}) {
            CrewOptions options;
            options.perDateNodes = perDate;
            const CrewResult alone = CrewAssigner(index, options).assign(request);
            INFO("per-date nodes " << perDate << ": " << describe(alone));
            REQUIRE(alone.feasible == truth.feasible);
            if (truth.feasible) {
                CHECK(alone.travelKm == Approx(truth.best).epsilon(1e-9));
                requireCrewRulesHold(index, request, alone);
            }
        }
        if (truth.feasible) {
            ++feasible;
            branched += result.nodes > 1 ? 1 : 0;
            CHECK(result.travelKm == Approx(truth.best).epsilon(1e-9));
            requireCrewRulesHold(index, request, result);
        } else {
            ++infeasible;
            CHECK_FALSE(result.reasons.empty());
        }
    }
    CHECK(feasible >= 30);
    CHECK(infeasible >= 3);
    WARN("feasible " << feasible << ", infeasible " << infeasible << ", branched " << branched);
}

// --- Speed (hidden: run with "[.crewbench]") ------------------------------------

namespace {

// Up to `count` deployments spread over the horizon: hotspot by hotspot, each
// on a date and window it allows, at most two a hotspot.
std::vector<Deployment> spreadDeployments(const ScenarioIndex &index, std::size_t count)
{
    const Scenario &sc = index.scenario();
    std::vector<Deployment> out;
    std::size_t date = 0;
    for (std::size_t round = 0; round < 2 && out.size() < count; ++round)
        for (std::size_t h = 0; h < sc.hotspots.size() && out.size() < count; ++h) {
            for (std::size_t tries = 0; tries < sc.dates.size(); ++tries) {
                const std::size_t t = (date + tries) % sc.dates.size();
                if (!index.hotspotAllowsDate(h, t))
                    continue;
                const std::string &window = sc.hotspots[h].windows.begin()->first;
                if (!explainUnstaffable(index, h, t, *index.window(window)).empty())
                    continue;
                out.push_back({sc.dates[t], window, sc.hotspots[h].id, sc.vans[0].id, {}});
                date = t + 1;
                break;
            }
        }
    return out;
}

void timeCrews(const Scenario &sc, std::size_t count)
{
    const auto start = std::chrono::steady_clock::now();
    const ScenarioIndex index(sc);
    const std::vector<Deployment> deployments = spreadDeployments(index, count);
    const auto built = std::chrono::steady_clock::now();
    const CrewRequest request{deployments, {}};
    const CrewResult first = assignCrews(index, request);
    const auto once = std::chrono::steady_clock::now();
    CrewAssigner assigner(index);
    assigner.assign(request);
    const int repeats = 200;
    const auto warm = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i)
        assigner.assign(request);
    const auto done = std::chrono::steady_clock::now();
    CrewOptions horizonOnly;
    horizonOnly.perDateNodes = 0;
    CrewAssigner horizon(index, horizonOnly);
    const CrewResult viaHorizon = horizon.assign(request);
    const auto horizonStart = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i)
        horizon.assign(request);
    const auto horizonDone = std::chrono::steady_clock::now();
    CHECK(viaHorizon.travelKm == Approx(first.travelKm).epsilon(1e-9));
    using Ms = std::chrono::duration<double, std::milli>;
    INFO(describe(first));
    REQUIRE(first.feasible);
    requireCrewRulesHold(index, request, first);
    WARN(sc.name << ": " << deployments.size() << " deployments, " << sc.officers.size() << " officers; index + picks "
                 << Ms(built - start).count() << " ms; assignCrews (cold) " << Ms(once - built).count()
                 << " ms; CrewAssigner reused " << Ms(done - warm).count() / repeats << " ms a call; nodes "
                 << first.nodes << ", travel " << first.travelKm << " km; whole-horizon search alone "
                 << Ms(horizonDone - horizonStart).count() / repeats << " ms a call, nodes " << viaHorizon.nodes);
}

} // namespace

TEST_CASE("crews: speed on the demo week and a Met-sized week", "[.crewbench]")
{
    timeCrews(readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json"), 10);
    GeneratorOptions options;
    options.officers = kGeneratorMetOfficers;
    options.teams = 33;
    options.hotspots = 60;
    options.vans = 6;
    options.windows = 3;
    timeCrews(generateScenario(options), 10);
    options.policy.maxDutiesPerOfficer = 1;
    options.seed = 2;
    timeCrews(generateScenario(options), 10);
}
