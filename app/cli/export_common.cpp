// What every export shares: the stored-scenario argument, refusing a plan
// that breaks a hard constraint, and writing to a file or standard output.
#include "args.h"
#include "busy_notice.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/validator.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace lfrcli {

namespace {

// An SQLite database begins with these 16 bytes. Only a regular file is
// looked into: a pipe, a FIFO or standard input would lose the bytes read
// here before the command reads it (and SQLite opens regular files only).
bool startsLikeSqlite(const std::string &path)
{
    std::error_code ec;
    if (path == "-" || !std::filesystem::is_regular_file(path, ec))
        return false;
    std::ifstream in(path, std::ios::binary);
    std::array<char, 16> head{};
    if (!in.read(head.data(), head.size()))
        return false;
    return std::string(head.data(), head.size()) == std::string("SQLite format 3\0", 16);
}

} // namespace

bool namesDatabase(const Args &args)
{
    if (args.value("db"))
        return true;
    if (args.positional().empty())
        return false;
    const std::string &first = args.positional().front();
    return first.starts_with("postgresql://") || first.starts_with("postgres://") || startsLikeSqlite(first);
}

void refuseDatabaseAsJson(const std::string &path, const std::string &command)
{
    if (startsLikeSqlite(path))
        throw lfr::InputError(path, "an lfrplan database, not a JSON file: give the database and a scenario's name "
                                    "(lfrplan " +
                                        command + " DB NAME where the command takes one; lfrplan list " + path +
                                        " shows the names; lfrplan export " + path +
                                        " NAME -o FILE.json writes one out)");
}

StoredScenarioArgument databaseAndScenario(const Args &args, const char *usage)
{
    if (const auto option = args.value("db")) {
        args.expectPositional(0, 0, usage);
        const auto named = args.value("scenario");
        if (!named)
            throw UsageError("--db needs --scenario NAME (or give DB NAME)");
        return {*option, *named};
    }
    args.expectPositional(2, 2, usage);
    if (args.value("scenario"))
        throw UsageError("give the scenario once: DB NAME (not also --scenario)");
    return {args.positional()[0], args.positional()[1]};
}

std::vector<OptionSpec> withExportOptions(std::vector<OptionSpec> own)
{
    own.insert(own.end(), {{"db"}, {"scenario"}, {"allow-invalid", false}});
    return own;
}

void checkTwoOutputs(const std::optional<std::string> &a, const std::string &aOption,
                     const std::optional<std::string> &b, const std::string &bOption)
{
    if (a && b) {
        if (*a == "-" && *b == "-")
            throw UsageError(aOption + " and " + bOption + " cannot both go to standard output (-): give one a file");
        std::error_code ea;
        std::error_code eb;
        const auto pa = std::filesystem::weakly_canonical(*a, ea);
        const auto pb = std::filesystem::weakly_canonical(*b, eb);
        if (*a == *b || (!ea && !eb && pa == pb))
            throw UsageError(aOption + " and " + bOption + " name the same file (" + *a +
                             "): one would overwrite the other");
    }
    for (const auto &out : {a, b})
        if (out && *out != "-")
            lfr::checkOutputWritable(*out);
}

void writeOutputs(const std::vector<Output> &outputs)
{
    std::vector<lfr::PendingFile> pending;
    for (const Output &o : outputs)
        if (o.where != "-")
            pending.emplace_back(o.where, o.text);
    for (lfr::PendingFile &file : pending)
        file.commit();
    for (const Output &o : outputs) {
        if (o.where == "-")
            std::cout << o.text << std::flush;
        else
            std::cerr << "wrote the " << o.what << " to " << o.where << "\n";
    }
}

std::unique_ptr<lfr::Storage> existingStore(const std::string &db)
{
    installBusyWaitNotice();
    return lfr::openStorage(db, lfr::OpenMode::ExistingOnly);
}

std::unique_ptr<lfr::Storage> readOnlyStore(const std::string &db)
{
    installBusyWaitNotice();
    return lfr::openStorage(db, lfr::OpenMode::ReadOnly);
}

StoredScenario readStoredScenario(const std::string &db, const std::string &name, bool withPlan)
{
    const auto storage = readOnlyStore(db);
    if (!storage->hasScenario(name))
        throw lfr::InputError(db, "no scenario named \"" + name + "\" (see lfrplan list " + db + ")");
    StoredScenario stored{storage->loadScenario(name), std::nullopt};
    if (withPlan)
        stored.plan = storage->loadPlan(name);
    return stored;
}

ScenarioAndPlan loadScenarioAndPlan(const Args &args, const char *usage)
{
    lfr::Scenario scenario;
    lfr::Plan plan;
    if (namesDatabase(args)) {
        const auto [db, name] = databaseAndScenario(args, usage);
        StoredScenario stored = readStoredScenario(db, name, true);
        scenario = std::move(stored.scenario);
        if (!stored.plan)
            throw lfr::InputError(db, "scenario \"" + name + "\" has no saved plan (solve it first: lfrplan solve " +
                                          db + " " + name + ")");
        plan = std::move(*stored.plan);
    } else {
        args.expectPositional(2, 2, usage);
        scenario = lfr::readScenarioFile(args.positional()[0]);
        plan = lfr::readPlanFile(args.positional()[1]);
        if (plan.scenario != scenario.name)
            throw lfr::InputError(args.positional()[1],
                                  "the plan is for scenario \"" + plan.scenario + "\", not \"" + scenario.name + "\"");
    }
    return {std::move(scenario), std::move(plan)};
}

bool planMayBeExported(const ScenarioAndPlan &data, const Args &args, const std::string &command)
{
    const lfr::ValidationReport report = lfr::validatePlan(data.scenario, data.plan.deployments);
    if (report.violations.empty())
        return true;
    const bool allowed = args.flag("allow-invalid");
    const std::size_t n = report.violations.size();
    std::cerr << "lfrplan " << command << ": " << (allowed ? "warning: " : "") << "the plan breaks " << n
              << (n == 1 ? " hard constraint" : " hard constraints") << ":\n";
    for (const lfr::Violation &v : report.violations)
        std::cerr << "  " << v.message << "\n";
    if (allowed) {
        std::cerr << "lfrplan " << command << ": writing it anyway (--allow-invalid)\n";
        return true;
    }
    std::cerr << "lfrplan " << command
              << ": nothing was written; fix the plan (lfrplan validate shows the same), or give --allow-invalid "
                 "to export it as it is\n";
    return false;
}

void writeOutput(const std::string &where, const std::string &text, const std::string &what)
{
    if (where == "-") {
        std::cout << text << std::flush;
        return;
    }
    lfr::writeFileAtomically(where, text);
    std::cerr << "wrote the " << what << " to " << where << "\n";
}

} // namespace lfrcli
