// Runs a real child process with its output captured, for the tests of the
// command-line tool and of external solvers.
#pragma once

#include "lfrplan/scenario_io.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char **environ;

namespace lfrtest {

struct ProcessRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// The environment this process runs in, as NAME=VALUE entries.
inline std::vector<std::string> currentEnvironment()
{
    std::vector<std::string> env;
    for (char **e = environ; *e; ++e)
        env.emplace_back(*e);
    return env;
}

// Runs `program` (an absolute path) with `args` in `environment`, standard
// input from /dev/null, output captured in files in `dir`. A crash fails
// the test.
inline ProcessRun runProcessWithEnvironment(const std::string &program, const std::vector<std::string> &args,
                                            const ScratchDir &dir, std::vector<std::string> environment)
{
    std::vector<char *> cenv;
    for (auto &e : environment)
        cenv.push_back(e.data());
    cenv.push_back(nullptr);
    const auto outPath = dir / "stdout.txt";
    const auto errPath = dir / "stderr.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<std::string> all = {program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char *> cargs;
    for (auto &a : all)
        cargs.push_back(a.data());
    cargs.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, cargs.data(), cenv.data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status)); // never a crash, whatever the input
    ProcessRun run;
    run.exitCode = WEXITSTATUS(status);
    run.out = lfr::readTextFile(outPath);
    run.err = lfr::readTextFile(errPath);
    return run;
}

// runProcessWithEnvironment in this process's environment.
inline ProcessRun runProcess(const std::string &program, const std::vector<std::string> &args, const ScratchDir &dir)
{
    return runProcessWithEnvironment(program, args, dir, currentEnvironment());
}

} // namespace lfrtest
