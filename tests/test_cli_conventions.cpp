// Issue 18: the command line's conventions (docs/cli.md) - one way to name a
// stored scenario, "-" for standard output everywhere, exit 2 meaning
// nothing was written, exports refusing a plan that breaks a hard
// constraint, solve never replacing a better saved plan, CSV files that
// join on a shared key and open right in a spreadsheet.
#include "lfrplan/csv_export.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

using namespace lfr;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

lfrtest::ProcessRun cli(const std::vector<std::string> &args, const lfrtest::ScratchDir &dir)
{
    return lfrtest::runProcess(LFRPLAN_CLI, args, dir);
}

// The small scenario as a file, its solved plan, and both stored in db.
struct Week {
    Scenario scenario;
    Plan plan;
    std::string scenarioFile, planFile, db;
};

Week storedWeek(const lfrtest::ScratchDir &dir)
{
    Week w;
    w.scenario = readScenario(lfrtest::smallScenarioText());
    w.plan = solve(w.scenario).plan;
    REQUIRE(w.plan.deployments.size() >= 2);
    w.scenarioFile = (dir / "week.json").string();
    w.planFile = (dir / "plan.json").string();
    w.db = (dir / "week.db").string();
    writeFileAtomically(w.scenarioFile, writeScenario(w.scenario));
    writeFileAtomically(w.planFile, writePlan(w.plan));
    const auto imported = cli({"import", w.db, w.scenarioFile, "--plan", w.planFile}, dir);
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    return w;
}

// The plan with one officer twice in a crew: INVALID for validate.
std::string invalidPlanFile(const Week &w, const lfrtest::ScratchDir &dir)
{
    Plan bad = w.plan;
    for (Deployment &d : bad.deployments)
        if (d.crew.size() >= 2) {
            d.crew[1].officer = d.crew[0].officer;
            break;
        }
    const std::string file = (dir / "bad-plan.json").string();
    writeFileAtomically(file, writePlan(bad));
    return file;
}

} // namespace

TEST_CASE("cli: export-csv and export-ics refuse a plan that breaks a hard constraint", "[cli][issue18]")
{
    // Finding 3: both exported it with exit 0 and no warning.
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const std::string bad = invalidPlanFile(w, dir);
    const std::string officer = w.plan.deployments.front().crew.front().officer;

    const auto csv = cli({"export-csv", w.scenarioFile, bad, "--roster", (dir / "r.csv").string()}, dir);
    CHECK(csv.exitCode == 1);
    CHECK(contains(csv.err, "the plan breaks "));
    CHECK(contains(csv.err, "2 times in the crew"));
    CHECK(contains(csv.err, "nothing was written"));
    CHECK_FALSE(fs::exists(dir / "r.csv"));

    const auto ics =
        cli({"export-ics", w.scenarioFile, bad, "--officer", officer, "-o", (dir / "o.ics").string()}, dir);
    CHECK(ics.exitCode == 1);
    CHECK_FALSE(fs::exists(dir / "o.ics"));

    const auto allowed =
        cli({"export-csv", w.scenarioFile, bad, "--roster", (dir / "r.csv").string(), "--allow-invalid"}, dir);
    CHECK(allowed.exitCode == 0);
    CHECK(contains(allowed.err, "warning: the plan breaks "));
    CHECK(fs::exists(dir / "r.csv"));
}

TEST_CASE("cli: DB NAME names a stored scenario for every command, and --db/--scenario stays an alias",
          "[cli][issue18]")
{
    // Finding 7: export-csv demo.db NAME failed with a JSON parse error.
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const auto positional = cli({"export-csv", w.db, w.scenario.name}, dir);
    INFO(positional.err);
    CHECK(positional.exitCode == 0);
    CHECK(positional.out == scheduleCsv(w.scenario, w.plan.deployments));
    const auto alias = cli({"export-csv", "--db", w.db, "--scenario", w.scenario.name}, dir);
    CHECK(alias.exitCode == 0);
    CHECK(alias.out == positional.out);
    const auto unknown = cli({"export-ics", w.db, "no such week", "--team", "x"}, dir);
    CHECK(unknown.exitCode == 2);
    CHECK(contains(unknown.err, "no scenario named \"no such week\""));
    const auto solved = cli({"solve", w.db, w.scenario.name, "--time-limit", "20"}, dir);
    INFO(solved.err);
    CHECK(solved.exitCode == 0);
    CHECK(contains(solved.out, "status: optimal"));
    // A database where a JSON file is expected: a hint, not a parse error.
    const auto validate = cli({"validate", w.db}, dir);
    CHECK(validate.exitCode == 2);
    CHECK(contains(validate.err, "an lfrplan database, not a JSON file"));
    CHECK_FALSE(contains(validate.err, "parse error"));
    // validate takes DB NAME too: the stored scenario and its saved plan.
    const auto stored = cli({"validate", w.db, w.scenario.name}, dir);
    INFO(stored.err);
    CHECK(stored.exitCode == 0);
    CHECK(contains(stored.out, "plan is valid"));
}

TEST_CASE("cli: solve DB NAME never replaces a better saved plan without --replace, and says what it stored",
          "[cli][issue18]")
{
    // Finding 4: --gap 0.5 silently replaced the proven optimum with a worse plan.
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const auto optimal = cli({"solve", w.db, w.scenario.name, "--time-limit", "30"}, dir);
    REQUIRE(optimal.exitCode == 0);
    CHECK(contains(optimal.err, "stored a plan (optimal"));
    const auto before = cli({"export", w.db, w.scenario.name, "--plan", "-", "-o", (dir / "x.json").string()}, dir);
    REQUIRE(before.exitCode == 0);
    REQUIRE(contains(before.out, "\"status\": \"optimal\""));
    // A search stopped by its gap at once: the first plan found, not better.
    const auto worse = cli({"solve", w.db, w.scenario.name, "--gap", "0.9"}, dir);
    REQUIRE(worse.exitCode == 0);
    if (contains(worse.out, "status: optimal")) {
        // The first plan happened to be optimal: nothing to prove here.
        CHECK(contains(worse.err, "kept the saved plan"));
    } else {
        CHECK(contains(worse.err, "kept the saved plan"));
        CHECK(contains(worse.err, "--replace"));
        const auto after = cli({"export", w.db, w.scenario.name, "--plan", "-", "-o", (dir / "y.json").string()}, dir);
        CHECK(after.out == before.out);
        const auto replaced = cli({"solve", w.db, w.scenario.name, "--gap", "0.9", "--replace"}, dir);
        CHECK(replaced.exitCode == 0);
        CHECK(contains(replaced.err, "stored a plan (feasible"));
    }
}

TEST_CASE("cli: solve -o - writes the plan to standard output, and an unwritable -o fails before the search",
          "[cli][issue18]")
{
    // Finding 8: -o - wrote a file named "-", and an unwritable -o failed
    // only after the whole search.
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const auto toStdout = cli({"solve", w.scenarioFile, "-o", "-", "--time-limit", "20"}, dir);
    INFO(toStdout.err);
    REQUIRE(toStdout.exitCode == 0);
    CHECK_FALSE(fs::exists(dir / "-"));
    const Plan plan = readPlan(toStdout.out);
    CHECK(plan.deployments.size() == w.plan.deployments.size());
    CHECK(contains(toStdout.err, "status: ")); // the summary moved to standard error

    const auto unwritable =
        cli({"solve", w.scenarioFile, "-o", (dir / "no-such-folder" / "p.json").string(), "--time-limit", "20"}, dir);
    CHECK(unwritable.exitCode == 2);
    CHECK(contains(unwritable.err, "no-such-folder"));
    CHECK_FALSE(contains(unwritable.out + unwritable.err, "status:")); // no search ran
}

TEST_CASE("cli: export --plan - writes the plan to standard output, not a file named -", "[cli][issue18]")
{
    // Finding 8: every writer treats - as standard output; export --plan -
    // wrote a file named "-" in the working folder.
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const fs::path scenarioOut = dir / "exported.json";
    const fs::path stray = fs::current_path() / "-";
    const bool strayBefore = fs::exists(stray);
    const auto run = cli({"export", w.db, w.scenario.name, "--plan", "-", "-o", scenarioOut.string()}, dir);
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(lfr::readPlan(run.out).deployments == w.plan.deployments);
    CHECK(lfr::readScenario(lfr::readTextFile(scenarioOut)).name == w.scenario.name);
    CHECK(fs::exists(stray) == strayBefore);
    // Both to standard output, or one file twice: refused, nothing written.
    const auto both = cli({"export", w.db, w.scenario.name, "--plan", "-"}, dir);
    CHECK(both.exitCode == 2);
    CHECK(contains(both.err, "cannot both go to standard output"));
    const auto twice = cli(
        {"export", w.db, w.scenario.name, "--plan", (dir / "a.json").string(), "-o", (dir / "." / "a.json").string()},
        dir);
    CHECK(twice.exitCode == 2);
    CHECK(contains(twice.err, "same file"));
    CHECK_FALSE(fs::exists(dir / "a.json"));
}

TEST_CASE("cli: export-csv writes both files or neither, and refuses one path for both", "[cli][issue18]")
{
    // Findings 8 and 10: the schedule was written, then the roster failed
    // with exit 2; --schedule X --roster X silently overwrote; - for both
    // printed two tables in one stream.
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const std::string schedule = (dir / "schedule.csv").string();
    const auto half = cli(
        {"export-csv", w.db, w.scenario.name, "--schedule", schedule, "--roster", (dir / "nope" / "r.csv").string()},
        dir);
    CHECK(half.exitCode == 2);
    CHECK_FALSE(fs::exists(schedule));

    const auto same = cli({"export-csv", w.db, w.scenario.name, "--schedule", schedule, "--roster",
                           (dir / "." / "schedule.csv").string()},
                          dir);
    CHECK(same.exitCode == 2);
    CHECK(contains(same.err, "same file"));
    CHECK_FALSE(fs::exists(schedule));
    const auto bothStdout = cli({"export-csv", w.db, w.scenario.name, "--schedule", "-", "--roster", "-"}, dir);
    CHECK(bothStdout.exitCode == 2);
    CHECK(bothStdout.out.empty());
}

TEST_CASE("cli: lfrplan help COMMAND is the command's help, and solve's help gives every option of both forms",
          "[cli][issue18]")
{
    // Finding 9.
    lfrtest::ScratchDir dir;
    const auto help = cli({"help", "solve"}, dir);
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "usage: lfrplan solve SCENARIO.json"));
    const auto direct = cli({"solve", "--help"}, dir);
    CHECK(direct.out == help.out);
    CHECK(contains(help.out, "lfrplan solve DB NAME [-o PLAN.json] [--replace] [--time-limit S] [--seed N] [--gap G]"));
    const auto unknown = cli({"help", "sovle"}, dir);
    CHECK(unknown.exitCode == 2);
    CHECK(contains(unknown.err, "unknown command \"sovle\""));
}

TEST_CASE("cli: solve's console status is the plan file's status, and an unmeetable pin is named as validate names it",
          "[cli][issue18]")
{
    // Finding 9: "no arrangement of the available vans covers 1 deployments"
    // where validate said "LFR van 3 is unavailable on Wed 2026-12-09".
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const auto quick = cli({"solve", w.scenarioFile, "-o", (dir / "q.json").string(), "--time-limit", "0.01"}, dir);
    REQUIRE(quick.exitCode == 0);
    const Plan quickPlan = readPlanFile(dir / "q.json");
    CHECK(contains(quick.out, "status: " + std::string(planStatusName(quickPlan.status))));

    nlohmann::json j = nlohmann::json::parse(writeScenario(w.scenario));
    REQUIRE(!j["vans"].empty());
    const std::string date = j["dates"][0].get<std::string>();
    j["vans"][0]["unavailable"] = {date};
    const Deployment &d = w.plan.deployments.front();
    j["pinned"] = {{{"date", date}, {"window", d.window}, {"hotspot", d.hotspot}, {"van", j["vans"][0]["id"]}}};
    writeFileAtomically(dir / "pinned.json", j.dump(2));
    const auto validated = cli({"validate", (dir / "pinned.json").string()}, dir);
    const auto solved = cli({"solve", (dir / "pinned.json").string(), "-o", (dir / "p.json").string()}, dir);
    INFO(validated.out << solved.out << solved.err);
    CHECK(solved.exitCode == 1);
    const std::string unavailable = " is unavailable on ";
    CHECK(contains(validated.out, unavailable));
    CHECK(contains(solved.out, unavailable));
    CHECK_FALSE(contains(solved.out, "no arrangement of the available vans"));
}

TEST_CASE("cli: a scenario from a pipe or from standard input (-) is read whole", "[cli]")
{
    lfrtest::ScratchDir dir;
    const Week w = storedWeek(dir);
    const std::string cliPath = LFRPLAN_CLI;
    // /dev/stdin on a pipe: looking for a database's first bytes used to eat
    // them, and the JSON then failed at column 18.
    const auto piped = lfrtest::runProcess(
        "/bin/sh", {"-c", "cat '" + w.scenarioFile + "' | '" + cliPath + "' validate /dev/stdin '" + w.planFile + "'"},
        dir);
    INFO(piped.err);
    CHECK(piped.exitCode == 0);
    CHECK(contains(piped.out, "plan is valid"));
    const auto dash = lfrtest::runProcess("/bin/sh",
                                          {"-c", "'" + cliPath + "' solve - --time-limit 10 -o '" +
                                                     (dir / "out.json").string() + "' < '" + w.scenarioFile + "'"},
                                          dir);
    INFO(dash.err);
    REQUIRE(dash.exitCode == 0);
    CHECK(readPlan(readTextFile(dir / "out.json")).deployments.size() == w.plan.deployments.size());
}
