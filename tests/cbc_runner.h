// cbc, Debian's COIN-OR branch and cut (package coinor-cbc), as an exact
// reference for the MILP export and the re-plan's levels: found on the
// machine or the test fails (it does not skip).
#pragma once

#include "process_runner.h"
#include "test_support.h"

#include "lfrplan/file_io.h"
#include "lfrplan/input_limits.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace lfrtest {

// /usr/bin/cbc, else the first cbc on PATH; empty when there is none.
inline std::string findCbc()
{
    if (::access("/usr/bin/cbc", X_OK) == 0)
        return "/usr/bin/cbc";
    const char *path = std::getenv("PATH");
    std::string_view rest = path ? path : "";
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::string folder(rest.substr(0, colon));
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        const std::string candidate = folder + "/cbc";
        if (!folder.empty() && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return "";
}

inline const std::string &cbcProgram()
{
    static const std::string program = findCbc();
    if (program.empty())
        FAIL("cbc is not installed (neither /usr/bin/cbc nor on PATH): install the package coinor-cbc "
             "(packaging/bootstrap-deps.sh does); the LP tests need it and do not skip");
    return program;
}

// cbc's solution file for the LP text, solved with a 60 s limit.
inline std::string solveWithCbc(const std::string &lp)
{
    const std::string &cbc = cbcProgram();
    ScratchDir dir;
    const auto model = dir / "model.lp";
    const auto solution = dir / "solution.txt";
    lfr::writeFileAtomically(model, lp);
    const ProcessRun run = runProcess(cbc, {model.string(), "sec", "60", "solve", "solu", solution.string()}, dir);
    INFO("cbc output:\n" << run.out << run.err);
    REQUIRE(run.exitCode == 0);
    REQUIRE(std::filesystem::exists(solution));
    return lfr::readTextFile(solution);
}

} // namespace lfrtest
