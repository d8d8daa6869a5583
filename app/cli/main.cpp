// lfrplan: the command-line tool. Thin: parses the command and hands over to
// the core library; turns errors into the documented exit codes.
#include "args.h"
#include "commands.h"

#include "lfrplan/errors.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <new>

namespace {

using lfrcli::Argv;

struct Command {
    const char *name;
    int (*run)(const Argv &);
    const char *summary;
};

constexpr Command kCommands[] = {
    {"init", lfrcli::cmdInit, "create (or check) an lfrplan database"},
    {"import", lfrcli::cmdImport, "check a scenario file and store it in a database"},
    {"export", lfrcli::cmdExport, "write a stored scenario (and plan) back to files"},
    {"list", lfrcli::cmdList, "list the scenarios in a database"},
    {"copy", lfrcli::cmdCopy, "copy a whole database between SQLite and PostgreSQL, verified"},
    {"validate", lfrcli::cmdValidate, "check a scenario, or a plan against every hard constraint"},
    {"solve", lfrcli::cmdSolve, "find the best plan for a scenario, with its proven bound"},
    {"generate", lfrcli::cmdGenerate, "write a deterministic synthetic scenario of any size"},
    {"demo", lfrcli::cmdDemo, "summarise the bundled demo week, or make the demo database"},
    {"export-lp", lfrcli::cmdExportLp, "write a scenario as a MILP in LP format (for cbc)"},
    {"export-csv", lfrcli::cmdExportCsv, "write a plan's schedule and roster as CSV for spreadsheets"},
    {"export-ics", lfrcli::cmdExportIcs, "write an officer's or a team's duties as an iCalendar file"},
    {"export-pdf", lfrcli::cmdExportPdf, "write a plan's printable roster as a PDF (no display needed)"},
    {"publish", lfrcli::cmdPublish, "freeze a scenario's saved plan as its next published version, or list them"},
    {"replan", lfrcli::cmdReplan, "re-plan after a disruption from the published version, with the fewest changes"},
    {"changes", lfrcli::cmdChanges, "what changed per officer and team since the last published version, with notices"},
    {"scenario", lfrcli::cmdScenario, "clone (with what-if changes), rename or delete a stored scenario"},
    {"compare", lfrcli::cmdCompare, "compare 2 to 4 stored scenarios' plans side by side"},
    {"authorisation", lfrcli::cmdAuthorisation, "list or store deployments' authorisation records and outcomes"},
    {"safeguards", lfrcli::cmdSafeguards, "show or set the minimum authorising rank and rationale length"},
    {"import-records", lfrcli::cmdImportRecords, "read published LFR deployment records, reporting bad cells"},
    {"export-records", lfrcli::cmdExportRecords, "write the deployment records to publish, in the published layout"},
    {"report", lfrcli::cmdReport, "the transparency report by year or month and borough"},
    {"audit", lfrcli::cmdAudit, "show, export or verify the append-only, hash-chained audit trail"},
    {"users", lfrcli::cmdUsers, "which login is which officer (who may authorise)"},
};

void printHelp(std::ostream &out)
{
    out << "lfrplan " LFRPLAN_VERSION " - plans live facial recognition deployments\n\n"
        << "usage: lfrplan COMMAND [ARGS...]   (lfrplan help COMMAND for a command's options)\n\n"
        << "commands:\n";
    std::size_t width = 0;
    for (const Command &c : kCommands)
        width = std::max(width, std::strlen(c.name));
    for (const Command &c : kCommands)
        out << "  " << c.name << std::string(width + 2 - std::strlen(c.name), ' ') << c.summary << "\n";
    out << "\nexit codes:\n"
        << "  0  success (a valid plan, a well-formed scenario)\n"
        << "  1  an invalid plan, an infeasible scenario, or records imported with problems\n"
        << "  2  bad input or usage: nothing was written\n"
        << "  3  the database is busy (another program holds its lock): nothing was written; try again\n";
}

} // namespace

int main(int argc, char **argv)
{
    const Argv all(argv + 1, argv + argc);
    if (all.empty()) {
        printHelp(std::cerr);
        return lfrcli::kExitBadInput;
    }
    const std::string &first = all.front();
    if (first == "help" && all.size() == 2) { // lfrplan help COMMAND: that command's help
        for (const Command &c : kCommands)
            if (all[1] == c.name)
                return c.run({"--help"});
        std::cerr << "lfrplan help: unknown command \"" << all[1] << "\" (see lfrplan --help)\n";
        return lfrcli::kExitBadInput;
    }
    if (first == "--help" || first == "-h" || (first == "help" && all.size() == 1)) {
        printHelp(std::cout);
        return lfrcli::kExitOk;
    }
    if (first == "--version" || first == "-V") {
        std::cout << "lfrplan " LFRPLAN_VERSION "\n";
        return lfrcli::kExitOk;
    }
    // Issue 15: nobody names who they are; the login is authenticated.
    for (const std::string &a : all)
        if (a == "--user" || a.starts_with("--user=")) {
            std::cerr << "lfrplan: --user is not accepted: changes are recorded under the login you are "
                         "authenticated as (the operating system's, or the database server's); see lfrplan users\n";
            return lfrcli::kExitBadInput;
        }
    if (const char *typed = std::getenv("LFRPLAN_USER"); typed != nullptr && *typed != '\0')
        std::cerr << "lfrplan: note: LFRPLAN_USER is ignored; changes are recorded under the login you are "
                     "authenticated as\n";
    for (const Command &c : kCommands) {
        if (first != c.name)
            continue;
        try {
            return c.run(Argv(all.begin() + 1, all.end()));
        } catch (const lfr::BusyError &e) {
            std::cerr << "lfrplan " << c.name << ": " << e.what() << "\n";
            return lfrcli::kExitBusy;
        } catch (const std::bad_alloc &) {
            std::cerr << "lfrplan " << c.name
                      << ": out of memory: the input is too large for this machine's memory (nothing was written)\n";
        } catch (const lfrcli::UsageError &e) {
            std::cerr << "lfrplan " << c.name << ": " << e.what() << "\n";
        } catch (const lfr::InputError &e) {
            std::cerr << "lfrplan " << c.name << ": " << e.what() << "\n";
        } catch (const lfr::StorageError &e) {
            std::cerr << "lfrplan " << c.name << ": " << e.what() << "\n";
        } catch (const std::exception &e) {
            std::cerr << "lfrplan " << c.name << ": " << e.what() << "\n";
        }
        return lfrcli::kExitBadInput;
    }
    std::cerr << "lfrplan: unknown command \"" << first << "\" (see lfrplan --help)\n";
    return lfrcli::kExitBadInput;
}
