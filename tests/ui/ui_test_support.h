// Shared by the UI test programs.
#pragma once

#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QString>

namespace lfrtest {

// Makes a database at `file` holding the demo week alone, without a plan;
// returns `file`.
inline QString makeDemoDatabase(const QString &file)
{
    auto store = lfr::openStorage(file.toStdString(), lfr::OpenMode::CreateIfMissing);
    store->importScenario(lfr::readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json"), lfr::ImportMode::FailIfExists);
    return file;
}

// The same with the demo week's solved plan saved.
inline QString makeSolvedDemoDatabase(const QString &file)
{
    makeDemoDatabase(file);
    auto store = lfr::openStorage(file.toStdString(), lfr::OpenMode::ExistingOnly);
    const lfr::Scenario week = lfr::readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json");
    lfr::Plan plan;
    plan.scenario = week.name;
    plan.deployments = lfr::solve(week).plan.deployments;
    store->savePlan(week.name, plan);
    return file;
}

} // namespace lfrtest
