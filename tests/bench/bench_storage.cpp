// Storage benchmark: import and load of a force-sized scenario (33,000
// officers, each rostered on all 7 dates: 231,000 roster entries; 165 teams,
// 120 hotspots, 10 vans) through the SQLite store. Best of 3, wall clock
// (steady_clock); prints the peak resident set (VmHWM) at the end.
//
// usage: bench_storage [OFFICERS] [DIRECTORY]
#include "lfrplan/errors.h"
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

// splitmix64: deterministic on every platform.
class Sequence {
public:
    explicit Sequence(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t state_;
};

Clock at(int hour, int minute) { return Clock{hour * 60 + minute}; }

// A Metropolitan Police sized week: response teams of 200 across 32
// boroughs, a realistic rank and skill mix, rosters on four shift patterns.
Scenario forceWeek(int officers)
{
    Sequence random(20261207);
    Scenario s;
    s.name = "bench week";
    for (unsigned d = 0; d < 7; ++d)
        s.dates.push_back(dateFromCivil(2026, 12, 7 + d));
    s.policy.maxPerDate = 3;
    s.windows = {
        {"morning", at(8, 0), at(12, 0)}, {"afternoon", at(12, 0), at(16, 0)}, {"evening", at(16, 0), at(22, 0)}};
    s.shifts = {{"early", at(7, 0), at(15, 0)},
                {"late", at(14, 0), at(22, 0)},
                {"night", at(22, 0), at(7, 0)},
                {"day", at(8, 0), at(18, 0)}};
    s.roles = {{"silver", Rank::Insp, std::nullopt},
               {"bronze", Rank::PS, std::nullopt},
               {"operator", std::nullopt, "lfr-operator"},
               {"engagement", std::nullopt, std::nullopt}};
    s.crew = {{"bronze", 1}, {"engagement", 4}, {"operator", 2}, {"silver", 1}};
    const int teams = std::max(1, officers / 200);
    for (int t = 0; t < teams; ++t)
        s.teams.push_back({"BR" + std::to_string(t % 32) + "-T" + std::to_string(t / 32),
                           "Borough " + std::to_string(t % 32) + " team " + std::to_string(t / 32),
                           {51.28 + 0.42 * random.unit(), -0.51 + 0.84 * random.unit()},
                           8,
                           12});
    s.officers.reserve(static_cast<std::size_t>(officers));
    for (int i = 0; i < officers; ++i) {
        Officer o;
        o.id = std::to_string(200000 + i) + "MP";
        o.name = "Officer " + std::to_string(i);
        const int r = random.below(1000);
        o.rank = r < 780 ? Rank::PC : r < 930 ? Rank::PS : r < 985 ? Rank::Insp : r < 997 ? Rank::CI : Rank::Supt;
        o.team = s.teams[static_cast<std::size_t>(i % teams)].id;
        if (random.below(4) == 0)
            o.skills.push_back("lfr-operator");
        if (random.below(7) == 0)
            o.skills.push_back("first-aid");
        if (random.below(10) == 0)
            o.skills.push_back("public-order");
        for (const Date date : s.dates)
            o.roster.emplace(date, s.shifts[static_cast<std::size_t>((i / 7 + date.days) % 4)].id);
        s.officers.push_back(std::move(o));
    }
    for (int h = 0; h < 120; ++h) {
        Hotspot spot;
        spot.id = "hs-" + std::to_string(h);
        spot.name = "Hotspot " + std::to_string(h);
        spot.borough = "Borough " + std::to_string(h % 32);
        spot.location = {51.3 + 0.35 * random.unit(), -0.45 + 0.7 * random.unit()};
        spot.value = 20.0 + 180.0 * random.unit();
        spot.windows = {{"afternoon", 1.0}, {"evening", 1.2}};
        if (h % 4 == 0)
            spot.windows.emplace("morning", 0.7);
        spot.weekdayFactor = {0.9, 0.9, 1.0, 1.0, 1.3, 1.5, 1.1};
        if (h % 30 == 0)
            spot.dates = std::vector<Date>{s.dates[5], s.dates[6]};
        s.hotspots.push_back(std::move(spot));
    }
    for (int v = 0; v < 10; ++v)
        s.vans.push_back({"LFR-" + std::to_string(v + 1), "Van " + std::to_string(v + 1),
                          v == 3 ? std::vector<Date>{s.dates[2]} : std::vector<Date>{}, 2});
    return s;
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
