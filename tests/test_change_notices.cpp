// Issue 20, part 3: change notices. What changed per officer and per team
// since the published version (added, removed, moved, changed under them),
// the CSV, and calendar files that update, in place, a calendar that
// imported the published version: read with Python's icalendar
// (python3-icalendar) and applied as a calendar program would.
#include "lfrplan/change_notices.h"
#include "lfrplan/dates.h"
#include "lfrplan/file_io.h"
#include "lfrplan/publishing.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/validator.h"

#include "change_notice_fixtures.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <sys/stat.h>

using namespace lfr;

using namespace lfrtest;

TEST_CASE("changes: per officer, duties added, removed, moved, and changed under them", "[changes]")
{
    const Scenario s = noticeWeek();
    REQUIRE(validatePlan(s, publishedWeek()).valid());
    REQUIRE(validatePlan(s, savedWeek()).valid());
    const std::vector<DutyChange> changes = dutyChanges(comparePlans(publishedWeek(), savedWeek()));
    std::vector<std::string> got;
    for (const DutyChange &c : changes)
        got.push_back(summary(c));
    CHECK(got == std::vector<std::string>{
                     "S1 changed soho/V1/lead -> soho/V3/lead", "S2 changed soho/V1/operator -> soho/V3/operator",
                     "S4 removed camden/V2/operator", "W2 removed oxford/V1/operator", "W3 removed brixton/V2/lead",
                     "W4 moved brixton/V2/operator -> camden/V2/operator", "W5 added -> oxford/V1/operator"});
    const auto words = [&](const std::string &officer) {
        for (const DutyChange &c : changes)
            if (c.officer == officer)
                return dutyChangeWords(s, c);
        return std::string();
    };
    CHECK(words("W4") == "moved: from Brixton, Mon 7 Dec, day (operator) to Camden, Wed 9 Dec, day (operator)");
    CHECK(words("S1") == "changed: Soho, Old Compton St, Tue 8 Dec, day (lead): van V3 replaces van V1");
    CHECK(words("W3") == "removed: Brixton, Mon 7 Dec, day (lead)");
    CHECK(words("W5") == "added: Oxford Circus, Mon 7 Dec, day (operator)");

    const std::vector<TeamChanges> teams = teamChanges(s, changes);
    REQUIRE(teams.size() == 2);
    CHECK(teams[0].team == "south");
    CHECK((teams[0].officers == 3 && teams[0].changed == 2 && teams[0].removed == 1 && teams[0].added == 0));
    CHECK(teams[1].team == "west");
    CHECK((teams[1].officers == 4 && teams[1].added == 1 && teams[1].removed == 2 && teams[1].moved == 1 &&
           teams[1].changed == 0));

    // A role swapped inside a kept deployment is a change of both duties.
    std::vector<Deployment> swapped = publishedWeek();
    std::swap(swapped[0].crew[0].role, swapped[0].crew[1].role);
    const std::vector<DutyChange> roles = dutyChanges(comparePlans(publishedWeek(), swapped));
    REQUIRE(roles.size() == 2);
    CHECK(roles[0].officer == "W1");
    CHECK((roles[0].kind == DutyChange::Kind::Changed && roles[0].roleChanged() && !roles[0].vanChanged()));
    CHECK(dutyChangeWords(s, roles[1]) == "changed: Oxford Circus, Mon 7 Dec, day (lead): role lead (was operator)");
    CHECK(dutyChanges(comparePlans(publishedWeek(), publishedWeek())).empty());
}

TEST_CASE("changes: the CSV has a row per duty change, quoted and guarded against formulas", "[changes]")
{
    const Scenario s = noticeWeek();
    const std::string csv = dutyChangesCsv(s, dutyChanges(comparePlans(publishedWeek(), savedWeek())), 1);
    CHECK(csv.rfind("published_version,officer_id,name,team_id,team,change,before_deployment,before_date,"
                    "before_window,before_hotspot_id,before_hotspot,before_role,before_van,after_deployment,"
                    "after_date,after_window,after_hotspot_id,after_hotspot,after_role,after_van\r\n",
                    0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 8); // header and 7 changes
    CHECK(contains(csv, "\r\n1,W4,Officer W4,west,West End,moved,2026-12-07/day/brixton,2026-12-07,day,brixton,"
                        "Brixton,operator,V2,2026-12-09/day/camden,2026-12-09,day,camden,Camden,operator,V2\r\n"));
    CHECK(contains(csv, "\r\n1,W5,\"'=HYPERLINK(\"\"x\"\")\",west,West End,added,,,,,,,,2026-12-07/day/oxford,"));
    CHECK(contains(csv, "\r\n1,S1,Officer S1,south,South,changed,2026-12-08/day/soho,2026-12-08,day,soho,"
                        "\"Soho, Old Compton St\",lead,V1,"));
    CHECK(contains(csv, "\r\n1,S4,Officer S4,south,South,removed,2026-12-09/day/camden,2026-12-09,day,camden,Camden,"
                        "operator,V2,,,,,,,\r\n"));
}

TEST_CASE("changes: notice file names are safe and never shared", "[changes]")
{
    CHECK(safeFileName("MP1001") == "MP1001");
    CHECK(safeFileName("a.b-c_d") == "a.b-c_d");
    const std::string slash = safeFileName("../etc/passwd");
    CHECK(slash.find('/') == std::string::npos);
    CHECK(slash.front() != '.');
    CHECK(safeFileName("a/b") != safeFileName("a_b"));
    CHECK(safeFileName("a/b") != safeFileName("a:b"));
    CHECK(safeFileName(std::string(100, 'x')).size() <= 60);
    CHECK(safeFileName("-rf").front() != '-');
    CHECK(publishedSequence(1) < noticeSequence(1));
    CHECK(noticeSequence(1) < publishedSequence(2));
}

TEST_CASE("cli: changes prints per deployment, team and officer, and says when nothing changed", "[changes][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = storedNoticeWeek(dir);
    auto run = lfrtest::runProcess(LFRPLAN_CLI, {"changes", db, "Notice week"}, dir);
    INFO(run.out << run.err);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "changes since published version 1 of scenario \"Notice week\""));
    CHECK(contains(run.out, "W5 (=HYPERLINK(\"x\")) replaces W2 (Officer W2) in Oxford Circus, Mon 7 Dec, day"));
    CHECK(contains(run.out, "removed: Brixton, Mon 7 Dec, day"));
    CHECK(contains(run.out, "van V3 replaces van V1 in Soho, Old Compton St, Tue 8 Dec, day"));
    CHECK(contains(run.out, "W4 (Officer W4):\n      moved: from Brixton, Mon 7 Dec, day (operator) to Camden, "
                            "Wed 9 Dec, day (operator)\n"));
    // The team table: officers, added, removed, moved, changed; the team
    // column as wide as the longest name ("West End (west)": 15).
    char row[256];
    std::snprintf(row, sizeof row, "  %-15s %8d %6d %8d %6d %8d\n", "West End (west)", 4, 1, 2, 1, 0);
    CHECK(contains(run.out, row));
    std::snprintf(row, sizeof row, "  %-15s %8d %6d %8d %6d %8d\n", "South (south)", 3, 0, 1, 0, 2);
    CHECK(contains(run.out, row));
    CHECK(contains(run.out, "  team            officers  added  removed  moved  changed\n"));

    lfrtest::ScratchDir same;
    const std::string unchanged = storedNoticeWeek(same, false);
    run = lfrtest::runProcess(LFRPLAN_CLI, {"changes", unchanged, "Notice week", "--csv", (same / "c.csv").string()},
                              same);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "no changes since version 1"));
    CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 1);
    CHECK(readTextFile(same / "c.csv").find("\r\n") == readTextFile(same / "c.csv").size() - 2); // the header only
}
