// Shared helpers for the core tests.
#pragma once

#include "lfrplan/scenario_io.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace lfrtest {

inline std::filesystem::path testData(const std::string &name)
{
    return std::filesystem::path(LFRPLAN_TEST_DATA_DIR) / name;
}

inline std::string smallScenarioText() { return lfr::readTextFile(testData("small-scenario.json")); }

inline nlohmann::json smallScenarioJson() { return nlohmann::json::parse(smallScenarioText()); }

// The small scenario's pin staffed in full: MP1001 silver, MP1002 operator
// (West End may release 3 - 1 = 2 that day), MP2001 and MP2002 engagement
// from Brixton, all on early shifts on Monday. A valid plan.
inline nlohmann::json smallPlanJson() { return nlohmann::json::parse(lfr::readTextFile(testData("small-plan.json"))); }

// A unique scratch folder removed when the object goes away.
class ScratchDir {
public:
    ScratchDir()
    {
        std::string tmpl = (std::filesystem::temp_directory_path() / "lfrplan-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data()))
            throw std::runtime_error("cannot create a scratch folder");
        path_ = tmpl;
    }
    ~ScratchDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;
    const std::filesystem::path &path() const { return path_; }
    std::filesystem::path operator/(const std::string &name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

} // namespace lfrtest
