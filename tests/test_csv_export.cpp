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

#include <algorithm>
#include <filesystem>
#include <tuple>

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
    // Issue 18, finding 10: the key and the ids the schedule has too.
    CHECK(rows[0] == std::vector<std::string>{"deployment", "date", "weekday", "window", "start", "end", "hotspot_id",
                                              "hotspot", "borough", "van_id", "van", "role", "officer_id", "name",
                                              "rank", "team_id", "team"});
    std::vector<std::vector<std::string>> expected;
    for (const std::size_t i : csvRowOrder(f.scenario, f.deployments)) {
        const Deployment &d = f.deployments[i];
        const Hotspot &h = f.scenario.hotspots[*ix.hotspot(d.hotspot)];
        const Window &w = f.scenario.windows[*ix.window(d.window)];
        for (const CrewAssignment &m : d.crew) {
            const Officer &o = f.scenario.officers[*ix.officer(m.officer)];
            const Team &t = f.scenario.teams[*ix.team(o.team)];
            expected.push_back({formatDate(d.date) + "/" + d.window + "/" + d.hotspot, formatDate(d.date),
                                std::string(kWeekdayKeys[static_cast<std::size_t>(weekdayIndex(d.date))]), d.window,
                                formatClock(w.start), formatClock(w.end), d.hotspot, shown(h.name), shown(h.borough),
                                d.van, ix.vanLabel(d.van), m.role, m.officer, shown(o.name),
                                std::string(rankName(o.rank)), o.team, shown(t.name)});
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
            awkward += row[13] == shown(name) ? 1U : 0U;
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
    CHECK(rows[0].size() == 18);
    CHECK(rows[0][0] == "deployment");
    const std::vector<std::size_t> order = csvRowOrder(f.scenario, f.deployments);
    for (std::size_t i = 0; i < f.deployments.size(); ++i) {
        const Deployment &d = f.deployments[order[i]];
        const Hotspot &h = f.scenario.hotspots[*ix.hotspot(d.hotspot)];
        const auto &row = rows[i + 1];
        INFO("row " << i + 1);
        CHECK(row[0] == formatDate(d.date) + "/" + d.window + "/" + d.hotspot);
        CHECK(row[1] == formatDate(d.date));
        CHECK(row[3] == d.window);
        CHECK(row[6] == d.hotspot);
        CHECK(row[7] == shown(h.name));
        CHECK(row[8] == shown(h.borough));
        CHECK(row[9] == d.van);
        CHECK(row[11] == std::to_string(d.crew.size()));
        CHECK(std::stod(row[13]) > 0); // numbers stay numbers: never neutralised
        CHECK((row[17] == "yes" || row[17] == "no"));
    }
}

TEST_CASE("csv: rows go by date, window start and van, whatever the plan's order", "[csv]")
{
    Fixture f = awkwardWeek();
    REQUIRE(f.deployments.size() >= 2);
    std::reverse(f.deployments.begin(), f.deployments.end());
    const ScenarioIndex ix(f.scenario);
    lfrtest::ScratchDir dir;
    writeFileAtomically(dir / "schedule.csv", scheduleCsv(f.scenario, f.deployments));
    const auto rows = readWithPython(dir / "schedule.csv", dir);
    REQUIRE(rows.size() == f.deployments.size() + 1);
    for (std::size_t i = 2; i < rows.size(); ++i) {
        INFO("rows " << i - 1 << " and " << i);
        const auto key = [&](const std::vector<std::string> &row) {
            return std::tuple(row[1], row[4], row[3], row[9]); // date, start "HH:MM", window, van
        };
        CHECK_FALSE(key(rows[i]) < key(rows[i - 1]));
    }
    // The roster's deployment keys come in the schedule's order.
    writeFileAtomically(dir / "roster.csv", rosterCsv(f.scenario, f.deployments));
    const auto roster = readWithPython(dir / "roster.csv", dir);
    std::vector<std::string> scheduleKeys;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i][11] != "0")
            scheduleKeys.push_back(rows[i][0]);
    std::vector<std::string> rosterKeys;
    for (std::size_t i = 1; i < roster.size(); ++i)
        if (rosterKeys.empty() || rosterKeys.back() != roster[i][0])
            rosterKeys.push_back(roster[i][0]);
    CHECK(rosterKeys == scheduleKeys);
}

TEST_CASE("csv: the Excel flavour is the same text after a UTF-8 byte order mark", "[csv]")
{
    const Fixture f = awkwardWeek();
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(scheduleCsv(f.scenario, f.deployments, CsvFlavour::Excel) == bom + scheduleCsv(f.scenario, f.deployments));
    CHECK(rosterCsv(f.scenario, f.deployments, CsvFlavour::Excel) == bom + rosterCsv(f.scenario, f.deployments));
    CHECK(scheduleCsv(f.scenario, f.deployments).rfind(bom, 0) == std::string::npos);
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

TEST_CASE("csv: LibreOffice converts both forms to xlsx with the documented filter and every name reads back",
          "[csv][cli]")
{
    // Issue 18, finding 11: headless LibreOffice read the UTF-8 file as
    // Windows-1252 ("Zoë" came back "ZoÃ«"). docs/cli.md gives the filter
    // options; --excel adds the byte order mark Excel needs. Both are
    // converted here as documented and read back with openpyxl.
    Fixture f = awkwardWeek();
    // Names may not hold control characters (issue 18, finding 16): the
    // file carries the awkward names that a scenario may hold.
    const auto printable = [](std::string &name) {
        if (name.find_first_of("\t\r\n") != std::string::npos)
            name = "Zoë Łukasiewicz-Ñúñez 王, \"Sarge\"";
    };
    for (Officer &o : f.scenario.officers)
        printable(o.name);
    for (Hotspot &h : f.scenario.hotspots) {
        printable(h.name);
        printable(h.borough);
    }
    for (Team &t : f.scenario.teams)
        printable(t.name);
    lfrtest::ScratchDir dir;
    writeFileAtomically(dir / "s.json", writeScenario(f.scenario));
    writeFileAtomically(dir / "p.json", writePlan(solve(f.scenario).plan));
    for (const bool excel : {false, true}) {
        std::vector<std::string> args = {"export-csv", (dir / "s.json").string(), (dir / "p.json").string(), "--roster",
                                         (dir / (excel ? "excel.csv" : "plain.csv")).string()};
        if (excel)
            args.push_back("--excel");
        const auto run = lfrtest::runProcess(LFRPLAN_CLI, args, dir);
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
    }
    REQUIRE(readTextFile(dir / "excel.csv").rfind("\xEF\xBB\xBF", 0) == 0);
    std::filesystem::create_directories(dir / "home");
    std::filesystem::create_directories(dir / "xlsx");
    REQUIRE(std::filesystem::exists("/usr/bin/soffice")); // from the set-up's test packages
    const auto converted =
        lfrtest::runProcess("/usr/bin/env",
                            {"HOME=" + (dir / "home").string(), "/usr/bin/soffice", "--headless",
                             "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", (dir / "xlsx").string(),
                             (dir / "plain.csv").string(), (dir / "excel.csv").string()},
                            dir);
    INFO(converted.out << converted.err);
    REQUIRE(converted.exitCode == 0);
    const std::string script = "import json, sys, openpyxl\n"
                               "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                               "json.dump([['' if c.value is None else str(c.value) for c in r] "
                               "for r in ws.iter_rows()], sys.stdout, ensure_ascii=False)\n";
    writeFileAtomically(dir / "xlsx.py", script);
    const ScenarioIndex ix(f.scenario);
    for (const char *name : {"plain", "excel"}) {
        INFO(name);
        const auto read = lfrtest::runProcess(
            "/usr/bin/python3", {(dir / "xlsx.py").string(), (dir / "xlsx" / (std::string(name) + ".xlsx")).string()},
            dir);
        INFO(read.err);
        REQUIRE(read.exitCode == 0);
        const auto rows = nlohmann::json::parse(read.out).get<std::vector<std::vector<std::string>>>();
        REQUIRE(rows.size() >= 2);
        CHECK(rows[0][0] == "deployment"); // the byte order mark is not part of the first header
        std::size_t names = 0;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const std::string officerId = rows[r][12];
            const Officer &o = f.scenario.officers[*ix.officer(officerId)];
            // The spreadsheet shows the text; a neutralised one keeps its apostrophe.
            const std::string want = shown(o.name);
            const std::string got = rows[r][13];
            CHECK(got == want);
            names += got == want ? 1U : 0U;
        }
        CHECK(names == rows.size() - 1);
    }
}
