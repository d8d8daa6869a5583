#include "lfrplan/calendar_export.h"
#include "lfrplan/csv_export.h"

#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_index.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

namespace lfr {

namespace {

// Appends a content line, folded at 75 octets (never inside a UTF-8
// sequence), ending in CRLF.
void line(std::string &out, const std::string &content)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < content.size();) {
        std::size_t len = 1; // the UTF-8 sequence starting at i
        const auto c = static_cast<unsigned char>(content[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (width + len > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(content, i, len);
        width += len;
        i += len;
    }
    out += "\r\n";
}

std::string stampNow()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return buffer;
}

// "20261207T110000" for a date and a clock (minutes); a clock of 24:00 or
// more runs into the next day.
std::string localTime(Date date, int minutes)
{
    const Date day{date.days + minutes / (24 * 60)};
    const int m = minutes % (24 * 60);
    std::string d = formatDate(day); // YYYY-MM-DD
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%s%sT%02d%02d00", d.substr(0, 4).c_str(), d.substr(5, 2).c_str(),
                  d.substr(8, 2).c_str(), m / 60, m % 60);
    return buffer;
}

void begin(std::string &out, const std::string &name, const char *method = "PUBLISH")
{
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//lfrplan//lfrplan " LFRPLAN_VERSION "//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, std::string("METHOD:") + method);
    line(out, "X-WR-CALNAME:" + icsText(name));
    line(out, "X-WR-TIMEZONE:Europe/London");
    // Europe/London since 1996: BST from the last Sunday of March 01:00 UTC
    // to the last Sunday of October 01:00 UTC.
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:Europe/London");
    line(out, "BEGIN:DAYLIGHT");
    line(out, "TZOFFSETFROM:+0000");
    line(out, "TZOFFSETTO:+0100");
    line(out, "TZNAME:BST");
    line(out, "DTSTART:19700329T010000");
    line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    line(out, "END:DAYLIGHT");
    line(out, "BEGIN:STANDARD");
    line(out, "TZOFFSETFROM:+0100");
    line(out, "TZOFFSETTO:+0000");
    line(out, "TZNAME:GMT");
    line(out, "DTSTART:19701025T020000");
    line(out, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
}

struct Event {
    std::string uid, summary, description;
    const char *status = "CONFIRMED";
};

void event(std::string &out, const ScenarioIndex &ix, const Deployment &d, const Event &e, const std::string &stamp,
           const std::optional<int> &sequence)
{
    const Scenario &sc = ix.scenario();
    const auto h = ix.hotspot(d.hotspot);
    const auto w = ix.window(d.window);
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid);
    line(out, "DTSTAMP:" + stamp);
    if (sequence)
        line(out, "SEQUENCE:" + std::to_string(*sequence));
    if (w) {
        const Window &win = sc.windows[*w];
        int end = win.end.minutes;
        if (end <= win.start.minutes)
            end += 24 * 60; // a window past midnight ends the next day
        line(out, "DTSTART;TZID=Europe/London:" + localTime(d.date, win.start.minutes));
        line(out, "DTEND;TZID=Europe/London:" + localTime(d.date, end));
    }
    line(out, "SUMMARY:" + icsText(e.summary));
    if (h) {
        const Hotspot &hs = sc.hotspots[*h];
        line(out, "LOCATION:" + icsText(hs.name + (hs.borough.empty() ? "" : ", " + hs.borough)));
        char geo[64];
        std::snprintf(geo, sizeof geo, "GEO:%.6f;%.6f", hs.location.lat, hs.location.lon);
        line(out, geo);
    }
    line(out, "DESCRIPTION:" + icsText(e.description));
    line(out, std::string("STATUS:") + e.status);
    line(out, "END:VEVENT");
}

// What the event is, never what the scenario is called (issue 18, finding
// 12): the deployment's date, window and hotspot (unique in a plan) and whose
// calendar it is. A renamed or cloned scenario's calendar updates the same
// events in a calendar program instead of adding a second copy of each.
std::string uidFor(const Deployment &d, std::string_view who)
{
    return "lfrplan/" + deploymentKey(d) + "/" + std::string(who) + "@lfrplan";
}

// The event of one officer's duty (officerCalendar, officerCancellation).
Event dutyEvent(const ScenarioIndex &ix, const Deployment &d, const CrewAssignment &m)
{
    const std::string place = ix.hotspotName(d.hotspot);
    return {uidFor(d, m.officer), "LFR deployment: " + place + " (" + m.role + ")",
            "Live facial recognition deployment at " + place + ". Role: " + m.role + ". Van: " + d.van + ". Crew of " +
                std::to_string(d.crew.size()) + ". Scenario: " + ix.scenario().name + ".",
            "CONFIRMED"};
}

} // namespace

std::string icsText(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            out += "\\n";
            ++i;
        } else if (c == '\n' || c == '\r') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            continue; // other control characters are not allowed in TEXT
        } else {
            out += c;
        }
    }
    return out;
}

std::string officerCalendar(const Scenario &scenario, const std::vector<Deployment> &deployments,
                            std::string_view officer, const CalendarOptions &options)
{
    const ScenarioIndex ix(scenario);
    const auto o = ix.officer(officer);
    if (!o)
        throw InputError("officer", "the scenario has no officer \"" + std::string(officer) + "\"");
    const Officer &who = scenario.officers[*o];
    const std::string stamp = options.stamp.empty() ? stampNow() : options.stamp;
    std::string out;
    begin(out, "LFR duties: " + who.name + " (" + who.id + ")");
    for (const Deployment &d : deployments)
        for (const CrewAssignment &m : d.crew)
            if (m.officer == officer)
                event(out, ix, d, dutyEvent(ix, d, m), stamp, options.sequence);
    line(out, "END:VCALENDAR");
    return out;
}

std::string officerCancellation(const Scenario &scenario, const Deployment &deployment, std::string_view officer,
                                const CalendarOptions &options)
{
    const ScenarioIndex ix(scenario);
    const auto o = ix.officer(officer);
    const std::string who = o && !scenario.officers[*o].name.empty()
                                ? scenario.officers[*o].name + " (" + std::string(officer) + ")"
                                : std::string(officer);
    const std::string stamp = options.stamp.empty() ? stampNow() : options.stamp;
    std::string out;
    begin(out, "LFR duties: " + who, "CANCEL");
    for (const CrewAssignment &m : deployment.crew)
        if (m.officer == officer) {
            Event e = dutyEvent(ix, deployment, m);
            e.summary = "Cancelled: " + e.summary;
            e.status = "CANCELLED";
            event(out, ix, deployment, e, stamp, options.sequence);
            break; // one VEVENT per CANCEL (RFC 5546 3.2.5)
        }
    line(out, "END:VCALENDAR");
    return out;
}

std::string teamCalendar(const Scenario &scenario, const std::vector<Deployment> &deployments, std::string_view team,
                         const CalendarOptions &options)
{
    const ScenarioIndex ix(scenario);
    const auto t = ix.team(team);
    if (!t)
        throw InputError("team", "the scenario has no team \"" + std::string(team) + "\"");
    const std::string stamp = options.stamp.empty() ? stampNow() : options.stamp;
    std::string out;
    begin(out, "LFR duties: " + ix.teamName(team));
    for (const Deployment &d : deployments) {
        std::string members;
        int count = 0;
        for (const CrewAssignment &m : d.crew) {
            const auto o = ix.officer(m.officer);
            if (!o || scenario.officers[*o].team != team)
                continue;
            members += (count++ ? "\n" : "") + scenario.officers[*o].name + " (" + m.officer + "), " + m.role;
        }
        if (count == 0)
            continue;
        const std::string place = ix.hotspotName(d.hotspot);
        event(out, ix, d,
              {uidFor(d, team),
               "LFR deployment: " + place + " (" + std::to_string(count) + " from " + ix.teamName(team) + ")",
               "Live facial recognition deployment at " + place + ". Van: " + d.van + ". Officers of the team:\n" +
                   members,
               "CONFIRMED"},
              stamp, options.sequence);
    }
    line(out, "END:VCALENDAR");
    return out;
}

} // namespace lfr
