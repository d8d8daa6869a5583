// The strict reader of lfrplan-scenario/1: checks every rule of
// docs/planning-problem.md sections 1 and 5 and stops at the first fault.
#include "lfrplan/scenario_io.h"

#include "json_fields.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <new>

namespace lfr {

using namespace jsonfields;

namespace {

// Unique ids of one list, for reference checks.
class IdSet {
public:
    void add(const std::string &id, const std::string &path, std::string_view what)
    {
        if (!ids_.insert(id).second)
            fail(path, "duplicate " + std::string(what) + " id \"" + id + "\"");
    }
    bool contains(const std::string &id) const { return ids_.count(id) != 0; }

private:
    std::unordered_set<std::string> ids_;
};

class JsonScenarioReader {
public:
    Scenario read(const json &root)
    {
        requireObject(root, "");
        checkKeys(root, "",
                  {"format", "name", "dates", "policy", "windows", "shifts", "roles", "crew", "teams", "officers",
                   "hotspots", "vans", "pinned"});
        const std::string format = asString(member(root, "", "format"), "format");
        if (format != kScenarioFormat)
            fail("format", "must be \"" + std::string(kScenarioFormat) + "\", not " + quotedText(format));
        s_.name = asName(member(root, "", "name"), "name");
        readDates(member(root, "", "dates"));
        if (const json *policy = optionalMember(root, "policy"))
            readPolicy(*policy);
        readList(member(root, "", "windows"), "windows",
                 [this](const json &v, const std::string &p) { readWindow(v, p); });
        readList(member(root, "", "shifts"), "shifts",
                 [this](const json &v, const std::string &p) { readShift(v, p); });
        readList(member(root, "", "roles"), "roles", [this](const json &v, const std::string &p) { readRole(v, p); });
        s_.crew = readCrew(member(root, "", "crew"), "crew");
        readList(member(root, "", "teams"), "teams", [this](const json &v, const std::string &p) { readTeam(v, p); });
        readList(member(root, "", "officers"), "officers",
                 [this](const json &v, const std::string &p) { readOfficer(v, p); });
        readList(member(root, "", "hotspots"), "hotspots",
                 [this](const json &v, const std::string &p) { readHotspot(v, p); });
        readList(member(root, "", "vans"), "vans", [this](const json &v, const std::string &p) { readVan(v, p); });
        if (const json *pinned = optionalMember(root, "pinned"); pinned && !pinned->is_null())
            readList(*pinned, "pinned", [this](const json &v, const std::string &p) { readPin(v, p); });
        return std::move(s_);
    }

private:
    template <typename Fn> void readList(const json &value, const std::string &path, Fn &&fn)
    {
        requireArray(value, path);
        for (std::size_t i = 0; i < value.size(); ++i)
            fn(value[i], jsonPathIndex(path, i));
    }

    Date horizonDate(const json &value, const std::string &path)
    {
        const Date date = asDate(value, path);
        requireInHorizon(date, path);
        return date;
    }

    void requireInHorizon(Date date, const std::string &path) const
    {
        if (!std::binary_search(s_.dates.begin(), s_.dates.end(), date))
            fail(path, "date " + formatDate(date) + " is not one of the scenario's dates");
    }

    void readDates(const json &value)
    {
        requireArray(value, "dates");
        if (value.empty())
            fail("dates", "must list at least 1 date");
        if (value.size() > 366)
            fail("dates", "lists " + std::to_string(value.size()) + " dates; at most 366 are allowed");
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string path = jsonPathIndex("dates", i);
            const Date date = asDate(value[i], path);
            if (!s_.dates.empty() && date <= s_.dates.back())
                fail(path, "dates must be ascending and unique: " + formatDate(date) + " follows " +
                               formatDate(s_.dates.back()));
            s_.dates.push_back(date);
        }
    }

    void readPolicy(const json &value)
    {
        const std::string path = "policy";
        requireObject(value, path);
        checkKeys(value, path,
                  {"max_deployments", "max_days", "max_per_date", "max_duties_per_officer", "travel_weight"});
        Policy &p = s_.policy;
        p.maxDeployments = countOr(value, path, "max_deployments", p.maxDeployments);
        p.maxDays = countOr(value, path, "max_days", p.maxDays);
        p.maxPerDate = optionalCount(value, path, "max_per_date");
        p.maxDutiesPerOfficer = countOr(value, path, "max_duties_per_officer", p.maxDutiesPerOfficer);
        if (const json *w = optionalMember(value, "travel_weight")) {
            p.travelWeight = asNumber(*w, "policy.travel_weight");
            if (p.travelWeight < 0)
                fail("policy.travel_weight", "must be >= 0, not " + w->dump());
        }
    }

    void readWindow(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"id", "start", "end"});
        Window w;
        w.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        windowIds_.add(w.id, jsonPathKey(path, "id"), "window");
        w.start = asClock(member(value, path, "start"), jsonPathKey(path, "start"));
        w.end = asClock(member(value, path, "end"), jsonPathKey(path, "end"));
        if (!(w.start < w.end))
            fail(jsonPathKey(path, "end"), "window \"" + w.id + "\" must end after it starts (" + formatClock(w.start) +
                                               "-" + formatClock(w.end) + ")");
        s_.windows.push_back(std::move(w));
    }

    void readShift(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"id", "start", "end"});
        Shift sh;
        sh.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        shiftIds_.add(sh.id, jsonPathKey(path, "id"), "shift");
        sh.start = asClock(member(value, path, "start"), jsonPathKey(path, "start"));
        sh.end = asClock(member(value, path, "end"), jsonPathKey(path, "end"));
        s_.shifts.push_back(std::move(sh));
    }

    void readRole(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"id", "min_rank", "skill"});
        Role r;
        r.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        roleIds_.add(r.id, jsonPathKey(path, "id"), "role");
        if (auto rank = optionalString(value, path, "min_rank")) {
            r.minRank = parseRank(*rank);
            if (!r.minRank)
                fail(jsonPathKey(path, "min_rank"),
                     "unknown rank " + quotedText(*rank) + " (ranks: PC, PS, Insp, CI, Supt, CS, Cmdr)");
        }
        r.skill = optionalName(value, path, "skill");
        s_.roles.push_back(std::move(r));
    }

    CrewMap readCrew(const json &value, const std::string &path)
    {
        requireObject(value, path);
        CrewMap crew;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string rolePath = jsonPathKey(path, it.key());
            if (!roleIds_.contains(it.key()))
                fail(rolePath, "unknown role \"" + it.key() + "\"");
            crew[it.key()] = asCount(it.value(), rolePath);
        }
        return crew;
    }

    GeoPoint readPoint(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"lat", "lon"});
        GeoPoint p;
        p.lat = asNumber(member(value, path, "lat"), jsonPathKey(path, "lat"));
        p.lon = asNumber(member(value, path, "lon"), jsonPathKey(path, "lon"));
        if (p.lat < -90 || p.lat > 90)
            fail(jsonPathKey(path, "lat"), "latitude must be between -90 and 90");
        if (p.lon < -180 || p.lon > 180)
            fail(jsonPathKey(path, "lon"), "longitude must be between -180 and 180");
        return p;
    }

    void readTeam(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"id", "name", "base", "min_on_duty", "max_abstracted"});
        Team t;
        t.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        teamIds_.add(t.id, jsonPathKey(path, "id"), "team");
        t.name = asName(member(value, path, "name"), jsonPathKey(path, "name"));
        t.base = readPoint(member(value, path, "base"), jsonPathKey(path, "base"));
        t.minOnDuty = countOr(value, path, "min_on_duty", 0);
        t.maxAbstracted = optionalCount(value, path, "max_abstracted");
        s_.teams.push_back(std::move(t));
    }

    void readOfficer(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"id", "name", "rank", "team", "skills", "roster", "max_duties"});
        Officer o;
        o.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        officerIds_.add(o.id, jsonPathKey(path, "id"), "officer");
        o.name = asName(member(value, path, "name"), jsonPathKey(path, "name"));
        const std::string rankPath = jsonPathKey(path, "rank");
        const std::string rank = asString(member(value, path, "rank"), rankPath);
        const auto parsed = parseRank(rank);
        if (!parsed)
            fail(rankPath, "unknown rank " + quotedText(rank) + " (ranks: PC, PS, Insp, CI, Supt, CS, Cmdr)");
        o.rank = *parsed;
        const std::string teamPath = jsonPathKey(path, "team");
        o.team = asId(member(value, path, "team"), teamPath);
        if (!teamIds_.contains(o.team))
            fail(teamPath, "unknown team \"" + o.team + "\"");
        const std::string skillsPath = jsonPathKey(path, "skills");
        const json &skills = member(value, path, "skills");
        requireArray(skills, skillsPath);
        for (std::size_t i = 0; i < skills.size(); ++i)
            o.skills.push_back(asName(skills[i], jsonPathIndex(skillsPath, i)));
        const std::string rosterPath = jsonPathKey(path, "roster");
        const json &roster = member(value, path, "roster");
        requireObject(roster, rosterPath);
        for (auto it = roster.begin(); it != roster.end(); ++it) {
            const std::string entryPath = jsonPathKey(rosterPath, it.key());
            const Date date = parseDateAt(it.key(), entryPath);
            requireInHorizon(date, entryPath);
            const std::string shift = asId(it.value(), entryPath);
            if (!shiftIds_.contains(shift))
                fail(entryPath, "unknown shift \"" + shift + "\"");
            o.roster.emplace(date, shift);
        }
        o.maxDuties = optionalCount(value, path, "max_duties");
        s_.officers.push_back(std::move(o));
    }

    std::vector<Date> readDateList(const json &value, const std::string &path)
    {
        requireArray(value, path);
        std::vector<Date> out;
        std::set<Date> seen;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string itemPath = jsonPathIndex(path, i);
            const Date date = horizonDate(value[i], itemPath);
            if (!seen.insert(date).second)
                fail(itemPath, "date " + formatDate(date) + " is listed twice");
            out.push_back(date);
        }
        return out;
    }

    void readHotspot(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path,
                  {"id", "name", "borough", "location", "value", "windows", "weekday_factor", "dates",
                   "max_per_horizon", "min_gap_days", "repeat_decay", "crew"});
        Hotspot h;
        h.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        hotspotIds_.add(h.id, jsonPathKey(path, "id"), "hotspot");
        h.name = asName(member(value, path, "name"), jsonPathKey(path, "name"));
        h.borough = asName(member(value, path, "borough"), jsonPathKey(path, "borough"));
        h.location = readPoint(member(value, path, "location"), jsonPathKey(path, "location"));
        const std::string valuePath = jsonPathKey(path, "value");
        h.value = asNumber(member(value, path, "value"), valuePath);
        if (!(h.value > 0))
            fail(valuePath, "must be > 0, not " + value.at("value").dump());
        const std::string windowsPath = jsonPathKey(path, "windows");
        const json &windows = member(value, path, "windows");
        requireObject(windows, windowsPath);
        for (auto it = windows.begin(); it != windows.end(); ++it) {
            const std::string wPath = jsonPathKey(windowsPath, it.key());
            if (!windowIds_.contains(it.key()))
                fail(wPath, "unknown window \"" + it.key() + "\"");
            const double m = asNumber(it.value(), wPath);
            if (!(m > 0))
                fail(wPath, "window multiplier must be > 0, not " + it.value().dump());
            h.windows[it.key()] = m;
        }
        if (const json *factors = optionalMember(value, "weekday_factor")) {
            const std::string fPath = jsonPathKey(path, "weekday_factor");
            requireObject(*factors, fPath);
            for (auto it = factors->begin(); it != factors->end(); ++it) {
                const auto day = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), it.key());
                if (day == kWeekdayKeys.end())
                    fail(jsonPathKey(fPath, it.key()), "unknown weekday \"" + it.key() + "\" (use mon..sun)");
                const double f = asNumber(it.value(), jsonPathKey(fPath, it.key()));
                if (f < 0)
                    fail(jsonPathKey(fPath, it.key()), "weekday factor must be >= 0, not " + it.value().dump());
                h.weekdayFactor[static_cast<std::size_t>(day - kWeekdayKeys.begin())] = f;
            }
        }
        if (const json *dates = optionalMember(value, "dates"))
            h.dates = readDateList(*dates, jsonPathKey(path, "dates"));
        h.maxPerHorizon = countOr(value, path, "max_per_horizon", h.maxPerHorizon);
        h.minGapDays = countOr(value, path, "min_gap_days", h.minGapDays);
        if (const json *decay = optionalMember(value, "repeat_decay")) {
            const std::string dPath = jsonPathKey(path, "repeat_decay");
            h.repeatDecay = asNumber(*decay, dPath);
            if (h.repeatDecay < 0 || h.repeatDecay > 1)
                fail(dPath, "must be between 0 and 1, not " + decay->dump());
        }
        if (const json *crew = optionalMember(value, "crew"))
            h.crew = readCrew(*crew, jsonPathKey(path, "crew"));
        s_.hotspots.push_back(std::move(h));
    }

    void readVan(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"id", "name", "unavailable", "max_per_date"});
        Van v;
        v.id = asId(member(value, path, "id"), jsonPathKey(path, "id"));
        vanIds_.add(v.id, jsonPathKey(path, "id"), "van");
        v.name = optionalName(value, path, "name");
        if (const json *un = optionalMember(value, "unavailable"); un && !un->is_null())
            v.unavailable = readDateList(*un, jsonPathKey(path, "unavailable"));
        v.maxPerDate = countOr(value, path, "max_per_date", v.maxPerDate);
        s_.vans.push_back(std::move(v));
    }

    std::string reference(const json &object, const std::string &path, std::string_view key, const IdSet &ids,
                          std::string_view what)
    {
        const std::string refPath = jsonPathKey(path, key);
        std::string id = asId(member(object, path, key), refPath);
        if (!ids.contains(id))
            fail(refPath, "unknown " + std::string(what) + " \"" + id + "\"");
        return id;
    }

    void readPin(const json &value, const std::string &path)
    {
        requireObject(value, path);
        checkKeys(value, path, {"hotspot", "date", "window", "van", "crew"});
        Pin pin;
        pin.hotspot = reference(value, path, "hotspot", hotspotIds_, "hotspot");
        pin.date = horizonDate(member(value, path, "date"), jsonPathKey(path, "date"));
        pin.window = reference(value, path, "window", windowIds_, "window");
        if (const json *van = optionalMember(value, "van"); van && !van->is_null())
            pin.van = reference(value, path, "van", vanIds_, "van");
        if (const json *crew = optionalMember(value, "crew"); crew && !crew->is_null()) {
            const std::string crewPath = jsonPathKey(path, "crew");
            readList(*crew, crewPath, [&](const json &item, const std::string &itemPath) {
                requireObject(item, itemPath);
                checkKeys(item, itemPath, {"officer", "role"});
                CrewAssignment a;
                a.officer = reference(item, itemPath, "officer", officerIds_, "officer");
                a.role = reference(item, itemPath, "role", roleIds_, "role");
                pin.crew.push_back(std::move(a));
            });
        }
        s_.pinned.push_back(std::move(pin));
    }

    Scenario s_;
    IdSet windowIds_, shiftIds_, roleIds_, teamIds_, officerIds_, hotspotIds_, vanIds_;
};

} // namespace

Scenario readScenario(std::string_view text)
{
    json root = parseJsonStrict(text);
    const JsonReleaser release(root); // frees it without allocating, even after std::bad_alloc
    return JsonScenarioReader().read(root);
}

Scenario readScenarioFile(const std::filesystem::path &path)
{
    const std::string text = readTextFile(path);
    try {
        return readScenario(text);
    } catch (const InputError &e) {
        throw InputError(path.string() + ": " + e.where(), e.detail());
    } catch (const std::bad_alloc &) {
        throw InputError(path.string(), "out of memory while reading: the file is too large for this machine's memory");
    }
}

} // namespace lfr
