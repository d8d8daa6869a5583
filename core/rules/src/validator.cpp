#include "lfrplan/validator.h"

#include "lfrplan/planner_words.h"
#include "lfrplan/scenario_index.h"
#include "pin_matching.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace lfr {

namespace {

using Indices = std::vector<std::size_t>;

std::string quoted(std::string_view id) { return "\"" + std::string(id) + "\""; }

using words::counted;
using words::joined;

std::string windowSpan(const Window &window) { return formatClock(window.start) + "-" + formatClock(window.end); }

bool exceeds(std::size_t count, int limit) { return static_cast<long long>(count) > limit; }

bool listed(const std::vector<Date> &dates, Date date)
{
    return std::find(dates.begin(), dates.end(), date) != dates.end();
}

// A deployment's references resolved against the scenario.
struct Resolved {
    std::optional<std::size_t> hotspot, window, van, date;
    std::vector<std::optional<std::size_t>> officers, roles; // per crew entry
};

class Checker {
public:
    Checker(const ScenarioIndex &index, const std::vector<Deployment> &plan, ValidationReport &report)
        : ix_(index), sc_(index.scenario()), plan_(plan), report_(report)
    {
    }

    void run()
    {
        resolve();
        checkCounts();
        checkHotspots();
        checkVans();
        for (std::size_t d = 0; d < plan_.size(); ++d) {
            checkCrewCounts(d);
            checkCrewMembers(d);
        }
        checkOfficerLoads();
        checkStaffing();
        checkPins();
    }

private:
    // --- Recording ------------------------------------------------------------

    Violation &add(Check check, std::string message, Indices deployments = {})
    {
        Violation &v = report_.violations.emplace_back();
        v.rule = ruleOf(check);
        v.check = check;
        std::sort(deployments.begin(), deployments.end());
        v.deployments = std::move(deployments);
        v.message = std::move(message);
        return v;
    }

    // A violation of one deployment, named at the start of the message in
    // what its card shows (no number: no card shows one; issue 17, finding 10):
    // "Oxford Circus, Tue 2026-12-01 evening, LFR van 2: ..."
    Violation &addFor(Check check, std::size_t d, const std::string &detail, std::optional<std::size_t> other = {})
    {
        const std::string label = ix_.describe(plan_[d]) + ": ";
        Violation &v = add(check, label + detail, other ? Indices{d, *other} : Indices{d});
        v.deployment = d;
        v.date = plan_[d].date;
        return v;
    }

    std::string officerName(std::size_t o) const { return ix_.officerName(sc_.officers[o].id); }
    // Deployments as their cards name them: "Oxford Circus on Tue
    // 2026-12-01 evening and Brixton on Wed 2026-12-02 day".
    std::string named(const Indices &deps) const
    {
        std::vector<std::string> out;
        for (const std::size_t d : deps)
            out.push_back(ix_.hotspotName(plan_[d].hotspot) + " on " + formatDay(plan_[d].date) + " " +
                          plan_[d].window);
        return joined(out);
    }
    std::string pinsNamed(const Indices &pins) const
    {
        std::vector<std::string> out;
        for (const std::size_t p : pins)
            out.push_back("the pin of " + ix_.describe(sc_.pinned[p]));
        return joined(out);
    }

    // --- Unknown references ---------------------------------------------------

    void resolve()
    {
        res_.resize(plan_.size());
        dutiesOf_.assign(sc_.officers.size(), {});
        for (std::size_t d = 0; d < plan_.size(); ++d) {
            const Deployment &dep = plan_[d];
            Resolved &r = res_[d];
            r.hotspot = ix_.hotspot(dep.hotspot);
            r.window = ix_.window(dep.window);
            r.van = ix_.van(dep.van);
            r.date = ix_.date(dep.date);
            if (!r.hotspot)
                addFor(Check::UnknownHotspot, d, "hotspot " + quoted(dep.hotspot) + " does not exist");
            if (!r.window)
                addFor(Check::UnknownWindow, d, "window " + quoted(dep.window) + " does not exist");
            for (const CrewAssignment &member : dep.crew) {
                const std::optional<std::size_t> o = r.officers.emplace_back(ix_.officer(member.officer));
                const std::optional<std::size_t> role = r.roles.emplace_back(ix_.role(member.role));
                if (!o)
                    addFor(Check::UnknownOfficer, d, "officer " + quoted(member.officer) + " does not exist").officer =
                        member.officer;
                else if (dutiesOf_[*o].empty() || dutiesOf_[*o].back() != d)
                    dutiesOf_[*o].push_back(d);
                if (!role)
                    addFor(Check::UnknownRole, d, "crew role " + quoted(member.role) + " does not exist").officer =
                        member.officer;
            }
        }
    }

    // --- Rule 1: counts -------------------------------------------------------

    void checkCounts()
    {
        const Policy &policy = sc_.policy;
        Indices all(plan_.size());
        std::map<Date, Indices> byDate;
        for (std::size_t d = 0; d < plan_.size(); ++d) {
            all[d] = d;
            byDate[plan_[d].date].push_back(d);
        }
        if (exceeds(plan_.size(), policy.maxDeployments))
            add(Check::MaxDeployments,
                "The plan has " + counted(plan_.size(), "deployment") + "; the policy allows at most " +
                    std::to_string(policy.maxDeployments) + " in the horizon",
                all);
        if (exceeds(byDate.size(), policy.maxDays))
            add(Check::MaxDays,
                "The plan deploys on " + counted(byDate.size(), "date") + "; the policy allows at most " +
                    std::to_string(policy.maxDays),
                all);
        for (const auto &[date, deps] : byDate)
            if (policy.maxPerDate && exceeds(deps.size(), *policy.maxPerDate))
                add(Check::MaxPerDate,
                    formatDay(date) + " has " + counted(deps.size(), "deployment") + " (" + named(deps) +
                        "); the policy allows at most " + std::to_string(*policy.maxPerDate) + " on one date",
                    deps)
                    .date = date;
        const std::string horizon = sc_.dates.empty()
                                        ? "the scenario has no dates"
                                        : formatDay(sc_.dates.front()) + " to " + formatDay(sc_.dates.back());
        for (std::size_t d = 0; d < plan_.size(); ++d)
            if (!res_[d].date)
                addFor(Check::DateOutsideHorizon, d,
                       formatDate(plan_[d].date) + " is not in the planning horizon (" + horizon + ")");
    }

    // --- Rule 2: hotspots -----------------------------------------------------

    void checkHotspots()
    {
        std::vector<Indices> atHotspot(sc_.hotspots.size());
        for (std::size_t d = 0; d < plan_.size(); ++d) {
            const Resolved &r = res_[d];
            if (!r.hotspot)
                continue;
            atHotspot[*r.hotspot].push_back(d);
            const Hotspot &hotspot = sc_.hotspots[*r.hotspot];
            const std::string name = ix_.hotspotName(hotspot.id);
            if (r.window && !ix_.windowMultiplier(*r.hotspot, *r.window)) {
                std::vector<std::string> allowed;
                for (const auto &[windowId, factor] : hotspot.windows)
                    allowed.push_back(windowId);
                addFor(Check::WindowNotAllowed, d,
                       "window " + plan_[d].window + " is not allowed at " + name +
                           " (allowed: " + (allowed.empty() ? "none" : joined(allowed)) + ")");
            }
            const bool dateAllowed = r.date ? ix_.hotspotAllowsDate(*r.hotspot, *r.date)
                                            : !hotspot.dates || listed(*hotspot.dates, plan_[d].date);
            if (!dateAllowed) {
                std::vector<std::string> dates;
                for (const Date day : *hotspot.dates)
                    dates.push_back(formatDay(day));
                addFor(Check::DateNotAllowed, d,
                       name + (dates.empty() ? " has no allowed dates" : " may only be used on " + joined(dates)));
            }
        }
        for (std::size_t h = 0; h < atHotspot.size(); ++h)
            checkHotspotSpread(sc_.hotspots[h], atHotspot[h]);
    }

    // max_per_horizon, min_gap_days and one deployment per hotspot/date/window.
    void checkHotspotSpread(const Hotspot &hotspot, Indices deps)
    {
        const std::string name = ix_.hotspotName(hotspot.id);
        if (exceeds(deps.size(), hotspot.maxPerHorizon))
            add(Check::MaxPerHorizon,
                name + " has " + counted(deps.size(), "deployment") + " (" + named(deps) + "); it allows at most " +
                    std::to_string(hotspot.maxPerHorizon) + " in the horizon",
                deps);

        std::map<std::pair<Date, std::string_view>, std::size_t> slots;
        for (const std::size_t d : deps) {
            const auto [it, fresh] = slots.try_emplace({plan_[d].date, plan_[d].window}, d);
            if (!fresh)
                addFor(Check::DuplicateSlot, d,
                       "the deployment in " + ix_.vanLabel(plan_[it->second].van) + " already covers " + name + " on " +
                           formatDay(plan_[d].date) + " " + plan_[d].window,
                       it->second);
        }

        // Sorted by date, a deployment too close to any earlier one is too
        // close to the one just before it: one violation per such deployment.
        std::stable_sort(deps.begin(), deps.end(),
                         [this](std::size_t a, std::size_t b) { return plan_[a].date < plan_[b].date; });
        for (std::size_t i = 1; i < deps.size(); ++i) {
            const std::size_t prev = deps[i - 1];
            const int gap = daysBetween(plan_[prev].date, plan_[deps[i]].date);
            if (gap >= hotspot.minGapDays)
                continue;
            addFor(Check::MinGapDays, deps[i],
                   (gap == 0 ? "on the same date as" : "only " + counted(gap, "day") + " after") + " Deployment " +
                       std::to_string(prev + 1) + " at " + name + "; deployments there must be at least " +
                       counted(hotspot.minGapDays, "calendar day") + " apart",
                   prev);
        }
    }

    // --- Rule 3: vans ---------------------------------------------------------

    void checkVans()
    {
        std::map<std::pair<std::size_t, Date>, Indices> byVanDate;
        for (std::size_t d = 0; d < plan_.size(); ++d) {
            const Resolved &r = res_[d];
            const Deployment &dep = plan_[d];
            if (!r.van) {
                addFor(Check::UnknownVan, d, "van " + quoted(dep.van) + " does not exist");
                continue;
            }
            byVanDate[{*r.van, dep.date}].push_back(d);
            if (r.date ? !ix_.vanAvailable(*r.van, *r.date) : listed(sc_.vans[*r.van].unavailable, dep.date))
                addFor(Check::VanUnavailable, d, ix_.vanLabel(dep.van) + " is unavailable on " + formatDay(dep.date));
        }
        for (const auto &[key, deps] : byVanDate) {
            const Van &van = sc_.vans[key.first];
            if (exceeds(deps.size(), van.maxPerDate))
                add(Check::VanMaxPerDate,
                    (van.name ? *van.name : "Van " + van.id) + " has " + counted(deps.size(), "deployment") + " on " +
                        formatDay(key.second) + " (" + named(deps) + "); it can do at most " +
                        std::to_string(van.maxPerDate) + " a day",
                    deps)
                    .date = key.second;
            checkVanOverlaps(van, deps);
        }
    }

    // Sorted by window start, a deployment overlaps an earlier one exactly
    // when it starts before the latest end so far (half-open windows).
    void checkVanOverlaps(const Van &van, Indices deps)
    {
        std::erase_if(deps, [this](std::size_t d) { return !res_[d].window; });
        const auto window = [this](std::size_t d) -> const Window & { return sc_.windows[*res_[d].window]; };
        std::stable_sort(deps.begin(), deps.end(),
                         [&window](std::size_t a, std::size_t b) { return window(a).start < window(b).start; });
        std::optional<std::size_t> holder; // the deployment with the latest end so far
        for (const std::size_t d : deps) {
            if (holder && window(d).start < window(*holder).end) {
                const Window &a = window(*holder);
                const Window &b = window(d);
                addFor(Check::VanWindowsOverlap, d,
                       ix_.vanLabel(van.id) + " is already out at " + ix_.hotspotName(plan_[*holder].hotspot) + " in " +
                           a.id + " " + windowSpan(a) + ", which overlaps " + b.id + " " + windowSpan(b),
                       *holder);
            }
            if (!holder || window(*holder).end < window(d).end)
                holder = d;
        }
    }

    // --- Rule 4: crews --------------------------------------------------------

    void checkCrewCounts(std::size_t d)
    {
        const Resolved &r = res_[d];
        if (!r.hotspot)
            return;
        std::map<std::string_view, int> have;
        for (std::size_t i = 0; i < plan_[d].crew.size(); ++i)
            if (r.roles[i])
                ++have[plan_[d].crew[i].role];
        const CrewMap &need = ix_.effectiveCrew(*r.hotspot);
        for (const auto &[role, count] : need)
            have.try_emplace(role, 0);
        for (const auto &[role, count] : have) {
            const auto it = need.find(std::string(role));
            const int needed = it == need.end() ? 0 : it->second;
            if (count != needed)
                addFor(Check::CrewCount, d,
                       "the crew needs " + std::to_string(needed) + " in role " + std::string(role) + ", it has " +
                           std::to_string(count));
        }
    }

    void checkCrewMembers(std::size_t d)
    {
        const Resolved &r = res_[d];
        const Deployment &dep = plan_[d];
        std::map<std::size_t, int> seen;
        for (std::size_t i = 0; i < dep.crew.size(); ++i) {
            if (!r.officers[i])
                continue;
            const std::size_t o = *r.officers[i];
            const std::string &id = sc_.officers[o].id;
            if (r.roles[i]) {
                const Role &role = sc_.roles[*r.roles[i]];
                if (!ix_.rankSuffices(o, *r.roles[i]))
                    addFor(Check::RankTooLow, d,
                           "officer " + officerName(o) + " cannot be " + role.id + ": the role needs rank " +
                               std::string(rankName(*role.minRank)) + " or above")
                        .officer = id;
                if (!ix_.holdsSkill(o, *r.roles[i]))
                    addFor(Check::MissingSkill, d,
                           "officer " + officerName(o) + " cannot be " + role.id + ": the role needs the skill " +
                               *role.skill + ", which they do not hold")
                        .officer = id;
            }
            if (++seen[o] == 2) {
                const auto times = std::count(r.officers.begin(), r.officers.end(), r.officers[i]);
                addFor(Check::OfficerTwiceInCrew, d,
                       "officer " + officerName(o) + " appears " + std::to_string(times) + " times in the crew")
                    .officer = id;
            }
            if (seen[o] > 1 || !r.date || !r.window)
                continue;
            if (!ix_.rostered(o, *r.date)) {
                addFor(Check::OffDuty, d,
                       "officer " + officerName(o) + " is off duty on " + formatDay(dep.date) + " (no roster entry)")
                    .officer = id;
            } else if (!ix_.onDutyCovering(o, *r.date, *r.window)) {
                const std::optional<std::size_t> s = ix_.rosterShift(o, *r.date);
                const std::string rostered = s ? sc_.shifts[*s].id + ", " + formatClock(sc_.shifts[*s].start) + "-" +
                                                     formatClock(sc_.shifts[*s].end)
                                               : "on unknown shift " + quoted(sc_.officers[o].roster.at(dep.date));
                addFor(Check::ShiftNotCovering, d,
                       "officer " + officerName(o) + " is not on a shift covering " +
                           windowSpan(sc_.windows[*r.window]) + " that day (rostered " + rostered + ")")
                    .officer = id;
            }
        }
    }

    // One deployment a date and max_duties in the horizon, per officer.
    void checkOfficerLoads()
    {
        for (std::size_t o = 0; o < sc_.officers.size(); ++o) {
            const Indices &deps = dutiesOf_[o];
            const Officer &officer = sc_.officers[o];
            std::map<Date, Indices> byDate;
            for (const std::size_t d : deps)
                byDate[plan_[d].date].push_back(d);
            for (const auto &[date, onDate] : byDate) {
                if (onDate.size() < 2)
                    continue;
                Violation &v =
                    add(Check::OfficerTwiceOnDate,
                        "Officer " + officerName(o) + " staffs " + counted(onDate.size(), "deployment") + " on " +
                            formatDay(date) + " (" + named(onDate) + "); an officer can staff one a day",
                        onDate);
                v.officer = officer.id;
                v.date = date;
            }
            const int limit = ix_.maxDuties(o);
            if (exceeds(deps.size(), limit))
                add(Check::MaxDuties,
                    "Officer " + officerName(o) + " staffs " + counted(deps.size(), "deployment") + " (" + named(deps) +
                        "); " +
                        (officer.maxDuties ? "their personal limit is " + std::to_string(limit)
                                           : "the policy allows " + std::to_string(limit) + " per officer"),
                    deps)
                    .officer = officer.id;
        }
    }

    // --- Rule 5: team staffing limits -----------------------------------------

    void checkStaffing()
    {
        const std::size_t dates = ix_.dateCount();
        std::vector<int> abstracted(sc_.teams.size() * dates, 0);
        for (std::size_t o = 0; o < sc_.officers.size(); ++o) {
            const std::optional<std::size_t> t = ix_.teamOf(o);
            if (!t)
                continue;
            std::set<std::size_t> onDates; // dates the officer is rostered and in a crew
            for (const std::size_t d : dutiesOf_[o])
                if (res_[d].date && ix_.rostered(o, *res_[d].date))
                    onDates.insert(*res_[d].date);
            for (const std::size_t day : onDates)
                ++abstracted[*t * dates + day];
        }
        for (std::size_t t = 0; t < sc_.teams.size(); ++t) {
            const Team &team = sc_.teams[t];
            const std::string name = ix_.teamName(team.id);
            for (std::size_t day = 0; day < dates; ++day) {
                const int taken = abstracted[t * dates + day];
                const int onDuty = ix_.teamOnDuty(t, day);
                const std::string when =
                    " on " + formatDay(sc_.dates[day]) + "; the plan takes " + std::to_string(taken);
                if (team.maxAbstracted && taken > *team.maxAbstracted)
                    addTeam(Check::MaxAbstracted, t, day,
                            name + " may release at most " + counted(*team.maxAbstracted, "officer") + when);
                if (taken > std::max(0, onDuty - team.minOnDuty))
                    addTeam(Check::MinOnDuty, t, day,
                            name + " must keep " + std::to_string(team.minOnDuty) + " of its " +
                                counted(onDuty, "rostered officer") + " on duty" + when);
            }
        }
    }

    void addTeam(Check check, std::size_t t, std::size_t day, std::string message)
    {
        Indices deps; // the deployments on that date that take the team's rostered officers
        for (std::size_t d = 0; d < plan_.size(); ++d) {
            const std::vector<std::optional<std::size_t>> &crew = res_[d].officers;
            if (res_[d].date == day && std::any_of(crew.begin(), crew.end(), [&](const std::optional<std::size_t> &o) {
                    return o && ix_.teamOf(*o) == t && ix_.rostered(*o, day);
                }))
                deps.push_back(d);
        }
        Violation &v = add(check, std::move(message), std::move(deps));
        v.team = sc_.teams[t].id;
        v.date = sc_.dates[day];
    }

    // --- Rule 6: pins ---------------------------------------------------------

    // The deployment (at the pin's hotspot, date and window) has the pinned
    // van and every pinned crew member in the pinned role.
    bool meets(const Pin &pin, std::size_t d) const
    {
        const std::vector<CrewAssignment> &crew = plan_[d].crew;
        return (!pin.van || *pin.van == plan_[d].van) &&
               std::all_of(pin.crew.begin(), pin.crew.end(), [&crew](const CrewAssignment &member) {
                   return std::find(crew.begin(), crew.end(), member) != crew.end();
               });
    }

    void checkPins()
    {
        using Slot = std::tuple<std::string_view, Date, std::string_view>;
        std::map<Slot, Indices> bySlot;
        for (std::size_t d = 0; d < plan_.size(); ++d)
            bySlot[Slot{plan_[d].hotspot, plan_[d].date, plan_[d].window}].push_back(d);

        const std::size_t pins = sc_.pinned.size();
        std::vector<Indices> candidates(pins); // deployments at the pin's hotspot, date and window
        std::vector<Indices> edges(pins);      // those that meet the pin
        for (std::size_t p = 0; p < pins; ++p) {
            const Pin &pin = sc_.pinned[p];
            const auto it = bySlot.find(Slot{pin.hotspot, pin.date, pin.window});
            if (it == bySlot.end())
                continue;
            candidates[p] = it->second;
            std::copy_if(it->second.begin(), it->second.end(), std::back_inserter(edges[p]),
                         [&](std::size_t d) { return meets(pin, d); });
        }

        const std::vector<std::optional<std::size_t>> pinOf = matchPins(edges, plan_.size());
        std::vector<bool> met(pins, false);
        for (const std::optional<std::size_t> &p : pinOf)
            if (p)
                met[*p] = true;
        for (std::size_t p = 0; p < pins; ++p)
            if (!met[p])
                explainUnmet(p, candidates[p], edges[p], pinOf);
    }

    void explainUnmet(std::size_t p, const Indices &candidates, const Indices &edges,
                      const std::vector<std::optional<std::size_t>> &pinOf)
    {
        const Pin &pin = sc_.pinned[p];
        const std::string head = "The pin of " + ix_.describe(pin) + " is not met: ";
        Violation *v = nullptr;
        if (candidates.empty()) {
            v = &add(Check::PinNoDeployment, head + "no deployment there");
        } else if (!edges.empty()) {
            std::set<std::size_t> holders;
            for (const std::size_t d : edges)
                holders.insert(*pinOf[d]);
            v = &add(Check::PinContention,
                     head + named(edges) + ", which would meet it, already " +
                         (edges.size() == 1 ? "meets " : "meet ") + pinsNamed({holders.begin(), holders.end()}),
                     edges);
        } else {
            Indices withVan;
            std::vector<std::string> others;
            for (const std::size_t d : candidates) {
                if (!pin.van || *pin.van == plan_[d].van)
                    withVan.push_back(d);
                else
                    others.push_back(ix_.describe(plan_[d]));
            }
            if (withVan.empty()) {
                v = &add(Check::PinVanMismatch,
                         head + "no deployment there uses the pinned van " + *pin.van + " (" + joined(others) + ")",
                         candidates);
            } else {
                v = &explainCrewMismatch(head, pin, withVan.front());
            }
        }
        v->pin = p;
        v->date = pin.date;
    }

    // The first pinned crew member the deployment lacks (one exists: the
    // deployment has the pinned van but does not meet the pin).
    Violation &explainCrewMismatch(const std::string &head, const Pin &pin, std::size_t d)
    {
        const std::vector<CrewAssignment> &crew = plan_[d].crew;
        const auto missing = std::find_if(pin.crew.begin(), pin.crew.end(), [&crew](const CrewAssignment &member) {
            return std::find(crew.begin(), crew.end(), member) == crew.end();
        });
        const CrewAssignment &member = *missing;
        const auto other = std::find_if(crew.begin(), crew.end(),
                                        [&member](const CrewAssignment &c) { return c.officer == member.officer; });
        const std::string where = ix_.describe(plan_[d]);
        Violation &v = add(Check::PinCrewMismatch,
                           head + "officer " + ix_.officerName(member.officer) +
                               (other == crew.end()
                                    ? " is not in the crew of " + where + " (pinned as " + member.role + ")"
                                    : " is in the crew of " + where + " as " + other->role + ", not as " + member.role),
                           {d});
        v.officer = member.officer;
        return v;
    }

    const ScenarioIndex &ix_;
    const Scenario &sc_;
    const std::vector<Deployment> &plan_;
    ValidationReport &report_;
    std::vector<Resolved> res_;
    std::vector<Indices> dutiesOf_; // officer -> the deployments whose crew they are in, ascending
};

} // namespace

ValidationReport validatePlan(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    return validatePlan(ScenarioIndex(scenario), deployments);
}

ValidationReport validatePlan(const ScenarioIndex &index, const std::vector<Deployment> &deployments)
{
    ValidationReport report;
    Checker(index, deployments, report).run();
    report.evaluation = evaluate(index, deployments);
    return report;
}

} // namespace lfr
