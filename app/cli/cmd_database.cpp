// init, import, export, list: moving scenarios between files and a database.
#include "args.h"
#include "busy_notice.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/input_limits.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/storage_copy.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <vector>

namespace lfrcli {

int cmdInit(const Argv &argv)
{
    const char *usage = "lfrplan init DB";
    if (printHelpIfAsked(argv, usage,
                         "Creates an empty lfrplan database at DB, or checks an existing one, and says what\n"
                         "you may do in it. DB is an SQLite file path, or a PostgreSQL connection string\n"
                         "(postgresql://USER@HOST:PORT/DATABASE): there the schema is created, or upgraded,\n"
                         "by the owner of the database (the administrator).\n"))
        return kExitOk;
    const Args args("init", argv, {});
    args.expectPositional(1, 1, usage);
    installBusyWaitNotice();
    const auto storage = lfr::openStorage(args.positional()[0], lfr::OpenMode::CreateIfMissing);
    const lfr::Permissions p = storage->permissions();
    std::cout << "database " << storage->location() << " ready (schema version " << storage->schemaVersion() << ", "
              << storage->listScenarios().size() << " scenarios)\n";
    std::string may;
    for (const auto &[allowed, what] :
         {std::pair{p.editData, "edit data"}, std::pair{p.editPlans, "save plans"},
          std::pair{p.draftAuthorisations, "draft authorisations"}, std::pair{p.authorise, "authorise"},
          std::pair{p.changeSettings, "change the safeguard settings"},
          std::pair{p.readAuditTrail, "read the audit trail"}})
        if (allowed)
            may += std::string(may.empty() ? "" : ", ") + what;
    const bool writes = p.editData || p.editPlans || p.draftAuthorisations || p.authorise || p.changeSettings;
    std::cout << "you are " << storage->actor() << " (" << p.role << "): you may read the scenarios"
              << (may.empty() ? "" : ", " + may) << (writes ? "" : "; you may change nothing") << "\n";
    return kExitOk;
}

int cmdCopy(const Argv &argv)
{
    const char *usage = "lfrplan copy SOURCE DEST";
    if (printHelpIfAsked(argv, usage,
                         "Copies a whole database, SQLite or PostgreSQL, into DEST (a new file or an empty\n"
                         "database, created or opened as its administrator): every scenario with its data,\n"
                         "plan, notes, revision and authorisation records, the published records, the\n"
                         "settings and the audit trail as it is. One transaction: a failure copies nothing.\n"
                         "Both are then read back and compared item by item.\n"))
        return kExitOk;
    const Args args("copy", argv, {});
    args.expectPositional(2, 2, usage);
    installBusyWaitNotice();
    const lfr::CopyReport report = lfr::copyStore(args.positional()[0], args.positional()[1]);
    std::int64_t rows = 0;
    for (const auto &[table, count] : report.rows)
        rows += count;
    std::cout << "copied " << report.scenarios << " scenarios, " << report.auditEntries << " audit entries, " << rows
              << " rows in " << report.rows.size() << " tables; verified equal\n";
    return kExitOk;
}

int cmdImport(const Argv &argv)
{
    const char *usage = "lfrplan import DB SCENARIO.json [--name NAME] [--replace] [--plan PLAN.json]";
    if (printHelpIfAsked(argv, usage,
                         "Reads SCENARIO.json (lfrplan-scenario/1), checks it completely, and stores it in DB\n"
                         "(created if missing) under its own name or NAME. The whole import is one transaction:\n"
                         "bad input or a failure changes nothing. A scenario of the same name is an error unless\n"
                         "--replace is given. --plan also stores a plan (lfrplan-plan/1) for the scenario.\n"))
        return kExitOk;
    const Args args("import", argv, {{"name"}, {"replace", false}, {"plan"}});
    args.expectPositional(2, 2, usage);
    lfr::Scenario scenario = lfr::readScenarioFile(args.positional()[1]);
    if (const auto name = args.value("name"))
        scenario.name = *name;
    std::optional<lfr::Plan> plan;
    if (const auto planFile = args.value("plan")) {
        plan = lfr::readPlanFile(*planFile);
        plan->scenario = scenario.name;
        // The store refuses a plan that names what the scenario lacks; check
        // that before anything is written, so scenario and plan land together.
        for (const lfr::Violation &v : lfr::validatePlan(scenario, plan->deployments).violations) {
            if (v.rule == lfr::Rule::UnknownReference || v.check == lfr::Check::UnknownVan ||
                v.check == lfr::Check::DateOutsideHorizon)
                throw lfr::InputError(*planFile, v.message);
        }
    }
    installBusyWaitNotice();
    const auto storage = lfr::openStorage(args.positional()[0], lfr::OpenMode::CreateIfMissing);
    const auto mode = args.flag("replace") ? lfr::ImportMode::Replace : lfr::ImportMode::FailIfExists;
    if (mode == lfr::ImportMode::FailIfExists && storage->hasScenario(scenario.name))
        throw lfr::InputError(args.positional()[0], "a scenario named \"" + scenario.name +
                                                        "\" already exists (use --replace, or --name NAME)");
    storage->importScenario(scenario, mode);
    if (plan) {
        try {
            storage->savePlan(scenario.name, *plan);
        } catch (const lfr::BusyError &error) { // two transactions: say what the first one kept
            throw lfr::BusyError(std::string(error.what()) + " (the scenario \"" + scenario.name +
                                 "\" was stored, its plan was not: import it again with --replace --plan)");
        }
    }
    std::cout << "imported \"" << scenario.name << "\": " << scenario.officers.size() << " officers, "
              << scenario.teams.size() << " teams, " << scenario.hotspots.size() << " hotspots, "
              << scenario.vans.size() << " vans, " << scenario.dates.size() << " dates"
              << (plan ? ", with its plan" : "") << "\n";
    return kExitOk;
}

int cmdExport(const Argv &argv)
{
    const char *usage = "lfrplan export DB NAME [-o SCENARIO.json] [--plan PLAN.json]";
    if (printHelpIfAsked(argv, usage,
                         "Writes scenario NAME from DB as lfrplan-scenario/1 to SCENARIO.json (standard output when\n"
                         "-o is absent or -), with every default spelled out. --plan also writes its stored plan\n"
                         "(- for standard output; then -o must name a file). Both are checked before anything is\n"
                         "written, and written atomically: a failure replaces neither.\n"))
        return kExitOk;
    const Args args("export", argv, {{"output", true, 'o'}, {"plan"}});
    args.expectPositional(2, 2, usage);
    const auto output = args.value("output");
    const auto planFile = args.value("plan");
    // -o absent is standard output, so --plan - then needs -o FILE.
    checkTwoOutputs(output ? output : std::optional<std::string>("-"), "-o", planFile, "--plan");
    installBusyWaitNotice();
    const std::string &db = args.positional()[0];
    const std::string &name = args.positional()[1];
    const StoredScenario stored = readStoredScenario(db, name, planFile.has_value());
    std::vector<Output> outputs{{output.value_or("-"), lfr::writeScenario(stored.scenario), "scenario"}};
    if (planFile) {
        if (!stored.plan)
            throw lfr::InputError(db, "scenario \"" + name + "\" has no stored plan");
        outputs.push_back({*planFile, lfr::writePlan(*stored.plan), "plan"});
    }
    writeOutputs(outputs);
    return kExitOk;
}

int cmdList(const Argv &argv)
{
    const char *usage = "lfrplan list DB";
    if (printHelpIfAsked(argv, usage, "Lists the scenarios stored in DB.\n"))
        return kExitOk;
    const Args args("list", argv, {});
    args.expectPositional(1, 1, usage);
    installBusyWaitNotice();
    const auto storage = lfr::openStorage(args.positional()[0], lfr::OpenMode::ReadOnly);
    const auto scenarios = storage->listScenarios();
    if (scenarios.empty()) {
        std::cout << "no scenarios in " << storage->location() << "\n";
        return kExitOk;
    }
    // The name column is as wide as the longest name (at least 36).
    std::vector<std::string> names;
    std::size_t width = 36;
    for (const auto &s : scenarios) {
        names.push_back(lfr::printableExcerpt(s.name, lfr::kMaxNameCharacters));
        width = std::max(width, lfr::countCharacters(names.back()) + 2);
    }
    std::cout << std::left << std::setw(static_cast<int>(width)) << "scenario" << std::right << std::setw(9)
              << "officers" << std::setw(7) << "teams" << std::setw(10) << "hotspots" << std::setw(6) << "vans"
              << std::setw(7) << "dates" << std::setw(6) << "plan"
              << "  updated\n";
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        // A name stored by another program (or an older lfrplan) may hold
        // control characters: printableExcerpt never lets them drive the
        // terminal. setw counts bytes, so pad by characters.
        const auto &s = scenarios[i];
        const std::size_t chars = lfr::countCharacters(names[i]);
        std::cout << names[i] << std::string(width > chars ? width - chars : 1, ' ') << std::right << std::setw(9)
                  << s.officers << std::setw(7) << s.teams << std::setw(10) << s.hotspots << std::setw(6) << s.vans
                  << std::setw(7) << s.dates << std::setw(6) << (s.hasPlan ? "yes" : "-") << "  " << s.updatedAt
                  << "\n";
    }
    return kExitOk;
}

} // namespace lfrcli
