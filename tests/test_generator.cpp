#include "lfrplan/errors.h"
#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace lfr;

namespace {

GeneratorOptions makeOptions(int officers, int teams, int hotspots, int vans, int dates, std::uint64_t seed = 1)
{
    GeneratorOptions o;
    o.officers = officers;
    o.teams = teams;
    o.hotspots = hotspots;
    o.vans = vans;
    o.dates = dates;
    o.seed = seed;
    return o;
}

GeneratorOptions tinyOptions(std::uint64_t seed = 1) { return makeOptions(12, 2, 2, 1, 2, seed); }

GeneratorOptions metOptions()
{
    GeneratorOptions o = makeOptions(33000, 120, 120, 12, 28);
    o.windows = 4;
    o.policy.maxDeployments = 40;
    o.policy.maxDays = 20;
    return o;
}

bool inBox(const GeoPoint &p) { return p.lat >= 51.35 && p.lat <= 51.65 && p.lon >= -0.45 && p.lon <= 0.2; }

// Every rule of planning-problem.md section 1 a generated scenario could
// break, checked by hand; returns the faults found.
std::vector<std::string> scenarioFaults(const Scenario &s)
{
    std::vector<std::string> faults;
    const auto fault = [&](const std::string &what) { faults.push_back(what); };
    const auto uniqueIds = [&](const auto &items, const std::string &list) {
        std::set<std::string> ids;
        for (const auto &item : items)
            if (item.id.empty() || !ids.insert(item.id).second)
                fault(list + ": empty or duplicate id \"" + item.id + "\"");
        return ids;
    };
    const std::set<Date> horizon(s.dates.begin(), s.dates.end());
    if (s.name.empty())
        fault("name is empty");
    if (s.dates.empty() || s.dates.size() > 366 || horizon.size() != s.dates.size() ||
        !std::is_sorted(s.dates.begin(), s.dates.end()))
        fault("dates are not 1..366 ascending unique dates");
    const std::set<std::string> windowIds = uniqueIds(s.windows, "windows");
    for (const Window &w : s.windows)
        if (!(w.start < w.end) || w.start.minutes < 0 || w.end.minutes > 1439)
            fault("window " + w.id + " is not start < end within one day");
    const std::set<std::string> shiftIds = uniqueIds(s.shifts, "shifts");
    const std::set<std::string> roleIds = uniqueIds(s.roles, "roles");
    const auto checkCrew = [&](const CrewMap &crew, const std::string &where) {
        for (const auto &[role, count] : crew)
            if (roleIds.count(role) == 0 || count < 0)
                fault(where + ": unknown role or negative count " + role);
    };
    checkCrew(s.crew, "crew");
    const std::set<std::string> teamIds = uniqueIds(s.teams, "teams");
    for (const Team &t : s.teams)
        if (!inBox(t.base) || t.minOnDuty < 0 || (t.maxAbstracted && *t.maxAbstracted < 0))
            fault("team " + t.id + " has a bad base or limit");
    uniqueIds(s.officers, "officers");
    for (const Officer &o : s.officers) {
        if (teamIds.count(o.team) == 0)
            fault("officer " + o.id + ": unknown team " + o.team);
        for (const auto &[date, shift] : o.roster)
            if (horizon.count(date) == 0 || shiftIds.count(shift) == 0)
                fault("officer " + o.id + ": roster entry outside the horizon or unknown shift " + shift);
        for (const std::string &skill : o.skills)
            if (skill.empty())
                fault("officer " + o.id + ": empty skill");
        if (o.maxDuties && *o.maxDuties < 0)
            fault("officer " + o.id + ": negative max_duties");
    }
    uniqueIds(s.hotspots, "hotspots");
    for (const Hotspot &h : s.hotspots) {
        if (!(h.value > 0) || h.windows.empty() || !inBox(h.location))
            fault("hotspot " + h.id + ": bad value, location or no window");
        for (const auto &[window, multiplier] : h.windows)
            if (windowIds.count(window) == 0 || !(multiplier > 0))
                fault("hotspot " + h.id + ": unknown window or bad multiplier " + window);
        for (const double factor : h.weekdayFactor)
            if (!(factor >= 0))
                fault("hotspot " + h.id + ": negative weekday factor");
        if (h.dates) {
            if (h.dates->empty() || !std::is_sorted(h.dates->begin(), h.dates->end()))
                fault("hotspot " + h.id + ": dates empty or unsorted");
            for (const Date d : *h.dates)
                if (horizon.count(d) == 0)
                    fault("hotspot " + h.id + ": date outside the horizon");
        }
        if (h.maxPerHorizon < 0 || h.minGapDays < 0 || h.repeatDecay < 0 || h.repeatDecay > 1)
            fault("hotspot " + h.id + ": bad limit or decay");
        if (h.crew)
            checkCrew(*h.crew, "hotspot " + h.id + " crew");
    }
    uniqueIds(s.vans, "vans");
    for (const Van &v : s.vans) {
        for (const Date d : v.unavailable)
            if (horizon.count(d) == 0)
                fault("van " + v.id + ": unavailable date outside the horizon");
        if (v.maxPerDate < 0)
            fault("van " + v.id + ": negative max_per_date");
    }
    if (!s.pinned.empty())
        fault("generated scenarios have no pins");
    return faults;
}

// A canonical dump of everything in a scenario (doubles by their bits).
std::string dump(const Scenario &s)
{
    std::string out = s.name + "|";
    const auto num = [&](long long value) { out += std::to_string(value) + ","; };
    const auto real = [&](double value) { out += std::to_string(std::bit_cast<std::uint64_t>(value)) + ","; };
    const auto str = [&](const std::string &text) { out += text + ";"; };
    for (const Date d : s.dates)
        num(d.days);
    num(s.policy.maxDeployments);
    num(s.policy.maxDays);
    num(s.policy.maxPerDate.value_or(-1));
    num(s.policy.maxDutiesPerOfficer);
    real(s.policy.travelWeight);
    for (const Window &w : s.windows) {
        str(w.id);
        num(w.start.minutes);
        num(w.end.minutes);
    }
    for (const Shift &sh : s.shifts) {
        str(sh.id);
        num(sh.start.minutes);
        num(sh.end.minutes);
    }
    for (const Role &r : s.roles) {
        str(r.id);
        num(r.minRank ? static_cast<int>(*r.minRank) : -1);
        str(r.skill.value_or("-"));
    }
    const auto crew = [&](const CrewMap &c) {
        for (const auto &[role, count] : c) {
            str(role);
            num(count);
        }
    };
    crew(s.crew);
    for (const Team &t : s.teams) {
        str(t.id);
        str(t.name);
        real(t.base.lat);
        real(t.base.lon);
        num(t.minOnDuty);
        num(t.maxAbstracted.value_or(-1));
    }
    for (const Officer &o : s.officers) {
        str(o.id);
        str(o.name);
        num(static_cast<int>(o.rank));
        str(o.team);
        for (const std::string &skill : o.skills)
            str(skill);
        for (const auto &[date, shift] : o.roster) {
            num(date.days);
            str(shift);
        }
        num(o.maxDuties.value_or(-1));
    }
    for (const Hotspot &h : s.hotspots) {
        str(h.id);
        str(h.name);
        str(h.borough);
        real(h.location.lat);
        real(h.location.lon);
        real(h.value);
        for (const auto &[window, multiplier] : h.windows) {
            str(window);
            real(multiplier);
        }
        for (const double factor : h.weekdayFactor)
            real(factor);
        for (const Date d : h.dates.value_or(std::vector<Date>{}))
            num(d.days);
        num(h.maxPerHorizon);
        num(h.minGapDays);
        real(h.repeatDecay);
        if (h.crew)
            crew(*h.crew);
    }
    for (const Van &v : s.vans) {
        str(v.id);
        str(v.name.value_or("-"));
        for (const Date d : v.unavailable)
            num(d.days);
        num(v.maxPerDate);
    }
    return out;
}

std::uint64_t fnv1a(const std::string &text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

bool covers(const Shift &shift, const Window &window)
{
    const int end = shift.end <= shift.start ? shift.end.minutes + 1440 : shift.end.minutes;
    return shift.start <= window.start && window.end.minutes <= end;
}

// (date, window) pairs where some hotspot and van are usable and a default
// crew can be found greedily within the team staffing limits: a lower bound
// on where deployments are possible.
int staffableSlots(const Scenario &s)
{
    std::map<std::string, const Shift *> shifts;
    for (const Shift &sh : s.shifts)
        shifts[sh.id] = &sh;
    std::map<std::string, const Team *> teams;
    for (const Team &t : s.teams)
        teams[t.id] = &t;
    int slots = 0;
    for (const Date date : s.dates) {
        std::map<std::string, int> headroom;
        for (const Officer &o : s.officers)
            headroom[o.team] += o.roster.count(date) > 0 ? 1 : 0;
        for (auto &[team, room] : headroom) {
            room = std::max(0, room - teams[team]->minOnDuty);
            room = std::min(room, teams[team]->maxAbstracted.value_or(room));
        }
        const bool vanFree = std::any_of(s.vans.begin(), s.vans.end(), [&](const Van &v) {
            return std::find(v.unavailable.begin(), v.unavailable.end(), date) == v.unavailable.end();
        });
        for (const Window &w : s.windows) {
            const bool hotspotOpen = std::any_of(s.hotspots.begin(), s.hotspots.end(), [&](const Hotspot &h) {
                return h.windows.count(w.id) > 0 &&
                       (!h.dates || std::find(h.dates->begin(), h.dates->end(), date) != h.dates->end());
            });
            if (!vanFree || !hotspotOpen)
                continue;
            std::map<std::string, int> room = headroom;
            std::set<std::string> used;
            bool complete = true;
            for (const Role &role : s.roles) {
                const int wanted = s.crew.count(role.id) > 0 ? s.crew.at(role.id) : 0;
                int found = 0;
                for (const Officer &o : s.officers) {
                    if (found == wanted)
                        break;
                    const auto entry = o.roster.find(date);
                    if (entry == o.roster.end() || !covers(*shifts[entry->second], w) || used.count(o.id) > 0 ||
                        room[o.team] == 0 || (role.minRank && o.rank < *role.minRank) ||
                        (role.skill && std::find(o.skills.begin(), o.skills.end(), *role.skill) == o.skills.end()))
                        continue;
                    used.insert(o.id);
                    --room[o.team];
                    ++found;
                }
                complete = complete && found == wanted;
            }
            slots += complete ? 1 : 0;
        }
    }
    return slots;
}

bool hasSkill(const Officer &o, const std::string &skill)
{
    return std::find(o.skills.begin(), o.skills.end(), skill) != o.skills.end();
}

} // namespace

TEST_CASE("generator: the same options and seed give the same scenario", "[generator]")
{
    const GeneratorOptions options;
    const Scenario a = generateScenario(options);
    const Scenario b = generateScenario(options);
    CHECK(a == b);
    CHECK(dump(a) == dump(b));

    GeneratorOptions other = options;
    other.seed = 2;
    const Scenario c = generateScenario(other);
    CHECK_FALSE(a == c);
    CHECK(a.officers != c.officers);
    CHECK(a.hotspots != c.hotspots);

    SECTION("each part has its own stream: a bigger workforce keeps the same map")
    {
        GeneratorOptions bigger = options;
        bigger.officers = 800;
        const Scenario d = generateScenario(bigger);
        CHECK(d.hotspots == a.hotspots);
        CHECK(d.vans == a.vans);
        CHECK(d.teams.size() == a.teams.size());
    }
}

TEST_CASE("generator: output is pinned across platforms and versions", "[generator]")
{
    // Any change to these fingerprints changes every generated benchmark:
    // update them only on purpose.
    const Scenario tiny = generateScenario(tinyOptions());
    const Scenario standard = generateScenario(GeneratorOptions{});
    INFO("tiny: " << dump(tiny));
    CHECK(fnv1a(dump(tiny)) == 0x91ccd7136733ff50ULL);
    CHECK(fnv1a(dump(standard)) == 0xd79efb491a113a68ULL);
    // A few values by hand, so a failure says where the output moved.
    CHECK(tiny.officers.front().id == "G000001");
    CHECK(tiny.officers.front().name == "Nathan Ahmed");
    CHECK(standard.teams.front().name == "Westminster Taskforce");
    CHECK(standard.hotspots.back().value == 158.4);
}

TEST_CASE("generator: sizes and options are honoured", "[generator]")
{
    struct Case {
        int officers, teams, hotspots, vans, dates, windows;
    };
    const auto [officers, teams, hotspots, vans, dates, windows] =
        GENERATE(Case{500, 12, 12, 3, 7, 2}, Case{1, 1, 1, 1, 1, 1}, Case{40, 40, 5, 2, 3, 3},
                 Case{2000, 50, 120, 10, 14, 4}, Case{300, 7, 1000, 100, 366, 4});
    GeneratorOptions o = makeOptions(officers, teams, hotspots, vans, dates, 7);
    o.windows = windows;
    o.startDate = dateFromCivil(2028, 2, 26);
    o.policy.maxPerDate = 3;
    const Scenario s = generateScenario(o);

    CHECK(s.officers.size() == static_cast<std::size_t>(officers));
    CHECK(s.teams.size() == static_cast<std::size_t>(teams));
    CHECK(s.hotspots.size() == static_cast<std::size_t>(hotspots));
    CHECK(s.vans.size() == static_cast<std::size_t>(vans));
    CHECK(s.windows.size() == static_cast<std::size_t>(windows));
    REQUIRE(s.dates.size() == static_cast<std::size_t>(dates));
    CHECK(s.dates.front() == o.startDate);
    CHECK(daysBetween(s.dates.front(), s.dates.back()) == dates - 1);
    CHECK(s.policy == o.policy);
    CHECK(s.pinned.empty());
    CHECK(s.name.rfind("generated o" + std::to_string(officers) + " t" + std::to_string(teams), 0) == 0);
    CHECK(s.name.find(" from 2028-02-26") != std::string::npos);

    std::map<std::string, int> teamSize;
    for (const Officer &officer : s.officers)
        ++teamSize[officer.team];
    CHECK(teamSize.size() == s.teams.size()); // no team is empty
    CHECK(s.vans.front().id == "LFR-1");
    CHECK(s.vans.back().id == "LFR-" + std::to_string(vans));
    CHECK(s.officers.front().id == "G000001");
}

TEST_CASE("generator: names, windows and defaults follow the spec", "[generator]")
{
    const Scenario s = generateScenario(GeneratorOptions{});
    CHECK(s.name == "generated o500 t12 h12 v3 d7 s1");
    CHECK(weekdayIndex(s.dates.front()) == 0);
    CHECK(formatDate(s.dates.front()) == "2026-12-07");
    CHECK(s.policy == Policy{});
    CHECK(s.crew.at("silver") == 1);
    CHECK(s.crew.at("operator") == 2);
    CHECK(s.crew.at("engagement") >= 4);
    CHECK(s.crew.at("engagement") <= 6);
    const auto night = std::find_if(s.shifts.begin(), s.shifts.end(), [](const Shift &sh) { return sh.id == "night"; });
    REQUIRE(night != s.shifts.end());
    CHECK(night->end < night->start); // crosses midnight

    std::vector<std::string> ids;
    GeneratorOptions o;
    o.windows = 4;
    for (const Window &w : generateScenario(o).windows)
        ids.push_back(w.id);
    CHECK(ids == std::vector<std::string>{"morning", "day", "evening", "late"});
    o.windows = 1;
    CHECK(generateScenario(o).name == "generated o500 t12 h12 v3 d7 w1 s1");
}

TEST_CASE("generator: every reference resolves and every id is unique", "[generator]")
{
    const std::uint64_t seed = GENERATE(range(std::uint64_t{1}, std::uint64_t{6}));
    for (GeneratorOptions o : {GeneratorOptions{}, tinyOptions(), makeOptions(3000, 40, 120, 8, 28),
                               makeOptions(60, 60, 30, 2, 1), makeOptions(200, 3, 400, 20, 60)}) {
        o.seed = seed;
        o.windows = static_cast<int>(seed % 4) + 1;
        const Scenario s = generateScenario(o);
        INFO(s.name);
        CHECK(scenarioFaults(s).empty());
        if (!scenarioFaults(s).empty())
            FAIL_CHECK(scenarioFaults(s).front());
    }
}

TEST_CASE("generator: options out of range are refused with the option's name", "[generator]")
{
    const GeneratorOptions good;
    CHECK(validateGeneratorOptions(good).empty());

    using Change = void (*)(GeneratorOptions &);
    const std::vector<std::pair<std::string, Change>> refusals = {
        {"officers", [](GeneratorOptions &o) { o.officers = 0; }},
        {"officers", [](GeneratorOptions &o) { o.officers = kGeneratorMaxOfficers + 1; }},
        {"teams", [](GeneratorOptions &o) { o.teams = 0; }},
        {"teams", [](GeneratorOptions &o) { o.teams = o.officers + 1; }},
        {"hotspots", [](GeneratorOptions &o) { o.hotspots = 0; }},
        {"hotspots", [](GeneratorOptions &o) { o.hotspots = kGeneratorMaxHotspots + 1; }},
        {"vans", [](GeneratorOptions &o) { o.vans = 0; }},
        {"vans", [](GeneratorOptions &o) { o.vans = kGeneratorMaxVans + 1; }},
        {"dates", [](GeneratorOptions &o) { o.dates = 0; }},
        {"dates", [](GeneratorOptions &o) { o.dates = 367; }},
        {"officers x dates",
         [](GeneratorOptions &o) {
             o.officers = kGeneratorMaxOfficers;
             o.dates = 366;
         }},
        {"windows", [](GeneratorOptions &o) { o.windows = 0; }},
        {"windows", [](GeneratorOptions &o) { o.windows = 5; }},
        {"startDate", [](GeneratorOptions &o) { o.startDate = dateFromCivil(9999, 12, 30); }},
        {"startDate", [](GeneratorOptions &o) { o.startDate = Date{dateFromCivil(1, 1, 1).days - 1}; }},
        {"policy.maxDeployments", [](GeneratorOptions &o) { o.policy.maxDeployments = -1; }},
        {"policy.maxDays", [](GeneratorOptions &o) { o.policy.maxDays = -1; }},
        {"policy.maxPerDate", [](GeneratorOptions &o) { o.policy.maxPerDate = -2; }},
        {"policy.maxDutiesPerOfficer", [](GeneratorOptions &o) { o.policy.maxDutiesPerOfficer = -1; }},
        {"policy.travelWeight", [](GeneratorOptions &o) { o.policy.travelWeight = -0.5; }},
    };
    for (const auto &[name, change] : refusals) {
        GeneratorOptions o = good;
        change(o);
        const std::string message = validateGeneratorOptions(o);
        INFO(name << ": " << message);
        CHECK(message.find(name) != std::string::npos);
        CHECK_THROWS_AS(generateScenario(o), std::invalid_argument);
    }

    GeneratorOptions o;
    o.officers = kGeneratorMaxOfficers;
    o.teams = kGeneratorMaxOfficers;
    o.dates = 120;
    o.hotspots = kGeneratorMaxHotspots;
    o.vans = kGeneratorMaxVans;
    o.windows = kGeneratorMaxWindows;
    o.startDate = Date{dateFromCivil(9999, 12, 31).days - 119};
    CHECK(validateGeneratorOptions(o).empty());
}

TEST_CASE("generator: a Met-sized workforce over four weeks", "[generator]")
{
    const GeneratorOptions o = metOptions();
    const Scenario s = generateScenario(o);
    REQUIRE(s.officers.size() == 33000);
    CHECK(s.dates.size() == 28);
    CHECK(s.hotspots.size() == 120);
    CHECK(scenarioFaults(s).empty());
    CHECK(s.name == "generated o33000 t120 h120 v12 d28 w4 s1");

    std::map<Rank, int> ranks;
    std::size_t rosterCells = 0;
    int silvers = 0;
    int operators = 0;
    int engagement = 0;
    for (const Officer &officer : s.officers) {
        ++ranks[officer.rank];
        rosterCells += officer.roster.size();
        silvers += hasSkill(officer, "lfr-silver") ? 1 : 0;
        operators += hasSkill(officer, "lfr-operator") ? 1 : 0;
        engagement += hasSkill(officer, "lfr-engagement") ? 1 : 0;
        if (hasSkill(officer, "lfr-silver"))
            CHECK(officer.rank >= Rank::Insp);
    }
    CHECK(ranks[Rank::PC] > 33000 * 74 / 100);
    CHECK(ranks[Rank::PC] < 33000 * 82 / 100);
    CHECK(ranks[Rank::PS] > 33000 * 12 / 100);
    CHECK(ranks[Rank::Insp] > 33000 * 3 / 100);
    CHECK(ranks[Rank::CI] > 0);
    CHECK(ranks[Rank::Supt] > 0);
    // Five days on in seven, less about 3% leave.
    const double onDuty = static_cast<double>(rosterCells) / (33000.0 * 28.0);
    CHECK(onDuty > 0.66);
    CHECK(onDuty < 0.72);
    CHECK(silvers == 81);
    CHECK(operators == 181);
    CHECK(engagement > 33000 * 15 / 100);
    CHECK(staffableSlots(generateScenario(makeOptions(3000, 40, 120, 8, 7))) > 0);
}

TEST_CASE("generator: the default scenario is realistic", "[generator]")
{
    int customCrews = 0;
    int events = 0;
    int partialWindows = 0;
    int cappedTeams = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        GeneratorOptions o;
        o.seed = seed;
        o.hotspots = 40;
        const Scenario s = generateScenario(o);
        INFO(s.name);
        CHECK(staffableSlots(s) > 0);

        std::map<std::string, int> teamSize;
        for (const Officer &officer : s.officers)
            ++teamSize[officer.team];
        const auto [smallest, largest] = std::minmax_element(
            teamSize.begin(), teamSize.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
        CHECK(largest->second >= 2 * smallest->second);
        for (const Team &team : s.teams) {
            const int size = teamSize[team.id];
            CHECK(team.minOnDuty >= size * (size >= 10 ? 40 : 25) / 100);
            CHECK(team.minOnDuty <= size * (size >= 10 ? 60 : 40) / 100);
            cappedTeams += team.maxAbstracted ? 1 : 0;
        }
        for (const Hotspot &h : s.hotspots) {
            CHECK(h.value >= 20.0);
            CHECK(h.value <= 200.0);
            customCrews += h.crew ? 1 : 0;
            events += h.dates ? 1 : 0;
            partialWindows += h.windows.size() < s.windows.size() ? 1 : 0;
            for (const auto &[window, multiplier] : h.windows) {
                CHECK(multiplier >= 0.6);
                CHECK(multiplier <= 1.3);
            }
            CHECK(h.maxPerHorizon >= 1);
            CHECK(h.maxPerHorizon <= 3);
        }
    }
    CHECK(customCrews > 0);
    CHECK(events > 0);
    CHECK(partialWindows > 0);
    CHECK(cappedTeams > 0);
}

TEST_CASE("generator: a tiny scenario for brute-force tests", "[generator]")
{
    int staffable = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const Scenario s = generateScenario(tinyOptions(seed));
        INFO(s.name);
        CHECK(s.officers.size() == 12);
        CHECK(s.teams.size() == 2);
        CHECK(s.hotspots.size() == 2);
        CHECK(s.vans.size() == 1);
        CHECK(s.dates.size() == 2);
        CHECK(scenarioFaults(s).empty());
        CHECK(std::any_of(s.officers.begin(), s.officers.end(),
                          [](const Officer &o) { return o.rank >= Rank::Insp && hasSkill(o, "lfr-silver"); }));
        CHECK(s.crew == CrewMap{{"silver", 1}, {"operator", 1}, {"engagement", 1}});
        staffable += staffableSlots(s) > 0 ? 1 : 0;
        if (seed == 1)
            CHECK(staffableSlots(s) > 0);
    }
    // Most tiny scenarios admit a deployment (the rest have the empty plan as
    // their optimum, also worth a brute-force test).
    CHECK(staffable >= 15);
}

TEST_CASE("generator: generated scenarios survive the strict reader", "[generator]")
{
    GeneratorOptions busy = makeOptions(600, 20, 120, 6, 14, 3);
    busy.windows = 4;
    busy.policy.maxPerDate = 2;
    busy.policy.travelWeight = 0.25;
    GeneratorOptions leapDay = makeOptions(50, 50, 3, 1, 3, 9);
    leapDay.startDate = dateFromCivil(2028, 2, 28);
    for (const GeneratorOptions &o : {GeneratorOptions{}, tinyOptions(), busy, leapDay, makeOptions(1, 1, 1, 1, 1),
                                      makeOptions(3000, 40, 60, 8, 28)}) {
        const Scenario s = generateScenario(o);
        INFO(s.name);
        const std::string text = writeScenario(s);
        Scenario back;
        try {
            back = readScenario(text);
        } catch (const InputError &e) {
            FAIL("the strict reader refused a generated scenario: " << e.what());
        }
        CHECK(back == s);
        CHECK(writeScenario(back) == text);
    }
}
