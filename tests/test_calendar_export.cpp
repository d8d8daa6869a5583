// Calendar export (issue 5): the .ics files pass an independent iCalendar
// parser (Python's icalendar, Debian's python3-icalendar, run as a child
// process), with London times right in winter and summer, text with commas,
// semicolons, newlines and non-ASCII letters intact, and long lines folded.
#include "lfrplan/calendar_export.h"
#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using namespace lfr;

namespace {

// Every VEVENT as Python's icalendar reads it.
nlohmann::json parseWithIcalendar(const std::string &ics, const lfrtest::ScratchDir &dir)
{
    const std::string script =
        "import json, sys\n"
        "from icalendar import Calendar\n"
        "cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
        "out = []\n"
        "for e in cal.walk('VEVENT'):\n"
        "    s, t = e.decoded('DTSTART'), e.decoded('DTEND')\n"
        "    out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'location': str(e['LOCATION']),\n"
        "                'description': str(e['DESCRIPTION']), 'start': s.strftime('%Y-%m-%d %H:%M'),\n"
        "                'start_utc_offset': int(s.utcoffset().total_seconds()),\n"
        "                'end': t.strftime('%Y-%m-%d %H:%M'), 'tz': str(e['DTSTART'].params.get('TZID'))})\n"
        "json.dump({'name': str(cal.get('X-WR-CALNAME')), 'events': out}, sys.stdout, ensure_ascii=False)\n";
    writeFileAtomically(dir / "read.py", script);
    writeFileAtomically(dir / "cal.ics", ics);
    const auto run =
        lfrtest::runProcess("/usr/bin/python3", {(dir / "read.py").string(), (dir / "cal.ics").string()}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    return nlohmann::json::parse(run.out);
}

} // namespace

TEST_CASE("ics: text escaping follows RFC 5545", "[ics]")
{
    CHECK(icsText("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(icsText("one\ntwo\r\nthree") == "one\\ntwo\\nthree");
    CHECK(icsText("Zoë") == "Zoë");
}

TEST_CASE("ics: an officer's duties pass an independent iCalendar parser, winter and summer", "[ics]")
{
    Scenario s = readScenario(lfrtest::smallScenarioText());
    std::vector<Deployment> plan = solve(s).plan.deployments;
    REQUIRE(!plan.empty());
    const std::string officer = plan.front().crew.front().officer;
    const ScenarioIndex ix0(s);
    Officer &o = s.officers[*ix0.officer(officer)];
    o.name = "Zoë O'Neil, \"Sarge\"; night; shift";
    Hotspot &h = s.hotspots[*ix0.hotspot(plan.front().hotspot)];
    h.name = "Elephant & Castle; Walworth, Southwark — a very long name that runs well past seventy-five octets";
    // The same duty in June: British Summer Time.
    Deployment summer = plan.front();
    summer.date = *parseDate("2026-06-15");
    plan.push_back(summer);

    lfrtest::ScratchDir dir;
    const std::string ics = officerCalendar(s, plan, officer, {"20261126T120000Z"});
    for (std::size_t at = 0, next; at < ics.size(); at = next + 2) { // every line <= 75 octets, CRLF ended
        next = ics.find("\r\n", at);
        REQUIRE(next != std::string::npos);
        CHECK(next - at <= 75);
    }
    const nlohmann::json cal = parseWithIcalendar(ics, dir);
    CHECK(cal["name"] == "LFR duties: " + o.name + " (" + o.id + ")");
    const ScenarioIndex ix(s);
    std::size_t duties = 0;
    for (const Deployment &d : plan)
        for (const CrewAssignment &m : d.crew)
            duties += m.officer == officer ? 1U : 0U;
    REQUIRE(cal["events"].size() == duties);
    const Window &w = s.windows[*ix.window(plan.front().window)];
    const nlohmann::json &winter = cal["events"][0];
    CHECK(winter["tz"] == "Europe/London");
    CHECK(winter["start"] == formatDate(plan.front().date) + " " + formatClock(w.start));
    CHECK(winter["end"] == formatDate(plan.front().date) + " " + formatClock(w.end));
    CHECK(winter["start_utc_offset"] == 0);
    CHECK(winter["location"] == h.name + ", " + h.borough);
    CHECK(winter["summary"].get<std::string>().find(h.name) != std::string::npos);
    const nlohmann::json &june = cal["events"].back();
    CHECK(june["start"] == "2026-06-15 " + formatClock(w.start));
    CHECK(june["start_utc_offset"] == 3600);
    CHECK(june["uid"] != winter["uid"]);
}

TEST_CASE("ics: a team's calendar names its officers, and a window past midnight ends the next day", "[ics]")
{
    Scenario s = readScenario(lfrtest::smallScenarioText());
    std::vector<Deployment> plan = solve(s).plan.deployments;
    REQUIRE(!plan.empty());
    const ScenarioIndex ix0(s);
    Window &w = s.windows[*ix0.window(plan.front().window)];
    w.start = *parseClock("22:00");
    w.end = *parseClock("02:00");
    const Officer &member = s.officers[*ix0.officer(plan.front().crew.front().officer)];
    const std::string team = member.team;
    lfrtest::ScratchDir dir;
    const nlohmann::json cal = parseWithIcalendar(teamCalendar(s, plan, team, {"20261126T120000Z"}), dir);
    REQUIRE(!cal["events"].empty());
    const nlohmann::json &first = cal["events"][0];
    CHECK(first["start"] == formatDate(plan.front().date) + " 22:00");
    CHECK(first["end"] == formatDate(Date{plan.front().date.days + 1}) + " 02:00");
    CHECK(first["description"].get<std::string>().find(member.name + " (" + member.id + ")") != std::string::npos);
    CHECK_THROWS_AS(teamCalendar(s, plan, "no-such-team"), InputError);
    CHECK_THROWS_AS(officerCalendar(s, plan, "no-such-officer"), InputError);
}

TEST_CASE("ics: an event's UID survives renaming the scenario, and differs per deployment and per person", "[ics]")
{
    // Issue 18, finding 12: the UID held a hash of the scenario name, so a
    // renamed scenario's calendar doubled every event when imported again.
    Scenario s = readScenario(lfrtest::smallScenarioText());
    const std::vector<Deployment> plan = solve(s).plan.deployments;
    REQUIRE(plan.size() >= 2);
    const std::string officer = plan.front().crew.front().officer;
    const ScenarioIndex ix(s);
    const std::string team = s.officers[*ix.officer(officer)].team;
    lfrtest::ScratchDir dir;
    const auto uids = [&](const std::string &ics) {
        std::vector<std::string> out;
        const nlohmann::json cal = parseWithIcalendar(ics, dir);
        for (const nlohmann::json &e : cal["events"])
            out.push_back(e["uid"].get<std::string>());
        return out;
    };
    const std::vector<std::string> before = uids(officerCalendar(s, plan, officer, {"20261126T120000Z"}));
    const std::vector<std::string> teamBefore = uids(teamCalendar(s, plan, team, {"20261126T120000Z"}));
    s.name = "Renamed week, after review";
    CHECK(uids(officerCalendar(s, plan, officer, {"20261126T120000Z"})) == before);
    CHECK(uids(teamCalendar(s, plan, team, {"20261126T120000Z"})) == teamBefore);
    REQUIRE(!before.empty());
    CHECK(before.front().find(formatDate(plan.front().date) + "/" + plan.front().window + "/" + plan.front().hotspot) !=
          std::string::npos);
    std::set<std::string> distinct(teamBefore.begin(), teamBefore.end());
    CHECK(distinct.size() == teamBefore.size());
    for (const std::string &uid : before)
        CHECK(std::find(teamBefore.begin(), teamBefore.end(), uid) == teamBefore.end());
}
