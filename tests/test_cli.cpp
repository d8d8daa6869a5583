// The lfrplan command-line tool, run as a real child process.
#include "lfrplan/objective.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>

namespace {

using Run = lfrtest::ProcessRun;

Run runCli(const std::vector<std::string> &args)
{
    lfrtest::ScratchDir dir;
    return lfrtest::runProcess(LFRPLAN_CLI, args, dir);
}

std::string small() { return lfrtest::testData("small-scenario.json").string(); }

std::string writeText(const lfrtest::ScratchDir &dir, const std::string &name, const std::string &text)
{
    const auto path = dir / name;
    lfr::writeFileAtomically(path, text);
    return path.string();
}

} // namespace

TEST_CASE("cli: help, version and unknown commands", "[cli]")
{
    const Run help = runCli({"--help"});
    CHECK(help.exitCode == 0);
    CHECK_THAT(help.out, Catch::Contains("validate") && Catch::Contains("exit codes"));
    const Run version = runCli({"--version"});
    CHECK(version.exitCode == 0);
    CHECK_THAT(version.out, Catch::StartsWith("lfrplan "));
    CHECK(runCli({}).exitCode == 2);
    CHECK(runCli({"solvee"}).exitCode == 2);
    CHECK(runCli({"validate", small(), "--bogus"}).exitCode == 2);
    CHECK(runCli({"generate", "--officers", "many"}).exitCode == 2);
    for (const char *cmd :
         {"init", "import", "export", "list", "validate", "generate", "demo", "solve", "export-lp", "export-csv",
          "export-ics", "scenario", "compare", "authorisation", "safeguards", "import-records", "report", "audit"}) {
        INFO(cmd);
        CHECK(runCli({cmd, "--help"}).exitCode == 0);
        CHECK_THAT(help.out, Catch::Contains(std::string("  ") + cmd + " "));
    }
}

TEST_CASE("cli: validate a scenario, and refuse bad input with its path", "[cli]")
{
    const Run ok = runCli({"validate", small()});
    CHECK(ok.exitCode == 0);
    CHECK_THAT(ok.out, Catch::Contains("Small week") && Catch::Contains("well-formed"));

    lfrtest::ScratchDir dir;
    auto j = lfrtest::smallScenarioJson();
    j["officers"][3]["team"] = "west-edn";
    const Run bad = runCli({"validate", writeText(dir, "bad.json", j.dump())});
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("officers[3].team: unknown team \"west-edn\""));

    const Run truncated = runCli({"validate", writeText(dir, "cut.json", lfrtest::smallScenarioText().substr(0, 99))});
    CHECK(truncated.exitCode == 2);
    CHECK_THAT(truncated.err, Catch::Contains("line "));

    j = lfrtest::smallScenarioJson();
    j["pinned"][0]["window"] = "evening"; // MP1001 is on an early shift on Monday
    const Run infeasible = runCli({"validate", writeText(dir, "pin.json", j.dump())});
    CHECK(infeasible.exitCode == 1);
    CHECK_THAT(infeasible.out, Catch::Contains("pin 0 cannot be met"));
}

TEST_CASE("cli: validate a plan, its violations and its objective", "[cli]")
{
    lfrtest::ScratchDir dir;
    auto plan = lfrtest::smallPlanJson();
    // Compute the figures with the CLI itself first, then write them into the plan.
    const Run first = runCli({"validate", small(), writeText(dir, "p0.json", plan.dump())});
    CHECK(first.exitCode == 1); // the reported zeros do not match
    CHECK_THAT(first.out, Catch::Contains("the plan reports OBJECTIVE 0"));

    // Oxford Circus on Monday, day window: v = 100 * 1.0 * 1.0 = 100; the
    // travel figure comes from the core evaluation the CLI must agree with.
    const lfr::Scenario scenario = lfr::readScenario(lfrtest::smallScenarioText());
    const lfr::Plan parsed = lfr::readPlan(plan.dump());
    const lfr::Evaluation e = lfr::evaluate(scenario, parsed.deployments);
    CHECK(e.value == Approx(100.0));
    CHECK(e.travelPenalty > 0);
    plan["value"] = e.value;
    plan["travel_penalty"] = e.travelPenalty;
    plan["objective"] = e.objective;
    const Run valid = runCli({"validate", small(), writeText(dir, "p1.json", plan.dump())});
    CHECK(valid.exitCode == 0);
    CHECK_THAT(valid.out, Catch::Contains("VALUE 100.000") && Catch::Contains("plan is valid"));

    plan["deployments"][0]["crew"][1]["officer"] = "MP2003"; // a CI with no operator skill
    const Run invalid = runCli({"validate", small(), writeText(dir, "p2.json", plan.dump())});
    CHECK(invalid.exitCode == 1);
    CHECK_THAT(invalid.out, Catch::Contains("MP2003") && Catch::Contains("INVALID"));

    const Run badPlan = runCli({"validate", small(), writeText(dir, "p3.json", "{\"format\": \"lfrplan-plan/1\"")});
    CHECK(badPlan.exitCode == 2);
}

TEST_CASE("cli: import, list and export round-trip through a database", "[cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "force.db").string();
    CHECK(runCli({"init", db}).exitCode == 0);
    const Run imported = runCli({"import", db, small()});
    CHECK(imported.exitCode == 0);
    CHECK(runCli({"import", db, small()}).exitCode == 2); // already there
    CHECK(runCli({"import", db, small(), "--name", "Copy"}).exitCode == 0);
    const Run list = runCli({"list", db});
    CHECK(list.exitCode == 0);
    CHECK_THAT(list.out, Catch::Contains("Small week") && Catch::Contains("Copy"));

    const std::string out = (dir / "out.json").string();
    REQUIRE(runCli({"export", db, "Small week", "-o", out}).exitCode == 0);
    CHECK(lfr::readScenarioFile(out) == lfr::readScenarioFile(small()));
    CHECK(runCli({"export", db, "Nope", "-o", out}).exitCode == 2);
    CHECK(lfr::readScenarioFile(out) == lfr::readScenarioFile(small())); // untouched by the failure

    // Bad input changes nothing already stored.
    auto j = lfrtest::smallScenarioJson();
    j["name"] = "Broken";
    j["vans"][0]["unavailable"][0] = "2027-02-30";
    const Run bad = runCli({"import", db, writeText(dir, "bad.json", j.dump())});
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("vans[0].unavailable[0]"));
    CHECK_THAT(runCli({"list", db}).out, !Catch::Contains("Broken"));
}

TEST_CASE("cli: a file that is not an lfrplan database is refused and left alone", "[cli]")
{
    lfrtest::ScratchDir dir;
    const std::string notDb = writeText(dir, "notes.txt", "these are a planner's notes, not a database\n");
    const Run run = runCli({"import", notDb, small()});
    CHECK(run.exitCode == 2);
    CHECK(lfr::readTextFile(notDb) == "these are a planner's notes, not a database\n");
    CHECK(runCli({"list", (dir / "missing.db").string()}).exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("cli: generate is deterministic and its output is a valid scenario", "[cli]")
{
    lfrtest::ScratchDir dir;
    const std::string a = (dir / "a.json").string();
    const std::string b = (dir / "b.json").string();
    REQUIRE(runCli({"generate", "--officers", "300", "--hotspots", "9", "--seed", "7", "-o", a}).exitCode == 0);
    REQUIRE(runCli({"generate", "--officers", "300", "--hotspots", "9", "--seed", "7", "-o", b}).exitCode == 0);
    CHECK(lfr::readTextFile(a) == lfr::readTextFile(b));
    const lfr::Scenario s = lfr::readScenarioFile(a);
    CHECK(s.officers.size() == 300);
    CHECK(s.hotspots.size() == 9);
    CHECK(runCli({"validate", a}).exitCode == 0);
    CHECK(runCli({"generate", "--officers", "0"}).exitCode == 2);
}
