// The bounded load test on a real PostgreSQL server (issue 8): CLIENTS
// concurrent planners, each with its own connection, edit and solve the same
// few scenarios for a fixed number of rounds. Every edit is read-modify-save:
// a ConflictError (someone saved first) means reload and do it again, as a
// planner would. Afterwards every committed change must be there: no lost
// update, no deadlock left unhandled. Prints throughput and the conflict
// count (docs/storage.md, "Load test"); exit 0 only when everything checks.
//
//   lfrplan_load_test --state DIR [--clients 20] [--rounds 6] [--scenarios 2]
//
// DIR is tests/pg/pg-cluster.sh's state folder; the test makes its own
// database there, as the cluster's administrator, and drops it afterwards.
// Clients log in as the planner users the cluster script makes.
#include "lfrplan/generator.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include "../tools/temp_store.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

// A data edit sets its officer's duties to this plus the round.
constexpr int kDutiesBase = 100;

enum class Edit : std::uint8_t { Data, Plan, Notes };

struct Committed {
    int client;
    int round;
    Edit edit;
    int scenario;
};

struct Options {
    std::string state;
    int clients = 20;
    int rounds = 6;
    int scenarios = 2;
};

int positive(const char *text, const char *name)
{
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 1 || value > 1000) {
        std::cerr << "lfrplan_load_test: " << name << " must be a whole number from 1 to 1000, not \"" << text
                  << "\"\n";
        std::exit(2);
    }
    return static_cast<int>(value);
}

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (value == nullptr) {
            std::cerr << "lfrplan_load_test: " << arg << " needs a value\n";
            std::exit(2);
        }
        if (arg == "--state")
            o.state = value;
        else if (arg == "--clients")
            o.clients = positive(value, "--clients");
        else if (arg == "--rounds")
            o.rounds = positive(value, "--rounds");
        else if (arg == "--scenarios")
            o.scenarios = positive(value, "--scenarios");
        else {
            std::cerr << "lfrplan_load_test: unknown option " << arg << "\n";
            std::exit(2);
        }
        ++i;
    }
    if (o.state.empty()) {
        std::cerr << "usage: lfrplan_load_test --state DIR [--clients N] [--rounds N] [--scenarios N]\n";
        std::exit(2);
    }
    return o;
}

std::string scenarioName(int k) { return "load week " + std::to_string(k + 1); }
std::string noteLine(int client, int round)
{
    return "client " + std::to_string(client) + " round " + std::to_string(round);
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (setenv("LFRPLAN_TEST_PG_STATE", options.state.c_str(), 1) != 0)
        return 2;
    try {
        const lfrtest::TempStore db("load");
        const int officersPerScenario = options.clients + 40;
        {
            const auto admin = lfr::openStorage(db.location());
            for (int k = 0; k < options.scenarios; ++k) {
                lfr::GeneratorOptions g;
                g.officers = officersPerScenario;
                g.teams = 3;
                g.hotspots = 4;
                g.vans = 1;
                g.dates = 3;
                g.seed = static_cast<std::uint64_t>(k + 1);
                lfr::Scenario s = lfr::generateScenario(g);
                s.name = scenarioName(k);
                admin->importScenario(s, lfr::ImportMode::FailIfExists);
            }
        }

        std::mutex mutex;
        std::vector<Committed> committed;
        std::vector<std::string> failures;
        std::atomic<std::uint64_t> conflicts{0};
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        for (int c = 0; c < options.clients; ++c) {
            threads.emplace_back([&, c] {
                const int k = c % options.scenarios;
                const std::string name = scenarioName(k);
                try {
                    const auto store = lfr::openStorage(db.locationAs(c % 2 == 0 ? "planner_pat" : "both_bo"),
                                                        lfr::OpenMode::ExistingOnly);
                    for (int r = 0; r < options.rounds; ++r) {
                        const Edit edit = static_cast<Edit>((c + r) % 3);
                        for (int attempt = 1;; ++attempt) {
                            if (attempt > 500)
                                throw lfr::StorageError("client " + std::to_string(c) + " starved: 500 conflicts");
                            try {
                                lfr::Scenario s = store->loadScenario(name);
                                if (edit == Edit::Data) {
                                    // Always a change (an unchanged store raises no
                                    // revision): no officer starts with so many.
                                    s.officers[static_cast<std::size_t>(c)].maxDuties = kDutiesBase + r;
                                    store->importScenario(s, lfr::ImportMode::Replace);
                                } else if (edit == Edit::Plan) {
                                    lfr::SolverOptions so;
                                    so.timeLimitSeconds = 5.0;
                                    so.seed = static_cast<std::uint64_t>(c * 1000 + r);
                                    lfr::Plan plan = lfr::solve(s, so).plan;
                                    plan.scenario = name;
                                    plan.reason = noteLine(c, r);
                                    store->savePlan(name, plan);
                                } else {
                                    std::string notes = store->loadNotes(name);
                                    notes += noteLine(c, r) + "\n";
                                    store->saveNotes(name, notes);
                                }
                                const std::lock_guard lock(mutex);
                                committed.push_back({c, r, edit, k});
                                break;
                            } catch (const lfr::ConflictError &) {
                                ++conflicts;
                            }
                        }
                    }
                } catch (const std::exception &error) {
                    const std::lock_guard lock(mutex);
                    failures.push_back("client " + std::to_string(c) + ": " + error.what());
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

        // Every committed change is there.
        const auto check = lfr::openStorage(db.location(), lfr::OpenMode::ExistingOnly);
        const auto trail = check->auditTrail();
        std::map<Edit, int> byKind;
        for (int k = 0; k < options.scenarios; ++k) {
            const std::string name = scenarioName(k);
            const lfr::Scenario s = check->loadScenario(name);
            const std::string notes = check->loadNotes(name);
            int edits = 0, plans = 0;
            std::map<int, int> lastData; // client -> round of its last committed data edit
            for (const Committed &e : committed) {
                if (e.scenario != k)
                    continue;
                ++edits;
                ++byKind[e.edit];
                if (e.edit == Edit::Notes && notes.find(noteLine(e.client, e.round) + "\n") == std::string::npos)
                    failures.push_back(name + ": the committed note of client " + std::to_string(e.client) + " round " +
                                       std::to_string(e.round) + " is missing");
                if (e.edit == Edit::Plan)
                    ++plans;
                if (e.edit == Edit::Data)
                    lastData[e.client] = std::max(lastData[e.client], e.round);
            }
            for (const auto &[client, round] : lastData)
                if (s.officers[static_cast<std::size_t>(client)].maxDuties != kDutiesBase + round)
                    failures.push_back(name + ": client " + std::to_string(client) + "'s last change to its officer (" +
                                       std::to_string(kDutiesBase + round) + " duties) is missing");
            if (check->revision(name) != 1 + edits)
                failures.push_back(name + ": revision " + std::to_string(check->revision(name)) + " after " +
                                   std::to_string(edits) + " committed changes (expected " + std::to_string(1 + edits) +
                                   ")");
            int saved = 0;
            for (const lfr::AuditEntry &a : trail)
                saved += a.action == "plan.saved" && a.subject == name ? 1 : 0;
            if (saved != plans)
                failures.push_back(name + ": " + std::to_string(saved) + " plan saves in the audit trail, " +
                                   std::to_string(plans) + " committed");
        }
        const auto expected = static_cast<std::size_t>(options.clients * options.rounds);
        if (committed.size() != expected)
            failures.push_back(std::to_string(committed.size()) + " of " + std::to_string(expected) +
                               " edits committed");

        std::printf("load: %d clients x %d rounds on %d scenarios (PostgreSQL, one connection each)\n", options.clients,
                    options.rounds, options.scenarios);
        std::printf("load: %zu edits committed (%d data, %d plans solved and saved, %d notes) in %.2f s: "
                    "%.1f edits/s\n",
                    committed.size(), byKind[Edit::Data], byKind[Edit::Plan], byKind[Edit::Notes], seconds,
                    static_cast<double>(committed.size()) / seconds);
        std::printf("load: %llu conflicts (refused stale saves, reloaded and done again), %llu transactions "
                    "re-run after a deadlock or serialization failure\n",
                    static_cast<unsigned long long>(conflicts.load()),
                    static_cast<unsigned long long>(lfr::storageRetries()));
        for (const std::string &f : failures)
            std::printf("load: FAILED: %s\n", f.c_str());
        std::printf("load: %s\n", failures.empty() ? "every committed change is present; no lost update" : "FAILED");
        return failures.empty() ? 0 : 1;
    } catch (const std::exception &error) {
        std::fprintf(stderr, "lfrplan_load_test: %s\n", error.what());
        return 1;
    }
}
