// A child program for the crash test (tests/test_crash_import.cpp): imports
// large scenarios one after another into a database, each in its own
// transaction, and reports progress on standard output so the test can
// kill it with SIGKILL in the middle of an import.
//
// usage: lfrplan_import_child DB FIRST COUNT OFFICERS
// Imports lfrtest::largeScenario(i, OFFICERS) for i = FIRST .. FIRST+COUNT-1,
// printing "begin i" before and "committed i" after each one.
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "storage_fixtures.h"

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s DB FIRST COUNT OFFICERS\n", argv[0]);
        return 2;
    }
    try {
        const int first = std::stoi(argv[2]);
        const int count = std::stoi(argv[3]);
        const int officers = std::stoi(argv[4]);
        const auto storage = lfr::openStorage(argv[1], lfr::OpenMode::CreateIfMissing);
        for (int i = first; i < first + count; ++i) {
            const lfr::Scenario scenario = lfrtest::largeScenario(i, officers);
            std::printf("begin %d\n", i);
            std::fflush(stdout);
            storage->importScenario(scenario, lfr::ImportMode::FailIfExists);
            std::printf("committed %d\n", i);
            std::fflush(stdout);
        }
        return 0;
    } catch (const std::exception &error) {
        std::fprintf(stderr, "import_child: %s\n", error.what());
        return 1;
    }
}
