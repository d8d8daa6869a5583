// import-records, report, audit, authorisation and safeguards: the
// accountability of deployments from plan to outcome (issue 6).
#include "args.h"
#include "commands.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/safeguards_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"

#include <filesystem>
#include <iostream>
#include <limits>

namespace lfrcli {

int cmdImportRecords(const Argv &argv)
{
    const char *usage = "lfrplan import-records DB FILE.csv [--source NAME] [--check]";
    if (printHelpIfAsked(argv, usage,
                         "Reads published LFR deployment records (the columns of the public compilation of the\n"
                         "Met's records: Year, Date, Deployment, Borough, ..., Ward Code) and stores them,\n"
                         "replacing earlier records of the same source (the file's name unless --source).\n"
                         "As published: '-' is none (0); 'n/a' and blank are not available; dates dd/mm/yyyy\n"
                         "and other forms; durations h:mm. Records are dated by Date, not by Year.\n"
                         "Every cell or row it cannot read is reported as FILE:LINE: column \"X\" \"cell\": why.\n"
                         "Exit code: 0 all read, 1 stored with problems reported, 2 not such a file.\n"
                         "Options:\n"
                         "  --check        read and report only; store nothing\n"
                         "  --source NAME  the name the records are stored under\n"))
        return kExitOk;
    const Args args("import-records", argv, {{"source"}, {"check", false}});
    args.expectPositional(2, 2, usage);
    const std::string &file = args.positional()[1];
    // The database first: a missing or foreign one is reported before a
    // large records file is read (and its problems would hide it).
    std::unique_ptr<lfr::Storage> target;
    if (!args.flag("check"))
        target = existingStore(args.positional()[0]);
    const lfr::RecordImport in = lfr::readDeploymentRecords(lfr::readTextFile(file), file);
    for (const lfr::RecordProblem &p : in.problems)
        std::cerr << file << ":" << p.line << ": "
                  << (p.column.empty() ? std::string("row") : "column \"" + p.column + "\" \"" + p.cell + "\"") << ": "
                  << p.message << "\n";
    std::cerr << in.records.size() << " of " << in.rows << " rows read, " << in.problems.size() << " problem"
              << (in.problems.size() == 1 ? "" : "s") << " reported\n";
    if (!args.flag("check")) {
        const std::string source = args.value("source").value_or(std::filesystem::path(file).filename().string());
        target->importRecords(source, in.records);
        std::cerr << "stored " << in.records.size() << " records as \"" << source << "\"\n";
    }
    return in.problems.empty() ? kExitOk : kExitInvalid;
}

namespace {

// Names on standard error every stored record that cannot be read (and so
// is left out of what `command` shows); true when there is one.
bool warnUnreadable(lfr::Storage &store, const char *command)
{
    const auto rows = store.unreadableRows();
    if (rows.empty())
        return false;
    std::cerr << "lfrplan " << command << ": " << rows.size() << " stored record(s) cannot be read and are left out:\n";
    for (const lfr::UnreadableRow &row : rows)
        std::cerr << "  " << row.table << ": " << row.row << ": " << row.reason << "\n";
    return true;
}

} // namespace

int cmdReport(const Argv &argv)
{
    const char *usage = "lfrplan report DB [--by year|month] [--by-borough] [--csv FILE]";
    if (printHelpIfAsked(argv, usage,
                         "The transparency report: deployments, hours, faces seen, alerts, true and false\n"
                         "alerts, the false-alert rate per face and per alert, and arrests, by year or month\n"
                         "(and borough), then the total. It covers the published records imported\n"
                         "(lfrplan import-records) and every deployment closed with its outcome in lfrplan.\n"
                         "Hours cover only deployments whose duration is known. A stored record that\n"
                         "cannot be read is left out and named on standard error; the exit status is then 1.\n"
                         "Options:\n"
                         "  --by year|month   the period of a row [year]\n"
                         "  --by-borough      a row per period and borough\n"
                         "  --csv FILE        write CSV (- for standard output) instead of the table\n"))
        return kExitOk;
    const Args args("report", argv, {{"by"}, {"by-borough", false}, {"csv"}});
    args.expectPositional(1, 1, usage);
    const std::string by = args.value("by").value_or("year");
    if (by != "year" && by != "month")
        throw UsageError("--by " + by + ": expected year or month");
    auto s = readOnlyStore(args.positional()[0]);
    const auto rows = lfr::transparencyReport(lfr::accountedRecords(*s),
                                              by == "year" ? lfr::ReportPeriod::Year : lfr::ReportPeriod::Month,
                                              args.flag("by-borough"));
    if (const auto csv = args.value("csv"))
        writeOutput(*csv, lfr::reportCsv(rows), "report");
    else
        std::cout << lfr::reportTable(rows);
    // A record that cannot be read is not counted: say which, and exit 1 so
    // that a script never takes an incomplete report for a whole one.
    return warnUnreadable(*s, "report") ? kExitInvalid : kExitOk;
}

namespace {

int verifyAudit(const std::string &db, const std::optional<std::string> &head)
{
    const lfr::ChainCheck check = readOnlyStore(db)->verifyAuditTrail(head);
    for (const std::string &note : check.notes)
        std::cerr << "note: " << note << "\n";
    if (!check.ok()) {
        for (const std::string &problem : check.problems)
            std::cout << "FAILED: " << problem << "\n";
        return kExitInvalid;
    }
    std::cout << "the audit trail's chain holds: " << check.entries << " entries\n";
    if (check.headSeq > 0)
        std::cout << "head: " << check.headSeq << ":" << check.headHash << "\n";
    return kExitOk;
}

} // namespace

int cmdUsers(const Argv &argv)
{
    const char *usage = "lfrplan users DB [--map LOGIN OFFICER] [--unmap LOGIN]";
    if (printHelpIfAsked(argv, usage,
                         "Which login is which officer. Changes are recorded under the login you are\n"
                         "authenticated as (the operating system's on an SQLite file, the server's on\n"
                         "PostgreSQL). A record is authorised only by the login mapped to the authorising\n"
                         "officer it names, and never by the login that planned it. A login maps to one\n"
                         "officer, an officer to one login. Only the administrator maps logins (on an SQLite\n"
                         "file: whoever may write it). Without options: the mappings, and who you are.\n"
                         "Options:\n"
                         "  --map LOGIN OFFICER   map (or re-map) a login to an officer's collar number\n"
                         "  --unmap LOGIN         remove a login's mapping\n"))
        return kExitOk;
    const Args args("users", argv, {{"map"}, {"unmap"}});
    const auto &pos = args.positional();
    const auto map = args.value("map");
    args.expectPositional(map ? 2 : 1, map ? 2 : 1, usage);
    const bool changes = map || args.value("unmap");
    auto s = changes ? existingStore(pos[0]) : readOnlyStore(pos[0]);
    if (const auto login = map) {
        if (args.value("unmap"))
            throw UsageError("--map and --unmap: one at a time");
        s->mapUser(*login, pos[1]);
        std::cerr << "mapped " << *login << " to officer " << pos[1] << "\n";
        return kExitOk;
    }
    if (const auto login = args.value("unmap")) {
        s->unmapUser(*login);
        std::cerr << "unmapped " << *login << "\n";
        return kExitOk;
    }
    const auto officer = s->actorOfficer();
    std::cout << "you are " << s->actor() << " ("
              << (officer ? "officer " + *officer : std::string("not mapped to an officer")) << ")\n";
    for (const lfr::UserMapping &u : s->users())
        std::cout << u.login << "\t" << u.officer << "\n";
    return kExitOk;
}

int cmdAudit(const Argv &argv)
{
    const char *usage = "lfrplan audit DB [--after SEQ] [--csv FILE]\n"
                        "       lfrplan audit DB --verify [--head SEQ:HASH]";
    if (printHelpIfAsked(argv, usage,
                         "The audit trail: every change to data, plans, authorisations, outcomes, records and\n"
                         "settings, with its number, time (UTC), who, what, and the old and new values (JSON).\n"
                         "The database writes it and refuses any change to it (it is append-only); each entry\n"
                         "carries a hash chained to the one before (docs/safeguards.md).\n"
                         "Options:\n"
                         "  --after SEQ       only the entries after this number\n"
                         "  --csv FILE        write CSV (- for standard output)\n"
                         "  --verify          recompute the hash chain: exit 0 when it holds (and print its\n"
                         "                    head, to publish), 1 naming the first entry that does not fit\n"
                         "                    or the numbers missing\n"
                         "  --head SEQ:HASH   with --verify: a head published earlier must still be in it\n"))
        return kExitOk;
    const Args args("audit", argv, {{"after"}, {"csv"}, {"verify", false}, {"head"}});
    args.expectPositional(1, 1, usage);
    if (args.flag("verify"))
        return verifyAudit(args.positional()[0], args.value("head"));
    if (args.value("head"))
        throw UsageError("--head goes with --verify");
    const auto after = args.integer("after", 0, std::numeric_limits<long long>::max())
                           .value_or(std::numeric_limits<std::int64_t>::min()); // every entry
    const auto entries = readOnlyStore(args.positional()[0])->auditTrail(after);
    if (const auto csv = args.value("csv")) {
        writeOutput(*csv, lfr::auditCsv(entries), "audit trail");
        return kExitOk;
    }
    for (const lfr::AuditEntry &e : entries)
        std::cout << e.seq << "  " << e.at << "  " << e.actor << "  " << e.action << "  " << e.subject << "\n"
                  << "    old: " << e.oldValue << "\n    new: " << e.newValue << "\n";
    return kExitOk;
}

int cmdAuthorisation(const Argv &argv)
{
    const char *usage = "lfrplan authorisation DB SCENARIO list\n"
                        "       lfrplan authorisation DB SCENARIO save RECORD.json\n"
                        "       lfrplan authorisation DB SCENARIO template HOTSPOT DATE WINDOW";
    if (printHelpIfAsked(argv, usage,
                         "The authorisation record of each deployment (the College of Policing's APP for LFR):\n"
                         "use case and its policy reference, authorising officer (minimum rank: lfrplan\n"
                         "safeguards), written rationale, watchlist size and categories, community impact\n"
                         "assessment, public notice, signage, start and end; then the outcome.\n"
                         "save stores a record (JSON, as list prints it) after the rules allow its status:\n"
                         "draft -> authorised (nothing missing, not by its planner) -> deployed -> closed (with\n"
                         "its outcome); cancelled with a reason. A refusal lists every problem (exit 2).\n"
                         "The store records who planned and who authorised a record: the login you are\n"
                         "authenticated as. Only the login mapped to the authorising officer (lfrplan users)\n"
                         "may authorise, never the login that planned it. A record changed by someone else\n"
                         "since it was read is refused as a conflict, naming the change.\n"
                         "template prints an empty draft for a deployment.\n"))
        return kExitOk;
    const Args args("authorisation", argv, {});
    const auto &pos = args.positional();
    if (pos.size() < 3)
        throw UsageError("usage: " + std::string(usage));
    const std::string &action = pos[2];
    auto s = action == "save" ? existingStore(pos[0]) : readOnlyStore(pos[0]);
    if (action == "list") {
        args.expectPositional(3, 3, usage);
        nlohmann::json out = nlohmann::json::array();
        const lfr::Scenario scenario = s->loadScenario(pos[1]); // once, not per record
        const lfr::SafeguardSettings settings = s->safeguardSettings();
        for (const lfr::Authorisation &a : s->loadAuthorisations(pos[1])) {
            nlohmann::json j = lfr::authorisationToJson(a);
            std::vector<std::string> problems;
            if (a.status == lfr::AuthorisationStatus::Draft)
                problems = lfr::authorisationProblems(a, scenario, settings);
            j["missing_for_authorisation"] = problems;
            if (a.useCase)
                j["policy_reference"] = std::string(lfr::policyReference(*a.useCase));
            out.push_back(j);
        }
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    if (action == "save") {
        args.expectPositional(4, 4, usage);
        const lfr::Authorisation a = lfr::readAuthorisation(lfr::readTextFile(pos[3]), pos[3]);
        s->saveAuthorisation(pos[1], a);
        std::cerr << "stored the " << lfr::statusName(a.status) << " record of " << lfr::describeKey(a.deployment)
                  << "\n";
        return kExitOk;
    }
    if (action == "template") {
        args.expectPositional(6, 6, usage);
        lfr::Authorisation a;
        a.deployment.hotspot = pos[3];
        const auto date = lfr::parseDate(pos[4]);
        if (!date)
            throw UsageError("\"" + pos[4] + "\" is not a YYYY-MM-DD date");
        a.deployment.date = *date;
        a.deployment.window = pos[5];
        std::cout << lfr::authorisationToJson(a).dump(2) << "\n";
        return kExitOk;
    }
    throw UsageError("unknown action \"" + action + "\"\nusage: " + std::string(usage));
}

int cmdSafeguards(const Argv &argv)
{
    const char *usage = "lfrplan safeguards DB [--min-rank RANK] [--min-rationale N]";
    if (printHelpIfAsked(argv, usage,
                         "Shows, or sets, the force's safeguard settings: the minimum rank of an authorising\n"
                         "officer (PC, PS, Insp, CI, Supt, CS, Cmdr; default Supt) and the least length of the\n"
                         "written rationale. Changes are audited.\n"))
        return kExitOk;
    const Args args("safeguards", argv, {{"min-rank"}, {"min-rationale"}});
    args.expectPositional(1, 1, usage);
    const bool changes = args.value("min-rank") || args.value("min-rationale");
    auto s = changes ? existingStore(args.positional()[0]) : readOnlyStore(args.positional()[0]);
    lfr::SafeguardSettings settings = s->safeguardSettings();
    bool changed = false;
    if (const auto r = args.value("min-rank")) {
        const auto rank = lfr::parseRank(*r);
        if (!rank)
            throw UsageError("--min-rank " + *r + ": expected PC, PS, Insp, CI, Supt, CS or Cmdr");
        settings.minimumAuthorisingRank = *rank;
        changed = true;
    }
    if (const auto n = args.integer("min-rationale", 0, 100000)) {
        settings.minimumRationaleLength = static_cast<std::size_t>(*n);
        changed = true;
    }
    if (changed)
        s->setSafeguardSettings(settings);
    std::cout << "minimum authorising rank: " << lfr::rankName(settings.minimumAuthorisingRank) << "\n"
              << "minimum rationale length: " << settings.minimumRationaleLength << " characters\n";
    return kExitOk;
}

} // namespace lfrcli
