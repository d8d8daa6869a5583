// Publishing a plan and comparing plans with a published version
// (publishing.h).
#include "lfrplan/publishing.h"

#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/planner_words.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace lfr {

namespace {

using Key = std::tuple<Date, std::string, std::string>; // date, window, hotspot

Key deploymentKey(const Deployment &d) { return {d.date, d.window, d.hotspot}; }

bool byOfficer(const CrewAssignment &a, const CrewAssignment &b)
{
    return std::tie(a.officer, a.role) < std::tie(b.officer, b.role);
}

// a - b as multisets of (officer, role).
std::vector<CrewAssignment> minus(std::vector<CrewAssignment> a, std::vector<CrewAssignment> b)
{
    std::sort(a.begin(), a.end(), byOfficer);
    std::sort(b.begin(), b.end(), byOfficer);
    std::vector<CrewAssignment> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out), byOfficer);
    return out;
}

std::string officerWords(const Scenario &scenario, const std::string &id)
{
    for (const Officer &o : scenario.officers)
        if (o.id == id)
            return o.name.empty() ? id : id + " (" + o.name + ")";
    return id;
}

} // namespace

std::size_t PlanChanges::crewPlacesChanged() const
{
    std::size_t n = 0;
    for (const DeploymentChange &c : deployments)
        if (c.kind != DeploymentChange::Kind::Removed)
            n += c.joined.size();
    return n;
}

std::size_t PlanChanges::count(DeploymentChange::Kind kind) const
{
    return static_cast<std::size_t>(std::count_if(deployments.begin(), deployments.end(),
                                                  [&](const DeploymentChange &c) { return c.kind == kind; }));
}

PlanChanges comparePlans(const std::vector<Deployment> &published, const std::vector<Deployment> &current)
{
    std::map<Key, std::pair<const Deployment *, const Deployment *>> both;
    for (const Deployment &d : published)
        both[deploymentKey(d)].first = &d;
    for (const Deployment &d : current)
        both[deploymentKey(d)].second = &d;
    PlanChanges out;
    for (const auto &[key, pair] : both) {
        const auto [before, after] = pair;
        DeploymentChange c;
        if (before)
            c.published = *before;
        if (after)
            c.current = *after;
        if (!before) {
            c.kind = DeploymentChange::Kind::Added;
            c.joined = minus(after->crew, {});
        } else if (!after) {
            c.kind = DeploymentChange::Kind::Removed;
            c.left = minus(before->crew, {});
        } else {
            c.kind = DeploymentChange::Kind::Changed;
            c.vanChanged = before->van != after->van;
            c.joined = minus(after->crew, before->crew);
            c.left = minus(before->crew, after->crew);
            if (!c.vanChanged && c.joined.empty() && c.left.empty())
                continue;
        }
        out.deployments.push_back(std::move(c));
    }
    return out;
}

std::string shortDate(Date date)
{
    static constexpr std::array<const char *, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<const char *, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int year = 0;
    unsigned month = 1;
    unsigned day = 1;
    civilFromDate(date, year, month, day);
    return std::string(kDays[static_cast<std::size_t>(weekdayIndex(date))]) + " " + std::to_string(day) + " " +
           kMonths[month - 1];
}

std::string deploymentWords(const Scenario &scenario, const Deployment &d)
{
    std::string hotspot = d.hotspot;
    for (const Hotspot &h : scenario.hotspots)
        if (h.id == d.hotspot && !h.name.empty())
            hotspot = h.name;
    return hotspot + ", " + shortDate(d.date) + ", " + d.window;
}

std::vector<std::string> describeChanges(const Scenario &scenario, const PlanChanges &changes)
{
    std::vector<std::string> lines;
    for (const DeploymentChange &c : changes.deployments) {
        const Deployment &any = c.current ? *c.current : *c.published;
        const std::string where = deploymentWords(scenario, any);
        if (c.kind == DeploymentChange::Kind::Added) {
            lines.push_back("added: " + where + ", van " + any.van + ", crew of " + std::to_string(any.crew.size()));
            continue;
        }
        if (c.kind == DeploymentChange::Kind::Removed) {
            lines.push_back("removed: " + where + " (van " + any.van + "; " + words::counted(c.left.size(), "officer") +
                            " stood down)");
            continue;
        }
        if (c.vanChanged)
            lines.push_back("van " + c.current->van + " replaces van " + c.published->van + " in " + where);
        // Pair who joined with who left in the same role: "X replaces Y".
        std::vector<CrewAssignment> left = c.left;
        for (const CrewAssignment &j : c.joined) {
            const auto same =
                std::find_if(left.begin(), left.end(), [&](const CrewAssignment &l) { return l.role == j.role; });
            if (same != left.end()) {
                lines.push_back(officerWords(scenario, j.officer) + " replaces " +
                                officerWords(scenario, same->officer) + " in " + where + " (" + j.role + ")");
                left.erase(same);
            } else {
                lines.push_back(officerWords(scenario, j.officer) + " joins " + where + " (" + j.role + ")");
            }
        }
        for (const CrewAssignment &l : left)
            lines.push_back(officerWords(scenario, l.officer) + " leaves " + where + " (" + l.role + ")");
    }
    return lines;
}

namespace {

PublishedVersion publishSaved(Storage &storage, std::string_view scenario, const std::vector<Deployment> *expected)
{
    const Scenario data = storage.loadScenario(scenario);
    const std::optional<Plan> plan = storage.loadPlan(scenario);
    const std::string label = "scenario \"" + std::string(scenario) + "\"";
    if (!plan)
        throw InputError(storage.location(), label + " has no saved plan to publish (solve it first)");
    if (expected && plan->deployments != *expected)
        throw StorageError(storage.location() + ": the saved plan of " + label +
                           " is not the one you read (someone saved another since); nothing was published");
    const ValidationReport report = validatePlan(data, plan->deployments);
    if (!report.valid()) {
        std::string message = "the saved plan of " + label + " breaks " +
                              words::counted(report.violations.size(), "hard constraint") +
                              ", so it cannot be published; nothing was published:";
        for (const Violation &v : report.violations)
            message += "\n  " + v.message;
        throw PublishRefused(storage.location(), message, report.violations.size());
    }
    return storage.publishPlan(scenario, *plan);
}

} // namespace

PublishedVersion publishSavedPlan(Storage &storage, std::string_view scenario)
{
    return publishSaved(storage, scenario, nullptr);
}

PublishedVersion publishSavedPlan(Storage &storage, std::string_view scenario, const std::vector<Deployment> &expected)
{
    return publishSaved(storage, scenario, &expected);
}

} // namespace lfr
