// Shared by the UI test programs.
#pragma once

#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QString>

namespace lfrtest {

// Makes a database at `file` holding the demo week alone, with its solved
// plan saved; returns `file`.
inline QString makeSolvedDemoDatabase(const QString &file)
{
    auto store = lfr::openStorage(file.toStdString(), lfr::OpenMode::CreateIfMissing);
    const lfr::Scenario week = lfr::readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json");
    store->importScenario(week, lfr::ImportMode::FailIfExists);
    lfr::Plan plan;
    plan.scenario = week.name;
    plan.deployments = lfr::solve(week).plan.deployments;
    store->savePlan(week.name, plan);
    return file;
}

} // namespace lfrtest
