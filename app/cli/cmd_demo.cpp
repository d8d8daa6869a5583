// demo: the bundled demo week, summarised.
#include "args.h"
#include "commands.h"
#include "summary.h"

#include "lfrplan/demo_database.h"
#include "lfrplan/scenario_io.h"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace lfrcli {

std::filesystem::path dataDirectory()
{
    if (const char *env = std::getenv("LFRPLAN_DATA_DIR"); env && *env)
        return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "lfrplan";
        if (std::filesystem::exists(installed / "demo-week.json", ec))
            return installed;
    }
    return LFRPLAN_SOURCE_DATA_DIR;
}

int cmdDemo(const Argv &argv)
{
    const char *usage = "lfrplan demo [--path] [--database FILE]";
    if (printHelpIfAsked(argv, usage,
                         "Summarises the bundled demo week (demo-week.json in " + dataDirectory().string() +
                             ").\n--path prints only the file's path.\n"
                             "--database FILE makes the demo database (FILE must not exist) with three\n"
                             "scenarios: the demo week under the new policy (10 across 5 days), the same\n"
                             "week under the old baseline (4 on 2 days), and the Notting Hill Carnival\n"
                             "weekend; then: lfrplan compare FILE ...\n"))
        return kExitOk;
    const Args args("demo", argv, {{"path", false}, {"database"}});
    args.expectPositional(0, 0, usage);
    const auto file = dataDirectory() / "demo-week.json";
    if (const auto db = args.value("database")) {
        lfr::createDemoDatabase(*db, dataDirectory());
        std::cerr << "made " << *db << " with 3 scenarios (lfrplan list " << *db << ")\n";
        return kExitOk;
    }
    if (args.flag("path")) {
        std::cout << file.string() << "\n";
        return kExitOk;
    }
    const lfr::Scenario scenario = lfr::readScenarioFile(file);
    printScenarioSummary(std::cout, scenario);
    std::cout << "\n(" << file.string() << ")\n";
    return kExitOk;
}

} // namespace lfrcli
