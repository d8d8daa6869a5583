// The lfrplan commands. Each takes its arguments after the command name and
// returns an exit code (args.h); bad input throws lfr::InputError, bad usage
// lfrcli::UsageError, and main() turns both into exit code 2.
#pragma once

#include "args.h"
#include "lfrplan/model.h"
#include "lfrplan/storage.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lfrcli {

using Argv = std::vector<std::string>;

int cmdInit(const Argv &args);
int cmdCopy(const Argv &args);
int cmdImport(const Argv &args);
int cmdExport(const Argv &args);
int cmdList(const Argv &args);
int cmdValidate(const Argv &args);
int cmdGenerate(const Argv &args);
int cmdDemo(const Argv &args);
int cmdExportLp(const Argv &args);
int cmdSolve(const Argv &args);
int cmdExportCsv(const Argv &args);
int cmdExportIcs(const Argv &args);
int cmdExportPdf(const Argv &args);
int cmdScenario(const Argv &args);
int cmdCompare(const Argv &args);
int cmdImportRecords(const Argv &args);
int cmdExportRecords(const Argv &args);
int cmdReport(const Argv &args);
int cmdAudit(const Argv &args);
int cmdAuthorisation(const Argv &args);
int cmdSafeguards(const Argv &args);
int cmdUsers(const Argv &args);
int cmdPublish(const Argv &args);
int cmdChanges(const Argv &args);
int cmdReplan(const Argv &args);

class Args;
struct ScenarioAndPlan {
    lfr::Scenario scenario;
    lfr::Plan plan;
};
// The stored-scenario argument every command shares (docs/cli.md): DB NAME,
// where DB is an SQLite file or a postgresql:// connection string; the
// older --db DB --scenario NAME is accepted as an alias. True when the
// first positional argument (or --db) names a database rather than a file.
bool namesDatabase(const Args &args);
// InputError with a hint when `path`, given where a JSON file belongs, is
// an lfrplan database (issue 18, finding 7), instead of a JSON parse error.
void refuseDatabaseAsJson(const std::string &path, const std::string &command);
struct StoredScenarioArgument {
    std::string database;
    std::string scenario;
};
// The DB and NAME of a command given namesDatabase(); UsageError otherwise.
StoredScenarioArgument databaseAndScenario(const Args &args, const char *usage);
// Two outputs of one command (`--schedule`/`--roster`, `-o`/`--plan`):
// UsageError when both are standard output (-) or both name one file; then
// each file's place is checked (lfr::checkOutputWritable) before any work.
void checkTwoOutputs(const std::optional<std::string> &a, const std::string &aOption,
                     const std::optional<std::string> &b, const std::string &bOption);
// What a command writes: a file, or standard output for "-".
struct Output {
    std::string where;
    std::string text;
    std::string what;
};
// Writes every file to its temporary first and replaces nothing until all
// are ready (so an error leaves every old file as it was), then prints what
// goes to standard output and says on standard error what was written where.
void writeOutputs(const std::vector<Output> &outputs);
// A database that must exist, opened to change it (existingStore) or only
// to read it (readOnlyStore: works on a read-only file or folder, an
// archived copy, and changes nothing); both print a message while they
// wait for a busy database. Changes are recorded under the login the
// operating system or the server authenticated (issue 15): no command has
// an option to name anyone else.
std::unique_ptr<lfr::Storage> existingStore(const std::string &db);
std::unique_ptr<lfr::Storage> readOnlyStore(const std::string &db);
// A stored scenario, and its saved plan when `withPlan` (none if it has no
// saved plan), from DB opened read-only; InputError naming DB when it holds
// no scenario NAME.
struct StoredScenario {
    lfr::Scenario scenario;
    std::optional<lfr::Plan> plan;
};
StoredScenario readStoredScenario(const std::string &db, const std::string &name, bool withPlan);
// For the exports: SCENARIO.json PLAN.json (the plan must be the
// scenario's), or DB NAME and its saved plan, the database opened
// read-only; InputError or UsageError otherwise. Commands that call it
// declare their options through withExportOptions().
ScenarioAndPlan loadScenarioAndPlan(const Args &args, const char *usage);
// A command's own options plus --db, --scenario and --allow-invalid.
std::vector<OptionSpec> withExportOptions(std::vector<OptionSpec> own);
// An export refuses a plan that breaks a hard constraint: false after
// printing its violations to standard error (the command then returns
// kExitInvalid and writes nothing); with --allow-invalid, true after a
// warning.
bool planMayBeExported(const ScenarioAndPlan &data, const Args &args, const std::string &command);
// Writes text atomically to a file, or to standard output for "-", and
// says so on standard error.
void writeOutput(const std::string &where, const std::string &text, const std::string &what);

// The folder of the data the program ships: $LFRPLAN_DATA_DIR, else the
// installed share/lfrplan beside the executable, else the source tree's data/.
std::filesystem::path dataDirectory();

} // namespace lfrcli
