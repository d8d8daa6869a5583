// CSV export (issue 5): the schedule and roster read back by an independent
// reader — Python's csv module, run as a child process — give every value
// exactly, names with commas, quotes, newlines and non-ASCII letters
// included; text starting like a formula comes back with its neutralising
// apostrophe and nothing else changed.
#include "lfrplan/csv_export.h"
#include "lfrplan/dates.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace lfr;

namespace {

// Every row of a CSV file as Python's csv module reads it.
std::vector<std::vector<std::string>> readWithPython(const std::filesystem::path &file, const lfrtest::ScratchDir &dir)
{
    const std::string script = "import csv, json, sys\n"
                               "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                               "    json.dump(list(csv.reader(f, strict=True)), sys.stdout, ensure_ascii=False)\n";
    lfr::writeFileAtomically(dir / "read.py", script);
    const lfrtest::ProcessRun run =
        lfrtest::runProcess("/usr/bin/python3", {(dir / "read.py").string(), file.string()}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    return nlohmann::json::parse(run.out).get<std::vector<std::vector<std::string>>>();
}

bool formulaLike(const std::string &s)
{
    return !s.empty() && std::string("=+-@\t\r").find(s.front()) != std::string::npos;
}

// What a cell should read back as: the text, neutralised when formula-like.
std::string shown(const std::string &s) { return formulaLike(s) ? "'" + s : s; }

const std::vector<std::string> kNames = {
    "Smith, John",
    "O\"Brien \"Jack\"",
    "Line\nBreak and\r\nCRLF",
    "Zoë Łukasiewicz-Ñúñez 王",
    "=HYPERLINK(\"x\")",
    "+44 20 7230 1212",
    "-1+2",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rCarriage return first",
};

struct Fixture {
    Scenario scenario;
    std::vector<Deployment> deployments;
};

Fixture awkwardWeek()
{
    Fixture f;
    f.scenario = readScenario(lfrtest::smallScenarioText());
    f.deployments = solve(f.scenario).plan.deployments;
    REQUIRE(!f.deployments.empty());
    // Awkward names everywhere a name or free text reaches the files.
    for (std::size_t i = 0; i < f.scenario.officers.size(); ++i)
        f.scenario.officers[i].name = kNames[i % kNames.size()];
    for (std::size_t i = 0; i < f.scenario.hotspots.size(); ++i) {
        f.scenario.hotspots[i].name = kNames[(i + 6) % kNames.size()];
        f.scenario.hotspots[i].borough = kNames[(i + 3) % kNames.size()];
    }
    for (std::size_t i = 0; i < f.scenario.teams.size(); ++i)
        f.scenario.teams[i].name = kNames[(i + 8) % kNames.size()];
    return f;
}

} // namespace

TEST_CASE("csv: a text field is neutralised when formula-like and quoted when needed", "[csv]")
{
    CHECK(csvTextField("plain") == "plain");
    CHECK(csvTextField("") == "");
    CHECK(csvTextField("a,b") == "\"a,b\"");
    CHECK(csvTextField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvTextField("two\nlines") == "\"two\nlines\"");
    CHECK(csvTextField("=1+1") == "'=1+1");
    CHECK(csvTextField("+1") == "'+1");
    CHECK(csvTextField("-1") == "'-1");
    CHECK(csvTextField("@A1") == "'@A1");
    CHECK(csvTextField("\tx") == "'\tx");
    CHECK(csvTextField("\rx") == "\"'\rx\"");
    CHECK(csvTextField("=a,b") == "\"'=a,b\"");
    CHECK(csvTextField("Zoë") == "Zoë");
    CHECK(csvTextField("x=1") == "x=1"); // only a leading character counts
}

TEST_CASE("csv: the roster reads back exactly through an independent CSV reader", "[csv]")
{
    const Fixture f = awkwardWeek();
    const ScenarioIndex ix(f.scenario);
    lfrtest::ScratchDir dir;
    const auto file = dir / "roster.csv";
    writeFileAtomically(file, rosterCsv(f.scenario, f.deployments));
    const auto rows = readWithPython(file, dir);
    REQUIRE(!rows.empty());
    CHECK(rows[0] == std::vector<std::string>{"date", "weekday", "window_start", "window_end", "hotspot", "borough",
                                              "van", "role", "officer_id", "name", "rank", "team"});
    std::vector<std::vector<std::string>> expected;
    for (const Deployment &d : f.deployments) {
        const Hotspot &h = f.scenario.hotspots[*ix.hotspot(d.hotspot)];
        const Window &w = f.scenario.windows[*ix.window(d.window)];
        for (const CrewAssignment &m : d.crew) {
            const Officer &o = f.scenario.officers[*ix.officer(m.officer)];
            const Team &t = f.scenario.teams[*ix.team(o.team)];
            expected.push_back({formatDate(d.date),
                                std::string(kWeekdayKeys[static_cast<std::size_t>(weekdayIndex(d.date))]),
                                formatClock(w.start), formatClock(w.end), shown(h.name), shown(h.borough), d.van,
                                m.role, m.officer, shown(o.name), std::string(rankName(o.rank)), shown(t.name)});
        }
    }
    REQUIRE(rows.size() == expected.size() + 1);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("row " << i + 1);
        CHECK(rows[i + 1] == expected[i]);
    }
    // Every awkward name that reached the file came back (neutralised where formula-like).
    std::size_t awkward = 0;
    for (const auto &row : rows)
        for (const std::string &name : kNames)
            awkward += row[9] == shown(name) ? 1U : 0U;
    CHECK(awkward == expected.size());
}

TEST_CASE("csv: the schedule reads back exactly through an independent CSV reader", "[csv]")
{
    const Fixture f = awkwardWeek();
    const ScenarioIndex ix(f.scenario);
    lfrtest::ScratchDir dir;
    const auto file = dir / "schedule.csv";
    writeFileAtomically(file, scheduleCsv(f.scenario, f.deployments));
    const auto rows = readWithPython(file, dir);
    REQUIRE(rows.size() == f.deployments.size() + 1);
    CHECK(rows[0].size() == 16);
    for (std::size_t i = 0; i < f.deployments.size(); ++i) {
        const Deployment &d = f.deployments[i];
        const Hotspot &h = f.scenario.hotspots[*ix.hotspot(d.hotspot)];
        const auto &row = rows[i + 1];
        INFO("row " << i + 1);
        CHECK(row[0] == formatDate(d.date));
        CHECK(row[5] == d.hotspot);
        CHECK(row[6] == shown(h.name));
        CHECK(row[7] == shown(h.borough));
        CHECK(row[8] == d.van);
        CHECK(row[9] == std::to_string(d.crew.size()));
        CHECK(std::stod(row[11]) > 0); // numbers stay numbers: never neutralised
        CHECK((row[15] == "yes" || row[15] == "no"));
    }
}

TEST_CASE("csv: lfrplan export-csv writes both files and refuses a plan of another scenario", "[csv][cli]")
{
    lfrtest::ScratchDir dir;
    const Scenario s = readScenario(lfrtest::smallScenarioText());
    Plan plan = solve(s).plan;
    writeFileAtomically(dir / "s.json", writeScenario(s));
    writeFileAtomically(dir / "p.json", writePlan(plan));
    const auto ok =
        lfrtest::runProcess(LFRPLAN_CLI,
                            {"export-csv", (dir / "s.json").string(), (dir / "p.json").string(), "--schedule",
                             (dir / "schedule.csv").string(), "--roster", (dir / "roster.csv").string()},
                            dir);
    INFO(ok.err);
    REQUIRE(ok.exitCode == 0);
    CHECK(readTextFile(dir / "schedule.csv") == scheduleCsv(s, plan.deployments));
    CHECK(readTextFile(dir / "roster.csv") == rosterCsv(s, plan.deployments));
    plan.scenario = "another week";
    writeFileAtomically(dir / "other.json", writePlan(plan));
    const auto refused = lfrtest::runProcess(
        LFRPLAN_CLI,
        {"export-csv", (dir / "s.json").string(), (dir / "other.json").string(), "--roster", (dir / "r2.csv").string()},
        dir);
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("another week") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "r2.csv"));
}
