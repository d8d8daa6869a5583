// Storage benchmark: import and load of a force-sized scenario from the
// project's generator (33,000 officers in 120 teams with 7-day rosters, 120
// hotspots, 10 vans) through the SQLite store. Best of 3, wall clock
// (steady_clock); prints the peak resident set (VmHWM) at the end.
//
// usage: bench_storage [OFFICERS] [DIRECTORY]
#include "lfrplan/errors.h"
#include "lfrplan/generator.h"
#include "lfrplan/storage.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

namespace {

using namespace lfr;

// A Metropolitan Police sized week from the project's generator: 33,000
// officers by default in 120 teams, 120 hotspots, 10 vans, 7 dates.
Scenario forceWeek(int officers)
{
    GeneratorOptions o;
    o.officers = officers;
    o.teams = std::min(120, officers);
    o.hotspots = 120;
    o.vans = 10;
    o.dates = 7;
    return generateScenario(o);
}

// Wall clock (steady_clock) and this process's CPU time, in milliseconds:
// on a busy machine the wall time grows, the CPU time much less.
struct Timing {
    double wall = 0.0;
    double cpu = 0.0;
};

Timing measure(const std::function<void()> &work)
{
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    work();
    return {std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
            1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

Timing bestOf3(const std::function<void()> &prepare, const std::function<void()> &work)
{
    Timing best{1e300, 1e300};
    for (int i = 0; i < 3; ++i) {
        prepare();
        const Timing t = measure(work);
        best.wall = std::min(best.wall, t.wall);
        best.cpu = std::min(best.cpu, t.cpu);
    }
    return best;
}

std::string show(const Timing &t)
{
    char text[64];
    std::snprintf(text, sizeof text, "%8.1f ms wall %8.1f ms cpu", t.wall, t.cpu);
    return text;
}

std::string peakRss()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return line.substr(6 + line.substr(6).find_first_not_of(" \t"));
    return "unknown";
}

void removeStore(const std::filesystem::path &file)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::path path = file;
        path += suffix;
        std::filesystem::remove(path, ec);
    }
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const int officers = argc > 1 ? std::stoi(argv[1]) : 33000;
        const std::filesystem::path folder = argc > 2 ? argv[2] : std::filesystem::temp_directory_path();
        const std::filesystem::path file = folder / "lfrplan-bench-storage.sqlite";

        Scenario scenario;
        const Timing build = measure([&] { scenario = forceWeek(officers); });
        std::size_t rosterEntries = 0;
        for (const Officer &o : scenario.officers)
            rosterEntries += o.roster.size();
        std::cout << "scenario: " << scenario.officers.size() << " officers, " << rosterEntries << " roster entries, "
                  << scenario.teams.size() << " teams, " << scenario.hotspots.size() << " hotspots, "
                  << scenario.vans.size() << " vans (built in " << build.wall << " ms)\n";

        const Timing import = bestOf3([&] { removeStore(file); },
                                      [&] { openStorage(file)->importScenario(scenario, ImportMode::FailIfExists); });
        auto storage = openStorage(file, OpenMode::ExistingOnly);
        Scenario loaded;
        const Timing load = bestOf3([] {}, [&] { loaded = storage->loadScenario(scenario.name); });
        if (!(loaded == scenario))
            throw StorageError("the loaded scenario differs from the imported one");
        const Timing replace = bestOf3([] {}, [&] { storage->importScenario(scenario, ImportMode::Replace); });
        const Timing list = bestOf3([] {}, [&] { storage->listScenarios(); });
        const Timing remove = bestOf3([&] { storage->importScenario(scenario, ImportMode::Replace); },
                                      [&] { storage->deleteScenario(scenario.name); });
        storage->importScenario(scenario, ImportMode::Replace);
        storage.reset(); // checkpoints the WAL into the file
        const auto size = std::filesystem::file_size(file) / 1024;

        std::cout << "best of 3:\n"
                  << "  import (fresh file, incl. open) " << show(import) << "\n"
                  << "  load                            " << show(load) << "\n"
                  << "  import with Replace             " << show(replace) << "\n"
                  << "  list                            " << show(list) << "\n"
                  << "  delete                          " << show(remove) << "\n"
                  << "file size with one scenario: " << size << " KiB\n"
                  << "peak RSS (VmHWM): " << peakRss() << "\n";
        removeStore(file);
        return 0;
    } catch (const std::exception &error) {
        std::cerr << "bench_storage: " << error.what() << "\n";
        return 1;
    }
}
