// Issue 18, findings 5 and 6 (and the database half of 17): who may read a
// database, and what happens when several programs use it at once.
//
//  5. A database only read is opened read-only: a 0444 file, a file in a
//     read-only folder, another user's file can be listed, exported,
//     compared, reported and audited, and nothing is created beside it; a
//     change is refused naming the file or the folder as the cause.
//  6. A busy database (another program writing) is waited for, saying so
//     once; past the wait the command exits 3 and nothing is written.
// 17. import-records checks the database before it reads the records file.
//
// The permission tests are hidden ([.][nonroot]): root ignores file modes,
// so they run as an unprivileged user (tests/as-nonroot.sh).
#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"
#include "process_runner.h"
#include "schema.h"
#include "sqlite_connection.h"
#include "sqlite_functions.h"
#include "test_support.h"
#include "tools/storage_fixtures.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace lfr;

namespace {

const std::string kCli = LFRPLAN_CLI;

std::string bytesOf(const fs::path &file) { return lfrtest::readBytes(file); }

fs::path besides(const fs::path &file, const char *suffix)
{
    fs::path path = file;
    path += suffix;
    return path;
}

bool hasCompanions(const fs::path &db)
{
    return fs::exists(besides(db, "-wal")) || fs::exists(besides(db, "-shm")) || fs::exists(besides(db, "-journal"));
}

// Two scenarios, each with a saved plan and notes: what an archived copy holds.
void fillStore(const fs::path &db)
{
    auto store = openStorage(db, OpenMode::CreateIfMissing);
    Scenario scenario = readScenarioFile(lfrtest::testData("small-scenario.json"));
    SolverOptions options;
    options.timeLimitSeconds = 10;
    for (const char *name : {"week", "week b"}) {
        scenario.name = name;
        store->importScenario(scenario, ImportMode::FailIfExists);
        Plan plan = solve(scenario, options).plan;
        plan.scenario = name;
        store->savePlan(name, plan);
        store->saveNotes(name, "the archived week");
    }
}

// Sets an environment variable for the child processes a test runs.
class EnvGuard {
public:
    EnvGuard(const char *name, const char *value) : name_(name)
    {
        if (const char *old = std::getenv(name))
            old_ = old;
        ::setenv(name, value, 1);
    }
    ~EnvGuard()
    {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    EnvGuard(const EnvGuard &) = delete;
    EnvGuard &operator=(const EnvGuard &) = delete;

private:
    const char *name_;
    std::optional<std::string> old_;
};

// A mode for a path while the test runs; the old one back afterwards (so the
// scratch folder can be removed).
class ModeGuard {
public:
    ModeGuard(fs::path path, mode_t mode) : path_(std::move(path))
    {
        struct stat st {};
        REQUIRE(::stat(path_.c_str(), &st) == 0);
        old_ = st.st_mode & 07777;
        REQUIRE(::chmod(path_.c_str(), mode) == 0);
    }
    ~ModeGuard() { ::chmod(path_.c_str(), old_); }
    ModeGuard(const ModeGuard &) = delete;
    ModeGuard &operator=(const ModeGuard &) = delete;

private:
    fs::path path_;
    mode_t old_ = 0;
};

// Another program writing: an SQLite connection of the test holding the
// database's write lock until release() or destruction.
class HeldLock {
public:
    explicit HeldLock(const fs::path &db)
    {
        REQUIRE(sqlite3_open_v2(db.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~HeldLock() { release(); }
    HeldLock(const HeldLock &) = delete;
    HeldLock &operator=(const HeldLock &) = delete;
    void release()
    {
        if (db_ == nullptr)
            return;
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
        db_ = nullptr;
    }

private:
    sqlite3 *db_ = nullptr;
};

std::size_t count(const std::string &text, const std::string &part)
{
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

// Every command that only reads, on `db`: each must succeed. Output files go
// to `out` (writable).
void readEverything(const fs::path &db, const lfrtest::ScratchDir &out)
{
    const std::string d = db.string();
    const std::vector<std::vector<std::string>> commands = {
        {"list", d},
        {"export", d, "week", "-o", (out / "week.json").string(), "--plan", (out / "plan.json").string()},
        {"compare", d, "week", "week b"},
        {"report", d},
        {"audit", d},
        {"audit", d, "--csv", (out / "audit.csv").string()},
        {"audit", d, "--verify"},
        {"authorisation", d, "week", "list"},
        {"safeguards", d},
        {"users", d},
        {"scenario", "notes", d, "week"},
        {"copy", d, (out / "copy.db").string()},
    };
    for (const auto &args : commands) {
        const auto run = lfrtest::runProcess(kCli, args, out);
        INFO("lfrplan " << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << run.err);
        CHECK(run.exitCode == 0);
        CHECK(run.err.find("write") == std::string::npos);
    }
    CHECK(readScenarioFile(out / "week.json").name == "week");
    CHECK(openStorage((out / "copy.db").string(), OpenMode::ReadOnly)->listScenarios().size() == 2);
}

// A change to `db`: refused with exit 2, the message containing `why`.
void refuseChanges(const fs::path &db, const lfrtest::ScratchDir &out, const std::vector<std::string> &why)
{
    const std::string d = db.string();
    const std::vector<std::vector<std::string>> commands = {
        {"scenario", "notes", d, "week", "--set", "changed"},
        {"safeguards", d, "--min-rank", "CS"},
        {"import", d, lfrtest::testData("small-scenario.json").string(), "--name", "new"},
        {"scenario", "delete", d, "week b"},
    };
    for (const auto &args : commands) {
        const auto run = lfrtest::runProcess(kCli, args, out);
        INFO("lfrplan " << args[0] << " " << args[1] << ": " << run.err);
        CHECK(run.exitCode == 2);
        CHECK_THAT(run.err, Catch::Contains("cannot write to " + d));
        for (const std::string &part : why)
            CHECK_THAT(run.err, Catch::Contains(part));
        CHECK_THAT(run.err, Catch::Contains("commands that only read it"));
    }
}

} // namespace

// ---- Finding 5: read-only databases --------------------------------------------------

TEST_CASE("access: a 0444 database is read by every command that only reads, and nothing is created beside it",
          "[.][nonroot][storage-access][cli]")
{
    lfrtest::ScratchDir dir;
    lfrtest::ScratchDir out;
    const fs::path db = dir / "archive.db";
    fillStore(db);
    REQUIRE_FALSE(hasCompanions(db)); // closed cleanly: the file is the whole database
    const std::string before = bytesOf(db);
    const ModeGuard readOnly(db, 0444);
    REQUIRE(::access(db.c_str(), W_OK) != 0); // not root: the mode counts

    readEverything(db, out);
    refuseChanges(db, out, {"the file is read-only (mode 0444"});
    CHECK(bytesOf(db) == before);
    CHECK_FALSE(hasCompanions(db)); // no -shm left read-only beside it to stop its owner writing later
}

TEST_CASE("access: a database in a read-only folder is read, and a change names the folder as the cause",
          "[.][nonroot][storage-access][cli]")
{
    lfrtest::ScratchDir dir;
    lfrtest::ScratchDir out;
    const fs::path folder = dir / "archive";
    fs::create_directory(folder);
    const fs::path db = folder / "plans.db";
    fillStore(db);
    const std::string before = bytesOf(db);
    const ModeGuard sealed(folder, 0555);
    REQUIRE(::access(folder.c_str(), W_OK) != 0);
    REQUIRE(::access(db.c_str(), W_OK) == 0); // the file itself is writable

    readEverything(db, out);
    refuseChanges(db, out, {"the folder " + folder.string() + " is not writable", db.string() + "-wal"});
    // A new database there: the folder again.
    const auto fresh = lfrtest::runProcess(kCli, {"init", (folder / "new.db").string()}, out);
    CHECK(fresh.exitCode == 2);
    CHECK_THAT(fresh.err, Catch::Contains("the folder " + folder.string() + " is not writable"));
    CHECK(bytesOf(db) == before);
    CHECK_FALSE(hasCompanions(db));
}

TEST_CASE("access: another user's database is read, and a change says the file is not ours to write",
          "[storage-access][cli]")
{
    // Root owns the file (0644, in a folder only root writes); the commands
    // run as nobody. Only root can arrange that: skipped otherwise.
    if (::geteuid() != 0 || std::system("command -v setpriv >/dev/null 2>&1") != 0) {
        WARN("needs root and setpriv: skipped");
        return;
    }
    lfrtest::ScratchDir dir;
    lfrtest::ScratchDir out;
    REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    REQUIRE(::chmod(out.path().c_str(), 0777) == 0);
    const fs::path db = dir / "alice.db";
    fillStore(db);
    REQUIRE(::chmod(db.c_str(), 0644) == 0);
    const std::string before = bytesOf(db);
    const auto asNobody = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", kCli});
        return lfrtest::runProcess("/usr/bin/setpriv", args, out);
    };
    if (asNobody({"--version"}).exitCode != 0) {
        WARN("nobody cannot run " << kCli << " (a folder on the way is closed to others): skipped");
        return;
    }
    const auto list = asNobody({"list", db.string()});
    CHECK(list.exitCode == 0);
    CHECK_THAT(list.out, Catch::Contains("week b"));
    const auto audit = asNobody({"audit", db.string(), "--verify"});
    CHECK(audit.exitCode == 0);
    const auto change = asNobody({"scenario", "notes", db.string(), "week", "--set", "mine now"});
    CHECK(change.exitCode == 2);
    CHECK_THAT(change.err, Catch::Contains("cannot write to " + db.string() + ": you may not write to the file") &&
                               Catch::Contains("owner root"));
    CHECK(bytesOf(db) == before);
    CHECK_FALSE(hasCompanions(db));
}

TEST_CASE("access: a store opened read-only refuses every change and says so", "[storage-access]")
{
    lfrtest::TempDatabase file("read-only");
    fillStore(file.path());
    const auto store = openStorage(file.path(), OpenMode::ReadOnly);
    CHECK(store->listScenarios().size() == 2);
    const Scenario week = store->loadScenario("week");
    const auto plan = store->loadPlan("week");
    REQUIRE(plan);
    CHECK_FALSE(store->permissions().editData);
    CHECK_FALSE(store->permissions().editPlans);
    CHECK(store->permissions().readAuditTrail);
    CHECK(store->verifyAuditTrail().ok());

    const auto refused = [&](const std::function<void()> &change, const std::string &what) {
        INFO(what);
        try {
            change();
            FAIL("the change went through");
        } catch (const StorageError &error) {
            CHECK_THAT(error.what(), Catch::Contains(file.path().string() + ": opened read-only: cannot " + what));
        }
    };
    Scenario other = week;
    other.name = "other";
    refused([&] { store->importScenario(other, ImportMode::FailIfExists); }, "import scenario \"other\"");
    refused([&] { store->importScenario(week, ImportMode::Replace); }, "import scenario \"week\"");
    refused([&] { store->renameScenario("week", "renamed"); }, "rename scenario \"week\"");
    refused([&] { store->deleteScenario("week b"); }, "delete scenario \"week b\"");
    refused([&] { store->savePlan("week", *plan); }, "save the plan of scenario \"week\"");
    refused([&] { store->saveNotes("week", "changed"); }, "save the notes of scenario \"week\"");
    refused([&] { store->mapUser("alice", "o1"); }, "map login alice");
    refused([&] { store->unmapUser("alice"); }, "unmap login alice");
    refused([&] { store->setSafeguardSettings(SafeguardSettings{}); }, "change the safeguard settings");
    refused([&] { store->importRecords("src", {}); }, "store the published records of \"src\"");
    Authorisation record;
    record.deployment = {week.hotspots.front().id, week.dates.front(), week.windows.front().id};
    refused([&] { store->saveAuthorisation("week", record); }, "save an authorisation record of scenario \"week\"");

    const auto again = openStorage(file.path(), OpenMode::ExistingOnly);
    CHECK(again->loadScenario("week") == week);
    CHECK(again->loadNotes("week") == "the archived week");
    CHECK(again->listScenarios().size() == 2);
}

TEST_CASE("access: read-only opening creates nothing and refuses what is not a current store", "[storage-access]")
{
    lfrtest::ScratchDir dir;
    const fs::path missing = dir / "missing.db";
    CHECK_THROWS_WITH(openStorage(missing, OpenMode::ReadOnly), Catch::Contains("no such database file"));
    CHECK_FALSE(fs::exists(missing));

    const fs::path empty = dir / "empty.db";
    std::ofstream(empty).close();
    CHECK_THROWS_WITH(openStorage(empty, OpenMode::ReadOnly),
                      Catch::Contains("an empty file, not an lfrplan database"));

    const fs::path text = dir / "notes.txt";
    std::ofstream(text) << "not a database at all, but long enough to look like a header of one...........\n";
    CHECK_THROWS_WITH(openStorage(text, OpenMode::ReadOnly), Catch::Contains("not an SQLite database"));

    // An older schema: not upgraded (that would write), refused naming who may.
    const fs::path older = dir / "older.db";
    {
        sqlite3 *raw = nullptr;
        REQUIRE(sqlite3_open(older.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr) == SQLITE_OK);
        const auto &ladder = schema::ladder();
        // Steps from 6 on need lfrplan's SQL functions, as every lfrplan connection has.
        sqlite::registerFunctions(raw, older.string(), "test");
        schema::migrate(*sql::sqliteConnectionOn(raw, older.string()), {ladder.begin(), ladder.end() - 1});
        sqlite3_close(raw);
    }
    const std::string before = bytesOf(older);
    const int previous = schema::latestVersion() - 1;
    CHECK_THROWS_WITH(openStorage(older, OpenMode::ReadOnly),
                      Catch::Contains("schema version " + std::to_string(previous) + ", older than this build's") &&
                          Catch::Contains("by someone who can write to it") &&
                          Catch::Contains("lfrplan init " + older.string()) &&
                          Catch::Contains("opened read-only, nothing was changed"));
    CHECK(bytesOf(older) == before);
    const auto upgraded = openStorage(older, OpenMode::ExistingOnly); // whoever may write upgrades it
    CHECK(upgraded->schemaVersion() == schema::latestVersion());
    CHECK(openStorage(older, OpenMode::ReadOnly)->schemaVersion() == schema::latestVersion());
}

TEST_CASE("access: a read-only store reads while another program writes", "[storage-access]")
{
    lfrtest::TempDatabase file("read-while-writing");
    fillStore(file.path());
    HeldLock writer(file.path());
    const auto started = std::chrono::steady_clock::now();
    const auto store = openStorage(file.path(), OpenMode::ReadOnly);
    CHECK(store->listScenarios().size() == 2);
    CHECK(store->loadScenario("week").name == "week");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5)); // readers never wait
}

// ---- Finding 6: a busy database --------------------------------------------------------

TEST_CASE("busy: simultaneous imports wait for the lock and for each other, and all succeed",
          "[storage-access][busy][cli]")
{
    // The issue: 2 of 4 simultaneous `import --replace` runs failed with
    // "database is locked" (exit 2) after SQLite's 5 s. Here another program
    // holds the lock for 6.5 s first, then four imports of different
    // scenarios under one name run one after the other.
    lfrtest::ScratchDir dir;
    const fs::path db = dir / "shared.db";
    REQUIRE(lfrtest::runProcess(kCli, {"init", db.string()}, dir).exitCode == 0);
    constexpr std::size_t kWriters = 4;
    for (std::size_t i = 0; i < kWriters; ++i) {
        const auto made = lfrtest::runProcess(kCli,
                                              {"generate", "--officers", "3000", "--seed", std::to_string(i + 1), "-o",
                                               (dir / ("week" + std::to_string(i) + ".json")).string()},
                                              dir);
        REQUIRE(made.exitCode == 0);
    }
    std::vector<std::unique_ptr<lfrtest::ScratchDir>> outs;
    for (std::size_t i = 0; i < kWriters; ++i)
        outs.push_back(std::make_unique<lfrtest::ScratchDir>());
    std::vector<lfrtest::ProcessRun> runs(kWriters);
    {
        HeldLock other(db);
        std::vector<std::thread> writers;
        for (std::size_t i = 0; i < kWriters; ++i)
            writers.emplace_back([&, i] {
                runs[i] = lfrtest::runProcess(kCli,
                                              {"import", "--replace", db.string(),
                                               (dir / ("week" + std::to_string(i) + ".json")).string(), "--name",
                                               "shared week"},
                                              *outs[i]);
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(6500));
        other.release();
        for (std::thread &t : writers)
            t.join();
    }
    for (std::size_t i = 0; i < kWriters; ++i) {
        INFO("writer " << i << ": " << runs[i].err);
        CHECK(runs[i].exitCode == 0);
        CHECK_THAT(runs[i].out, Catch::Contains("imported \"shared week\": 3000 officers"));
        // Said once, whatever the wait.
        CHECK(count(runs[i].err, "lfrplan: waiting for " + db.string() + ": another program is writing to it") == 1);
    }
    const auto store = openStorage(db, OpenMode::ReadOnly);
    const auto scenarios = store->listScenarios();
    REQUIRE(scenarios.size() == 1);
    CHECK(scenarios.front().name == "shared week");
    CHECK(scenarios.front().officers == 3000);
    CHECK(store->verifyAuditTrail().ok());
    CHECK(store->revision("shared week") >= 2);
}

TEST_CASE("busy: past LFRPLAN_BUSY_TIMEOUT a change exits 3 naming the database, and nothing is written",
          "[storage-access][busy][cli]")
{
    lfrtest::ScratchDir dir;
    const fs::path db = dir / "busy.db";
    fillStore(db);
    const Scenario before = openStorage(db, OpenMode::ReadOnly)->loadScenario("week");
    REQUIRE(lfrtest::runProcess(
                kCli, {"generate", "--officers", "50", "--seed", "7", "-o", (dir / "other.json").string()}, dir)
                .exitCode == 0);
    const EnvGuard wait("LFRPLAN_BUSY_TIMEOUT", "1");
    HeldLock other(db);
    const std::vector<std::vector<std::string>> changes = {
        {"import", "--replace", db.string(), (dir / "other.json").string(), "--name", "week"},
        {"scenario", "notes", db.string(), "week", "--set", "changed"},
        {"safeguards", db.string(), "--min-rank", "CS"},
    };
    for (const auto &args : changes) {
        const auto started = std::chrono::steady_clock::now();
        const auto run = lfrtest::runProcess(kCli, args, dir);
        const auto took = std::chrono::steady_clock::now() - started;
        INFO("lfrplan " << args[0] << ": " << run.err);
        CHECK(run.exitCode == 3);
        CHECK(count(run.err, "lfrplan: waiting for " + db.string() +
                                 ": another program is writing to it (for up to "
                                 "1 s)...") == 1);
        CHECK_THAT(run.err, Catch::Contains(db.string() + ": the database is busy: another program has been "
                                                          "writing to it for longer than 1 s") &&
                                Catch::Contains("LFRPLAN_BUSY_TIMEOUT") && Catch::Contains("nothing was written"));
        CHECK(took < std::chrono::seconds(4));
    }
    // Readers are not held up by a writer.
    const auto list = lfrtest::runProcess(kCli, {"list", db.string()}, dir);
    CHECK(list.exitCode == 0);
    CHECK(list.err.empty());
    other.release();
    const auto store = openStorage(db, OpenMode::ReadOnly);
    CHECK(store->loadScenario("week") == before);
    CHECK(store->loadNotes("week") == "the archived week");
    CHECK(store->safeguardSettings() == SafeguardSettings{});
}

TEST_CASE("busy: a LFRPLAN_BUSY_TIMEOUT that is not a number of seconds is refused by name", "[storage-access][busy]")
{
    lfrtest::ScratchDir dir;
    const fs::path db = dir / "any.db";
    const EnvGuard wait("LFRPLAN_BUSY_TIMEOUT", "soon");
    const auto run = lfrtest::runProcess(kCli, {"init", db.string()}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains("LFRPLAN_BUSY_TIMEOUT=\"soon\": expected how many seconds"));
    CHECK_FALSE(fs::exists(db));
}

// ---- Finding 17 (the database half): the database before the records file ---------------

TEST_CASE("records: import-records into a missing or foreign database reports the database, not the file",
          "[storage-access][records][cli]")
{
    lfrtest::ScratchDir dir;
    // A records file that is broken throughout (and not small): its problems
    // must not hide that there is nowhere to store it.
    const fs::path records = dir / "records.csv";
    {
        std::ofstream out(records, std::ios::binary);
        out << "Year,Date,Deployment,Borough\n";
        for (int i = 0; i < 20000; ++i)
            out << "20x2,32/13/2022,Zo\xEB Street " << i << ",Camden\n";
    }
    const fs::path missing = dir / "missing.db";
    const auto run = lfrtest::runProcess(kCli, {"import-records", missing.string(), records.string()}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains(missing.string() + ": no such database file"));
    CHECK(run.err.find(records.string()) == std::string::npos); // the file was not read
    CHECK(run.err.find("rows read") == std::string::npos);
    CHECK_FALSE(fs::exists(missing));

    const fs::path foreign = dir / "foreign.db";
    REQUIRE(lfrtest::sqliteExec(foreign, "CREATE TABLE t (x)").empty());
    const auto other = lfrtest::runProcess(kCli, {"import-records", foreign.string(), records.string()}, dir);
    CHECK(other.exitCode == 2);
    CHECK_THAT(other.err, Catch::Contains(foreign.string() + ": not an lfrplan database"));
    CHECK(other.err.find("rows read") == std::string::npos);

    // --check stores nothing, so needs no database: the file is read and reported.
    const auto check =
        lfrtest::runProcess(kCli, {"import-records", missing.string(), records.string(), "--check"}, dir);
    CHECK(check.err.find("no such database file") == std::string::npos);
    CHECK_FALSE(fs::exists(missing));
}
