// Crash safety of imports: a real child process (lfrplan_import_child)
// imports large scenarios one transaction each and is killed with SIGKILL
// in the middle of one. The database must then pass integrity_check, hold
// every scenario whose commit was reported, each equal to what was
// imported, and no partial scenario.
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "tools/storage_fixtures.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

extern char **environ;

namespace {

constexpr int kOfficers = 20000;

// The child process with its standard output on a pipe; killed and reaped
// on destruction if the test ends early.
class Child {
public:
    explicit Child(const std::vector<std::string> &args)
    {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[1]);
        std::vector<char *> argv;
        for (const std::string &arg : args)
            argv.push_back(const_cast<char *>(arg.c_str()));
        argv.push_back(nullptr);
        const int rc = posix_spawn(&pid_, args[0].c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        fd_ = fds[0];
        REQUIRE(rc == 0);
    }
    ~Child()
    {
        if (pid_ > 0)
            kill();
        close(fd_);
    }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    // The next line of output; empty at end of output or after `timeout`.
    std::string readLine(std::chrono::seconds timeout = std::chrono::seconds(120))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            const auto newline = buffer_.find('\n');
            if (newline != std::string::npos) {
                std::string line = buffer_.substr(0, newline);
                buffer_.erase(0, newline + 1);
                return line;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return {};
            pollfd poller{fd_, POLLIN, 0};
            if (poll(&poller, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char chunk[256];
            const ssize_t got = read(fd_, chunk, sizeof chunk);
            if (got <= 0)
                return {};
            buffer_.append(chunk, static_cast<std::size_t>(got));
        }
    }

    // SIGKILL, then reap; returns the wait status.
    int kill()
    {
        ::kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return status;
    }

private:
    pid_t pid_ = -1;
    int fd_ = -1;
    std::string buffer_;
};

std::string integrityCheck(const std::filesystem::path &file)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK);
    std::string result;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        result += reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return result;
}

} // namespace

TEST_CASE("an import killed mid-transaction leaves only whole scenarios", "[crash]")
{
    lfrtest::TempDatabase file("crash");
    std::set<std::string> committed; // reported by the child
    std::set<std::string> attempted; // begun by the child
    int killedMidImport = 0;
    // Kill at different points of the second import of each run.
    const std::vector<double> fractions = {0.3, 0.6, 0.9};
    for (std::size_t run = 0; run < fractions.size(); ++run) {
        const int first = static_cast<int>(run) * 10;
        Child child(
            {LFRPLAN_IMPORT_CHILD, file.path().string(), std::to_string(first), "3", std::to_string(kOfficers)});
        REQUIRE(child.readLine() == "begin " + std::to_string(first));
        const auto started = std::chrono::steady_clock::now();
        attempted.insert("large-" + std::to_string(first));
        REQUIRE(child.readLine() == "committed " + std::to_string(first));
        const auto importTime = std::chrono::steady_clock::now() - started;
        committed.insert("large-" + std::to_string(first));
        REQUIRE(child.readLine() == "begin " + std::to_string(first + 1));
        attempted.insert("large-" + std::to_string(first + 1));
        std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(importTime * fractions[run]));
        const int status = child.kill();
        CHECK(WIFSIGNALED(status));
        // What the child reported before it died: on a busy machine the
        // measured import time can be long enough for it to commit the
        // second import and begin (even commit) the third. A commit may
        // also have happened without being reported; then it must be whole,
        // which the checks below verify.
        for (std::string line = child.readLine(std::chrono::seconds(1)); !line.empty();
             line = child.readLine(std::chrono::seconds(1))) {
            const auto space = line.find(' ');
            const std::string name = "large-" + line.substr(space + 1);
            if (line.starts_with("begin "))
                attempted.insert(name);
            else if (line.starts_with("committed "))
                committed.insert(name);
        }

        INFO("run " << run << ", killed after " << fractions[run] << " of an import");
        CHECK(integrityCheck(file.path()) == "ok");
        const auto storage = lfr::openStorage(file.path(), lfr::OpenMode::ExistingOnly);
        std::set<std::string> present;
        for (const auto &summary : storage->listScenarios())
            present.insert(summary.name);
        for (const std::string &name : committed)
            CHECK(present.count(name) == 1);
        for (const std::string &name : present) {
            REQUIRE(attempted.count(name) == 1);
            const int index = std::stoi(name.substr(std::string("large-").size()));
            CHECK(storage->loadScenario(name) == lfrtest::largeScenario(index, kOfficers));
        }
        if (present.count("large-" + std::to_string(first + 1)) == 0)
            ++killedMidImport;
    }
    // The test means something only if some kill hit an open transaction.
    CHECK(killedMidImport >= 1);
}
