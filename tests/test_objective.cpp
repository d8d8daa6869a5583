// The objective of docs/planning-problem.md section 4, checked against
// figures worked out by hand.
#include "lfrplan/geo.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace lfr;

namespace {

Date day(const char *text) { return parseDate(text).value(); }

constexpr GeoPoint kOxfordCircus{51.5152, -0.1419};

// Oxford Circus: value 100, morning x1, evening x1.5, Saturdays x2, repeat
// decay 0.5. "Up North" sits exactly one degree of latitude north of the
// North team's base. The Central team's base is Oxford Circus itself.
Scenario objectiveScenario()
{
    Scenario sc;
    sc.name = "objective test week";
    for (int i = 0; i < 7; ++i)
        sc.dates.push_back(Date{day("2026-11-30").days + i});
    sc.policy.travelWeight = 0.1;
    sc.windows = {{"morning", Clock{8 * 60}, Clock{12 * 60}}, {"evening", Clock{18 * 60}, Clock{22 * 60}}};
    sc.shifts = {{"long", Clock{7 * 60}, Clock{23 * 60}}};
    sc.roles = {{"silver", std::nullopt, std::nullopt}, {"operator", std::nullopt, std::nullopt}};
    sc.crew = {{"silver", 1}, {"operator", 1}};
    sc.teams = {{"central", "Central", kOxfordCircus, 0, std::nullopt},
                {"north", "North", {51.0, -0.1}, 0, std::nullopt}};
    for (const auto &[id, team] : std::vector<std::pair<const char *, const char *>>{
             {"C1", "central"}, {"C2", "central"}, {"N1", "north"}, {"N2", "north"}, {"X1", "nowhere"}}) {
        Officer o;
        o.id = id;
        o.name = id;
        o.rank = Rank::Insp;
        o.team = team;
        for (const Date d : sc.dates)
            o.roster[d] = "long";
        sc.officers.push_back(o);
    }
    Hotspot oxford;
    oxford.id = "oxford";
    oxford.name = "Oxford Circus";
    oxford.location = kOxfordCircus;
    oxford.value = 100;
    oxford.windows = {{"morning", 1.0}, {"evening", 1.5}};
    oxford.weekdayFactor[5] = 2.0; // Saturday
    oxford.repeatDecay = 0.5;
    oxford.maxPerHorizon = 7;
    Hotspot north;
    north.id = "north";
    north.name = "Up North";
    north.location = {52.0, -0.1};
    north.value = 10;
    north.windows = {{"morning", 1.0}};
    sc.hotspots = {oxford, north};
    sc.vans = {{"LFR-1", std::nullopt, {}, 1}};
    return sc;
}

Deployment at(const char *date, const char *window, const char *hotspot, std::vector<CrewAssignment> crew)
{
    return {day(date), window, hotspot, "LFR-1", std::move(crew)};
}

const std::vector<CrewAssignment> kCentralCrew = {{"C1", "silver"}, {"C2", "operator"}};
const std::vector<CrewAssignment> kNorthCrew = {{"N1", "silver"}, {"N2", "operator"}};

// One degree of latitude along a meridian: R * pi / 180
// = 6371.0088 * 0.0174532925199433 = 111.1950802335329 km.
const double kOneDegreeKm = 6371.0088 * std::numbers::pi / 180.0;

} // namespace

TEST_CASE("the empty plan scores 0", "[objective]")
{
    const Evaluation ev = evaluate(objectiveScenario(), {});
    CHECK(ev.value == 0.0);
    CHECK(ev.travelPenalty == 0.0);
    CHECK(ev.objective == 0.0);
    CHECK(ev.deployments.empty());
}

TEST_CASE("weekday factor: 2026-12-05 is a Saturday", "[objective]")
{
    REQUIRE(weekdayIndex(day("2026-12-05")) == 5); // Monday = 0
    REQUIRE(weekdayIndex(day("2026-12-01")) == 1); // a Tuesday
    REQUIRE(formatDay(day("2026-12-05")) == "Sat 2026-12-05");
    // Saturday morning: 100 * 1 (morning) * 2 (Saturday) = 200.
    const Evaluation sat = evaluate(objectiveScenario(), {at("2026-12-05", "morning", "oxford", kCentralCrew)});
    CHECK(sat.value == 200.0);
    // Tuesday morning: 100 * 1 * 1 = 100.
    const Evaluation tue = evaluate(objectiveScenario(), {at("2026-12-01", "morning", "oxford", kCentralCrew)});
    CHECK(tue.value == 100.0);
    // The crew's base is the hotspot itself: no travel.
    CHECK(tue.travelPenalty == 0.0);
    CHECK(tue.objective == 100.0);
}

TEST_CASE("window multiplier", "[objective]")
{
    // Tuesday evening: 100 * 1.5 (evening) * 1 = 150; Saturday evening: 100 * 1.5 * 2 = 300.
    const Evaluation ev = evaluate(objectiveScenario(), {at("2026-12-01", "evening", "oxford", kCentralCrew)});
    CHECK(ev.value == 150.0);
    CHECK(ev.deployments[0].value == 150.0);
    Scenario sc = objectiveScenario();
    sc.hotspots[0].repeatDecay = 1.0;
    CHECK(evaluate(sc, {at("2026-12-05", "evening", "oxford", kCentralCrew)}).value == 300.0);
}

TEST_CASE("repeat decay: the k-th best at a hotspot counts decay^(k-1)", "[objective]")
{
    // Plan order: Tue morning v=100, Wed evening v=150, Sat morning v=200.
    // Sorted: 200, 150, 100 -> 200 * 1 + 150 * 0.5 + 100 * 0.25 = 200 + 75 + 25 = 300.
    const std::vector<Deployment> plan = {at("2026-12-01", "morning", "oxford", kCentralCrew),
                                          at("2026-12-02", "evening", "oxford", kCentralCrew),
                                          at("2026-12-05", "morning", "oxford", kCentralCrew)};
    Scenario sc = objectiveScenario();
    const Evaluation ev = evaluate(sc, plan);
    CHECK(ev.value == 300.0);
    CHECK(ev.objective == 300.0);
    REQUIRE(ev.deployments.size() == 3);
    CHECK(ev.deployments[0].value == 100.0);
    CHECK(ev.deployments[0].repeat == 3);
    CHECK(ev.deployments[0].decayedValue == 25.0);
    CHECK(ev.deployments[1].value == 150.0);
    CHECK(ev.deployments[1].repeat == 2);
    CHECK(ev.deployments[1].decayedValue == 75.0);
    CHECK(ev.deployments[2].value == 200.0);
    CHECK(ev.deployments[2].repeat == 1);
    CHECK(ev.deployments[2].decayedValue == 200.0);

    SECTION("decay 0: 0^0 = 1, so only the best counts: 200 + 0 + 0")
    {
        sc.hotspots[0].repeatDecay = 0.0;
        CHECK(evaluate(sc, plan).value == 200.0);
    }
    SECTION("decay 1: every deployment counts in full: 200 + 150 + 100")
    {
        sc.hotspots[0].repeatDecay = 1.0;
        CHECK(evaluate(sc, plan).value == 450.0);
    }
    SECTION("decay applies per hotspot: Up North's first deployment counts in full")
    {
        // Oxford's three as above (300) + Up North's one, v = 10 * 1 * 1 (Thursday) = 10.
        auto more = plan;
        more.push_back(at("2026-12-03", "morning", "north", kNorthCrew));
        const Evaluation four = evaluate(sc, more);
        CHECK(four.value == 310.0);
        CHECK(four.deployments[3].repeat == 1);
    }
    SECTION("equal values: 100 + 0.5 * 100 = 150, plan order decides who is first")
    {
        const Evaluation tie = evaluate(sc, {at("2026-12-01", "morning", "oxford", kCentralCrew),
                                             at("2026-12-03", "morning", "oxford", kCentralCrew)});
        CHECK(tie.value == 150.0);
        CHECK(tie.deployments[0].decayedValue == 100.0);
        CHECK(tie.deployments[1].decayedValue == 50.0);
    }
}

TEST_CASE("travel: officer-kilometres from each team base, weighted", "[objective]")
{
    CHECK(haversineKm(kOxfordCircus, kOxfordCircus) == 0.0);
    // North base (51.0, -0.1) to Up North (52.0, -0.1): one degree of latitude.
    CHECK(haversineKm({51.0, -0.1}, {52.0, -0.1}) == Approx(111.1950802335329).epsilon(1e-12));
    CHECK(kOneDegreeKm == Approx(111.1950802335329).epsilon(1e-12));

    // Two North officers at Up North on Tuesday morning:
    // TRAVEL = 0.1 * (111.1950802335329 + 111.1950802335329) = 22.23901604670658
    // VALUE = 10 * 1 * 1 = 10, OBJECTIVE = 10 - 22.23901604670658 = -12.23901604670658.
    const Evaluation ev = evaluate(objectiveScenario(), {at("2026-12-01", "morning", "north", kNorthCrew)});
    CHECK(ev.value == 10.0);
    CHECK(ev.travelKm == Approx(222.3901604670658).epsilon(1e-12));
    CHECK(ev.travelPenalty == Approx(22.23901604670658).epsilon(1e-12));
    CHECK(ev.objective == Approx(-12.23901604670658).epsilon(1e-12));
    CHECK(ev.deployments[0].travel == Approx(22.23901604670658).epsilon(1e-12));
    CHECK(ev.deployments[0].objective() == Approx(-12.23901604670658).epsilon(1e-12));

    SECTION("each crew member travels from their own team's base")
    {
        // C1 comes from Central (Oxford Circus, 51.5152 -0.1419) to Up North (52.0, -0.1):
        // dlat = 0.4848 deg, dlon = 0.0419 deg; haversine = 53.98445857908283 km.
        // TRAVEL = 0.1 * (111.1950802335329 + 53.98445857908283) = 16.517953881261572
        const Evaluation mixed =
            evaluate(objectiveScenario(), {at("2026-12-01", "morning", "north", {{"N1", "silver"}, {"C1", "x"}})});
        CHECK(haversineKm(kOxfordCircus, {52.0, -0.1}) == Approx(53.98445857908283).epsilon(1e-12));
        CHECK(mixed.travelPenalty == Approx(16.517953881261572).epsilon(1e-12));
    }
    SECTION("travel_weight 0 removes the penalty")
    {
        Scenario sc = objectiveScenario();
        sc.policy.travelWeight = 0.0;
        CHECK(evaluate(sc, {at("2026-12-01", "morning", "north", kNorthCrew)}).objective == 10.0);
    }
}

TEST_CASE("unknown references score 0 and never crash", "[objective]")
{
    const std::vector<Deployment> plan = {
        at("2026-12-01", "morning", "nowhere", kNorthCrew),                           // unknown hotspot: nothing
        at("2026-12-01", "noon", "oxford", kCentralCrew),                             // unknown window: v = 0
        at("2026-12-02", "evening", "north", kNorthCrew),                             // window not allowed: v = 0
        at("2026-12-03", "morning", "north", {{"X1", "silver"}, {"ZZ", "operator"}}), // unknown team and officer
    };
    const Evaluation ev = evaluate(objectiveScenario(), plan);
    REQUIRE(ev.deployments.size() == 4);
    CHECK(ev.deployments[0].value == 0.0);
    CHECK(ev.deployments[0].repeat == 0);
    CHECK(ev.deployments[0].travelKm == 0.0);
    CHECK(ev.deployments[1].value == 0.0);
    CHECK(ev.deployments[2].value == 0.0);
    CHECK(ev.deployments[2].travelKm == Approx(2 * kOneDegreeKm)); // the crew still travels
    CHECK(ev.deployments[3].value == 10.0);
    CHECK(ev.deployments[3].travelKm == 0.0);
    // VALUE: Up North has v = 10, 0 -> 10 + 0.5 * 0 = 10; Oxford 0.
    CHECK(ev.value == 10.0);
}

TEST_CASE("objectives tie within 1e-6 relative, 1e-9 absolute near 0", "[objective]")
{
    // |a - b| <= 1e-6 * max(|a|, |b|, 1e-3)
    CHECK(objectivesTie(1000.0, 1000.0));
    CHECK(objectivesTie(1000.0, 1000.0009));      // 0.0009 <= 0.0010000009
    CHECK_FALSE(objectivesTie(1000.0, 1000.002)); // 0.002 > 0.001000002
    CHECK(objectivesTie(-500.0, -500.0004));      // 0.0004 <= 0.0005000004
    CHECK_FALSE(objectivesTie(-500.0, 500.0));
    CHECK(objectivesTie(0.0, 1e-9));       // 1e-9 <= 1e-6 * 1e-3
    CHECK_FALSE(objectivesTie(0.0, 1e-8)); // 1e-8 > 1e-9
    CHECK(objectivesTie(812.4, 812.4 * (1 + 1e-7)));
    CHECK_FALSE(objectivesTie(812.4, 812.4 * (1 + 2e-6)));
}

TEST_CASE("evaluation through a shared scenario index equals the direct one", "[objective]")
{
    const Scenario sc = objectiveScenario();
    const ScenarioIndex index(sc);
    const std::vector<Deployment> plan = {at("2026-12-05", "morning", "oxford", kCentralCrew),
                                          at("2026-12-01", "morning", "north", kNorthCrew)};
    const Evaluation a = evaluate(sc, plan);
    const Evaluation b = evaluate(index, plan);
    CHECK(a.objective == b.objective);
    // VALUE 200 (Saturday at Oxford) + 10 (Up North); TRAVEL 0.1 * 2 * 111.1950802335329 = 22.23901604670658
    // OBJECTIVE = 210 - 22.23901604670658 = 187.76098395329342
    CHECK(a.objective == Approx(187.76098395329342).epsilon(1e-12));
}
