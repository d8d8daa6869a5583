// Change notices per officer and team (change_notices.h).
#include "lfrplan/change_notices.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace lfr {

namespace {

using Key = std::tuple<Date, std::string, std::string>; // date, window, hotspot

Key sortKey(const Deployment &d) { return {d.date, d.window, d.hotspot}; }

// Where a change sorts among one officer's: its published duty, else its
// current one.
Key changeKey(const DutyChange &c) { return sortKey(c.before ? c.before->deployment : c.after->deployment); }

bool byDeployment(const Duty &a, const Duty &b)
{
    return std::tie(a.deployment.date, a.deployment.window, a.deployment.hotspot, a.role) <
           std::tie(b.deployment.date, b.deployment.window, b.deployment.hotspot, b.role);
}

// Removes and returns the first assignment of `officer` in `from`.
std::optional<CrewAssignment> take(std::vector<CrewAssignment> &from, const std::string &officer)
{
    const auto it =
        std::find_if(from.begin(), from.end(), [&](const CrewAssignment &a) { return a.officer == officer; });
    if (it == from.end())
        return std::nullopt;
    CrewAssignment found = *it;
    from.erase(it);
    return found;
}

struct OfficerDuties {
    std::vector<Duty> lost, gained;
    std::vector<DutyChange> changed;
};

std::string dutyWords(const Scenario &scenario, const Duty &duty)
{
    return deploymentWords(scenario, duty.deployment) + " (" + duty.role + ")";
}

void csvRow(std::string &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? "," : "") + fields[i];
    out += "\r\n";
}

// Key, date, window, hotspot id and name, role, van of a duty; empty cells
// when there is none.
std::vector<std::string> dutyCells(const ScenarioIndex &ix, const std::optional<Duty> &duty)
{
    if (!duty)
        return std::vector<std::string>(7);
    const Deployment &d = duty->deployment;
    return {csvTextField(deploymentKey(d)),
            formatDate(d.date),
            csvTextField(d.window),
            csvTextField(d.hotspot),
            csvTextField(ix.hotspotName(d.hotspot)),
            csvTextField(duty->role),
            csvTextField(d.van)};
}

std::uint32_t fnv1a(const std::string &text)
{
    std::uint32_t h = 2166136261U;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619U;
    }
    return h;
}

} // namespace

const char *dutyChangeKindName(DutyChange::Kind kind)
{
    switch (kind) {
    case DutyChange::Kind::Added:
        return "added";
    case DutyChange::Kind::Removed:
        return "removed";
    case DutyChange::Kind::Moved:
        return "moved";
    case DutyChange::Kind::Changed:
        break;
    }
    return "changed";
}

std::vector<DutyChange> dutyChanges(const PlanChanges &changes)
{
    std::map<std::string, OfficerDuties> byOfficer;
    for (const DeploymentChange &c : changes.deployments) {
        if (c.kind == DeploymentChange::Kind::Removed) {
            for (const CrewAssignment &l : c.left)
                byOfficer[l.officer].lost.push_back({*c.published, l.role});
            continue;
        }
        if (c.kind == DeploymentChange::Kind::Added) {
            for (const CrewAssignment &j : c.joined)
                byOfficer[j.officer].gained.push_back({*c.current, j.role});
            continue;
        }
        // Kept: an officer both left and joined changed role in it.
        std::vector<CrewAssignment> left = c.left;
        for (const CrewAssignment &j : c.joined) {
            if (const auto was = take(left, j.officer))
                byOfficer[j.officer].changed.push_back(
                    {DutyChange::Kind::Changed, j.officer, Duty{*c.published, was->role}, Duty{*c.current, j.role}});
            else
                byOfficer[j.officer].gained.push_back({*c.current, j.role});
        }
        for (const CrewAssignment &l : left)
            byOfficer[l.officer].lost.push_back({*c.published, l.role});
        if (!c.vanChanged)
            continue;
        // The van changed under everyone who stayed in the same role.
        std::vector<CrewAssignment> joined = c.joined;
        for (const CrewAssignment &m : c.current->crew) {
            const auto same = std::find(joined.begin(), joined.end(), m);
            if (same != joined.end()) {
                joined.erase(same);
                continue;
            }
            byOfficer[m.officer].changed.push_back(
                {DutyChange::Kind::Changed, m.officer, Duty{*c.published, m.role}, Duty{*c.current, m.role}});
        }
    }
    std::vector<DutyChange> out;
    for (auto &[officer, duties] : byOfficer) {
        std::vector<DutyChange> mine = std::move(duties.changed);
        std::sort(duties.lost.begin(), duties.lost.end(), byDeployment);
        std::sort(duties.gained.begin(), duties.gained.end(), byDeployment);
        const std::size_t moved = std::min(duties.lost.size(), duties.gained.size());
        for (std::size_t i = 0; i < moved; ++i)
            mine.push_back({DutyChange::Kind::Moved, officer, duties.lost[i], duties.gained[i]});
        for (std::size_t i = moved; i < duties.lost.size(); ++i)
            mine.push_back({DutyChange::Kind::Removed, officer, duties.lost[i], std::nullopt});
        for (std::size_t i = moved; i < duties.gained.size(); ++i)
            mine.push_back({DutyChange::Kind::Added, officer, std::nullopt, duties.gained[i]});
        std::stable_sort(mine.begin(), mine.end(),
                         [](const DutyChange &a, const DutyChange &b) { return changeKey(a) < changeKey(b); });
        out.insert(out.end(), mine.begin(), mine.end());
    }
    return out;
}

std::string dutyChangeWords(const Scenario &scenario, const DutyChange &c)
{
    switch (c.kind) {
    case DutyChange::Kind::Added:
        return "added: " + dutyWords(scenario, *c.after);
    case DutyChange::Kind::Removed:
        return "removed: " + dutyWords(scenario, *c.before);
    case DutyChange::Kind::Moved:
        return "moved: from " + dutyWords(scenario, *c.before) + " to " + dutyWords(scenario, *c.after);
    case DutyChange::Kind::Changed:
        break;
    }
    std::string what;
    if (c.vanChanged())
        what = "van " + c.after->deployment.van + " replaces van " + c.before->deployment.van;
    if (c.roleChanged())
        what += (what.empty() ? "" : "; ") + std::string("role ") + c.after->role + " (was " + c.before->role + ")";
    return "changed: " + dutyWords(scenario, *c.after) + ": " + what;
}

std::vector<TeamChanges> teamChanges(const Scenario &scenario, const std::vector<DutyChange> &changes)
{
    const ScenarioIndex ix(scenario);
    std::map<std::string, TeamChanges> teams;
    std::map<std::string, std::set<std::string>> officers;
    for (const DutyChange &c : changes) {
        const auto o = ix.officer(c.officer);
        const std::string team = o ? scenario.officers[*o].team : std::string();
        TeamChanges &t = teams[team];
        t.team = team;
        officers[team].insert(c.officer);
        t.officers = officers[team].size();
        switch (c.kind) {
        case DutyChange::Kind::Added:
            ++t.added;
            break;
        case DutyChange::Kind::Removed:
            ++t.removed;
            break;
        case DutyChange::Kind::Moved:
            ++t.moved;
            break;
        case DutyChange::Kind::Changed:
            ++t.changed;
            break;
        }
    }
    std::vector<TeamChanges> out;
    for (const auto &[id, t] : teams)
        out.push_back(t);
    return out;
}

std::string dutyChangesCsv(const Scenario &scenario, const std::vector<DutyChange> &changes, int publishedVersion)
{
    const ScenarioIndex ix(scenario);
    std::string out;
    csvRow(out, {"published_version",
                 "officer_id",
                 "name",
                 "team_id",
                 "team",
                 "change",
                 "before_deployment",
                 "before_date",
                 "before_window",
                 "before_hotspot_id",
                 "before_hotspot",
                 "before_role",
                 "before_van",
                 "after_deployment",
                 "after_date",
                 "after_window",
                 "after_hotspot_id",
                 "after_hotspot",
                 "after_role",
                 "after_van"});
    for (const DutyChange &c : changes) {
        const auto o = ix.officer(c.officer);
        const Officer *officer = o ? &scenario.officers[*o] : nullptr;
        std::vector<std::string> fields = {std::to_string(publishedVersion),
                                           csvTextField(c.officer),
                                           csvTextField(officer ? officer->name : std::string()),
                                           csvTextField(officer ? officer->team : std::string()),
                                           csvTextField(officer ? ix.teamName(officer->team) : std::string()),
                                           dutyChangeKindName(c.kind)};
        for (const auto *duty : {&c.before, &c.after}) {
            const auto cells = dutyCells(ix, *duty);
            fields.insert(fields.end(), cells.begin(), cells.end());
        }
        csvRow(out, fields);
    }
    return out;
}

int publishedSequence(int version) { return 2 * version; }

int noticeSequence(int publishedVersion) { return 2 * publishedVersion + 1; }

std::string safeFileName(const std::string &id)
{
    std::string out;
    bool changed = id.empty();
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                           (i > 0 && (c == '-' || c == '.'));
        out += plain ? c : '_';
        changed = changed || !plain;
    }
    if (changed || out.size() > 60) {
        char hash[16];
        std::snprintf(hash, sizeof hash, "-%08x", static_cast<unsigned>(fnv1a(id)));
        out.resize(std::min<std::size_t>(out.size(), 40));
        out += hash;
    }
    return out;
}

std::vector<NoticeFile> calendarNotices(const Scenario &scenario, const std::vector<DutyChange> &changes,
                                        int publishedVersion, const CalendarOptions &options)
{
    CalendarOptions notice = options;
    notice.sequence = noticeSequence(publishedVersion);
    std::map<std::string, std::vector<const DutyChange *>> byOfficer;
    for (const DutyChange &c : changes)
        byOfficer[c.officer].push_back(&c);
    std::vector<NoticeFile> out;
    std::set<std::string> names;
    const auto add = [&](const std::string &officer, std::string name, std::string text) {
        if (!names.insert(name).second)
            throw InputError("officer \"" + officer + "\"",
                             "two change notices would both be written to " + name + ": rename an officer");
        out.push_back({officer, std::move(name), std::move(text)});
    };
    for (const auto &[officer, mine] : byOfficer) {
        const std::string file = safeFileName(officer);
        std::vector<Deployment> updated;
        for (const DutyChange *c : mine)
            if (c->after)
                updated.push_back(c->after->deployment);
        if (!updated.empty())
            add(officer, file + ".ics", officerCalendar(scenario, updated, officer, notice));
        for (const DutyChange *c : mine) {
            if (c->kind != DutyChange::Kind::Removed && c->kind != DutyChange::Kind::Moved)
                continue;
            const Deployment &d = c->before->deployment;
            add(officer,
                file + "-cancel-" + formatDate(d.date) + "-" + safeFileName(d.window) + "-" + safeFileName(d.hotspot) +
                    ".ics",
                officerCancellation(scenario, d, officer, notice));
        }
    }
    return out;
}

} // namespace lfr
