// The main window on a demo week of its own (issue 20's UI tests): a demo
// database in a temporary folder, its week bare, solved and saved, or also
// published as version 1, opened in a shown MainWindow at 1366x768.
#pragma once

#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "store_call.h"
#include "ui_test_support.h"

#include "lfrplan/publishing.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

namespace lfrtest {

struct DemoDesk {
    enum class Start { Bare, Solved, Published };

    QTemporaryDir dir;
    QString database;
    std::string week;
    std::unique_ptr<lfr::ui::MainWindow> window;

    bool open(Start start)
    {
        if (!dir.isValid())
            return false;
        database = makeDemoDatabase(dir.filePath(QStringLiteral("demo.db")));
        const lfr::Scenario demo = lfr::readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json");
        week = demo.name;
        if (start != Start::Bare) {
            // The solver's plan as lfrplan solve saves it: status, figures and bound.
            auto s = store();
            s->savePlan(week, lfr::solve(demo).plan);
            if (start == Start::Published)
                lfr::publishSavedPlan(*s, week);
        }
        window = std::make_unique<lfr::ui::MainWindow>();
        if (!window->openDatabase(database, QString::fromStdString(week), true))
            return false;
        window->resize(1366, 768);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        QApplication::setActiveWindow(window.get());
        return true;
    }
    std::unique_ptr<lfr::Storage> store() const
    {
        return lfr::openStorage(database.toStdString(), lfr::OpenMode::ExistingOnly);
    }
    lfr::ui::PlanDocument *doc() const { return window->document(); }
};

// No store call is running in the window.
inline bool idle(lfr::ui::MainWindow &window) { return !window.documents()->storeCall()->running(); }

} // namespace lfrtest
