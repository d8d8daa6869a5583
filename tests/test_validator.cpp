// The hard constraints of docs/planning-problem.md section 3, one rule at a
// time: each case breaks exactly one rule of a valid base plan and expects
// exactly that violation.
#include "lfrplan/scenario_index.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace lfr;
using Catch::Matchers::Contains;

namespace {

Date day(const char *text) { return parseDate(text).value(); }
Clock at(const char *text) { return parseClock(text).value(); }

Officer officer(const char *id, const char *name, Rank rank, const char *team, std::vector<std::string> skills,
                const std::string &shift, const std::vector<Date> &dates)
{
    Officer o;
    o.id = id;
    o.name = name;
    o.rank = rank;
    o.team = team;
    o.skills = std::move(skills);
    for (const Date d : dates)
        o.roster[d] = shift;
    return o;
}

// A week (Mon 2026-11-30 .. Sun 2026-12-06) of two teams, three hotspots and
// three vans. West End officers mostly work early (07:00-15:00), Lambeth's
// long days (07:00-19:00); MP1003 works nights (20:00-06:00) and MP1007 a
// 24-hour shift starting 09:00.
Hotspot hotspot(const char *id, const char *name, GeoPoint location, double value)
{
    Hotspot h;
    h.id = id;
    h.name = name;
    h.borough = "London";
    h.location = location;
    h.value = value;
    return h;
}

Scenario testScenario()
{
    Scenario sc;
    sc.name = "validator test week";
    for (int i = 0; i < 7; ++i)
        sc.dates.push_back(Date{day("2026-11-30").days + i});
    sc.windows = {{"morning", at("08:00"), at("12:00")}, {"afternoon", at("12:00"), at("16:00")},
                  {"day", at("10:00"), at("14:00")},     {"evening", at("18:00"), at("22:00")},
                  {"late", at("21:00"), at("23:30")},    {"dawn", at("02:00"), at("04:00")}};
    sc.shifts = {{"early", at("07:00"), at("15:00")},
                 {"long", at("07:00"), at("19:00")},
                 {"night", at("20:00"), at("06:00")},
                 {"allday", at("09:00"), at("09:00")}};
    sc.roles = {{"silver", Rank::PS, std::nullopt}, {"operator", std::nullopt, "lfr"}, {"engagement", {}, {}}};
    sc.crew = {{"silver", 1}, {"operator", 1}};
    sc.teams = {{"west", "West End", {51.5136, -0.1365}, 0, std::nullopt},
                {"south", "Lambeth", {51.4613, -0.1156}, 0, std::nullopt}};
    const std::vector<Date> &all = sc.dates;
    sc.officers = {officer("MP1001", "Jane Smith", Rank::PS, "west", {}, "early", all),
                   officer("MP1002", "Tom Brown", Rank::PC, "west", {"lfr"}, "early", all),
                   officer("MP1003", "Ann Lee", Rank::Insp, "west", {"lfr"}, "night", all),
                   officer("MP1004", "Kofi Mensah", Rank::PC, "south", {"lfr"}, "long", all),
                   officer("MP1005", "Priya Shah", Rank::PS, "south", {}, "long", all),
                   officer("MP1006", "Raj Patel", Rank::PC, "west", {"lfr"}, "early", all),
                   officer("MP1007", "Mia Wong", Rank::PC, "west", {"lfr"}, "allday", all),
                   officer("MP1008", "Sam Green", Rank::PC, "west", {}, "early", all)};

    Hotspot oxford = hotspot("oxford", "Oxford Circus", {51.5152, -0.1419}, 100);
    oxford.windows = {{"morning", 1.0}, {"afternoon", 1.0}, {"evening", 1.5}, {"late", 1.2}};
    Hotspot brixton = hotspot("brixton", "Brixton", {51.4627, -0.1145}, 80);
    brixton.windows = {{"morning", 1.0}, {"afternoon", 1.0}, {"day", 1.0}};
    Hotspot carnival = hotspot("carnival", "Notting Hill", {51.5096, -0.2043}, 300);
    carnival.windows = {{"morning", 1.0}};
    carnival.dates = std::vector<Date>{day("2026-12-05"), day("2026-12-06")};
    sc.hotspots = {oxford, brixton, carnival};

    sc.vans = {{"LFR-1", std::nullopt, {}, 1}, {"LFR-2", std::nullopt, {day("2026-12-03")}, 1}, {"LFR-3", {}, {}, 2}};
    return sc;
}

// Valid: two deployments on different dates, hotspots, vans and teams.
std::vector<Deployment> basePlan()
{
    return {{day("2026-12-01"), "morning", "oxford", "LFR-1", {{"MP1001", "silver"}, {"MP1002", "operator"}}},
            {day("2026-12-02"), "morning", "brixton", "LFR-2", {{"MP1005", "silver"}, {"MP1004", "operator"}}}};
}

std::string messages(const ValidationReport &report)
{
    std::string text;
    for (const Violation &v : report.violations)
        text += "\n  " + v.message;
    return text.empty() ? "(no violations)" : text;
}

// The report holds exactly one violation, of the given check.
Violation onlyViolation(const Scenario &sc, const std::vector<Deployment> &plan, Check check)
{
    const ValidationReport report = validatePlan(sc, plan);
    INFO("violations:" << messages(report));
    REQUIRE(report.violations.size() == 1);
    REQUIRE(report.violations.front().check == check);
    REQUIRE(report.violations.front().rule == ruleOf(check));
    return report.violations.front();
}

void requireValid(const Scenario &sc, const std::vector<Deployment> &plan)
{
    const ValidationReport report = validatePlan(sc, plan);
    INFO("violations:" << messages(report));
    REQUIRE(report.valid());
}

} // namespace

TEST_CASE("the base plan and the empty plan are valid", "[validator]")
{
    Scenario sc = testScenario();
    requireValid(sc, basePlan());
    requireValid(sc, {});
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::string("LFR-1"), {{"MP1002", "operator"}}});
    requireValid(sc, basePlan());
}

// --- Rule 1: counts -------------------------------------------------------------

TEST_CASE("counts: more deployments than max_deployments", "[validator]")
{
    Scenario sc = testScenario();
    sc.policy.maxDeployments = 1;
    const Violation v = onlyViolation(sc, basePlan(), Check::MaxDeployments);
    CHECK(v.message == "The plan has 2 deployments; the policy allows at most 1 in the horizon");
    CHECK(v.deployments == std::vector<std::size_t>{0, 1});
}

TEST_CASE("counts: more dates than max_days", "[validator]")
{
    Scenario sc = testScenario();
    sc.policy.maxDays = 1;
    CHECK(onlyViolation(sc, basePlan(), Check::MaxDays).message ==
          "The plan deploys on 2 dates; the policy allows at most 1");
}

TEST_CASE("counts: more deployments on one date than max_per_date", "[validator]")
{
    Scenario sc = testScenario();
    sc.policy.maxPerDate = 1;
    requireValid(sc, basePlan());
    auto plan = basePlan();
    plan[1].date = day("2026-12-01");
    const Violation v = onlyViolation(sc, plan, Check::MaxPerDate);
    CHECK(v.message ==
          "Tue 2026-12-01 has 2 deployments (Oxford Circus on Tue 2026-12-01 morning and Brixton on Tue 2026-12-01 "
          "morning); the policy allows at most 1 on one date");
    CHECK(v.date == day("2026-12-01"));
}

TEST_CASE("counts: a date outside the horizon", "[validator]")
{
    auto plan = basePlan();
    plan[1].date = day("2026-12-07");
    const Violation v = onlyViolation(testScenario(), plan, Check::DateOutsideHorizon);
    CHECK(v.deployment == 1u);
    CHECK(v.message == "Brixton, Mon 2026-12-07 morning, van LFR-2: 2026-12-07 is not in the planning "
                       "horizon (Mon 2026-11-30 to Sun 2026-12-06)");
}

// --- Rule 2: hotspots -----------------------------------------------------------

TEST_CASE("hotspot: a window the hotspot does not allow", "[validator]")
{
    auto plan = basePlan();
    plan[0].window = "day"; // 10:00-14:00, inside the early shift
    const Violation v = onlyViolation(testScenario(), plan, Check::WindowNotAllowed);
    CHECK(v.deployment == 0u);
    CHECK_THAT(v.message, Contains("window day is not allowed at Oxford Circus (allowed: afternoon, evening, late "
                                   "and morning)"));
}

TEST_CASE("hotspot: a date outside the hotspot's dates", "[validator]")
{
    auto plan = basePlan();
    plan[1].hotspot = "carnival";
    const Violation v = onlyViolation(testScenario(), plan, Check::DateNotAllowed);
    CHECK_THAT(v.message, Contains("Notting Hill may only be used on Sat 2026-12-05 and Sun 2026-12-06"));
    plan[1].date = day("2026-12-05");
    requireValid(testScenario(), plan);
}

TEST_CASE("hotspot: more deployments there than max_per_horizon", "[validator]")
{
    Scenario sc = testScenario();
    sc.hotspots[0].maxPerHorizon = 1;
    auto plan = basePlan();
    plan[1].hotspot = "oxford";
    const Violation v = onlyViolation(sc, plan, Check::MaxPerHorizon);
    CHECK(v.message ==
          "Oxford Circus has 2 deployments (Oxford Circus on Tue 2026-12-01 morning and Oxford Circus on Wed "
          "2026-12-02 morning); it allows at most 1 in the horizon");
}

TEST_CASE("hotspot: two deployments closer than min_gap_days", "[validator]")
{
    Scenario sc = testScenario();
    auto plan = basePlan();
    plan[1].hotspot = "oxford"; // Tue and Wed: 1 day apart
    requireValid(sc, plan);
    sc.hotspots[0].minGapDays = 2;
    const Violation v = onlyViolation(sc, plan, Check::MinGapDays);
    CHECK(v.deployment == 1u);
    CHECK(v.deployments == std::vector<std::size_t>{0, 1});
    CHECK_THAT(v.message, Contains("only 1 day after Deployment 1 at Oxford Circus; deployments there must be at least "
                                   "2 calendar days apart"));
}

TEST_CASE("hotspot: two deployments on one hotspot, date and window", "[validator]")
{
    Scenario sc = testScenario();
    sc.hotspots[0].minGapDays = 0; // the same date is allowed, the same window is not
    auto plan = basePlan();
    plan[1].hotspot = "oxford";
    plan[1].date = day("2026-12-01");
    plan[1].window = "afternoon";
    requireValid(sc, plan);
    plan[1].window = "morning";
    const Violation v = onlyViolation(sc, plan, Check::DuplicateSlot);
    CHECK(v.deployment == 1u);
    CHECK_THAT(v.message,
               Contains("the deployment in van LFR-1 already covers Oxford Circus on Tue 2026-12-01 morning"));
}

// --- Rule 3: vans ---------------------------------------------------------------

TEST_CASE("van: a van the scenario does not have", "[validator]")
{
    auto plan = basePlan();
    plan[1].van = "LFR-9";
    const Violation v = onlyViolation(testScenario(), plan, Check::UnknownVan);
    CHECK(v.rule == Rule::Van);
    CHECK_THAT(v.message, Contains("van \"LFR-9\" does not exist"));
}

TEST_CASE("van: a van used on a date it is unavailable", "[validator]")
{
    auto plan = basePlan();
    plan[1].date = day("2026-12-03");
    const Violation v = onlyViolation(testScenario(), plan, Check::VanUnavailable);
    CHECK_THAT(v.message, Contains("van LFR-2 is unavailable on Thu 2026-12-03"));
}

TEST_CASE("van: more deployments in a day than its max_per_date", "[validator]")
{
    auto plan = basePlan();
    plan[1].date = day("2026-12-01");
    plan[1].window = "afternoon"; // no overlap with the morning
    plan[1].van = "LFR-1";
    const Violation v = onlyViolation(testScenario(), plan, Check::VanMaxPerDate);
    CHECK(v.message ==
          "Van LFR-1 has 2 deployments on Tue 2026-12-01 (Oxford Circus on Tue 2026-12-01 morning and Brixton on "
          "Tue 2026-12-01 afternoon); it can do at most 1 a day");
}

TEST_CASE("van: overlapping windows on one date clash, adjacent windows do not", "[validator]")
{
    auto plan = basePlan();
    plan[0].van = "LFR-3"; // up to 2 a day
    plan[1].van = "LFR-3";
    plan[1].date = day("2026-12-01");
    SECTION("[08:00,12:00) and [12:00,16:00) are adjacent, not overlapping")
    {
        plan[1].window = "afternoon";
        requireValid(testScenario(), plan);
    }
    SECTION("[08:00,12:00) and [10:00,14:00) overlap")
    {
        plan[1].window = "day";
        const Violation v = onlyViolation(testScenario(), plan, Check::VanWindowsOverlap);
        CHECK(v.deployment == 1u);
        CHECK_THAT(v.message, Contains("van LFR-3 is already out at Oxford Circus in morning 08:00-12:00, which "
                                       "overlaps day 10:00-14:00"));
    }
}

// --- Rule 4: crews --------------------------------------------------------------

TEST_CASE("crew: the wrong number of officers in a role", "[validator]")
{
    Scenario sc = testScenario();
    auto plan = basePlan();
    SECTION("a role short")
    {
        plan[0].crew.pop_back();
        CHECK_THAT(onlyViolation(sc, plan, Check::CrewCount).message,
                   Contains("the crew needs 1 in role operator, it has 0"));
    }
    SECTION("a role the crew map does not have")
    {
        plan[0].crew.push_back({"MP1006", "engagement"});
        CHECK_THAT(onlyViolation(sc, plan, Check::CrewCount).message,
                   Contains("the crew needs 0 in role engagement, it has 1"));
    }
    SECTION("a hotspot's crew map replaces the default entirely")
    {
        sc.hotspots[1].crew = CrewMap{{"operator", 1}, {"engagement", 1}};
        const ValidationReport report = validatePlan(sc, plan);
        INFO(messages(report));
        REQUIRE(report.violations.size() == 2);
        CHECK(report.count(Check::CrewCount) == 2);
        CHECK_THAT(report.violations[0].message, Contains("needs 1 in role engagement, it has 0"));
        CHECK_THAT(report.violations[1].message, Contains("needs 0 in role silver, it has 1"));
        plan[1].crew[0].role = "engagement";
        requireValid(sc, plan);
    }
}

TEST_CASE("crew: an officer below the role's rank", "[validator]")
{
    auto plan = basePlan();
    plan[0].crew = {{"MP1002", "silver"}, {"MP1006", "operator"}};
    const Violation v = onlyViolation(testScenario(), plan, Check::RankTooLow);
    CHECK(v.officer == "MP1002");
    CHECK_THAT(v.message, Contains("officer MP1002 (PC Tom Brown) cannot be silver: the role needs rank PS or above"));
}

TEST_CASE("crew: an officer without the role's skill", "[validator]")
{
    auto plan = basePlan();
    plan[0].crew = {{"MP1001", "silver"}, {"MP1008", "operator"}};
    const Violation v = onlyViolation(testScenario(), plan, Check::MissingSkill);
    CHECK(v.officer == "MP1008");
    CHECK_THAT(v.message, Contains("cannot be operator: the role needs the skill lfr, which they do not hold"));
}

TEST_CASE("crew: the roster shift must cover the window", "[validator]")
{
    const Scenario sc = testScenario();
    auto plan = basePlan();
    SECTION("a day shift does not cover a night officer's morning")
    {
        plan[0].crew = {{"MP1001", "silver"}, {"MP1003", "operator"}};
        const Violation v = onlyViolation(sc, plan, Check::ShiftNotCovering);
        CHECK(v.officer == "MP1003");
        CHECK(v.message == "Oxford Circus, Tue 2026-12-01 morning, van LFR-1: officer MP1003 (Insp Ann "
                           "Lee) is not on a shift covering 08:00-12:00 that day (rostered night, 20:00-06:00)");
    }
    SECTION("a night shift crossing midnight covers 21:00-23:30; a 24-hour shift from 09:00 does too")
    {
        plan[0].window = "late";
        plan[0].crew = {{"MP1003", "silver"}, {"MP1007", "operator"}};
        requireValid(sc, plan);
    }
    SECTION("a 24-hour shift (end == start) starting 09:00 does not cover 08:00-12:00")
    {
        plan[0].crew = {{"MP1001", "silver"}, {"MP1007", "operator"}};
        CHECK_THAT(onlyViolation(sc, plan, Check::ShiftNotCovering).message,
                   Contains("officer MP1007 (PC Mia Wong) is not on a shift covering 08:00-12:00 that day (rostered "
                            "allday, 09:00-09:00)"));
    }
}

TEST_CASE("crew: shift cover as the scenario index computes it", "[validator]")
{
    const Scenario sc = testScenario();
    const ScenarioIndex ix(sc);
    const std::size_t tue = ix.date(day("2026-12-01")).value();
    const std::size_t wed = ix.date(day("2026-12-02")).value();
    const std::size_t night = ix.officer("MP1003").value();
    const std::size_t allday = ix.officer("MP1007").value();
    CHECK(ix.onDutyCovering(night, tue, ix.window("late").value()));
    CHECK_FALSE(ix.onDutyCovering(night, tue, ix.window("evening").value())); // 18:00 is before 20:00
    // Tuesday's night shift runs into Wednesday 02:00-04:00, but only
    // Wednesday's own roster entry counts, and that shift starts at 20:00.
    CHECK_FALSE(ix.onDutyCovering(night, wed, ix.window("dawn").value()));
    CHECK(ix.onDutyCovering(allday, tue, ix.window("evening").value()));
    CHECK(ix.onDutyCovering(allday, tue, ix.window("late").value()));
    CHECK_FALSE(ix.onDutyCovering(allday, tue, ix.window("morning").value()));
    CHECK(ix.teamOnDuty(ix.team("west").value(), tue) == 6);
    CHECK(ix.teamReleasable(ix.team("west").value(), tue) == 6);
    Scenario limited = sc;
    limited.teams[0].minOnDuty = 2;
    limited.teams[0].maxAbstracted = 5;
    CHECK(ScenarioIndex(limited).teamReleasable(0, tue) == 4); // min(5, 6 - 2)
    limited.teams[0].minOnDuty = 8;
    CHECK(ScenarioIndex(limited).teamReleasable(0, tue) == 0); // max(0, 6 - 8)
    CHECK(ix.crewSize(ix.hotspot("brixton").value()) == 2);
    CHECK(ix.windowMultiplier(ix.hotspot("oxford").value(), ix.window("evening").value()) == 1.5);
    CHECK_FALSE(ix.windowMultiplier(ix.hotspot("oxford").value(), ix.window("day").value()));
    CHECK_FALSE(ix.vanAvailable(ix.van("LFR-2").value(), ix.date(day("2026-12-03")).value()));
    CHECK(ix.windowsOverlap(ix.window("morning").value(), ix.window("day").value()));
    CHECK_FALSE(ix.windowsOverlap(ix.window("morning").value(), ix.window("afternoon").value()));
    CHECK(ix.maxDuties(night) == 2);
    CHECK(ix.qualifies(night, ix.role("silver").value()));
    CHECK_FALSE(ix.qualifies(ix.officer("MP1002").value(), ix.role("silver").value()));
    CHECK(ix.effectiveCrew(ix.hotspot("oxford").value()) == sc.crew);
    CHECK_FALSE(ix.date(day("2026-12-07")));
    CHECK_FALSE(ix.officer("MP9999"));
}

TEST_CASE("crew: an officer without a roster entry that date is off duty", "[validator]")
{
    Scenario sc = testScenario();
    sc.officers[0].roster.erase(day("2026-12-01"));
    // Rule 5 counts abstracted officers among those on duty only: MP1002
    // alone is taken from West End, within its limit of 1.
    sc.teams[0].maxAbstracted = 1;
    const Violation v = onlyViolation(sc, basePlan(), Check::OffDuty);
    CHECK(v.officer == "MP1001");
    CHECK_THAT(v.message, Contains("officer MP1001 (PS Jane Smith) is off duty on Tue 2026-12-01 (no roster entry)"));
}

TEST_CASE("crew: an officer twice in one crew", "[validator]")
{
    auto plan = basePlan();
    plan[0].window = "late";
    plan[0].crew = {{"MP1003", "silver"}, {"MP1003", "operator"}}; // qualifies for both roles
    const Violation v = onlyViolation(testScenario(), plan, Check::OfficerTwiceInCrew);
    CHECK(v.officer == "MP1003");
    CHECK_THAT(v.message, Contains("officer MP1003 (Insp Ann Lee) appears 2 times in the crew"));
}

TEST_CASE("crew: an officer in two deployments on one date", "[validator]")
{
    auto plan = basePlan();
    plan[1].date = day("2026-12-01");
    plan[1].crew = {{"MP1005", "silver"}, {"MP1002", "operator"}};
    const Violation v = onlyViolation(testScenario(), plan, Check::OfficerTwiceOnDate);
    CHECK(v.officer == "MP1002");
    CHECK(v.date == day("2026-12-01"));
    CHECK(v.message == "Officer MP1002 (PC Tom Brown) staffs 2 deployments on Tue 2026-12-01 (Oxford Circus on Tue "
                       "2026-12-01 morning and Brixton on Tue 2026-12-01 morning); an officer can staff one a day");
}

TEST_CASE("crew: an officer over max_duties", "[validator]")
{
    Scenario sc = testScenario();
    auto plan = basePlan();
    plan[1].crew = {{"MP1005", "silver"}, {"MP1002", "operator"}}; // MP1002 on Tue and Wed
    requireValid(sc, plan);
    SECTION("the policy's max_duties_per_officer")
    {
        sc.policy.maxDutiesPerOfficer = 1;
        const Violation v = onlyViolation(sc, plan, Check::MaxDuties);
        CHECK(v.message == "Officer MP1002 (PC Tom Brown) staffs 2 deployments (Oxford Circus on Tue 2026-12-01 "
                           "morning and Brixton on Wed 2026-12-02 morning); the policy allows 1 per officer");
    }
    SECTION("the officer's own max_duties overrides the policy")
    {
        sc.officers[1].maxDuties = 1;
        CHECK_THAT(onlyViolation(sc, plan, Check::MaxDuties).message, Contains("their personal limit is 1"));
        sc.policy.maxDutiesPerOfficer = 1;
        sc.officers[1].maxDuties = 2;
        requireValid(sc, plan);
    }
}

// --- Rule 5: team staffing limits -------------------------------------------------

TEST_CASE("staffing: a team releases more than max_abstracted", "[validator]")
{
    Scenario sc = testScenario();
    sc.teams[0].maxAbstracted = 1;
    const Violation v = onlyViolation(sc, basePlan(), Check::MaxAbstracted);
    CHECK(v.team == "west");
    CHECK(v.date == day("2026-12-01"));
    CHECK(v.deployments == std::vector<std::size_t>{0});
    CHECK(v.message == "West End may release at most 1 officer on Tue 2026-12-01; the plan takes 2");
    sc.teams[0].maxAbstracted = 2;
    requireValid(sc, basePlan());
}

TEST_CASE("staffing: a team left below min_on_duty", "[validator]")
{
    Scenario sc = testScenario();
    sc.teams[0].minOnDuty = 4; // 6 West End officers rostered: 2 may go
    requireValid(sc, basePlan());
    sc.teams[0].minOnDuty = 5;
    const Violation v = onlyViolation(sc, basePlan(), Check::MinOnDuty);
    CHECK(v.team == "west");
    CHECK(v.message == "West End must keep 5 of its 6 rostered officers on duty on Tue 2026-12-01; the plan takes 2");
    sc.teams[0].minOnDuty = 9; // more than are rostered: nobody may go
    CHECK(onlyViolation(sc, basePlan(), Check::MinOnDuty).team == "west");
}

// --- Rule 6: pins ---------------------------------------------------------------

TEST_CASE("pin: no deployment at the pinned hotspot, date and window", "[validator]")
{
    Scenario sc = testScenario();
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::nullopt, {}});
    sc.pinned.push_back({"brixton", day("2026-12-03"), "day", std::nullopt, {}});
    const Violation v = onlyViolation(sc, basePlan(), Check::PinNoDeployment);
    CHECK(v.pin == 1u);
    CHECK(v.message == "The pin of Brixton on Thu 2026-12-03 day is not met: no deployment there");
}

TEST_CASE("pin: the deployment there has another van", "[validator]")
{
    Scenario sc = testScenario();
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::string("LFR-2"), {}});
    CHECK(
        onlyViolation(sc, basePlan(), Check::PinVanMismatch).message ==
        "The pin of Oxford Circus on Tue 2026-12-01 morning, van LFR-2 is not met: no deployment there uses the pinned "
        "van LFR-2 (Oxford Circus, Tue 2026-12-01 morning, van LFR-1)");
}

TEST_CASE("pin: a pinned crew member missing or in another role", "[validator]")
{
    Scenario sc = testScenario();
    SECTION("missing")
    {
        sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::nullopt, {{"MP1006", "operator"}}});
        const Violation v = onlyViolation(sc, basePlan(), Check::PinCrewMismatch);
        CHECK(v.officer == "MP1006");
        CHECK_THAT(v.message, Contains("is not met: officer MP1006 (PC Raj Patel) is not in the crew of Oxford Circus, "
                                       "Tue 2026-12-01 morning, van LFR-1 "
                                       "(pinned as operator)"));
    }
    SECTION("in another role")
    {
        sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::nullopt, {{"MP1002", "silver"}}});
        CHECK_THAT(onlyViolation(sc, basePlan(), Check::PinCrewMismatch).message,
                   Contains("officer MP1002 (PC Tom Brown) is in the crew of Oxford Circus, Tue 2026-12-01 morning, "
                            "van LFR-1 as operator, not as silver"));
    }
}

TEST_CASE("pin: two pins that only one deployment can meet", "[validator]")
{
    Scenario sc = testScenario();
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::nullopt, {}});
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::string("LFR-1"), {{"MP1001", "silver"}}});
    const Violation v = onlyViolation(sc, basePlan(), Check::PinContention);
    CHECK(v.pin == 1u);
    CHECK(v.message ==
          "The pin of Oxford Circus on Tue 2026-12-01 morning, van LFR-1 is not met: Oxford Circus on Tue "
          "2026-12-01 morning, which would meet it, already meets the pin of Oxford Circus on Tue 2026-12-01 "
          "morning");
}

TEST_CASE("pin: pins are matched to distinct deployments by a maximum matching", "[validator]")
{
    // Pin 1 accepts either deployment, pin 2 only Deployment 1 (van LFR-1).
    // Giving pin 1 the first deployment it meets would leave pin 2 unmet; a
    // maximum matching moves pin 1 to Deployment 2.
    Scenario sc = testScenario();
    sc.hotspots[0].minGapDays = 0;
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::nullopt, {}});
    sc.pinned.push_back({"oxford", day("2026-12-01"), "morning", std::string("LFR-1"), {}});
    auto plan = basePlan();
    plan[1].hotspot = "oxford";
    plan[1].date = day("2026-12-01");
    // The duplicate hotspot/date/window is the only fault: both pins are met.
    CHECK(onlyViolation(sc, plan, Check::DuplicateSlot).deployment == 1u);
}

// --- Unknown references -----------------------------------------------------------

TEST_CASE("unknown references are violations, never crashes", "[validator]")
{
    Scenario sc = testScenario();
    sc.pinned.push_back({"nowhere", day("2026-12-09"), "noon", std::string("LFR-9"), {{"MP9999", "silver"}}});
    auto plan = basePlan();
    plan.push_back({day("2026-12-09"), "noon", "nowhere", "LFR-9", {{"MP9999", "silver"}, {"MP1004", "driver"}}});
    const ValidationReport report = validatePlan(sc, plan);
    INFO(messages(report));
    CHECK(report.count(Check::UnknownHotspot) == 1);
    CHECK(report.count(Check::UnknownWindow) == 1);
    CHECK(report.count(Check::UnknownOfficer) == 1);
    CHECK(report.count(Check::UnknownRole) == 1);
    CHECK(report.count(Check::UnknownVan) == 1);
    CHECK(report.count(Check::DateOutsideHorizon) == 1);
    CHECK(report.count(Rule::UnknownReference) == 4);
    CHECK(report.count(Rule::Pin) == 0); // the pin meets the deployment: same ids, van and crew entry
    CHECK(report.violations.front().message ==
          "\"nowhere\", Wed 2026-12-09 noon, van LFR-9: hotspot \"nowhere\" does not exist");
    REQUIRE(report.evaluation.deployments.size() == 3);
    CHECK(report.evaluation.deployments[2].value == 0.0);
    CHECK(report.evaluation.deployments[2].travel == 0.0);
}

TEST_CASE("the report carries the plan's evaluation", "[validator]")
{
    const Scenario sc = testScenario();
    const ValidationReport report = validatePlan(sc, basePlan());
    const Evaluation direct = evaluate(sc, basePlan());
    CHECK(report.evaluation.objective == direct.objective);
    CHECK(report.evaluation.value == 180.0); // 100 (Tue morning, Oxford) + 80 (Wed morning, Brixton)
    CHECK(report.evaluation.travelPenalty > 0.0);
}
