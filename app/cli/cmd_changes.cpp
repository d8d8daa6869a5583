// lfrplan changes (issue 20, part 3): what changed for each officer and
// each team since the last published version, as words, CSV and calendar
// files that update the published calendars in place
// (docs/publishing.md, "Telling the people affected").
#include "args.h"
#include "commands.h"

#include "lfrplan/change_notices.h"
#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"
#include "lfrplan/publishing.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

namespace lfrcli {

namespace {

namespace fs = std::filesystem;

// The folder of --ics-dir must exist and be a folder we may write in;
// checked before any work.
void checkNoticeFolder(const std::string &dir)
{
    std::error_code ec;
    const fs::file_status status = fs::status(dir, ec);
    if (!fs::exists(status))
        throw lfr::InputError(dir, "no such folder (create it first): the calendars of --ics-dir go there");
    if (!fs::is_directory(status))
        throw lfr::InputError(dir, "not a folder: --ics-dir takes the folder the calendars are written to");
    lfr::checkOutputWritable(fs::path(dir) / "lfrplan-change-notice.ics");
}

std::string officerWords(const lfr::ScenarioIndex &ix, const std::string &id)
{
    const auto o = ix.officer(id);
    if (!o || ix.scenario().officers[*o].name.empty())
        return id;
    return id + " (" + ix.scenario().officers[*o].name + ")";
}

std::string teamWords(const lfr::ScenarioIndex &ix, const std::string &team)
{
    if (team.empty())
        return "officers no longer in the scenario";
    const std::string name = ix.teamName(team);
    return name == team ? team : name + " (" + team + ")";
}

void printReport(std::ostream &out, const lfr::Scenario &scenario, const lfr::PlanChanges &changes,
                 const std::vector<lfr::DutyChange> &duties)
{
    const lfr::ScenarioIndex ix(scenario);
    out << "deployments:\n";
    for (const std::string &line : lfr::describeChanges(scenario, changes))
        out << "  " << line << "\n";
    const std::vector<lfr::TeamChanges> teams = lfr::teamChanges(scenario, duties);
    out << "by team:\n";
    // The team column as wide as its longest name, counted in characters
    // (UTF-8), so the numbers line up.
    const auto width = [](const std::string &text) {
        return static_cast<std::size_t>(std::count_if(
            text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
    };
    std::vector<std::string> names;
    std::size_t column = 4;
    for (const lfr::TeamChanges &t : teams) {
        names.push_back(teamWords(ix, t.team));
        column = std::max(column, width(names.back()));
    }
    const auto padded = [&](const std::string &text) { return text + std::string(column - width(text), ' '); };
    char line[128];
    std::snprintf(line, sizeof line, " %8s %6s %8s %6s %8s\n", "officers", "added", "removed", "moved", "changed");
    out << "  " << padded("team") << line;
    for (std::size_t k = 0; k < teams.size(); ++k) {
        const lfr::TeamChanges &t = teams[k];
        std::snprintf(line, sizeof line, " %8zu %6zu %8zu %6zu %8zu\n", t.officers, t.added, t.removed, t.moved,
                      t.changed);
        out << "  " << padded(names[k]) << line;
    }
    // Officers by team, the team's officers by id.
    std::map<std::string, std::map<std::string, std::vector<const lfr::DutyChange *>>> byTeam;
    for (const lfr::DutyChange &c : duties) {
        const auto o = ix.officer(c.officer);
        byTeam[o ? scenario.officers[*o].team : std::string()][c.officer].push_back(&c);
    }
    out << "by officer:\n";
    for (const auto &[team, officers] : byTeam) {
        out << "  " << teamWords(ix, team) << ":\n";
        for (const auto &[officer, mine] : officers) {
            out << "    " << officerWords(ix, officer) << ":\n";
            for (const lfr::DutyChange *c : mine)
                out << "      " << lfr::dutyChangeWords(scenario, *c) << "\n";
        }
    }
}

} // namespace

int cmdChanges(const Argv &argv)
{
    const char *usage = "lfrplan changes DB NAME [--csv FILE] [--ics-dir DIR] [--allow-invalid]";
    if (printHelpIfAsked(argv, usage,
                         "What changed since the scenario's last published version, per officer and per team:\n"
                         "duties added, removed, moved (left one deployment, joined another) and changed (the\n"
                         "deployment's van or the officer's role). The saved plan is compared with the version;\n"
                         "nothing is changed in the database. No published version or no saved plan: exit 2.\n"
                         "Options:\n"
                         "  --csv FILE       one row per officer's duty change (- for standard output; the report\n"
                         "                   then goes to standard error)\n"
                         "  --ics-dir DIR    for each officer affected, OFFICER.ics (the duties added, moved to or\n"
                         "                   changed) and OFFICER-cancel-DATE-WINDOW-HOTSPOT.ics (METHOD:CANCEL, one\n"
                         "                   per duty removed or moved from): same UIDs as export-ics --published,\n"
                         "                   a higher SEQUENCE, so a calendar that imported the published version\n"
                         "                   updates in place. DIR must be an existing folder.\n"
                         "  --allow-invalid  write notices for a saved plan that breaks a hard constraint\n"
                         "Files name officers: they are written with your umask, all or none.\n"))
        return kExitOk;
    const Args args("changes", argv, withExportOptions({{"csv"}, {"ics-dir"}}));
    const StoredScenarioArgument where = databaseAndScenario(args, usage);
    const auto csv = args.value("csv");
    const auto icsDir = args.value("ics-dir");
    if (csv && *csv != "-")
        lfr::checkOutputWritable(*csv);
    if (icsDir)
        checkNoticeFolder(*icsDir);

    auto store = readOnlyStore(where.database);
    const std::string label = "scenario \"" + where.scenario + "\"";
    if (!store->hasScenario(where.scenario))
        throw lfr::InputError(where.database, "no " + label + " (see lfrplan list " + where.database + ")");
    const std::optional<lfr::PublishedVersion> published = store->lastPublished(where.scenario);
    if (!published)
        throw lfr::InputError(where.database, label +
                                                  " has no published version to compare with (publish it "
                                                  "first: lfrplan publish " +
                                                  where.database + " NAME)");
    ScenarioAndPlan data{store->loadScenario(where.scenario), {}};
    std::optional<lfr::Plan> saved = store->loadPlan(where.scenario);
    if (!saved)
        throw lfr::InputError(where.database, label + " has no saved plan to compare with published version " +
                                                  std::to_string(published->version));
    data.plan = std::move(*saved);
    if (!planMayBeExported(data, args, args.command()))
        return kExitInvalid;

    const lfr::Scenario &scenario = data.scenario;
    const lfr::PlanChanges changes = lfr::comparePlans(published->plan.deployments, data.plan.deployments);
    const std::vector<lfr::DutyChange> duties = lfr::dutyChanges(changes);
    std::vector<Output> outputs;
    if (csv)
        outputs.push_back({*csv, lfr::dutyChangesCsv(scenario, duties, published->version), "duty changes (CSV)"});
    std::vector<lfr::NoticeFile> notices;
    if (icsDir) {
        notices = lfr::calendarNotices(scenario, duties, published->version);
        for (const lfr::NoticeFile &n : notices)
            outputs.push_back({(fs::path(*icsDir) / n.fileName).string(), n.text, "calendar notice of " + n.officer});
    }
    writeOutputs(outputs); // all files or none, before anything is reported
    std::ostream &report = csv && *csv == "-" ? std::cerr : std::cout;
    const std::string since = "since published version " + std::to_string(published->version) + " of " + label + " (" +
                              published->publishedAt + ", by " + published->publishedBy + ")";
    if (changes.empty()) {
        report << "no changes since version " << published->version << ": the saved plan of " << label
               << " is the published one\n";
    } else {
        std::size_t officers = 0;
        for (std::size_t i = 0; i < duties.size(); ++i)
            officers += i == 0 || duties[i].officer != duties[i - 1].officer ? 1U : 0U;
        report << "changes " << since << ": " << changes.deployments.size() << " deployments changed, " << duties.size()
               << " duties of " << officers << " officers\n";
        printReport(report, scenario, changes, duties);
    }
    if (icsDir && notices.empty())
        std::cerr << "no calendars to write to " << *icsDir << ": no officer's duties changed\n";
    return kExitOk;
}

} // namespace lfrcli
