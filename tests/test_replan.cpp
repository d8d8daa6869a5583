// Issue 20, part 2: the minimum-change re-plan (docs/planning-problem.md
// section 6). The solver's re-plan against brute force on tiny weeks and
// against cbc level by level; the targets on the demo week; the
// disruptions; the store (one transaction, audited, nothing published);
// the CLI and validate --published.
#include "brute_force.h"
#include "cbc_runner.h"
#include "process_runner.h"
#include "test_support.h"
#include "tiny_scenarios.h"
#include "tools/pg_session.h"
#include "tools/temp_store.h"

#include "lfrplan/disruption.h"
#include "lfrplan/errors.h"
#include "lfrplan/generator.h"
#include "lfrplan/lp_export.h"
#include "lfrplan/objective.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/publishing.h"
#include "lfrplan/replan.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/stability.h"
#include "lfrplan/storage.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <optional>
#include <set>

using namespace lfr;

namespace {

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

const Scenario &demoWeek()
{
    static const Scenario scenario = readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
    return scenario;
}

const std::vector<Deployment> &demoPublished()
{
    static const std::vector<Deployment> plan = solve(demoWeek()).plan.deployments;
    return plan;
}

// A disruption for a tiny week, varied by seed: the first deployment's first
// officer off that date, its van out that date, or its team one short.
Disruption tinyDisruption(const Scenario &sc, const std::vector<Deployment> &published, std::uint64_t seed)
{
    const Deployment &first = published.front();
    Disruption d;
    switch (seed % 3) {
    case 0:
        d.officersOut.push_back({first.crew.front().officer, first.date});
        break;
    case 1:
        d.vansOut.push_back({first.van, first.date});
        break;
    default:
        for (const Officer &o : sc.officers)
            if (o.id == first.crew.front().officer)
                d.teamsLose.push_back({o.team, 1, first.date});
        break;
    }
    return d;
}

// A tiny week solved and published, then disrupted (tinyDisruption) and
// re-planned; none when it has nothing to disrupt or the disruption does
// not fit it (e.g. the team has nobody else on duty to lose).
struct TinyReplan {
    std::vector<Deployment> published;
    ReplanOutcome outcome;
};

std::optional<TinyReplan> tinyReplan(std::uint64_t seed)
{
    const Scenario sc = lfrtest::tinyScenario(seed);
    TinyReplan week;
    week.published = solve(sc).plan.deployments;
    if (week.published.empty() || week.published.front().crew.empty())
        return std::nullopt;
    try {
        week.outcome = replanScenario(sc, week.published, 1, tinyDisruption(sc, week.published, seed));
    } catch (const InputError &) {
        return std::nullopt;
    }
    return week;
}

} // namespace

TEST_CASE("replan: on tiny weeks the re-plan is the best of every re-plan brute force enumerates", "[replan]")
{
    int compared = 0, lostSome = 0, changedSome = 0;
    for (std::uint64_t seed = 1; seed <= 36; ++seed) {
        const auto week = tinyReplan(seed);
        if (!week)
            continue;
        const std::vector<Deployment> &published = week->published;
        const ReplanOutcome &outcome = week->outcome;
        INFO("seed " << seed);
        const lfrtest::BruteForceResult truth = lfrtest::bruteForceReplan(outcome.disrupted, published);
        const Plan &plan = outcome.result.plan;
        REQUIRE(truth.feasible == (plan.status != PlanStatus::Infeasible));
        if (!truth.feasible)
            continue;
        REQUIRE(plan.stability);
        CHECK(plan.stability->proven);
        CHECK(plan.stability->kept == truth.kept);
        CHECK(plan.stability->crewPlacesChanged == truth.changed);
        CHECK(objectivesTie(plan.figures->objective, truth.objective));
        // The figures are the plan's own, and the plan keeps every rule.
        const Stability measured = measureStability(published, plan.deployments);
        CHECK(measured.kept == plan.stability->kept);
        CHECK(measured.crewPlacesChanged == plan.stability->crewPlacesChanged);
        CHECK(validatePlan(outcome.disrupted, plan.deployments).valid());
        CHECK(checkReplan(outcome.disrupted, published, plan).empty());
        ++compared;
        lostSome += truth.kept < published.size() ? 1 : 0;
        changedSome += truth.changed > 0 ? 1 : 0;
    }
    // Enough weeks, and weeks where something had to give.
    CHECK(compared >= 20);
    CHECK(lostSome >= 3);
    CHECK(changedSome >= 3);
}

TEST_CASE("replan: each level of the re-plan is cbc's optimum of the stability MILP", "[replan][cbc]")
{
    int compared = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const auto week = tinyReplan(seed);
        if (!week)
            continue;
        const std::vector<Deployment> &published = week->published;
        const ReplanOutcome &outcome = week->outcome;
        const Plan &plan = outcome.result.plan;
        if (plan.status == PlanStatus::Infeasible)
            continue;
        INFO("seed " << seed);
        const Scenario &s2 = outcome.disrupted;
        const auto level = [&](ReplanLpStage stage, std::size_t kept, std::size_t changed) {
            const CbcSolution solution = parseCbcSolution(
                lfrtest::solveWithCbc(writeLp(buildReplanLpModel(s2, published, stage, kept, changed))));
            REQUIRE(solution.status == CbcStatus::Optimal);
            return solution.objective.value_or(0.0);
        };
        const double kept = level(ReplanLpStage::Kept, 0, 0);
        CHECK(std::lround(kept) == static_cast<long>(plan.stability->kept));
        const double changed = -level(ReplanLpStage::Changed, plan.stability->kept, 0);
        CHECK(std::lround(changed) == static_cast<long>(plan.stability->crewPlacesChanged));
        const double objective =
            level(ReplanLpStage::Objective, plan.stability->kept, plan.stability->crewPlacesChanged);
        CHECK(std::abs(objective - plan.figures->objective) <= 1e-5 * std::max(1.0, std::abs(objective)));
        ++compared;
    }
    CHECK(compared >= 6);
}

TEST_CASE("replan: an officer off sick on the demo week changes one crew place and keeps every deployment", "[replan]")
{
    const Scenario &sc = demoWeek();
    const auto &published = demoPublished();
    REQUIRE(published.size() == 10);
    const Deployment &first = published.front();
    Disruption d;
    d.officersOut.push_back({first.crew.front().officer, first.date});
    const ReplanOutcome outcome = replanScenario(sc, published, 1, d);
    const Plan &plan = outcome.result.plan;
    REQUIRE(plan.stability);
    CHECK(plan.stability->proven);
    CHECK(plan.stability->kept == 10);
    CHECK(plan.stability->crewPlacesChanged == 1);
    CHECK(outcome.result.lost.empty());
    const PlanChanges changes = comparePlans(published, plan.deployments);
    REQUIRE(changes.deployments.size() == 1);
    CHECK(changes.deployments[0].left.front().officer == first.crew.front().officer);
    const auto lines = describeChanges(outcome.disrupted, changes);
    REQUIRE(lines.size() == 1);
    CHECK(contains(lines[0], " replaces " + first.crew.front().officer));
    // The officer is off the roster that date in the scenario saved.
    for (const Officer &o : outcome.disrupted.officers)
        if (o.id == first.crew.front().officer)
            CHECK(o.roster.count(first.date) == 0);
}

TEST_CASE("replan: a van out for a day on the demo week moves only that day's deployments", "[replan]")
{
    const Scenario &sc = demoWeek();
    const auto &published = demoPublished();
    const Deployment &first = published.front();
    Disruption d;
    d.vansOut.push_back({first.van, first.date});
    const ReplanOutcome outcome = replanScenario(sc, published, 1, d);
    const Plan &plan = outcome.result.plan;
    REQUIRE(plan.stability);
    CHECK(plan.stability->proven);
    std::size_t hit = 0;
    for (const Deployment &p : published)
        hit += p.date == first.date && p.van == first.van ? 1U : 0U;
    CHECK(plan.stability->kept == published.size() - hit);
    // Every other date's deployments are exactly as published.
    for (const Deployment &p : published)
        if (p.date != first.date)
            CHECK(std::find(plan.deployments.begin(), plan.deployments.end(), p) != plan.deployments.end());
    CHECK(validatePlan(outcome.disrupted, plan.deployments).valid());
    for (const Deployment &now : plan.deployments)
        CHECK_FALSE((now.date == first.date && now.van == first.van));
}

TEST_CASE("replan: a team short of officers, and a hotspot added for an event", "[replan]")
{
    const Scenario &sc = demoWeek();
    const auto &published = demoPublished();
    const Deployment &first = published.front();
    std::string team;
    for (const Officer &o : sc.officers)
        if (o.id == first.crew.front().officer)
            team = o.team;
    Disruption d;
    d.teamsLose.push_back({team, 2, first.date});
    ReplanOutcome outcome = replanScenario(sc, published, 1, d);
    REQUIRE(outcome.what.size() == 1);
    CHECK(contains(outcome.what[0], "team " + team + " loses 2 officers"));
    // Those the published plan can spare go first: nobody in a crew that date.
    std::set<std::string> crewed;
    for (const Deployment &p : published)
        if (p.date == first.date)
            for (const CrewAssignment &a : p.crew)
                crewed.insert(a.officer);
    int taken = 0;
    for (std::size_t o = 0; o < sc.officers.size(); ++o)
        if (sc.officers[o].roster.count(first.date) && !outcome.disrupted.officers[o].roster.count(first.date)) {
            ++taken;
            CHECK(sc.officers[o].team == team);
            CHECK_FALSE(crewed.count(sc.officers[o].id));
        }
    CHECK(taken == 2);

    // A hotspot that must be deployed on a date the plan does not use there.
    const Hotspot *free = nullptr;
    Date when = sc.dates.front();
    for (const Hotspot &h : sc.hotspots) {
        for (const Date day : sc.dates) {
            const bool used = std::any_of(published.begin(), published.end(),
                                          [&](const Deployment &p) { return p.hotspot == h.id && p.date == day; });
            const bool allowed = !h.dates || std::find(h.dates->begin(), h.dates->end(), day) != h.dates->end();
            if (!used && allowed && !free) {
                free = &h;
                when = day;
            }
        }
    }
    REQUIRE(free);
    Disruption add;
    add.hotspotDates.push_back({free->id, when});
    outcome = replanScenario(sc, published, 1, add);
    const Plan &plan = outcome.result.plan;
    REQUIRE(plan.status != PlanStatus::Infeasible);
    const auto there = std::find_if(plan.deployments.begin(), plan.deployments.end(),
                                    [&](const Deployment &p) { return p.hotspot == free->id && p.date == when; });
    CHECK(there != plan.deployments.end());
    REQUIRE(!outcome.disrupted.pinned.empty());
    CHECK(outcome.disrupted.pinned.back().hotspot == free->id);
    CHECK(outcome.disrupted.pinned.back().date == when);
    CHECK(validatePlan(outcome.disrupted, plan.deployments).valid());
}

TEST_CASE("replan: a disruption that does not fit the scenario is refused, naming the option", "[replan]")
{
    const Scenario &sc = demoWeek();
    const auto &published = demoPublished();
    const auto refuse = [&](const Disruption &d, const std::string &part) {
        CHECK_THROWS_WITH(replanScenario(sc, published, 1, d), Catch::Contains(part));
    };
    Disruption d;
    d.officersOut.push_back({"MP-nobody", std::nullopt});
    refuse(d, "--officer-out");
    d = {};
    d.vansOut.push_back({published.front().van, *parseDate("2030-01-01")});
    refuse(d, "is not a date of the scenario");
    d = {};
    d.teamsLose.push_back({"no-such-team", 1, std::nullopt});
    refuse(d, "no team");
    refuse(Disruption{}, "no disruption given");
    CHECK_THROWS_WITH(parseTeamLoses("west-end:0"), Catch::Contains("not a whole number >= 1"));
    CHECK_THROWS_WITH(parseTeamLoses("west-end"), Catch::Contains("TEAM:N"));
    CHECK_THROWS_WITH(parseOfficerOut("MP1@2026-13-01"), Catch::Contains("is not a date"));
    CHECK_THROWS_WITH(parseHotspotDate("brixton"), Catch::Contains("HOTSPOT@") || Catch::Contains("ID@YYYY-MM-DD"));
    CHECK(parseVanOut("LFR-1@2026-12-09").date == parseDate("2026-12-09"));
    CHECK_FALSE(parseVanOut("LFR-1").date);
}

TEST_CASE("replan: on a store the disruption and the re-plan are saved together, audited, nothing published",
          "[replan][both]")
{
    lfrtest::TempStore db;
    openStorage(db.location());
    const auto store = db.openAs("planner_pat");
    Scenario sc = readScenario(lfrtest::smallScenarioText());
    Plan plan = solve(sc).plan;
    REQUIRE(plan.deployments.size() >= 2);
    store->importScenario(sc, ImportMode::FailIfExists);
    store->savePlan(sc.name, plan);
    Disruption d;
    d.officersOut.push_back({plan.deployments.back().crew.back().officer, plan.deployments.back().date});
    // No published version: nothing to re-plan from.
    CHECK_THROWS_WITH(replanStored(*store, sc.name, d), Catch::Contains("no published version"));
    const PublishedVersion v1 = publishSavedPlan(*store, sc.name);
    const auto before = store->auditTrail();
    const ReplanOutcome outcome = replanStored(*store, sc.name, d);
    REQUIRE(outcome.saved);
    CHECK(outcome.result.plan.stability->fromVersion == 1);
    CHECK(store->loadScenario(sc.name) == outcome.disrupted);
    CHECK(store->loadPlan(sc.name)->deployments == outcome.result.plan.deployments);
    // Still version 1, as published.
    REQUIRE(store->publishedVersions(sc.name).size() == 1);
    CHECK(store->lastPublished(sc.name) == v1);
    const auto trail = store->auditTrail();
    std::vector<std::string> actions;
    for (std::size_t i = before.size(); i < trail.size(); ++i)
        actions.push_back(trail[i].action);
    REQUIRE(!actions.empty());
    CHECK(actions.front() == "scenario.disruption");
    CHECK(std::count(actions.begin(), actions.end(), "plan.published") == 0);
    const auto what = nlohmann::json::parse(trail[before.size()].newValue);
    CHECK(what.at("replanned_from_version") == 1);
    CHECK(contains(what.at("disruption").dump(), d.officersOut.front().officer));
    CHECK(trail[before.size()].actor == store->actor());
    CHECK(store->verifyAuditTrail().ok());
    // The same disruption again changes nothing: refused, nothing written.
    const auto count = store->auditTrail().size();
    CHECK_THROWS_WITH(replanStored(*store, sc.name, d), Catch::Contains("not on duty"));
    CHECK(store->auditTrail().size() == count);
}

TEST_CASE("cli: replan prints the changes in a planner's words, saves them, and validate --published checks them",
          "[replan][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string file = (dir / "week.db").string();
    const Scenario sc = readScenario(lfrtest::smallScenarioText());
    const Plan plan = solve(sc).plan;
    {
        const auto store = openStorage(file);
        store->importScenario(sc, ImportMode::FailIfExists);
        store->savePlan(sc.name, plan);
    }
    const auto cli = [&](const std::vector<std::string> &args) { return lfrtest::runProcess(LFRPLAN_CLI, args, dir); };
    const CrewAssignment gone = plan.deployments.back().crew.back(); // not a pinned officer
    const std::string sick = gone.officer + "@" + formatDate(plan.deployments.back().date);
    auto run = cli({"replan", file, sc.name, "--officer-out", sick});
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "no published version"));
    REQUIRE(cli({"publish", file, sc.name}).exitCode == 0);
    run = cli({"replan", file, sc.name});
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "say what happened"));
    run = cli({"replan", file, sc.name, "--officer-out", sick, "--dry-run"});
    INFO(run.out << run.err);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "dry run: nothing was saved"));
    CHECK(openStorage(file)->loadPlan(sc.name)->deployments == plan.deployments);
    const std::string out = (dir / "replan.json").string();
    run = cli({"replan", file, sc.name, "--officer-out", sick, "-o", out});
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, " replaces " + gone.officer));
    CHECK(contains(run.out, "1 crew place changed"));
    CHECK(contains(run.out, "proven minimal"));
    const Plan replanned = readPlanFile(out);
    REQUIRE(replanned.stability);
    CHECK(replanned.stability->crewPlacesChanged == 1);
    CHECK(replanned.status == PlanStatus::Feasible);

    // validate --published: the figures are checked, and a new deployment is not a re-plan.
    const std::string scenarioFile = (dir / "disrupted.json").string();
    const std::string publishedFile = (dir / "published.json").string();
    writeFileAtomically(scenarioFile, writeScenario(openStorage(file)->loadScenario(sc.name)));
    writeFileAtomically(publishedFile, writePlan(plan));
    run = cli({"validate", scenarioFile, out, "--published", publishedFile});
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "1 crew places changed"));
    Plan lying = replanned;
    lying.stability->crewPlacesChanged = 0;
    writeFileAtomically(out, writePlan(lying));
    run = cli({"validate", scenarioFile, out, "--published", publishedFile});
    CHECK(run.exitCode == 1);
    CHECK(contains(run.out, "the plan says it changes 0 crew places; it changes 1"));
    run = cli({"validate", file, sc.name, "--published", "last"});
    CHECK(run.exitCode == 0);
    run = cli({"validate", file, sc.name, "--published", "7"});
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "no published version 7"));
}

TEST_CASE("adversary: on the server only a planner records a disruption, under their own login",
          "[.postgres][adversarial][replan]")
{
    lfrtest::TempStore db;
    openStorage(db.location());
    const auto planner = db.openAs("planner_pat");
    Scenario sc = readScenario(lfrtest::smallScenarioText());
    const Plan plan = solve(sc).plan;
    planner->importScenario(sc, ImportMode::FailIfExists);
    planner->savePlan(sc.name, plan);
    publishSavedPlan(*planner, sc.name);
    Disruption d;
    d.officersOut.push_back({plan.deployments.back().crew.back().officer, plan.deployments.back().date});
    // A commander's and an auditor's stores refuse it, and nothing changes.
    for (const char *login : {"commander_kim", "auditor_ali"}) {
        const auto other = db.openAs(login);
        const auto before = other->auditTrail().size();
        CHECK_THROWS_AS(replanStored(*other, sc.name, d), StorageError);
        CHECK(other->auditTrail().size() == before);
        CHECK(other->loadScenario(sc.name) == sc);
    }
    // The planner's is recorded under the planner's login.
    const ReplanOutcome outcome = replanStored(*planner, sc.name, d);
    REQUIRE(outcome.saved);
    lfrtest::Session admin(db.location());
    CHECK(admin.column("SELECT actor FROM audit_log WHERE action = 'scenario.disruption'") ==
          std::vector<std::string>{"planner_pat"});
    CHECK(planner->verifyAuditTrail().ok());
}

TEST_CASE("replan: with more deployments to move than every choice allows, the re-plan says it is not proven",
          "[replan]")
{
    GeneratorOptions o;
    o.officers = 1500;
    o.teams = 12;
    o.hotspots = 30;
    o.vans = 40;
    o.dates = 7;
    o.policy.maxDeployments = 16;
    o.policy.maxDays = 7;
    const Scenario sc = generateScenario(o);
    SolverOptions quick;
    quick.timeLimitSeconds = 5;
    const std::vector<Deployment> published = solve(sc, quick).plan.deployments;
    std::set<std::string> used;
    for (const Deployment &p : published)
        used.insert(p.van);
    REQUIRE(published.size() > 12);
    REQUIRE(used.size() < 20); // the other vans are free to take them
    Disruption d;
    for (const std::string &van : used)
        d.vansOut.push_back({van, std::nullopt});
    const ReplanOutcome outcome = replanScenario(sc, published, 1, d);
    const Plan &plan = outcome.result.plan;
    REQUIRE(plan.stability);
    CHECK(plan.stability->kept == 0);
    CHECK(plan.stability->crewPlacesChanged == 0); // every deployment on another van, crews kept
    CHECK(plan.deployments.size() == published.size());
    CHECK_FALSE(plan.stability->proven);
    CHECK(contains(outcome.result.unproven, "not every choice was tried"));
    CHECK(validatePlan(outcome.disrupted, plan.deployments).valid());
}
