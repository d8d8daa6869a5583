// export-lp: a scenario as a MILP in CPLEX LP format, for an exact reference
// solver (Debian's cbc) to check and benchmark lfrplan's own solver against.
#include "args.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"
#include "lfrplan/lp_export.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <iostream>

namespace lfrcli {

int cmdExportLp(const Argv &argv)
{
    const char *usage = "lfrplan export-lp SCENARIO.json [-o MODEL.lp]\n"
                        "       lfrplan export-lp DB NAME [-o MODEL.lp]";
    if (printHelpIfAsked(argv, usage,
                         "Writes the scenario's planning problem as a mixed-integer linear program in CPLEX LP\n"
                         "format: maximise OBJECTIVE subject to every hard constraint. Solve it with, e.g.\n"
                         "  cbc MODEL.lp sec 120 solve solu SOLUTION.txt\n"
                         "The variables are named after what they choose: y.HOTSPOT.DATE.WINDOW (a deployment),\n"
                         "x...VAN (its van), z.OFFICER.HOTSPOT.DATE.WINDOW.ROLE (a crew member).\n"
                         "Options:\n"
                         "  -o, --output FILE     where to write (standard output when absent or -)\n"))
        return kExitOk;
    const Args args("export-lp", argv, {{"output", true, 'o'}, {"db"}, {"scenario"}});
    const auto out = args.value("output");
    if (out && *out != "-")
        lfr::checkOutputWritable(*out);
    lfr::Scenario scenario;
    if (namesDatabase(args)) {
        const auto [db, name] = databaseAndScenario(args, usage);
        scenario = readStoredScenario(db, name, false).scenario;
    } else {
        args.expectPositional(1, 1, usage);
        scenario = lfr::readScenarioFile(args.positional().front());
    }
    const lfr::LpModel model = lfr::buildLpModel(scenario);
    const std::string text = lfr::writeLp(model);
    if (!out || *out == "-") {
        std::cout << text;
    } else {
        lfr::writeFileAtomically(*out, text);
        std::cerr << "wrote the model of \"" << scenario.name << "\" (" << model.variables.size() << " variables, "
                  << model.rows.size() << " rows) to " << *out << "\n";
    }
    return kExitOk;
}

} // namespace lfrcli
